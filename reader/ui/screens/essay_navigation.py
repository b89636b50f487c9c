"""Moving through an open essay: the next Russian passage (``n``/``N``), the next glossary term
(``]``/``[``), in-essay search (``/``) and the occurrences of one term.

The part of :class:`reader.ui.screens.reader.ReaderScreen` that steps the essay view from one mark to
the next; the reader screen composes the view and the status line and owns everything else.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.screen import Screen
from textual.widgets import Input

from reader.essay.document import Document
from reader.page.ranges import Target
from reader.safe_text import one_line
from reader.ui.services import ReaderServices, services
from reader.ui.widgets.essay_view import EssayView
from reader.ui.widgets.progress import TranslationStatus


@dataclass(frozen=True)
class OpenAt:
    """Where to open an essay: at the match ``start``..``end`` of the library search ``query``."""

    query: str
    start: int
    end: int


class EssayNavigation(Screen[None]):
    """A screen over one essay view that steps through its passages, terms and search matches."""

    view: EssayView  # made in the subclass's compose
    status: TranslationStatus

    def __init__(self) -> None:
        super().__init__()
        self.document: Document | None = None
        self.search_query = ""
        self.term_filter: str | None = None

    @property
    def reader_app(self) -> ReaderServices:
        return services(self)

    def action_next(self) -> None:
        self._step(1)

    def action_previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        """n / N: the next search match while a search is active, else the next Russian passage."""
        view = self.view
        ranges, kind = (view.matches, "match") if self.search_query else (view.passages, "passage")
        stepped = ranges.step(view.position_for(kind), direction)
        if stepped is None:
            self.notify(
                "No search matches" if self.search_query else "No Russian passages", timeout=2, markup=False
            )
            return
        found, wrapped = stepped
        view.go_to(Target(kind, found[0], found[1]), upper_third=True)
        if wrapped:
            where = "top" if direction > 0 else "bottom"
            self.notify(f"Continued from the {where}", timeout=2, markup=False)
        if self.search_query:
            number = ranges.items.index(found) + 1
            self.status.set_note(
                one_line(f"“{self.search_query}”: match {number} of {len(ranges)} · n/N step · esc clears")
            )

    def action_next_term(self) -> None:
        self._step_term(1)

    def action_previous_term(self) -> None:
        self._step_term(-1)

    def _step_term(self, direction: int) -> None:
        view = self.view
        wanted = self.term_filter
        stepped = view.terms.step(
            view.position_for("term"), direction, lambda item: wanted in (None, item[2].id)
        )
        if stepped is None:
            self.notify("No glossary terms in this essay", timeout=2, markup=False)
            return
        found, _ = stepped
        view.go_to(Target("term", found[0], found[1], found[2].id))

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.value = self.search_query
        search.focus()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.input.display = False
        self.view.focus()
        self.search(event.value)

    def search(self, query: str) -> int:
        """Highlight every match of ``query`` (as library search matches: inflected Russian, every
        spelling of a glossary term, words case-insensitively) and go to the first after the cursor."""
        from reader.search.matching import find_in_text

        self.search_query = query.strip()
        text = self.document.text if self.document is not None else ""
        if not self.search_query:
            self.clear_search()
            return 0
        spans = find_in_text(text, self.search_query, self.reader_app.loaded_glossary)
        self.view.set_matches(spans)
        if not spans:
            self.status.set_note(one_line(f"“{self.search_query}”: no matches"))
            self.search_query = ""
            return 0
        self.view.target = None
        self._step(1)
        return len(spans)

    def show_found(self, found: OpenAt) -> None:
        """Opened from the library search: every match of its query highlighted (``n``/``N`` step through
        them, as after ``/``) and the chosen one targeted."""
        from reader.search.matching import find_in_text

        text = self.document.text if self.document is not None else ""
        spans = find_in_text(text, found.query, self.reader_app.loaded_glossary)
        self.view.set_matches(spans)
        self.search_query = found.query.strip() if spans else ""
        self.view.target = Target("match", found.start, found.end)
        chosen = (found.start, found.end)
        number = f"match {spans.index(chosen) + 1} of {len(spans)}" if chosen in spans else "match"
        self.status.set_note(one_line(f"“{self.search_query}”: {number} · n/N step · esc clears"))

    def clear_search(self) -> None:
        self.search_query = ""
        self.view.set_matches([])
        self.status.set_note("")

    def term_count(self, entry_id: str) -> int:
        """How many times the glossary term ``entry_id`` occurs in this essay (as far as annotated)."""
        return sum(1 for item in self.view.terms.items if item[2].id == entry_id)

    def jump_to_term(self, entry_id: str) -> bool:
        """Go to the first occurrence of ``entry_id``; ``]`` / ``[`` then step through its occurrences."""
        self.term_filter = entry_id
        first = next((item for item in self.view.terms.items if item[2].id == entry_id), None)
        if first is None:
            self.notify("That term does not occur in this essay", severity="warning", markup=False)
            self.term_filter = None
            return False
        self.view.go_to(Target("term", first[0], first[1], entry_id))
        return True
