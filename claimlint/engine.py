"""The matcher: a document and a rule pack in, findings out. No I/O, no printing."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate, groupby
from typing import Any

import regex

from claimlint.model import Document, Finding, Guards, Patterns, Rule, RulePack, Segment, Severity
from claimlint.normalize import Normalized, normalize
from claimlint.prefilter import fold_lines, join_folded

PATTERN_TIMEOUT = 2.0  # seconds one pattern may spend on one segment before it is given up
QUESTION_MARKS = "?؟？"
# Where a sentence ends: strong marks anywhere, '.' and ';' only before a space or the end.
_END = r"[!?؟？。！।॥\n]|[.;](?=\s|$|[\"'”’)\]])"
_SENTENCE_END = regex.compile(_END)
_SENTENCE_END_BEFORE = regex.compile(_END, regex.REVERSE)  # finds the nearest end before a point
# Where a clause ends, in every language; each language adds its own words (and, but, …).
_CLAUSE_BREAK = regex.compile(r"[,;:.!?،؛。，、！？；：।॥|•·\n]|\s[-–—]+\s|[–—]")
# Claimlint's own problems: they are findings too, so that nothing fails silently.
TOOL_RULES = {
    "CL001": "unreadable-file",
    "CL002": "undecodable-file",
    "CL003": "binary-file",
    "CL004": "pattern-timeout",
    "CL005": "unused-suppression",
    "CL006": "invalid-suppression",
}
NOT_CLAIMS = {"missing-disclaimer", "obfuscation", "tool"}


class Lines:
    """Line and column (1-based, in code points) of offsets in a source text."""

    def __init__(self, source: str) -> None:
        self.starts = [0, *accumulate(len(line) + 1 for line in source.split("\n")[:-1])]

    def position(self, offset: int) -> tuple[int, int]:
        """Return the (line, column) of `offset`."""
        index = bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


def tool_finding(
    path: str,
    code: str,
    message: str,
    *,
    severity: Severity = Severity.ERROR,
    line: int = 1,
    column: int = 1,
) -> Finding:
    """Return a finding about claimlint's own trouble with a file (CL0xx)."""
    return Finding(
        path, line, column, line, column, code, TOOL_RULES[code], "tool", severity, message, ""
    )


def render(template: str, **values: str) -> str:
    """Fill the {placeholders} of a rule message, leaving any other braces alone."""
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


class _Text:
    """One segment's normalised text, with its sentences found only when a match needs them."""

    def __init__(self, segment: Segment, normalized: Normalized) -> None:
        self.segment = segment
        self.text = normalized.text
        self.offsets = normalized.offsets

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Return [begin, stop) of the sentence holding [start, end); stop includes its mark."""
        before = _SENTENCE_END_BEFORE.search(self.text, 0, start)
        after = _SENTENCE_END.search(self.text, max(end - 1, start))
        return (before.end() if before else 0), (after.end() if after else len(self.text))

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the exact span of the source."""
        offsets = self.offsets
        if end <= start:
            return self.segment.source_span(offsets[start], offsets[start])
        # The span ends where the input of its last character ends (NFKC may expand one
        # input character into several, which then share one offset).
        stop = max(offsets[end], offsets[end - 1] + 1)
        return self.segment.source_span(offsets[start], stop)


def _is_question(text: str, begin: int, stop: int, guards: Sequence[Guards], language: str) -> bool:
    mark = text[stop - 1] if stop > begin else ""
    if mark in QUESTION_MARKS or (mark == ";" and language == "el"):
        return True
    sentence = text[begin:stop]
    return any(cue.search(sentence) for g in guards for cue in g.question)


def _is_negated(text: str, span: tuple[int, int, int, int], guards: Sequence[Guards]) -> bool:
    begin, start, end, stop = span
    # Narrow the sentence to the clause: from the last break before the match to the first after.
    for pattern in (_CLAUSE_BREAK, *(p for g in guards for p in g.clause_break)):
        for m in pattern.finditer(text, begin, start):
            begin = max(begin, m.end())
        found = pattern.search(text, end, stop)
        if found:
            stop = min(stop, found.start())
    # Searched within bounds, not on slices: \G is the clause's start (before) or the claim's
    # end (after), $ the claim's start (before), and lookbehinds still see the words before.
    if any(cue.search(text, begin, start) for g in guards for cue in g.negation_before):
        return True
    return any(cue.search(text, end, stop) for g in guards for cue in g.negation_after)


