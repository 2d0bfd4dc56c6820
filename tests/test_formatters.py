"""Every formatter, byte for byte."""

from __future__ import annotations

import json

from claimlint.formatters import FORMATTERS
from claimlint.model import Finding, Severity

FINDINGS = [
    Finding("copy/a.md", 3, 7, 3, 24, "CL101", "permanent-results", "guarantee", Severity.ERROR,
            "'permanent results' promises results that last forever", "permanent results", "en",
            "long-lasting results"),
    Finding("copy/ar.txt", 1, 1, 1, 1, "CL900", "missing-disclaimer", "missing-disclaimer",
            Severity.WARNING, "No disclaimer.", "", None, None),
]  # fmt: skip


def test_formatters_text() -> None:
    assert FORMATTERS["text"](FINDINGS) == (
        "copy/a.md:3:7: CL101 [error] 'permanent results' promises results that last forever"
        " (permanent-results)\n"
        "copy/ar.txt:1:1: CL900 [warning] No disclaimer. (missing-disclaimer)\n"
    )


def test_formatters_json() -> None:
    assert json.loads(FORMATTERS["json"](FINDINGS)) == [
        {
            "path": "copy/a.md", "line": 3, "column": 7, "end_line": 3, "end_column": 24,
            "code": "CL101", "name": "permanent-results", "category": "guarantee",
            "severity": "error", "message": "'permanent results' promises results that last forever",
            "match": "permanent results", "language": "en", "suggestion": "long-lasting results",
        },
        {
            "path": "copy/ar.txt", "line": 1, "column": 1, "end_line": 1, "end_column": 1,
            "code": "CL900", "name": "missing-disclaimer", "category": "missing-disclaimer",
            "severity": "warning", "message": "No disclaimer.", "match": "", "language": None,
            "suggestion": None,
        },
    ]  # fmt: skip


def test_formatters_json_keeps_text_readable() -> None:
    finding = FINDINGS[0]._replace(match="بشرة بيضاء")
    assert "بشرة بيضاء" in FORMATTERS["json"]([finding])


def test_formatters_empty() -> None:
    assert FORMATTERS["text"]([]) == ""
    assert FORMATTERS["json"]([]) == "[]\n"
