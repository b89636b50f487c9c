"""What the app keeps for word lookups and the vocabulary, shared by every screen: one cache of looked-up
word forms and one vocabulary store, both made on first use (nothing here loads at start-up).

Saving runs in worker threads and the vocabulary screen reads on the UI thread, so every change to the
store goes through :meth:`WordServices.save` under one lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.glossary import Glossary
    from reader.words.book import WordBook
    from reader.words.vocabulary import SavedWord, Vocabulary


class WordServices:
    """The word book (lookups of the glossary the app uses) and the user's vocabulary."""

    def __init__(
        self,
        glossary: Callable[[], Glossary],
        report: Callable[[str], None],
        *,
        extra_glossaries: bool = False,
    ) -> None:
        self._glossary = glossary
        self._extra_glossaries = extra_glossaries
        self._report = report
        #: Word-by-word glosses are shown (``w``): kept for the session, from essay to essay.
        self.show_glosses = False
        self._book: WordBook | None = None
        self._vocabulary: Vocabulary | None = None
        self._lock = threading.Lock()

    @property
    def book(self) -> WordBook:
        """Cached word lookups; the dictionary opens on the first lookup (call that from a worker)."""
        with self._lock:
            if self._book is None:
                from reader.words.book import WordBook

                self._book = WordBook(glossary_ids=self._glossary_ids)
            return self._book

    def _glossary_ids(self) -> Mapping[str, str]:
        """Which lemmas are glossary terms: the index ``reader word`` keeps in the user's cache (rebuilt
        when a glossary file changes) for the curated and user glossary, which takes milliseconds, where
        indexing the app's glossary takes a third of a second; that only with ``--glossary`` folders."""
        from reader.words.glossary_index import build_index, glossary_index

        if self._extra_glossaries:
            return build_index(self._glossary())
        return glossary_index()

    @property
    def vocabulary(self) -> Vocabulary:
        """The user's vocabulary, read on first use; a damaged file is moved aside and reported once."""
        with self._lock:
            if self._vocabulary is None:
                from reader.words.vocabulary import Vocabulary

                self._vocabulary = Vocabulary()
                if self._vocabulary.problem:
                    self._report(self._vocabulary.problem)
            return self._vocabulary

    def words(self, search: str | None = None) -> list[SavedWord]:
        vocabulary = self.vocabulary
        with self._lock:
            return vocabulary.words(search)

    def save(self, word: SavedWord) -> SavedWord:
        """Add ``word`` and write the file (OSError when it cannot be written, or when a damaged file
        could not be moved aside, so that nothing may be written this session)."""
        vocabulary = self._writable()
        with self._lock:
            saved = vocabulary.add(word)
            vocabulary.save()
            return saved

    def remove(self, word: SavedWord) -> None:
        """Forget ``word`` (this one entry, not every entry of its lemma) and write the file."""
        vocabulary = self._writable()
        with self._lock:
            vocabulary.remove_entry(word)
            vocabulary.save()

    def _writable(self) -> Vocabulary:
        vocabulary = self.vocabulary
        if not vocabulary.can_save:
            raise OSError(f"{vocabulary.file} could not be moved aside; nothing is saved this session")
        return vocabulary
