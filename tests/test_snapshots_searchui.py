"""Snapshot of the library search screen at 80x24 (pytest-textual-snapshot); update with
``pytest tests/test_snapshots_searchui.py --snapshot-update``.

Deterministic as the other snapshots are: fresh data and cache folders (conftest), the bundled corpus and
glossary, the dark theme, no cursor blink, every worker finished before the shot. The query is a Russian
word in one form that the essay uses in others (пенсия: пенсии, пенсию).
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from reader.ui.app import ReaderApp
from tests.support.pilot import settle_for_snapshot as settle


def test_library_search(snap_compare: Any) -> None:
    app = ReaderApp()
    app.theme = "textual-dark"

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press(*"пенсия")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
