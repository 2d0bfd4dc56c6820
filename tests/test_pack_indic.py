"""The Bengali, Hindi and Thai pack: its examples behave, and it scores on its fixture pages."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from helpers import ROOT, SHARED

from claimlint import rules, sources
from claimlint.lint import lint_document
from claimlint.model import RulePack

PACK = ROOT / "packs" / "indic.yaml"
CORPUS = ROOT / "tests" / "corpus"
LANGUAGES = ("bn", "hi", "th")
DOCUMENT_LEVEL = {"missing-disclaimer"}


def _extended_codes() -> set[str]:
    data = yaml.safe_load(PACK.read_text(encoding="utf-8"))
    return {entry["code"] for entry in data["rules"]}


@pytest.fixture(scope="module")
def pack() -> RulePack:
    """The default pack extended with the indic pack (its examples are verified on load)."""
    missing = _extended_codes() - {rule.code for rule in rules.default_pack().rules}
    if missing:
        pytest.skip(f"the default pack does not define {', '.join(sorted(missing))} yet")
    # The default pack's own examples are its tests' business; ours are checked below.
    return rules.load(extend=[PACK], verify=False)


def test_indic_examples_behave(pack: RulePack) -> None:
    failures = rules.check_examples(pack, codes=_extended_codes())
    ours = [str(e) for e in failures if any(f": {lang} " in e.message for lang in LANGUAGES)]
    assert ours == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_indic_every_language_has_ten_categories(pack: RulePack, language: str) -> None:
    categories = {
        rule.category
        for rule in pack.rules
        if language in rule.examples
        and rule.examples[language].flag
        and rule.examples[language].pass_
    }
    assert len(categories) >= 10, sorted(categories)


def _score(entries: list[dict[str, Any]], pack: RulePack) -> tuple[set, set, set, dict]:
    """Line-level (file, line, category) true positives, false positives and false negatives."""
    tp: set = set()
    fp: set = set()
    fn: set = set()
    wrong: dict = {}
    for entry in entries:
        name = entry["file"]
        document = sources.read(str(CORPUS / entry["lang"] / name))
        found = {(f.line, f.category) for f in lint_document(document, pack)}
        reported = {(0 if c in DOCUMENT_LEVEL else line, c) for line, c in found}
        gold = {(x["line"], x["category"]) for x in entry.get("findings") or []}
        gold |= {(0, c) for c in entry.get("document") or []}
        optional = {x["line"] for x in entry.get("optional") or []}
        reported = {(line, c) for line, c in reported if (line, c) in gold or line not in optional}
        tp |= {(name, *x) for x in reported & gold}
        fp |= {(name, *x) for x in reported - gold}
        fn |= {(name, *x) for x in gold - reported}
        for x in entry.get("must_not_flag") or []:
            hits = sorted(c for line, c in reported - gold if line == x["line"])
            if hits:
                wrong[(name, x["line"])] = hits
    return tp, fp, fn, wrong


@pytest.mark.parametrize("language", LANGUAGES)
def test_indic_fixture_pages_score(pack: RulePack, language: str) -> None:
    entries = yaml.safe_load((CORPUS / language / "labels.yaml").read_text(encoding="utf-8"))
    tp, fp, fn, wrong = _score(entries, pack)
    assert wrong == {}, "findings on must_not_flag lines"
    precision = len(tp) / (len(tp) + len(fp))
    recall = len(tp) / (len(tp) + len(fn))
    assert precision >= 0.95 and recall >= 0.9, (sorted(fp), sorted(fn))


@pytest.mark.skipif(
    not (SHARED / "corpus").exists(), reason="the shared seed corpus is not beside the repository"
)
def test_indic_bengali_seed_lines(pack: RulePack) -> None:
    seed = next((SHARED / "corpus" / "seeds").glob("002_*.txt"))
    by_line: dict[int, set[str]] = {}
    for finding in lint_document(sources.read(str(seed)), pack):
        if finding.language == "bn":
            by_line.setdefault(finding.line, set()).add(finding.category)
    assert "detox" in by_line.get(107, set())
    assert "skin-whitening" in by_line.get(123, set())
    assert 105 not in by_line
