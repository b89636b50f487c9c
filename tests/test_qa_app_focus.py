"""Typing on a "type to search" screen's list (library search, glossary, vocabulary) goes on into its search
box, not to the app's one-letter keys: refining a search from the list never toggles the translations; the
list's own keys (``o``, ``c`` in the glossary, ``x`` in the vocabulary) keep their meaning."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList

from reader.paths import bundled_corpus_dir
from tests.support.pilot import RecordingApp, settle

pytestmark = pytest.mark.anyio

ESSAY = bundled_corpus_dir() / "socialism-bureaucracy-and-the-market-7.txt"


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


async def test_typing_on_the_glossary_entries_refines_the_search() -> None:
    app = RecordingApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        await pilot.press(*"kulak", "enter")  # enter: from the box to the entries
        await settle(app, pilot)
        entries = app.screen.query_one("#glossary-entries", OptionList)
        assert app.focused is entries
        await pilot.press(*"s")
        await settle(app, pilot)
        box = app.screen.query_one("#glossary-search", Input)
        assert box.value == "kulaks" and app.focused is box
        await pilot.press("enter", "c")  # c on the entries still moves to the categories
        await settle(app, pilot)
        assert app.focused is app.screen.query_one("#glossary-categories", OptionList)
        assert box.value == "kulaks"
        assert not app.shown, app.shown


async def test_typing_on_the_vocabulary_list_refines_the_search() -> None:
    app = RecordingApp(path=ESSAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "right")
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        await pilot.press("down")
        words = app.screen.query_one("#vocabulary-words", OptionList)
        assert app.focused is words and words.option_count == 1
        await pilot.press(*"ам")
        await settle(app, pilot)
        box = app.screen.query_one("#vocabulary-search", Input)
        assert box.value == "ам" and app.focused is box
        await pilot.press("down", "x")  # x on the list still removes the word
        await settle(app, pilot)
        assert not app.words.words()
