"""Report formats: each a small pure function from a report to text, chosen by name."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import groupby
from typing import Any, NamedTuple
from urllib.parse import quote

from claimlint import __version__
from claimlint.engine import TOOL_RULES
from claimlint.model import Finding, Rule, Severity

HOME = "https://pypi.org/project/claimlint/"


class Report(NamedTuple):
    """What a run found: the findings, the rules that were on, and the files checked."""

    findings: Sequence[Finding]
    rules: Sequence[Rule] = ()
    files: Sequence[str] = ()


Formatter = Callable[[Report], str]


def _advice(finding: Finding) -> str:
    """The message and, for writers, what to write instead."""
    return (
        f"{finding.message} Instead: {finding.suggestion}"
        if finding.suggestion
        else finding.message
    )


def text(report: Report) -> str:
    """One line per finding: `path:line:col: CODE [severity] message (name)`, with what to write instead."""
    return "".join(
        f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {_advice(f)} ({f.name})\n"
        for f in report.findings
    )


def concise(report: Report) -> str:
    """One short line per finding: `path:line:col: CODE message`."""
    return "".join(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}\n" for f in report.findings)


def grouped(report: Report) -> str:
    """Findings under the name of their file, with what to write instead."""
    blocks = []
    for path, findings in groupby(report.findings, key=lambda f: f.path):
        lines = [f"{path}:"]
        for f in findings:
            lines.append(f"  {f.line}:{f.column}  {f.code} [{f.severity}] {f.message} ({f.name})")
            if f.suggestion:
                lines.append(f"      instead: {f.suggestion}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def as_dict(finding: Finding) -> dict[str, Any]:
    """Return a finding as the JSON object of the output contract."""
    record = finding._asdict()
    record["severity"] = str(finding.severity)
    return record


def _json_rows(report: Report) -> str:
    import json  # here and in the other JSON formats: text, the default, does without it

    # One finding per line: readable and diffable, and written by json's C encoder (indent=
    # makes json fall back to its pure-Python encoder, which dominated large reports).
    return ",\n".join("  " + json.dumps(as_dict(f), ensure_ascii=False) for f in report.findings)


def json_array(report: Report) -> str:
    """A JSON array of findings, each with the keys of the output contract."""
    return "[\n" + _json_rows(report) + "\n]\n" if report.findings else "[]\n"


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """A stable identity per finding: file, rule, the words matched and which occurrence of them.

    Line numbers are left out, so moving text or editing other lines keeps every fingerprint.
    """
    import hashlib  # only baselines and GitLab reports need it; it is slow to import

    seen: Counter[tuple[str, str, str]] = Counter()
    prints = []
    for f in findings:
        key = (f.path.replace(os.sep, "/"), f.code, " ".join(f.match.casefold().split()))
        prints.append(hashlib.sha256("\0".join((*key, str(seen[key]))).encode()).hexdigest()[:32])
        seen[key] += 1
    return prints


_GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def gitlab(report: Report) -> str:
    """GitLab Code Quality JSON, with fingerprints that survive unrelated edits."""
    import json

    issues = [
        {
            "description": f"{f.code} {f.message}",
            "check_name": f.name,
            "fingerprint": fingerprint,
            "severity": _GITLAB_SEVERITY[f.severity],
            "location": {
                "path": f.path,
                "positions": {
                    "begin": {"line": f.line, "column": f.column},
                    "end": {"line": f.end_line, "column": f.end_column},
                },
            },
        }
        for f, fingerprint in zip(report.findings, fingerprints(report.findings))
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _github_escape(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if property_value else value


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def github(report: Report) -> str:
    """GitHub Actions workflow commands, shown as annotations on the changed lines."""
    lines = []
    for f in report.findings:
        properties = {
            "file": f.path,
            "line": f.line,
            "col": f.column,
            "endLine": f.end_line,
            "endColumn": f.end_column,
            "title": f"{f.code} {f.name}",
        }
        props = ",".join(
            f"{k}={_github_escape(str(v), property_value=True)}" for k, v in properties.items()
        )
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {props}::{_github_escape(f.message)}\n")
    return "".join(lines)


_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    urls = [ref for ref in rule.references if ref.startswith(("http://", "https://"))]
    help_text = rule.why + (f"\n\nInstead: {rule.suggestion}" if rule.suggestion else "")
    help_text += "".join(f"\nReference: {ref}" for ref in rule.references)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": f"{rule.name} ({rule.category})"},
        "fullDescription": {"text": rule.why},
        "help": {"text": help_text},
        "helpUri": urls[0] if urls else HOME,
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


def _tool_rule(code: str, name: str) -> dict[str, Any]:
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": f"{name} (claimlint could not check something)"},
        "helpUri": HOME,
        "defaultConfiguration": {"level": "error"},
        "properties": {"category": "tool"},
    }


def _uri(path: str) -> str:
    path = path.replace(os.sep, "/")
    return "file://" + quote(path) if path.startswith("/") else quote(path)


def sarif(report: Report) -> str:
    """SARIF 2.1.0, for code-scanning dashboards; columns count Unicode code points."""
    import json

    rules = [_sarif_rule(r) for r in report.rules]
    rules += [_tool_rule(code, name) for code, name in TOOL_RULES.items()]
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = []
    for f in report.findings:
        region = {
            "startLine": f.line,
            "startColumn": f.column,
            "endLine": f.end_line,
            "endColumn": f.end_column,
        }
        if f.match:
            region["snippet"] = {"text": f.match}
        result: dict[str, Any] = {
            "ruleId": f.code,
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message + (f"\nInstead: {f.suggestion}" if f.suggestion else "")},
            "locations": [
                {"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)}, "region": region}}
            ],
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        results.append(result)
    run = {
        "tool": {
            "driver": {
                "name": "claimlint",
                "version": __version__,
                "informationUri": HOME,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# XML escapes, as html.escape writes them (without importing html and its entity tables).
_XML_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_XML_ATTRIBUTE = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"}
)


def quoteattr(value: str) -> str:
    """An XML attribute value, quoted and escaped."""
    return f'"{value.translate(_XML_ATTRIBUTE)}"'


def junit(report: Report) -> str:
    """JUnit XML: one test case per file checked, failing with its findings."""
    by_file: dict[str, list[Finding]] = {path: [] for path in report.files}
    for f in report.findings:
        by_file.setdefault(f.path, []).append(f)
    failures = sum(1 for found in by_file.values() if found)
    cases = []
    for path, found in by_file.items():
        name = quoteattr(path)
        if not found:
            cases.append(f'    <testcase classname="claimlint" name={name}/>')
            continue
        body = "\n".join(
            f"{f.line}:{f.column}: {f.code} [{f.severity}] {f.message} ({f.name})" for f in found
        )
        message = quoteattr(f"{len(found)} finding{'s' if len(found) != 1 else ''}")
        cases.append(
            f'    <testcase classname="claimlint" name={name}>\n'
            f"      <failure message={message}>{body.translate(_XML_TEXT)}</failure>\n    </testcase>"
        )
    head = (
        f'<testsuite name="claimlint" tests="{len(by_file)}" failures="{failures}" '
        f'errors="0" skipped="0">'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  '
        + head
        + "\n"
        + "\n".join(cases)
        + ("\n  </testsuite>\n</testsuites>\n")
    )


FORMATTERS: dict[str, Formatter] = {
    "text": text,
    "concise": concise,
    "grouped": grouped,
    "json": json_array,
    "sarif": sarif,
    "github": github,
    "gitlab": gitlab,
    "junit": junit,
}


class _Frame(NamedTuple):
    """How a format's pieces join: what opens it, goes between files, closes it, or stands alone."""

    body: Formatter
    opening: str = ""
    between: str = ""
    closing: str = ""
    empty: str = ""


