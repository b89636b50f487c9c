"""Every key the footer shows is shown whole, at 80 and 120 columns, on every screen with a footer (and the
library's line of keys): a binding added to the footer that does not fit fails here."""

from __future__ import annotations

import pytest
from textual.widgets import Footer

from reader.paths import bundled_corpus_dir
from reader.ui.screens.library import KEYS_HINT, SHORT_KEYS_HINT
from tests.support.pilot import RecordingApp, settle
from tests.support.screen_text import screen_lines

pytestmark = pytest.mark.anyio

ESSAY = bundled_corpus_dir() / "socialism-bureaucracy-and-the-market-7.txt"


def assert_footer_whole(app: RecordingApp) -> None:
    """Each shown binding's "key description" label appears whole on the footer's row, and the palette's."""
    footer = app.screen.query_one(Footer)
    row = screen_lines(app)[footer.region.y]
    labels: dict[str, str] = {}  # the footer shows the first key bound to each action
    for _, binding, enabled, _ in app.screen.active_bindings.values():
        if binding.show and enabled:
            labels.setdefault(binding.action, f"{app.get_key_display(binding)} {binding.description}")
    assert labels, "the footer shows some keys"
    for label in sorted(labels.values()):
        assert label in row, f"{label!r} is cut in the footer: {row!r}"
    assert "palette" in row


@pytest.mark.parametrize("width", [80, 120])
async def test_reader_footer_is_whole(width: int) -> None:
    app = RecordingApp(path=ESSAY)
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(app, pilot)
        assert_footer_whole(app)


@pytest.mark.parametrize("width", [80, 120])
async def test_glossary_footer_is_whole(width: int) -> None:
    app = RecordingApp()
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        assert_footer_whole(app)


@pytest.mark.parametrize("width", [80, 120])
async def test_library_keys_line_is_whole(width: int) -> None:
    app = RecordingApp()
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(app, pilot)
        assert KEYS_HINT in screen_lines(app)[-1]


@pytest.mark.parametrize("width", [80, 120])
async def test_bookmarks_footer_is_whole(width: int) -> None:
    app = RecordingApp()
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f5")
        await settle(app, pilot)
        assert_footer_whole(app)


async def test_a_narrow_library_shows_a_shorter_line_of_keys_whole() -> None:
    app = RecordingApp()
    async with app.run_test(size=(50, 24)) as pilot:
        await settle(app, pilot)
        assert SHORT_KEYS_HINT in screen_lines(app)[-1]
        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        assert KEYS_HINT in screen_lines(app)[-1]
