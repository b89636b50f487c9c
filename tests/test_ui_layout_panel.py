"""The glossary entry panel in a small terminal: its hint line shows above the footer, says when the entry
has more text than fits, and pagedown / pageup scroll that text while the see-also links keep the keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Footer, OptionList, Static

from reader.ui.app import ReaderApp
from reader.ui.widgets.entry_panel import EntryPanel
from tests.support.pilot import settle

pytestmark = pytest.mark.anyio

ESSAY = Path(__file__).resolve().parent.parent / "corpus" / "socialism-bureaucracy-and-the-market-7.txt"


def hint(panel: EntryPanel) -> str:
    return str(panel.query_one("#entry-hint", Static).render())


async def test_a_long_entry_at_80x24_says_there_is_more_and_scrolls_by_keys() -> None:
    app = ReaderApp(path=ESSAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("right_square_bracket", "enter")  # the first glossary term, opened
        await settle(app, pilot)
        panel = app.screen.query_one(EntryPanel)
        assert panel.display and panel.entry is not None
        body = panel.query_one("#entry-scroll", VerticalScroll)
        links = panel.query_one("#entry-see-also", OptionList)
        assert app.focused is links and links.option_count > 1
        assert body.max_scroll_y > 0  # the entry does not fit: there is more below
        hint_line = panel.query_one("#entry-hint", Static)
        footer = app.screen.query_one(Footer)
        # Shown (it wraps rather than cut a key off at this width), and not under the footer.
        assert hint_line.region.height >= 1 and hint_line.region.bottom <= footer.region.y
        assert hint(panel).startswith("▼ more: pgdn")

        await pilot.press("pagedown")
        await settle(app, pilot)
        assert body.scroll_y > 0
        assert app.focused is links and links.highlighted == 0  # the links did not page
        while body.scroll_y < body.max_scroll_y:
            await pilot.press("pagedown")
            await settle(app, pilot)
        assert hint(panel).startswith("▲ pgup")
        await pilot.press("down")  # up/down still move through the links
        assert links.highlighted == 1
        await pilot.press("pageup")
        await settle(app, pilot)
        assert body.scroll_y < body.max_scroll_y
        assert hint(panel).startswith("▼ more: pgdn")
