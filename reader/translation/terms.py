"""Glossary term ids per passage, remembered in the translation cache.

Loading the glossary means loading pymorphy3's dictionaries (a few hundred milliseconds), longer than
a fully cached `reader translate` takes otherwise. So term ids are cached per passage text under a
*fingerprint* of the glossary files (names, sizes, modification times of every ``*.yaml`` in each
layer, plus reader's version): editing the glossary changes the fingerprint and the terms are found
afresh. When some passages are not in the cache, :class:`PassageTerms` loads the glossary in a
background thread (:meth:`PassageTerms.start`) so that it overlaps the translation, or afterwards.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from pathlib import Path

from reader import __version__, paths
from reader.translation.cache import TranslationCache


def glossary_layers(extra_dirs: Sequence[Path] = ()) -> list[Path]:
    """The glossary's layers, lowest first, as ``reader.glossary.load_glossary`` reads them."""
    return [paths.bundled_glossary_dir(), paths.user_glossary_dir(), *extra_dirs]


def glossary_fingerprint(extra_dirs: Sequence[Path] = ()) -> str:
    """A hash that changes whenever a glossary file is added, removed or modified."""
    digest = hashlib.sha256(f"reader {__version__}".encode())
    for layer in glossary_layers(extra_dirs):
        location = Path(layer).resolve()
        digest.update(f"\0layer {location}".encode())
        files = (
            sorted(location.glob("*.yaml")) if location.is_dir() else [location] if location.is_file() else []
        )
        for file in files:
            stat = file.stat()
            digest.update(f"\0{file.name} {stat.st_size} {stat.st_mtime_ns}".encode())
    return digest.hexdigest()


class PassageTerms:
    """The term ids of each text: from the cache, else found by the glossary in a background thread.

    Call :meth:`start` before translating and :meth:`result` after to overlap the two; :meth:`result`
    alone does the work in the caller's thread.
    """

    def __init__(
        self, texts: Sequence[str], *, cache: TranslationCache | None, extra_dirs: Sequence[Path] = ()
    ) -> None:
        self._texts = list(texts)
        self._cache = cache
        self._extra_dirs = tuple(extra_dirs)
        self._fingerprint = glossary_fingerprint(self._extra_dirs)
        self._known = cache.get_terms(self._fingerprint, self._texts) if cache is not None else {}
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._done = all(text in self._known for text in self._texts)

    @property
    def needs_glossary(self) -> bool:
        """True when some text's terms are not cached, so the glossary must be loaded."""
        return not self._done

    def start(self) -> None:
        """Find the missing terms in a background thread."""
        if not self._done and self._thread is None:
            self._thread = threading.Thread(target=self._annotate, name="glossary-terms", daemon=True)
            self._thread.start()

    def _annotate(self) -> None:
        try:
            from reader.glossary import load_glossary
            from reader.translation.engine import glossary_terms

            glossary = load_glossary(self._extra_dirs)
            missing = [text for text in dict.fromkeys(self._texts) if text not in self._known]
            found = {text: glossary_terms(glossary, text) for text in missing}
            self._known.update(found)
            if self._cache is not None:
                self._cache.put_terms(self._fingerprint, found.items())
        except BaseException as exc:  # re-raised in the caller's thread by result()
            self._error = exc
        self._done = True

    def result(self) -> list[tuple[str, ...]]:
        """The term ids of each text, in order (waits for the glossary if it is still loading)."""
        if self._thread is not None:
            self._thread.join()
        elif not self._done:
            self._annotate()
        if self._error is not None:
            raise self._error
        return [self._known[text] for text in self._texts]
