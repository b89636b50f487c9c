"""The bookmarks screen: every marked place across essays (title, snippet, note, date), newest first.

``enter`` opens the essay at the bookmark, ``d`` (or ``delete``) deletes the one under the cursor, ``esc``
goes back. Everything in a row comes from a file, so it is shown as plain text, on one line.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Static

from reader.reading.bookmarks import Bookmark
from reader.ui.library_columns import fit
from reader.ui.screens.tool import ToolScreen
from reader.ui.services import ReaderServices, services

EMPTY = "No bookmarks yet: press b in an essay to mark the place under the cursor, with a note."
#: Columns beside the snippet and the note: the essay title and the date, and what padding costs.
TITLE_WIDTH, DATE_WIDTH, PADDING = 24, 10, 10


class BookmarksScreen(ToolScreen):
    """Bookmarks across essays; ``enter`` jumps to one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open"),
        Binding("d,delete", "delete", "Delete"),
        Binding("escape", "back", "Back"),
    ]

    @property
    def reader_app(self) -> ReaderServices:
        return services(self)

    @property
    def table(self) -> DataTable[Text | str]:
        return self.query_one("#bookmarks-table", DataTable)

    def compose(self) -> ComposeResult:
        yield Static(Text("Bookmarks", style="bold"), id="bookmarks-title")
        yield DataTable(id="bookmarks-table", cursor_type="row", zebra_stripes=True)
        yield Static(Text(EMPTY), id="bookmarks-empty")
        yield Footer()

    def on_mount(self) -> None:
        self.fill()
        self.table.focus()

    def on_resize(self) -> None:
        self.fill()

    def bookmarks(self) -> list[Bookmark]:
        return list(reversed(self.reader_app.bookmark_store.all()))

    def fill(self) -> None:
        """(Re)list the bookmarks, fitted to the screen's width, keeping the cursor's row."""
        table, bookmarks = self.table, self.bookmarks()
        row = table.cursor_row
        table.clear(columns=True)
        rest = max(20, self.size.width - TITLE_WIDTH - DATE_WIDTH - PADDING)
        note_width = max(10, rest * 2 // 5)
        columns = (
            ("Essay", TITLE_WIDTH),
            ("Place", rest - note_width),
            ("Note", note_width),
            ("Date", DATE_WIDTH),
        )
        for label, width in columns:
            table.add_column(label, key=label.lower(), width=width)
        for bookmark in bookmarks:
            table.add_row(
                fit(bookmark.title, TITLE_WIDTH),
                fit(bookmark.snippet, rest - note_width),
                fit(bookmark.note or "—", note_width),
                bookmark.created[:10],
                key=bookmark.id,
            )
        if bookmarks:
            table.move_cursor(row=min(row, len(bookmarks) - 1))
        table.display = bool(bookmarks)
        self.query_one("#bookmarks-empty").display = not bookmarks
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``enter`` and ``d`` are off (and out of the footer) while there is no bookmark to act on."""
        if action in ("open", "delete"):
            tables = self.query("#bookmarks-table")
            return bool(tables) and bool(self.table.row_count)
        return True

    def _current(self) -> Bookmark | None:
        table = self.table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.reader_app.bookmark_store.get(key) if key is not None else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        bookmark = self._current()
        if bookmark is not None:
            self.reader_app.jump_to_bookmark(bookmark)

    def action_delete(self) -> None:
        bookmark = self._current()
        if bookmark is None:
            return
        self.reader_app.delete_bookmark(bookmark.id)
        self.fill()

    def action_back(self) -> None:
        self.dismiss(None)
