"""Snapshots of the main screens at 120x36 (pytest-textual-snapshot); update: ``pytest --snapshot-update``.

Deterministic by construction: each test has fresh, empty data/cache/Argos directories (conftest), the
bundled corpus and glossary, the dark theme, no cursor blink, and every worker finished before the shot.
The reader snapshot translates with the tiny test model (tests/support/tiny_argos.py): a real Argos package
with fixed random weights, so its English is nonsense but the same on every run of this machine.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from reader.paths import bundled_corpus_dir
from reader.ui.app import ReaderApp
from reader.ui.screens.glossary import GlossaryScreen
from tests.support.pilot import settle_for_snapshot as settle
from tests.support.tiny_argos import install_tiny_package

SIZE = (120, 36)
ESSAY = bundled_corpus_dir() / "socialism-bureaucracy-and-the-market-7.txt"


def make_app(**kwargs: Any) -> ReaderApp:
    app = ReaderApp(**kwargs)
    app.theme = "textual-dark"
    return app


@pytest.fixture
def tiny_model() -> Path:
    return install_tiny_package(Path(os.environ["ARGOS_PACKAGES_DIR"]))


def test_library(snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=settle)


def test_reader_with_translations(snap_compare: Any, tiny_model: Path) -> None:
    """A Russian paragraph of an essay, with its (tiny-model) translation beside it."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("n", "n")  # past an inline phrase, to the first Russian paragraph
        await settle(pilot)

    assert snap_compare(make_app(path=ESSAY), terminal_size=SIZE, run_before=run_before)


def test_glossary_entry(snap_compare: Any) -> None:
    """A search and the entry it finds: only the entries matching the query show, so edits elsewhere in
    the curated glossary leave this snapshot alone."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.app.push_screen(GlossaryScreen())
        await settle(pilot)
        await pilot.press("slash", *"nomenklatura")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_help(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)
