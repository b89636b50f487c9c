"""Make the README's screenshots (SVG, from Textual's own screenshot support) in docs/screenshots/.

Run from the repository root: ``python docs/make_screenshots.py``. It uses throw-away data directories and
the tiny test translation model of tests/support/tiny_argos.py (a real Argos package with random weights),
so the translations in reader.svg are nonsense by design: the screenshot shows the layout, not a model.
The word panel and word-by-word glosses are shot first, without any model: they are what a reader without
one sees.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.pilot import Pilot

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = REPO_ROOT / "docs" / "screenshots"
SIZE = (120, 36)
ESSAY = REPO_ROOT / "corpus" / "socialism-bureaucracy-and-the-market-7.txt"
ENTRY = "nomenklatura"


def isolate() -> Path:
    """Fresh data, cache and Argos directories, set before anything reads them."""
    home = Path(tempfile.mkdtemp(prefix="reader-screenshots-"))
    for name, sub in (
        ("READER_DATA_DIR", "data"),
        ("READER_CACHE_DIR", "cache"),
        ("ARGOS_PACKAGES_DIR", "argos-packages"),
        ("XDG_DATA_HOME", "xdg-data"),
        ("XDG_CACHE_HOME", "xdg-cache"),
        ("XDG_CONFIG_HOME", "xdg-config"),
    ):
        os.environ[name] = str(home / sub)
    os.environ["ARGOS_PACKAGE_INDEX"] = "http://127.0.0.1:9/"  # never reach out
    return home


def shoot(app: App[Any], path: Path, before: Callable[[Pilot[Any]], Awaitable[None]]) -> None:
    from tests.support.pilot import settle_for_snapshot as settle

    async def auto_pilot(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await before(pilot)
        await settle(pilot)
        path.write_text(pilot.app.export_screenshot(title="reader"), encoding="utf-8")
        pilot.app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=auto_pilot)
    print(f"wrote {path.relative_to(REPO_ROOT)}")


def main() -> int:
    home = isolate()
    try:
        make_screenshots()
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return 0


def make_word_screenshots() -> None:
    """The word panel beside a Russian paragraph, and word-by-word glosses under one (no model)."""
    from reader.ui.app import ReaderApp

    async def first_russian_paragraph(pilot: Pilot[Any]) -> None:
        await pilot.click("#banner-close")
        await pilot.click("#essay", offset=(2, 1))  # the essay takes the keyboard
        await pilot.press("n", "n")

    async def word_panel(pilot: Pilot[Any]) -> None:
        await first_russian_paragraph(pilot)
        await pilot.press("l", "l", "l")

    shoot(ReaderApp(path=ESSAY), OUT_DIR / "word-panel.svg", word_panel)

    async def glosses(pilot: Pilot[Any]) -> None:
        await first_russian_paragraph(pilot)
        await pilot.press("up", "w")  # off the passage (its highlight), then the glosses

    shoot(ReaderApp(path=ESSAY), OUT_DIR / "word-glosses.svg", glosses)


def make_screenshots() -> None:
    sys.path.insert(0, str(REPO_ROOT))
    from tests.support.tiny_argos import install_tiny_package

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    make_word_screenshots()

    install_tiny_package(Path(os.environ["ARGOS_PACKAGES_DIR"]))

    from reader.ui.app import ReaderApp
    from reader.ui.screens.glossary import GlossaryScreen

    OUT_DIR.mkdir(parents=True, exist_ok=True)

    async def first_russian_passage(pilot: Pilot[Any]) -> None:
        await pilot.press("n", "n")  # past an inline phrase, to the first Russian paragraph

    shoot(ReaderApp(path=ESSAY), OUT_DIR / "reader.svg", first_russian_passage)

    async def open_entry(pilot: Pilot[Any]) -> None:
        await pilot.app.push_screen(GlossaryScreen(initial_entry=ENTRY))

    shoot(ReaderApp(), OUT_DIR / "glossary-entry.svg", open_entry)

    async def search_library(pilot: Pilot[Any]) -> None:
        from tests.support.pilot import settle_for_snapshot as settle

        await pilot.press("f3")
        await settle(pilot)
        await pilot.press(*"bureaucracy")

    shoot(ReaderApp(), OUT_DIR / "library-search.svg", search_library)


if __name__ == "__main__":
    raise SystemExit(main())
