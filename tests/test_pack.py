"""The default rule pack, linted like data: its shape, its coverage, and its score on the fixture corpus."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import ROOT

from claimlint import rules, sources
from claimlint.lint import lint_document
from claimlint.model import CATEGORIES

LANGUAGES = ("en ar bn hi ur fa es pt fr de it el ru tr zh ja ko th vi id ms tl").split()
CORPUS = ROOT / "tests" / "corpus"
PATTERN_CATEGORIES = [c for c in CATEGORIES if c != "obfuscation"]


@pytest.fixture(scope="module")
def pack() -> Any:
    return rules.default_pack()


def test_pack_examples_all_behave(pack: Any) -> None:
    assert [str(e) for e in rules.check_examples(pack)] == []


def test_pack_every_pattern_gives_the_prefilter_literals_to_look_for(pack: Any) -> None:
    # A pattern the prefilter cannot read (\p{…} classes, no literal it must contain) runs as a
    # regex on every line of every page: one such pattern slows the whole pack down.
    assert pack.prefilter is not None
    assert [pack.prefilter.patterns[i].pattern for i in sorted(pack.prefilter.always)] == []


def test_pack_rules_are_sorted_unique_and_referenced(pack: Any) -> None:
    codes = [r.code for r in pack.rules]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    assert all(r.references for r in pack.rules)
    assert all(r.why and r.message for r in pack.rules)


def test_pack_every_language_has_flag_and_pass_examples_in_ten_categories(pack: Any) -> None:
    covered: dict[str, set[str]] = {language: set() for language in LANGUAGES}
    for rule in pack.rules:
        for language, examples in rule.examples.items():
            if language in covered and examples.flag and examples.pass_:
                covered[language].add(rule.category)
    thin = {
        language: len(categories)
        for language, categories in covered.items()
        if len(categories) < 10
    }
    assert thin == {}


def test_pack_covers_every_category(pack: Any) -> None:
    assert set(PATTERN_CATEGORIES) <= {r.category for r in pack.rules}


def _labels() -> list[tuple[Path, dict[str, Any]]]:
    entries = []
    for labels in sorted(CORPUS.glob("*/labels.yaml")):
        for entry in yaml.safe_load(labels.read_text(encoding="utf-8")) or []:
            entries.append((labels.parent / entry["file"], entry))
    return entries


def score(pack: Any) -> tuple[Counter[str], list[str], list[str], list[str]]:
    """Line-level and document-level counts over the fixture corpus, as the shared score tool counts."""
    counts: Counter[str] = Counter()
    false_positives, false_negatives, on_clean_lines = [], [], []
    for path, entry in _labels():
        found = lint_document(sources.read(str(path)), pack)
        reported = {
            (f.line, f.category) for f in found if f.category not in ("missing-disclaimer", "tool")
        }
        documents = {f.category for f in found if f.category == "missing-disclaimer"}
        gold = {(x["line"], x["category"]) for x in entry.get("findings") or []}
        optional = {x["line"] for x in entry.get("optional") or []}
        clean = {x["line"] for x in entry.get("must_not_flag") or []}
        reported = {(line, c) for line, c in reported if (line, c) in gold or line not in optional}
        name = f"{path.parent.parent.name}/{path.name}"
        counts["tp"] += len(gold & reported) + len(documents & set(entry.get("document") or []))
        for line, category in sorted(reported - gold):
            false_positives.append(f"{name}:{line} {category}")
            if line in clean:
                on_clean_lines.append(f"{name}:{line} {category}")
        for line, category in sorted(gold - reported):
            false_negatives.append(f"{name}:{line} {category}")
        false_positives += [f"{name} {d}" for d in documents - set(entry.get("document") or [])]
        false_negatives += [f"{name} {d}" for d in set(entry.get("document") or []) - documents]
    counts["fp"], counts["fn"] = len(false_positives), len(false_negatives)
    return counts, false_positives, false_negatives, on_clean_lines


def test_pack_fixture_corpus_is_big_and_multilingual() -> None:
    entries = _labels()
    assert len(entries) >= 40
    assert set(LANGUAGES) <= {path.parent.parent.name for path, _ in entries}


def test_pack_scores_on_the_fixture_corpus(pack: Any) -> None:
    counts, false_positives, false_negatives, on_clean_lines = score(pack)
    precision = counts["tp"] / (counts["tp"] + counts["fp"])
    recall = counts["tp"] / (counts["tp"] + counts["fn"])
    assert on_clean_lines == [], "findings on must_not_flag lines"
    assert precision >= 0.95, false_positives
    assert recall >= 0.95, false_negatives
