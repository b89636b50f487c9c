"""Find entries by what a reader types, best first, and say nothing when nothing fits.

Each entry a query finds gets the score of the best way it was found, in tiers that never overlap:

======  ==============================================================================================
score   how the entry was found
======  ==============================================================================================
100     the query is one of its names (id, headword, transliteration, form), or the matcher reads the
        whole query as one of them (колхозов, Bolsheviks', five year plans)
95      the English words stem alike ("dekulakized" and "dekulakization", "collectivized")
90      the query is one of its ``meanings``, the English descriptions a reader may type
        ("secret police" finds the Cheka, the OGPU, the NKVD and the KGB)
80-88   a near spelling: each word of the query is within a few edits of the same word of a name
        (one edit for words of 4-7 letters, two for longer ones, none for shorter: "nomenklatra")
80      the query is a phrase of its gloss, whole words ("collective farm", "council")
82-89   a name begins with the query (at least 3 letters and half the name): the search box is searched
        as it is typed ("nomenk")
======  ==============================================================================================

Anything else is not found, so a query without an entry ("Marshall Plan", "vodka", "socialist surrealism")
gives an empty list, and the CLI says "no glossary entry matches". The tiers and the edit allowance were
tuned on the non-entry queries kept in ``tests/test_glossary_no_match.py``. Ties are broken by how the
entry was found (headword before transliteration before form), then a user overlay entry before a
curated one, then the headword's alphabetical order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rapidfuzz.distance import DamerauLevenshtein

from reader.glossary.model import Entry, LookupResult, TermHit
from reader.glossary.names import WORD, fold

EXACT_SCORE = 100.0
STEM_SCORE = 95.0
MEANING_SCORE = 90.0
GLOSS_SCORE = 80.0
#: Nothing below this is ever returned; near spellings start at 88 and lose 4 per edit.
MIN_SCORE = 75.0
_NEAR_BASE = 92.0
_NEAR_STEP = 4.0
_PREFIX_MIN = 3
#: A typed prefix counts when it is at least this share of the name ("nomenk", not "стол" for Столыпин).
_PREFIX_SHARE = 0.5
#: English endings stripped to compare stems, longest first.
_SUFFIXES = (
    *("izations", "isations", "ization", "isation", "izing", "ising", "ized", "ised", "izes", "ises"),
    *("ations", "ation", "ists", "isms", "ings", "ize", "ise", "ist", "ism", "ing", "ed", "es", "s"),
)
_STOPWORDS = frozenset({"the", "a", "an", "of", "and", "or", "in", "on", "to", "for", "with", "by"})
_HEADWORD, _TRANSLITERATION, _FORM, _OTHER = range(4)


def key(text: str) -> str:
    """A name or query as compared: folded words joined by one space (hyphens, spaces, case ignored)."""
    return " ".join(WORD.findall(fold(text)))


def stem(word: str) -> str:
    """A crude English stem: the word without its inflectional or derivational ending."""
    if not word.isascii():
        return word
    word = word.removesuffix("'s")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _allowed_edits(word: str) -> int:
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2


@dataclass(frozen=True)
class _Name:
    entry_id: str
    words: tuple[str, ...]
    kind: int


class Lookup:
    """Names, stems, meanings and glosses of every entry, ready for the tiers above."""

    def __init__(self, entries: Mapping[str, Entry], annotate: Callable[[str], list[TermHit]]) -> None:
        self._entries = entries
        self._annotate = annotate
        self._exact: dict[str, dict[str, int]] = {}
        self._stems: dict[tuple[str, ...], dict[str, int]] = {}
        self._meanings: dict[str, set[str]] = {}
        self._by_length: dict[int, list[_Name]] = {}  # names by word count, for near spellings
        self._by_start: dict[str, list[_Name]] = {}  # names by their first letters, for typed prefixes
        self._glosses = {entry.id: f" {key(entry.gloss)} " for entry in entries.values()}
        for entry in entries.values():
            for kind, name in _named(entry):
                folded = key(name)
                if not folded:
                    continue
                _keep(self._exact.setdefault(folded, {}), entry.id, kind)
                _keep(self._stems.setdefault(tuple(map(stem, folded.split())), {}), entry.id, kind)
                spelled = _Name(entry.id, tuple(folded.split()), kind)
                self._by_length.setdefault(len(spelled.words), []).append(spelled)
                self._by_start.setdefault(folded[:_PREFIX_MIN], []).append(spelled)
            for meaning in entry.meanings:
                self._meanings.setdefault(key(meaning), set()).add(entry.id)
                self._meanings.setdefault(" ".join(map(stem, key(meaning).split())), set()).add(entry.id)

    def search(self, query: str, limit: int = 10) -> list[LookupResult]:
        """Entries for ``query``, best first, at most ``limit`` of them; [] when nothing fits."""
        folded = key(query)
        if not folded or limit <= 0:
            return []
        found: dict[str, tuple[float, int]] = {}

        def offer(entry_id: str, score: float, kind: int) -> None:
            if entry_id in self._entries and (score, -kind) > _best(found.get(entry_id)):
                found[entry_id] = (score, kind)

        self._offer_exact(query, folded, offer)
        words = folded.split()
        for entry_id, kind in self._stems.get(tuple(map(stem, words)), {}).items():
            offer(entry_id, STEM_SCORE, kind)
        for meaning in (folded, " ".join(map(stem, words))):
            for entry_id in self._meanings.get(meaning, ()):
                offer(entry_id, MEANING_SCORE, _OTHER)
        self._near(words, offer)
        if any(word not in _STOPWORDS for word in words):
            for entry_id, gloss in self._glosses.items():
                if f" {folded} " in gloss:
                    offer(entry_id, GLOSS_SCORE, _OTHER)
        ranked = sorted(found.items(), key=lambda item: self._rank(item[0], *item[1]))
        return [LookupResult(self._entries[entry_id], score) for entry_id, (score, _kind) in ranked[:limit]]

    def exact(self, query: str) -> list[Entry]:
        """The entries ``query`` names exactly (what :meth:`search` scores 100), without the slower
        near-spelling tiers: for callers that want exact names only (library search)."""
        folded = key(query)
        found: dict[str, tuple[float, int]] = {}

        def offer(entry_id: str, score: float, kind: int) -> None:
            if entry_id in self._entries and (score, -kind) > _best(found.get(entry_id)):
                found[entry_id] = (score, kind)

        if folded:
            self._offer_exact(query, folded, offer)
        ranked = sorted(found.items(), key=lambda item: self._rank(item[0], *item[1]))
        return [self._entries[entry_id] for entry_id, _found in ranked]

    def _offer_exact(self, query: str, folded: str, offer: Callable[[str, float, int], None]) -> None:
        """The exact tier: a name spelled as typed, or one the matcher reads as the whole query."""
        for entry_id, kind in self._exact.get(folded, {}).items():
            offer(entry_id, EXACT_SCORE, kind)
        stripped = query.strip()
        for hit in self._annotate(stripped):
            if hit.start == 0 and hit.end == len(stripped):
                offer(hit.id, EXACT_SCORE, _OTHER)

    def _near(self, words: list[str], offer: Callable[[str, float, int], None]) -> None:
        """Near spellings (word by word) and names that begin with what has been typed so far."""
        for name in self._by_length.get(len(words), ()):
            edits = _edits(words, name.words)
            if edits is not None and edits > 0:
                offer(name.entry_id, _NEAR_BASE - _NEAR_STEP * edits, name.kind)
        typed = " ".join(words)
        if len(typed) < _PREFIX_MIN:
            return
        for name in self._by_start.get(typed[:_PREFIX_MIN], ()):
            whole = " ".join(name.words)
            share = len(typed) / len(whole)
            if share >= _PREFIX_SHARE and share < 1 and whole.startswith(typed):
                offer(name.entry_id, round(MIN_SCORE + 14.0 * share, 1), name.kind)

    def _rank(self, entry_id: str, score: float, kind: int) -> tuple[float, bool, int, str]:
        entry = self._entries[entry_id]
        return (-score, not entry.overlay, kind, entry.term.casefold())


def _named(entry: Entry) -> list[tuple[int, str]]:
    return [
        (_HEADWORD, entry.id),
        (_HEADWORD, entry.id.replace("-", " ")),
        (_HEADWORD, entry.term),
        (_HEADWORD, entry.russian),
        *((_TRANSLITERATION, name) for name in entry.transliterations),
        *((_FORM, name) for name in entry.forms),
    ]


def _keep(table: dict[str, int], entry_id: str, kind: int) -> None:
    """Record that ``entry_id`` has a name of ``kind`` here, keeping its best (lowest) kind."""
    table[entry_id] = min(kind, table.get(entry_id, kind))


def _best(current: tuple[float, int] | None) -> tuple[float, int]:
    return (-1.0, 0) if current is None else (current[0], -current[1])


def _edits(query: tuple[str, ...] | list[str], name: tuple[str, ...]) -> int | None:
    """Total edits between aligned words, or None when a word is further than its length allows."""
    total = 0
    for typed, word in zip(query, name, strict=True):
        if typed == word:
            continue
        allowed = _allowed_edits(word)
        if not allowed or not re.fullmatch(r"[^\d]+", typed):
            return None
        distance = DamerauLevenshtein.distance(typed, word, score_cutoff=allowed)
        if distance > allowed:
            return None
        total += distance
    return total
