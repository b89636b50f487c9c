"""What a new reader meets first, in the real app: the glossary's "type to search", and the screen with no
translation model installed (tests run without one), at the size of a small terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, OptionList, ProgressBar

from reader.ui.app import ReaderApp
from reader.ui.screens.glossary import GlossaryScreen
from reader.ui.widgets.banner import ModelBanner
from reader.ui.widgets.progress import TranslationStatus
from tests.support.pilot import RecordingApp, settle

pytestmark = pytest.mark.anyio

ESSAY = Path(__file__).resolve().parent.parent / "corpus" / "socialism-bureaucracy-and-the-market-7.txt"


async def test_f2_then_typing_searches_the_glossary() -> None:
    app = RecordingApp(path=ESSAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2", *"kolkhoz")  # straight away, as the screen says: no key to the search box
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        assert screen.search_box.value == "kolkhoz"
        entries = screen.query_one("#glossary-entries", OptionList)
        assert entries.option_count > 0
        assert entries.get_option_at_index(0).id == "kolkhoz"
        assert screen.open_entry is not None and screen.open_entry.id == "kolkhoz"
        # The letters were text, not keys: "o" (occurrences) and "c" (categories) did not run.
        assert app.shown == []
        assert len(app.screen.query("Toast")) == 0
        assert app.focused is screen.search_box


async def test_the_entry_keys_work_once_the_list_is_chosen() -> None:
    app = RecordingApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2", *"kulak")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        await pilot.press("down")  # from the search box into the entries
        assert app.focused is screen.entry_list
        await pilot.press("o")  # no essay is open: the key runs, and says so
        await pilot.pause()
        assert any("No essay is open" in message for message in app.shown)
        await pilot.press("c")
        assert app.focused is screen.query_one("#glossary-categories", OptionList)


async def test_without_a_model_the_banner_closes_and_the_status_has_no_bar() -> None:
    app = ReaderApp(path=ESSAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        banner = app.screen.query_one(ModelBanner)
        status = app.screen.query_one(TranslationStatus)
        assert banner.display
        essay_rows = app.screen.query_one("#essay").region.height
        assert status.label == "No translation model"
        assert not status.query_one(ProgressBar).display
        await pilot.click(banner.query_one(Button))
        await pilot.pause()
        assert not banner.display
        assert app.screen.query_one("#essay").region.height > essay_rows  # the essay has the rows back
        # Closed for the session: the next essay opens without it.
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ReaderScreen"
        assert not app.screen.query_one(ModelBanner).display
