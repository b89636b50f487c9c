"""The library's columns at 200, 80 and 50 columns, as a reader sees them, and essays sharing a title."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.essay.library import list_library
from reader.ui.screens.library import LibraryScreen
from tests.support.pilot import RecordingApp, settle
from tests.support.screen_text import screen_lines

pytestmark = pytest.mark.anyio

SHARED_TITLE = "Заметки о коллективизации"
LOKSHIN = "Arnold Lokshin (Арнольд Локшин)"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """Four essays with one title (as imported pages often have), beside the bundled ones."""
    folder = tmp_path / "notes"
    folder.mkdir()
    for number in range(1, 5):
        (folder / f"zametki-{number}.txt").write_text(
            f"{SHARED_TITLE}\n\nКолхоз номер {number}.\n", encoding="utf-8"
        )
    return folder


async def shown(width: int, library: Path) -> tuple[list[str], dict[str, int]]:
    """The screen's lines and the table's column widths by key; asserts nothing scrolls sideways."""
    app = RecordingApp(library_dirs=(library,))
    async with app.run_test(size=(width, 40)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.table
        assert table.virtual_size.width <= table.size.width, "nothing needs scrolling sideways"
        widths = {str(column.key.value): column.width for column in table.columns.values()}
        return screen_lines(app), widths


def header(lines: list[str]) -> str:
    return next(line for line in lines if line.lstrip().startswith("Title"))


def rows_of_shared_title(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if SHARED_TITLE[:5] in line]


async def test_at_200_columns_no_author_or_title_is_cut(library: Path) -> None:
    lines, _ = await shown(200, library)
    text = "\n".join(lines)
    assert LOKSHIN in text
    for entry in list_library((library,)):
        assert entry.meta.title in text
    assert header(lines).split() == ["Title", "Author", "Year", "Length", "Russian", "Read"]


async def test_at_80_columns_titles_get_most_of_the_width(library: Path) -> None:
    lines, widths = await shown(80, library)
    assert widths["title"] > sum(width for key, width in widths.items() if key != "title")
    assert widths["title"] >= 36
    assert header(lines).split()[-3:] == ["Length", "Russian", "Read"]
    assert "Socialism and the Soviet Union" in "\n".join(lines)  # a short title is whole


async def test_at_50_columns_length_russian_and_read_stay_on_screen(library: Path) -> None:
    lines, _ = await shown(50, library)
    assert header(lines).split() == ["Title", "Length", "Russian", "Read"]
    market = next(line for line in lines if "Socialism, Bureaucrac" in line)
    assert market.split()[-3:] == ["1.1k", "9", "—"]


@pytest.mark.parametrize("width", [200, 80, 50])
async def test_essays_sharing_a_title_are_told_apart(library: Path, width: int) -> None:
    lines, _ = await shown(width, library)
    rows = rows_of_shared_title(lines)
    assert len(rows) == 4
    assert len(set(rows)) == 4
    for number in range(1, 5):
        assert any(f"zametki-{number}.txt" in row for row in rows)


async def test_the_columns_follow_a_resize(library: Path) -> None:
    app = RecordingApp(library_dirs=(library,))
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "down")
        await pilot.resize_terminal(50, 40)
        await pilot.pause()
        lines = screen_lines(app)
        assert header(lines).split() == ["Title", "Length", "Russian", "Read"]
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert screen.table.cursor_row == 2, "the cursor stays on its essay"
        await pilot.resize_terminal(200, 40)
        await pilot.pause()
        assert LOKSHIN in "\n".join(screen_lines(app))
