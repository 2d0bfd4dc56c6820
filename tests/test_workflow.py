"""Configuration, profiles, baselines and CI formats, through the command line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result
from helpers import SHARED
from packs import EXTRA, GUARDED

from claimlint.cli import main

RISKY = "Our treatment gives permanent results.\nThere are no side effects. Results vary.\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A content repository with a rule pack, risky copy and a git root."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "pack.yaml").write_text(GUARDED, encoding="utf-8")  # to replace the default pack
    (tmp_path / "extra.yaml").write_text(EXTRA, encoding="utf-8")  # to extend it
    (tmp_path / "site" / "blog").mkdir(parents=True)
    (tmp_path / "site" / "risky.txt").write_text(RISKY, encoding="utf-8")
    (tmp_path / "site" / "blog" / "post.txt").write_text(RISKY, encoding="utf-8")
    return tmp_path


def run(folder: Path, *args: str, stdin: str | None = None) -> Result:
    old = os.getcwd()
    os.chdir(folder)
    try:
        return CliRunner().invoke(main, list(args), input=stdin)
    finally:
        os.chdir(old)


def codes(result: Result) -> list[tuple[str, str]]:
    return [(f["path"], f["code"]) for f in json.loads(result.stdout)]


def write_config(folder: Path, text: str, name: str = ".claimlint.yaml") -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_config_found_upwards_and_flags_override(repo: Path) -> None:
    write_config(repo, "extend-rules: [extra.yaml]\nselect: [test-no-side-effects]\n")
    result = run(repo / "site", "check", "--isolated", "--format", "json", "risky.txt")
    assert ("risky.txt", "CL199") not in codes(result)  # the default pack alone has no CL199
    found = run(repo / "site", "check", "--format", "json", "risky.txt")
    assert codes(found) == [("risky.txt", "CL199")]
    flagged = run(
        repo / "site", "check", "--format", "json", "--select", "CL149,CL199", "risky.txt"
    )
    assert codes(flagged) == [("risky.txt", "CL149"), ("risky.txt", "CL199")]


def test_config_in_pyproject(repo: Path) -> None:
    toml = '[tool.claimlint]\nextend-rules = ["extra.yaml"]\nselect = ["CL149", "CL199"]\nignore = ["CL199"]\n'
    write_config(repo, toml, "pyproject.toml")
    assert codes(run(repo, "check", "--format", "json", "site/risky.txt")) == [
        ("site/risky.txt", "CL149")
    ]


def test_config_stops_at_the_repository_root(repo: Path) -> None:
    write_config(repo.parent, "select: [nothing-at-all]\n")
    try:
        assert run(repo, "check", "site").exit_code in (0, 1)
    finally:
        (repo.parent / ".claimlint.yaml").unlink()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("selct: [CL101]\n", ".claimlint.yaml:1: unknown setting 'selct'"),
        ("fail-on: never\n", ".claimlint.yaml:1: fail-on must be error, warning or info"),
        ("exclude: 3\n", ".claimlint.yaml:1: exclude must be a list of globs"),
        ("select: [CL101]\nprofile: mars\n", ".claimlint.yaml:2: unknown profile 'mars'"),
        ("select: [CL777]\n", "select: no rule is called 'CL777'"),
        ("severity: {CL101: fatal}\n", ".claimlint.yaml:1: severity must be a mapping"),
        (
            "syntax: {'*.txt': docx}\n",
            ".claimlint.yaml:1: syntax must be a mapping of globs to syntaxes",
        ),
        ("select: [CL101\n", ".claimlint.yaml:2: not valid YAML"),
    ],
)
def test_config_errors_exit_2_with_one_clear_line(repo: Path, text: str, message: str) -> None:
    write_config(repo, text)
    result = run(repo, "check", "site")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr


def test_config_unknown_profile_flag(repo: Path) -> None:
    result = run(repo, "check", "--profile", "mars", "site")
    assert result.exit_code == 2 and "unknown profile 'mars'" in result.stderr


def test_config_severity_fail_on_exclude_and_per_file_ignores(repo: Path) -> None:
    write_config(
        repo,
        "extend-rules: [extra.yaml]\nselect: [CL149, CL199]\n"
        "severity: {CL149: info, absolute-safety: info}\nfail-on: warning\n"
        "exclude: [blog/]\nper-file-ignores: {'risky.txt': [CL199]}\n",
    )
    result = run(repo, "check", "--format", "json", "site")
    assert result.exit_code == 0
    assert [(f["path"], f["code"], f["severity"]) for f in json.loads(result.stdout)] == [
        ("site/risky.txt", "CL149", "info")
    ]


def test_config_include_syntax_and_languages(repo: Path) -> None:
    (repo / "site" / "strings.data").write_text(
        "স্থায়ী ফলাফল পান। permanent results\n", encoding="utf-8"
    )
    write_config(
        repo,
        "extend-rules: [extra.yaml]\ninclude: ['*.data']\nsyntax: {'*.data': txt}\nlanguages: [bn]\n",
    )
    found = json.loads(run(repo, "check", "--format", "json", "site").stdout)
    assert [(f["path"], f["code"], f["language"]) for f in found if f["code"] == "CL149"] == [
        ("site/strings.data", "CL149", "bn")
    ]


def test_config_command_prints_the_effective_config(repo: Path) -> None:
    write_config(repo, "select: [CL101]\nprofile: uk\n")
    shown = json.loads(run(repo, "config").stdout)
    assert shown["config-file"].endswith(".claimlint.yaml")
    assert (
        shown["select"] == ["CL101"]
        and shown["profile"] == ["uk"]
        and shown["fail-on"] == "warning"
    )


def test_profiles_list_and_adjust_severity(repo: Path) -> None:
    listing = run(repo, "profiles").stdout
    assert [line.split()[0] for line in listing.splitlines()] == [
        "us",
        "uk",
        "eu",
        "de",
        "ae",
        "in",
        "ph",
        "au",
        "tr",
    ]
    (repo / "botox.txt").write_text("We offer Botox. Results vary.\n", encoding="utf-8")
    severities = {}
    for profile in ("us", "uk"):
        found = json.loads(
            run(repo, "check", "--profile", profile, "--format", "json", "botox.txt").stdout
        )
        severities[profile] = {f["category"]: f["severity"] for f in found}
    if "prescription-medicine" in severities["uk"]:
        assert severities == {
            "us": {"prescription-medicine": "info"},
            "uk": {"prescription-medicine": "error"},
        }


def test_profiles_add_mandated_disclaimers(repo: Path) -> None:
    (repo / "de.txt").write_text("Faltenbehandlung mit Botox in Berlin.\n", encoding="utf-8")
    found = json.loads(run(repo, "check", "--profile", "de", "--format", "json", "de.txt").stdout)
    assert "CL910" in [f["code"] for f in found]
    without = json.loads(run(repo, "check", "--format", "json", "de.txt").stdout)
    assert "CL910" not in [f["code"] for f in without]


def test_baseline_reports_only_new_findings(repo: Path) -> None:
    base = ["check", "--rules", "pack.yaml", "--format", "json"]
    written = run(
        repo, "check", "--rules", "pack.yaml", "--write-baseline", "baseline.json", "site"
    )
    assert written.exit_code == 0 and (repo / "baseline.json").is_file()
    assert run(repo, *base, "--baseline", "baseline.json", "site").stdout == "[]\n"
    risky = repo / "site" / "risky.txt"
    risky.write_text(
        "A new line on top.\n\n" + RISKY[::-1][::-1].replace("\n", "\n\n"), encoding="utf-8"
    )
    moved = run(repo, *base, "--baseline", "baseline.json", "site")
    assert (moved.exit_code, moved.stdout) == (0, "[]\n")  # moved lines are not new
    risky.write_text(RISKY + "Painless and permanent results for all.\n", encoding="utf-8")
    added = run(repo, *base, "--baseline", "baseline.json", "site")
    assert added.exit_code == 1 and [(f["line"], f["code"]) for f in json.loads(added.stdout)] == [
        (3, "CL101")
    ]


def test_baseline_unreadable_exit_2(repo: Path) -> None:
    (repo / "broken.json").write_text("{}", encoding="utf-8")
    result = run(repo, "check", "--baseline", "broken.json", "site")
    assert result.exit_code == 2 and "not a claimlint baseline" in result.stderr


def test_stdin_filename_picks_name_and_config(repo: Path) -> None:
    write_config(
        repo,
        "extend-rules: [extra.yaml]\nselect: [CL149, CL199]\nper-file-ignores: {'site/blog/*.txt': [CL199]}\n",
    )
    result = run(
        repo, "check", "-", "--stdin-filename", "site/blog/new.txt", "--format", "json", stdin=RISKY
    )
    assert codes(result) == [("site/blog/new.txt", "CL149")]


def test_output_file_and_statistics(repo: Path) -> None:
    result = run(
        repo, "check", "--rules", "pack.yaml", "--format", "sarif", "-o", "report.sarif", "site"
    )
    assert result.exit_code == 1 and result.stdout.startswith(
        "site/blog/post.txt:1:21: CL101 [error]"
    )
    assert json.loads((repo / "report.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    stats = run(repo, "check", "--rules", "pack.yaml", "--statistics", "site")
    assert stats.stdout == "    2  CL101  permanent-results\n    2  CL152  no-side-effects\n"


def test_report_and_baseline_files_that_cannot_be_written_exit_2(repo: Path) -> None:
    (repo / "reports").mkdir()
    for args in (
        ["-o", "missing/report.json"],
        ["-o", "reports"],  # a folder: it is left as it is
        ["--write-baseline", "missing/baseline.json"],
    ):
        result = run(repo, "check", "--rules", "pack.yaml", "--format", "json", *args, "site")
        assert result.exit_code == 2, args
        assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1
    assert (repo / "reports").is_dir() and not any((repo / "reports").iterdir())
    assert sorted(p.name for p in repo.iterdir() if p.name.endswith(".tmp")) == []


def test_report_file_replaced_whole(repo: Path) -> None:
    (repo / "report.json").write_text("old", encoding="utf-8")
    result = run(
        repo, "check", "--rules", "pack.yaml", "--format", "json", "-o", "report.json", "site"
    )
    assert result.exit_code == 1
    assert len(json.loads((repo / "report.json").read_text(encoding="utf-8"))) == 4
    assert [p.name for p in repo.iterdir() if p.name.startswith(".report.json")] == []


def test_sarif_of_the_seed_pages_validates_against_the_official_schema() -> None:
    schema_path = SHARED / "data" / "sarif-schema-2.1.0.json"
    if not schema_path.exists():
        pytest.skip("the shared SARIF schema is not beside the repository")
    result = run(SHARED / "corpus", "check", "--format", "sarif", "seeds")
    document = json.loads(result.stdout)
    jsonschema.Draft7Validator(json.loads(schema_path.read_text(encoding="utf-8"))).validate(
        document
    )
    assert document["runs"][0]["results"], "the seeds have findings"
