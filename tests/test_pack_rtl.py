"""The Arabic, Persian, Urdu and Turkish pack: examples behave, fixture pages score."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import ROOT

from claimlint import rules, sources
from claimlint.lint import lint_document
from claimlint.model import RulePack

PACK = ROOT / "packs" / "rtl.yaml"
CORPUS = ROOT / "tests" / "corpus"
LANGUAGES = ("ar", "fa", "ur", "tr")
CATEGORIES_PER_LANGUAGE = 10  # the minimum of categories with examples, per language
DOCUMENT = "missing-disclaimer"


def _codes() -> set[str]:
    return {entry["code"] for entry in yaml.safe_load(PACK.read_text(encoding="utf-8"))["rules"]}


def _pack() -> RulePack:
    """The default pack extended with this one (skipped while the default lacks a code)."""
    missing = _codes() - {rule.code for rule in rules.default_pack().rules}
    if missing:
        pytest.skip(f"the default pack does not define {', '.join(sorted(missing))} yet")
    return rules.load(extend=[PACK], verify=False)


def test_rtl_examples_behave() -> None:
    pack = _pack()
    assert [str(error) for error in rules.check_examples(pack, codes=_codes())] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_rtl_covers_enough_categories(language: str) -> None:
    covered = set()
    for rule in _pack().rules:
        examples = rule.examples.get(language)
        if examples and examples.flag and examples.pass_:
            covered.add(rule.category)
    assert len(covered) >= CATEGORIES_PER_LANGUAGE, sorted(covered)


Score = tuple[int, int, int, list[str]]


def _score(pack: RulePack, entries: list[dict[str, Any]], folder: Path) -> Score:
    """Return true positives, false positives, false negatives and the must-not-flag lines hit."""
    tp = fp = fn = 0
    hits = []
    for entry in entries:
        found = lint_document(sources.read(str(folder / entry["file"])), pack)
        gold = {(x["line"], x["category"]) for x in entry.get("findings") or []}
        optional = {x["line"] for x in entry.get("optional") or []}
        clean = {x["line"] for x in entry.get("must_not_flag") or []}
        reported = {(f.line, f.category) for f in found if f.category != DOCUMENT}
        reported = {(ln, cat) for ln, cat in reported if (ln, cat) in gold or ln not in optional}
        documents = {f.category for f in found if f.category == DOCUMENT}
        expected = set(entry.get("document") or [])
        tp += len(gold & reported) + len(documents & expected)
        fp += len(reported - gold) + len(documents - expected)
        fn += len(gold - reported) + len(expected - documents)
        wrong = sorted(reported - gold)
        hits += [f"{entry['file']}:{ln} {cat}" for ln, cat in wrong if ln in clean]
    return tp, fp, fn, hits


@pytest.mark.parametrize("language", LANGUAGES)
def test_rtl_fixture_pages_score(language: str) -> None:
    pack = _pack()
    folder = CORPUS / language
    entries = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    tp, fp, fn, hits = _score(pack, entries, folder)
    assert hits == [], "findings on must_not_flag lines"
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.95, (tp, fp, fn)
