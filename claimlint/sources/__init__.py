"""Sources: decode a file and find the prose in it, per syntax, with offsets into the source."""

from __future__ import annotations

import codecs
import importlib
from collections.abc import Callable
from pathlib import Path

import regex

from claimlint.errors import ClaimlintError
from claimlint.lazy import LazyRegex
from claimlint.model import Document, Segment
from claimlint.sources import plain


def _lazy(module: str) -> Callable[[str], tuple[Segment, ...]]:
    """An extractor whose module (and parser) is imported only when a file of its syntax is read."""

    def segments(source: str) -> tuple[Segment, ...]:
        return importlib.import_module(f"claimlint.sources.{module}").segments(source)  # type: ignore[no-any-return]

    return segments


SYNTAXES: dict[str, Callable[[str], tuple[Segment, ...]]] = {
    "txt": plain.segments,
    "md": _lazy("markdown"),
    "html": _lazy("html"),
    "json": _lazy("locale_json"),
    "yaml": _lazy("locale_yaml"),
    "po": _lazy("po"),
}
# What a file's extension says about its syntax; these are also what a directory walk checks.
EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".mdx": "md",
    ".html": "html",
    ".htm": "html",
    ".po": "po",
    ".pot": "po",
}
# String files: read as such when named, and walked only in a folder that holds translations.
LOCALE_EXTENSIONS: dict[str, str] = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}
LOCALE_FOLDER = LazyRegex(  # compiled when a folder walk first meets a .json or .yaml file
    r"(?:^|[/\\])(?:_?locales?|i18n|l10n|translations?|lang|langs|languages|messages)(?:[/\\]|$)",
    regex.IGNORECASE,
    regex,
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class SourceError(ClaimlintError):
    """A file that cannot be checked: unreadable, not text, or not in a known encoding."""

    def __init__(self, message: str, *, path: str, code: str, line: int | None = None) -> None:
        super().__init__(message, path=path, line=line)
        self.code = code


def syntax_for(path: str) -> str:
    """Return the syntax a file's name implies (plain text when nothing more is known)."""
    suffix = Path(path).suffix.lower()
    return EXTENSIONS.get(suffix) or LOCALE_EXTENSIONS.get(suffix, "txt")


def is_walked(path: str) -> bool:
    """Tell whether a directory walk checks the file at `path` (copy, or strings in a locale folder)."""
    suffix = Path(path).suffix.lower()
    if suffix in EXTENSIONS:
        return True
    return suffix in LOCALE_EXTENSIONS and bool(LOCALE_FOLDER.search(str(Path(path).parent)))


def decode(data: bytes, *, path: str) -> str:
    """Decode a file's bytes: UTF-8 (a BOM is dropped) or BOM-marked UTF-16; nothing is guessed."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError as error:
                raise _undecodable(data, error, path) from None
    if b"\x00" in data:
        raise SourceError(
            "binary file (it contains NUL bytes), not checked", path=path, code="CL003"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _undecodable(data, error, path) from None


def _undecodable(data: bytes, error: UnicodeDecodeError, path: str) -> SourceError:
    line = data.count(b"\n", 0, error.start) + 1
    column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
    byte = data[error.start : error.start + 1].hex()
    message = (
        f"not valid UTF-8 (byte 0x{byte} at line {line}, byte {column}); "
        "save the file as UTF-8 and check it again"
    )
    return SourceError(message, path=path, code="CL002", line=line)


def parse(source: str, *, path: str = "<text>", syntax: str = "txt") -> Document:
    """Return the document for already-decoded `source` read as `syntax`."""
    return Document(path, source, SYNTAXES[syntax](source), syntax)


def read(path: str, *, syntax: str | None = None) -> Document:
    """Read and decode the file at `path` and find its prose; raise SourceError if it cannot."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise SourceError(f"cannot read: {reason}", path=path, code="CL001") from None
    return parse(decode(data, path=path), path=path, syntax=syntax or syntax_for(path))
