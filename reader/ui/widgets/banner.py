"""The banner shown when no Russian->English model is installed, with the download's progress bar."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import ProgressBar, Static

MISSING_TEXT = (
    "No Russian→English model is installed: passages show a transliteration and glossary glosses. "
    "Press ctrl+d to download one, or run `reader models install` "
    "(offline: `reader models install FILE.argosmodel`)."
)


class ModelBanner(Vertical):
    """Says how to get a model; during a download, shows its progress. Hidden while a model is installed."""

    DEFAULT_CSS = """
    ModelBanner {
        height: auto;
        background: $warning 20%;
        color: $text;
        padding: 0 1;
        display: none;
    }
    ModelBanner > ProgressBar { display: none; }
    ModelBanner.-downloading > ProgressBar { display: block; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.message = MISSING_TEXT
        self._text = Static(Text(MISSING_TEXT), id="banner-text")
        self._bar = ProgressBar(id="banner-progress", show_eta=False)

    def compose(self) -> ComposeResult:
        yield self._text
        yield self._bar

    def _say(self, message: str) -> None:
        self.message = message
        self._text.update(Text(message))

    def show_missing(self) -> None:
        self.display = True
        self.remove_class("-downloading")
        self._say(MISSING_TEXT)

    def show_download(self, done: int, total: int | None) -> None:
        """Follow the download: ``done`` bytes of ``total`` (None: unknown, the bar pulses)."""
        self.display = True
        self.add_class("-downloading")
        label = f"Downloading the Russian→English model: {done / 1_000_000:.1f} MB"
        if total:
            label += f" of {total / 1_000_000:.1f} MB"
        self._say(label)
        self._bar.update(total=total, progress=done)

    def show_failed(self, message: str) -> None:
        self.remove_class("-downloading")
        self._say(f"Download failed: {message}\n{MISSING_TEXT}")
