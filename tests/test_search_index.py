"""The library's search index: exact offsets, updates when essays change or go, corruption, read-only."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from reader import paths
from reader.essay.library import load_document
from reader.search import EssayResults, SearchIndex

FIRST = "Первое эссе.\n\nКолхозов было мало, а zorblax plans were many. The Zorblaxes' plan failed.\n"
SECOND = "Second essay. Nothing about farms; a zorblax once, and «колхоз» in quotes.\n"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "essays"
    folder.mkdir()
    (folder / "first.txt").write_text(FIRST, encoding="utf-8")
    (folder / "second.txt").write_text(SECOND, encoding="cp1251")
    return folder


def mine(results: list[EssayResults], folder: Path) -> dict[str, list[str]]:
    """Matched texts by file name, for the essays of ``folder`` (the bundled corpus is searched too)."""
    return {
        result.path.name: [match.text for match in result.matches]
        for result in results
        if result.path.parent == folder
    }


def test_search_finds_inflected_russian_in_every_essay(library: Path) -> None:
    with SearchIndex([library]) as index:
        assert mine(index.search("колхоз"), library) == {"first.txt": ["Колхозов"], "second.txt": ["колхоз"]}


def test_offsets_and_contexts_index_the_decoded_text(library: Path) -> None:
    with SearchIndex([library]) as index:
        results = [result for result in index.search("zorblax") if result.path.parent == library]
    assert len(results) == 2
    for result in results:
        decoded = load_document(result.path).text
        for match in result.matches:
            assert decoded[match.start : match.end] == match.text
            assert decoded[match.context_start : match.context_start + len(match.context)] == match.context
            assert match.context_start <= match.start < match.end <= match.context_start + len(match.context)
    assert [m.text for m in results[0].matches] == ["zorblax", "Zorblaxes"]
    assert results[0].matches[0].context == "Колхозов было мало, а zorblax plans were many."


def test_a_changed_essay_is_indexed_again(library: Path) -> None:
    with SearchIndex([library]) as index:
        assert mine(index.search("quuxfield"), library) == {}
        essay = library / "first.txt"
        essay.write_text(FIRST + "A quuxfield appears.\n", encoding="utf-8")
        report = index.refresh()
        assert report.indexed == 1
        assert mine(index.search("quuxfield"), library) == {"first.txt": ["quuxfield"]}


def test_a_change_that_keeps_the_size_is_seen_by_its_time(library: Path) -> None:
    essay = library / "first.txt"
    with SearchIndex([library]) as index:
        index.search("zorblax")
        status = essay.stat()
        essay.write_text(FIRST.replace("zorblax", "quuxbar"), encoding="utf-8")
        os.utime(essay, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))
        assert essay.stat().st_size == status.st_size
        assert mine(index.search("quuxbar"), library) == {"first.txt": ["quuxbar"]}


def test_a_deleted_essay_leaves_the_index(library: Path) -> None:
    with SearchIndex([library]) as index:
        assert set(mine(index.search("zorblax"), library)) == {"first.txt", "second.txt"}
        (library / "second.txt").unlink()
        assert index.refresh().removed == 1
        assert set(mine(index.search("zorblax"), library)) == {"first.txt"}
    rows = sqlite3.connect(paths.search_index_file()).execute("SELECT path FROM essays").fetchall()
    assert str((library / "second.txt").resolve()) not in {row[0] for row in rows}


def test_the_index_is_kept_between_runs(library: Path) -> None:
    with SearchIndex([library]) as index:
        index.search("zorblax")
    with SearchIndex([library]) as index:
        report = index.refresh()
        assert report.indexed == 0 and report.unchanged >= 2
        assert index.warnings == []


def test_a_corrupt_index_is_moved_aside_and_rebuilt_with_one_warning(library: Path) -> None:
    index_file = paths.search_index_file()
    index_file.parent.mkdir(parents=True)
    index_file.write_bytes(b"this is not a database" * 100)
    with SearchIndex([library]) as index:
        assert mine(index.search("zorblax"), library) == {
            "first.txt": ["zorblax", "Zorblaxes"],
            "second.txt": ["zorblax"],
        }
        assert len(index.warnings) == 1
        assert "unreadable" in index.warnings[0] and "rebuilt" in index.warnings[0]
    moved = [p for p in index_file.parent.iterdir() if p.name.startswith("search.sqlite3.corrupt-")]
    assert len(moved) == 1 and moved[0].read_bytes().startswith(b"this is not a database")


def test_an_unwritable_cache_folder_still_answers_in_memory(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("READER_CACHE_DIR", str(blocker / "cache"))
    with SearchIndex([library]) as index:
        assert mine(index.search("колхоз"), library) == {"first.txt": ["Колхозов"], "second.txt": ["колхоз"]}
        assert len(index.warnings) == 1 and "in memory" in index.warnings[0]


def test_an_essay_that_cannot_be_read_is_reported_not_fatal(library: Path) -> None:
    (library / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8 not text \x00\x00\x00")
    with SearchIndex([library]) as index:
        report = index.refresh()
        assert any("broken.txt" in problem for problem in report.problems)
        assert set(mine(index.search("zorblax"), library)) == {"first.txt", "second.txt"}


def test_the_index_and_find_in_text_find_the_same_spans(library: Path) -> None:
    from reader.search import find_in_text

    with SearchIndex([library]) as index:
        for query in ("колхоз", "zorblax", '"zorblax plans"', "plan", "колхоз zorblax"):
            by_path = {result.path: result for result in index.search(query)}
            for essay in sorted(library.iterdir()):
                decoded = load_document(essay).text
                expected = find_in_text(decoded, query, index.glossary)
                result = by_path.get(essay)
                actual = [(match.start, match.end) for match in result.matches] if result else []
                assert actual == expected, query
