"""The literal prefilter: its factors, and findings identical with and without it."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from helpers import ROOT, SHARED

from claimlint import rules, sources
from claimlint.lint import lint_document
from claimlint.prefilter import Prefilter, factors


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bpermanent\s+results?\b", {"permanent result"}),  # \s+ is one space in folded text
        (r"\bclinically\s+proven\b", {"clinically proven"}),
        (r"\bμ[οό]ν[ιί]μ[αα]", {"μονιμα"}),  # accents are folded away, classes join the literal
        (r"\bv[iìí]nh\s+vi[êề]n\b", {"vinh vien"}),
        (r"\b(?:cures?|heals?)\s+acne\b", {" acne"}),
        (r"\b(?:detox|cleanse)\w*", {"detox", "cleanse"}),
        (r"(?:very\s+)?safe", {"safe"}),
        (r"美白|淡斑", {"美白", "淡斑"}),
        (r"PERMANENT", {"permanent"}),
        (r"(?:ab)?(?=GROSSE|STRAßE)", {"grosse", "strasse"}),  # casefolded as the text is
    ],
)
def test_prefilter_factors(pattern: str, expected: set[str]) -> None:
    assert factors(pattern) == expected


@pytest.mark.parametrize(
    "pattern", [r"\w+", r"(?:a|\w)b?", r"\p{Han}+", r"[[a-z]--[aeiou]]x", r"(?!x)y*"]
)
def test_prefilter_no_factors_means_always_run(pattern: str) -> None:
    assert factors(pattern) is None


def test_prefilter_candidates_with_and_without_automaton() -> None:
    patterns = [regex.compile(p, regex.V1 | regex.I) for p in (r"\bdetox\w*", r"美白", r"\w+")]
    for prefilter in (Prefilter(patterns), Prefilter(patterns, automaton=False)):
        assert prefilter.candidates(["A DETOX drip", "美白针"]) == [
            {patterns[0], patterns[2]},
            {patterns[1], patterns[2]},
        ]


def _copy_files() -> list[Path]:
    folders = [
        ROOT / "examples",
        ROOT / "tests" / "corpus",
        ROOT / "tests" / "fixtures",
        SHARED / "corpus" / "seeds",
    ]
    return sorted(
        p
        for folder in folders
        if folder.is_dir()
        for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in sources.EXTENSIONS
    )


def test_prefilter_findings_identical_to_running_every_pattern() -> None:
    pack = rules.default_pack()
    variants = {
        "automaton": pack,
        "pure": pack._replace(prefilter=Prefilter(pack.patterns(), automaton=False)),
        "none": pack._replace(prefilter=None),
    }
    files = _copy_files()
    assert files
    for path in files:
        document = sources.read(str(path))
        results = {name: lint_document(document, variant) for name, variant in variants.items()}
        assert results["automaton"] == results["none"], path
        assert results["pure"] == results["none"], path


def test_prefilter_lets_through_every_pattern_that_matches_an_example() -> None:
    # The superset property, pattern by pattern, on every example of the pack.
    from claimlint.normalize import normalize

    pack = rules.default_pack()
    prefilter = pack.prefilter
    assert prefilter is not None
    for rule in pack.rules:
        texts = [
            normalize(t, pack.vocabulary).text
            for e in rule.examples.values()
            for t in (*e.flag, *e.pass_)
        ]
        for text, candidates in zip(texts, prefilter.candidates(texts)):
            for patterns in (*rule.patterns.values(), *rule.when.values()):
                missed = [p.pattern for p in patterns if p.search(text) and p not in candidates]
                assert missed == [], text
