"""The whole check of one document, composed from the pure steps."""

from __future__ import annotations

from collections.abc import Collection

from claimlint import engine, rules, sources, suppress
from claimlint.model import Document, Finding, RulePack


def lint_document(
    document: Document, pack: RulePack, *, suppressions: bool = True, known: Collection[str] = ()
) -> list[Finding]:
    """Return the sorted findings of `pack` in `document`, less those its directives silence.

    `suppressions` False ignores the directives (an audit); `known` names rules that exist but
    are turned off in this run (see `suppress.apply`).
    """
    return suppress.apply(
        document, engine.find(document, pack), pack, enabled=suppressions, known=known
    )


def lint_text(
    text: str, *, fmt: str = "txt", path: str = "<text>", pack: RulePack | None = None
) -> list[Finding]:
    """Check `text` written in syntax `fmt` with `pack` (the default pack when None)."""
    document = sources.parse(text, path=path, syntax=fmt)
    return lint_document(document, pack if pack is not None else rules.default_pack())
