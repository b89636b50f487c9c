"""Pilot tests of the glossary screen and the entry panel, in a small host app with the app's API.

The host app stands in for ReaderApp where a test needs to see what the screen asked of the app
(``jump_to_term``); the glossary itself is the real one, loaded from a small YAML folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input, OptionList, Static

from reader.glossary import Glossary, load_glossary
from reader.ui.screens.glossary import GlossaryScreen
from reader.ui.widgets.entry_panel import EntryPanel

pytestmark = pytest.mark.anyio  # pilot tests are coroutines, run by anyio's pytest plugin on asyncio

TEST_GLOSSARY = """\
- id: kolkhoz
  term: kolkhoz
  russian: колхоз
  forms: [колхозный]
  transliterations: [kolkhoz, kolkhozy, kolchos]
  gloss: collective farm
  definition: A collective farm. Its members worked land held by the state.
  category: agriculture
  period: 1927–1991
  see_also: [sovkhoz, markup-trap]
  sources:
    - author: Sheila Fitzpatrick
      title: "Stalin's Peasants"
      year: 1994
- id: sovkhoz
  term: sovkhoz
  russian: совхоз
  forms: []
  transliterations: [sovkhoz, sovkhozy]
  gloss: state farm
  definition: A state farm. Its workers were paid wages like factory workers.
  category: agriculture
  period: 1918–1991
  see_also: [kolkhoz]
  sources:
    - author: Alec Nove
      title: An Economic History of the USSR
      year: 1969
- id: nomenklatura
  term: nomenklatura
  russian: номенклатура
  forms: []
  transliterations: [nomenklatura]
  gloss: the appointed elite
  definition: The list of posts filled by party appointment. By extension, the people who held them.
  category: party
  period: 1920s–1991
  see_also: []
  sources:
    - author: Michael Voslensky
      title: "Nomenklatura: The Soviet Ruling Class"
      year: 1984
- id: markup-trap
  term: "[bold]Trap[/bold]"
  russian: ловушка
  forms: []
  transliterations: ["[red]lovushka[/]"]
  gloss: "[i]not italic[/i]"
  definition: "A test entry that looks like markup: [b]literal[/b] and [link=x]y[/link]. It shows as written."
  category: society
  period: "[dim]never[/]"
  see_also: [kolkhoz]
  sources:
    - author: "[u]Nobody[/u]"
      title: "[blink]Nothing[/blink]"
      year: 2000
"""


def make_glossary(folder: Path) -> Glossary:
    """The real loader on a four-entry folder (no user overlay): tests need no curated content."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "test.yaml").write_text(TEST_GLOSSARY, encoding="utf-8")
    glossary = load_glossary(include_user=False, curated_dir=folder)
    assert not glossary.problems, glossary.problems
    return glossary


@pytest.fixture
def glossary(tmp_path: Path) -> Glossary:
    return make_glossary(tmp_path / "glossary")


class HostReader:
    """Stands in for the reader screen: every term occurs ``count`` times in its essay."""

    def __init__(self, count: int) -> None:
        self.count = count

    def term_count(self, entry_id: str) -> int:
        return self.count


class HostApp(App[None]):
    """The slice of ReaderApp's API the glossary screen and the panel use, recording what they ask."""

    def __init__(
        self,
        glossary: Glossary,
        screen: GlossaryScreen | None = None,
        document: Any = None,
        occurrences: int = 1,
    ) -> None:
        super().__init__()
        self.glossary = glossary
        self.reader_screen = HostReader(occurrences) if document is not None else None
        self.jumps: list[str] = []
        self.start_screen = screen
        self.shown: list[str] = []

    def notify(self, message: str, **kwargs: Any) -> None:
        self.shown.append(str(message))
        super().notify(message, **kwargs)

    def compose(self) -> ComposeResult:
        yield Static("host")
        yield EntryPanel(id="panel")

    def on_mount(self) -> None:
        self.query_one(EntryPanel).display = False
        if self.start_screen is not None:
            self.push_screen(self.start_screen)

    def jump_to_term(self, entry_id: str) -> None:
        self.jumps.append(entry_id)


def panel_text(panel: EntryPanel) -> str:
    """Everything the panel shows, as plain text."""
    parts = [
        str(panel.query_one("#entry-headword", Static).render()),
        str(panel.query_one("#entry-body", Static).render()),
    ]
    links = panel.query_one("#entry-see-also", OptionList)
    parts += [str(links.get_option_at_index(i).prompt) for i in range(links.option_count)]
    return "\n".join(parts)


# --- the entry panel ---------------------------------------------------------------------------------------


