"""The library search screen, driven as a reader would: f3 (or the palette), type, enter, read."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from reader.essay.library import load_document
from reader.page.ranges import Target
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reader import ReaderScreen
from reader.ui.screens.search import SearchScreen
from tests.support.pilot import RecordingApp, settle
from tests.support.screen_text import screen_text

pytestmark = pytest.mark.anyio

FARMS = (
    "Farms of the East\n\n"
    "Nothing to see in the first paragraph, which is long enough to push the rest down a little.\n\n"
    "Колхозов стало больше в тридцатом году. Потом пришла номенклатура.\n\n"
    "The nomenklatura ruled the farms, and the [bold]markup[/bold] stays text.\n"
)
TOOLS = "Tools\n\nA tractor for every kolkhoz was the promise.\n"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "essays"
    folder.mkdir()
    (folder / "farms.txt").write_text(FARMS, encoding="utf-8")
    (folder / "tools.txt").write_text(TOOLS, encoding="utf-8")
    return folder


def result_lines(screen: SearchScreen) -> list[str]:
    results = screen.query_one("#library-search-results", OptionList)
    return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]


def ours(lines: list[str], folder: Path) -> list[str]:
    """The result lines from the first of ``folder``'s essays on (the bundled essays come first)."""
    first = next(i for i, line in enumerate(lines) if line.startswith(("Farms of the East", "Tools")))
    return lines[first:]


async def open_search(app: RecordingApp, pilot: object) -> SearchScreen:
    await settle(app, pilot)
    await pilot.press("f3")  # type: ignore[attr-defined]
    await settle(app, pilot)
    assert isinstance(app.screen, SearchScreen)
    return app.screen


async def test_typing_a_russian_form_finds_every_inflection(library: Path) -> None:
    app = RecordingApp(library_dirs=(library,))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_search(app, pilot)
        assert app.focused is screen.query_one("#library-search", Input)  # typing goes to the box at once
        await pilot.press(*"колхоз")
        await settle(app, pilot)
        lines = ours(result_lines(screen), library)
        assert lines[0].startswith("Farms of the East  1 matching sentence")
        assert "Колхозов стало больше" in lines[1] and lines[1].lstrip().startswith("@")
        assert lines[2].startswith("Tools") and "kolkhoz" in lines[3]  # the glossary's Latin spelling
        assert "matching sentence" in screen_text(app)


async def test_a_glossary_spelling_finds_the_other_script_and_markup_stays_text(library: Path) -> None:
    app = RecordingApp(library_dirs=(library,))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_search(app, pilot)
        await pilot.press(*"номенклатура")
        await settle(app, pilot)
        lines = ours(result_lines(screen), library)
        assert lines[0].startswith("Farms of the East  2 matching sentences")
        assert "Потом пришла номенклатура" in lines[1]
        assert "The nomenklatura ruled the farms" in lines[2]
        assert "[bold]markup[/bold]" in lines[2]  # shown literally, never parsed


async def test_enter_on_a_match_opens_the_essay_there(library: Path) -> None:
    app = RecordingApp(library_dirs=(library,))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_search(app, pilot)
        await pilot.press(*"ruled", "enter")  # enter searches now and moves to the results
        await settle(app, pilot)
        results = screen.query_one("#library-search-results", OptionList)
        assert app.focused is results
        await pilot.press("enter")
        await settle(app, pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.path == library / "farms.txt"
        start = FARMS.index("ruled")
        assert reader.view.target == Target("match", start, start + len("ruled"))
        low, high = reader.view.row_range()
        assert low <= start < high  # the cursor is on the match's row
        assert reader.view.top_offset <= start <= reader.view.bottom_offset  # and it is on screen
        assert [span[:2] for span in reader.view.matches.items] == [(start, start + 5)]
        await pilot.press("escape", "escape")  # clear the search, then back to the results
        await settle(app, pilot)
        assert app.screen is screen


async def test_enter_on_a_title_opens_the_essay_at_its_first_match(library: Path) -> None:
    app = RecordingApp(library_dirs=(library,))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_search(app, pilot)
        await pilot.press(*"tractor")
        await settle(app, pilot)
        results = screen.query_one("#library-search-results", OptionList)
        title_row = next(i for i, line in enumerate(result_lines(screen)) if line.startswith("Tools"))
        results.focus()
        results.highlighted = title_row
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        start = TOOLS.index("tractor")
        assert app.screen.view.target == Target("match", start, start + len("tractor"))
        assert load_document(library / "tools.txt").text[start : start + 7] == "tractor"


async def test_no_match_and_no_words_say_so_in_one_line(library: Path) -> None:
    app = RecordingApp(library_dirs=(library,))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_search(app, pilot)
        await pilot.press(*"zzqqxyzzy")
        await settle(app, pilot)
        assert "No matches for zzqqxyzzy" in screen_text(app)
        assert result_lines(screen) == []
        await pilot.press(*(["backspace"] * 9), *"- .")
        await settle(app, pilot)
        assert "the query has no words to search for" in screen_text(app)


async def test_a_corrupt_index_is_rebuilt_with_a_warning(library: Path) -> None:
    from reader import paths

    paths.search_index_file().parent.mkdir(parents=True, exist_ok=True)
    paths.search_index_file().write_bytes(b"this is not a database" * 100)
    app = RecordingApp(library_dirs=(library,))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_search(app, pilot)
        await pilot.press(*"tractor")
        await settle(app, pilot)
        assert any("moved it to" in shown for shown in app.shown)
        assert any(line.startswith("Tools") for line in result_lines(screen))


async def test_esc_goes_back_and_f3_returns_from_the_reader(library: Path) -> None:
    app = RecordingApp(library_dirs=(library,))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_search(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("enter")  # open the first essay, then search from the reader
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("f3")
        await settle(app, pilot)
        assert isinstance(app.screen, SearchScreen)


async def test_the_first_search_reports_indexing(library: Path) -> None:
    app = RecordingApp(library_dirs=(library,))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_search(app, pilot)
        statuses: list[str] = []
        original = screen.set_status
        screen.set_status = lambda text: (statuses.append(text), original(text))[1]  # type: ignore[method-assign]
        await pilot.press(*"tractor")
        await settle(app, pilot)
        assert any(text.startswith("Indexing the library: 0 of ") for text in statuses)
        assert "matching sentence" in statuses[-1] and "essay" in statuses[-1]


async def test_an_unreadable_essay_is_reported_once_and_the_rest_searched(library: Path) -> None:
    (library / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    app = RecordingApp(library_dirs=(library,))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_search(app, pilot)
        await pilot.press(*"tractor")
        await settle(app, pilot)
        await pilot.press(*" Tools")  # a second search
        await settle(app, pilot)
        warnings = [shown for shown in app.shown if "broken.txt" in shown]
        assert len(warnings) == 1
        assert any(line.startswith("Tools") for line in result_lines(screen))


@pytest.mark.parametrize("width", [80, 120])
async def test_the_search_footer_is_whole(width: int) -> None:
    from tests.test_ui_footer import assert_footer_whole

    app = RecordingApp()
    async with app.run_test(size=(width, 24)) as pilot:
        await open_search(app, pilot)
        assert_footer_whole(app)
