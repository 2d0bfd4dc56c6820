"""The shared seed pages: every labelled finding the pack can see, nothing on must-not-flag lines."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import SHARED

from claimlint import rules, sources
from claimlint.lint import lint_document

LABELS = SHARED / "corpus" / "seeds.labels.yaml"
ENTRIES: list[dict[str, Any]] = (
    yaml.safe_load(LABELS.read_text(encoding="utf-8")) if LABELS.exists() else []
)


@pytest.mark.skipif(
    not LABELS.exists(), reason="the shared seed corpus is not beside the repository"
)
@pytest.mark.parametrize("entry", ENTRIES, ids=[Path(e["file"]).name[:3] for e in ENTRIES])
def test_seeds_reported_as_labelled(entry: dict[str, Any]) -> None:
    pack = rules.default_pack()
    covered = {rule.category for rule in pack.rules}
    labelled = entry.get("findings") or []
    if any(x["category"] not in covered for x in labelled):
        missing = sorted({x["category"] for x in labelled} - covered)
        pytest.skip(f"the pack has no rule for {', '.join(missing)} yet")
    document = sources.read(str(LABELS.parent / entry["file"]))
    found = lint_document(document, pack)
    by_line: dict[int, set[str]] = defaultdict(set)
    for finding in found:
        by_line[finding.line].add(finding.category)
    missed = [x for x in labelled if x["category"] not in by_line[x["line"]]]
    assert missed == [], "labelled findings not reported"
    wrong = {
        x["line"]: sorted(by_line[x["line"]])
        for x in entry.get("must_not_flag") or []
        if by_line[x["line"]]
    }
    assert wrong == {}, "findings on must_not_flag lines"
    if "missing-disclaimer" in covered:
        documents = sorted({f.category for f in found if f.category == "missing-disclaimer"})
        assert documents == sorted(entry.get("document") or [])
