"""Report formats: each a small pure function from findings to text, chosen by name."""

from __future__ import annotations

import json
from typing import Any, Callable, Sequence

from claimlint.model import Finding

Formatter = Callable[[Sequence[Finding]], str]


def text(findings: Sequence[Finding]) -> str:
    """One line per finding: `path:line:col: CODE [severity] message (name)`."""
    return "".join(
        f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message} ({f.name})\n"
        for f in findings
    )


def as_dict(finding: Finding) -> dict[str, Any]:
    """Return a finding as the JSON object of the output contract."""
    record = finding._asdict()
    record["severity"] = str(finding.severity)
    return record


def json_array(findings: Sequence[Finding]) -> str:
    """A JSON array of findings, each with the keys of the output contract."""
    return json.dumps([as_dict(f) for f in findings], ensure_ascii=False, indent=2) + "\n"


FORMATTERS: dict[str, Formatter] = {
    "text": text,
    "json": json_array,
}
