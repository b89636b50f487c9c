"""The translation engine: Russian passages to English, with CTranslate2 on an Argos package's model.

Why not argostranslate's own pipeline: it translates paragraph by paragraph in 32-token batches, and
its sentence splitter imports stanza and torch (seconds before the first word). Here every uncached
sentence of a request goes to the model in ONE ``translate_batch`` call (sorted by length, so batches
are padded little), sentences are split with razdel, and each result is cached on disk.

Output equals argostranslate's for the same package and beam size, sentence by sentence: the same
tokenizer (``argostranslate.tokenizer``, chosen as ``Package.tokenizer`` does), the same decoding options
(:data:`DECODING_OPTIONS`, ``beam_size``, ``num_hypotheses=1``, the package's ``target_prefix``) and
the same detokenisation (prefix stripped, one leading space dropped). argostranslate then joins a
paragraph's sentences with spaces; the engine puts each translated sentence where its source was,
keeping the text's own spacing.

The engine is made cheaply and loads the model on first use, once, under a lock; it is meant to be
called from a worker thread. Progress and cancellation work in chunks of :data:`CHUNK_SENTENCES`.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from reader.detection.model import Passage
from reader.errors import BadInput, Cancelled
from reader.models.packages import InstalledModel, require_ru_en
from reader.translation.cache import TranslationCache
from reader.translation.quality import is_suspect
from reader.translation.sentences import Sentence, reassemble, split_sentences

#: Decoding options argostranslate passes to ``translate_batch`` (translate.py, apply_packaged_translation).
DECODING_OPTIONS: dict[str, Any] = {
    "replace_unknowns": True,
    "length_penalty": 0.2,
    "num_hypotheses": 1,
    "return_scores": True,
}
#: Batching: CTranslate2 splits the one call into batches of at most this many source tokens (sorted by
#: length). Beam search memory grows with the tokens in flight (key/value caches of every beam, ~1 MB
#: per beam on an Argos-sized model). Measured (tests/benchmarks/bench_translate.py): 128 keeps
#: `reader translate` of the bundled essay near 220 MB, and stays within ~10% of one big batch.
MAX_BATCH_TOKENS = 128
#: CTranslate2 workers (model replicas sharing one copy of the weights), one thread each. Measured on
#: 2 cores: one sentence translates ~2x faster on one thread than on two, and a request split into
#: one batch per worker ~1.5x faster than one batch on two threads; outputs are identical.
WORKERS = max(1, min(os.cpu_count() or 1, 4))
#: With a cancel event or progress callback, sentences go to the model this many at a time.
CHUNK_SENTENCES = 64

ProgressCallback = Callable[[int, int], None]


class _Annotator(Protocol):
    def annotate(self, text: str) -> Sequence[Any]: ...


@dataclass(frozen=True)
class TextTranslation:
    """One text and its translation. ``cached``: every sentence came from the cache. ``suspect``: some
    sentence's translation looks degenerate (see :mod:`reader.translation.quality`)."""

    source: str
    translation: str
    cached: bool
    suspect: bool


@dataclass(frozen=True)
class PassageTranslation:
    """A detected passage with its translation and the ids of the glossary terms in its source."""

    start: int
    end: int
    lang: str
    text: str
    translation: str
    cached: bool
    suspect: bool
    terms: tuple[str, ...]
    lang_confidence: float = 1.0

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "lang": self.lang,
            "lang_confidence": self.lang_confidence,
            "text": self.text,
            "translation": self.translation,
            "cached": self.cached,
            "suspect": self.suspect,
            "terms": list(self.terms),
        }


