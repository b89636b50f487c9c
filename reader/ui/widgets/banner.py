"""The banner shown when no Russian->English model is installed; it runs the model download and shows its
progress. ``ModelInstalled`` bubbles up to the reader screen when the download is done.

A reader who does not want a model closes the banner with its "✕ close" button: it then stays closed for
every essay opened in that app, until a download is asked for (ctrl+d), whose progress it shows again.
"""

from __future__ import annotations

import threading
from typing import ClassVar
from weakref import WeakSet

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, ProgressBar, Static
from textual.worker import Worker, WorkerState

from reader.errors import ReaderError
from reader.safe_text import one_line
from reader.ui import jobs
from reader.ui.messages import DownloadProgress

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
    ModelBanner > Horizontal { height: auto; }
    ModelBanner #banner-text { width: 1fr; }
    ModelBanner #banner-close { margin: 0 0 0 1; }
    ModelBanner > ProgressBar { display: none; }
    ModelBanner.-downloading > ProgressBar { display: block; }
    """

    #: The apps in which the reader closed the banner: it stays closed there for the rest of the session.
    closed_in: ClassVar[WeakSet[App[object]]] = WeakSet()

    def __init__(self) -> None:
        super().__init__()
        self.message = MISSING_TEXT
        self._text = Static(Text(MISSING_TEXT), id="banner-text")
        self._bar = ProgressBar(id="banner-progress", show_eta=False)
        self._cancel = threading.Event()

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield self._text
            yield Button("✕ close", id="banner-close", compact=True, tooltip="Hide this note for the session")
        yield self._bar

    @property
    def closed(self) -> bool:
        """Whether the reader closed the banner in this app."""
        return self.app in ModelBanner.closed_in

    @on(Button.Pressed, "#banner-close")
    def close(self) -> None:
        """Hide the banner for the rest of the session (a download asked for later shows it again)."""
        ModelBanner.closed_in.add(self.app)
        self.display = False

    def _say(self, message: str) -> None:
        self.message = message
        self._text.update(Text(message))

    def show_missing(self) -> None:
        self.display = not self.closed
        self.remove_class("-downloading")
        self._say(MISSING_TEXT)

    def show_download(self, done: int, total: int | None) -> None:
        """Follow the download: ``done`` bytes of ``total`` (None: unknown, the bar pulses)."""
        ModelBanner.closed_in.discard(self.app)
        self.display = True
        self.add_class("-downloading")
        label = f"Downloading the Russian→English model: {done / 1_000_000:.1f} MB"
        if total:
            label += f" of {total / 1_000_000:.1f} MB"
        self._say(label)
        self._bar.update(total=total, progress=done)

    def show_failed(self, message: str) -> None:
        self.remove_class("-downloading")
        self._say(f"Download failed: {one_line(message)}\n{MISSING_TEXT}")

    def download(self) -> None:
        """Download and install the model in a worker, showing its progress here."""
        self.show_download(0, None)
        self._download()

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="download",
        description="Downloading the model",
    )
    def _download(self) -> None:
        jobs.download_model(self._cancel, self.post_message)

    def on_download_progress(self, message: DownloadProgress) -> None:
        message.stop()
        self.show_download(message.done, message.total)

    @on(Worker.StateChanged)
    def _download_failed(self, event: Worker.StateChanged) -> None:
        """A failed download resets the banner; the app's handler shows the error itself."""
        if event.worker.group == "download" and event.state == WorkerState.ERROR:
            error = event.worker.error
            self.show_failed(error.message if isinstance(error, ReaderError) else str(error))

    def on_unmount(self) -> None:
        self._cancel.set()
