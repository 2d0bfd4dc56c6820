"""gettext catalogues (.po, .pot): the translations (msgstr), or the msgids of a template.

A catalogue with no translation at all (a .pot template, or a .po not yet translated) is the
source-language copy, so its msgids are checked instead. The header entry is never copy.
"""

from __future__ import annotations

import regex

from claimlint.model import Segment
from claimlint.sources.mapping import Builder, without_bom

# A keyword line (msgid "…", msgstr[1] "…") or a continuation line ("…"); comments start with #.
_LINE = regex.compile(
    r'^[ \t]*(?:(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]+)?("(?:[^"\\]|\\.)*")',
    regex.MULTILINE,
)
_ESCAPE = regex.compile(r"\\(?:[0-7]{1,3}|x[0-9a-fA-F]+|.)", regex.DOTALL)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _string(source: str, start: int, end: int, builder: Builder) -> None:
    """Add the C string literal source[start:end] (quotes included), decoded and mapped."""
    index = start + 1
    for m in _ESCAPE.finditer(source, index, end - 1):
        builder.literal(source, index, m.start())
        escape = m.group()[1:]
        if escape[0] in "01234567":
            char = chr(int(escape, 8))
        elif escape[0] == "x" and len(escape) > 1:
            char = chr(int(escape[1:], 16))
        else:
            char = _SIMPLE.get(escape, escape)
        builder.add(char, m.start(), m.end())
        index = m.end()
    builder.literal(source, index, end - 1)


def _entries(source: str) -> list[dict[str, list[tuple[int, int]]]]:
    """Return each entry as {keyword: [string spans]}, continuation lines joined to their keyword."""
    entries: list[dict[str, list[tuple[int, int]]]] = []
    keyword = None
    for m in _LINE.finditer(source):
        if m.group(1):
            keyword = m.group(1)
            if keyword in ("msgctxt", "msgid") and (
                not entries or any(k.startswith("msgstr") for k in entries[-1])
            ):
                entries.append({})
            elif not entries:
                entries.append({})
        if keyword is not None:
            entries[-1].setdefault(keyword, []).append(m.span(2))
    return entries


def _text(source: str, spans: list[tuple[int, int]]) -> str:
    return "".join(source[a + 1 : b - 1] for a, b in spans)


def _segments(source: str) -> list[Segment]:
    entries = [e for e in _entries(source) if _text(source, e.get("msgid", []))]  # no header
    translated = any(
        _text(source, spans) for e in entries for k, spans in e.items() if k.startswith("msgstr")
    )
    wanted = ("msgstr",) if translated else ("msgid", "msgid_plural")
    found: list[Segment] = []
    for entry in entries:
        for keyword, spans in entry.items():
            if keyword.split("[")[0] not in wanted:
                continue
            builder = Builder()
            for start, end in spans:
                _string(source, start, end, builder)
            builder.flush(found)
    return found


segments = without_bom(_segments)
segments.__doc__ = "Return each translation (or, in a template, each source string) as one segment."
