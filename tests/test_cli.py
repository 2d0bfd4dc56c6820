"""The command line through click's CliRunner, once per exit code, and once for real."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import ROOT
from packs import GUARDED

from claimlint.cli import main

RISKY = "Our treatment gives permanent results.\nThere are no side effects. Results vary.\n"
COMPLIANT = "Our treatment gives long-lasting results. Results vary.\n"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A small content folder and a rule pack beside it."""
    (tmp_path / "pack.yaml").write_text(GUARDED, encoding="utf-8")
    site = tmp_path / "site"
    (site / "blog").mkdir(parents=True)
    (site / "risky.txt").write_text(RISKY, encoding="utf-8")
    (site / "blog" / "ok.md").write_text(COMPLIANT, encoding="utf-8")
    (site / "notes.csv").write_text(RISKY, encoding="utf-8")  # not copy: skipped in a walk
    return tmp_path


def run(copy: Path, *args: str, stdin: bytes | None = None) -> Result:
    old = os.getcwd()
    os.chdir(copy)
    try:
        return CliRunner().invoke(main, [*args], input=stdin)
    finally:
        os.chdir(old)


def check(copy: Path, *args: str, stdin: bytes | None = None) -> Result:
    return run(copy, "check", "--rules", "pack.yaml", *args, stdin=stdin)


def test_cli_findings_exit_1_in_text_shape(copy: Path) -> None:
    result = check(copy, "site")
    assert result.exit_code == 1
    assert result.stdout == (
        "site/risky.txt:1:21: CL101 [error] 'permanent results' promises results that last forever"
        " Instead: long-lasting results (permanent-results)\n"
        "site/risky.txt:2:11: CL152 [warning] 'no side effects' claims there are no side effects"
        " (no-side-effects)\n"
    )
    assert result.stderr == "2 findings in 2 files\n"


def test_cli_clean_exit_0(copy: Path) -> None:
    result = check(copy, "site/blog/ok.md")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "0 findings in 1 file\n")


def test_cli_fail_on_error_ignores_warnings(copy: Path) -> None:
    (copy / "site" / "warn.txt").write_text("No side effects.\n", encoding="utf-8")
    assert check(copy, "--fail-on", "error", "site/warn.txt").exit_code == 0
    assert check(copy, "site/warn.txt").exit_code == 1


@pytest.mark.parametrize(
    "args", [["--format", "xml", "site"], ["--fail-on", "never", "site"], ["--bogus"]]
)
def test_cli_bad_option_exit_2(copy: Path, args: list[str]) -> None:
    result = check(copy, *args)
    assert result.exit_code == 2 and "Error:" in result.stderr


def test_cli_internal_failure_on_one_file_is_one_line_and_others_still_checked(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimlint import cli

    checked = cli.lint_document

    def failing(document, *args, **kwargs):  # type: ignore[no-untyped-def]
        if document.path.endswith("ok.md"):
            raise ValueError("an unforeseen case")
        return checked(document, *args, **kwargs)

    monkeypatch.setattr(cli, "lint_document", failing)
    result = check(copy, "site")
    assert result.exit_code == 2
    assert "site/risky.txt:1:21: CL101" in result.stdout
    assert result.stderr.splitlines()[0] == (
        "site/blog/ok.md: claimlint failed on this file (ValueError: an unforeseen case);"
        " please report it"
    )


def test_cli_missing_path_exit_2_and_others_still_checked(copy: Path) -> None:
    result = check(copy, "nowhere.txt", "site/risky.txt")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "nowhere.txt: no such file or directory"
    assert "site/risky.txt:1:21: CL101" in result.stdout
    assert (
        "nowhere.txt:1:1: CL001 [error] no such file or directory (unreadable-file)"
        in result.stdout
    )


def test_cli_broken_rules_file_exit_2_names_file_and_line(copy: Path) -> None:
    (copy / "bad.yaml").write_text(
        "version: 1\nrules:\n  - code: CL101\n    nmae: x\n", encoding="utf-8"
    )
    result = run(copy, "check", "--rules", "bad.yaml", "site")
    assert result.exit_code == 2
    assert result.stderr == "Error: bad.yaml:4: CL101: unknown key 'nmae'\n"


def test_cli_undecodable_and_binary_files(copy: Path) -> None:
    (copy / "site" / "latin1.txt").write_bytes("Crème\npermanent results\n".encode("latin-1"))
    (copy / "site" / "image.html").write_bytes(b"\x89PNG\x00\x00permanent results")
    result = check(copy, "site")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:2] == [
        "site/image.html: binary file (it contains NUL bytes), not checked",
        "site/latin1.txt:1: not valid UTF-8 (byte 0xe8 at line 1, byte 3); save the file as UTF-8 and check it again",
    ]
    assert "site/risky.txt:1:21: CL101" in result.stdout  # the other files are still checked
    assert "site/latin1.txt:1:1: CL002 [error]" in result.stdout


def test_cli_utf8_bom_and_utf16(copy: Path) -> None:
    (copy / "bom.txt").write_bytes(b"\xef\xbb\xbfpermanent results\n")
    (copy / "wide.txt").write_bytes("permanent results\n".encode("utf-16"))
    result = check(copy, "--format", "json", "bom.txt", "wide.txt")
    found = [
        (f["path"], f["column"], f["match"])
        for f in json.loads(result.stdout)
        if f["code"] == "CL101"
    ]
    assert found == [("bom.txt", 1, "permanent results"), ("wide.txt", 1, "permanent results")]


