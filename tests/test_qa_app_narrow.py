"""At 50 columns the glossary still shows the entries a search finds, beside the open entry."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from tests.support.pilot import RecordingApp, settle
from tests.support.screen_text import screen_text

pytestmark = pytest.mark.anyio


async def test_glossary_at_50_columns_lists_what_the_search_finds() -> None:
    app = RecordingApp()
    async with app.run_test(size=(50, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        await pilot.press(*"kulak")
        await settle(app, pilot)
        entries = app.screen.query_one("#glossary-entries", OptionList)
        assert entries.option_count >= 1
        assert entries.region.width >= 12, entries.region
        lines = screen_text(app).splitlines()[entries.region.y : entries.region.bottom]
        assert any("kulak" in line[entries.region.x : entries.region.right] for line in lines)
        await pilot.resize_terminal(100, 24)  # room again: the categories come back
        await settle(app, pilot)
        assert app.screen.query_one("#glossary-categories", OptionList).region.width > 0
