"""The Chinese, Japanese, Korean and Vietnamese pack: its examples behave and it scores on its pages."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from helpers import ROOT

from claimlint import rules, sources
from claimlint.lint import lint_document, lint_text
from claimlint.model import RulePack

PACK = ROOT / "packs" / "asia.yaml"
CORPUS = ROOT / "tests" / "corpus"
LANGUAGES = ("zh", "ja", "ko", "vi")
DOCUMENT_LEVEL = {"missing-disclaimer"}


def _extended_codes() -> set[str]:
    data = yaml.safe_load(PACK.read_text(encoding="utf-8"))
    return {entry["code"] for entry in data["rules"]}


@pytest.fixture(scope="module")
def pack() -> RulePack:
    """The default pack extended with the asia pack."""
    missing = _extended_codes() - {rule.code for rule in rules.default_pack().rules}
    if missing:
        pytest.skip(f"the default pack does not define {', '.join(sorted(missing))} yet")
    return rules.load(extend=[PACK], verify=False)


def test_asia_examples_behave(pack: RulePack) -> None:
    failures = rules.check_examples(pack, codes=_extended_codes())
    ours = [str(e) for e in failures if any(f": {lang} " in e.message for lang in LANGUAGES)]
    assert ours == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_asia_every_language_has_ten_categories(pack: RulePack, language: str) -> None:
    categories = {
        rule.category
        for rule in pack.rules
        if language in rule.examples and rule.examples[language].flag and rule.examples[language].pass_
    }
    assert len(categories) >= 10, sorted(categories)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("冰點無痛脫毛，安全無副作用。", "absolute-safety"),  # traditional characters
        ("冰点无痛脱毛，安全无副作用。", "absolute-safety"),  # simplified characters
        ("Tam trang toan than, trang da sau 1 lan.", "skin-whitening"),  # no diacritics
        ("부작용없는 레이저", "absolute-safety"),  # words run together
        ("ニキビ跡が治ります。", "cure-claim"),  # polite verb form
    ],
)
def test_asia_spelling_variants_are_read(pack: RulePack, text: str, category: str) -> None:
    assert category in {f.category for f in lint_text(text, pack=pack)}


@pytest.mark.parametrize(
    "text",
    [
        "美白とは、メラニンの生成を抑え、しみ・そばかすを防ぐことです。",  # Japanese quasi-drug wording
        "並非完全無痛，可能有輕微刺痛。",  # Chinese negation of a kanji Japanese also uses
        "Kết quả không vĩnh viễn, cần duy trì định kỳ.",
        "영구적이지 않습니다.",
    ],
)
def test_asia_negated_and_defined_lines_stay_clean(pack: RulePack, text: str) -> None:
    claims = [f for f in lint_text(text, pack=pack) if f.category not in DOCUMENT_LEVEL]
    assert claims == []


def _score(entries: list[dict[str, Any]], language: str, pack: RulePack) -> tuple[set, set, set, dict]:
    """Line-level (file, line, category) true positives, false positives and false negatives."""
    tp: set = set()
    fp: set = set()
    fn: set = set()
    wrong: dict = {}
    for entry in entries:
        name = entry["file"]
        document = sources.read(str(CORPUS / language / name))
        found = {(0 if f.category in DOCUMENT_LEVEL else f.line, f.category) for f in lint_document(document, pack)}
        gold = {(x["line"], x["category"]) for x in entry.get("findings") or []}
        gold |= {(0, c) for c in entry.get("document") or []}
        optional = {x["line"] for x in entry.get("optional") or []}
        found = {(line, c) for line, c in found if (line, c) in gold or line not in optional}
        tp |= {(name, *x) for x in found & gold}
        fp |= {(name, *x) for x in found - gold}
        fn |= {(name, *x) for x in gold - found}
        for x in entry.get("must_not_flag") or []:
            hits = sorted(c for line, c in found - gold if line == x["line"])
            if hits:
                wrong[(name, x["line"])] = hits
    return tp, fp, fn, wrong


@pytest.mark.parametrize("language", LANGUAGES)
def test_asia_fixture_pages_score(pack: RulePack, language: str) -> None:
    entries = yaml.safe_load((CORPUS / language / "labels.yaml").read_text(encoding="utf-8"))
    tp, fp, fn, wrong = _score(entries, language, pack)
    assert wrong == {}, "findings on must_not_flag lines"
    precision = len(tp) / (len(tp) + len(fp))
    recall = len(tp) / (len(tp) + len(fn))
    assert precision >= 0.95 and recall >= 0.95, (sorted(fp), sorted(fn))
