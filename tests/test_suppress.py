"""Inline suppressions: what each directive silences, and what is reported about directives."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint import rules, sources, suppress
from claimlint.cli import main
from claimlint.lint import lint_document
from claimlint.model import Finding, RulePack

PACK = Path(__file__).resolve().parent / "fixtures" / "sources" / "pack.yaml"
# One comment form per syntax, to write the same directive in each.
COMMENT = {
    "md": "<!-- {} -->",
    "html": "<!-- {} -->",
    "txt": "# {}",
    "yaml": "# {}",
    "po": "# {}",
    "json": '"_comment": "{}",',
}


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return rules.load(PACK)


def _copy(syntax: str, line: str) -> str:
    """Write one line of copy in `syntax` (a paragraph, a value, a translation)."""
    return {
        "yaml": f"k{abs(hash(line))}: {line}",
        "json": f'"k{abs(hash(line))}": "{line}",',
        "po": f'msgid "x{abs(hash(line))}"\nmsgstr "{line}"',
    }.get(syntax, line)


def _check(syntax: str, lines: list[str], pack: RulePack, **kw: bool) -> list[Finding]:
    """Lint lines where '!' starts a directive and anything else is copy."""
    body = [COMMENT[syntax].format(x[1:]) if x.startswith("!") else _copy(syntax, x) for x in lines]
    if syntax == "json":
        body = ["{", *body, '"end": ""', "}"]
    document = sources.parse("\n".join(body) + "\n", syntax=syntax)
    return lint_document(document, pack, **kw)


def _codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


SYNTAXES = sorted(COMMENT)


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_disable_next_line_silences_the_next_line_of_copy_only(syntax: str, pack: RulePack) -> None:
    lines = ["!claimlint: disable-next-line detox -- approved", "A detox drip.", "A detox drip."]
    assert _codes(_check(syntax, lines, pack)) == ["CL451"]
    assert _codes(_check(syntax, lines, pack, suppressions=False)) == ["CL451", "CL451"]


def test_disable_next_line_at_the_end_of_a_line_reaches_the_line_below(pack: RulePack) -> None:
    source = (
        "A detox drip <!-- claimlint: disable-next-line detox --> and a detox\nbath, a detox.\n"
    )
    findings = lint_document(sources.parse(source, syntax="md"), pack)
    assert [(f.line, f.code) for f in findings] == [(1, "CL451"), (1, "CL451")]


@pytest.mark.parametrize("syntax", ["md", "html", "txt", "yaml"])
def test_disable_line_silences_its_own_line(syntax: str, pack: RulePack) -> None:
    comment = COMMENT[syntax].format("claimlint: disable-line CL451")
    document = sources.parse(f"{_copy(syntax, 'A detox drip.')} {comment}\n", syntax=syntax)
    assert lint_document(document, pack) == []
    assert _codes(lint_document(document, pack, suppressions=False)) == ["CL451"]


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_disable_until_enable(syntax: str, pack: RulePack) -> None:
    lines = [
        "!claimlint: disable detox, permanent-results",
        "A detox drip.",
        "Permanent results.",
        "!claimlint: enable detox, permanent-results",
        "A detox drip.",
    ]
    findings = _check(syntax, lines, pack)
    assert _codes(findings) == ["CL451"] and findings[0].line == len(_check_lines(syntax, lines))


def _check_lines(syntax: str, lines: list[str]) -> list[str]:
    """The source lines up to and including the last line of copy (to find its line number)."""
    body = [COMMENT[syntax].format(x[1:]) if x.startswith("!") else _copy(syntax, x) for x in lines]
    text = "\n".join((["{"] if syntax == "json" else []) + body)
    return text.split("\n")


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_disable_without_enable_runs_to_the_end(syntax: str, pack: RulePack) -> None:
    lines = ["A detox drip.", "!claimlint: disable detox", "A detox drip.", "A detox drip."]
    assert _codes(_check(syntax, lines, pack)) == ["CL451"]


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_disable_file_silences_the_named_rule_everywhere(syntax: str, pack: RulePack) -> None:
    lines = [
        "A detox drip.",
        "Permanent results.",
        "!claimlint: disable-file detox -- quoted on purpose",
        "A detox drip.",
    ]
    assert _codes(_check(syntax, lines, pack)) == ["CL101"]


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_a_directive_that_silences_nothing_is_reported(syntax: str, pack: RulePack) -> None:
    lines = ["!claimlint: disable-next-line detox, permanent-results -- old", "A detox drip."]
    (finding,) = [f for f in _check(syntax, lines, pack) if f.code == "CL005"]
    assert finding.name == "unused-suppression" and str(finding.severity) == "warning"
    assert (
        "'permanent-results'" in finding.message
        and "'detox'" not in finding.message.split("for")[-1]
    )
    assert finding.match == "claimlint: disable-next-line detox, permanent-results -- old"


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_a_directive_must_name_a_rule(syntax: str, pack: RulePack) -> None:
    lines = [
        "!claimlint: disable-next-line -- no name",
        "A detox drip.",
        "!claimlint: disable-file detx",
    ]
    findings = _check(syntax, lines, pack)
    assert _codes(findings) == ["CL006", "CL451", "CL006"]
    assert "does not say which rule" in findings[0].message and "'detx'" in findings[2].message


def test_an_enable_with_no_disable_is_reported(pack: RulePack) -> None:
    findings = _check("md", ["!claimlint: enable detox", "Fine copy."], pack)
    assert _codes(findings) == ["CL005"] and "no 'disable'" in findings[0].message


def test_a_rule_turned_off_in_this_run_is_neither_unknown_nor_unused(pack: RulePack) -> None:
    document = sources.parse(
        "<!-- claimlint: disable-next-line detox -->\nA detox drip.\n", syntax="md"
    )
    without_detox = pack._replace(rules=tuple(r for r in pack.rules if r.name != "detox"))
    assert _codes(lint_document(document, without_detox)) == ["CL006"]
    assert lint_document(document, without_detox, known={"detox", "CL451"}) == []


def test_directives_are_read_only_in_comments(pack: RulePack) -> None:
    # In Markdown, a '#' line is a heading (copy), not a comment.
    document = sources.parse("# claimlint: disable-line detox\n\nA detox drip.\n", syntax="md")
    assert suppress.directives(document.source, "md") == []
    assert _codes(lint_document(document, pack)) == ["CL451", "CL451"]


def test_directive_names_and_reason_are_parsed() -> None:
    (d,) = suppress.directives(
        "<!--claimlint:disable-line CL451,  detox painless -- legal OK -->", "html"
    )
    assert (d.kind, d.names, d.reason) == (
        "disable-line",
        ("CL451", "detox", "painless"),
        "legal OK",
    )


def test_cli_no_suppress_reports_silenced_findings(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        textwrap.dedent("""\
        <!-- claimlint: disable-next-line detox -- approved -->
        A detox drip.
        """),
        encoding="utf-8",
    )
    runner = CliRunner()
    quiet = runner.invoke(main, ["check", "--rules", str(PACK), str(page)])
    audit = runner.invoke(main, ["check", "--rules", str(PACK), "--no-suppress", str(page)])
    assert (quiet.exit_code, quiet.stdout) == (0, "")
    assert audit.exit_code == 1 and f"{page}:2:3: CL451" in audit.stdout


def test_cli_ignored_rule_named_by_a_directive_is_not_reported(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "<!-- claimlint: disable-next-line detox -->\nA detox drip.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        main, ["check", "--rules", str(PACK), "--ignore", "detox", str(page)]
    )
    assert (result.exit_code, result.stdout) == (0, "")
