"""JSON string files (locales, translations): every string value; keys and notes left out.

The standard `json` module gives no positions, so a small tolerant scanner walks the text (it
also accepts // and /* */ comments and trailing commas, as JSONC and JSON5 files have them).
"""

from __future__ import annotations

import regex

from claimlint.model import Segment
from claimlint.sources.mapping import Builder, without_bom

_TOKEN = regex.compile(
    r'"(?:[^"\\\n]|\\.)*"?|//[^\n]*|/\*.*?(?:\*/|$)|[{}\[\]:,]|[^\s{}\[\]:,"/]+|\S', regex.DOTALL
)
# An escape; a UTF-16 surrogate pair (\ud83d\ude00) is one character.
_ESCAPE = regex.compile(
    r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)",
    regex.DOTALL,
)
_SIMPLE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
# Values for translators and tools, not for readers: "_comment", "//", ARB "@key" metadata.
NOTE_KEY = regex.compile(r"_+(?:comment|note)\w*|//.*|@.*|\$comment", regex.IGNORECASE)


def string_segment(source: str, start: int, end: int) -> Segment | None:
    """Return the JSON string literal source[start:end] (with its quotes), decoded and mapped."""
    builder = Builder()
    index = start + 1
    stop = end - 1 if end - start >= 2 and source[end - 1] == '"' else end
    for m in _ESCAPE.finditer(source, index, stop):
        builder.literal(source, index, m.start())
        builder.add(_unescape(m.group()), m.start(), m.end())
        index = m.end()
    builder.literal(source, index, stop)
    return builder.segment()


def _unescape(escape: str) -> str:
    if escape[1] != "u":
        return _SIMPLE.get(escape[1], escape[1])
    units = [int(escape[i + 2 : i + 6], 16) for i in range(0, len(escape), 6)]
    if len(units) == 2 and 0xD800 <= units[0] < 0xDC00 <= units[1] < 0xE000:
        return chr(0x10000 + ((units[0] - 0xD800) << 10) + (units[1] - 0xDC00))
    return "".join(chr(u) for u in units)


def _segments(source: str) -> list[Segment]:
    found: list[Segment] = []
    # One entry per open container: is it an object, and is it under a note key?
    stack: list[tuple[bool, bool]] = []
    key_next = False  # in an object, after '{' or ',': the next string is a key
    key = ""  # the last key read, for what a container opened after it is under
    for m in _TOKEN.finditer(source):
        token = m.group()
        in_note = bool(stack) and stack[-1][1]
        if token in ("{", "["):
            stack.append((token == "{", in_note or bool(key and NOTE_KEY.fullmatch(key))))
            key_next, key = token == "{", ""
        elif token in ("}", "]"):
            if stack:
                stack.pop()
            key_next, key = False, ""
        elif token == ",":
            key_next, key = bool(stack) and stack[-1][0], ""
        elif token == ":":
            key_next = False
        elif token.startswith('"'):
            if key_next:
                key = _decoded(source, m.start(), m.end())
                key_next = False
            elif not in_note and not (key and NOTE_KEY.fullmatch(key)):
                segment = string_segment(source, m.start(), m.end())
                if segment is not None:
                    found.append(segment)
    return found


def _decoded(source: str, start: int, end: int) -> str:
    segment = string_segment(source, start, end)
    return segment.text if segment else ""


segments = without_bom(_segments)
segments.__doc__ = "Return each string value of a JSON file as one segment."
