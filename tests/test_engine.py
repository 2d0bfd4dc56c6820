"""The engine: matches, context guards, positions, document rules and slow patterns."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import lint
from packs import GUARDED

from claimlint.model import RulePack, Severity


@pytest.fixture
def pack(pack_from: Callable[[str], RulePack]) -> RulePack:
    return pack_from(GUARDED)


def codes(text: str, pack: RulePack) -> list[str]:
    return [f.code for f in lint(text, pack) if f.code != "CL900"]


@pytest.mark.parametrize(
    "text",
    [
        "Enjoy permanent results after one session.",
        "No downtime and permanent results.",  # 'and' ends the clause of 'No'
        "Painless. Permanent results.",
        "Not only fast: permanent results too.",
    ],
)
def test_engine_flags_claims(pack: RulePack, text: str) -> None:
    assert codes(text, pack) == ["CL101"]


@pytest.mark.parametrize(
    "text",
    [
        "Results are not permanent results.",  # negation before, same clause
        "We cannot promise permanent results.",
        "Permanent results are not something we promise.",  # negation after
        "Are the permanent results real?",  # a question
        "Is it permanent results or not",  # a question cue without a mark
        "Are permanent results possible؟",  # Arabic question mark
        "The permanent results of makeup last.",  # unless overlaps the match
        "স্থায়ী ফলাফল নয়।",  # Bengali negates after the claim
    ],
)
def test_engine_spares_negated_questioned_and_excused(pack: RulePack, text: str) -> None:
    assert codes(text, pack) == []


def test_engine_negation_inside_the_trigger_is_the_claim(pack: RulePack) -> None:
    assert codes("There are no side effects.", pack) == ["CL152"]


def test_engine_records_language_and_exact_columns(pack: RulePack) -> None:
    text = "Line one.\n  Get permanent results; স্থায়ী ফলাফল পান।"
    found = [f for f in lint(text, pack) if f.code == "CL101"]
    assert [(f.line, f.column, f.end_line, f.end_column, f.language) for f in found] == [
        (2, 7, 2, 24, "en"),
        (2, 26, 2, 26 + len("স্থায়ী ফলাফল"), "bn"),
    ]
    assert [f.match for f in found] == ["permanent results", "স্থায়ী ফলাফল"]
    assert found[0].message == "'permanent results' promises results that last forever"
    assert found[0].suggestion == "long-lasting results"


def test_engine_maps_columns_through_normalisation(pack: RulePack) -> None:
    # Full-width letters and a soft hyphen change lengths; columns stay in the source.
    text = "ｐｅｒｍａｎｅｎｔ results and perma\u00adnent results"
    found = [f for f in lint(text, pack) if f.code == "CL101"]
    assert [(f.column, f.end_column, f.match) for f in found] == [
        (1, 18, "ｐｅｒｍａｎｅｎｔ results"),
        (23, 41, "perma\u00adnent results"),
    ]


def test_engine_reports_overlapping_matches_of_one_rule_once(
    pack_from: Callable[[str], RulePack],
) -> None:
    trigger = r"['\bpermanent\s+results?\b']"
    both = GUARDED.replace(trigger, r"['\bpermanent\s+results?\b', '\bpermanent\b']")
    assert both != GUARDED
    pack = pack_from(both)
    assert codes("permanent results", pack) == ["CL101"]


def test_engine_missing_disclaimer_when_a_page_promotes_without_one(pack: RulePack) -> None:
    found = lint("Our treatment works.\nBook today.", pack)
    assert [(f.code, f.line, f.column, f.match, f.language) for f in found] == [
        ("CL900", 1, 1, "", None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Our treatment works. Results vary.",
        "Nothing here is about a procedure.",  # no treatment words and no claims
    ],
)
def test_engine_no_missing_disclaimer(pack: RulePack, text: str) -> None:
    assert [f.code for f in lint(text, pack)] == []


def test_engine_a_claim_alone_makes_a_page_need_a_disclaimer(pack: RulePack) -> None:
    assert [f.code for f in lint("Permanent results!", pack)] == ["CL900", "CL101"]


def test_engine_slow_pattern_becomes_a_tool_finding(pack_from: Callable[[str], RulePack]) -> None:
    trigger = r"['\bno\s+side[\s-]effects?\b']"
    slow = GUARDED.replace(
        trigger, r"['(?:a|aa)+\bno\s+side\s+effects$', '\bno\s+side\s+effects\b']"
    )
    assert slow != GUARDED
    pack = pack_from(slow)
    from claimlint import engine

    old, engine.PATTERN_TIMEOUT = engine.PATTERN_TIMEOUT, 0.05
    try:
        found = lint("a" * 40 + "! no side effects", pack)
    finally:
        engine.PATTERN_TIMEOUT = old
    assert [(f.code, f.severity) for f in found] == [
        ("CL004", Severity.WARNING),
        ("CL900", Severity.WARNING),
        ("CL152", Severity.WARNING),
    ]
    assert "CL152" in found[0].message
