"""The matcher: a document and a rule pack in, findings out. No I/O, no printing."""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from typing import Callable, Iterator, Sequence

import regex

from claimlint.model import Document, Finding, Guards, Patterns, Rule, RulePack, Segment, Severity
from claimlint.normalize import Normalized, normalize

PATTERN_TIMEOUT = 2.0  # seconds one pattern may spend on one segment before it is given up
QUESTION_MARKS = "?؟？"
# Where a sentence ends: strong marks anywhere, '.' and ';' only before a space or the end.
_SENTENCE_END = regex.compile(r"[!?؟？。！।॥\n]|[.;](?=\s|$|[\"'”’)\]])")
# Where a clause ends, in every language; each language adds its own words (and, but, …).
_CLAUSE_BREAK = regex.compile(r"[,;:.!?،؛。，、！？；：।॥|•·\n]|\s[-–—]+\s|[–—]")
# Claimlint's own problems: they are findings too, so that nothing fails silently.
TOOL_RULES = {
    "CL001": "unreadable-file",
    "CL002": "undecodable-file",
    "CL003": "binary-file",
    "CL004": "pattern-timeout",
    "CL005": "unused-suppression",
}
NOT_CLAIMS = {"missing-disclaimer", "obfuscation", "tool"}


class Lines:
    """Line and column (1-based, in code points) of offsets in a source text."""

    def __init__(self, source: str) -> None:
        self.starts = [0] + [m.end() for m in regex.finditer(r"\n", source)]

    def position(self, offset: int) -> tuple[int, int]:
        """Return the (line, column) of `offset`."""
        index = bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


def tool_finding(path: str, code: str, message: str, *, severity: Severity = Severity.ERROR,
                 line: int = 1, column: int = 1) -> Finding:  # fmt: skip
    """Return a finding about claimlint's own trouble with a file (CL0xx)."""
    return Finding(path, line, column, line, column, code, TOOL_RULES[code], "tool", severity,
                   message, "")  # fmt: skip


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

    @cached_property
    def sentence_ends(self) -> list[int]:
        return [m.start() for m in _SENTENCE_END.finditer(self.text)]

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Return [begin, stop) of the sentence holding [start, end); stop includes its mark."""
        ends = self.sentence_ends
        before = bisect_right(ends, start - 1) - 1
        begin = ends[before] + 1 if before >= 0 else 0
        after = bisect_right(ends, max(end - 1, start) - 1)
        stop = ends[after] + 1 if after < len(ends) else len(self.text)
        return begin, stop

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
    return any(cue.search(text, begin, stop) for g in guards for cue in g.question)


def _is_negated(text: str, span: tuple[int, int, int, int], guards: Sequence[Guards]) -> bool:
    begin, start, end, stop = span
    # Narrow the sentence to the clause: from the last break before the match to the first after.
    for pattern in (_CLAUSE_BREAK, *(p for g in guards for p in g.clause_break)):
        for m in pattern.finditer(text, begin, start):
            begin = max(begin, m.end())
        found = pattern.search(text, end, stop)
        if found:
            stop = min(stop, found.start())
    before = any(cue.search(text, begin, start) for g in guards for cue in g.negation_before)
    return before or any(cue.search(text, end, stop) for g in guards for cue in g.negation_after)


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


def _is_claim(rule: Rule, language: str, where: _Text, start: int, end: int, pack: RulePack) -> bool:
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
        self.findings.append(Finding(self.document.path, line, column, end_line, end_column,
                                     rule.code, rule.name, rule.category, rule.severity, message,
                                     match, language, rule.suggestion))  # fmt: skip

    def timeout(self, rule: Rule, language: str, start: int) -> None:
        line, column = self.lines.position(start)
        message = (f"rule {rule.code} ({rule.source}) took over {PATTERN_TIMEOUT:g}s on this "
                   f"text and was skipped here: a {language} pattern backtracks badly")  # fmt: skip
        self.findings.append(tool_finding(self.document.path, "CL004", message,
                                          severity=Severity.WARNING, line=line, column=column))

    def spans(self, rule: Rule, where: _Text, could_match: Callable[[regex.Pattern[str]], bool]) -> None:
        """Add the findings of a span rule in one segment."""
        taken: list[tuple[int, int]] = []
        for language, patterns in rule.patterns.items():
            for pattern in patterns:
                if not could_match(pattern):
                    continue
                for start, end in self._matches(rule, language, pattern, where):
                    if any(s < end and start < e for s, e in taken):
                        continue
                    if _is_claim(rule, language, where, start, end, self.pack):
                        taken.append((start, end))
                        self.add(rule, *where.source_span(start, end), language)

    def _matches(self, rule: Rule, language: str, pattern: regex.Pattern[str],
                 where: _Text) -> Iterator[tuple[int, int]]:  # fmt: skip
        try:
            for m in pattern.finditer(where.text, timeout=PATTERN_TIMEOUT):
                if m.end() > m.start():
                    yield m.span()
        except TimeoutError:
            self.timeout(rule, language, where.source_span(0, 0)[0])

    def disguises(self, rule: Rule, normalized: Normalized, segment: Segment) -> None:
        """Add one finding per line that holds disguised words, on the first of them."""
        by_line: dict[int, list[tuple[int, int, str]]] = {}
        for d in normalized.disguises:
            start, end = segment.source_span(d.start, d.end)
            by_line.setdefault(self.lines.position(start)[0], []).append((start, end, d.detail))
        for words in by_line.values():
            start, end, _ = words[0]
            self.add(rule, start, end, None, detail="; ".join(detail for *_, detail in words))


def _could_match(pack: RulePack, texts: Sequence[str]) -> Callable[[regex.Pattern[str]], bool]:
    """Return a test that says which patterns may match the document, from one prefilter pass."""
    prefilter = pack.prefilter
    if prefilter is None:
        return lambda pattern: True
    candidates = prefilter.candidates("\n".join(texts))
    return lambda pattern: prefilter.could_match(pattern, candidates)


def _any_match(table: Patterns, texts: Sequence[str], could_match: Callable[[regex.Pattern[str]], bool]) -> bool:
    return any(p.search(t) for ps in table.values() for p in ps if could_match(p) for t in texts)


def find(document: Document, pack: RulePack) -> list[Finding]:
    """Return the findings of every rule of `pack` in `document`, sorted."""
    run = _Run(document, pack)
    normalized = [normalize(segment.text, pack.vocabulary) for segment in document.segments]
    texts = [n.text for n in normalized]
    could_match = _could_match(pack, texts)
    span_rules = [r for r in pack.rules if r.scope == "span"]
    disguise_rules = [r for r in pack.rules if r.scope == "disguise"]
    for segment, normal in zip(document.segments, normalized):
        where = _Text(segment, normal)
        for rule in span_rules:
            run.spans(rule, where, could_match)
        for rule in disguise_rules:
            run.disguises(rule, normal, segment)
    claims = any(f.category not in NOT_CLAIMS for f in run.findings)
    for rule in (r for r in pack.rules if r.scope == "document"):
        needed = claims or _any_match(rule.when, texts, could_match)
        if needed and not _any_match(rule.patterns, texts, could_match):
            run.add(rule, 0, 0, None)
    return sorted(set(run.findings))
