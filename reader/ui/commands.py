"""The command palette's reader commands: open an essay, look up a term, toggle translations, switch theme.

The library and the glossary are read when the palette opens (in a thread), never at app start, so
startup stays as fast as a bare Textual app.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"


class ReaderCommands(Provider):
    """Commands over the reader's own data, matched with Textual's fuzzy matcher."""

    async def startup(self) -> None:
        app: Any = self.app
        self._library: list[Any] = []
        self._entries: list[Any] = []
        try:
            self._library = await asyncio.to_thread(self._read_library)
        except Exception as exc:  # a broken --library folder must not break the palette
            app.log.warning(f"palette: library unavailable: {exc}")
        try:
            glossary = await asyncio.to_thread(lambda: app.glossary)
            self._entries = sorted(glossary.entries.values(), key=lambda entry: entry.term.casefold())
        except Exception as exc:
            app.log.warning(f"palette: glossary unavailable: {exc}")

    def _read_library(self) -> list[Any]:
        from reader.library import list_library

        return list_library(tuple(getattr(self.app, "library_dirs", ())))

    def _actions(self) -> Iterator[tuple[str, Callable[[], Any], str]]:
        """The fixed commands: (name, callback, help)."""
        app: Any = self.app
        yield "Toggle translations", app.action_toggle_translations, "Show or hide every translation"
        if hasattr(app, "action_glossary"):
            yield "Open the glossary", app.action_glossary, "Browse and search every entry (F2)"
        if hasattr(app, "action_help"):
            yield "Show the keys", app.action_help, "Every key of every screen (? or F1)"
        if app.theme == LIGHT_THEME:
            yield "Switch to dark theme", partial(setattr, app, "theme", DARK_THEME), "Use the dark theme"
        else:
            yield "Switch to light theme", partial(setattr, app, "theme", LIGHT_THEME), "Use the light theme"

    def _essays(self) -> Iterator[tuple[str, Callable[[], Any], str]]:
        app: Any = self.app
        for essay in self._library:
            author = f" — {essay.meta.author}" if essay.meta.author else ""
            yield (
                f"Open essay: {essay.title}",
                partial(app.open_essay, essay.path),
                f"{essay.path.name}{author}",
            )

    async def discover(self) -> Hits:
        for name, callback, help_text in (*self._actions(), *self._essays()):
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in (*self._actions(), *self._essays()):
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
        app: Any = self.app
        for entry in self._entries:
            name = f"Look up: {entry.term} ({entry.russian})"
            # A reader may type the Russian headword or any transliteration: the best of them counts.
            score = max(
                matcher.match(name),
                *(matcher.match(other) for other in (entry.russian, *entry.transliterations)),
            )
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(app.show_entry, entry.id),
                    text=name,
                    help=entry.gloss,
                )
