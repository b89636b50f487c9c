"""The command palette's reader commands, driven through ctrl+p as a reader would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.command import Command, CommandList, CommandPalette
from textual.widgets import Static

from reader.glossary import Glossary, load_glossary
from reader.paths import bundled_corpus_dir
from reader.ui.commands import ReaderCommands
from tests.support.pilot import wait_for_hits
from tests.test_ui_glossary import make_glossary

pytestmark = pytest.mark.anyio


class PaletteHost(App[None]):
    """The app API the palette calls, recording each call."""

    COMMANDS = App.COMMANDS | {ReaderCommands}

    def __init__(self, glossary: Glossary) -> None:
        super().__init__()
        self.theme = "textual-dark"
        self.glossary = glossary
        self.library_dirs: tuple[Path, ...] = ()
        self.reader_screen = None  # no essay open: the palette offers no export or bookmark
        self.calls: list[tuple[str, Any]] = []

    def compose(self) -> ComposeResult:
        yield Static("host")

    def open_essay(self, path: Path) -> None:
        self.calls.append(("open_essay", path))

    def show_entry(self, entry_id: str) -> None:
        self.calls.append(("show_entry", entry_id))

    def action_toggle_translations(self) -> None:
        self.calls.append(("toggle_translations", None))

    def action_glossary(self) -> None:
        self.calls.append(("glossary", None))

    def action_help(self) -> None:
        self.calls.append(("help", None))

    def action_search_library(self) -> None:
        self.calls.append(("search_library", None))

    def action_vocabulary(self) -> None:
        self.calls.append(("vocabulary", None))

    def action_bookmarks(self) -> None:
        self.calls.append(("bookmarks", None))

    def action_bookmark_here(self) -> None:
        self.calls.append(("bookmark_here", None))


@pytest.fixture
def glossary(tmp_path: Path) -> Glossary:
    return make_glossary(tmp_path / "glossary")


async def run_command(app: PaletteHost, query: str) -> None:
    """Open the palette, type ``query``, wait for the hits and run the first one."""
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*query)
        await app.screen.workers.wait_for_complete()
        await wait_for_hits(app, pilot)  # the palette gathers hits in a task, then shows them
        await pilot.press("down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)


@pytest.mark.parametrize(
    "query", ["nomenklatura", "номенклатура", "Look up nomen"], ids=["term", "russian", "prefixed"]
)
async def test_look_up_a_term(glossary: Glossary, query: str) -> None:
    app = PaletteHost(glossary)
    await run_command(app, query)
    assert app.calls == [("show_entry", "nomenklatura")]


async def test_look_up_by_transliteration(glossary: Glossary) -> None:
    app = PaletteHost(glossary)
    await run_command(app, "kolchos")
    assert app.calls == [("show_entry", "kolkhoz")]


async def test_open_an_essay(glossary: Glossary) -> None:
    app = PaletteHost(glossary)
    await run_command(app, "Open essay: Backwardness")
    assert app.calls == [
        ("open_essay", bundled_corpus_dir() / "backwardness-and-the-bureaucratic-counter-revolution.txt")
    ]


async def test_open_the_vocabulary(glossary: Glossary) -> None:
    app = PaletteHost(glossary)
    await run_command(app, "Vocabulary")
    assert app.calls == [("vocabulary", None)]


async def test_toggle_translations(glossary: Glossary) -> None:
    app = PaletteHost(glossary)
    await run_command(app, "Toggle translations")
    assert app.calls == [("toggle_translations", None)]


async def test_search_the_library(glossary: Glossary) -> None:
    app = PaletteHost(glossary)
    await run_command(app, "Search the library")
    assert app.calls == [("search_library", None)]


async def test_switch_theme(glossary: Glossary) -> None:
    app = PaletteHost(glossary)
    await run_command(app, "Switch to light theme")
    assert app.theme == "textual-light"
    assert app.calls == []


async def test_discover_lists_actions_and_essays(glossary: Glossary) -> None:
    app = PaletteHost(glossary)
    async with app.run_test(size=(120, 36)) as pilot:
        provider = ReaderCommands(app.screen)
        await provider.startup()
        names = [str(hit.text) async for hit in provider.discover()]
        assert "Toggle translations" in names
        assert "Switch to light theme" in names
        assert "Open essay: Socialism and the Soviet Union" in names
        await pilot.pause()


async def run_palette_command(app: Any, pilot: Any, query: str) -> None:
    """Open the palette, type ``query``, run the first command it offers, and wait for the result."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    await app.screen.workers.wait_for_complete()
    await wait_for_hits(app, pilot)
    await pilot.press("down", "enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_palette_in_the_real_app_looks_up_a_term_and_opens_an_essay() -> None:
    from reader.ui.app import ReaderApp
    from reader.ui.screens.glossary import GlossaryScreen

    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        for query, expected in (("номенклатура", GlossaryScreen), ("Open essay: Stalinism", None)):
            await run_palette_command(app, pilot, query)
            if expected is GlossaryScreen:
                assert isinstance(app.screen, GlossaryScreen)
                assert app.screen.open_entry is not None and app.screen.open_entry.id == "nomenklatura"
                await pilot.press("escape", "escape")
                await pilot.pause()
        assert type(app.screen).__name__ == "ReaderScreen"
        assert app.reader_screen is not None and app.reader_screen.document is not None
        assert app.screen.path.name == "stalinism-its-origin-and-future.txt"


@pytest.mark.parametrize(
    ("query", "screen_name"), [("Open the glossary", "GlossaryScreen"), ("Show the keys", "HelpScreen")]
)
async def test_palette_opens_glossary_and_help_in_the_real_app(query: str, screen_name: str) -> None:
    from reader.ui.app import ReaderApp

    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await run_palette_command(app, pilot, query)
        assert type(app.screen).__name__ == screen_name


async def wait_for_first_hit(app: App[Any], pilot: Any, text: str) -> None:
    """Wait until the palette lists a command whose name contains ``text`` first."""
    commands = app.screen.query_one(CommandList)
    for _ in range(500):
        await pilot.pause()
        first = commands.get_option_at_index(0) if commands.option_count else None
        if isinstance(first, Command) and text in str(first.hit.text):
            return
    raise AssertionError(f"the palette never offered {text!r} first")


@pytest.mark.parametrize(
    ("query", "entry_id", "name"),
    [
        ("колхозов", "kolkhoz", "Look up: kolkhoz"),
        ("номенклатуру", "nomenklatura", "Look up: nomenklatura"),
        ("Центрального комитета", "central-committee", "Look up: Central Committee"),
    ],
)
async def test_inflected_russian_finds_its_entry(query: str, entry_id: str, name: str) -> None:
    app = PaletteHost(load_glossary())  # the curated glossary: its lookup knows these inflections
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*query)
        await wait_for_first_hit(app, pilot, name)
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause()
            if app.calls:
                break
        assert not isinstance(app.screen, CommandPalette)
        assert app.calls == [("show_entry", entry_id)]
