"""claimlint: find risky health and beauty claims in clinic marketing copy."""

from __future__ import annotations

__version__ = "0.1.0"
