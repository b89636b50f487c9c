"""The footer stays whole at 80 columns in the states a reader reaches after the first screen: an entry panel
open in the essay, a word selected, the vocabulary's list and the library search's results with the keys."""

from __future__ import annotations

import pytest

from reader.paths import bundled_corpus_dir
from tests.support.pilot import RecordingApp, settle
from tests.test_ui_footer import assert_footer_whole

pytestmark = pytest.mark.anyio

ESSAY = bundled_corpus_dir() / "socialism-bureaucracy-and-the-market-7.txt"


async def test_reader_footer_is_whole_with_an_entry_open() -> None:
    app = RecordingApp(path=ESSAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("right_square_bracket", "enter")
        await settle(app, pilot)
        assert app.screen.query_one("EntryPanel").display
        assert_footer_whole(app)
        await pilot.press("down", "enter")  # follow a see-also link: backspace now goes back
        await settle(app, pilot)
        assert_footer_whole(app)


async def test_reader_footer_is_whole_with_a_word_selected() -> None:
    app = RecordingApp(path=ESSAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "right")
        await settle(app, pilot)
        assert_footer_whole(app)


async def test_vocabulary_footer_is_whole_on_the_list() -> None:
    app = RecordingApp(path=ESSAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "right")
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        assert_footer_whole(app)
        await pilot.press("down")
        await settle(app, pilot)
        assert_footer_whole(app)


async def test_library_search_footer_is_whole_on_the_results() -> None:
    app = RecordingApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        await pilot.press(*"колхоз")
        await settle(app, pilot)
        assert_footer_whole(app)
        await pilot.press("down")
        await settle(app, pilot)
        assert_footer_whole(app)


async def test_glossary_footer_is_whole_on_an_open_entry() -> None:
    app = RecordingApp(path=ESSAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        await pilot.press(*"kolkhoz")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert_footer_whole(app)
        await pilot.press("enter")  # into the entry, on its first link
        await settle(app, pilot)
        assert_footer_whole(app)
        await pilot.press("enter")  # follow it
        await settle(app, pilot)
        assert_footer_whole(app)


async def test_bookmarks_footer_is_whole_once_the_last_one_is_deleted() -> None:
    app = RecordingApp(path=ESSAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "b")
        await settle(app, pilot)
        await pilot.press(*"note", "enter")
        await settle(app, pilot)
        await pilot.press("f5")
        await settle(app, pilot)
        assert_footer_whole(app)
        await pilot.press("d")
        await settle(app, pilot)
        assert not app.bookmark_store.all()
        assert_footer_whole(app)