async def test_panel_shows_every_field(glossary: Glossary) -> None:
    app = HostApp(glossary)
    async with app.run_test(size=(120, 36)) as pilot:
        panel = app.query_one(EntryPanel)
        assert not panel.display
        panel.show_entry(glossary.get("kolkhoz"))
        await pilot.pause()
        assert panel.display
        text = panel_text(panel)
        for expected in (
            "kolkhoz",
            "колхоз",
            "kolkhozy, kolchos",
            "collective farm",
            "A collective farm.",
            "agriculture",
            "1927–1991",
            "Sheila Fitzpatrick",
            "Stalin's Peasants",
            "(1994)",
            "sovkhoz",
            "state farm",
            "[bold]Trap[/bold]",
        ):
            assert expected in text, expected


async def test_panel_shows_markup_literally(glossary: Glossary) -> None:
    app = HostApp(glossary)
    async with app.run_test(size=(120, 36)) as pilot:
        panel = app.query_one(EntryPanel)
        panel.show_entry(glossary.get("markup-trap"))
        await pilot.pause()
        text = panel_text(panel)
        for literal in (
            "[bold]Trap[/bold]",
            "[red]lovushka[/]",
            "[i]not italic[/i]",
            "[b]literal[/b]",
            "[link=x]y[/link]",
            "[dim]never[/]",
            "[u]Nobody[/u]",
            "[blink]Nothing[/blink]",
        ):
            assert literal in text, literal


async def test_follow_see_also_and_back(glossary: Glossary) -> None:
    app = HostApp(glossary)
    async with app.run_test(size=(120, 36)) as pilot:
        panel = app.query_one(EntryPanel)
        panel.show_entry(glossary.get("kolkhoz"))
        await pilot.pause()
        links = panel.query_one("#entry-see-also", OptionList)
        assert app.focused is links
        assert [links.get_option_at_index(i).id for i in range(links.option_count)] == [
            "sovkhoz",
            "markup-trap",
        ]
        await pilot.press("enter")
        assert panel.entry is not None and panel.entry.id == "sovkhoz"
        await pilot.press("backspace")
        assert panel.entry.id == "kolkhoz"
        await pilot.press("down", "enter")
        assert panel.entry.id == "markup-trap"
        await pilot.press("enter")  # markup-trap links back to kolkhoz
        assert panel.entry.id == "kolkhoz"
        assert [entry.id for entry in panel.history] == ["kolkhoz", "markup-trap"]


async def test_follow_by_click(glossary: Glossary) -> None:
    app = HostApp(glossary)
    async with app.run_test(size=(120, 36)) as pilot:
        panel = app.query_one(EntryPanel)
        panel.show_entry(glossary.get("sovkhoz"))
        await pilot.pause()
        links = panel.query_one("#entry-see-also", OptionList)
        await pilot.click(links, offset=(2, 0))
        await pilot.pause()
        assert panel.entry.id == "kolkhoz"


async def test_escape_hides_panel_and_posts_closed(glossary: Glossary) -> None:
    closed: list[EntryPanel.Closed] = []

    class Recording(HostApp):
        def on_entry_panel_closed(self, message: EntryPanel.Closed) -> None:
            closed.append(message)

    app = Recording(glossary)
    async with app.run_test(size=(120, 36)) as pilot:
        panel = app.query_one(EntryPanel)
        panel.show_entry(glossary.get("nomenklatura"))  # no links: the body takes the keyboard
        await pilot.pause()
        assert app.focused is not None and panel in app.focused.ancestors_with_self
        await pilot.press("escape")
        await pilot.pause()
        assert not panel.display
        assert len(closed) == 1


# --- the glossary screen -----------------------------------------------------------------------------------


def listed_ids(screen: GlossaryScreen) -> list[str]:
    entries = screen.query_one("#glossary-entries", OptionList)
    return [entries.get_option_at_index(i).id for i in range(entries.option_count)]