class TranslationEngine:
    """Translates Russian texts with one installed Argos package. Thread-safe; the model loads lazily."""

    def __init__(
        self,
        model: InstalledModel,
        *,
        beam_size: int = 4,
        cache: TranslationCache | None = None,
        device: str = "cpu",
    ) -> None:
        if beam_size < 1:
            raise ValueError("beam_size must be at least 1")
        self.model = model
        self.beam_size = beam_size
        self.cache = cache
        self.device = device
        self._load_lock = threading.Lock()
        self._translator: Any = None
        self._tokenizer: Any = None

    @classmethod
    def for_installed(cls, *, beam_size: int = 4, cache: TranslationCache | None = None) -> TranslationEngine:
        """An engine on the installed ru->en package (MissingResource if there is none), with the
        user's on-disk cache unless ``cache`` is given."""
        return cls(require_ru_en(), beam_size=beam_size, cache=cache or TranslationCache())

    @property
    def namespace(self) -> str:
        """The cache namespace: everything that changes the output for a given sentence."""
        options = ",".join(f"{name}={value}" for name, value in sorted(DECODING_OPTIONS.items()))
        return (
            f"{self.model.code}|{self.model.version}|beam={self.beam_size}|{options}"
            f"|prefix={self.model.target_prefix}"
        )

    # -- loading -------------------------------------------------------------------------------------

    def _load(self) -> tuple[Any, Any]:
        """The CTranslate2 translator and the package tokenizer, loaded once."""
        with self._load_lock:
            if self._translator is None:
                import ctranslate2

                tokenizer = package_tokenizer(self.model)
                try:
                    self._translator = ctranslate2.Translator(
                        str(self.model.path / "model"),
                        device=self.device,
                        compute_type="auto",
                        inter_threads=WORKERS,
                        intra_threads=1,
                    )
                except (RuntimeError, ValueError, OSError) as exc:
                    raise BadInput(
                        f"{self.model.path / 'model'}: CTranslate2 cannot load the model ({exc}); "
                        "reinstall the package with `reader models install`"
                    ) from None
                self._tokenizer = tokenizer
            return self._translator, self._tokenizer

    # -- translating ---------------------------------------------------------------------------------

    def cached(self, texts: Sequence[str]) -> list[TextTranslation | None]:
        """The translations the cache already holds (None for a text with any uncached sentence).
        Never loads the model: the app shows these at once."""
        split = [split_sentences(text) for text in texts]
        known = self._lookup({s.text for sentences in split for s in sentences})
        results: list[TextTranslation | None] = []
        for text, sentences in zip(texts, split, strict=True):
            if all(s.text in known for s in sentences):
                results.append(self._assemble(text, sentences, known, cached=True))
            else:
                results.append(None)
        return results

    def translate_texts(
        self,
        texts: Sequence[str],
        *,
        cancel: threading.Event | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> list[TextTranslation]:
        """Translate ``texts``: cached sentences from the cache, all the others in one batch.

        ``on_progress(done, total)`` counts sentences sent to the model. Raises :class:`Cancelled`
        when ``cancel`` is set (checked between chunks).
        """
        split = [split_sentences(text) for text in texts]
        unique = list(dict.fromkeys(s.text for sentences in split for s in sentences))
        known = self._lookup(set(unique))
        missing = [sentence for sentence in unique if sentence not in known]
        if missing:
            known.update(self._translate_sentences(missing, cancel=cancel, on_progress=on_progress))
        elif on_progress is not None:
            on_progress(0, 0)
        fresh = set(missing)
        return [
            self._assemble(text, sentences, known, cached=not any(s.text in fresh for s in sentences))
            for text, sentences in zip(texts, split, strict=True)
        ]

    def translate_passages(
        self,
        passages: Sequence[Passage],
        *,
        glossary: _Annotator | None = None,
        cancel: threading.Event | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> list[PassageTranslation]:
        """Translate detected passages; with a glossary, report the ids of the terms each source holds."""
        translations = self.translate_texts(
            [passage.text for passage in passages], cancel=cancel, on_progress=on_progress
        )
        terms = [glossary_terms(glossary, passage.text) for passage in passages]
        return passage_translations(passages, translations, terms)

    def close(self) -> None:
        """Free the model and the cache's connection (the cache reopens itself if used again)."""
        with self._load_lock:
            self._translator = None
            self._tokenizer = None
        if self.cache is not None:
            self.cache.close()

    # -- internals -----------------------------------------------------------------------------------

    def _lookup(self, sentences: set[str]) -> dict[str, str]:
        if self.cache is None or not sentences:
            return {}
        return self.cache.get_many(self.namespace, list(sentences))

    def _assemble(
        self, text: str, sentences: list[Sentence], known: dict[str, str], *, cached: bool
    ) -> TextTranslation:
        translations = [known[s.text] for s in sentences]
        suspect = any(is_suspect(s.text, t) for s, t in zip(sentences, translations, strict=True))
        return TextTranslation(
            source=text,
            translation=reassemble(text, sentences, translations),
            cached=cached,
            suspect=suspect,
        )

    def _translate_sentences(
        self,
        sentences: list[str],
        *,
        cancel: threading.Event | None,
        on_progress: ProgressCallback | None,
    ) -> dict[str, str]:
        """Translate distinct sentences, shortest first; each chunk is cached as soon as it is done."""
        if cancel is not None and cancel.is_set():
            raise Cancelled("translation cancelled")
        translator, tokenizer = self._load()
        tokenized = [tokenizer.encode(sentence) for sentence in sentences]
        order = sorted(range(len(sentences)), key=lambda index: len(tokenized[index]))
        chunked = cancel is not None or on_progress is not None
        step = CHUNK_SENTENCES if chunked else len(order)
        results: dict[str, str] = {}
        if on_progress is not None:
            on_progress(0, len(order))
        for first in range(0, len(order), step):
            if cancel is not None and cancel.is_set():
                raise Cancelled("translation cancelled")
            chunk = order[first : first + step]
            decoded = self._run_batch(translator, tokenizer, [tokenized[index] for index in chunk])
            done = {sentences[index]: text for index, text in zip(chunk, decoded, strict=True)}
            results.update(done)
            if self.cache is not None:
                self.cache.put_many(self.namespace, done.items())
            if on_progress is not None:
                on_progress(len(results), len(order))
        return results

    def _run_batch(self, translator: Any, tokenizer: Any, tokenized: list[list[str]]) -> list[str]:
        """One ``translate_batch`` call with argostranslate's options; detokenised as argostranslate does."""
        prefix = self.model.target_prefix
        # At least one batch per worker (they run in parallel), none bigger than MAX_BATCH_TOKENS
        # unless a single sentence is.
        per_worker = -(-sum(len(tokens) for tokens in tokenized) // WORKERS)
        longest = max(len(tokens) for tokens in tokenized)
        outputs = translator.translate_batch(
            tokenized,
            target_prefix=[[prefix]] * len(tokenized) if prefix else None,
            max_batch_size=max(longest, min(MAX_BATCH_TOKENS, per_worker)),
            batch_type="tokens",
            beam_size=self.beam_size,
            **DECODING_OPTIONS,
        )
        return [detokenize(tokenizer, output.hypotheses[0], prefix) for output in outputs]


def package_tokenizer(model: InstalledModel) -> Any:
    """The package's tokenizer, chosen as ``argostranslate.package.Package`` chooses it (sentencepiece
    model first, else BPE), from ``argostranslate.tokenizer``: the very classes argostranslate uses,
    without importing ``argostranslate.package`` (its networking imports cost ~11 MB and ~40 ms)."""
    from argostranslate.tokenizer import BPETokenizer, SentencePieceTokenizer

    if (model.path / "sentencepiece.model").exists():
        return SentencePieceTokenizer(model.path / "sentencepiece.model")
    if (model.path / "bpe.model").exists():
        return BPETokenizer(model.path / "bpe.model", model.from_code, model.to_code)
    raise BadInput(f"{model.path}: the package has no sentencepiece.model or bpe.model")


def passage_translations(
    passages: Sequence[Passage], translations: Sequence[TextTranslation], terms: Sequence[tuple[str, ...]]
) -> list[PassageTranslation]:
    """Pair each passage with its translation and its glossary term ids."""
    return [
        PassageTranslation(
            start=passage.start,
            end=passage.end,
            lang=passage.lang,
            lang_confidence=passage.lang_confidence,
            text=passage.text,
            translation=translation.translation,
            cached=translation.cached,
            suspect=translation.suspect,
            terms=passage_terms,
        )
        for passage, translation, passage_terms in zip(passages, translations, terms, strict=True)
    ]


def detokenize(tokenizer: Any, tokens: list[str], target_prefix: str) -> str:
    """Tokens to text as ``argostranslate.translate.apply_packaged_translation`` does it."""
    value = tokenizer.decode(tokens)
    if target_prefix and value.startswith(target_prefix):
        value = value[len(target_prefix) :]
    if value.startswith(" "):
        value = value[1:]
    return value


def glossary_terms(glossary: _Annotator | None, text: str) -> tuple[str, ...]:
    """The distinct ids of the glossary terms found in ``text``, in order of first appearance."""
    if glossary is None:
        return ()
    return tuple(dict.fromkeys(hit.id for hit in glossary.annotate(text)))
