"""Chinese, Japanese, Korean and Vietnamese: spelling variants are read, negated and defined lines stay clean."""

from __future__ import annotations

import pytest
from helpers import ROOT

from claimlint import rules
from claimlint.lint import lint_text
from claimlint.model import RulePack

CORPUS = ROOT / "tests" / "corpus"
LANGUAGES = ("zh", "ja", "ko", "vi")
DOCUMENT_LEVEL = {"missing-disclaimer"}


@pytest.fixture(scope="module")
def pack() -> RulePack:
    """The default pack."""
    return rules.default_pack()


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
