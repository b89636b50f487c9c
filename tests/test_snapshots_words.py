"""Snapshots of any Russian word in the reader at 80x24: the word panel beside the essay, and word-by-word
glosses under a Russian paragraph. Update: ``pytest tests/test_snapshots_words.py --snapshot-update``.

Deterministic as tests/test_snapshots.py: fresh data and cache folders, the bundled Lokshin essay and
dictionary, the dark theme, no translation model (the reader a word-by-word gloss is for), the model note
closed with its button as a reader would, every worker finished.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from reader.paths import bundled_corpus_dir
from reader.ui.app import ReaderApp
from tests.support.pilot import settle_for_snapshot as settle

SIZE = (80, 24)
ESSAY = bundled_corpus_dir() / "socialism-bureaucracy-and-the-market-7.txt"


def make_app() -> ReaderApp:
    app = ReaderApp(path=ESSAY)
    app.theme = "textual-dark"
    return app


async def to_first_russian_paragraph(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.click("#banner-close")
    await pilot.click("#essay", offset=(2, 1))  # back to the essay: it takes the keyboard
    await settle(pilot)
    await pilot.press("n", "n")  # past an inline phrase, to the first Russian paragraph
    await settle(pilot)


def test_word_panel(snap_compare: Any) -> None:
    """A word of a Russian paragraph selected with the keys: its readings beside the essay."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await to_first_russian_paragraph(pilot)
        await pilot.press("l", "l", "l")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_word_by_word_glosses(snap_compare: Any) -> None:
    """``w``: a short gloss under each Russian word, wrapping with the text."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await to_first_russian_paragraph(pilot)
        await pilot.press("up", "w")  # off the passage (its highlight), then the glosses
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)
