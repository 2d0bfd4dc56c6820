"""The rule-pack loader: every validation error names its file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from packs import GUARDED

from claimlint import rules
from claimlint.errors import RulesError


def error_of(write_pack: Callable[[str], Path], text: str, *extra: str) -> RulesError:
    base = write_pack(text)
    extends = [write_pack(e, name=f"extra{i}.yaml") for i, e in enumerate(extra)]
    with pytest.raises(RulesError) as caught:
        rules.load(base, extend=extends)
    return caught.value


def with_line(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def line_of(text: str, needle: str, nth: int = 1) -> int:
    lines = [i for i, line in enumerate(text.lstrip("\n").splitlines(), 1) if needle in line]
    return lines[nth - 1]


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),  # the error's line is the `nth` line holding `needle`
    [
        (
            "    why: Results fade.",
            "    why: Results fade.\n    colour: red",
            "colour:",
            "unknown key 'colour'",
        ),
        (
            "category: guarantee",
            "category: guarantees",
            "guarantees",
            "unknown category 'guarantees'",
        ),
        ("severity: error", "severity: fatal", "fatal", "severity must be error, warning or info"),
        (
            "name: permanent-results",
            "name: Permanent Results",
            "Permanent Results",
            "is not kebab-case",
        ),
        ("['\\bpermanent\\s+results?\\b']", "['\\bpermanent(']", "permanent(", "does not compile"),
        ("      bn: ['স্থায়ী", "      bengali: ['স্থায়ী", "bengali:", "is not a language code"),
        ("code: CL152", "code: CL101", "code: CL101#2", "duplicate code CL101"),
        (
            "name: no-side-effects",
            "name: permanent-results",
            "name: permanent-results#2",
            "duplicate name 'permanent-results'",
        ),
        (
            "    negation-before:",
            "    negation-maybe:",
            "negation-maybe",
            "'negation-maybe' is not a known key",
        ),
        ("code: CL152", "code: X152", "code: X152", "must look like CL123"),
    ],
)
def test_rules_errors_name_file_and_line(
    write_pack, old: str, new: str, needle: str, message: str
) -> None:
    text = with_line(GUARDED, old, new)
    error = error_of(write_pack, text)
    assert message in error.message
    assert error.path and error.path.endswith("pack.yaml")
    needle, _, nth = needle.partition("#")
    assert error.line == line_of(text, needle, int(nth or 1))
    assert str(error).startswith(f"{error.path}:{error.line}: ")


def test_rules_missing_flag_example(write_pack) -> None:
    text = with_line(GUARDED, '      bn: {flag: ["স্থায়ী ফলাফল পান।"], pass: ["স্থায়ী ফলাফল নয়।"]}\n', "")
    error = error_of(write_pack, text)
    assert "language 'bn' has patterns but no 'flag' example" in error.message
    assert error.line == line_of(text, "code: CL101")


def test_rules_example_that_misbehaves(write_pack) -> None:
    text = with_line(
        GUARDED, 'pass: ["Side effects are rare."]', 'pass: ["There are no side effects at all."]'
    )
    error = error_of(write_pack, text)
    assert (
        "en pass example 'There are no side effects at all.' is flagged at 'no side effects'"
        in error.message
    )
    assert error.line == line_of(text, "There are no side effects at all.")


def test_rules_broken_yaml(write_pack) -> None:
    error = error_of(write_pack, "version: 1\nrules:\n  - code: CL101\n    name: [unclosed\n")
    assert "not valid YAML" in error.message and error.line is not None


def test_rules_duplicate_yaml_key(write_pack) -> None:
    error = error_of(write_pack, "version: 1\nrules: []\nrules: []\n")
    assert (error.message, error.line) == ("duplicate key 'rules'", 3)


def test_rules_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="cannot read the rule pack"):
        rules.load(tmp_path / "nope.yaml")


def test_rules_extension_adds_a_language(write_pack) -> None:
    extension = """
        version: 1
        languages:
          es: {negation-before: ['\\bno\\b']}
        rules:
          - code: CL101
            patterns: {es: ['\\bresultados\\s+permanentes\\b']}
            examples: {es: {flag: ["Resultados permanentes."], pass: ["No da resultados permanentes."]}}
    """
    base = write_pack(GUARDED)
    pack = rules.load(base, extend=[write_pack(extension, name="es.yaml")])
    rule = next(r for r in pack.rules if r.code == "CL101")
    assert rule.languages == ("bn", "en", "es")
    assert "es" in pack.guards


def test_rules_extension_cannot_redefine(write_pack) -> None:
    error = error_of(
        write_pack, GUARDED, "version: 1\nrules:\n  - code: CL101\n    severity: info\n"
    )
    assert "duplicate code CL101" in error.message and error.line == 3


def test_rules_extension_examples_are_verified(write_pack) -> None:
    extension = """
        version: 1
        rules:
          - code: CL101
            patterns: {es: ['\\bresultados\\s+permanentes\\b']}
            examples: {es: {flag: ["Resultados duraderos."]}}
    """
    error = error_of(write_pack, GUARDED, extension)
    assert "es flag example 'Resultados duraderos.' is not flagged" in error.message
    assert error.path.endswith("extra0.yaml") and error.line == 5  # the example's own line


def test_rules_check_examples_reports_every_failure(write_pack) -> None:
    text = with_line(
        GUARDED,
        'flag: ["There are no side effects."]',
        'flag: ["Mild side effects.", "Rare ones."]',
    )
    pack = rules.load(write_pack(text), verify=False)
    failures = rules.check_examples(pack)
    assert len(failures) == 2


def test_rules_default_pack_is_found_and_valid() -> None:
    assert rules.default_pack_path().is_file()
    pack = rules.default_pack()
    assert pack.rules and rules.check_examples(pack) == []
