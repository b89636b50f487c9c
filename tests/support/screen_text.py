"""The screen as a user sees it: its lines of text, for tests that check what fits on screen."""

from __future__ import annotations

from typing import Any

from textual.app import App


def screen_lines(app: App[Any]) -> list[str]:
    """Every row of the current screen as plain text (what the terminal shows, styles dropped).

    Textual has no public call for this; the compositor's strips are what it writes to the terminal.
    """
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip) for strip in strips]


def screen_text(app: App[Any]) -> str:
    """The screen's rows joined by newlines."""
    return "\n".join(screen_lines(app))
