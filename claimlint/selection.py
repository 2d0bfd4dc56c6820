"""Which rules are on, at what severity, for which languages: selectors as in ruff."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from claimlint.engine import TOOL_RULES
from claimlint.model import Rule, RulePack, Severity


def split(values: Iterable[str]) -> list[str]:
    """Split comma-separated selector options into selectors."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def specificity(selector: str, code: str, name: str, category: str) -> int:
    """How closely `selector` names a rule: exact beats category beats a code prefix; -1: not."""
    if selector in (code, name):
        return 1000
    if selector == category:
        return 500
    return len(selector) if code.startswith(selector) else -1


def is_selected(
    code: str, name: str, category: str, select: Sequence[str], ignore: Sequence[str]
) -> bool:
    """Tell whether a rule is on: the most specific of select and ignore wins (as in ruff)."""
    chosen = max((specificity(s, code, name, category) for s in select), default=0)
    dropped = max((specificity(s, code, name, category) for s in ignore), default=-1)
    return chosen >= 0 and chosen > dropped


def unknown(pack: RulePack, selectors: Iterable[str]) -> list[str]:
    """Return the selectors that name no rule of the pack and no tool code."""
    known = [(r.code, r.name, r.category) for r in pack.rules]
    known += [(code, name, "tool") for code, name in TOOL_RULES.items()]
    return [s for s in selectors if all(specificity(s, *rule) < 0 for rule in known)]


def with_severity(rule: Rule, overrides: Sequence[Mapping[str, Severity]]) -> Rule:
    """Return `rule` at the severity the most specific override gives it; later tables win ties."""
    best, severity = -1, rule.severity
    for table in overrides:
        for selector, level in table.items():
            score = specificity(selector, rule.code, rule.name, rule.category)
            if score >= 0 and score >= best:
                best, severity = score, level
    return rule._replace(severity=severity) if severity != rule.severity else rule


def only_languages(rule: Rule, languages: Sequence[str]) -> Rule:
    """Return `rule` with the patterns of other languages than `languages` (and '*') left out."""
    keep = set(languages) | {"*"}
    return rule._replace(
        patterns={lang: p for lang, p in rule.patterns.items() if lang in keep},
        when={lang: p for lang, p in rule.when.items() if lang in keep},
    )
