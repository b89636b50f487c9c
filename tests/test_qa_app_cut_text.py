"""Lines of help text the app writes for the reader are shown whole at 80 columns, never cut without a sign:
the entry panel's line of keys, the glossary's count of matches and the empty vocabulary's hint."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from reader.paths import bundled_corpus_dir
from tests.support.pilot import RecordingApp, settle
from tests.support.screen_text import screen_text

pytestmark = pytest.mark.anyio

ESSAY = bundled_corpus_dir() / "socialism-bureaucracy-and-the-market-7.txt"


def flat(app: RecordingApp, selector: str) -> str:
    """The text of a widget as drawn on screen, its lines joined by spaces (a wrapped line is whole)."""
    widget = app.screen.query_one(selector, Static)
    lines = screen_text(app).splitlines()[widget.region.y : widget.region.bottom]
    return " ".join(line[widget.region.x : widget.region.right].strip() for line in lines)


async def test_entry_panel_hint_shows_every_key_at_80_columns() -> None:
    app = RecordingApp(path=ESSAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("right_square_bracket", "enter")
        await settle(app, pilot)
        await pilot.press("down", "enter")  # follow a see-also link: there is a way back now
        await settle(app, pilot)
        hint = flat(app, "#entry-hint")
        for keys in ("esc close", "enter follow", "backspace back"):
            assert keys in hint, f"{keys!r} is cut from the entry's line of keys: {hint!r}"


async def test_glossary_count_of_matches_is_whole() -> None:
    app = RecordingApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        await pilot.press(*"колхозов")
        await settle(app, pilot)
        status = flat(app, "#glossary-status")
        assert "1 match for “колхозов”" in status, status


async def test_empty_vocabulary_hint_is_whole() -> None:
    app = RecordingApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        title = flat(app, "#vocabulary-title")
        assert title.endswith("and press s"), title


async def test_typing_t_in_the_glossary_search_types_it() -> None:
    app = RecordingApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        await pilot.press(*"trud")
        await settle(app, pilot)
        assert app.screen.query_one("#glossary-search").value == "trud"
        assert not app.shown, app.shown  # no "Translations hidden" toast


async def test_glossary_search_without_a_match_shows_no_stale_entry() -> None:
    app = RecordingApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        await pilot.press(*"kolkhoz")
        await settle(app, pilot)
        panel = app.screen.query_one("#glossary-entry")
        assert panel.display and panel.entry.id == "kolkhoz"
        await pilot.press(*"qqqq")
        await settle(app, pilot)
        assert "No match" in flat(app, "#glossary-status")
        assert not panel.display, "the entry of an earlier search is still shown beside 'No match'"
        await pilot.press(*["backspace"] * 4)
        await settle(app, pilot)
        assert panel.display and panel.entry.id == "kolkhoz"