def _unless(rule: Rule, language: str, text: str, span: tuple[int, int, int, int]) -> bool:
    begin, start, end, stop = span
    for pattern in (*rule.unless.get(language, ()), *rule.unless.get("*", ())):
        if any(m.start() < end and m.end() > start for m in pattern.finditer(text, begin, stop)):
            return True
    return False


def _guards_for(pack: RulePack, language: str) -> tuple[Guards, ...]:
    if language == "*":
        return tuple(pack.guards.values())
    return (pack.guards[language],) if language in pack.guards else ()


def _is_claim(
    rule: Rule, language: str, where: _Text, start: int, end: int, pack: RulePack
) -> bool:
    """Tell whether a match is a claim in its context (not negated, questioned or excused)."""
    text = where.text
    begin, stop = where.sentence(start, end)
    span = (begin, start, end, stop)
    if _unless(rule, language, text, span):
        return False
    guards = _guards_for(pack, language)
    if "question" in rule.guards and _is_question(text, begin, stop, guards, language):
        return False
    return not ("negation" in rule.guards and _is_negated(text, span, guards))


class _Run:
    """Findings for one document under construction."""

    def __init__(self, document: Document, pack: RulePack) -> None:
        self.document = document
        self.pack = pack
        self.lines = Lines(document.source)
        self.findings: list[Finding] = []

    def add(self, rule: Rule, start: int, end: int, language: str | None, **values: str) -> None:
        match = self.document.source[start:end]
        line, column = self.lines.position(start)
        end_line, end_column = self.lines.position(end)
        message = render(rule.message, match=match, **values)
        self.findings.append(
            Finding(
                self.document.path,
                line,
                column,
                end_line,
                end_column,
                rule.code,
                rule.name,
                rule.category,
                rule.severity,
                message,
                match,
                language,
                rule.suggestion,
            )
        )

    def timeout(self, rule: Rule, language: str, start: int) -> None:
        line, column = self.lines.position(start)
        message = (
            f"rule {rule.code} ({rule.source}) took over {PATTERN_TIMEOUT:g}s on this "
            f"text and was skipped here: a {language} pattern backtracks badly"
        )
        self.findings.append(
            tool_finding(
                self.document.path,
                "CL004",
                message,
                severity=Severity.WARNING,
                line=line,
                column=column,
            )
        )

    def spans(self, where: _Text, begin: int, stop: int, probes: Sequence[_Probe]) -> None:
        """Add the findings of the probes' patterns in one line, once per rule and place.

        Several languages' patterns of one rule may match one place (shared loanwords, symbols);
        if another language finds it negated, questioned or excused, it is no claim. Of
        overlapping claims the longest is reported: it names the claim most completely.
        """
        text, pack = where.text, self.pack
        found: list[tuple[Rule, str, int, int, bool]] = []
        for rule, language, pattern in probes:
            try:
                for m in pattern.finditer(text, begin, stop, timeout=PATTERN_TIMEOUT):
                    start, end = m.span()
                    if end > start:
                        claim = _is_claim(rule, language, where, start, end, pack)
                        found.append((rule, language, start, end, claim))
            except TimeoutError:
                self.timeout(rule, language, where.source_span(begin, begin)[0])
        # Probes come in the pack's order, so each rule's matches are together.
        for _, group in groupby(found, key=lambda match: match[0].code):
            matches = list(group)
            excused = [(s, e, lang) for _, lang, s, e, claim in matches if not claim]
            taken: list[tuple[int, int]] = []
            claims = sorted((m for m in matches if m[4]), key=lambda m: m[2] - m[3])
            for rule, language, start, end, _ in claims:
                vetoed = any(s < end and start < e and lang != language for s, e, lang in excused)
                if vetoed or any(s < end and start < e for s, e in taken):
                    continue
                taken.append((start, end))
                self.add(rule, *where.source_span(start, end), language)

    def disguises(self, rule: Rule, normalized: Normalized, segment: Segment) -> None:
        """Add one finding per line that holds disguised words, on the first of them."""
        by_line: dict[int, list[tuple[int, int, str]]] = {}
        for d in normalized.disguises:
            start, end = segment.source_span(d.start, d.end)
            by_line.setdefault(self.lines.position(start)[0], []).append((start, end, d.detail))
        for words in by_line.values():
            start, end, _ = words[0]
            self.add(rule, start, end, None, detail="; ".join(detail for *_, detail in words))


# One pattern of one span rule, in one language: the unit the matcher runs. A plain tuple, not
# a NamedTuple: the plan makes one per pattern of the pack, and a NamedTuple's constructor is
# Python code, a few milliseconds of every start with a large pack.
_Probe = tuple[Rule, str, "regex.Pattern[str]"]


