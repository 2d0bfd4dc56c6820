"""The text the rules see: a normalised copy of the prose and a map back to the original."""

from __future__ import annotations

import unicodedata
from typing import Iterable, NamedTuple, Sequence

import regex

# Characters with no visible form, used to break words apart without showing it.
_IGNORABLE = regex.compile(r"[\u00ad\u200b\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class Disguise(NamedTuple):
    """A word written to dodge filters."""

    start: int  # span of the word in the input text
    end: int
    word: str
    detail: str  # plain words: what was hidden and how


class Normalized(NamedTuple):
    """Normalised text, a map from each of its positions to the input, and disguised words."""

    text: str
    offsets: Sequence[int]  # len(text) + 1 entries, non-decreasing; the last is len(input)
    disguises: tuple[Disguise, ...] = ()


def normalize(text: str, vocabulary: frozenset[str] = frozenset()) -> Normalized:
    """Return `text` in NFKC without invisible characters, with its offset map."""
    if unicodedata.is_normalized("NFKC", text) and not _IGNORABLE.search(text):
        return Normalized(text, range(len(text) + 1))
    pieces: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        if _IGNORABLE.match(char):
            continue
        folded = unicodedata.normalize("NFKC", char)
        pieces.append(folded)
        offsets.extend([index] * len(folded))
    offsets.append(len(text))
    return Normalized("".join(pieces), offsets)


def normalize_pattern(pattern: str) -> str:
    """Return a rule pattern normalised the way the text is, its regex syntax intact."""
    return unicodedata.normalize("NFKC", _IGNORABLE.sub("", pattern))


def vocabulary(patterns: Iterable[str]) -> frozenset[str]:
    """Return the literal words the patterns need (none yet: nothing is folded on their behalf)."""
    return frozenset()
