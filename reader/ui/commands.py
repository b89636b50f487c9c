"""The command palette's reader commands: open an essay, look up a term, toggle translations, switch theme.

The library and the glossary are read when the palette opens (in a thread), never at app start, so
startup stays as fast as a bare Textual app. A query in Cyrillic is also given to the glossary's own
lookup, which knows Russian inflection: "колхозов" or "Центрального комитета" finds its entry though no
headword is spelled that way, where the fuzzy matcher alone finds nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

from reader.export.formats import FORMAT_NAMES
from reader.safe_text import one_line
from reader.scripts import CYRILLIC_LETTER
from reader.ui.reading_commands import reading_commands
from reader.ui.services import services

if TYPE_CHECKING:
    from reader.essay.library import LibraryEntry
    from reader.glossary import Entry, Glossary

Command = tuple[str, Callable[[], object], str]

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"


class ReaderCommands(Provider):
    """Commands over the reader's own data, matched with Textual's fuzzy matcher."""

    async def startup(self) -> None:
        app = services(self)
        self._library: list[LibraryEntry] = []
        self._entries: list[Entry] = []
        self._glossary: Glossary | None = None
        try:
            self._library = await asyncio.to_thread(self._read_library)
        except Exception as exc:  # a broken --library folder must not break the palette
            self.app.log.warning(f"palette: library unavailable: {exc}")
        try:
            glossary = await asyncio.to_thread(lambda: app.glossary)
            self._entries = sorted(glossary.entries.values(), key=lambda entry: entry.term.casefold())
            self._glossary = glossary
        except Exception as exc:
            self.app.log.warning(f"palette: glossary unavailable: {exc}")

    def _read_library(self) -> list[LibraryEntry]:
        from reader.essay.library import list_library

        return list_library(services(self).library_dirs)

    def _actions(self) -> Iterator[Command]:
        """The fixed commands: (name, callback, help)."""
        app = services(self)
        yield "Toggle translations", app.action_toggle_translations, "Show or hide every translation"
        yield "Open the glossary", app.action_glossary, "Browse and search every entry (F2)"
        yield (
            "Search the library",
            app.action_search_library,
            "Every essay: words, phrases, Russian, terms (F3)",
        )
        yield "Show the keys", app.action_help, "Every key of every screen (? or F1)"
        yield "Vocabulary", app.action_vocabulary, "The words you saved: search, jump back, remove (F4)"
        yield "Bookmarks", app.action_bookmarks, "Every place you marked, across essays (F5)"
        if app.reader_screen is not None:
            yield (
                "Bookmark this place",
                app.action_bookmark_here,
                "Mark the place under the cursor, with a note (b)",
            )
            for fmt, name in FORMAT_NAMES.items():
                yield (
                    f"Export as {name}",
                    partial(app.action_export, fmt),
                    "The open essay with its translations and glossary notes, in the exports folder"
                    + (" (ctrl+e)" if fmt == "html" else ""),
                )
        yield from reading_commands(app)
        if self.app.theme == LIGHT_THEME:
            yield (
                "Switch to dark theme",
                partial(setattr, self.app, "theme", DARK_THEME),
                "Use the dark theme",
            )
        else:
            yield (
                "Switch to light theme",
                partial(setattr, self.app, "theme", LIGHT_THEME),
                "Use the light theme",
            )

    def _essays(self) -> Iterator[Command]:
        app = services(self)
        for essay in self._library:
            author = f" — {essay.meta.author}" if essay.meta.author else ""
            yield (
                one_line(f"Open essay: {essay.title}"),
                partial(app.open_essay, essay.path),
                one_line(f"{essay.path.name}{author}"),
            )

    async def discover(self) -> Hits:
        for name, callback, help_text in (*self._actions(), *self._essays()):
            yield DiscoveryHit(Content(name), callback, text=name, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in (*self._actions(), *self._essays()):
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, highlight(matcher, name), callback, text=name, help=escape(help_text))
        app = services(self)
        inflected = await self._inflected_matches(query)
        for entry in self._entries:
            name = one_line(f"Look up: {entry.term} ({entry.russian})")
            # The Russian headword, an inflected form or any transliteration may be typed: the best counts.
            score = max(
                1.0 if entry.id in inflected else 0.0,
                matcher.match(name),
                *(matcher.match(other) for other in (entry.russian, *entry.transliterations)),
            )
            if score > 0:
                yield Hit(
                    score,
                    highlight(matcher, name),
                    partial(app.show_entry, entry.id),
                    text=name,
                    help=escape(one_line(entry.gloss)),
                )

    async def _inflected_matches(self, query: str) -> set[str]:
        """The ids of the entries the glossary's lookup names exactly (in any inflection) for Cyrillic."""
        if self._glossary is None or not CYRILLIC_LETTER.search(query):
            return set()
        try:
            results = await asyncio.to_thread(self._glossary.lookup, query)
        except Exception as exc:  # the palette must keep working without the morphology dictionaries
            self.app.log.warning(f"palette: glossary lookup failed: {exc}")
            return set()
        from reader.glossary.lookup import EXACT_SCORE  # loaded with the glossary, never at start-up

        return {result.entry.id for result in results if result.score >= EXACT_SCORE}


def highlight(matcher: Matcher, name: str) -> Content:
    """``name`` as plain text (never markup: titles and terms come from files) with the matched letters
    styled, as ``Matcher.highlight`` does for markup."""
    content = Content(name)
    score, offsets = matcher.fuzzy_search.match(matcher.query, name)
    if not score:
        return content
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
