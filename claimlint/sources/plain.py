"""Plain text: every character is prose."""

from __future__ import annotations

from claimlint.model import Segment


def segments(source: str) -> tuple[Segment, ...]:
    """Return the whole text as one segment mapped to itself."""
    return (Segment(source, range(len(source) + 1)),)
