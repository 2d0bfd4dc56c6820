"""Markdown: the copy of each block (heading, paragraph, list item, table cell, quote), link
text, image alt text and titles, raw HTML read as HTML, and the title/description/summary of
YAML or TOML front matter. Code, URLs, autolinks and comments are not copy.

markdown-it-py (imported only when a Markdown file is checked) finds the blocks and their
lines; it gives inline tokens no positions, so each block's inline content is aligned with its
source lines here and every inline token is found in it in order. A block that cannot be
aligned exactly is checked as its raw source lines, so positions are never wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from claimlint.model import Segment
from claimlint.sources import html, locale_json, locale_yaml
from claimlint.sources.mapping import OBJECT, Builder, line_starts, shifted, without_bom

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

FRONT_MATTER_KEYS = frozenset({"title", "description", "summary"})
_FRONT_MATTER = regex.compile(
    r"---[ \t]*(?:\r\n|\r|\n)(.*?)(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)", regex.DOTALL
)
# Hugo's TOML front matter, and the one-line string values in it that are read as copy.
_TOML_FRONT_MATTER = regex.compile(
    r"\+\+\+[ \t]*(?:\r\n|\r|\n)(.*?)(?:\r\n|\r|\n)\+\+\+[ \t]*(?:\r\n|\r|\n|$)", regex.DOTALL
)
_TOML_VALUE = regex.compile(
    r"""^[ \t]*(?:title|description|summary)[ \t]*=[ \t]*("(?:[^"\\\r\n]|\\.)*"|'[^'\r\n]*')""",
    regex.MULTILINE,
)
_ATX_OPEN = regex.compile(r"[ \t]*#{1,6}[ \t]*")
_EMPHASIS = frozenset({"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"})


class _Misaligned(Exception):
    """The inline tokens of a block could not be found in its source in order."""


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # text_join would merge escapes and entities into plain text, losing their source form.
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")


class _Source:
    """The source text and its lines (ending at \\r\\n, \\r or \\n, as markdown-it reads them)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = line_starts(text)
        self.breaks = [m.start() for m in regex.finditer(r"\r\n|\r|\n", text)] + [len(text)]

    def line(self, number: int) -> tuple[int, int, int]:
        """Return (start, end without its line break, start of the next line) of a 0-based line."""
        start = self.starts[number]
        nxt = self.starts[number + 1] if number + 1 < len(self.starts) else len(self.text)
        return start, self.breaks[number], nxt


class _Content:
    """A block's inline content and, for each character, its offset in the source."""

    def __init__(self, text: str, where: list[int], break_ends: dict[int, int]) -> None:
        self.text = text
        self.where = where  # len(text) + 1 entries
        self.break_ends = break_ends  # index of a '\n' in text → end of its line break in source

    def at(self, index: int) -> int:
        return self.where[index]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of text[start:end] (end > start)."""
        return self.where[start], self.break_ends.get(end - 1, self.where[end - 1] + 1)


def _align_lines(src: _Source, content: str, first_line: int, kind: str, cursor: int) -> _Content:
    """Map each character of a block's inline content to the source lines it was read from."""
    where: list[int] = []
    break_ends: dict[int, int] = {}
    lines = content.split("\n")
    for number, text in enumerate(lines):
        start, end, nxt = src.line(first_line + number)
        line = src.text[start:end]
        body = text.lstrip(" \t")
        lead = len(text) - len(body)
        if kind == "cell":
            positions = _cell(line, body, max(cursor - start, 0))
        else:
            found = _place(line, body, kind)
            positions = None if found is None else list(range(found, found + len(body)))
        if positions is None:
            raise _Misaligned
        where.extend([start + (positions[0] if positions else len(line))] * lead)
        where.extend(start + p for p in positions)
        if number < len(lines) - 1:
            break_ends[len(where)] = nxt
            where.append(end)
    # An empty table cell keeps the row's cursor where it was, so the next cell is looked for after it.
    where.append(where[-1] + 1 if where else max(cursor, src.starts[first_line]))
    return _Content(content, where, break_ends)


