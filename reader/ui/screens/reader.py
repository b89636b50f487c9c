"""The reader screen: one essay, its Russian passages with translations beside them, and the glossary panel.

Opening an essay paints at once; detection, glossary annotation and translation run in workers
(:mod:`reader.ui.jobs`) and fill the view in as they report. The reading state (position, which
translations are shown, transliteration) is kept per essay in :mod:`reader.reading.state`. Stepping
through passages, terms and search matches is the base class's,
:class:`reader.ui.screens.essay_navigation.EssayNavigation`.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Input, Static

from reader.detection import Passage
from reader.errors import ReaderError
from reader.essay.document import EssayMeta
from reader.glossary import TermHit
from reader.page.asides import Translated, build_asides, glosses_in
from reader.page.mixed_script import mixed_script_summary
from reader.page.placement import PLACEMENT_NOTES, next_placement
from reader.reading.session import Session
from reader.reading.state import EssayState
from reader.safe_text import one_line
from reader.ui import jobs
from reader.ui.messages import (
    ModelInstalled,
    ModelMissing,
    PassagesFound,
    PassagesTranslated,
    TermActivated,
    TermsFound,
    TranslationProgress,
    TranslationWarning,
    WordLooked,
)
from reader.ui.screens.essay_navigation import OpenAt
from reader.ui.screens.essay_tools import EssayTools
from reader.ui.widgets.banner import ModelBanner
from reader.ui.widgets.entry_panel import EntryPanel
from reader.ui.widgets.progress import TranslationStatus
from reader.ui.widgets.word_panel import WordPanel
from reader.ui.widgets.word_view import WordView


class ReaderScreen(EssayTools):
    """Reads one essay. ``t`` (bound on the app) shows or hides every translation."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next", "Next passage"),
        Binding("N", "previous", "Previous passage", show=False),
        Binding("right_square_bracket", "next_term", "Next term", show=False),
        Binding("left_square_bracket", "previous_term", "Previous term", show=False),
        Binding("enter", "activate", "Toggle / open", show=False),
        Binding("r", "transliterate", "Transliterate", show=False),
        Binding("p", "placement", "Placement", show=False),
        Binding("slash", "search", "Search"),
        Binding("ctrl+d", "download_model", "Download model", show=False),
        # The app's f3, kept out of this footer: at 80 columns it has no room (help and the palette show it).
        Binding("f3", "app.search_library", "Search library", show=False),
        Binding("ctrl+e", "app.export('html')", "Export", show=False),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, path: Path, found: OpenAt | None = None) -> None:
        super().__init__()
        self.path = path
        self.found = found  # opened from the library search: start at that match
        self.state = EssayState()
        self.session: Session | None = None
        self.passages: list[Passage] = []
        self.hits: list[TermHit] = []
        self._glosses: dict[int, tuple[str, ...]] | None = None  # by passage, until passages or hits change
        self.translations: dict[int, Translated] = {}
        self.model_missing = False
        self._reading_offset = 0
        self._cancel = threading.Event()

    def compose(self) -> ComposeResult:
        # Kept as attributes: they are used while the screen unmounts, when queries find nothing.
        self.view = WordView(id="essay")
        self.status = TranslationStatus()
        yield Static(id="essay-title")
        yield ModelBanner()
        yield self.view
        yield EntryPanel(id="entry-panel")
        yield WordPanel(id="word-panel")
        yield Input(placeholder="Search the essay (enter to search, esc to cancel)", id="search")
        yield self.status
        yield Footer()

    # -- opening -------------------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.query_one(EntryPanel).display = False
        self.query_one("#search", Input).display = False
        try:
            session = Session.open(self.path, self.reader_app.settings)
        except (ReaderError, OSError) as exc:
            problem = exc.message if isinstance(exc, ReaderError) else f"{self.path}: {exc.strerror or exc}"
            self.notify(one_line(problem), severity="error", title="Cannot open the essay", markup=False)
            self.dismiss(None)
            return
        self.session = session
        document = self.document = session.document
        self.state = self.reader_app.state_store.get(self.path)
        self.query_one("#essay-title", Static).update(essay_title(document.meta))
        self.apply_preferences()
        if self.found is None:
            self.view.load(document, top=self.state.offset, cursor=self.state.cursor)
        else:
            self.view.load(document, top=self.found.start, cursor=self.found.start)
            self.show_found(self.found)
        self.view.focus()
        self.status.set_label("Finding Russian passages…")
        self._reading_offset = self.found.start if self.found is not None else self.state.offset
        self.set_interval(1.0, self.remember)
        # The jobs compete with the UI thread for the GIL: start them once the first screen is painted.
        self.call_after_refresh(self._find_passages, session)
        self.call_after_refresh(self._find_terms, session)

    @work(thread=True, exclusive=True, exit_on_error=False, group="detect", description="Finding passages")
    def _find_passages(self, session: Session) -> None:
        jobs.find_passages(session, self.post_message)

    @work(
        thread=True, exclusive=True, exit_on_error=False, group="terms", description="Finding glossary terms"
    )
    def _find_terms(self, session: Session) -> None:
        jobs.find_terms(session, self.reader_app.glossary, self.post_message)

    @work(thread=True, exclusive=True, exit_on_error=False, group="translate", description="Translating")
    def _translate(self, session: Session) -> None:
        jobs.translate(session, lambda: self._reading_offset, self._cancel, self.post_message)

    def on_passages_found(self, message: PassagesFound) -> None:
        self.passages, self._glosses = message.passages, None
        self.view.set_passages(self.passages)
        if message.mixed_script:
            self.view.set_spoofs(message.mixed_script)
            summary = one_line(mixed_script_summary(message.mixed_script))
            self.notify(summary, severity="warning", title="Mixed scripts", markup=False)
        self.refresh_asides()
        self.status.show_progress(0, sum(1 for passage in self.passages if passage.translated))
        if self.session is not None:
            self._translate(self.session)

    def on_terms_found(self, message: TermsFound) -> None:
        self.hits, self._glosses = message.hits, None
        self.view.set_terms(self.hits)
        if self.model_missing or self.reader_app.preferences.glosses_with_translation:
            self.refresh_asides()

    def on_passages_translated(self, message: PassagesTranslated) -> None:
        for item in message.translations:
            self.translations[item.start] = Translated(item.translation, bool(item.suspect))
        self.refresh_asides()

    def on_translation_progress(self, message: TranslationProgress) -> None:
        self.status.show_progress(message.done, message.total)

    def on_translation_warning(self, message: TranslationWarning) -> None:
        self.notify(one_line(message.text), severity="warning", title="Translation cache", markup=False)

    def on_model_missing(self, message: ModelMissing) -> None:
        self.model_missing = True
        self.query_one(ModelBanner).show_missing()
        self.status.set_label("No translation model")
        self.refresh_asides()

    def on_model_installed(self, message: ModelInstalled) -> None:
        self.notify(f"Installed {one_line(message.name)}", title="Model installed", markup=False)
        self.model_missing = False
        self.query_one(ModelBanner).display = False
        if self.session is not None:
            self._translate(self.session)

    def refresh_asides(self) -> None:
        """Recompute what is shown beside each passage, from the state and what is known."""
        glossary, prefs = self.reader_app.loaded_glossary, self.reader_app.preferences
        wanted = self.model_missing or prefs.glosses_with_translation
        if wanted and glossary and self._glosses is None:  # once, not on every batch of translations
            self._glosses = glosses_in(self.passages, self.hits, glossary.get)
        glosses = (self._glosses or {}) if wanted else {}
        self.view.set_asides(
            build_asides(
                self.passages,
                self.state,
                self.translations,
                model_missing=self.model_missing,
                glosses=glosses,
                glosses_with_translation=prefs.glosses_with_translation,
                hidden=prefs.placement == "hidden",
            )
        )

    # -- reading state -------------------------------------------------------------------------------
    def remember(self, save: bool = True) -> None:
        """Record the reading position in the state store (and on disk, when it changed)."""
        place = self.view.reading_place()
        if place is None:  # not laid out, or not on screen (unmounting): nothing to learn from the view
            return
        offset, cursor, progress = place
        new = replace(self.state, offset=offset, cursor=cursor, progress=progress)
        self._reading_offset = new.offset
        if new == self.state and self.reader_app.state_store.has(self.path):
            return
        self.state = new
        self.reader_app.state_store.put(self.path, new)
        if save:
            self.reader_app.save_state()

    def on_screen_suspend(self) -> None:
        self.remember()

    def on_unmount(self) -> None:
        self._cancel.set()
        self.remember()

    def _set_state(self, state: EssayState) -> None:
        self.state = state
        self.refresh_asides()
        self.remember()
        self.reader_app.state_store.put(self.path, self.state)
        self.reader_app.save_state()

    # -- actions -------------------------------------------------------------------------------------
    def toggle_all(self) -> None:
        self._set_state(self.state.toggle_all())
        shown = "shown" if self.state.show_translations else "hidden"
        if self.state.show_translations and self.reader_app.preferences.placement == "hidden":
            shown += " (but the placement hides them: p brings them back)"
        self.notify(f"Translations {shown}", timeout=2, markup=False)

    def action_activate(self) -> None:
        """Enter: open the term navigation landed on, else toggle the passage under the cursor."""
        view = self.view
        target = view.target
        if target is not None and target.kind == "term" and view.row_range()[0] <= target.start:
            self.show_entry(target.key)
            return
        passage = view.passage_under_cursor()
        if passage is not None:
            self._set_state(self.state.toggle_one(passage[0]))
            return
        term = view.term_under_cursor()
        if term is not None:
            self.show_entry(term[2].id)

    def apply_preferences(self) -> None:
        """Lay the essay out as the preferences say (measure, placement, glosses with translations)."""
        prefs = self.reader_app.preferences
        self.view.set_reading_layout(prefs.measure, prefs.placement)
        self.refresh_asides()

    def action_placement(self) -> None:
        """p: translations beside their passages, under them, or hidden; kept in the settings file."""
        placement = next_placement(self.reader_app.preferences.placement)
        self.change_reading(PLACEMENT_NOTES[placement], placement=placement)

    def change_reading(self, note: str, **changes: object) -> None:
        """Change reading preferences, save them, lay the essay out again and say ``note``."""
        self.reader_app.update_preferences(**changes)
        self.apply_preferences()
        self.notify(note, timeout=2, markup=False)

    def action_download_model(self) -> None:
        if not self.model_missing:
            self.notify("A Russian→English model is already installed", timeout=3, markup=False)
            return
        self.query_one(ModelBanner).download()

    def action_back(self) -> None:
        """esc: close the entry panel, else hide the search box or clear the search, else the library."""
        search = self.query_one("#search", Input)
        panel = self.query_one(EntryPanel)
        if panel.display:
            panel.hide()
            self.view.focus()
        elif search.display:
            search.display = False
            self.view.focus()
        elif self.search_query or self.view.matches.items or self.status.note:
            self.clear_search()
        elif self.term_filter is not None:
            self.term_filter = None
        else:
            self.remember()  # before the library resumes and shows the progress
            self.dismiss(None)

    # -- glossary ------------------------------------------------------------------------------------
    def on_word_looked(self, message: WordLooked) -> None:
        self.query_one(WordPanel).update_from(message)

    def on_term_activated(self, message: TermActivated) -> None:
        self.show_entry(message.entry_id)

    def show_entry(self, entry_id: str) -> None:
        """Open the glossary entry ``entry_id`` in the side panel."""
        glossary = self.reader_app.glossary
        entry = glossary.get(entry_id)
        if entry is None:
            self.notify(one_line(f"No glossary entry {entry_id!r}"), severity="warning", markup=False)
            return
        self.query_one(WordPanel).hide()  # one panel at a time: the essay keeps its width
        self.query_one(EntryPanel).show_entry(entry)

    @on(EntryPanel.Closed)
    def _panel_closed(self) -> None:
        self.view.focus()


def essay_title(meta: EssayMeta) -> Text:
    """The title line: title, author and year, as literal text."""
    title = Text(one_line(meta.title), style="bold")
    if meta.author:
        title.append(f" — {one_line(meta.author)}")
    if meta.year:
        title.append(f", {meta.year}")
    return title
