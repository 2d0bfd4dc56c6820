"""HTML: text nodes, <title>, and the attributes a reader sees (alt, title, meta description…).

The standard library's `html.parser` reports the line and column of every event, which gives
exact source offsets at no start-up cost; character references are decoded here, each decoded
character keeping the span of its reference.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html.parser import HTMLParser

import regex

from claimlint.model import Segment
from claimlint.sources.mapping import Builder, without_bom

# Elements whose content is not copy: never shown, or code.
SKIPPED = frozenset({"script", "style", "template", "code", "pre", "kbd", "samp"})
# Elements that do not end the sentence around them; any other element ends a segment.
INLINE = frozenset(
    "a abbr b bdi bdo big cite data del dfn em font i img ins label mark nobr q rp rt ruby s small "
    "span strike strong sub sup time tt u var wbr".split()
)
# Attributes read as copy, on any element.
TEXT_ATTRIBUTES = frozenset({"alt", "title", "aria-label", "aria-description", "placeholder"})
# <meta name|property=… content=…> whose content is shown as a page's title or summary.
META = frozenset(
    {"description", "og:title", "og:description", "twitter:title", "twitter:description"}
)
# One attribute inside a start tag, as html.parser reads them: name, then an optional value.
ATTRIBUTE = regex.compile(
    r"""(?<=['"\s/])([^\s/>][^\s/=>]*)(?:\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?"""
)
_TAG_NAME = regex.compile(r"<[^\s/>]+")
# A reference as html.parser splits them off the text (see its entityref and charref patterns).
_REFERENCE = regex.compile(r"&(?:#[xX][0-9a-fA-F]*|#[0-9]*|[a-zA-Z][-.a-zA-Z0-9]*);?")


def attributes(tag: str) -> Iterator[tuple[str, int, int]]:
    """Yield (lower-case name, value start, value end) of each attribute in a raw start tag."""
    name = _TAG_NAME.match(tag)
    for m in ATTRIBUTE.finditer(tag, name.end() if name else 0):
        if m.group(2) is None:
            yield m.group(1).lower(), m.end(), m.end()
            continue
        start, end = m.span(2)
        if tag[start] in "'\"":
            start, end = start + 1, end - 1
        yield m.group(1).lower(), start, end


def tag_segments(tag: str, where: Sequence[int], into: list[Segment]) -> None:
    """Add a segment for each readable attribute of the raw start tag `tag` (alt, title, meta …).

    `where[i]` is the source offset of tag[i].
    """
    found = {name: (start, end) for name, start, end in attributes(tag)}
    wanted = [found[name] for name in TEXT_ATTRIBUTES if name in found]
    kind = found.get("name") or found.get("property")
    if (
        tag[:5].lower() == "<meta"
        and kind
        and "content" in found
        and tag[kind[0] : kind[1]].lower() in META
    ):
        wanted.append(found["content"])
    for start, end in sorted(wanted):
        builder = Builder()
        builder.literal(tag, start, end, where, entities=True, spaces=True)
        builder.flush(into)


class _Reader(HTMLParser):
    """Collect segments while html.parser walks the page."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.lines = [0] + [m.end() for m in regex.finditer(r"\n", source)]  # as getpos() counts
        self.segments: list[Segment] = []
        self.text = Builder()
        self.skipping: list[str] = []  # open elements whose content is not copy
        self.done = 0  # text before this offset is already taken (references are split oddly)

    def _here(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # '<![…' outside SVG/MathML is a bogus comment up to the next '>' (HTML5); the base
        # class would raise on anything but a well-formed marked section.
        end = self.rawdata.find(">", i + 3)
        return -1 if end < 0 else end + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, void=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, void=True)

    def _start(self, tag: str, *, void: bool) -> None:
        raw = self.get_starttag_text() or ""
        start = self._here()
        if self.skipping:
            if tag == self.skipping[-1] and not void:
                self.skipping.append(tag)
            return
        if tag == "br":
            self.text.add("\n", start, start + len(raw))
            return
        if tag not in INLINE:
            self.text.flush(self.segments)
        tag_segments(raw, range(start, start + len(raw) + 1), self.segments)
        if tag in SKIPPED and not void:
            self.skipping.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag not in INLINE:
            self.text.flush(self.segments)

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        start = self._here()
        if self.source.startswith(data, start):
            self._text(start, start + len(data))

    def _reference(self) -> None:
        if self.skipping:
            return
        start = self._here()
        m = _REFERENCE.match(self.source, start)
        if m:
            self._text(start, m.end())

    def _text(self, start: int, end: int) -> None:
        start = max(start, self.done)
        if start < end:
            self.text.literal(self.source, start, end, entities=True, spaces=True)
            self.done = end

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()


def _segments(source: str) -> list[Segment]:
    reader = _Reader(source)
    reader.feed(source)
    reader.close()
    reader.text.flush(reader.segments)
    return sorted(reader.segments, key=lambda s: s.offsets[0])


segments = without_bom(_segments)
segments.__doc__ = (
    "Return the copy of an HTML page: text between block elements, and readable attributes."
)