def _lines(text: str) -> list[tuple[int, int, int]]:
    """The lines of a text that hold something, as (index, begin, stop): a sentence ends at a
    line's end, so no claim runs across one.

    (Markup sources join the lines of a paragraph with spaces before they get here.)
    """
    bounds, begin = [], 0
    for index, line in enumerate(text.split("\n")):
        if line.strip():
            bounds.append((index, begin, begin + len(line)))
        begin += len(line) + 1
    return bounds


class _Plan:
    """Which probes to run on each line: all of them, or those the prefilter lets through."""

    def __init__(self, pack: RulePack) -> None:
        self.prefilter = pack.prefilter
        self.probes: list[_Probe] = [
            (rule, language, pattern)
            for rule in pack.rules
            if rule.scope == "span"
            for language, patterns in rule.patterns.items()
            for pattern in patterns
        ]
        self.positions: dict[regex.Pattern[str], list[int]] = {}
        unknown = []
        known = self.prefilter.known if self.prefilter else frozenset()
        for position, (_, _, pattern) in enumerate(self.probes):
            if pattern in known:
                self.positions.setdefault(pattern, []).append(position)
            else:
                unknown.append(position)
        self.unknown = unknown

    def fold(self, texts: Sequence[str]) -> list[list[str]]:
        """Each text's lines as the prefilter reads them, folded once for lines and document."""
        return [fold_lines(text) if self.prefilter else [] for text in texts]

    def probes_for(self, lines: Sequence[str]) -> Iterator[list[_Probe]]:
        """Yield, for each (folded) line, the probes to run on it, in the pack's own order."""
        if self.prefilter is None:
            yield from (self.probes for _ in lines)
            return
        for candidates in self.prefilter.candidates(lines, folded=True):
            positions = [p for pattern in candidates for p in self.positions.get(pattern, ())]
            yield [self.probes[p] for p in sorted(positions + self.unknown)]

    def document_patterns(self, folded: Sequence[list[str]]) -> Callable[[Patterns], list[Any]]:
        """Return a filter of a document rule's patterns down to those worth running on the
        document whose texts' folded lines are `folded`."""
        if self.prefilter is None:
            return lambda table: [p for ps in table.values() for p in ps]
        whole = join_folded(line for lines in folded for line in lines)
        candidates = self.prefilter.candidates([whole], every_clause=False, folded=True)[0]
        known = self.prefilter.known
        return lambda table: [
            p for ps in table.values() for p in ps if p in candidates or p not in known
        ]


_plans: dict[int, tuple[RulePack, _Plan]] = {}


def _plan(pack: RulePack) -> _Plan:
    """The plan of a pack, made once: a run checks many documents with the same pack."""
    kept = _plans.get(id(pack))
    if kept is None or kept[0] is not pack:
        _plans.clear()  # one pack at a time; holding the pack keeps its id from being reused
        kept = _plans[id(pack)] = (pack, _Plan(pack))
    return kept[1]


def _any_match(patterns: Sequence[Any], texts: Sequence[str]) -> bool:
    return any(p.search(t) for p in patterns for t in texts)


def find(document: Document, pack: RulePack) -> list[Finding]:
    """Return the findings of every rule of `pack` in `document`, sorted."""
    run = _Run(document, pack)
    plan = _plan(pack)
    normalized = [normalize(segment.text, pack.vocabulary) for segment in document.segments]
    texts = [n.text for n in normalized]
    folded = plan.fold(texts)
    units, unit_lines = [], []
    for segment, normal, lines in zip(document.segments, normalized, folded):
        where = _Text(segment, normal)
        for index, begin, stop in _lines(normal.text):
            units.append((where, begin, stop))
            unit_lines.append(lines[index] if lines else "")
    for (where, begin, stop), probes in zip(units, plan.probes_for(unit_lines)):
        run.spans(where, begin, stop, probes)
    for rule in (r for r in pack.rules if r.scope == "disguise"):
        for segment, normal in zip(document.segments, normalized):
            run.disguises(rule, normal, segment)
    claims = any(f.category not in NOT_CLAIMS for f in run.findings)
    document_rules = [r for r in pack.rules if r.scope == "document"]
    worth_running = plan.document_patterns(folded) if document_rules else None
    for rule in document_rules:
        needed = (claims and rule.when_claims) or _any_match(worth_running(rule.when), texts)
        if needed and not _any_match(worth_running(rule.patterns), texts):
            run.add(rule, 0, 0, None)
    return sorted(set(run.findings))
