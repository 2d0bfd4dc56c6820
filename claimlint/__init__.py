"""claimlint: find risky health and beauty claims in clinic marketing copy."""

from __future__ import annotations

__version__ = "0.1.0"

from claimlint.lint import lint_document, lint_text  # noqa: E402
from claimlint.model import Finding, Severity  # noqa: E402
from claimlint.rules import load as load_rules  # noqa: E402

__all__ = ["Finding", "Severity", "__version__", "lint_document", "lint_text", "load_rules"]
