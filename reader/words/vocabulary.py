"""The user's saved words: one JSON file at ``paths.vocabulary_file()``, newest last on disk.

Each :class:`SavedWord` keeps what a flash card needs: the lemma, the word as it was seen, the chosen
sense, the stressed form, the grammar of the form, the sentence it came from and that sentence's
translation when one was cached, the essay and offset, and when it was added.

The file is written atomically (a temporary file in the same folder, flushed and fsynced, then
``os.replace``), so a crash never leaves half a file. It comes from disk, so it is read with limits
(``MAX_BYTES``, ``MAX_WORDS``, field lengths); a file that breaks them, is not JSON, nests deeper than
the parser goes or has another shape is moved aside to ``vocabulary.json.corrupt-<time>`` (never
overwritten), reported once through :attr:`Vocabulary.problem`, and the vocabulary starts empty.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from reader import paths
from reader.atomic_files import UnusableStore, read_json_store, set_aside, write_json_atomically
from reader.errors import BadInput

FORMAT_VERSION = 1
#: A vocabulary of 100,000 cards fits in about 60 MB of JSON; anything bigger was not written here.
MAX_BYTES = 64 * 1024 * 1024
MAX_WORDS = 100_000
#: Longest text kept in one field (a context sentence, a translation); longer input is refused.
MAX_FIELD = 4_000


@dataclass(frozen=True)
class SavedWord:
    """One saved word. ``added`` is an ISO 8601 UTC time; ``offset`` indexes the essay's decoded text."""

    lemma: str
    word: str
    sense: str
    stressed: str
    grammar: str
    context: str = ""
    translation: str | None = None
    essay: str | None = None
    offset: int | None = None
    added: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: object) -> SavedWord:
        """A saved word from its JSON form; ValueError when it does not have the expected shape."""
        if not isinstance(data, dict):
            raise ValueError("an entry is not an object")
        values: dict[str, Any] = {}
        for spec in fields(cls):
            value = data.get(spec.name)
            if spec.name == "offset":
                if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
                    raise ValueError("an entry has a bad offset")
            elif spec.name in ("translation", "essay"):
                if value is not None and not isinstance(value, str):
                    raise ValueError(f"an entry has a bad {spec.name}")
            elif not isinstance(value, str):
                raise ValueError(f"an entry has no {spec.name}")
            if isinstance(value, str) and len(value) > MAX_FIELD:
                raise ValueError(f"an entry's {spec.name} is longer than {MAX_FIELD} characters")
            values[spec.name] = value
        return cls(**values)


def fold(text: str) -> str:
    """How lemmas and searches compare: case-insensitive, ё as е, no stress marks."""
    return text.replace("\u0301", "").replace("\u0300", "").casefold().replace("ё", "е")


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class Vocabulary:
    """The saved words of one file (the user's by default), read on creation."""

    def __init__(self, file: Path | None = None) -> None:
        self.file = file or paths.vocabulary_file()
        #: What went wrong reading the file, once, for the caller to report; None when all was well.
        self.problem: str | None = None
        self._saving = True
        self._words = self._read()

    def _read(self) -> list[SavedWord]:
        try:
            raw = read_json_store(self.file, MAX_BYTES, "a vocabulary file")
        except UnusableStore as exc:
            return self._start_fresh(exc.why)
        if raw is None:
            return []
        if not isinstance(raw, dict):
            return self._start_fresh("has an unknown shape")
        entries = raw.get("words")
        if not isinstance(entries, list) or raw.get("version") != FORMAT_VERSION:
            return self._start_fresh("has an unknown shape")
        if len(entries) > MAX_WORDS:
            return self._start_fresh(f"holds more than {MAX_WORDS} words")
        try:
            return [SavedWord.from_json(entry) for entry in entries]
        except ValueError as exc:
            return self._start_fresh(f"is damaged ({exc})")

    def _start_fresh(self, why: str) -> list[SavedWord]:
        """Move the unusable file aside (so no save overwrites it), note the problem, start empty."""
        self.problem, self._saving = set_aside(self.file, "the vocabulary", why)
        return []

    @property
    def can_save(self) -> bool:
        """False when an unusable file could not be moved aside: :meth:`save` then writes nothing."""
        return self._saving

    def words(self, search: str | None = None) -> list[SavedWord]:
        """The saved words, newest first; with ``search``, only those whose lemma, word, sense,
        context or translation contains it (case-insensitive, ё as е)."""
        found = list(reversed(self._words))
        if search:
            wanted = fold(search)
            found = [
                word
                for word in found
                if any(
                    wanted in fold(text or "")
                    for text in (word.lemma, word.word, word.sense, word.context, word.translation)
                )
            ]
        return found

    def add(self, word: SavedWord) -> SavedWord:
        """Save ``word`` (stamped with the time if it has none). The same lemma in the same sentence is
        saved once: adding it again replaces the earlier entry."""
        for name in ("context", "translation", "sense", "word", "lemma", "grammar", "stressed"):
            value = getattr(word, name)
            if value is not None and len(value) > MAX_FIELD:
                raise BadInput(f"the {name} is longer than {MAX_FIELD} characters")
        if not word.added:
            word = SavedWord(**{**asdict(word), "added": now()})
        key = (fold(word.lemma), word.context)
        kept = [old for old in self._words if (fold(old.lemma), old.context) != key]
        if len(kept) >= MAX_WORDS:
            raise BadInput(f"{self.file}: the vocabulary already holds {MAX_WORDS} words")
        self._words = [*kept, word]
        return word

    def remove(self, lemma: str) -> int:
        """Forget every saved word with this lemma; the number removed."""
        key = fold(lemma)
        kept = [word for word in self._words if fold(word.lemma) != key]
        removed = len(self._words) - len(kept)
        self._words = kept
        return removed

    def remove_entry(self, word: SavedWord) -> bool:
        """Forget this one saved word (the same lemma saved from other sentences stays); True if it was
        there."""
        kept = [old for old in self._words if old != word]
        removed = len(kept) != len(self._words)
        self._words = kept
        return removed

    def save(self) -> None:
        """Write the file atomically. Does nothing when an unusable file could not be moved aside
        (saving would destroy it); an unwritable folder raises OSError."""
        if not self._saving:
            return
        payload = {"version": FORMAT_VERSION, "words": [word.to_json() for word in self._words]}
        write_json_atomically(self.file, payload)
