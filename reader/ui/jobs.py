"""The reader's background jobs: thin adapters from the reading pipeline to messages.

Each runs in a worker thread, takes a ``post`` callable (a thread-safe ``post_message``) and reports only
through messages, so the screen's ``@work`` methods stay one line. The work itself is
:class:`reader.reading.session.Session`'s, the same the CLI runs; heavy imports happen there, in the thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from textual.message import Message

from reader.errors import MissingResource
from reader.glossary import Glossary
from reader.paths import user_exports_dir
from reader.reading.session import Session
from reader.reading.settings import Settings
from reader.ui.messages import (
    DownloadProgress,
    EssayExported,
    ModelInstalled,
    ModelMissing,
    PassagesFound,
    PassagesTranslated,
    TermsFound,
    TranslationProgress,
    TranslationWarning,
)

Post = Callable[[Message], bool]
#: Passages sent to the model at a time: small, so the nearest appear first and the order can follow
#: the reader as they scroll.
BATCH_PASSAGES = 4


def find_passages(session: Session, post: Post) -> None:
    """Detect the essay's passages and report the ones the reader marks, and the mixed-script words."""
    post(PassagesFound(session.passages, session.detection.mixed_script))


def find_terms(session: Session, glossary: Glossary, post: Post) -> None:
    """Annotate the essay with glossary terms (English and inflected Russian)."""
    post(TermsFound(session.terms(glossary)))


def translate(
    session: Session, reading_offset: Callable[[], int], cancel: threading.Event, post: Post
) -> None:
    """Translate the essay's passages: cached ones at once, then the rest nearest the reading position.

    Without an installed ru->en model, posts :class:`ModelMissing`.
    """
    try:
        for batch in session.translate(
            reading_offset=reading_offset, cancel=cancel, batch_passages=BATCH_PASSAGES
        ):
            if batch.translations:
                post(PassagesTranslated(batch.translations))
            post(TranslationProgress(batch.done, batch.total))
    except MissingResource:
        post(ModelMissing())
    for warning in session.warnings:
        post(TranslationWarning(warning))


def export_essay(path: Path, fmt: str, settings: Settings, glossary: Glossary, post: Post) -> None:
    """Write the essay's bilingual edition (``fmt``: html, md or epub) into the exports folder, translating
    what the cache lacks when a model is installed; BadInput (shown by the app) when it cannot."""
    from reader.export.prepare import export_essay as export

    result = export(path, fmt, folder=user_exports_dir(), settings=settings, glossary=glossary)
    post(EssayExported(result.path, result.translated, result.passages))


def download_model(cancel: threading.Event, post: Post) -> None:
    """Download and install the ru->en model from the package index (MissingResource when offline)."""
    from reader.models.install import install_from_index

    def progress(done: int, total: int | None) -> None:
        post(DownloadProgress(done, total))

    model = install_from_index(progress=progress, cancel=cancel)
    post(ModelInstalled(model.name))
