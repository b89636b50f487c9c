"""What screens, widgets and palette commands may ask of the app, declared once.

Screens never import the app module (that would be an import cycle: the app imports the screens);
they reach it through :func:`services`, a typed cast of ``self.app`` to :class:`ReaderServices`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App

    from reader.essay.document import Document
    from reader.glossary import Glossary
    from reader.reading.bookmarks import Bookmark, BookmarkStore
    from reader.reading.preferences import Preferences
    from reader.reading.settings import Settings
    from reader.reading.state import StateStore
    from reader.ui.word_services import WordServices


class WordCursor(Protocol):
    """The essay pane's word selection, as other screens see it."""

    def select_word_at(self, offset: int) -> bool: ...


class OpenEssay(Protocol):
    """The essay open in the reader, as other screens see it."""

    path: Path
    document: Document | None
    view: WordCursor

    def show_bookmark(self, offset: int) -> None: ...

    def term_count(self, entry_id: str) -> int: ...

    def jump_to_term(self, entry_id: str) -> bool: ...

    def change_reading(self, note: str, **changes: object) -> None:
        """Change reading preferences (``measure``, ``placement``...), save them, lay out again, say so."""
        ...


class ReaderServices(Protocol):
    """The app's services: the glossary, the reading state, the library folders, navigation."""

    library_dirs: tuple[Path, ...]
    glossary_dirs: tuple[Path, ...]
    words: WordServices

    @property
    def settings(self) -> Settings: ...

    @property
    def preferences(self) -> Preferences: ...

    def update_preferences(self, **changes: object) -> Preferences:
        """Change and save preferences (``measure=80, placement="under"``); ValueError when invalid."""
        ...

    @property
    def glossary(self) -> Glossary: ...

    @property
    def loaded_glossary(self) -> Glossary | None: ...

    @property
    def state_store(self) -> StateStore: ...

    @property
    def reader_screen(self) -> OpenEssay | None: ...

    def save_state(self) -> None: ...

    @property
    def bookmark_store(self) -> BookmarkStore: ...

    def add_bookmark(self, path: Path, title: str, offset: int, snippet: str, note: str) -> None: ...

    def delete_bookmark(self, bookmark_id: str) -> None: ...

    def jump_to_bookmark(self, bookmark: Bookmark) -> None: ...

    def action_bookmarks(self) -> None: ...

    def action_bookmark_here(self) -> None: ...

    def open_essay(self, path: Path) -> None: ...

    def show_entry(self, entry_id: str) -> None: ...

    def jump_to_term(self, entry_id: str) -> None: ...

    def action_toggle_translations(self) -> None: ...

    def action_glossary(self) -> None: ...

    def action_search_library(self) -> None: ...

    def action_help(self) -> None: ...

    def action_vocabulary(self) -> None: ...
    def action_export(self, fmt: str = "html") -> None: ...


class _HasApp(Protocol):
    @property
    def app(self) -> App[object]: ...


def services(node: _HasApp) -> ReaderServices:
    """The app behind ``node`` (a widget, a screen, a palette provider), as the services it offers."""
    return cast("ReaderServices", node.app)
