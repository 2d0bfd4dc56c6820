"""Helpers the tests import: where things are, and a one-line lint."""

from __future__ import annotations

from pathlib import Path

from claimlint.lint import lint_text
from claimlint.model import Finding, RulePack

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def lint(text: str, pack: RulePack | None = None, **kw: str) -> list[Finding]:
    """Lint `text` with `pack` (default pack when None), like yamllint's RuleTestCase.check."""
    return lint_text(text, pack=pack, **kw)
