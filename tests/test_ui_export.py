"""Exporting from the app: ctrl+e in the reader and the palette's "Export as ..." write the open essay's
edition into the exports folder, in a worker, and a toast names the file."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from reader import paths
from reader.ui.screens.reader import ReaderScreen
from tests.support.pilot import RecordingApp, settle, wait_for_hits
from tests.test_export_formats import assert_words_in_order, html_text

pytestmark = pytest.mark.anyio

ESSAY = """Slogans of the Plan

In 1935 the party said «Кадры решают всё», and the posters repeated it [bold]loudly[/bold].

Жить стало лучше, жить стало веселее.

The end.
"""


@pytest.fixture
def essay(tmp_path: Path) -> Path:
    path = tmp_path / "slogans.txt"
    path.write_text(ESSAY, encoding="utf-8")
    return path


async def test_ctrl_e_exports_the_open_essay_as_html(essay: Path) -> None:
    app = RecordingApp(path=essay)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("ctrl+e")
        await settle(app, pilot)
        target = paths.user_exports_dir() / "slogans.html"
        assert target.is_file()
        assert any(str(target) in shown for shown in app.shown)  # the toast names the file
        assert isinstance(app.screen, ReaderScreen)  # still reading
    page = target.read_text(encoding="utf-8")
    assert_words_in_order(ESSAY, html_text(page))
    assert page.count('<div class="pair">') == 2


async def test_the_palette_exports_epub_and_markdown(essay: Path) -> None:
    app = RecordingApp(path=essay)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        for query, name in (("export as epub", "slogans.epub"), ("export as markdown", "slogans.md")):
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*query)
            await app.screen.workers.wait_for_complete()
            await wait_for_hits(app, pilot)
            await pilot.press("down", "enter")
            await settle(app, pilot)
            assert (paths.user_exports_dir() / name).is_file(), app.shown
    with zipfile.ZipFile(paths.user_exports_dir() / "slogans.epub") as book:
        assert book.namelist()[0] == "mimetype"
        ElementTree.fromstring(book.read("OEBPS/essay.xhtml"))
    assert "Кадры решают всё" in (paths.user_exports_dir() / "slogans.md").read_text(encoding="utf-8")


async def test_a_failed_export_is_a_toast_not_a_crash(essay: Path, tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the exports folder should be", encoding="utf-8")
    monkeypatch.setenv("READER_EXPORT_DIR", str(blocker))
    app = RecordingApp(path=essay)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+e")
        await settle(app, pilot)
        assert any("cannot write the export" in shown for shown in app.shown), app.shown
        assert isinstance(app.screen, ReaderScreen)
    assert blocker.read_text(encoding="utf-8").startswith("a file")
