"""Baselines: record today's findings, then report only new ones (adopting claimlint on old copy)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from claimlint.atomic import replacing
from claimlint.errors import ConfigError
from claimlint.formatters import fingerprints
from claimlint.model import Finding

VERSION = 1


def write(path: Path, findings: Sequence[Finding]) -> None:
    """Write the fingerprints of `findings` to `path`, atomically."""
    import json  # here, like below: a run without a baseline does not load it

    entries = [
        {"fingerprint": fingerprint, "path": f.path, "code": f.code, "match": f.match}
        for f, fingerprint in zip(findings, fingerprints(findings))
    ]
    text = json.dumps(
        {"claimlint-baseline": VERSION, "findings": entries}, ensure_ascii=False, indent=2
    )
    with replacing(path) as stream:
        stream.write(text + "\n")


def read(path: Path) -> frozenset[str]:
    """Return the fingerprints recorded in the baseline at `path`."""
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return frozenset(entry["fingerprint"] for entry in data["findings"])
    except OSError as error:
        raise ConfigError(f"cannot read the baseline: {error.strerror}", path=str(path)) from None
    except (ValueError, KeyError, TypeError):
        raise ConfigError(
            "not a claimlint baseline (write one with --write-baseline)", path=str(path)
        ) from None


def new_findings(findings: Sequence[Finding], known: frozenset[str]) -> list[Finding]:
    """Return the findings whose fingerprints the baseline does not hold."""
    return [
        f for f, fingerprint in zip(findings, fingerprints(findings)) if fingerprint not in known
    ]