# Formats whose report is the reports of its files joined: written file by file, so a run over
# a large site never holds every finding. The others need the whole run and are written at the end.
_FRAMES = {
    "text": _Frame(text),
    "concise": _Frame(concise),
    "grouped": _Frame(grouped, between="\n"),
    "github": _Frame(github),
    "json": _Frame(_json_rows, "[\n", ",\n", "\n]\n", "[]\n"),
}


class Writer:
    """Writes a report of one format as the findings of each file come in."""

    def __init__(
        self,
        fmt: str,
        write: Callable[[str], Any],
        rules: Sequence[Rule] = (),
        files: Sequence[str] = (),
    ) -> None:
        self.fmt, self.write, self.rules, self.files = fmt, write, rules, files
        self.frame = _FRAMES.get(fmt)
        self.held: list[Finding] = []  # for the formats written whole
        self.started = False

    def add(self, findings: Sequence[Finding]) -> None:
        """Report the findings of one file (sorted)."""
        if not findings:
            return
        if self.frame is None:
            self.held += findings
            return
        piece = self.frame.body(Report(findings, self.rules, self.files))
        self.write((self.frame.between if self.started else self.frame.opening) + piece)
        self.started = True

    def close(self) -> None:
        """Finish the report."""
        if self.frame is None:
            self.write(FORMATTERS[self.fmt](Report(self.held, self.rules, self.files)))
        else:
            self.write(self.frame.closing if self.started else self.frame.empty)
