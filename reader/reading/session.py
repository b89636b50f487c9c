"""The reading pipeline, once: file -> Document -> passages -> glossary hits -> translations.

A :class:`Session` holds one essay and the user's :class:`Settings`. It loads the document, detects the
passages, decides which are translated (:attr:`reader.detection.model.Passage.translated`, the one rule),
finds glossary terms, and yields translations: cached ones at once, then the rest nearest the reading
position first, batch by batch, with progress and cancellation. ``reader detect|annotate|translate|library``
and the app's workers are thin adapters over it; nothing else assembles model, cache and engine.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from reader.detection import Detection, Passage, detect
from reader.essay.document import Document, EssayMeta
from reader.essay.library import load_document
from reader.reading.settings import MAX_BEAM, Settings

if TYPE_CHECKING:
    from reader.glossary import Glossary, TermHit
    from reader.models.packages import InstalledModel
    from reader.translation.engine import PassageTranslation

#: Up to this much Russian text, the glossary (pymorphy3's dictionaries, ~40 MB) loads while the model
#: decodes, which then holds little beam-search memory: that hides the glossary's load time. For more
#: text it loads after the model is freed, so the two memory peaks do not add up.
OVERLAP_MAX_CHARS = 600


@dataclass(frozen=True)
class TranslationBatch:
    """Some passages' translations, and how many of the essay's ``total`` translated passages are done."""

    translations: list[PassageTranslation]
    done: int
    total: int


@dataclass(frozen=True)
class EssayStats:
    """What the library shows of an essay: its Russian (translated) passages and its length in words."""

    russian: int
    words: int


def nearest_first(passages: Iterable[Passage], offset: int) -> list[Passage]:
    """``passages`` ordered by distance from ``offset`` (the reading position); ties go forward."""

    def distance(passage: Passage) -> tuple[int, int]:
        if passage.start <= offset < passage.end:
            return 0, 0
        if passage.start >= offset:
            return passage.start - offset, 0
        return offset - passage.end, 1

    return sorted(passages, key=distance)


@dataclass
class Session:
    """One essay going through the pipeline. Cheap to make; each stage runs on first use."""

    document: Document
    settings: Settings = field(default_factory=Settings)
    #: Warnings met on the way (a cache that cannot be written): each once, for the adapter to show.
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def open(
        cls, path: Path | str, settings: Settings | None = None, meta: EssayMeta | None = None
    ) -> Session:
        """Load the essay at ``path`` (BadInput when it cannot be read as one)."""
        return cls(load_document(path, meta=meta), settings or Settings())

    # -- detection -----------------------------------------------------------------------------------
    @cached_property
    def detection(self) -> Detection:
        return detect(self.document.text)

    @property
    def passages(self) -> list[Passage]:
        """The passages the reader marks (Russian and the other Cyrillic languages)."""
        return self.detection.marked()

    @property
    def translated(self) -> list[Passage]:
        """The passages that are translated: the Russian ones."""
        return self.detection.translated()

    def stats(self) -> EssayStats:
        return EssayStats(russian=len(self.translated), words=len(self.document.text.split()))

    # -- glossary ------------------------------------------------------------------------------------
    def glossary(self) -> Glossary:
        """The curated glossary with the user's overlay and ``settings.glossary_dirs``."""
        from reader.glossary import load_glossary

        return load_glossary(self.settings.glossary_dirs)

    def terms(self, glossary: Glossary | None = None) -> list[TermHit]:
        """The glossary terms of the essay, English and Russian, by start offset."""
        found = (glossary or self.glossary()).annotate(self.document.text)
        return sorted(found, key=lambda hit: hit.start)

    # -- translation ---------------------------------------------------------------------------------
    def model(self) -> InstalledModel | None:
        """The installed ru->en model, if any."""
        from reader.models.packages import find_ru_en

        return find_ru_en()

    def translate(
        self,
        *,
        reading_offset: Callable[[], int] = lambda: 0,
        cancel: threading.Event | None = None,
        batch_passages: int | None = None,
        with_terms: bool = False,
    ) -> Iterator[TranslationBatch]:
        """Translate the translated passages: cached ones in the first batch, then the others nearest
        ``reading_offset()`` first, ``batch_passages`` at a time (all at once when None, fastest).

        Raises MissingResource before the first batch when no ru->en model is installed (unless there
        is nothing to translate). Stops quietly when ``cancel`` is set; what was translated is cached.
        With ``with_terms``, each translation carries the ids of the glossary terms in its source.
        """
        wanted = self.translated
        total = len(wanted)
        if not total:
            yield TranslationBatch([], 0, 0)
            return
        from reader.errors import BadInput, Cancelled
        from reader.models.packages import require_ru_en
        from reader.translation.cache import TranslationCache
        from reader.translation.engine import TranslationEngine, passage_translations
        from reader.translation.terms import PassageTerms

        if not 1 <= self.settings.beam_size <= MAX_BEAM:
            raise BadInput(f"beam size {self.settings.beam_size}: it must be from 1 to {MAX_BEAM}")
        model = require_ru_en()
        cache = TranslationCache()
        engine = TranslationEngine(model, beam_size=self.settings.beam_size, cache=cache)
        texts = [passage.text for passage in wanted]
        terms = (
            PassageTerms(texts, cache=cache, extra_dirs=self.settings.glossary_dirs) if with_terms else None
        )
        index_of = {passage.start: index for index, passage in enumerate(wanted)}

        def term_ids(passages: Sequence[Passage]) -> list[tuple[str, ...]]:
            if terms is None:
                return [()] * len(passages)
            found = terms.result()
            return [found[index_of[passage.start]] for passage in passages]

        try:
            self._note(cache.warnings)
            known = engine.cached(texts)
            hits = [(p, found) for p, found in zip(wanted, known, strict=True) if found is not None]
            remaining = [p for p, found in zip(wanted, known, strict=True) if found is None]
            done = len(hits)
            if hits:
                cached_passages = [passage for passage, _ in hits]
                yield TranslationBatch(
                    passage_translations(
                        cached_passages, [found for _, found in hits], term_ids(cached_passages)
                    ),
                    done,
                    total,
                )
            elif not remaining:
                yield TranslationBatch([], 0, total)
            overlap = terms is not None and sum(len(p.text) for p in remaining) <= OVERLAP_MAX_CHARS

            def start_terms(sent: int, _total: int) -> None:
                # Once the model is loaded, just before decoding: the glossary's Python work then runs
                # while decoding (which releases the GIL) rather than contending with the model load.
                if sent == 0 and terms is not None:
                    terms.start()

            while remaining:
                if cancel is not None and cancel.is_set():
                    return
                remaining = nearest_first(remaining, reading_offset())
                step = batch_passages or len(remaining)
                batch, remaining = remaining[:step], remaining[step:]
                try:
                    results = engine.translate_texts(
                        [passage.text for passage in batch],
                        cancel=cancel,
                        on_progress=start_terms if overlap else None,
                    )
                except Cancelled:
                    return
                if not remaining:
                    engine.close()  # free the model before the glossary loads, if it has not yet
                done += len(batch)
                self._note(cache.warnings)
                yield TranslationBatch(passage_translations(batch, results, term_ids(batch)), done, total)
        finally:
            engine.close()
            cache.close()

    def translate_all(self, *, with_terms: bool = False) -> list[PassageTranslation]:
        """Every translated passage's translation, in text order (one batch: the fastest way)."""
        results = [item for batch in self.translate(with_terms=with_terms) for item in batch.translations]
        return sorted(results, key=lambda item: item.start)

    def _note(self, warnings: Sequence[str]) -> None:
        self.warnings.extend(warning for warning in warnings if warning not in self.warnings)


def essay_stats(path: Path, meta: EssayMeta | None = None) -> EssayStats:
    """The library's figures for one essay (BadInput when it cannot be read)."""
    return Session.open(path, meta=meta).stats()
