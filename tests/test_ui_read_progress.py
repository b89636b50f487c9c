"""The library's "Read" column as a reader sees it across opening, closing and restarting: it changes only
when the reader moves in that essay."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from reader.paths import bundled_corpus_dir
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reader import ReaderScreen
from tests.support.pilot import RecordingApp, settle

pytestmark = pytest.mark.anyio

BACKWARDNESS = bundled_corpus_dir() / "backwardness-and-the-bureaucratic-counter-revolution.txt"
MARKET = bundled_corpus_dir() / "socialism-bureaucracy-and-the-market-7.txt"
STALINISM = bundled_corpus_dir() / "stalinism-its-origin-and-future.txt"


def read_column(app: RecordingApp) -> dict[str, str]:
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    return {key: str(screen.table.get_cell(key, "read")) for key in (str(BACKWARDNESS), str(STALINISM))}


async def open_row(app: RecordingApp, pilot: Pilot[Any], row: int) -> None:
    """Move the library's cursor to ``row`` with the arrow keys and press enter, as a reader does."""
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    for _ in range(screen.table.cursor_row):
        await pilot.press("up")
    for _ in range(row):
        await pilot.press("down")
    await pilot.press("enter")
    await settle(app, pilot)
    assert isinstance(app.screen, ReaderScreen)


async def test_read_percentages_change_only_with_reading() -> None:
    app = RecordingApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        rows = [str(entry.path) for entry in app.screen.entries]
        backwardness, market, stalinism = (rows.index(str(p)) for p in (BACKWARDNESS, MARKET, STALINISM))

        await open_row(app, pilot, backwardness)
        await pilot.press("escape")
        await settle(app, pilot)
        at_top = read_column(app)[str(BACKWARDNESS)]
        assert at_top.endswith("%")

        await open_row(app, pilot, market)
        await pilot.press("escape")
        await settle(app, pilot)
        assert read_column(app)[str(BACKWARDNESS)] == at_top, "another essay changed this one's progress"

        await open_row(app, pilot, stalinism)
        for _ in range(5):
            await pilot.press("pagedown")
        await pilot.press("escape")
        await settle(app, pilot)
        read = read_column(app)[str(STALINISM)]
        assert read.endswith("%") and int(read[:-1]) > 0
        await open_row(app, pilot, backwardness)
        await pilot.press("escape")
        await settle(app, pilot)
        assert read_column(app) == {str(BACKWARDNESS): at_top, str(STALINISM): read}

    again = RecordingApp()
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        assert read_column(again) == {str(BACKWARDNESS): at_top, str(STALINISM): read}, "a restart kept them"
