"""Typing on the library search's results goes on into the search box (a "type to search" screen), not to
the app's one-letter keys: refining a search from the list never toggles the translations."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList

from tests.support.pilot import RecordingApp, settle

pytestmark = pytest.mark.anyio


async def test_typing_on_the_results_refines_the_search() -> None:
    app = RecordingApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        await pilot.press(*"kulak")
        await settle(app, pilot)
        await pilot.press("down")
        await settle(app, pilot)
        results = app.screen.query_one("#library-search-results", OptionList)
        assert app.focused is results
        await pilot.press(*"s t")
        await settle(app, pilot)
        box = app.screen.query_one("#library-search", Input)
        assert box.value == "kulaks t"
        assert app.focused is box
        assert not app.shown, app.shown  # no "Translations hidden"


async def test_keys_on_the_results_still_work() -> None:
    app = RecordingApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        await pilot.press(*"kulak")
        await settle(app, pilot)
        await pilot.press("down", "down")
        await settle(app, pilot)
        results = app.screen.query_one("#library-search-results", OptionList)
        assert app.focused is results and results.highlighted == 2
        await pilot.press("question_mark")  # help, as everywhere
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HelpScreen"
