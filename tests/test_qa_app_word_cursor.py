"""Moving the cursor off a selected Russian word (n / N, ] / [, up / down, a page) lets go of it: the word
panel closes instead of showing a word no longer highlighted, and ``c`` / ``s`` act on the new place."""

from __future__ import annotations

import pytest

from reader.paths import bundled_corpus_dir
from tests.support.pilot import RecordingApp, settle

pytestmark = pytest.mark.anyio

ESSAY = bundled_corpus_dir() / "socialism-bureaucracy-and-the-market-7.txt"


@pytest.mark.parametrize("key", ["n", "N", "down", "up", "pagedown", "right_square_bracket"])
async def test_moving_off_the_word_closes_its_panel(key: str) -> None:
    app = RecordingApp(path=ESSAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "n", "right")
        await settle(app, pilot)
        panel = app.screen.query_one("#word-panel")
        view = app.screen.query_one("EssayView")
        assert panel.display and view.word is not None
        await pilot.press(key)
        await settle(app, pilot)
        assert view.word is None
        assert not panel.display, "the panel still shows a word the cursor left"


async def test_after_moving_off_the_word_c_copies_the_passage() -> None:
    app = RecordingApp(path=ESSAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "n", "right")
        await settle(app, pilot)
        await pilot.press("n", "c")
        await settle(app, pilot)
        assert app.shown[-1].startswith("Copied the Russian passage"), app.shown[-1]


async def test_stepping_word_to_word_keeps_the_panel() -> None:
    app = RecordingApp(path=ESSAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "n", "right", "right", "left")
        await settle(app, pilot)
        panel = app.screen.query_one("#word-panel")
        assert panel.display and app.screen.query_one("EssayView").word is not None
