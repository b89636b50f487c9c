"""The library: every essay the reader can open, with its reading progress. The app's first screen.

The table paints from file metadata alone; the number of Russian passages and the word count need
each essay read and scanned, so a worker fills those columns in after the first paint.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual.worker import get_current_worker

from reader.errors import ReaderError
from reader.essay.library import LibraryEntry, index_problems, list_library
from reader.safe_text import one_line
from reader.ui.library_columns import (
    COLUMNS,
    Column,
    RowFacts,
    fit,
    length_cell,
    plan_columns,
    russian_cell,
    title_cell,
)
from reader.ui.services import ReaderServices, services

if TYPE_CHECKING:  # types only: the messages are needed once the count worker runs, after the first paint
    from reader.ui.messages import EssayStats

KEYS_HINT = "enter open  ? help  f2 glossary  f3 search  f5 bookmarks  ^p commands  q quit"
#: The line of keys on a narrow screen (every key is in help).
SHORT_KEYS_HINT = "enter open  ? help  ^p commands  q quit"
__all__ = ["COLUMNS", "KEYS_HINT", "SHORT_KEYS_HINT", "LibraryScreen"]
#: Seconds between the first paint and the start of the passage count.
COUNT_DELAY = 0.25


class LibraryScreen(Screen[None]):
    """The essays, one per row; ``enter`` opens the one under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", show=True),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[LibraryEntry] = []
        self.facts: dict[str, RowFacts] = {}
        self.columns: list[Column] = []
        self._stop_counting = threading.Event()  # set when the screen goes: the count worker stops waiting

    @property
    def reader_app(self) -> ReaderServices:
        return services(self)

    @property
    def table(self) -> DataTable[Text | str]:
        return self.query_one("#library-table", DataTable)

    def compose(self) -> ComposeResult:
        yield Static(Text("Library", style="bold"), id="library-title")
        yield DataTable(id="library-table", cursor_type="row", zebra_stripes=True)
        # A line of keys rather than a Footer: the first screen paints with the fewest widgets.
        yield Static(Text(KEYS_HINT), id="library-keys")

    def on_mount(self) -> None:
        try:
            self.entries = list_library(self.reader_app.library_dirs)
        except ReaderError as exc:
            self.notify(one_line(exc.message), severity="error", title="Library", markup=False)
            self.entries = list_library()
        for problem in index_problems(self.reader_app.library_dirs):
            self.notify(
                one_line(f"{problem}; its essays are listed without that metadata"),
                severity="warning",
                markup=False,
            )
        self.facts = {str(entry.path): RowFacts(entry) for entry in self.entries}
        self._fill(self.app.size.width)
        self.table.focus()
        self.call_after_refresh(self._count_passages, list(self.entries))

    def on_resize(self) -> None:
        self._fill(self.size.width)
        hint = KEYS_HINT if len(KEYS_HINT) + 2 <= self.size.width else SHORT_KEYS_HINT
        keys = self.query_one("#library-keys", Static)
        if str(keys.content) != hint:  # an update lays the screen out again: only when the line changes
            keys.update(Text(hint))

    def _fill(self, width: int) -> None:
        """(Re)build the table for ``width`` columns, when the columns that fit have changed."""
        columns = plan_columns(width, self.entries)
        if columns == self.columns:
            return
        self.columns = columns
        table = self.table
        row = table.cursor_row
        table.clear(columns=True)
        for column in columns:
            table.add_column(column.label, key=column.key, width=column.width)
        for entry in self.entries:
            table.add_row(*self._cells(self.facts[str(entry.path)]), key=str(entry.path))
        if self.entries:
            table.move_cursor(row=min(row, len(self.entries) - 1))

    def _cells(self, facts: RowFacts) -> list[Text | str]:
        entry = facts.entry
        cells: list[Text | str] = []
        for column in self.columns:
            if column.key == "title":
                cells.append(title_cell(entry, self.entries, column.width))
            elif column.key == "author":
                cells.append(fit(one_line(entry.meta.author or "—"), column.width))
            elif column.key == "year":
                cells.append(str(entry.meta.year) if entry.meta.year else "—")
            elif column.key == "length":
                cells.append(length_cell(facts, entry.size, short=column.width < 12))
            elif column.key == "russian":
                cells.append(russian_cell(facts))
            else:
                cells.append(self._progress(entry.path))
        return cells

    def on_unmount(self) -> None:
        self._stop_counting.set()

    def _progress(self, path: Path) -> str:
        store = self.reader_app.state_store
        if not store.has(path):
            return "—"
        return f"{round(store.get(path).progress * 100)}%"

    def on_screen_resume(self) -> None:
        """Back from an essay: its reading progress changed."""
        for entry in self.entries:
            self.table.update_cell(str(entry.path), "read", self._progress(entry.path))

    @work(thread=True, exclusive=True, exit_on_error=False, group="library", description="Counting passages")
    def _count_passages(self, entries: list[LibraryEntry]) -> None:
        from reader.reading.session import essay_stats
        from reader.ui.messages import EssayStats

        worker = get_current_worker()
        # Counting reads and scans every essay: wait a moment first, so the table that has just painted
        # takes the first keys without competing for the interpreter (a cancelled wait ends at once).
        if self._stop_counting.wait(COUNT_DELAY):
            return
        for entry in entries:
            if worker.is_cancelled:
                return
            try:
                stats = essay_stats(entry.path, entry.meta)
            except (ReaderError, OSError):
                self.post_message(EssayStats(entry.path, None, None))
                continue
            self.post_message(EssayStats(entry.path, stats.russian, stats.words))

    def on_essay_stats(self, message: EssayStats) -> None:
        key = str(message.path)
        if key not in self.facts:
            return
        facts = RowFacts(self.facts[key].entry, message.russian, message.words, counted=True)
        self.facts[key] = facts
        for column, cell in zip(self.columns, self._cells(facts), strict=True):
            if column.key in ("russian", "length"):
                self.table.update_cell(key, column.key, cell)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.reader_app.open_essay(Path(event.row_key.value))

    def action_open(self) -> None:
        table = self.table
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            if key.value is not None:
                self.reader_app.open_essay(Path(key.value))
