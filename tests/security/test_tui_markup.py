"""Hostile text in the app: markup shows literally and runs nothing, control characters never reach the
terminal, nothing crashes. Driven through Pilot, as a reader would meet it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reader import ReaderScreen
from tests.support.pilot import RecordingApp, settle

pytestmark = pytest.mark.anyio

CLICK = "[@click=app.screenshot('PWNED.svg','{folder}')]Click to see details[/]"


def overlay_with_id(folder: Path, entry_id: str) -> Path:
    """A user glossary overlay whose one entry has ``entry_id`` (refused by the schema, so reported)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "evil.yaml").write_text(
        f"- id: {entry_id!r}\n  term: x\n  russian: х\n  forms: []\n  transliterations: []\n"
        "  gloss: g\n  definition: d\n  category: party\n  period: p\n  see_also: []\n"
        "  sources: [{author: A, title: T, year: 2000}]\n",
        encoding="utf-8",
    )
    return folder


async def test_a_glossary_problem_toast_shows_markup_literally_and_clicking_runs_nothing(
    tmp_path: Path,
) -> None:
    target = tmp_path / "target"
    target.mkdir()
    overlay = overlay_with_id(tmp_path / "overlay", CLICK.format(folder=target))
    app = RecordingApp(glossary_dirs=(overlay,))
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.press("f2")  # the glossary loads, and reports the bad entry
        await settle(app, pilot)
        problems = [message for message in app.shown if "@click" in message]
        assert problems, app.shown
        assert "[@click=app.screenshot(" in problems[0]  # the brackets are text
        toasts = list(app.screen.query("Toast"))
        assert toasts
        for toast in toasts:
            await pilot.click(toast)
        await settle(app, pilot)
    assert list(target.iterdir()) == []


@pytest.mark.parametrize("title", ["x[/] broken", "[bold]loud[/bold] [link=http://x]y[/link]"])
async def test_markup_in_an_essay_title_neither_crashes_nor_styles(tmp_path: Path, title: str) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_text(f"{title}\n\nСоветская власть. Text.\n", encoding="utf-8")
    app = RecordingApp(library_dirs=(tmp_path,))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("ctrl+p", *"broken")  # the palette lists and highlights titles
        await settle(app, pilot)
        await pilot.press("escape")
        app.open_essay(essay)
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert str(app.screen.query_one("#essay-title").render()).startswith(title)
    assert app.return_code in (None, 0)


async def test_a_bad_index_key_is_reported_as_text(tmp_path: Path) -> None:
    (tmp_path / "essay.txt").write_text("Essay\n\nText.\n", encoding="utf-8")
    (tmp_path / "index.yaml").write_text('"a[/]": {title: 7}\n', encoding="utf-8")
    app = RecordingApp(library_dirs=(tmp_path,))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert any("a[/]" in message for message in app.shown)


async def test_control_characters_in_an_essay_never_reach_the_terminal(tmp_path: Path) -> None:
    """OSC title and clipboard writes, a screen clear, a reset, C1 and bidi controls, in the title and text:
    every painted line of the essay view and the title line hold none of them."""
    hostile = "\x1b]0;PWNED\x07 \x1b]52;c;cHduZWQ=\x07 \x1b[2J \x1bc \x9b31m \u202e reversed"
    essay = tmp_path / "essay.txt"
    essay.write_text(f"Title {hostile}\n\nBody {hostile} Советы.\n", encoding="utf-8")
    app = RecordingApp(path=essay)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        view = screen.view
        painted = "".join(segment.text for y in range(view.size.height) for segment in view.render_line(y))
        title = str(screen.query_one("#essay-title").render())
        for shown in (painted, title):
            for char in ("\x1b", "\x07", "\x9b", "\u202e"):
                assert char not in shown
        assert "Body" in painted and "\u241b" in painted  # ␛: the escape is shown, not sent
