"""YAML string files (locales, translations): every string value, keys and comments left out.

PyYAML's composer gives each scalar's start and end in the source; the scalar is decoded here
again (quotes, escapes, line folding) so that each character keeps its exact source span.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from claimlint.model import Segment
from claimlint.sources import plain
from claimlint.sources.mapping import Builder, without_bom

if TYPE_CHECKING:
    import yaml

STRING = "tag:yaml.org,2002:str"
_BREAK = regex.compile(r"\r\n|\r|\n")
_DOUBLE_ESCAPE = regex.compile(
    r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", regex.DOTALL
)
_SIMPLE = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEADER = regex.compile(r"[|>][-+0-9]*")


def compose(text: str) -> Iterator[yaml.Node]:
    """Yield the node tree of each YAML document in `text` (nothing is constructed: safe)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    yield from (node for node in yaml.compose_all(text, Loader=loader) if node is not None)


def strings(node: yaml.Node) -> Iterator[yaml.ScalarNode]:
    """Yield every string scalar that is a value (never a key) under `node`, in source order."""
    import yaml

    seen: set[int] = set()  # an alias repeats a node; check it once
    stack = [node]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            stack.extend(value for _, value in reversed(current.value))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))
        elif isinstance(current, yaml.ScalarNode) and current.tag == STRING:
            yield current


def scalar_segment(source: str, node: yaml.ScalarNode, base: int = 0) -> Segment | None:
    """Return the text of a scalar node as a reader sees it, mapped to `source` (shifted by `base`)."""
    builder = Builder()
    start, end = node.start_mark.index, node.end_mark.index
    if node.style in ("|", ">"):
        _block(source, start, end, node.style == ">", builder)
    else:
        quote = node.style if node.style in ("'", '"') else ""
        _flow(source, start + len(quote), end - len(quote), quote, builder)
    segment = builder.segment()
    if segment is None or not base:
        return segment
    return Segment(
        segment.text, [o + base for o in segment.offsets], [e + base for e in segment.ends or ()]
    )


def _lines(source: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """Return (start, end, end of line break) of each line in source[start:end]."""
    lines = []
    for m in _BREAK.finditer(source, start, end):
        lines.append((start, m.start(), m.end()))
        start = m.end()
    lines.append((start, end, end))
    return lines


def _flow(source: str, start: int, end: int, quote: str, builder: Builder) -> None:
    """Decode a plain, 'single' or "double" quoted scalar, folding its lines as YAML does."""
    lines = _lines(source, start, end)
    joined = True  # no space before the first line
    for number, (first, last, _) in enumerate(lines):
        if number:
            while first < last and source[first] in " \t":
                first += 1
        if number < len(lines) - 1:
            while last > first and source[last - 1] in " \t":
                last -= 1
        if number and first == last and number < len(lines) - 1:  # an empty line is a line break
            builder.add("\n", first, lines[number][2])
            joined = True
            continue
        if not joined:
            brk = lines[number - 1]
            builder.add(" ", brk[1], brk[2])
        joined = False
        if quote == '"' and last > first and _escaped_break(source, first, last):
            last -= 1
            joined = True
        _decode(source, first, last, quote, builder)


def _escaped_break(source: str, first: int, last: int) -> bool:
    backslashes = len(source[first:last]) - len(source[first:last].rstrip("\\"))
    return backslashes % 2 == 1


def _decode(source: str, first: int, last: int, quote: str, builder: Builder) -> None:
    if quote == "'":
        index = first
        while index < last:
            size = 2 if source.startswith("''", index) else 1
            builder.add(source[index], index, index + size)
            index += size
    elif quote == '"':
        index = first
        for m in _DOUBLE_ESCAPE.finditer(source, first, last):
            builder.literal(source, index, m.start())
            escape = m.group()
            char = _SIMPLE.get(escape[1]) if len(escape) == 2 else chr(int(escape[2:], 16))
            builder.add(char or escape, m.start(), m.end())
            index = m.end()
        builder.literal(source, index, last)
    else:
        builder.literal(source, first, last)


def _block(source: str, start: int, end: int, folded: bool, builder: Builder) -> None:
    """Decode a |literal or >folded block scalar: its lines without their indentation."""
    header = _HEADER.match(source, start)
    body = source.find("\n", start, end)
    if header is None or body < 0:
        return
    lines = _lines(source, body + 1, end)
    digits = "".join(c for c in header.group() if c.isdigit())
    indents = [
        len(source[a:b]) - len(source[a:b].lstrip(" ")) for a, b, _ in lines if source[a:b].strip()
    ]
    indent = int(digits) if digits else min(indents, default=0)
    previous: tuple[int, int, int] | None = None
    previous_empty = False
    for first, last, brk in lines:
        if previous is not None:
            empty = not source[first:last].strip()
            builder.add(
                " " if folded and not empty and not previous_empty else "\n",
                previous[1],
                previous[2],
            )
        previous_empty = not source[first:last].strip()
        builder.literal(source, min(first + indent, last), last)
        previous = (first, last, brk)


def _segments(source: str) -> list[Segment]:
    import yaml

    try:
        nodes = [s for root in compose(source) for s in strings(root)]
    except yaml.YAMLError:
        return list(plain.segments(source))  # unreadable as YAML: check it all rather than nothing
    found = (scalar_segment(source, node) for node in nodes)
    return [s for s in found if s is not None]


segments = without_bom(_segments)
segments.__doc__ = "Return each string value of a YAML file as one segment."
