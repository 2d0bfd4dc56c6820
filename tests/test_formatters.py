"""Every formatter, byte for byte."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree

from claimlint.formatters import FORMATTERS, Report, Writer
from claimlint.model import Finding, Severity

FINDINGS = [
    Finding(
        "copy/a.md",
        3,
        7,
        3,
        24,
        "CL101",
        "permanent-results",
        "guarantee",
        Severity.ERROR,
        "'permanent results' promises results that last forever",
        "permanent results",
        "en",
        "long-lasting results",
    ),
    Finding(
        "copy/ar.txt",
        1,
        1,
        1,
        1,
        "CL900",
        "missing-disclaimer",
        "missing-disclaimer",
        Severity.WARNING,
        "No disclaimer.",
        "",
        None,
        None,
    ),
]


def test_formatters_text() -> None:
    assert FORMATTERS["text"](Report(FINDINGS)) == (
        "copy/a.md:3:7: CL101 [error] 'permanent results' promises results that last forever"
        " Instead: long-lasting results (permanent-results)\n"
        "copy/ar.txt:1:1: CL900 [warning] No disclaimer. (missing-disclaimer)\n"
    )


def test_formatters_json() -> None:
    assert json.loads(FORMATTERS["json"](Report(FINDINGS))) == [
        {
            "path": "copy/a.md",
            "line": 3,
            "column": 7,
            "end_line": 3,
            "end_column": 24,
            "code": "CL101",
            "name": "permanent-results",
            "category": "guarantee",
            "severity": "error",
            "message": "'permanent results' promises results that last forever",
            "match": "permanent results",
            "language": "en",
            "suggestion": "long-lasting results",
        },
        {
            "path": "copy/ar.txt",
            "line": 1,
            "column": 1,
            "end_line": 1,
            "end_column": 1,
            "code": "CL900",
            "name": "missing-disclaimer",
            "category": "missing-disclaimer",
            "severity": "warning",
            "message": "No disclaimer.",
            "match": "",
            "language": None,
            "suggestion": None,
        },
    ]


def test_formatters_json_keeps_text_readable() -> None:
    finding = FINDINGS[0]._replace(match="بشرة بيضاء")
    assert "بشرة بيضاء" in FORMATTERS["json"](Report([finding]))


def test_formatters_empty() -> None:
    assert FORMATTERS["text"](Report([])) == ""
    assert FORMATTERS["json"](Report([])) == "[]\n"


def test_formatters_concise_and_grouped() -> None:
    assert FORMATTERS["concise"](Report(FINDINGS)) == (
        "copy/a.md:3:7: CL101 'permanent results' promises results that last forever\n"
        "copy/ar.txt:1:1: CL900 No disclaimer.\n"
    )
    assert FORMATTERS["grouped"](Report(FINDINGS)) == (
        "copy/a.md:\n"
        "  3:7  CL101 [error] 'permanent results' promises results that last forever (permanent-results)\n"
        "      instead: long-lasting results\n"
        "\n"
        "copy/ar.txt:\n"
        "  1:1  CL900 [warning] No disclaimer. (missing-disclaimer)\n"
    )


def test_formatters_github() -> None:
    finding = FINDINGS[0]._replace(message="50%: a, b\nnext")
    assert FORMATTERS["github"](Report([finding, FINDINGS[1]])) == (
        "::error file=copy/a.md,line=3,col=7,endLine=3,endColumn=24,title=CL101 permanent-results"
        "::50%25: a, b%0Anext\n"
        "::warning file=copy/ar.txt,line=1,col=1,endLine=1,endColumn=1,title=CL900 missing-disclaimer"
        "::No disclaimer.\n"
    )


GITHUB_LINE = re.compile(
    r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::[^\n]*$"
)


def test_formatters_github_lines_parse() -> None:
    for line in FORMATTERS["github"](Report(FINDINGS)).splitlines():
        assert GITHUB_LINE.match(line), line


def test_formatters_gitlab_fingerprints_are_stable() -> None:
    issues = json.loads(FORMATTERS["gitlab"](Report(FINDINGS)))
    assert issues[0] == {
        "description": "CL101 'permanent results' promises results that last forever",
        "check_name": "permanent-results",
        "fingerprint": issues[0]["fingerprint"],
        "severity": "major",
        "location": {
            "path": "copy/a.md",
            "positions": {"begin": {"line": 3, "column": 7}, "end": {"line": 3, "column": 24}},
        },
    }
    moved = [FINDINGS[0]._replace(line=30, end_line=30), FINDINGS[1]]
    assert [i["fingerprint"] for i in json.loads(FORMATTERS["gitlab"](Report(moved)))] == [
        i["fingerprint"] for i in issues
    ]
    twice = [FINDINGS[0], FINDINGS[0]._replace(line=9, end_line=9)]
    prints = [i["fingerprint"] for i in json.loads(FORMATTERS["gitlab"](Report(twice)))]
    assert len(set(prints)) == 2


def test_formatters_junit() -> None:
    xml = FORMATTERS["junit"](Report(FINDINGS[:1], files=["copy/a.md", "copy/ok.md"]))
    assert xml == (
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n'
        '  <testsuite name="claimlint" tests="2" failures="1" errors="0" skipped="0">\n'
        '    <testcase classname="claimlint" name="copy/a.md">\n'
        "      <failure message=\"1 finding\">3:7: CL101 [error] 'permanent results' promises results"
        " that last forever (permanent-results)</failure>\n"
        "    </testcase>\n"
        '    <testcase classname="claimlint" name="copy/ok.md"/>\n'
        "  </testsuite>\n</testsuites>\n"
    )
    ElementTree.fromstring(xml.encode())


def test_formatters_sarif_shape() -> None:
    from claimlint import rules

    pack = rules.default_pack()
    document = json.loads(FORMATTERS["sarif"](Report(FINDINGS, pack.rules)))
    run = document["runs"][0]
    assert document["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert {r.code for r in pack.rules} | {"CL001", "CL002"} <= set(ids)
    result = run["results"][0]
    assert result["ruleId"] == "CL101" and ids[result["ruleIndex"]] == "CL101"
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3,
        "startColumn": 7,
        "endLine": 3,
        "endColumn": 24,
        "snippet": {"text": "permanent results"},
    }


def test_writer_file_by_file_gives_the_whole_report_in_every_format() -> None:
    # The command line writes each file's findings as soon as they are found.
    third = FINDINGS[0]._replace(path="copy/b.md", line=9)
    findings = [FINDINGS[0], FINDINGS[0]._replace(line=5), third, FINDINGS[1]]
    files = ["copy/a.md", "copy/ar.txt", "copy/b.md", "copy/empty.md"]
    for fmt, whole in FORMATTERS.items():
        for chunks in ([findings[:2], [], [third], [FINDINGS[1]]], [[]], []):
            written: list[str] = []
            writer = Writer(fmt, written.append, files=files)
            for chunk in chunks:
                writer.add(chunk)
            writer.close()
            expected = whole(Report([f for c in chunks for f in c], files=files))
            assert "".join(written) == expected, fmt
