"""The whole check of one document, composed from the pure steps."""

from __future__ import annotations

from claimlint import engine, rules, sources
from claimlint.model import Document, Finding, RulePack


def lint_document(document: Document, pack: RulePack) -> list[Finding]:
    """Return the sorted findings of `pack` in `document`."""
    return engine.find(document, pack)


def lint_text(
    text: str, *, fmt: str = "txt", path: str = "<text>", pack: RulePack | None = None
) -> list[Finding]:
    """Check `text` written in syntax `fmt` with `pack` (the default pack when None)."""
    document = sources.parse(text, path=path, syntax=fmt)
    return lint_document(document, pack if pack is not None else rules.default_pack())
