"""The reader's background jobs, as plain functions run in worker threads by the reader screen.

Each takes a ``post`` callable (a thread-safe ``post_message``) and reports only through messages, so
the screen's ``@work`` methods stay one line and the jobs read top to bottom. Heavy imports (the
glossary's morphology, CTranslate2, the Argos tokenizer) happen here, inside the thread, never at
startup.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from textual.message import Message

from reader.asides import is_marked, is_translated, nearest_first
from reader.ui.messages import (
    DownloadProgress,
    ModelInstalled,
    ModelMissing,
    PassagesFound,
    PassagesTranslated,
    TermsFound,
    TranslationProgress,
)

Post = Callable[[Message], Any]
#: Passages sent to the model at a time: small, so the nearest appear first and the order can follow
#: the reader as they scroll.
BATCH_PASSAGES = 4


def find_passages(text: str, post: Post) -> None:
    """Detect the essay's passages and report the Cyrillic ones."""
    from reader.detection import detect

    post(PassagesFound([passage for passage in detect(text).passages if is_marked(passage)]))


def find_terms(glossary: Any, text: str, post: Post) -> None:
    """Annotate the essay with glossary terms (English and inflected Russian)."""
    post(TermsFound(sorted(glossary.annotate(text), key=lambda hit: hit.start)))


def translate(
    passages: Sequence[Any],
    reading_offset: Callable[[], int],
    cancel: threading.Event,
    post: Post,
) -> None:
    """Translate ``passages``: cached ones at once, then the rest nearest the reading position first.

    Without an installed ru->en model, posts :class:`ModelMissing` and returns.
    """
    from reader.translation.packages import find_ru_en

    wanted = [passage for passage in passages if is_translated(passage)]
    total = len(wanted)
    if not total:  # nothing to translate: no reason to mention models
        post(TranslationProgress(0, 0))
        return
    model = find_ru_en()
    if model is None:
        post(ModelMissing())
        return
    from reader.translation.cache import TranslationCache
    from reader.translation.engine import Cancelled, TranslationEngine, passage_translations

    engine = TranslationEngine(model, cache=TranslationCache())
    try:
        known = engine.cached([passage.text for passage in wanted])
        hits = [(passage, found) for passage, found in zip(wanted, known, strict=True) if found is not None]
        if hits:
            found_passages, found_translations = zip(*hits, strict=True)
            # The app finds glossary terms itself (it underlines them): no term ids needed here.
            no_terms = [()] * len(hits)
            post(PassagesTranslated(passage_translations(found_passages, found_translations, no_terms)))
        remaining = [passage for passage, found in zip(wanted, known, strict=True) if found is None]
        done = total - len(remaining)
        post(TranslationProgress(done, total))
        while remaining and not cancel.is_set():
            remaining = nearest_first(remaining, reading_offset())
            batch, remaining = remaining[:BATCH_PASSAGES], remaining[BATCH_PASSAGES:]
            try:
                results = engine.translate_passages(batch, cancel=cancel)
            except Cancelled:
                return
            done += len(batch)
            post(PassagesTranslated(results))
            post(TranslationProgress(done, total))
    finally:
        engine.close()


def download_model(cancel: threading.Event, post: Post) -> None:
    """Download and install the ru->en model from the package index (MissingResource when offline)."""
    from reader.translation.install import install_from_index

    model = install_from_index(
        progress=lambda done, total: post(DownloadProgress(done, total)), cancel=cancel
    )
    post(ModelInstalled(model.name))
