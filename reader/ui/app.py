"""The reading app: the library first, an essay on ``enter``; the glossary, help and palette over both.

Startup imports only Textual and the library module, so the library paints as fast as a bare Textual
app; the reader screen, the glossary (pymorphy) and the translation engine load on first use, the
heavy ones in worker threads.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.worker import Worker, WorkerState

from reader.errors import ReaderError
from reader.reading.preferences import Preferences, load_preferences, save_preferences
from reader.reading.settings import Settings
from reader.reading.state import StateStore
from reader.safe_text import one_line
from reader.ui.commands import ReaderCommands
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.tool import ToolScreen
from reader.ui.word_services import WordServices

if TYPE_CHECKING:  # types only: the messages module is not needed for the first paint
    from reader.glossary import Glossary
    from reader.reading.bookmarks import Bookmark, BookmarkStore
    from reader.ui.messages import EssayExported
    from reader.ui.screens.reader import ReaderScreen


class ReaderApp(App[int]):
    """Essays on Soviet history with their Russian passages translated beside them."""

    TITLE = "reader"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help"),
        Binding("f2", "glossary", "Glossary", show=False),  # in the library's line of keys and in help
        Binding("f3", "search_library", "Search library"),
        Binding("f4", "vocabulary", "Vocabulary", show=False),  # likewise
        Binding("t", "toggle_translations", "Translations"),
        Binding("f5", "bookmarks", "Bookmarks", show=False),
    ]

    def __init__(
        self,
        path: Path | None = None,
        library_dirs: tuple[Path, ...] = (),
        glossary_dirs: tuple[Path, ...] = (),
    ) -> None:
        super().__init__()
        self.initial_path = Path(path) if path is not None else None
        self.library_dirs = tuple(Path(d) for d in library_dirs)
        self.glossary_dirs = tuple(Path(d) for d in glossary_dirs)
        self._glossary: Glossary | None = None
        self._glossary_lock = threading.Lock()
        self._state_store: StateStore | None = None
        self.words = WordServices(
            lambda: self.glossary,
            lambda problem: self._notify_threadsafe(problem, "warning", "Vocabulary"),
            extra_glossaries=bool(self.glossary_dirs),
        )
        self._bookmark_store: BookmarkStore | None = None
        self._preferences, self._preferences_problem = load_preferences()
        if self._preferences.theme in self.available_themes:
            self.theme = self._preferences.theme
        elif self._preferences_problem is None:
            self._preferences_problem = f"Unknown theme {self._preferences.theme!r} in the settings file"

    def get_default_screen(self) -> LibraryScreen:
        """The library is the bottom of the screen stack: every other screen returns to it."""
        return LibraryScreen()

    def on_mount(self) -> None:
        if self.initial_path is not None:
            self.open_essay(self.initial_path)
        problem = self.state_store.problem
        if problem:
            self.notify(one_line(problem), severity="warning", title="Reading state", markup=False)
        if self._preferences_problem:
            self.notify(
                one_line(self._preferences_problem), severity="warning", title="Settings", markup=False
            )
        self.theme_changed_signal.subscribe(self, lambda theme: self.update_preferences(theme=theme.name))

    # -- shared data ---------------------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        """What the pipeline needs of the user's choices."""
        return Settings(beam_size=self._preferences.beam_size, glossary_dirs=self.glossary_dirs)

    @property
    def preferences(self) -> Preferences:
        """The user's lasting choices (``config.toml``), as loaded at start and changed since."""
        return self._preferences

    def update_preferences(self, **changes: object) -> Preferences:
        """Apply ``changes`` (ValueError for an invalid one) and save them; a failed save is a toast,
        and the change still holds for this session."""
        updated = self._preferences.changed(**changes)
        if updated == self._preferences:
            return updated
        self._preferences = updated
        try:
            save_preferences(updated)
        except OSError as exc:
            self.notify(one_line(f"Cannot save the settings: {exc}"), severity="error", markup=False)
        return updated

    @property
    def state_store(self) -> StateStore:
        if self._state_store is None:
            self._state_store = StateStore()
        return self._state_store

    def save_state(self) -> None:
        try:
            self.state_store.save()
        except OSError as exc:
            self.notify(one_line(f"Cannot save the reading state: {exc}"), severity="error", markup=False)

    # -- bookmarks -----------------------------------------------------------------------------------
    @property
    def bookmark_store(self) -> BookmarkStore:
        """The bookmarks, read on first use (an unusable file: moved aside, one warning)."""
        if self._bookmark_store is None:
            from reader.reading.bookmarks import BookmarkStore

            self._bookmark_store = BookmarkStore()
            if self._bookmark_store.problem:
                problem = one_line(self._bookmark_store.problem)
                self.notify(problem, severity="warning", title="Bookmarks", markup=False)
        return self._bookmark_store

    def _save_bookmarks(self) -> bool:
        try:
            self.bookmark_store.save()
        except OSError as exc:
            self.notify(one_line(f"Cannot save the bookmarks: {exc}"), severity="error", markup=False)
            return False
        return True

    def add_bookmark(self, path: Path, title: str, offset: int, snippet: str, note: str) -> None:
        """Mark ``offset`` in the essay at ``path`` with ``note``, save, and say so."""
        bookmark = self.bookmark_store.add(path, title, offset, snippet, note)
        if self._save_bookmarks():
            note_shown = f" ({bookmark.note})" if bookmark.note else ""
            self.notify(one_line(f"Bookmarked: {bookmark.snippet}{note_shown}"), timeout=3, markup=False)

    def delete_bookmark(self, bookmark_id: str) -> None:
        removed = self.bookmark_store.remove(bookmark_id)
        if removed is not None and self._save_bookmarks():
            self.notify(one_line(f"Deleted the bookmark: {removed.snippet}"), timeout=3, markup=False)

    def jump_to_bookmark(self, bookmark: Bookmark) -> None:
        """Open the bookmark's essay at its place (the open essay just moves there)."""
        from dataclasses import replace

        from reader.reading.state import essay_key

        screen = self.reader_screen
        if screen is not None and essay_key(screen.path) == bookmark.essay:
            while self.screen is not screen:
                self.pop_screen()
            screen.show_bookmark(bookmark.offset)
            return
        if not bookmark.path.is_file():
            self.notify(
                one_line(f"{bookmark.essay}: the essay is no longer there"), severity="error", markup=False
            )
            return
        state = self.state_store.get(bookmark.path)
        self.state_store.put(bookmark.path, replace(state, offset=bookmark.offset, cursor=bookmark.offset))
        self.open_essay(bookmark.path)

    def open_tool(self, screen: ToolScreen) -> None:
        """Open a tool screen; over another one it takes that one's place, so ``esc`` goes back to the
        library or the essay beneath rather than through every screen the reader hopped between."""
        if isinstance(self.screen, ToolScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def action_bookmarks(self) -> None:
        from reader.ui.screens.bookmarks import BookmarksScreen

        if not isinstance(self.screen, BookmarksScreen):
            self.open_tool(BookmarksScreen())

    def action_bookmark_here(self) -> None:
        """Bookmark the place under the cursor in the open essay (the palette's command)."""
        screen = self.reader_screen
        if screen is None:
            self.notify("Open an essay to bookmark a place in it", timeout=3, markup=False)
            return
        while self.screen is not screen:
            self.pop_screen()
        screen.action_bookmark()

    @property
    def glossary(self) -> Glossary:
        """The glossary, loaded on first use (from a worker thread, ideally: it loads morphology)."""
        with self._glossary_lock:
            if self._glossary is None:
                from reader.glossary import load_glossary

                glossary = load_glossary(self.glossary_dirs)
                self._glossary = glossary
                if glossary.problems:
                    shown = "\n".join(one_line(str(problem)) for problem in glossary.problems[:5])
                    more = len(glossary.problems) - 5
                    if more > 0:
                        shown += f"\n… and {more} more"
                    self._notify_threadsafe(shown, "warning", "Glossary problems")
            return self._glossary

    @property
    def loaded_glossary(self) -> Glossary | None:
        """The glossary if it is loaded already (never loads it)."""
        return self._glossary

    def _notify_threadsafe(self, message: str, severity: SeverityLevel, title: str) -> None:
        """A toast of untrusted text (never markup), from any thread."""
        if threading.current_thread() is threading.main_thread():
            self.notify(message, severity=severity, title=title, markup=False)
        else:
            self.call_from_thread(self.notify, message, severity=severity, title=title, markup=False)

    # -- screens -------------------------------------------------------------------------------------
    @property
    def reader_screen(self) -> ReaderScreen | None:
        """The open essay's screen, wherever it is in the stack."""
        from reader.ui.screens.reader import ReaderScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, ReaderScreen):
                return screen
        return None

    def open_essay(self, path: Path) -> None:
        """Open ``path`` in the reader, over the library (replacing any essay open now)."""
        from reader.ui.screens.reader import ReaderScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, LibraryScreen):
            self.pop_screen()
        self.push_screen(ReaderScreen(Path(path)))

    def show_entry(self, entry_id: str) -> None:
        """Show a glossary entry: in the reader's side panel when an essay is on screen, else the glossary."""
        from reader.ui.screens.reader import ReaderScreen

        if isinstance(self.screen, ReaderScreen):
            self.screen.show_entry(entry_id)
            return
        from reader.ui.screens.glossary import GlossaryScreen

        self.open_tool(GlossaryScreen(initial_entry=entry_id))

    def jump_to_term(self, entry_id: str) -> None:
        screen = self.reader_screen
        if screen is None:
            self.notify("No essay is open", severity="warning", markup=False)
            return
        screen.jump_to_term(entry_id)

    # -- actions -------------------------------------------------------------------------------------
    def action_toggle_translations(self) -> None:
        screen = self.reader_screen
        if screen is None:
            self.notify("Open an essay to show or hide its translations", timeout=3, markup=False)
            return
        screen.toggle_all()

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_glossary(self) -> None:
        from reader.ui.screens.glossary import GlossaryScreen

        if not isinstance(self.screen, GlossaryScreen):
            self.open_tool(GlossaryScreen())

    def action_search_library(self) -> None:
        """Search every essay (``f3``); on the search screen, back to its search box."""
        from reader.ui.screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            self.screen.action_focus_search()
        else:
            self.open_tool(SearchScreen())

    def action_vocabulary(self) -> None:
        from reader.ui.screens.vocabulary import VocabularyScreen

        if not isinstance(self.screen, VocabularyScreen):
            self.open_tool(VocabularyScreen())

    def action_export(self, fmt: str = "html") -> None:
        """Export the open essay as ``fmt`` (html, md, epub) into the exports folder, in a worker."""
        screen = self.reader_screen
        if screen is None:
            self.notify("Open an essay to export it", timeout=3, markup=False)
            return
        self.notify("Exporting…", timeout=2, markup=False)
        self._export(screen.path, fmt)

    @work(thread=True, exit_on_error=False, group="export", description="Export failed")
    def _export(self, path: Path, fmt: str) -> None:
        from reader.ui import jobs  # the pipeline loads on first use, not at start-up

        jobs.export_essay(path, fmt, self.settings, self.glossary, self.post_message)

    def on_essay_exported(self, message: EssayExported) -> None:
        done = f"{message.translated} of {message.passages} passages translated"
        shown = one_line(f"Exported to {message.path} ({done})", 400)
        self.notify(shown, title="Export", timeout=10, markup=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place a failed worker is reported: as a notification a reader understands."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        message = error.message if isinstance(error, ReaderError) else f"{error.__class__.__name__}: {error}"
        title = event.worker.description or "Background task failed"
        self.notify(one_line(message), severity="error", title=title, timeout=10, markup=False)


def run_app(
    path: Path | None = None, library_dirs: tuple[Path, ...] = (), glossary_dirs: tuple[Path, ...] = ()
) -> int:
    """Run the app (``reader`` / ``reader open PATH``); returns the exit status."""
    ReaderApp(path=path, library_dirs=library_dirs, glossary_dirs=glossary_dirs).run()
    return 0
