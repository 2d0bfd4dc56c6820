"""A cache of compiled rule packs, so that a run does not parse YAML and compile patterns again.

An entry is keyed by the bytes of every pack file and the versions of everything that shapes the
compiled form; a stale, corrupt or unwritable cache only costs the time of building the pack.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import regex

from claimlint import __version__
from claimlint.model import RulePack

KEEP = 8  # entries kept: a few packs and versions side by side, without growing forever


def directory() -> Path:
    """Where compiled packs are kept: $CLAIMLINT_CACHE_DIR, else the user's cache folder."""
    if os.environ.get("CLAIMLINT_CACHE_DIR"):
        return Path(os.environ["CLAIMLINT_CACHE_DIR"])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "claimlint"


def key(paths: Sequence[Path], *, verify: bool, stamped: Sequence[Path] = ()) -> str | None:
    """Return the cache key of the packs at `paths`, or None when one cannot be read.

    Packs are identified by their bytes, except those in `stamped` (the pack that comes with
    claimlint): like claimlint's own modules, these change only when claimlint is installed or
    edited, and their size and modification time identify them, as they do Python's bytecode;
    reading and hashing a megabyte at every start would cost more than the rest of the key.
    """
    try:  # hashlib loads OpenSSL first, a few milliseconds of every start; _blake2 is built in
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - other Pythons
        from hashlib import blake2b
    digest = blake2b(digest_size=16)
    try:
        import ahocorasick  # noqa: F401  (whether it is there changes the pickled prefilter)

        accelerated = "aho"
    except ImportError:
        accelerated = "pure"
    for part in (__version__, sys.version, regex.__version__, accelerated, str(verify)):
        digest.update(part.encode() + b"\0")
    # The compiled pack is shaped by claimlint's own code too (normalisation, the prefilter's
    # literals, the records): a change to any module makes a new entry.
    modules = sorted(Path(__file__).resolve().parent.glob("*.py"))
    try:
        for path in [*modules, *stamped]:
            status = path.stat()
            digest.update(f"{path}\0{status.st_size}\0{status.st_mtime_ns}\0".encode())
        for path in paths:
            if path not in stamped:
                digest.update(path.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def cached(
    paths: Sequence[Path],
    build: Callable[[], RulePack],
    *,
    verify: bool,
    stamped: Sequence[Path] = (),
) -> RulePack:
    """Return the pack built from `paths`, from the cache when an entry matches (`stamped`:
    see `key`)."""
    entry_key = key(paths, verify=verify, stamped=stamped)
    if entry_key is None or os.environ.get("CLAIMLINT_NO_CACHE"):
        return build()
    entry = directory() / f"pack-{entry_key}.pickle"
    try:
        with entry.open("rb") as stream, _collector_paused():
            pack = pickle.load(stream)  # noqa: S301 - written by claimlint into the user's own cache
        if isinstance(pack, RulePack):
            return pack
    except Exception:  # noqa: BLE001 - missing, corrupt or from another version: rebuild
        pass
    pack = build()
    _store(entry, pack)
    return pack


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: unpickling tens of thousands of objects (none of them
    garbage) otherwise triggers collection after collection, a sixth of the load."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _store(entry: Path, pack: RulePack) -> None:
    """Write an entry atomically, and forget the oldest ones; never fail the run over it."""
    import tempfile  # only when the cache is written, not on every start

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".pack-", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(pack, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
        entries = sorted(entry.parent.glob("pack-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
