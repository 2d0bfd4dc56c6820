"""Building segments whose text differs from the source: each character keeps its source span."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

import regex

from claimlint.model import Segment

# An HTML character reference as browsers read it (the ';' may be missing on legacy names).
ENTITY = regex.compile(r"&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[a-zA-Z][a-zA-Z0-9]*;?)")
# Stands for something a reader sees but that is not checked (a code span, an image), so that
# no claim is matched across it; it is neither a letter nor a space nor a sentence end.
OBJECT = "\ufffc"
PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_SPACE = regex.compile(r"\s+")
# What `Builder.literal` must look at one by one, for each (entities, spaces, escapes).
_SPECIAL = {
    (entities, spaces, escapes): regex.compile(
        "|".join(p for p, on in (("&", entities), (r"\s", spaces), (r"\\", escapes)) if on)
    )
    if entities or spaces or escapes
    else None
    for entities in (False, True)
    for spaces in (False, True)
    for escapes in (False, True)
}


class Builder:
    """Collect the text of one segment, each character with the source span it came from."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, text: str, start: int, end: int) -> None:
        """Add `text`, every character of it standing for the source span [start, end)."""
        for char in text:
            self.chars.append(char)
            self.starts.append(start)
            self.ends.append(end)

    def literal(
        self,
        text: str,
        begin: int,
        stop: int,
        where: Sequence[int] | None = None,
        *,
        entities: bool = False,
        spaces: bool = False,
        escapes: bool = False,
    ) -> None:
        """Add text[begin:stop], which a reader sees as written; where[i] is text[i]'s source offset.

        With `entities`, character references are decoded; with `spaces`, each run of white
        space reads as one space (as a browser renders it); with `escapes`, a backslash before
        ASCII punctuation is dropped (Markdown).
        """
        at = where if where is not None else range(len(text) + 1)
        special = _SPECIAL[entities, spaces, escapes]
        index = begin
        while index < stop:
            m = special.search(text, index, stop) if special else None
            plain_end = m.start() if m else stop
            if plain_end > index:  # the common case, taken in bulk
                self.chars.extend(text[index:plain_end])
                self.starts.extend(at[index:plain_end])
                self.ends.extend([offset + 1 for offset in at[index:plain_end]])
            if m is None:
                return
            index = self._special(text, plain_end, stop, at)

    def _special(self, text: str, index: int, stop: int, at: Sequence[int]) -> int:
        """Add the markup at text[index] (a reference, an escape, white space); return what follows."""
        char = text[index]
        if char == "&":
            m = ENTITY.match(text, index, stop)
            decoded = html.unescape(m.group()) if m else char
            if m and decoded != m.group():
                self.add(decoded, at[m.start()], at[m.end() - 1] + 1)
                return m.end()
        elif char == "\\":
            if index + 1 < stop and text[index + 1] in PUNCTUATION:
                self.add(text[index + 1], at[index], at[index + 1] + 1)
                return index + 2
        elif char.isspace():
            m = _SPACE.match(text, index, stop)
            end = m.end() if m else index + 1
            self.add(" ", at[index], at[end - 1] + 1)
            return end
        self.add(char, at[index], at[index] + 1)
        return index + 1

    def segment(self) -> Segment | None:
        """Return the collected text as a segment, without white space or stand-ins at either end."""
        chars = self.chars
        first, last = 0, len(chars)
        while first < last and (chars[first].isspace() or chars[first] == OBJECT):
            first += 1
        while last > first and (chars[last - 1].isspace() or chars[last - 1] == OBJECT):
            last -= 1
        if first == last:
            return None
        starts = self.starts[first:last]
        ends = self.ends[first:last]
        return Segment("".join(chars[first:last]), [*starts, ends[-1]], ends)

    def flush(self, into: list[Segment]) -> None:
        """Append the collected segment (if any) to `into` and start afresh."""
        segment = self.segment()
        if segment is not None:
            into.append(segment)
        self.chars, self.starts, self.ends = [], [], []


def shifted(segment: Segment, by: int) -> Segment:
    """Return `segment` with every offset moved `by` characters (for text parsed from a slice)."""
    ends = None if segment.ends is None else [e + by for e in segment.ends]
    return Segment(segment.text, [o + by for o in segment.offsets], ends)


def without_bom(
    extract: Callable[[str], Sequence[Segment]],
) -> Callable[[str], tuple[Segment, ...]]:
    """Wrap an extractor so that a leading byte-order mark is skipped and offsets still fit."""

    def segments(source: str) -> tuple[Segment, ...]:
        if source.startswith("\ufeff"):
            return tuple(shifted(s, 1) for s in extract(source[1:]))
        return tuple(extract(source))

    segments.__doc__ = extract.__doc__
    segments.__name__ = "segments"
    return segments


def line_starts(source: str) -> list[int]:
    """Return the offset where each line starts; lines end at \\r\\n, \\r or \\n."""
    return [0] + [m.end() for m in regex.finditer(r"\r\n|\r|\n", source)]
