"""The translation progress line under the essay: "7/12 passages translated" and a bar.

The bar shows only while passages are being translated: a plain status ("Finding Russian passages…",
"No translation model") has no progress to show, and an empty or full bar beside it would read as one.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import ProgressBar, Static


class TranslationStatus(Horizontal):
    """Shows how many passages have a translation; the bar hides once all do, or when there is no count."""

    DEFAULT_CSS = """
    TranslationStatus {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    TranslationStatus > #status-label { width: auto; padding: 0 2 0 0; }
    TranslationStatus > #status-note { width: 1fr; color: $text-muted; }
    TranslationStatus > ProgressBar { width: 30; }
    TranslationStatus.-no-progress > ProgressBar { display: none; }
    """

    done: reactive[int] = reactive(0)
    total: reactive[int] = reactive(0)

    def __init__(self) -> None:
        super().__init__()
        # Made here, not in compose, so the screen can set them before they are mounted.
        self._label = Static(id="status-label")
        self._note = Static(id="status-note")
        self.label = ""
        self.note = ""
        self.add_class("-no-progress")

    def compose(self) -> ComposeResult:
        yield self._label
        yield ProgressBar(id="status-bar", show_eta=False, show_percentage=False).data_bind(
            progress=TranslationStatus.done, total=TranslationStatus.total
        )
        yield self._note

    def set_label(self, text: str) -> None:
        """A status without a count: the bar hides until ``show_progress`` has passages to count."""
        self._write_label(text)
        self.add_class("-no-progress")

    def _write_label(self, text: str) -> None:
        self.label = text
        self._label.update(Text(text))

    def set_note(self, text: str) -> None:
        """A second message on the line (the search and its matches)."""
        self.note = text
        self._note.update(Text(text))

    def show_progress(self, done: int, total: int) -> None:
        self.total, self.done = total, done
        self._write_label("No Russian passages" if total == 0 else f"{done}/{total} passages translated")
        self.set_class(done >= total, "-no-progress")
