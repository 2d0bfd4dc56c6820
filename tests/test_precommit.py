"""The pre-commit hook, run by the real pre-commit against this checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

RISKY = "# Offer\n\nPermanent results with our laser treatment!\n"
COMPLIANT = "# Laser treatment\n\nMost people need several sessions. Results vary; please consult a qualified practitioner.\n"


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (ROOT / ".git").exists() or not (ROOT / ".pre-commit-hooks.yaml").exists():
        pytest.skip("not a git checkout of claimlint")
    folder = tmp_path_factory.mktemp("content")
    _git(folder, "init", "-q")
    (folder / "offer.md").write_text(RISKY, encoding="utf-8")
    (folder / "laser.md").write_text(COMPLIANT, encoding="utf-8")
    _git(folder, "add", ".")
    return folder


def pre_commit(content: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(content.parent / "pre-commit-home"),
        "NO_COLOR": "1",
    }
    env.pop("CLAIMLINT_CACHE_DIR", None)
    command = [
        sys.executable,
        "-m",
        "pre_commit",
        "try-repo",
        str(ROOT),
        "claimlint",
        "--files",
        *files,
    ]
    return subprocess.run(
        command, cwd=content, env=env, capture_output=True, text=True, timeout=900
    )


def test_precommit_hook_flags_risky_copy(content: Path) -> None:
    done = pre_commit(content, "offer.md", "laser.md")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "offer.md:3:1: CL101 [error]" in done.stdout
    assert "laser.md" not in done.stdout.split("- hook id: claimlint", 1)[-1]


def test_precommit_hook_passes_compliant_copy(content: Path) -> None:
    done = pre_commit(content, "laser.md")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout
