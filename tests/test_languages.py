"""Spelling variants a language's copy uses are read; its negated and innocent lines stay clean."""

from __future__ import annotations

import pytest

from claimlint import rules
from claimlint.lint import lint_text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("冰點無痛脫毛，安全無副作用。", "absolute-safety"),  # traditional characters
        ("冰点无痛脱毛，安全无副作用。", "absolute-safety"),  # simplified characters
        ("Tam trang toan than, trang da sau 1 lan.", "skin-whitening"),  # no diacritics
        ("부작용없는 레이저", "absolute-safety"),  # words run together
        ("ニキビ跡が治ります。", "cure-claim"),  # polite verb form
        ("Depilacion definitiva con laser diodo.", "guarantee"),  # accents dropped
        ("Tecnologia clinicamente probada.", "unsupported-evidence"),
        ("Resultats garantis a 100 %.", "guarantee"),
        ("Résultats garantis\u00a0!", "guarantee"),  # French space before '!'
        ("Eine nebenwirkungsfreie Faltenbehandlung.", "absolute-safety"),  # compound
        ("Unsere Botoxbehandlung gegen Zornesfalten.", "prescription-medicine"),
        ("Voellig schmerzfrei, von Aerzten empfohlen.", "unsupported-evidence"),  # umlaut as ae/oe
        ("Die fuehrende Praxis in Hamburg.", "superlative"),
        ("Achselschweiss ade!", "guarantee"),
        ("Il n’y a aucun risque.", "absolute-safety"),  # typographic apostrophe
        ("Garantimos resultados visíveis.", "guarantee"),
        ("Non ha tempi di recupero.", "minimizing-risk"),  # negation inside the claim
    ],
)
def test_languages_spelling_variants_are_read(text: str, category: str) -> None:
    assert category in {f.category for f in lint_text(text, pack=rules.default_pack())}


@pytest.mark.parametrize(
    "text",
    [
        "美白とは、メラニンの生成を抑え、しみ・そばかすを防ぐことです。",  # Japanese quasi-drug wording
        "並非完全無痛，可能有輕微刺痛。",  # Chinese negation of a kanji Japanese also uses
        "Kết quả không vĩnh viễn, cần duy trì định kỳ.",
        "영구적이지 않습니다.",
        "Los resultados no son permanentes.",
        "Os resultados não são permanentes.",
        "L’épilation n’est pas définitive.",
        "I risultati non sono garantiti.",
        "Eine dauerhafte Haarfreiheit können wir aber nicht garantieren.",
        "Eine Hautaufhellung bieten wir nicht an.",
        "El láser no elimina el tatuaje por completo en una sesión.",  # Spanish "no" seen by pt too
        "Non siamo il miglior centro della città.",  # Italian "non" seen by es too
        "Calle Mayor, nº 1, 2º B, Zaragoza.",
        "Via Roma n. 1, Milano.",
    ],
)
def test_languages_negated_and_innocent_lines_stay_clean(text: str) -> None:
    found = lint_text(text, pack=rules.default_pack())
    assert [f for f in found if f.category != "missing-disclaimer"] == []
