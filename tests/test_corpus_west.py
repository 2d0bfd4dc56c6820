"""The Spanish, Portuguese, French, Italian and German fixture pages, scored with the west pack."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimlint import rules, sources
from claimlint.lint import lint_document
from claimlint.model import RulePack

ROOT = Path(__file__).resolve().parent.parent
PACK = ROOT / "packs" / "west.yaml"
CORPUS = ROOT / "tests" / "corpus"
LANGUAGES = ("es", "pt", "fr", "it", "de")
DOCUMENT_LEVEL = {"missing-disclaimer"}


def _entries(language: str) -> list[dict[str, Any]]:
    return yaml.safe_load((CORPUS / language / "labels.yaml").read_text(encoding="utf-8"))


ENTRIES = [(language, entry) for language in LANGUAGES for entry in _entries(language)]


@lru_cache(maxsize=1)
def _pack() -> RulePack:
    """The default pack extended by the west pack (its examples are checked on load)."""
    extended = {entry["code"] for entry in yaml.safe_load(PACK.read_text(encoding="utf-8"))["rules"]}
    defined = {rule.code for rule in rules.default_pack().rules}
    if not extended <= defined:
        pytest.skip(f"the default pack does not define {sorted(extended - defined)} yet")
    return rules.load(extend=[PACK])


def _found(language: str, entry: dict[str, Any]) -> dict[int, set[str]]:
    """Return the categories reported on each line of a labelled page (0 = the page itself)."""
    document = sources.read(str(CORPUS / language / entry["file"]))
    by_line: dict[int, set[str]] = defaultdict(set)
    for finding in lint_document(document, _pack()):
        by_line[0 if finding.category in DOCUMENT_LEVEL else finding.line].add(finding.category)
    return by_line


@pytest.mark.parametrize(("language", "entry"), ENTRIES, ids=[Path(e["file"]).stem for _, e in ENTRIES])
def test_nothing_on_must_not_flag_lines(language: str, entry: dict[str, Any]) -> None:
    found = _found(language, entry)
    lines = [x["line"] for x in entry.get("must_not_flag") or []]
    wrong = {line: sorted(found[line]) for line in lines if found[line]}
    assert wrong == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_precision_and_recall(language: str) -> None:
    """Line findings (file, line, category) and page findings, scored like the shared score tool."""
    expected: set[tuple[str, int, str]] = set()
    reported: set[tuple[str, int, str]] = set()
    for entry in _entries(language):
        name = entry["file"]
        optional = {x["line"] for x in entry.get("optional") or []}
        labelled = {(name, x["line"], x["category"]) for x in entry.get("findings") or []}
        expected |= labelled | {(name, 0, c) for c in entry.get("document") or []}
        for line, categories in _found(language, entry).items():
            for category in categories:
                item = (name, line, category)
                if line in optional and item not in labelled:
                    continue  # borderline line: neither rewarded nor penalised
                reported.add(item)
    hits = expected & reported
    precision, recall = len(hits) / len(reported), len(hits) / len(expected)
    missed, extra = sorted(expected - reported), sorted(reported - expected)
    assert precision >= 0.95, f"{language} precision {precision:.3f}; not expected: {extra}"
    assert recall >= 0.90, f"{language} recall {recall:.3f}; missed: {missed}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_covers_ten_categories(language: str) -> None:
    """Each language has patterns and examples in at least ten claim categories."""
    categories = {
        rule.category
        for rule in _pack().rules
        if language in rule.patterns and rule.examples.get(language) and rule.examples[language].flag
    }
    assert len(categories) >= 10, sorted(categories)