async def wait_ready(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_browse_by_category(glossary: Glossary) -> None:
    screen = GlossaryScreen()
    app = HostApp(glossary, screen)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        assert app.screen is screen
        categories = screen.query_one("#glossary-categories", OptionList)
        assert [categories.get_option_at_index(i).id for i in range(categories.option_count)] == [
            "all",
            "party",
            "agriculture",
            "society",
        ]
        assert set(listed_ids(screen)) == {"kolkhoz", "sovkhoz", "nomenklatura", "markup-trap"}
        # The highlighted entry is shown beside the list.
        assert screen.open_entry is not None and screen.open_entry.id == listed_ids(screen)[0]
        assert app.focused is screen.search_box
        await pilot.press("down")  # from the search box into the entries, where letters are keys
        assert app.focused is screen.entry_list
        await pilot.press("c", "down", "down")  # to the categories: all -> party -> agriculture
        await pilot.pause()
        assert listed_ids(screen) == ["kolkhoz", "sovkhoz"]
        await pilot.press("enter")  # into the entry list
        assert app.focused is screen.entry_list
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.open_entry.id == "sovkhoz"
        assert app.focused is screen.query_one("#entry-see-also")  # the keyboard is in the entry


async def test_search_as_you_type(glossary: Glossary) -> None:
    screen = GlossaryScreen()
    app = HostApp(glossary, screen)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        assert app.focused is screen.search_box  # "type to search": no key first
        await pilot.press(*"колхозов")  # an inflected Russian form
        await wait_ready(pilot)
        assert listed_ids(screen)[0] == "kolkhoz"
        assert screen.open_entry.id == "kolkhoz"
        screen.query_one(Input).value = ""
        await wait_ready(pilot)
        assert len(listed_ids(screen)) == 4  # back to the category
        await pilot.press(*"nomenklatra")  # a typo
        await wait_ready(pilot)
        assert listed_ids(screen)[0] == "nomenklatura"


async def test_a_newer_search_drops_the_stale_one(glossary: Glossary) -> None:
    from textual.worker import WorkerState

    screen = GlossaryScreen()
    app = HostApp(glossary, screen)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        stale = screen.search("kolkhoz")
        fresh = screen.search("nomenklatura")
        await fresh.wait()
        await pilot.pause()
        assert stale.is_cancelled  # cancelled by the newer one: its results are never shown
        assert fresh.state == WorkerState.SUCCESS
        assert listed_ids(screen)[0] == "nomenklatura"


async def test_initial_entry_is_open(glossary: Glossary) -> None:
    screen = GlossaryScreen(initial_entry="sovkhoz")
    app = HostApp(glossary, screen)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        assert screen.open_entry.id == "sovkhoz"
        assert screen.category == "agriculture"
        assert listed_ids(screen)[screen.entry_list.highlighted] == "sovkhoz"


async def test_jump_to_occurrences_needs_an_open_essay(glossary: Glossary) -> None:
    screen = GlossaryScreen(initial_entry="kolkhoz")
    app = HostApp(glossary, screen, document=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert app.screen is screen  # nothing to jump in
        assert app.jumps == []
        assert any("No essay is open" in message for message in app.shown)


async def test_jump_to_occurrences_pops_back(glossary: Glossary) -> None:
    screen = GlossaryScreen(initial_entry="kolkhoz")
    app = HostApp(glossary, screen, document=object())
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert app.jumps == ["kolkhoz"]
        assert app.screen is not screen


async def test_jump_to_a_term_absent_from_the_essay_stays_on_the_glossary(glossary: Glossary) -> None:
    screen = GlossaryScreen(initial_entry="kolkhoz")
    app = HostApp(glossary, screen, document=object(), occurrences=0)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert app.screen is screen  # the search and the entry are kept
        assert app.jumps == []
        assert any("does not occur" in message for message in app.shown)


async def test_escape_closes_panel_then_screen(glossary: Glossary) -> None:
    screen = GlossaryScreen(initial_entry="kolkhoz")
    app = HostApp(glossary, screen)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        await pilot.press("enter")  # open the highlighted entry: keyboard into the panel
        await pilot.press("escape")  # closes the panel, back to the list
        await pilot.pause()
        assert app.screen is screen
        assert app.focused is screen.entry_list
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen


# --- in the real app ---------------------------------------------------------------------------------------

ESSAY = Path(__file__).resolve().parent.parent / "corpus" / "socialism-bureaucracy-and-the-market-7.txt"


async def settle(pilot: Any) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def test_f2_then_o_jumps_to_the_term_in_the_open_essay() -> None:
    from reader.glossary import load_glossary as load
    from reader.ui.app import ReaderApp

    text = ESSAY.read_text(encoding="utf-8")
    first = next(hit for hit in load().annotate(text) if hit.id == "nomenklatura")
    app = ReaderApp(path=ESSAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        reader_screen = app.screen
        assert type(reader_screen).__name__ == "ReaderScreen"
        await pilot.press("f2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        await pilot.press(*"nomenklatura")  # the search box has the keyboard
        await settle(pilot)
        assert screen.open_entry is not None and screen.open_entry.id == "nomenklatura"
        await pilot.press("enter", "o")  # to the list, then jump
        await settle(pilot)
        assert app.screen is reader_screen
        target = reader_screen.view.target
        assert target is not None and (target.kind, target.key) == ("term", "nomenklatura")
        assert text[target.start : target.end] == first.text


async def test_show_entry_from_the_library_opens_the_glossary_screen() -> None:
    from reader.ui.app import ReaderApp

    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.show_entry("kulak")
        await settle(pilot)
        assert isinstance(app.screen, GlossaryScreen)
        assert app.screen.open_entry is not None and app.screen.open_entry.id == "kulak"
        await pilot.press("o")  # no essay open: a notification, and the screen stays
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        await pilot.press("escape", "escape")  # the panel, then the screen
        await pilot.pause()
        assert type(app.screen).__name__ == "LibraryScreen"
