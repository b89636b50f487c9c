"""Snapshots of the library and the bookmarks screen at 80x24 and 160x48 (update: ``--snapshot-update``).

Deterministic like tests/test_snapshots.py: fresh data dirs per test, the bundled corpus, the dark theme,
every worker finished. The bookmarks are written to the file with fixed ids and dates.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from textual.pilot import Pilot

from reader import paths
from reader.reading.bookmarks import snippet_at
from reader.reading.state import essay_key
from reader.ui.app import ReaderApp
from tests.support.pilot import settle_for_snapshot as settle

SIZES = [(80, 24), (160, 48)]
CORPUS = paths.bundled_corpus_dir()
MARKED = (
    ("socialism-bureaucracy-and-the-market-7.txt", "Socialism, Bureaucracy and the Market – 7", 1500, ""),
    (
        "stalinism-its-origin-and-future.txt",
        "Stalinism: Its Origin and Future",
        500,
        "origin of the bureaucracy",
    ),
    (
        "backwardness-and-the-bureaucratic-counter-revolution.txt",
        "Backwardness and the Bureaucratic Counter-Revolution",
        2000,
        "compare with Lokshin on the nomenklatura, and the figures for 1928",
    ),
)


def make_app() -> ReaderApp:
    app = ReaderApp()
    app.theme = "textual-dark"
    return app


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_library(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_bookmarks(snap_compare: Any, size: tuple[int, int]) -> None:
    items = []
    for number, (name, title, offset, note) in enumerate(MARKED, start=1):
        text = (CORPUS / name).read_text(encoding="utf-8")
        items.append(
            {
                "id": f"b{number}",
                "essay": essay_key(CORPUS / name),
                "title": title,
                "offset": offset,
                "snippet": snippet_at(text, offset),
                "note": note,
                "created": f"2026-11-0{number}T10:00:00+00:00",
            }
        )
    paths.bookmarks_file().parent.mkdir(parents=True, exist_ok=True)
    paths.bookmarks_file().write_text(json.dumps({"version": 1, "bookmarks": items}), encoding="utf-8")

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)
