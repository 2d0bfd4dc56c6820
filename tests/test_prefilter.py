"""The literal prefilter: its factors, and findings identical with and without it."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from claimlint import rules, sources
from claimlint.lint import lint_document
from claimlint.prefilter import Prefilter, factors
from helpers import ROOT, SHARED


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bpermanent\s+results?\b", {"permanent"}),
        (r"\bclinically\s+proven\b", {"clinically"}),
        (r"\b(?:cures?|heals?)\s+acne\b", {"acne"}),
        (r"\b(?:detox|cleanse)\w*", {"detox", "cleanse"}),
        (r"(?:very\s+)?safe", {"safe"}),
        (r"美白|淡斑", {"美白", "淡斑"}),
        (r"PERMANENT", {"permanent"}),
        (r"(?:ab)?(?=GROSSE|STRAßE)", {"grosse", "strasse"}),  # casefolded as the text is
    ],
)
def test_prefilter_factors(pattern: str, expected: set[str]) -> None:
    assert factors(pattern) == expected


@pytest.mark.parametrize("pattern", [r"\w+", r"(?:a|\w)b?", r"\p{Han}+", r"[[a-z]--[aeiou]]x", r"(?!x)y*"])
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
    folders = [ROOT / "examples", ROOT / "tests" / "corpus", ROOT / "tests" / "fixtures", SHARED / "corpus" / "seeds"]
    return sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file()
                  and p.suffix.lower() in sources.EXTENSIONS)  # fmt: skip


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


def test_prefilter_examples_identical_to_running_every_pattern() -> None:
    pack = rules.default_pack()
    unfiltered = pack._replace(prefilter=None)
    from claimlint.lint import lint_text

    for rule in pack.rules:
        for examples in rule.examples.values():
            for text in (*examples.flag, *examples.pass_):
                assert lint_text(text, pack=pack) == lint_text(text, pack=unfiltered), text


def test_prefilter_sees_turkish_dotted_capital_i() -> None:
    pattern = regex.compile(r"garantili", regex.V1 | regex.I)
    assert pattern.search("GARANTİLİ sonuç")  # the regex matches, so the prefilter must let it run
    assert Prefilter([pattern]).candidates(["GARANTİLİ sonuç"]) == [{pattern}]
    assert Prefilter([pattern], automaton=False).candidates(["GARANTİLİ sonuç"]) == [{pattern}]
