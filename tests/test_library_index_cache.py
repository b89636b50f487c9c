"""The parsed copy of each library folder's ``index.yaml`` kept in the cache folder: used only while the
YAML is unchanged, and a damaged or hostile copy costs a re-parse, never a wrong title or a crash."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.essay import index_cache
from reader.essay.library import _read_index, list_library


def make_folder(tmp_path: Path, title: str) -> Path:
    folder = tmp_path / "essays"
    folder.mkdir(exist_ok=True)
    (folder / "essay.txt").write_text("Текст эссе.\n", encoding="utf-8")
    (folder / "index.yaml").write_text(f"essay.txt:\n  title: {title}\n", encoding="utf-8")
    return folder


def titles(folder: Path) -> list[str]:
    _read_index.cache_clear()  # the in-process cache: these tests are about the one on disk
    return [entry.title for entry in list_library((folder,), include_user=False) if entry.origin == "library"]


def test_the_parsed_index_is_kept_and_used_while_the_yaml_is_unchanged(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, "First title")
    assert titles(folder) == ["First title"]
    found, raw = index_cache.cached_index(folder.resolve() / "index.yaml")
    assert found and raw == {"essay.txt": {"title": "First title"}}
    assert titles(folder) == ["First title"]


def test_an_edited_index_is_parsed_again(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, "First title")
    assert titles(folder) == ["First title"]
    index = folder / "index.yaml"
    index.write_text("essay.txt:\n  title: A longer second title\n", encoding="utf-8")
    stat = index.stat()
    os.utime(index, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert titles(folder) == ["A longer second title"]


@pytest.mark.parametrize(
    "damage",
    [
        b"\x00\xff not json",
        b"[1, 2, 3]\n",
        json.dumps({"version": 99, "indexes": {}}).encode(),
        json.dumps({"version": 1, "indexes": "nonsense"}).encode(),
    ],
)
def test_a_damaged_cache_is_ignored_and_replaced(tmp_path: Path, damage: bytes) -> None:
    folder = make_folder(tmp_path, "Kept title")
    index_cache.cache_file().parent.mkdir(parents=True, exist_ok=True)
    index_cache.cache_file().write_bytes(damage)
    assert titles(folder) == ["Kept title"]
    assert json.loads(index_cache.cache_file().read_text(encoding="utf-8"))["version"] == index_cache.VERSION


def test_a_cached_copy_goes_through_the_same_checks_as_the_yaml(tmp_path: Path) -> None:
    """A hand-edited cache cannot smuggle in what the YAML checks refuse: the folder's titles are guessed."""
    folder = make_folder(tmp_path, "Real title")
    assert titles(folder) == ["Real title"]
    stored = json.loads(index_cache.cache_file().read_text(encoding="utf-8"))
    key = str(folder.resolve() / "index.yaml")
    stored["indexes"][key]["raw"] = {"essay.txt": {"title": ["not", "text"]}}
    index_cache.cache_file().write_text(json.dumps(stored), encoding="utf-8")
    assert titles(folder) == ["essay"]  # guessed from the file name, as for an unusable index.yaml


def test_an_index_yaml_json_cannot_hold_is_read_without_a_cache(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, "Dated")
    (folder / "index.yaml").write_text("essay.txt:\n  title: Dated\n  when: 2001-02-03\n", encoding="utf-8")
    assert titles(folder) == ["Dated"]
    assert index_cache.cached_index(folder.resolve() / "index.yaml") == (False, None)


def test_an_unwritable_cache_folder_costs_nothing_but_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("READER_CACHE_DIR", str(blocker / "cache"))
    folder = make_folder(tmp_path, "Still listed")
    assert titles(folder) == ["Still listed"]
