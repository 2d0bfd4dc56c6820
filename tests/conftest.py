"""Fixtures: small rule packs written inline."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from claimlint import rules
from claimlint.model import RulePack


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep compiled packs of the test run out of the user's own cache."""
    os.environ["CLAIMLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture
def write_pack(tmp_path: Path) -> Callable[[str], Path]:
    """Write YAML text (dedented) to a pack file and return its path."""

    def write(text: str, name: str = "pack.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


@pytest.fixture
def pack_from(write_pack: Callable[[str], Path]) -> Callable[[str], RulePack]:
    """Load a pack from YAML text, replacing the default pack."""
    return lambda text: rules.load(write_pack(text))
