"""The library screen: the essays listed with their metadata, Russian passages and reading progress."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import paths
from reader.detection import detect
from reader.essay.library import list_library, load_document
from reader.ui.app import ReaderApp
from reader.ui.screens.library import COLUMNS, LibraryScreen
from reader.ui.screens.reader import ReaderScreen
from tests.support.cli import run_cli
from tests.support.pilot import RecordingApp, settle

pytestmark = pytest.mark.anyio

REPO_ROOT = Path(__file__).resolve().parent.parent
RUSSIAN_ESSAY = "socialism-bureaucracy-and-the-market-7.txt"


def table_rows(screen: LibraryScreen) -> dict[str, list[str]]:
    table = screen.table
    return {str(row_key.value): [str(cell) for cell in table.get_row(row_key)] for row_key in table.rows}


async def test_library_lists_bundled_user_and_extra_essays(tmp_path: Path) -> None:
    user_dir = paths.user_essays_dir()
    user_dir.mkdir(parents=True)
    (user_dir / "mine.txt").write_text("My Own Notes\n\nНичего не изменилось.\n", encoding="utf-8")
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "other.md").write_text("Other Essay\n\nPlain English only.\n", encoding="utf-8")
    app = ReaderApp(library_dirs=(extra,))
    async with app.run_test(size=(200, 50)) as pilot:  # wide enough that no title or author is shortened
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert [str(column.label) for column in screen.table.columns.values()] == list(COLUMNS)
        rows = table_rows(screen)
        expected = list_library((extra,))
        assert list(rows) == [str(entry.path) for entry in expected]
        for entry in expected:
            title, author, year, length, russian, read = rows[str(entry.path)]
            assert title == entry.meta.title
            assert author == (entry.meta.author or "—")
            assert year == (str(entry.meta.year) if entry.meta.year else "—")
            text = load_document(entry.path).text  # the essay, without a trailer index.yaml leaves out
            assert length == f"{len(text.split()):,} words"
            assert russian == str(len(detect(text).translated()))
            assert read == "—"
        assert rows[str(user_dir / "mine.txt")][4] == "1"
        assert int(rows[str(paths.bundled_corpus_dir() / RUSSIAN_ESSAY)][4]) > 0


async def test_enter_opens_the_essay_and_esc_returns_with_progress() -> None:
    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        target = list(table_rows(screen)).index(str(paths.bundled_corpus_dir() / RUSSIAN_ESSAY))
        for _ in range(target):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.reader_screen is not None and app.reader_screen.document is not None
        assert app.reader_screen.document.path == paths.bundled_corpus_dir() / RUSSIAN_ESSAY
        await pilot.press("G")
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen
        read = table_rows(screen)[str(paths.bundled_corpus_dir() / RUSSIAN_ESSAY)][5]
        assert read == "100%"


async def test_a_path_opens_directly_over_the_library(tmp_path: Path) -> None:
    essay = tmp_path / "anywhere.txt"
    essay.write_text("Loose Essay\n\nSome text, and «Кадры решают всё».\n", encoding="utf-8")
    app = ReaderApp(path=essay)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.document is not None and app.screen.document.title == "Loose Essay"
        assert "Loose Essay" in str(app.screen.query_one("#essay-title").render())
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_a_missing_library_folder_is_reported_not_fatal(tmp_path: Path) -> None:
    app = ReaderApp(library_dirs=(tmp_path / "nowhere",))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert len(table_rows(app.screen)) == len(list_library())


LIBRARY_SCRIPT = """
import asyncio, sys
from reader.ui.app import ReaderApp

async def main():
    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        print(type(app.screen).__name__)
        heavy = ("ctranslate2", "argostranslate", "sentencepiece", "reader.glossary", "reader.words", "torch")
        print(sorted(name for name in heavy if name in sys.modules))

asyncio.run(main())
"""


def test_the_library_loads_no_glossary_and_no_translation_machinery() -> None:
    """The first screen (after its worker counted passages) has imported neither the glossary, the
    dictionary nor models. (Detection may load pymorphy3's word list in that worker to settle short
    passages' language.)"""
    result = subprocess.run(
        [sys.executable, "-c", LIBRARY_SCRIPT],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=dict(os.environ),
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["LibraryScreen", "[]"]


async def test_a_malformed_index_yaml_is_notified(tmp_path: Path) -> None:
    (tmp_path / "essay.txt").write_text("An Essay\n\nText.", encoding="utf-8")
    (tmp_path / "index.yaml").write_text("essay.txt: {title: [unclosed\n", encoding="utf-8")
    app = RecordingApp(library_dirs=(tmp_path,))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert str(tmp_path / "essay.txt") in table_rows(app.screen)
        messages = app.shown
        assert any("index.yaml" in message and "invalid YAML" in message for message in messages)


async def test_cli_and_library_screen_count_the_same_russian_passages(tmp_path: Path) -> None:
    """Ukrainian and Russian quotes in one essay: both adapters count only the translated (Russian) ones."""
    essay = tmp_path / "mixed.txt"
    essay.write_text(
        "Quotes\n\n"
        "The poet wrote «Ми живемо в одному будинку, і я не знаю, де він живе.»\n\n"
        "A Ukrainian line: «Україна ще не вмерла, ні слава, ні воля.»\n\n"
        "And in Russian: «Вся власть Советам!» and «Никто не забыт, ничто не забыто.»\n\n"
        "Then «Мы строим новую жизнь в нашей стране.»\n",
        encoding="utf-8",
    )
    listed = run_cli("library", "--json", "--library", str(tmp_path))
    assert listed.returncode == 0, listed.stderr
    (row,) = [row for row in json.loads(listed.stdout) if row["path"] == str(essay)]
    detected = json.loads(run_cli("detect", "--json", str(essay)).stdout)["passages"]
    langs = [passage["lang"] for passage in detected]
    assert "uk" in langs and langs.count("ru") == row["russian_passages"] == 3
    app = ReaderApp(library_dirs=(tmp_path,))
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        cells = table_rows(app.screen)[str(essay)]
        assert cells[COLUMNS.index("Russian")] == str(row["russian_passages"])
