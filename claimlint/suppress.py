"""Inline suppressions: comments in the copy that silence named rules, with a reason.

    <!-- claimlint: disable-next-line detox -- approved by legal, 2026-03 -->
    # claimlint: disable-line CL451, painless -- quoting a regulator
    <!-- claimlint: disable detox -->  …  <!-- claimlint: enable detox -->
    <!-- claimlint: disable-file missing-disclaimer -- the disclaimer is in the site footer -->

A directive is read only inside its syntax's comments. It must name what it silences (a code
or a name: there is no blanket switch); one that names nothing, names no rule, or silences
nothing is itself reported, so that stale directives get cleaned up.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Collection, NamedTuple

import regex

from claimlint.engine import TOOL_RULES, Lines, tool_finding
from claimlint.model import Document, Finding, RulePack, Severity

MARK = "claimlint:"
# Where each syntax keeps comments; group 1 is the comment's text.
_HTML_COMMENT = r"<!--(.*?)-->"
_HASH = r"(?:^|(?<=\s))#(.*)$"
_SLASHES = r"(?:^|(?<=\s))//(.*)$"
COMMENTS: dict[str, regex.Pattern[str]] = {
    "md": regex.compile(_HTML_COMMENT, regex.DOTALL),
    "html": regex.compile(_HTML_COMMENT, regex.DOTALL),
    "txt": regex.compile(rf"(?|{_HASH}|{_SLASHES})", regex.MULTILINE),
    "yaml": regex.compile(_HASH, regex.MULTILINE),
    "po": regex.compile(_HASH, regex.MULTILINE),
    # JSON has no comments: a "_comment…" (or "//…") member holds them, or // in JSONC files.
    "json": regex.compile(rf'(?|"(?:_+comment\w*|//[^"\n]*)"\s*:\s*"((?:[^"\\\n]|\\.)*)"|{_SLASHES})', regex.MULTILINE),
}
DIRECTIVE = regex.compile(r"claimlint:[ \t]*(disable-next-line|disable-line|disable-file|disable|enable)\b([^\n]*)")
_NAME_SEPARATOR = regex.compile(r"[\s,]+")


class Directive(NamedTuple):
    """One `claimlint:` directive found in a comment."""

    kind: str  # disable-next-line, disable-line, disable, enable, disable-file
    names: tuple[str, ...]  # codes or names of the rules it silences
    reason: str  # what follows '--'
    start: int  # the directive's span in the source, from 'claimlint:' to the end of its reason
    end: int
    after: int  # the offset where the comment that holds it ends


def directives(source: str, syntax: str) -> list[Directive]:
    """Return the directives in the comments of `source`, in source order."""
    if MARK not in source:
        return []
    found = []
    for comment in COMMENTS.get(syntax, COMMENTS["txt"]).finditer(source):
        body_start, body_end = comment.span(1)
        for m in DIRECTIVE.finditer(source, body_start, body_end):
            rest = m.group(2)
            names, _, reason = rest.partition("--")
            end = m.start(2) + len(rest.rstrip())
            listed = tuple(n for n in _NAME_SEPARATOR.split(names) if n)
            found.append(Directive(m.group(1), listed, reason.strip(), m.start(), end, comment.end()))
    return found


def apply(document: Document, findings: list[Finding], pack: RulePack, *, enabled: bool = True,
          known: Collection[str] = ()) -> list[Finding]:  # fmt: skip
    """Drop the findings that directives silence; report directives that are wrong or unused.

    `known` holds the codes and names of rules that exist but are turned off in this run: a
    directive naming one is neither unknown nor unused. With `enabled` False (an audit),
    directives are ignored. Findings inside a directive's own text are never copy: dropped.
    """
    found = directives(document.source, document.syntax)
    if not found:
        return findings
    lines = Lines(document.source)
    spans = [(lines.position(d.start), lines.position(d.end)) for d in found]
    kept = [f for f in findings if not any(a <= (f.line, f.column) < b for a, b in spans)]
    if not enabled:
        return kept
    active = {name for rule in pack.rules for name in (rule.code, rule.name)}
    exists = active | set(TOOL_RULES) | set(TOOL_RULES.values()) | set(known)
    scopes, closing = _scopes(found, lines, document)
    used: set[tuple[int, str]] = set()
    result = []
    for finding in kept:
        silenced = False
        for number, (directive, (first, last)) in enumerate(zip(found, scopes)):
            if directive.kind == "enable" or not first <= (finding.line, finding.column) < last:
                continue
            for name in directive.names:
                if name in (finding.code, finding.name):
                    used.add((number, name))
                    silenced = True
        if not silenced:
            result.append(finding)
    result.extend(_problems(document, found, lines, used, active, exists, closing))
    return sorted(result)


Place = tuple[int, int]  # (line, column)
_END: Place = (1 << 62, 0)


def _next_copy_line(document: Document, offset: int, lines: Lines) -> int:
    """Return the first line after `offset` that holds checked copy (blank lines, markup, keys and
    msgids are skipped, so a directive above a .po entry reaches its msgstr)."""
    best = None
    for segment in document.segments:
        index = bisect_left(segment.offsets, offset, 0, len(segment.text))
        while index < len(segment.text) and segment.text[index].isspace():
            index += 1
        if index < len(segment.text) and (best is None or segment.offsets[index] < best):
            best = segment.offsets[index]
    return lines.position(best)[0] if best is not None else lines.position(offset)[0] + 1


def _scopes(found: list[Directive], lines: Lines, document: Document) -> tuple[list[tuple[Place, Place]], set[int]]:
    """Return the [first, last) places each directive covers, and which `enable`s close a range."""
    scopes: list[tuple[Place, Place]] = []
    closing: set[int] = set()
    for number, d in enumerate(found):
        line = lines.position(d.start)[0]
        if d.kind == "disable-line":
            scopes.append(((line, 0), (line + 1, 0)))
        elif d.kind == "disable-next-line":
            below = _next_copy_line(document, d.after, lines)
            scopes.append(((below, 0), (below + 1, 0)))
        elif d.kind == "disable-file":
            scopes.append(((0, 0), _END))
        elif d.kind == "disable":
            # Until an `enable` that names every rule this one does (the first one after it).
            enable = next((n for n in range(number + 1, len(found))
                           if found[n].kind == "enable" and set(d.names) <= set(found[n].names)), None)  # fmt: skip
            if enable is not None:
                closing.add(enable)
            scopes.append((lines.position(d.start), lines.position(found[enable].start) if enable is not None else _END))
        else:
            scopes.append(((0, 0), (0, 0)))
    return scopes, closing


def _problems(document: Document, found: list[Directive], lines: Lines, used: set[tuple[int, str]],
              active: set[str], exists: set[str], closing: set[int]) -> list[Finding]:  # fmt: skip
    """Report directives that name nothing, name no rule, or silence nothing."""
    problems = []
    for number, d in enumerate(found):
        text = document.source[d.start : d.end]
        message = None
        code = "CL006"
        unknown = [n for n in d.names if n not in exists]
        if not d.names:
            message = (f"'{text}' does not say which rule it silences: name it by code or name "
                       f"(as in 'claimlint: {d.kind} CL451 -- reason'); nothing is silenced wholesale")  # fmt: skip
        elif unknown:
            message = (f"'{text}' names no rule called {', '.join(repr(n) for n in unknown)}; "
                       "`claimlint rules` lists the codes and names")  # fmt: skip
        elif d.kind == "enable":
            if number not in closing:
                code, message = "CL005", f"'{text}' has no 'disable' of the same rules above it: remove it"
        else:
            idle = [n for n in d.names if n in active and (number, n) not in used]
            if idle:
                code = "CL005"
                message = (f"'{text}' silenced nothing here for {', '.join(repr(n) for n in idle)}: "
                           "the copy may have been fixed; remove the directive or correct it")  # fmt: skip
        if message:
            (line, column), (end_line, end_column) = lines.position(d.start), lines.position(d.end)
            finding = tool_finding(document.path, code, message, severity=Severity.WARNING,
                                   line=line, column=column)  # fmt: skip
            problems.append(finding._replace(end_line=end_line, end_column=end_column, match=text))
    return problems
