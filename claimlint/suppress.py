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
from collections.abc import Collection
from typing import NamedTuple

import regex

from claimlint.engine import TOOL_RULES, Lines, tool_finding
from claimlint.lazy import LazyRegex
from claimlint.model import Document, Finding, RulePack, Severity

MARK = "claimlint:"
# Where each syntax keeps comments; group 1 is the comment's text. Compiled when a source first
# holds a directive: most never do.
_HTML_COMMENT = r"<!--(.*?)-->"
_HASH = r"(?:^|(?<=\s))#(.*)$"
_SLASHES = r"(?:^|(?<=\s))//(.*)$"
COMMENTS: dict[str, LazyRegex] = {
    "md": LazyRegex(_HTML_COMMENT, regex.DOTALL, regex),
    "html": LazyRegex(_HTML_COMMENT, regex.DOTALL, regex),
    "txt": LazyRegex(rf"(?|{_HASH}|{_SLASHES})", regex.MULTILINE, regex),
    "yaml": LazyRegex(_HASH, regex.MULTILINE, regex),
    "po": LazyRegex(_HASH, regex.MULTILINE, regex),
    # JSON has no comments: a "_comment…" (or "//…") member holds them, or // in JSONC files.
    "json": LazyRegex(
        rf'(?|"(?:_+comment\w*|//[^"\n]*)"\s*:\s*"((?:[^"\\\n]|\\.)*)"|{_SLASHES})',
        regex.MULTILINE,
        regex,
    ),
}
DIRECTIVE = LazyRegex(
    r"claimlint:[ \t]*(disable-next-line|disable-line|disable-file|disable|enable)\b([^\n]*)",
    engine=regex,
)
_NAME_SEPARATOR = LazyRegex(r"[\s,]+", engine=regex)


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
            found.append(
                Directive(m.group(1), listed, reason.strip(), m.start(), end, comment.end())
            )
    return found


def apply(
    document: Document,
    findings: list[Finding],
    pack: RulePack,
    *,
    enabled: bool = True,
    known: Collection[str] = (),
) -> list[Finding]:
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
    scopes, closing = _scopes(found, lines, document)
    used: set[tuple[int, str]] = set()
    result = []
    for finding in kept:
        place = (finding.line, finding.column)
        hits = [
            key
            for key, (first, last) in scopes.items()
            if key[1] in (finding.code, finding.name) and first <= place < last
        ]
        used.update(hits)
        if not hits:
            result.append(finding)
    active = {name for rule in pack.rules for name in (rule.code, rule.name)}
    exists = active | set(TOOL_RULES) | set(TOOL_RULES.values()) | set(known)
    for number, directive in enumerate(found):
        message = _problem(
            directive,
            document.source[directive.start : directive.end],
            exists,
            idle=[n for n in directive.names if n in active and (number, n) not in used],
            unclosing=[n for n in directive.names if (number, n) not in closing],
        )
        if message:
            code, text = message
            (line, column), (end_line, end_column) = spans[number]
            finding = tool_finding(
                document.path, code, text, severity=Severity.WARNING, line=line, column=column
            )
            result.append(
                finding._replace(
                    end_line=end_line,
                    end_column=end_column,
                    match=document.source[directive.start : directive.end],
                )
            )
    return sorted(result)


Place = tuple[int, int]  # (line, column)
Scopes = dict[tuple[int, str], tuple[Place, Place]]  # (directive number, name) → [first, last)
_END: Place = (1 << 62, 0)


def _next_copy_line(document: Document, offset: int, lines: Lines) -> int:
    """Return the first line below the one holding `offset` that holds checked copy.

    Blank lines, markup, keys and msgids are passed over, so a directive above a .po entry
    reaches its msgstr and one above a Markdown paragraph reaches its first line.
    """
    line = lines.position(offset)[0]
    if line >= len(lines.starts):
        return line + 1
    offset = lines.starts[line]  # the start of the next line
    best = None
    for segment in document.segments:
        index = bisect_left(segment.offsets, offset, 0, len(segment.text))
        while index < len(segment.text) and segment.text[index].isspace():
            index += 1
        if index < len(segment.text) and (best is None or segment.offsets[index] < best):
            best = segment.offsets[index]
    return lines.position(best)[0] if best is not None else lines.position(offset)[0] + 1


def _scopes(
    found: list[Directive], lines: Lines, document: Document
) -> tuple[Scopes, set[tuple[int, str]]]:
    """Return the places each (directive, name) silences, and the (enable, name) pairs that end
    a `disable` range."""
    scopes: Scopes = {}
    closing: set[tuple[int, str]] = set()
    for number, d in enumerate(found):
        line = lines.position(d.start)[0]
        for name in d.names:
            if d.kind == "disable-line":
                scopes[number, name] = ((line, 0), (line + 1, 0))
            elif d.kind == "disable-next-line":
                below = _next_copy_line(document, d.after, lines)
                scopes[number, name] = ((below, 0), (below + 1, 0))
            elif d.kind == "disable-file":
                scopes[number, name] = ((0, 0), _END)
            elif d.kind == "disable":  # until the next `enable` of the same name, or the end
                enable = next(
                    (
                        n
                        for n in range(number + 1, len(found))
                        if found[n].kind == "enable" and name in found[n].names
                    ),
                    None,
                )
                last = _END
                if enable is not None:
                    closing.add((enable, name))
                    last = lines.position(found[enable].start)
                scopes[number, name] = (lines.position(d.start), last)
    return scopes, closing


def _problem(
    d: Directive, text: str, exists: set[str], *, idle: list[str], unclosing: list[str]
) -> tuple[str, str] | None:
    """Return (code, message) for a directive that names nothing, names no rule, or does nothing."""
    unknown = [n for n in d.names if n not in exists]
    if not d.names:
        return "CL006", (
            f"'{text}' does not say which rule it silences: name it by code or name (as in "
            f"'claimlint: {d.kind} CL451 -- reason'); nothing is silenced wholesale"
        )
    if unknown:
        return "CL006", (
            f"'{text}' names no rule called {_listed(unknown)}; "
            "`claimlint rules` lists the codes and names"
        )
    if d.kind == "enable" and unclosing:
        return "CL005", f"'{text}' has no 'disable' of {_listed(unclosing)} above it: remove it"
    if d.kind != "enable" and idle:
        return "CL005", (
            f"'{text}' silenced nothing here for {_listed(idle)}: "
            "the copy may have been fixed; remove the directive or correct it"
        )
    return None


def _listed(names: list[str]) -> str:
    return ", ".join(repr(n) for n in names)
