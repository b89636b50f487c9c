"""A reading-state file that cannot be used is moved aside, never overwritten; hostile files fail cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.reading.state import MAX_STATE_BYTES, EssayState, StateStore


def corrupt_copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("state.json.corrupt-*"))


def test_a_stray_comma_moves_the_file_aside_and_the_next_save_keeps_it(tmp_path: Path) -> None:
    file = tmp_path / "state.json"
    damaged = '{"version": 1, "essays": {"/e.txt": {"offset": 5},}}'
    file.write_text(damaged, encoding="utf-8")

    store = StateStore(file)
    (copy,) = corrupt_copies(tmp_path)
    assert copy.read_text(encoding="utf-8") == damaged
    assert store.problem is not None
    assert str(file) in store.problem and copy.name in store.problem and "\n" not in store.problem

    store.put(tmp_path / "e.txt", EssayState(offset=3))
    store.save()
    assert copy.read_text(encoding="utf-8") == damaged  # the save wrote a new file, not over the old
    again = StateStore(file)
    assert again.problem is None and again.get(tmp_path / "e.txt").offset == 3


def test_a_second_corrupt_file_in_the_same_second_gets_its_own_name(tmp_path: Path) -> None:
    file = tmp_path / "state.json"
    for content in ("{,", "[,"):
        file.write_text(content, encoding="utf-8")
        StateStore(file)
    assert sorted(p.read_text(encoding="utf-8") for p in corrupt_copies(tmp_path)) == ["[,", "{,"]


def test_deep_nesting_is_corruption_not_a_recursion_error(tmp_path: Path) -> None:
    file = tmp_path / "state.json"
    file.write_text("[" * 100_000, encoding="utf-8")
    store = StateStore(file)
    assert store.problem is not None and "corrupt" in store.problem
    assert len(corrupt_copies(tmp_path)) == 1


def test_a_huge_file_is_refused_unread_and_kept(tmp_path: Path) -> None:
    file = tmp_path / "state.json"
    with file.open("wb") as out:
        out.truncate(MAX_STATE_BYTES + 1)
    store = StateStore(file)
    assert store.problem is not None and "too large" in store.problem
    (copy,) = corrupt_copies(tmp_path)
    assert copy.stat().st_size == MAX_STATE_BYTES + 1


def test_when_the_file_cannot_be_moved_aside_nothing_is_saved_over_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "state.json"
    file.write_text("{broken", encoding="utf-8")

    def refuse(self: Path, target: Path) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "rename", refuse)
    store = StateStore(file)
    assert store.problem is not None and "will not be saved" in store.problem
    store.put(tmp_path / "e.txt", EssayState(offset=3))
    store.save()
    assert file.read_text(encoding="utf-8") == "{broken"


def test_a_file_name_with_a_newline_cannot_forge_a_second_line(tmp_path: Path) -> None:
    folder = tmp_path / "evil\nreader: all good"
    folder.mkdir()
    file = folder / "state.json"
    file.write_text("{", encoding="utf-8")
    store = StateStore(file)
    assert store.problem is not None and "\n" not in store.problem and "\\x0a" in store.problem
