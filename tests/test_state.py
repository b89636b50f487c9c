"""reader/state.py: per-essay reading state, written atomically, surviving a corrupt file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader import paths
from reader.reading.state import EssayState, StateStore, essay_key


def test_round_trip_through_the_file(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "state.json")
    essay = tmp_path / "essay.txt"
    state = EssayState(
        offset=120, cursor=150, progress=0.4, show_translations=False, flipped=frozenset({7, 3})
    )
    store.put(essay, state)
    store.save()
    again = StateStore(tmp_path / "state.json")
    assert again.problem is None
    assert again.get(essay) == state
    assert again.has(essay)


def test_default_file_is_the_reading_state_path() -> None:
    store = StateStore()
    assert store.file == paths.reading_state_file()
    store.put(Path("x.txt"), EssayState(offset=5))
    store.save()
    assert paths.reading_state_file().is_file()


def test_unknown_essay_gets_the_default_state(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "missing.json")
    assert store.get(tmp_path / "new.txt") == EssayState()
    assert not store.has(tmp_path / "new.txt")
    assert store.problem is None


def test_key_is_the_resolved_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = StateStore(tmp_path / "state.json")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    store.put(tmp_path / "a.txt", EssayState(offset=9))
    monkeypatch.chdir(tmp_path)
    assert store.get(Path("a.txt")).offset == 9
    assert essay_key(Path("a.txt")) == str((tmp_path / "a.txt").resolve())


@pytest.mark.parametrize("content", ["{not json", "[1, 2, 3]", '{"essays": 5}', "\xff\xfe garbage"])
def test_corrupt_file_starts_fresh_with_a_problem(tmp_path: Path, content: str) -> None:
    file = tmp_path / "state.json"
    file.write_text(content, encoding="utf-8")
    store = StateStore(file)
    assert store.problem is not None and str(file) in store.problem
    assert store.get(tmp_path / "e.txt") == EssayState()
    store.put(tmp_path / "e.txt", EssayState(offset=3))
    store.save()  # and the next save replaces the corrupt file with a good one
    assert StateStore(file).problem is None


def test_fields_of_the_wrong_type_are_ignored(tmp_path: Path) -> None:
    file = tmp_path / "state.json"
    key = essay_key(tmp_path / "e.txt")
    raw = {"offset": "ten", "cursor": True, "progress": 7, "show_translations": 1, "flipped": [1, "x", 2]}
    file.write_text(json.dumps({"version": 1, "essays": {key: raw}}), encoding="utf-8")
    state = StateStore(file).get(tmp_path / "e.txt")
    assert state == EssayState(
        offset=0, cursor=0, progress=1.0, show_translations=True, flipped=frozenset({1, 2})
    )


def test_save_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure while moving the new file into place leaves the old file whole and no temporary behind."""
    file = tmp_path / "state.json"
    store = StateStore(file)
    store.put(tmp_path / "e.txt", EssayState(offset=1))
    store.save()
    before = file.read_text(encoding="utf-8")

    def failing_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    store.put(tmp_path / "e.txt", EssayState(offset=2))
    with pytest.raises(OSError):
        store.save()
    assert file.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]


def test_toggles() -> None:
    state = EssayState()
    assert state.shows_translation(10)
    one = state.toggle_one(10)
    assert not one.shows_translation(10) and one.shows_translation(20)
    assert one.toggle_one(10) == state
    hidden = one.toggle_all()
    assert not hidden.shows_translation(10) and not hidden.shows_translation(20)
    assert hidden.flipped == frozenset()
