"""Files claimlint is asked to write (reports, baselines): whole or not at all."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from claimlint.errors import OutputError


@contextmanager
def replacing(path: Path) -> Iterator[TextIO]:
    """Yield a text stream whose content replaces `path` only once the block completes.

    A run that fails half-way leaves the old file as it was. Raises OutputError when the file
    cannot be created or replaced.
    """
    import tempfile  # here: it is slow to import, and most runs write no file

    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.resolve().parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise OutputError(f"cannot write here: {error.strerror or error}", path=str(path)) from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as open() would have made it, not mkstemp's 0600
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            yield stream
        try:
            os.replace(temporary, path)
        except OSError as error:
            raise OutputError(
                f"cannot replace it: {error.strerror or error}", path=str(path)
            ) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
