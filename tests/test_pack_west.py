"""The Spanish, Portuguese, French, Italian and German pack: examples, spellings and fixture scores."""

from __future__ import annotations

import pytest

from claimlint import rules
from claimlint.lint import lint_text
from claimlint.model import RulePack

LANGUAGES = ("es", "pt", "fr", "it", "de")
DOCUMENT_LEVEL = {"missing-disclaimer"}


@pytest.fixture(scope="module")
def pack() -> RulePack:
    """The default pack."""
    return rules.default_pack()


@pytest.mark.parametrize(
    ("text", "category"),
    [
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
def test_west_spelling_variants(pack: RulePack, text: str, category: str) -> None:
    assert category in {f.category for f in lint_text(text, pack=pack)}


@pytest.mark.parametrize(
    "text",
    [
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
def test_west_negated_and_innocent_lines_stay_clean(pack: RulePack, text: str) -> None:
    found = [f for f in lint_text(text, pack=pack) if f.category not in DOCUMENT_LEVEL]
    assert found == []
