"""A one-pass literal prefilter: which patterns could match a text, before any regex runs.

Every pattern is reduced, once, to a set of literal strings of which any match must contain at
least one (its "factors"). A text is casefolded and scanned for all factors at once; only the
patterns whose factors occur in it are run. Patterns whose factors cannot be worked out are always
run, so the prefilter never hides a match: it only skips work. pyahocorasick does the scan when it
is installed (`pip install claimlint[fast]`); otherwise plain substring tests give the same answer.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Sequence

import regex

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
_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, getattr(sre_parse, "POSSESSIVE_REPEAT", None))
_ASSERT = sre_parse.ASSERT
# Syntax that the regex module reads differently from the standard parser: no factors then.
_REGEX_ONLY = re.compile(r"\\[pPmMXRKGL]|\[\[|--\[|&&\[|\|\|\[|\(\?[|>]|\(\?V|\\N\{|\(\?\(|\{\d*,?\d*\}\+|[*+?]\+")

Factors = frozenset[str]


def _fold(text: str) -> str:
    """Casefold as the regex module's IGNORECASE does; Turkish İ folds to i plus a dot, dropped."""
    return text.casefold().replace("\u0307", "")


def _best(candidates: Iterable[Factors]) -> Factors | None:
    """The most selective requirement: its shortest literal is longest, then the fewest of them."""
    options = [c for c in candidates if c]
    if not options:
        return None
    return max(options, key=lambda c: (min(map(len, c)), -len(c)))


def _required(items: Any) -> Factors | None:
    """Literals of which a match of the parsed sequence `items` must contain one (None: unknown)."""
    candidates: list[Factors] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            candidates.append(frozenset({"".join(run)}))
            run.clear()

    for op, value in items:
        if op is _LITERAL:
            run.append(chr(value))
            continue
        end_run()
        if op is _SUBPATTERN:
            candidates.append(_required(value[-1]) or frozenset())
        elif op is _BRANCH:
            branches = [_required(branch) for branch in value[1]]
            if all(branches):
                candidates.append(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in _REPEATS and value[0] >= 1:
            candidates.append(_required(value[2]) or frozenset())
        elif op is _ASSERT and value[0] == 1:  # a lookahead's text must be there too
            candidates.append(_required(value[1]) or frozenset())
    end_run()
    return _best(candidates)


def factors(pattern: str) -> Factors | None:
    """Return casefolded literals of which every match of `pattern` contains one, or None."""
    if _REGEX_ONLY.search(pattern):
        return None
    try:
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except (re.error, OverflowError, RecursionError, ValueError):
        return None
    found = _required(parsed)
    if not found:
        return None
    folded = frozenset(_fold(literal) for literal in found)
    return None if any(not literal.strip() for literal in folded) else folded


class Prefilter:
    """Finds, in one pass over a text, which of a list of patterns could match it."""

    def __init__(self, patterns: Iterable[regex.Pattern[str]], *, automaton: bool = True) -> None:
        self.patterns = tuple(dict.fromkeys(patterns))  # each compiled pattern once, in order
        self.known = frozenset(self.patterns)
        always, by_literal = set(), {}
        for index, pattern in enumerate(self.patterns):
            found = factors(pattern.pattern)
            if found is None:
                always.add(index)
            for literal in found or ():
                by_literal.setdefault(literal, set()).add(index)
        self.always = frozenset(always)
        self.by_literal = {literal: frozenset(indexes) for literal, indexes in by_literal.items()}
        self.automaton = self._automaton() if automaton and ahocorasick and by_literal else None

    def _automaton(self) -> Any:
        automaton = ahocorasick.Automaton()
        for literal, indexes in self.by_literal.items():
            automaton.add_word(literal, indexes)
        automaton.make_automaton()
        return automaton

    def candidates(self, texts: Sequence[str]) -> list[frozenset[regex.Pattern[str]]]:
        """Return, for each text, the patterns that could match it (unknown patterns could too)."""
        folded = [_fold(text) for text in texts]
        if self.automaton is not None:
            found = [{i for _, indexes in self.automaton.iter(f) for i in indexes} for f in folded]
        else:  # find the literals of the whole batch once, then test only those per text
            whole = "\n".join(folded)
            present = [(lit, ix) for lit, ix in self.by_literal.items() if lit in whole]
            found = [{i for lit, ix in present if lit in f for i in ix} for f in folded]
        return [frozenset(self.patterns[i] for i in indexes | self.always) for indexes in found]
