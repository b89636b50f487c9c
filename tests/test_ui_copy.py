"""Copying from the reader and the entry panel (checked on the app's clipboard), and ``r`` saying what it
did when no model is installed."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import paths
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.entry_panel import EntryPanel
from tests.support.pilot import RecordingApp, settle

pytestmark = pytest.mark.anyio

ESSAY = """A Test Essay

An English paragraph about the Soviet Union and the party, with no Russian in it at all.

Пролетарии всех стран, соединяйтесь! Кто не работает, тот не ест. Кадры решают всё.

A second English paragraph mentions the NKVD and collectivization before the end.
"""
RUSSIAN = "Пролетарии всех стран, соединяйтесь! Кто не работает, тот не ест. Кадры решают всё."


@pytest.fixture
def essay(tmp_path: Path) -> Path:
    path = tmp_path / "test-essay.txt"
    path.write_text(ESSAY, encoding="utf-8")
    return path


@pytest.fixture
def tiny_model() -> Path:
    from tests.support.tiny_argos import build_tiny_package

    return build_tiny_package(paths.argos_packages_dir(), zipped=False)


def reader(app: RecordingApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


async def test_c_copies_the_passage_and_C_says_there_is_no_translation(essay: Path) -> None:
    app = RecordingApp(path=essay)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("c")  # the cursor is on the title: its paragraph
        assert app.clipboard == "A Test Essay"
        await pilot.press("n", "c")
        assert app.clipboard == RUSSIAN
        assert app.shown[-1].startswith("Copied the Russian passage")
        await pilot.press("C")
        assert app.clipboard == RUSSIAN, "nothing was copied over it"
        assert "no translation model" in app.shown[-1]


async def test_C_copies_the_translation(essay: Path, tiny_model: Path) -> None:
    app = RecordingApp(path=essay)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        assert not screen.model_missing
        await pilot.press("n", "C")
        passage = screen.view.passage_under_cursor()
        assert passage is not None
        translation = screen.translations[passage[0]].translation
        assert translation and app.clipboard == translation
        assert app.shown[-1].startswith("Copied the translation")


async def test_C_before_the_translation_arrives_says_so(essay: Path) -> None:
    app = RecordingApp(path=essay)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        screen.model_missing = False  # as while the model loads: installed, nothing translated yet
        await pilot.press("n", "C")
        assert app.clipboard == ""
        assert app.shown[-1] == "Not copied: no translation yet for this passage"


async def test_c_in_the_entry_panel_copies_the_entry(essay: Path) -> None:
    app = RecordingApp(path=essay)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("right_square_bracket", "enter")
        await settle(app, pilot)
        panel = app.screen.query_one(EntryPanel)
        assert panel.display and panel.entry is not None
        await pilot.press("c")
        assert app.clipboard.startswith(panel.entry.term + "\n" + panel.entry.russian)
        assert panel.entry.gloss in app.clipboard
        assert app.shown[-1] == f"Copied the glossary entry {panel.entry.term}"


async def test_r_without_a_model_explains_itself(essay: Path) -> None:
    app = RecordingApp(path=essay)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert reader(app).model_missing
        await pilot.press("r")
        assert reader(app).state.transliterate
        assert app.shown[-1].startswith("Transliterations on: without a translation model")
        await pilot.press("r")
        assert not reader(app).state.transliterate
        assert app.shown[-1].startswith("Transliterations off")


async def test_r_with_a_model_shows_and_says_so(essay: Path, tiny_model: Path) -> None:
    app = RecordingApp(path=essay)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        layout = reader(app).view.essay_layout
        assert layout is not None
        before = layout.total_rows
        await pilot.press("r")
        await settle(app, pilot)
        layout = reader(app).view.essay_layout
        assert layout is not None and layout.total_rows > before, "a transliteration row was added"
        assert app.shown[-1] == "Transliterations shown beside every Russian passage"
