"""The English fixture corpus: the default pack scored against the pages' own labels."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimlint import rules, sources
from claimlint.lint import lint_document

CORPUS = Path(__file__).resolve().parent / "corpus" / "en"
ENTRIES: list[dict[str, Any]] = yaml.safe_load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))
DOCUMENT_LEVEL = {"missing-disclaimer"}


def _found(entry: dict[str, Any]) -> dict[int, set[str]]:
    """Return the categories reported on each line of a labelled page (0 = the page itself)."""
    document = sources.read(str(CORPUS / entry["file"]))
    by_line: dict[int, set[str]] = defaultdict(set)
    for finding in lint_document(document, rules.default_pack()):
        by_line[0 if finding.category in DOCUMENT_LEVEL else finding.line].add(finding.category)
    return by_line


@pytest.mark.parametrize("entry", ENTRIES, ids=[Path(e["file"]).stem for e in ENTRIES])
def test_nothing_on_must_not_flag_lines(entry: dict[str, Any]) -> None:
    found = _found(entry)
    lines = [x["line"] for x in entry.get("must_not_flag") or []]
    wrong = {line: sorted(found[line]) for line in lines if found[line]}
    assert wrong == {}


def test_corpus_precision_and_recall() -> None:
    """Line findings (file, line, category) and page findings, scored like the shared score tool."""
    expected: set[tuple[str, int, str]] = set()
    reported: set[tuple[str, int, str]] = set()
    for entry in ENTRIES:
        name = entry["file"]
        optional = {x["line"] for x in entry.get("optional") or []}
        labelled = {(name, x["line"], x["category"]) for x in entry.get("findings") or []}
        expected |= labelled | {(name, 0, c) for c in entry.get("document") or []}
        for line, categories in _found(entry).items():
            for category in categories:
                item = (name, line, category)
                if line in optional and item not in labelled:
                    continue  # borderline line: neither rewarded nor penalised
                reported.add(item)
    hits = expected & reported
    precision, recall = len(hits) / len(reported), len(hits) / len(expected)
    missed, extra = sorted(expected - reported), sorted(reported - expected)
    assert precision >= 0.95, f"precision {precision:.3f}; not expected: {extra}"
    assert recall >= 0.90, f"recall {recall:.3f}; missed: {missed}"
