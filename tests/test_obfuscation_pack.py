"""The obfuscation rule end to end: one finding per disguised line, on its first disguised word."""

from __future__ import annotations

import pytest
from helpers import SHARED

from claimlint import rules, sources
from claimlint.lint import lint_document, lint_text
from claimlint.model import RulePack

SEED = sorted((SHARED / "corpus" / "seeds").glob("004_*.txt"))


def pack() -> RulePack:
    return rules.default_pack()


def test_examples_pass() -> None:
    assert rules.check_examples(pack(), codes={"CL951"}) == []


def test_one_finding_per_line_on_the_first_disguised_word() -> None:
    text = "Plain line.\nIt is sаfe and еffective.\nPerma\u200bnent results."
    found = [f for f in lint_text(text, pack=pack()) if f.code == "CL951"]
    assert [(f.line, f.column, f.end_column, f.match) for f in found] == [
        (2, 7, 11, "sаfe"),
        (3, 1, 11, "Perma\u200bnent"),
    ]
    assert "'sаfe' mixes Cyrillic 'а' (U+0430) into a Latin word" in found[0].message
    assert "'еffective' mixes Cyrillic 'е' (U+0435)" in found[0].message
    assert found[0].category == "obfuscation"


@pytest.mark.skipif(not SEED, reason="the shared seed corpus is not beside the repository")
def test_seed_004_every_line_with_exact_columns() -> None:
    document = sources.read(str(SEED[0]))
    lines = document.source.split("\n")
    found = [f for f in lint_document(document, pack()) if f.code == "CL951"]
    assert [f.line for f in found] == list(range(1, 26))
    for f in found:
        line = lines[f.line - 1]
        assert line[f.column - 1 : f.end_column - 1] == f.match
        assert "\u0435" in f.match  # the first word that hides a Cyrillic 'е'
        assert "\u0435" not in line[: f.column - 1]
