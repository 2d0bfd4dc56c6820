"""The records claimlint passes around: severities, rules, documents and findings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, NamedTuple

import regex

if TYPE_CHECKING:
    from claimlint.prefilter import Prefilter

CATEGORIES: tuple[str, ...] = (
    "guarantee",
    "absolute-safety",
    "skin-whitening",
    "cure-claim",
    "unsupported-evidence",
    "superlative",
    "testimonial",
    "detox",
    "pressure",
    "minimizing-risk",
    "prescription-medicine",
    "missing-disclaimer",
    "obfuscation",
)
TOOL_CATEGORY = "tool"  # claimlint's own problems: unreadable files, slow patterns, …


class Severity(IntEnum):
    """How serious a finding is; comparable, so `--fail-on` is a plain `>=`."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Return the severity called `text` (error, warning, info); KeyError otherwise."""
        return cls[text.upper()]


Patterns = Mapping[str, Sequence["regex.Pattern[str]"]]  # language ("en", "*") → compiled


class Examples(NamedTuple):
    """Sentences a rule must flag and must leave alone, in one language."""

    flag: tuple[str, ...]
    pass_: tuple[str, ...]


class Rule(NamedTuple):
    """One check of the pack: what it matches, how it is reported, and its own examples."""

    code: str
    name: str
    category: str
    severity: Severity
    message: str
    why: str
    suggestion: str | None
    references: tuple[str, ...]
    patterns: Patterns
    unless: Patterns
    examples: Mapping[str, Examples]
    scope: str = "span"  # span: a match is a finding; document: what a page lacks; disguise
    when: Patterns = {}  # document rules: what makes a page need what the patterns find
    guards: tuple[str, ...] = ("negation", "question")  # which contexts unmake a claim
    when_claims: bool = True  # document rules: a claim on the page also makes the rule apply
    source: str = ""  # "rules.yaml:42", for messages about the rule itself
    example_places: Mapping[tuple[str, str], str] = {}  # (language, example) → "file:line"

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this rule has patterns or examples for, sorted."""
        return tuple(sorted(set(self.patterns) | set(self.when) | set(self.examples)))


class Guards(NamedTuple):
    """Per-language context that turns a match into a non-claim."""

    negation_before: tuple[regex.Pattern[str], ...] = ()  # cue anywhere in the clause before
    negation_after: tuple[regex.Pattern[str], ...] = ()  # cue at the start of the clause after
    question: tuple[regex.Pattern[str], ...] = ()  # a sentence this matches is a question
    clause_break: tuple[regex.Pattern[str], ...] = ()  # words that end a clause ("and", "but")


class RulePack(NamedTuple):
    """A loaded, validated rule pack: the rules and the language guards they share."""

    rules: tuple[Rule, ...]
    guards: Mapping[str, Guards]
    vocabulary: frozenset[str] = (
        frozenset()
    )  # words triggers need; limits de-spacing and leet folding
    prefilter: Prefilter | None = None  # which patterns could match a text; None: run them all

    def patterns(self) -> list[regex.Pattern[str]]:
        """Every compiled pattern of every rule, in rule order (what the prefilter indexes)."""
        return [
            pattern
            for rule in self.rules
            for table in (rule.patterns, rule.when)
            for patterns in table.values()
            for pattern in patterns
        ]


class Segment(NamedTuple):
    """A run of checkable prose and, for each of its characters, where it stands in the source.

    `offsets[i]` is the source offset where character i starts; it has len(text) + 1 entries, the
    last one being the segment's end. For plain text it is a `range`, so identity costs nothing.
    `ends[i]` is where character i ends, given only when the text skips markup inside the
    segment, so that a span never swallows a following tag.
    """

    text: str
    offsets: Sequence[int]
    ends: Sequence[int] | None = None

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the text span [start, end) to its exact span in the source."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        stop = self.ends[end - 1] if self.ends is not None else self.offsets[end]
        return self.offsets[start], stop


class Document(NamedTuple):
    """A decoded source file and the prose segments in it that are checked."""

    path: str
    source: str
    segments: tuple[Segment, ...]
    syntax: str = "txt"  # how the source was read: which comments can hold directives


class Finding(NamedTuple):
    """One problem at one place; the field order is the sort order."""

    path: str
    line: int  # 1-based
    column: int  # 1-based, in code points of the source line
    end_line: int
    end_column: int  # end exclusive
    code: str
    name: str
    category: str
    severity: Severity
    message: str
    match: str  # the source text of the span, never the normalised text
    language: str | None = None
    suggestion: str | None = None
