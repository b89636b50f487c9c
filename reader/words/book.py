"""Word lookups for a reading session: each word form looked up once, its short gloss cut to fit.

The reader asks about the same forms again and again (a word under the cursor, the glosses under every
word of a passage): :class:`WordBook` keeps each form's :class:`~reader.words.lookup.WordLookup`, so a
form costs one dictionary lookup per session. The glossary's lemma index is built once, from the
glossary the caller holds (or the cached index of the curated and user glossary). Nothing is loaded when
the book is made: the first lookup opens the dictionary and pymorphy3's tables.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Mapping

from reader.errors import BadInput
from reader.words.dictionary import Dictionary
from reader.words.lookup import WordLookup, look_up

#: The longest short gloss, in characters (longer ones are cut, with an ellipsis).
GLOSS_WIDTH = 14
ELLIPSIS = "…"
#: Forms kept; a session reads far fewer distinct ones.
MAX_FORMS = 50_000
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
#: Senses that are notes about a form rather than a meaning: "Prepositional of 'что'", "(possession)".
_NOTE = re.compile(r"^\(.*\)$|^(Nominative|Genitive|Dative|Accusative|Instrumental|Prepositional|Locative) ")


def short_gloss(sense: str, width: int = GLOSS_WIDTH) -> str:
    """The head of a sense, at most ``width`` characters: without its parenthesised notes (Wiktionary's
    "word (sense)"), up to the first comma or semicolon, cut with an ellipsis when still too long."""
    text = _PARENTHESES.sub("", sense).strip() or sense.strip()
    text = re.split(r"[;,]", text, maxsplit=1)[0].strip() or text
    if len(text) <= width:
        return text
    return text[: max(1, width - 1)].rstrip() + ELLIPSIS


def first_sense(found: WordLookup) -> str | None:
    """The sense a word is glossed with: the first sense of the most likely reading that has one (the
    first reading, unless the dictionary lacks it), passing over notes about the form ("Prepositional of
    'что'", "(possession)") when a meaning follows."""
    for item in found.analyses:
        if item.senses:
            return next((sense for sense in item.senses if not _NOTE.match(sense)), item.senses[0])
    return None


class WordBook:
    """Cached lookups of word forms. Safe to share between the UI thread and workers."""

    def __init__(
        self,
        glossary_ids: Callable[[], Mapping[str, str]] | None = None,
        dictionary: Dictionary | None = None,
    ) -> None:
        self._glossary_ids = glossary_ids
        self._ids: Mapping[str, str] | None = None
        self._dictionary = dictionary
        self._found: dict[str, WordLookup] = {}
        self._lock = threading.Lock()

    @property
    def ready(self) -> bool:
        """True once a lookup has succeeded: the tables are loaded and later lookups are fast."""
        return bool(self._found)

    def known(self, word: str) -> WordLookup | None:
        """The cached lookup of ``word``, never looking anything up."""
        return self._found.get(word.lower())

    def look_up(self, word: str) -> WordLookup:
        """Every reading of ``word`` (BadInput if it is not Russian, MissingResource without a usable
        dictionary), from the cache when this form was looked up before."""
        key = word.lower()
        found = self._found.get(key)
        if found is not None:
            return found
        found = look_up(word, glossary_ids=self._ids_now(), dictionary=self._dictionary)
        with self._lock:
            if len(self._found) >= MAX_FORMS:
                self._found.clear()
            self._found[key] = found
        return found

    def gloss(self, word: str, width: int = GLOSS_WIDTH) -> str:
        """The short gloss of ``word`` ("" when the dictionary has no sense for it, or the word is none the
        dictionary can take, such as a run of more than a hundred letters)."""
        try:
            found = self.look_up(word)
        except BadInput:
            return ""
        sense = first_sense(found)
        return short_gloss(sense, width) if sense else ""

    def glosses(
        self, text: str, words: Iterable[tuple[int, int]], is_cancelled: Callable[[], bool] | None = None
    ) -> dict[int, str]:
        """Word start -> short gloss, for each (start, end) word of ``text`` the dictionary explains."""
        found: dict[int, str] = {}
        for number, (start, end) in enumerate(words):
            if is_cancelled is not None and number % 64 == 0 and is_cancelled():
                break
            gloss = self.gloss(text[start:end])
            if gloss:
                found[start] = gloss
        return found

    def _ids_now(self) -> Mapping[str, str]:
        if self._ids is None:
            if self._glossary_ids is not None:
                self._ids = self._glossary_ids()
            else:
                from reader.words.glossary_index import glossary_index

                self._ids = glossary_index()
        return self._ids
