"""Shared test helpers: paths, small rule packs written inline, and a one-line lint."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Callable

import pytest

from claimlint import rules
from claimlint.lint import lint_text
from claimlint.model import Finding, RulePack

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def write_pack(tmp_path: Path) -> Callable[[str], Path]:
    """Write YAML text (dedented) to a pack file and return its path."""

    def write(text: str, name: str = "pack.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


@pytest.fixture
def pack_from(write_pack: Callable[[str], Path]) -> Callable[[str], RulePack]:
    """Load a pack from YAML text, replacing the default pack."""
    return lambda text: rules.load(write_pack(text))


def lint(text: str, pack: RulePack | None = None, **kw: str) -> list[Finding]:
    """Lint `text` with `pack` (default pack when None), like yamllint's RuleTestCase.check."""
    return lint_text(text, pack=pack, **kw)
