"""Glossary, library search, vocabulary and bookmarks, opened by F2–F5 one after another, take each
other's place: one ``esc`` leads back to the essay or the library beneath, not through every hop."""

from __future__ import annotations

import pytest

from reader import paths
from reader.ui.screens.bookmarks import BookmarksScreen
from reader.ui.screens.glossary import GlossaryScreen
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reader import ReaderScreen
from reader.ui.screens.search import SearchScreen
from reader.ui.screens.vocabulary import VocabularyScreen
from tests.support.pilot import RecordingApp, settle

pytestmark = pytest.mark.anyio

MARKET = paths.bundled_corpus_dir() / "socialism-bureaucracy-and-the-market-7.txt"


async def test_hopping_between_tool_screens_from_the_library_keeps_one_on_top() -> None:
    app = RecordingApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        depth = len(app.screen_stack)
        for key, screen in (
            ("f2", GlossaryScreen),
            ("f3", SearchScreen),
            ("f4", VocabularyScreen),
            ("f5", BookmarksScreen),
            ("f2", GlossaryScreen),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen)
            assert len(app.screen_stack) == depth + 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_esc_from_the_last_tool_screen_goes_back_to_the_essay() -> None:
    app = RecordingApp(path=MARKET)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        for key in ("f5", "f4", "f2"):
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
