"""The bookmark store and ``reader bookmarks``: round trip, atomic save, damaged files, the CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader import paths
from reader.reading.bookmarks import Bookmark, BookmarkStore, snippet_at
from reader.reading.state import essay_key
from tests.support.cli import run_cli

ESSAY = paths.bundled_corpus_dir() / "stalinism-its-origin-and-future.txt"


def test_default_file_is_beside_the_reading_state() -> None:
    assert BookmarkStore().file == paths.reading_state_file().with_name("bookmarks.json")


def test_add_save_and_read_back(tmp_path: Path) -> None:
    file = tmp_path / "bookmarks.json"
    store = BookmarkStore(file)
    first = store.add(ESSAY, "Stalinism", 120, "a snippet", "  a note \n")
    second = store.add(ESSAY, "Stalinism", 5, "another", "")
    store.save()
    again = BookmarkStore(file)
    assert again.problem is None
    assert again.all() == [first, second]
    assert first.note == "a note" and second.note == ""
    assert first.essay == essay_key(ESSAY)
    assert first.id != second.id
    assert again.for_essay(ESSAY) == [first, second]
    assert again.for_essay(tmp_path / "other.txt") == []
    assert again.remove(first.id) == first
    assert again.remove("nope") is None
    again.save()
    assert BookmarkStore(file).all() == [second]


def test_snippet_is_one_short_line() -> None:
    text = "A line\nwith\ttabs and a bell\x07 " + "word " * 100
    snippet = snippet_at(text, 2)
    assert (
        snippet.startswith("line with tabs and a bell\\x07 word")
        and len(snippet) <= 80
        and snippet.endswith("…")
    )


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"bookmarks": 3}', "\ufeff"])
def test_a_damaged_file_is_moved_aside(tmp_path: Path, content: str) -> None:
    file = tmp_path / "bookmarks.json"
    file.write_text(content, encoding="utf-8")
    store = BookmarkStore(file)
    assert store.all() == []
    assert store.problem is not None and "bookmarks.json" in store.problem and "\n" not in store.problem
    (kept,) = tmp_path.glob("bookmarks.json.corrupt-*")
    assert kept.read_text(encoding="utf-8") == content
    store.add(ESSAY, "t", 0, "s")
    store.save()
    assert len(BookmarkStore(file).all()) == 1


def test_entries_of_the_wrong_shape_are_skipped(tmp_path: Path) -> None:
    file = tmp_path / "bookmarks.json"
    good = {
        "id": "a1",
        "essay": "/x.txt",
        "title": "T",
        "offset": 3,
        "snippet": "s",
        "note": "",
        "created": "c",
    }
    bad = [dict(good, offset=-1), dict(good, offset=True), dict(good, note=None), "text", None]
    file.write_text(json.dumps({"version": 1, "bookmarks": [good, *bad]}), encoding="utf-8")
    store = BookmarkStore(file)
    assert store.problem is None
    assert store.all() == [Bookmark(**good)]  # type: ignore[arg-type]


def test_save_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "bookmarks.json"
    store = BookmarkStore(file)
    store.add(ESSAY, "t", 0, "s")
    store.save()
    before = file.read_bytes()
    store.add(ESSAY, "t", 1, "s")

    def failing_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        store.save()
    assert file.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["bookmarks.json"]


def test_cli_add_list_and_delete() -> None:
    assert run_cli("bookmarks").stdout.startswith("No bookmarks yet")
    added = run_cli("bookmarks", "add", str(ESSAY), "--at", "500", "--note", "the origin", "--json")
    assert added.returncode == 0, added.stderr
    bookmark = json.loads(added.stdout)
    assert bookmark["offset"] == 500 and bookmark["note"] == "the origin"
    assert bookmark["snippet"] == snippet_at(ESSAY.read_text(encoding="utf-8"), 500)
    listed = json.loads(run_cli("bookmarks", "--json").stdout)
    assert listed == [bookmark]
    assert json.loads(run_cli("bookmarks", "--essay", str(ESSAY), "--json").stdout) == [bookmark]
    assert json.loads(run_cli("bookmarks", "--essay", "elsewhere.txt", "--json").stdout) == []
    text = run_cli("bookmarks").stdout
    assert bookmark["id"] in text and "the origin" in text
    assert run_cli("bookmarks", "delete", bookmark["id"]).returncode == 0
    assert json.loads(run_cli("bookmarks", "--json").stdout) == []


def test_cli_bad_input() -> None:
    missing = run_cli("bookmarks", "delete", "nope")
    assert missing.returncode == 1 and "no bookmark with id" in missing.stderr
    beyond = run_cli("bookmarks", "add", str(ESSAY), "--at", "99999999")
    assert beyond.returncode == 1 and "--at 99999999" in beyond.stderr
    paths.bookmarks_file().parent.mkdir(parents=True, exist_ok=True)
    paths.bookmarks_file().write_text("{oops", encoding="utf-8")
    damaged = run_cli("bookmarks", "--json")
    assert damaged.returncode == 0 and json.loads(damaged.stdout) == []
    assert "warning" in damaged.stderr and "bookmarks.json" in damaged.stderr