def _place(line: str, body: str, kind: str) -> int | None:
    """Where `body` (a line of inline content) stands in its source `line`."""
    trimmed, bare = line.rstrip(" \t"), body.rstrip(" \t")
    if trimmed.endswith(bare) and line.startswith(body, len(trimmed) - len(bare)):
        return len(trimmed) - len(bare)  # paragraphs: content runs to the end of the line
    if kind == "atx":  # a heading with a closing sequence: content follows the opening #s
        opening = _ATX_OPEN.match(line)
        found = line.find(body, opening.end() if opening else 0)
        return found if found >= 0 else None
    return None


def _cell(line: str, body: str, cursor: int) -> list[int] | None:
    """Positions of a table cell's content in its row, where '\\|' in the source reads '|'."""
    for start in range(cursor, len(line) - len(body) + 1):
        positions, index = [], start
        for char in body:
            if char == "|" and line.startswith("\\|", index):
                index += 1
            if index >= len(line) or line[index] != char:
                break
            positions.append(index)
            index += 1
        else:
            return positions
    return None


def _expect(content: _Content, cursor: int, text: str) -> int:
    """Return where `text` starts at `cursor` (after any spaces); raise if it is not there."""
    source = content.text
    if source.startswith(text, cursor):
        return cursor
    index = cursor
    while index < len(source) and source[index] in " \t":
        index += 1
    if source.startswith(text, index):
        return index
    raise _Misaligned


def _walk(
    tokens: Sequence[Token], content: _Content, cursor: int, builder: Builder, found: list[Segment]
) -> int:
    """Add the text of inline tokens to `builder` (alt and titles to `found`); return the cursor."""
    text = content.text
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == "text":
            start = _expect(content, cursor, token.content)
            builder.literal(text, start, start + len(token.content), content.where)
            cursor = start + len(token.content)
        elif kind == "text_special":  # a backslash escape or a character reference
            start = _expect(content, cursor, token.markup)
            cursor = start + len(token.markup)
            if token.content == token.markup:  # a backslash before a letter stays as written
                builder.literal(text, start, cursor, content.where)
            else:
                builder.add(token.content, *content.span(start, cursor))
        elif kind in ("softbreak", "hardbreak"):
            start = cursor
            while start < len(text) and text[start] in " \t\\":
                start += 1
            if not text.startswith("\n", start):
                raise _Misaligned
            # A soft break reads as a space; a hard break is a new line.
            builder.add(
                " " if kind == "softbreak" else "\n",
                content.at(cursor),
                content.span(start, start + 1)[1],
            )
            cursor = start + 1
        elif kind in _EMPHASIS:
            cursor = _expect(content, cursor, token.markup) + len(token.markup)
        elif kind == "code_inline":
            start = _expect(content, cursor, token.markup)
            cursor = _closing_backticks(text, start + len(token.markup), len(token.markup))
            builder.add(OBJECT, *content.span(start, cursor))
        elif kind == "html_inline":
            start = _expect(content, cursor, token.content)
            cursor = start + len(token.content)
            if not token.content.startswith(("</", "<!", "<?")):
                html.tag_segments(token.content, content.where[start : cursor + 1], found)
        elif kind == "image":
            start = _expect(content, cursor, "![")
            alt = Builder()
            cursor = _walk(token.children or (), content, start + 2, alt, found)
            alt.flush(found)
            cursor = _link_tail(content, _expect(content, cursor, "]") + 1, found)
            builder.add(OBJECT, *content.span(start, cursor))
        elif kind == "link_open" and token.markup in ("autolink", "linkify"):
            start = _expect(content, cursor, "<")
            cursor = text.find(">", start) + 1
            if not cursor:
                raise _Misaligned
            builder.add(OBJECT, *content.span(start, cursor))
            while tokens[index].type != "link_close":
                index += 1
        elif kind == "link_open":
            cursor = _expect(content, cursor, "[") + 1
        elif kind == "link_close":
            cursor = _link_tail(content, _expect(content, cursor, "]") + 1, found)
        else:
            raise _Misaligned
        index += 1
    return cursor


def _closing_backticks(text: str, start: int, size: int) -> int:
    """Return the end of the backtick run of exactly `size` that closes a code span."""
    for m in regex.finditer(r"`+", text[start:]):
        if len(m.group()) == size:
            return start + m.end()
    raise _Misaligned


