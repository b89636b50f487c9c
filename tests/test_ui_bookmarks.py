"""Bookmarks in the app: ``b`` marks the place with a note, F5 and the palette list them across essays,
``enter`` jumps there, ``d`` deletes, a damaged file is one warning."""

from __future__ import annotations

import pytest

from reader import paths
from reader.reading.bookmarks import BookmarkStore
from reader.reading.state import essay_key
from reader.ui.screens.bookmarks import BookmarksScreen
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.note_dialog import NoteDialog
from reader.ui.screens.reader import ReaderScreen
from tests.support.pilot import RecordingApp, settle, wait_for_hits
from tests.support.screen_text import screen_text

pytestmark = pytest.mark.anyio

MARKET = paths.bundled_corpus_dir() / "socialism-bureaucracy-and-the-market-7.txt"
STALINISM = paths.bundled_corpus_dir() / "stalinism-its-origin-and-future.txt"


def reader(app: RecordingApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


async def test_b_marks_the_passage_under_the_cursor_with_a_note() -> None:
    app = RecordingApp(path=MARKET)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "n")
        passage = reader(app).view.passage_under_cursor()
        assert passage is not None
        await pilot.press("b")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"nomenklatura here", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        (bookmark,) = BookmarkStore().all()  # saved on disk at once
        assert bookmark.essay == essay_key(MARKET)
        assert bookmark.offset == passage[0]
        assert bookmark.note == "nomenklatura here"
        document = reader(app).document
        assert document is not None and bookmark.title == document.title
        assert app.shown[-1].startswith("Bookmarked: ")


async def test_an_empty_note_is_allowed_and_esc_cancels() -> None:
    app = RecordingApp(path=MARKET)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("b", "enter")
        await pilot.pause()
        await pilot.press("pagedown", "b", *"never", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        (bookmark,) = BookmarkStore().all()
        assert bookmark.note == "" and bookmark.offset == 0
        assert app.shown[-1] == "Not bookmarked"


async def test_the_bookmarks_screen_lists_jumps_and_deletes() -> None:
    store = BookmarkStore()
    far = len(STALINISM.read_text(encoding="utf-8")) * 2 // 3
    store.add(STALINISM, "Stalinism: Its Origin and Future", far, "far down", "read again")
    store.add(MARKET, "Socialism, Bureaucracy and the Market – 7", 0, "the start", "")
    store.save()
    app = RecordingApp()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        text = screen_text(app)
        assert "read again" in text and "far down" in text and "Stalinism: Its Origin" in text
        await pilot.press("down", "enter")  # newest first: the second row is the Stalinism bookmark
        await settle(app, pilot)
        screen = reader(app)
        assert screen.path == STALINISM
        top, bottom = screen.view.top_offset, screen.view.bottom_offset
        assert top <= far < bottom, "the bookmarked place is on screen"
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert [bookmark.note for bookmark in BookmarkStore().all()] == ["read again"]
        await pilot.press("enter")  # now the first row: the open essay just moves there
        await settle(app, pilot)
        assert reader(app) is screen
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)


async def test_the_palette_opens_bookmarks_and_bookmarks_this_place() -> None:
    app = RecordingApp(path=MARKET)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p", *"bookmark this")
        await wait_for_hits(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"from the palette", "enter")
        await pilot.pause()
        await pilot.press("ctrl+p", *"bookmarks")
        await wait_for_hits(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert "from the palette" in screen_text(app)


async def test_no_bookmarks_says_how_to_make_one() -> None:
    app = RecordingApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("f5")
        await pilot.pause()
        assert "press b in an essay" in screen_text(app)


async def test_a_damaged_bookmarks_file_is_one_warning() -> None:
    paths.bookmarks_file().parent.mkdir(parents=True, exist_ok=True)
    paths.bookmarks_file().write_text("{oops", encoding="utf-8")
    app = RecordingApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("escape", "f5")
        await pilot.pause()
        assert len([text for text in app.shown if "bookmarks.json" in text]) == 1
        assert isinstance(app.screen, BookmarksScreen)
    assert list(paths.bookmarks_file().parent.glob("bookmarks.json.corrupt-*"))
