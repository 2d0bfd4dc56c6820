"""The compiled-pack cache: used when it matches, harmless when stale, corrupt or unwritable."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from packs import GUARDED

from claimlint import cache, rules


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLAIMLINT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "pack.yaml").write_text(GUARDED, encoding="utf-8")
    return tmp_path


def test_cache_second_load_comes_from_the_cache(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = rules.load(folder / "pack.yaml")
    assert len(list((folder / "cache").glob("pack-*.pickle"))) == 1
    monkeypatch.setattr(
        rules, "_build_pack", lambda *a, **k: pytest.fail("rebuilt despite the cache")
    )
    again = rules.load(folder / "pack.yaml")
    assert [r.code for r in again.rules] == [r.code for r in first.rules]


def test_cache_edited_pack_is_rebuilt(folder: Path) -> None:
    rules.load(folder / "pack.yaml")
    (folder / "pack.yaml").write_text(
        GUARDED.replace("severity: error", "severity: info"), encoding="utf-8"
    )
    assert str(rules.load(folder / "pack.yaml").rules[0].severity) == "info"


def test_cache_corrupt_entry_is_rebuilt(folder: Path) -> None:
    rules.load(folder / "pack.yaml")
    for entry in (folder / "cache").glob("pack-*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert rules.load(folder / "pack.yaml").rules


def test_cache_unwritable_directory_is_ignored(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "cache").write_text("a file where the folder should be", encoding="utf-8")
    assert rules.load(folder / "pack.yaml").rules


def test_cache_key_follows_content_and_verification(folder: Path) -> None:
    path = folder / "pack.yaml"
    assert cache.key([path], verify=True) != cache.key([path], verify=False)
    assert cache.key([folder / "missing.yaml"], verify=True) is None


def test_cache_key_reads_user_packs_and_stamps_the_bundled_one(folder: Path) -> None:
    path = folder / "pack.yaml"
    read, stamped = cache.key([path], verify=True), cache.key([path], verify=True, stamped=[path])
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))  # touched, same bytes
    assert cache.key([path], verify=True) == read
    assert cache.key([path], verify=True, stamped=[path]) != stamped
    path.write_text(GUARDED.replace("error", "info"), encoding="utf-8")
    assert cache.key([path], verify=True) != read