def _link_tail(content: _Content, pos: int, found: list[Segment]) -> int:
    """Skip what follows a link's ']' (destination and title, or a reference); add its title."""
    from markdown_it.helpers import parseLinkDestination, parseLinkTitle

    text = content.text
    if text.startswith("(", pos):
        index = _skip_space(text, pos + 1)
        destination = parseLinkDestination(text, index, len(text))
        if destination.ok:
            index = after = destination.pos
            index = _skip_space(text, index)
            title = parseLinkTitle(text, index, len(text))
            if index != after and title.ok:
                builder = Builder()
                builder.literal(
                    text, index + 1, title.pos - 1, content.where, entities=True, escapes=True
                )
                builder.flush(found)
                index = _skip_space(text, title.pos)
        if text.startswith(")", index):
            return index + 1
    if text.startswith("[", pos):  # [text][label] or [text][]
        m = regex.compile(r"\[(?:[^\[\]\\]|\\.)*\]").match(text, pos)
        if m:
            return m.end()
    return pos


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\n":
        index += 1
    return index


def _front_matter(source: str, found: list[Segment]) -> int:
    """Add the title, description and summary of YAML (or TOML) front matter; return where it ends."""
    toml = _TOML_FRONT_MATTER.match(source)
    if toml:
        for value in _TOML_VALUE.finditer(source, toml.start(1), toml.end(1)):
            start, end = value.span(1)
            if source[start] == '"':  # a basic string: JSON's escapes (and \U…, rare in copy)
                segment = locale_json.string_segment(source, start, end)
            else:  # a literal string: no escapes
                segment = Segment(source[start + 1 : end - 1], range(start + 1, end))
            if segment is not None and segment.text:
                found.append(segment)
        return toml.end()
    m = _FRONT_MATTER.match(source)
    if not m:
        return 0
    import yaml

    try:
        roots = list(locale_yaml.compose(m.group(1)))
    except yaml.YAMLError:
        return m.end()
    for root in roots:
        stack = [root]
        while stack:
            node = stack.pop()
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if isinstance(value, yaml.ScalarNode):
                        if key.value in FRONT_MATTER_KEYS and value.tag == locale_yaml.STRING:
                            segment = locale_yaml.scalar_segment(m.group(1), value, m.start(1))
                            if segment is not None:
                                found.append(segment)
                    else:
                        stack.append(value)
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(node.value)
    return m.end()


def _raw_lines(src: _Source, begin: int, end: int) -> Segment:
    """The source lines [begin, end) as they stand: the fallback that is never misplaced."""
    start, stop = src.line(begin)[0], src.line(end - 1)[1]
    return Segment(src.text[start:stop], range(start, stop + 1))


def _segments(source: str) -> list[Segment]:
    src = _Source(source)
    found: list[Segment] = []
    skipped = _front_matter(source, found)
    # Front matter becomes empty lines, so that markdown-it's line numbers still fit the source.
    hidden = len(line_starts(source[:skipped])) - 1 if skipped else 0
    tokens = _parser().parse("\n" * hidden + source[skipped:])
    row_cursor = 0
    for number, token in enumerate(tokens):
        if token.type == "tr_open":
            row_cursor = src.line(token.map[0])[0] if token.map else 0
        elif token.type == "html_block" and token.map:
            start, stop = src.line(token.map[0])[0], src.line(token.map[1] - 1)[1]
            found.extend(shifted(s, start) for s in html.segments(source[start:stop]))
        elif token.type == "inline" and token.map:
            opener = tokens[number - 1]
            kind = {
                "heading_open": "atx" if opener.markup.startswith("#") else "setext",
                "th_open": "cell",
                "td_open": "cell",
            }.get(opener.type, "paragraph")
            before = len(found)
            builder = Builder()
            try:
                content = _align_lines(src, token.content, token.map[0], kind, row_cursor)
                end = _walk(token.children or (), content, 0, builder, found)
            except _Misaligned:
                del found[before:]
                last = token.map[0] + 1 if kind == "cell" else token.map[1] - (kind == "setext")
                found.append(_raw_lines(src, token.map[0], last))
                continue
            if kind == "cell":
                row_cursor = content.at(end) if end < len(content.text) else content.where[-1]
            builder.flush(found)
    return sorted(found, key=lambda s: s.offsets[0])


segments: Callable[[str], tuple[Segment, ...]] = without_bom(_segments)
segments.__doc__ = (
    "Return the copy of a Markdown file, one segment per block, alt text and titles apart."
)
