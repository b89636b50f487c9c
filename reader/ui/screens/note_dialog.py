"""A small dialog asking for a bookmark's note: ``enter`` keeps it (an empty note is fine), ``esc``
cancels."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader.reading.bookmarks import MAX_NOTE


class NoteDialog(ModalScreen[str | None]):
    """Dismissed with the note typed (maybe empty), or None when cancelled."""

    DEFAULT_CSS = """
    NoteDialog {
        align: center middle;
    }
    NoteDialog > #note-box {
        width: 70%;
        max-width: 80;
        min-width: 40;
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    NoteDialog #note-hint {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, where: str) -> None:
        super().__init__()
        self.where = where

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Static(Text(f"Bookmark: {self.where}"), id="note-where")
            yield Input(placeholder="A short note (optional)", max_length=MAX_NOTE, id="note-input")
            yield Static(Text("enter keep · esc cancel"), id="note-hint")

    def on_mount(self) -> None:
        self.query_one("#note-input", Input).focus()

    @on(Input.Submitted, "#note-input")
    def _keep(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
