"""The screens a global key opens over the library or an essay: glossary, library search, vocabulary and
bookmarks. One replaces another rather than stacking on it, so ``esc`` always leads back to the reading,
however many of them the reader hopped between."""

from __future__ import annotations

from textual.screen import Screen


class ToolScreen(Screen[None]):
    """A screen opened by F2–F5 (or the palette): the app swaps it for another tool screen on top."""