@pytest.mark.parametrize(
    ("args", "codes"),
    [
        (["--select", "CL101"], ["CL101"]),
        (["--select", "absolute-safety"], ["CL152"]),
        (["--ignore", "CL10"], ["CL152"]),
        (["--select", "CL1", "--ignore", "permanent-results"], ["CL152"]),
        (["--ignore", "CL1", "--select", "CL101"], ["CL101"]),  # the more specific wins
        (["--select", "CL101,CL152"], ["CL101", "CL152"]),
    ],
)
def test_cli_select_and_ignore(copy: Path, args: list[str], codes: list[str]) -> None:
    result = check(copy, "--format", "json", *args, "site/risky.txt")
    assert [f["code"] for f in json.loads(result.stdout)] == codes


def test_cli_unknown_selector_exit_2(copy: Path) -> None:
    result = check(copy, "--select", "CL777", "site")
    assert result.exit_code == 2 and "select: no rule is called 'CL777'" in result.stderr


def test_cli_json_matches_source_spans(copy: Path) -> None:
    result = check(copy, "--format", "json", "site")
    assert result.stderr == ""
    for finding in json.loads(result.stdout):
        lines = (copy / finding["path"]).read_text(encoding="utf-8").splitlines()
        line = lines[finding["line"] - 1]
        assert finding["end_line"] == finding["line"]
        assert line[finding["column"] - 1 : finding["end_column"] - 1] == finding["match"]


def test_cli_stdin(copy: Path) -> None:
    result = check(copy, "-", stdin=RISKY.encode())
    assert result.exit_code == 1 and result.stdout.startswith("<stdin>:1:21: CL101")


def test_cli_rules_list_and_explain(copy: Path) -> None:
    listing = run(copy, "rules", "--rules", "pack.yaml")
    assert listing.exit_code == 0
    assert listing.stdout.splitlines()[0].split() == [
        "CL101",
        "permanent-results",
        "guarantee",
        "error",
        "bn",
        "en",
    ]
    explained = run(copy, "rules", "--rules", "pack.yaml", "permanent-results")
    assert "Why:        Results fade." in explained.stdout
    assert "Instead:    long-lasting results" in explained.stdout
    assert "en flags:  Permanent results in one session." in explained.stdout
    as_json = json.loads(run(copy, "rules", "--rules", "pack.yaml", "--format", "json").stdout)
    assert [r["code"] for r in as_json] == ["CL101", "CL152", "CL900"]
    assert run(copy, "rules", "--rules", "pack.yaml", "CL999").exit_code == 2


def test_cli_test_rules(copy: Path) -> None:
    good = run(copy, "test-rules", "pack.yaml")
    assert good.exit_code == 0 and "0 failing" in good.stderr
    (copy / "wrong.yaml").write_text(
        GUARDED.replace('pass: ["Side effects are rare."]', 'pass: ["No side effects."]'),
        encoding="utf-8",
    )
    bad = run(copy, "test-rules", "wrong.yaml")
    assert bad.exit_code == 1
    assert (
        "wrong.yaml:" in bad.stdout
        and "en pass example 'No side effects.' is flagged" in bad.stdout
    )


def test_cli_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("claimlint, version ")


def _console_script() -> Path:
    script = Path(sys.executable).parent / ("claimlint.exe" if os.name == "nt" else "claimlint")
    if not script.exists():
        pytest.skip("claimlint is not installed in this environment (pip install .)")
    return script


def test_cli_installed_console_script_runs_from_anywhere(copy: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    risky = copy / "site" / "risky.txt"
    done = subprocess.run(
        [str(_console_script()), "check", str(risky)],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr.strip().endswith("in 1 file")
    listing = subprocess.run(
        [str(_console_script()), "rules"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listing.returncode == 0 and "CL900" in listing.stdout


def test_cli_jobs_give_identical_output(copy: Path) -> None:
    # Real processes: a pool forked from inside CliRunner's captured streams is not a real run.
    for index in range(80):
        text = RISKY if index % 3 else COMPLIANT
        (copy / "site" / f"page-{index:03}.txt").write_text(text, encoding="utf-8")
    (copy / "site" / "broken.txt").write_bytes(b"\x89PNG\x00\x00bad")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def run_jobs(*jobs: str) -> subprocess.CompletedProcess[str]:
        command = [
            sys.executable,
            "-m",
            "claimlint",
            "check",
            "--rules",
            "pack.yaml",
            *jobs,
            "--format",
            "json",
            "site",
        ]
        return subprocess.run(
            command, cwd=copy, env=env, capture_output=True, text=True, timeout=300
        )

    serial, parallel, automatic = run_jobs("-j", "1"), run_jobs("-j", "2"), run_jobs()
    assert serial.returncode == parallel.returncode == automatic.returncode == 2, serial.stderr
    assert serial.stdout == parallel.stdout == automatic.stdout
    assert len(json.loads(serial.stdout)) > 100


def test_cli_reports_sorted_by_path_across_folders(copy: Path) -> None:
    # Files are checked in the order of their paths, so a folder's subfolders come where their
    # names sort, not after the folder's own files.
    (copy / "site" / "blog" / "risky.txt").write_text(RISKY, encoding="utf-8")
    (copy / "site" / "zz").mkdir()
    (copy / "site" / "zz" / "risky.txt").write_text(RISKY, encoding="utf-8")
    result = check(copy, "--format", "json", "site", "site/risky.txt")
    paths = [f["path"] for f in json.loads(result.output)]
    assert paths == sorted(paths) and len(set(paths)) == 3
    assert len(paths) == len(
        {(f["path"], f["line"], f["column"]) for f in json.loads(result.output)}
    )
