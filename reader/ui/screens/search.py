"""The library search screen: type a query, see every essay that matches, open one at a match.

The same search as ``reader search``: the SQLite FTS5 index of :mod:`reader.search` (Russian in any
inflection, every spelling of a glossary term, quoted phrases), listing the first :data:`LIMIT` matches
and counting every matching essay. The search box has the keyboard when the screen opens, so typing
searches at once; ``down`` or ``enter`` moves to the results, ``enter`` on a match opens the essay there
(with every match highlighted, ``n``/``N`` to step), on a title at its first match; ``esc`` comes back.

Indexing and querying run in a worker thread (the first search may index the whole library: the status
line counts the essays as they are indexed); a search waits a moment after the last key, so a fast typist
runs one search, not one per letter. Essay text reaches the screen as plain :class:`Content`, the match
styled, never parsed as markup.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.errors import ReaderError
from reader.safe_text import one_line
from reader.ui.messages import IndexingProgress
from reader.ui.screens.essay_navigation import OpenAt
from reader.ui.screens.tool import ToolScreen
from reader.ui.services import services
from reader.ui.type_ahead import type_into

if TYPE_CHECKING:
    from reader.search import EssayResults, Match, SearchIndex

#: Matches listed (the first ones, in library order); every matching essay is still listed and counted.
LIMIT = 100
#: Seconds a search waits after the last key before it starts.
TYPING_PAUSE = 0.25
HINT = 'Type to search every essay: Russian in any form, glossary terms in both scripts, "quoted phrases".'
MATCH_STYLE = "bold reverse"


@dataclass(frozen=True)
class Found:
    """What one search found, for the screen."""

    query: str
    results: list[EssayResults]
    warnings: list[str]
    #: The file name of each essay whose title another essay of the library shares (told apart by it).
    same_titles: dict[Path, str] = field(default_factory=dict)


def match_prompt(match: Match, before: int = 24, after: int = 100) -> Content:
    """One match: its offset, then its sentence around it with the match styled (never markup). Little
    comes before the match, so it stays in sight on a narrow screen; the list cuts what does not fit."""
    from reader.search.excerpt import excerpt

    offset = match.start - match.context_start
    piece = excerpt(match.context, offset, offset + len(match.text), before, after)
    position = f"  @{match.start:<7} "
    text = position + piece.before + piece.match + piece.after
    start = len(position) + len(piece.before)
    return Content(text).stylize(MATCH_STYLE, start, start + len(piece.match))


def essay_prompt(result: EssayResults, file_name: str | None = None) -> Content:
    """An essay's line: its title (with ``file_name`` when another essay has the same title) and how many
    of its sentences match."""
    count = f"  {_count(result.sentences, 'matching sentence')}"
    if result.truncated and not result.matches:
        count += " (enter opens the first)"
    title = one_line(result.title) + (f" · {one_line(file_name)}" if file_name else "")
    return Content(title).stylize("bold", 0).append(Content(count).stylize("dim", 0))


class SearchScreen(ToolScreen):
    """Search every essay of the library; ``enter`` on a result opens it at the match."""

    DEFAULT_CSS = """
    SearchScreen #library-search-title {
        height: 1;
        padding: 0 1;
        background: $primary 30%;
    }
    SearchScreen #library-search { margin: 0 1; }
    SearchScreen #library-search-status {
        height: auto;
        max-height: 2;
        padding: 0 1;
        color: $text-muted;
    }
    SearchScreen #library-search-results {
        height: 1fr;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("down", "focus_results", "Results", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._index: SearchIndex | None = None
        self._lock = threading.Lock()  # one search at a time on the index's connection
        self._targets: dict[str, tuple[Path, Match | None]] = {}
        self._warned: set[str] = set()
        self.query_text = ""

    def compose(self) -> ComposeResult:
        yield Static(Content("Search the library").stylize("bold", 0), id="library-search-title")
        yield Input(placeholder="Search every essay (English or Russian)", id="library-search")
        yield Static(Content(HINT), id="library-search-status")
        yield OptionList(id="library-search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.search_box.focus()

    def on_unmount(self) -> None:
        def close() -> None:
            with self._lock:
                if self._index is not None:
                    self._index.close()

        threading.Thread(target=close, daemon=True).start()  # a search still running keeps the lock

    @property
    def search_box(self) -> Input:
        return self.query_one("#library-search", Input)

    @property
    def results_list(self) -> OptionList:
        return self.query_one("#library-search-results", OptionList)

    def set_status(self, text: str) -> None:
        self.query_one("#library-search-status", Static).update(Content(one_line(text, 400)))

    # -- searching -----------------------------------------------------------------------------------
    @on(Input.Changed, "#library-search")
    def _typed(self, event: Input.Changed) -> None:
        self.search(event.value, pause=TYPING_PAUSE)

    @on(Input.Submitted, "#library-search")
    def _submitted(self, event: Input.Submitted) -> None:
        if event.value.strip() == self.query_text and self.results_list.option_count:
            self.action_focus_results()
        else:
            self.search(event.value, focus_results=True)

    @work(exclusive=True, group="library-search", exit_on_error=False, description="Searching the library")
    async def search(self, query: str, pause: float = 0.0, focus_results: bool = False) -> None:
        """Show what ``query`` finds in the library (an empty query clears the results)."""
        query = query.strip()
        if pause:
            await asyncio.sleep(pause)  # a newer key cancels this worker here
        if not query:
            self.query_text = ""
            self._targets = {}
            self.results_list.clear_options()
            self.set_status(HINT)
            return
        self.set_status(f"Searching for {query}…")
        try:
            found = await asyncio.to_thread(self._run, query)
        except ReaderError as exc:  # no words in the query, an index that cannot be used
            self.query_text = query
            self.results_list.clear_options()
            self.set_status(exc.message)
            return
        self._show(found)
        for warning in found.warnings:  # each once: an unreadable essay is reported on every search
            if warning not in self._warned:
                self._warned.add(warning)
                self.notify(one_line(warning), severity="warning", title="Library search", markup=False)
        if focus_results:
            self.action_focus_results()

    def _search_index(self) -> SearchIndex:
        if self._index is None:
            from reader.search import SearchIndex

            app = services(self)
            self._index = SearchIndex(app.library_dirs, glossary=app.glossary)
        return self._index

    def _run(self, query: str) -> Found:
        """In a worker thread: bring the index up to date (reporting progress), then search."""
        with self._lock:
            index = self._search_index()
            entries = index.entries()
            report = index.refresh(entries, progress=self._progress)
            results = index.search(query, entries, limit=LIMIT)
            warnings = [*index.warnings, *report.problems]
        titles = Counter(one_line(entry.meta.title).casefold() for entry in entries)
        same = {e.path: e.path.name for e in entries if titles[one_line(e.meta.title).casefold()] > 1}
        return Found(query, results, warnings, same)

    def _progress(self, done: int, total: int) -> None:
        self.post_message(IndexingProgress(done, total))

    def on_indexing_progress(self, message: IndexingProgress) -> None:
        self.set_status(f"Indexing the library: {message.done} of {message.total} essays…")

    def _show(self, found: Found) -> None:
        self.query_text = found.query
        results_list = self.results_list
        results_list.clear_options()
        self._targets = {}
        options: list[Option] = []
        for number, result in enumerate(found.results):
            key = f"essay-{number}"
            self._targets[key] = (result.path, result.matches[0] if result.matches else None)
            options.append(Option(essay_prompt(result, found.same_titles.get(result.path)), id=key))
            for place, match in enumerate(result.matches):
                key = f"match-{number}-{place}"
                self._targets[key] = (result.path, match)
                options.append(Option(match_prompt(match), id=key))
        results_list.add_options(options)
        self.set_status(_summary(found))
        if options:
            results_list.highlighted = 1 if len(options) > 1 and found.results[0].matches else 0

    # -- opening -------------------------------------------------------------------------------------
    @on(OptionList.OptionSelected, "#library-search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        target = self._targets.get(event.option_id or "")
        if target is not None:
            self.open_result(*target)

    @work(exclusive=True, group="library-search-open", exit_on_error=False, description="Opening the essay")
    async def open_result(self, path: Path, match: Match | None) -> None:
        """Open ``path`` in the reader at ``match`` (None: at the essay's first match)."""
        query = self.query_text
        if match is None:
            match = await asyncio.to_thread(self._first_match, path, query)
        from reader.ui.screens.reader import ReaderScreen

        found = OpenAt(query, match.start, match.end) if match is not None else None
        self.app.push_screen(ReaderScreen(path, found=found))

    def _first_match(self, path: Path, query: str) -> Match | None:
        with self._lock:
            index = self._search_index()
            entries = [entry for entry in index.entries() if entry.path == path]
            results = index.search(query, entries, limit=1)
        return results[0].matches[0] if results and results[0].matches else None

    # -- keys ----------------------------------------------------------------------------------------
    def action_back(self) -> None:
        self.app.pop_screen()

    def action_focus_search(self) -> None:
        self.search_box.focus()

    def action_focus_results(self) -> None:
        if self.results_list.option_count:
            self.results_list.focus()

    def on_key(self, event: events.Key) -> None:
        """Typing on the results goes on into the search box (``?`` still opens the help)."""
        if self.focused is self.results_list:
            type_into(self, self.search_box, event)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``down`` moves from the search box to the results; in the list it moves the cursor."""
        if action == "focus_results":
            return self.focused is self.search_box
        return True


def _summary(found: Found) -> str:
    """The status line after a search."""
    if not found.results:
        return f"No matches for {found.query}"
    sentences = sum(result.sentences for result in found.results)
    line = f"{_count(sentences, 'matching sentence')} in {_count(len(found.results), 'essay')}"
    if any(result.truncated for result in found.results):
        line += f" · the first {LIMIT} matches listed"
    return line + " · enter opens the essay at the match"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
