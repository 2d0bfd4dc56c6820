"""A one-pass literal prefilter: which patterns could match a text, before any regex runs.

Every pattern is reduced, once, to a set of literal strings of which any match must contain at
least one (its "factors"). A text is casefolded and scanned for all factors at once; only the
patterns whose factors occur in it are run. Patterns whose factors cannot be worked out are always
run, so the prefilter never hides a match: it only skips work. pyahocorasick does the scan when it
is installed (`pip install claimlint[fast]`); otherwise plain substring tests give the same answer.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import Any

import regex

from claimlint.lazy import LazyRegex

try:  # Python 3.11+ names it re._parser; 3.10 has sre_parse.
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]

try:
    import ahocorasick
except ImportError:  # the pure scan below finds the same candidates, more slowly
    ahocorasick = None

_LITERAL, _NOT_LITERAL = sre_parse.LITERAL, sre_parse.NOT_LITERAL
_SUBPATTERN, _BRANCH = sre_parse.SUBPATTERN, sre_parse.BRANCH
_REPEATS = (
    sre_parse.MAX_REPEAT,
    sre_parse.MIN_REPEAT,
    getattr(sre_parse, "POSSESSIVE_REPEAT", None),
)
_ASSERT, _IN = sre_parse.ASSERT, sre_parse.IN
MAX_VARIANTS = 16  # spellings one literal may fan out into through character classes
# Syntax that the regex module reads differently from the standard parser: no factors then.
# (Possessive quantifiers and atomic groups parse from Python 3.11 on; before, parsing fails: None.)
_REGEX_ONLY = LazyRegex(r"\\[pPmMXRKGL]|\[\[|--\[|&&\[|\|\|\[|\(\?\||\(\?V|\\N\{|\(\?\(")

Factors = frozenset[str]


_MARKS = regex.compile(r"\p{M}+")
_SPACES = regex.compile(r"\s+")
_SPACES_IN_LINE = regex.compile(r"[^\S\n]+")
# Letters that patterns write as alternatives of each other: Arabic and Persian yeh and kaf, d/đ.
_SAME = (("\u064a", "\u06cc"), ("\u0649", "\u06cc"), ("\u0643", "\u06a9"), ("đ", "d"))


def _fold(text: str, spaces: regex.Pattern[str] = _SPACES) -> str:
    """Casefold and drop accents and other marks, on literals and texts alike.

    Dropping the same characters from both keeps every literal inside every text that holds it,
    and lets '[οό]' or '[eé]' in a pattern stay part of one long literal instead of cutting it.
    Runs of white space (`spaces`) become one space, so that '\\s+' joins the words around it too.
    """
    folded = text.casefold()
    if not folded.isascii():
        folded = _MARKS.sub("", unicodedata.normalize("NFD", folded))
        for letter, same in _SAME:  # str.replace: translate() with a table is slow on long texts
            folded = folded.replace(letter, same)
    return spaces.sub(" ", folded)


def fold_lines(text: str) -> list[str]:
    """The lines of `text`, each folded as `Prefilter.candidates` folds a text (in one go)."""
    return _fold(text, _SPACES_IN_LINE).split("\n")


def join_folded(lines: Iterable[str]) -> str:
    """Folded lines as one folded text: what folding the joined lines would give."""
    return _SPACES.sub(" ", "\n".join(lines))


_COMMON_MARKS = set(" ,.;:-'\"()!?")  # in nearly every line of copy
_SEPARATORS = {"\x00", "\x01"}  # of the stored other required sets


def _weight(literal: str) -> float:
    """How rarely a literal turns up in copy: a Han, kana or Hangul character says as much as a
    short word, a Latin letter little, a digit less, common punctuation nothing; and two or
    three Latin letters are in every line ('de', 'en', 'the')."""
    if literal.isascii() and literal.strip().isalpha() and len(literal.strip()) <= 3:
        return 0.3 * len(literal)
    weight = 0.0
    for char in literal:
        if char.isascii():
            if char.isalpha():
                weight += 1.0
            elif char.isdigit():
                weight += 0.3
            else:
                weight += 0.1 if char in _COMMON_MARKS else 0.8
        elif (
            "\u1100" <= char <= "\u11ff"
            or "\u2e80" <= char <= "\ud7af"
            or "\uf900" <= char <= "\ufaff"
        ):
            weight += 3.0
        else:
            weight += 1.5
    return weight


def _telling(factors: Factors) -> tuple[float, int]:
    """How selective a requirement is: its least telling literal tells most, then the fewest."""
    return min(map(_weight, factors)), -len(factors)


def _best(candidates: Iterable[Factors]) -> Factors | None:
    """The most selective of several requirements."""
    options = [c for c in candidates if c]
    return max(options, key=_telling) if options else None


def _is_space(op: Any, value: Any) -> bool:
    """Tell whether a parsed item is `\\s` (a class of white space only)."""
    return op is _IN and value == [(sre_parse.CATEGORY, sre_parse.CATEGORY_SPACE)]


def _variants(op: Any, value: Any) -> set[str] | None:
    """The folded texts one literal, small literal class or run of spaces can stand for (None: other)."""
    if op is _LITERAL:
        return {_fold(chr(value))}
    if op is _IN and value and all(member_op is _LITERAL for member_op, _ in value):
        return {_fold(chr(member)) for _, member in value}
    if _is_space(op, value) or (
        op in _REPEATS and value[0] >= 1 and len(value[2]) == 1 and _is_space(*value[2][0])
    ):
        return {" "}  # texts are folded with one space for any run of white space
    return None


def _required(items: Any) -> list[Factors]:
    """Sets of literals of which a match of the parsed sequence `items` holds one each: every
    set is required, so a text must hold a literal of each before the pattern is worth running."""
    required: list[Factors] = []
    runs = {""}  # the spellings of the literal run so far

    def end_run() -> None:
        nonlocal runs
        if "" not in runs:
            required.append(frozenset(runs))
        runs = {""}

    for op, value in items:
        variants = _variants(op, value)
        if variants is not None:
            if len(runs) * len(variants) > MAX_VARIANTS:
                end_run()
            runs = {_SPACES.sub(" ", run + variant) for run in runs for variant in variants}
            continue
        end_run()
        if op is _SUBPATTERN:
            required += _required(value[-1])
        elif op is _BRANCH:
            # One alternative matches: the union of each one's most telling set is required.
            branches = [_best(_required(branch)) for branch in value[1]]
            if all(branches):
                required.append(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in _REPEATS and value[0] >= 1:
            required += _required(value[2])
        elif op is _ASSERT and value[0] == 1:  # a lookahead's text must be there too
            required += _required(value[1])
    end_run()
    return required


def requirements(pattern: str) -> tuple[Factors, ...]:
    """Return every set of casefolded literals of which a match of `pattern` holds one, the most
    telling first; () when none can be worked out (the pattern must always run)."""
    while pattern.startswith("(?-f)"):  # the loader's simple-case-folding switch
        pattern = pattern.removeprefix("(?-f)")
    if _REGEX_ONLY.search(pattern):
        return ()
    try:
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except (re.error, OverflowError, RecursionError, ValueError):
        return ()
    found = dict.fromkeys(f for f in _required(parsed) if all(literal.strip() for literal in f))
    return tuple(sorted(found, key=_telling, reverse=True))  # stable: ties keep pattern order


def factors(pattern: str) -> Factors | None:
    """Return the most telling set of literals of which every match of `pattern` holds one."""
    found = requirements(pattern)
    return found[0] if found else None


class Prefilter:
    """Finds, in one pass over a text, which of a list of patterns could match it.

    The scan looks for each pattern's most telling set of literals; a pattern found that way is
    kept only if the text also holds a literal of each of its other required sets, which plain
    substring tests tell.
    """

    def __init__(self, patterns: Iterable[regex.Pattern[str]], *, automaton: bool = True) -> None:
        self.patterns = tuple(dict.fromkeys(patterns))  # each compiled pattern once, in order
        self.known = frozenset(self.patterns)
        always, by_literal = set(), {}
        # A pattern's other required sets, kept as one string each ("\x00" between sets,
        # "\x01" between literals) and split when first needed: most never are in a short run,
        # and thousands of small tuples are a large part of loading a pack from the cache.
        self.also: dict[int, str] = {}
        for index, pattern in enumerate(self.patterns):
            found = requirements(pattern.pattern)
            if not found:
                always.add(index)
                continue
            for literal in found[0]:
                by_literal.setdefault(literal, set()).add(index)
            others = [f for f in found[1:] if not any(_SEPARATORS & set(lit) for lit in f)]
            if others:  # a set that would not encode is left out: the filter lets more through
                self.also[index] = "\x00".join("\x01".join(sorted(f)) for f in others)
        self.always = frozenset(always)
        # Patterns sharing a literal are one group; the scan finds group numbers, plain ints
        # that the automaton stores and the cache brings back quickly.
        numbers: dict[frozenset[int], int] = {}
        table = {
            literal: numbers.setdefault(frozenset(indexes), len(numbers))
            for literal, indexes in by_literal.items()
        }
        self.groups: tuple[tuple[int, ...], ...] = tuple(tuple(sorted(g)) for g in numbers)
        self.automaton = _automaton(table) if automaton and ahocorasick and table else None
        # Without the automaton, literals by their first three characters (shorter ones apart),
        # so that only the literals whose start occurs in a text are looked for in it.
        self.short: list[tuple[str, int]] = []
        self.by_start: dict[str, list[tuple[str, int]]] = {}
        for literal, group in table.items() if self.automaton is None else ():
            if len(literal) < 3:
                self.short.append((literal, group))
            else:
                self.by_start.setdefault(literal[:3], []).append((literal, group))
        self._split: dict[int, tuple[list[str], ...]] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {name: value for name, value in vars(self).items() if name != "_split"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        vars(self).update(state, _split={})

    def literals(self) -> list[str]:
        """Every literal the scan looks for, sorted."""
        if self.automaton is not None:
            return sorted(self.automaton.keys())
        return sorted(
            [lit for lit, _ in self.short] + [lit for ls in self.by_start.values() for lit, _ in ls]
        )

    def candidates(
        self, texts: Sequence[str], *, every_clause: bool = True, folded: bool = False
    ) -> list[frozenset[regex.Pattern[str]]]:
        """Return, for each text, the patterns that could match it (unknown patterns could too).

        `every_clause` False skips the check of the other required sets: a larger superset,
        quicker to find in long texts. `folded` says the texts are folded already.
        """
        folded_texts = texts if folded else [_fold(text) for text in texts]
        groups = self.groups
        if self.automaton is not None:
            automaton = self.automaton
            found = [{i for _, g in automaton.iter(f) for i in groups[g]} for f in folded_texts]
        else:
            found = self._pure_scan(folded_texts)
        also = self.also if every_clause else {}
        others = self._other_sets
        patterns, always = self.patterns, [self.patterns[i] for i in self.always]
        return [
            frozenset(
                [patterns[i] for i in indexes if i not in also or _holds(f, others(i))] + always
            )
            for f, indexes in zip(folded_texts, found)
        ]

    def _other_sets(self, index: int) -> tuple[list[str], ...]:
        """The other required sets of a pattern, split from their stored string once."""
        split = self._split.get(index)
        if split is None:
            sets = self.also[index].split("\x00")
            split = self._split[index] = tuple(s.split("\x01") for s in sets)
        return split

    def _pure_scan(self, texts: Sequence[str]) -> list[set[int]]:
        """The automaton's answer without it: at each position, only the literals starting with
        the three characters there are tried (no literal holds a line break)."""
        batch = "\n".join(texts)
        ends = list(accumulate(len(t) + 1 for t in texts))  # where each text's line break is
        found: list[set[int]] = [set() for _ in texts]
        by_start, groups, line = self.by_start, self.groups, 0
        for at in range(len(batch) - 2):
            entries = by_start.get(batch[at : at + 3])
            if entries:
                while ends[line] <= at:
                    line += 1
                for literal, group in entries:
                    if batch.startswith(literal, at):
                        found[line].update(groups[group])
        for literal, group in self.short:
            at = batch.find(literal)
            while at != -1:
                found[bisect_right(ends, at)].update(groups[group])
                at = batch.find(literal, at + 1)
        return found


def _holds(folded: str, required: Sequence[Sequence[str]]) -> bool:
    """Tell whether a folded text holds a literal of every one of the `required` sets."""
    # Plain loops: quicker than a compiled check per pattern, and nothing to compile at start-up.
    for literals in required:
        for literal in literals:
            if literal in folded:
                break
        else:
            return False
    return True


def _automaton(table: dict[str, int]) -> Any:
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for literal, group in table.items():
        automaton.add_word(literal, group)
    automaton.make_automaton()
    return automaton
