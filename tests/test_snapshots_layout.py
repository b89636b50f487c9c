"""Snapshots of the reading layout at a small and a large terminal (pytest-textual-snapshot; update with
``pytest tests/test_snapshots_layout.py --snapshot-update`` and look at the SVGs before committing).

No model is installed (the tests' Argos folder is empty), so passages show a transliteration and the
glossary's glosses; the model banner is closed with its button, as a reader would. Data folders, theme and
workers are fixed as in ``tests/test_snapshots.py``.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button

from reader.paths import bundled_corpus_dir
from reader.ui.app import ReaderApp
from reader.ui.widgets.banner import ModelBanner
from tests.support.pilot import settle_for_snapshot as settle

ESSAY = bundled_corpus_dir() / "socialism-bureaucracy-and-the-market-7.txt"
SIZES = [(80, 24), (160, 48)]


def make_app() -> ReaderApp:
    app = ReaderApp(path=ESSAY)
    app.theme = "textual-dark"
    return app


async def close_banner(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.click(pilot.app.screen.query_one(ModelBanner).query_one(Button))
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_reader_with_the_banner_closed(snap_compare: Any, size: tuple[int, int]) -> None:
    """The first Russian paragraph, brought to the upper third by ``n``, at the measure (centred at 160)."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await close_banner(pilot)
        await pilot.press("n", "n")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_entry_panel_scrolled(snap_compare: Any, size: tuple[int, int]) -> None:
    """The first glossary term's entry, opened with ``]`` and ``enter``, its text scrolled with pagedown:
    the hint line says when there is more."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await close_banner(pilot)
        await pilot.press("right_square_bracket", "enter")
        await settle(pilot)
        await pilot.press("pagedown")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)
