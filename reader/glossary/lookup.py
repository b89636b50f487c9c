"""Find entries by what a reader types: an exact or inflected name first, then near spellings.

Exact means any name of an entry (id, term, Russian headword, transliteration, form) or any text the
matcher recognises as one whole name (колхозов, Bolsheviks', five year plans): score 100. Then
rapidfuzz's WRatio over every name tolerates typos ("nomenklatra"), and the glosses are searched
too, with less weight, so "collective farm" finds kolkhoz.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rapidfuzz import fuzz, process

from reader.glossary.model import Entry, LookupResult, TermHit
from reader.glossary.names import fold

EXACT_SCORE = 100.0
#: Best score a merely similar name can get, so an exact match always ranks first.
_NEAR_CAP = 99.0
_GLOSS_WEIGHT = 0.8
_CUTOFF = 70.0


class Lookup:
    """Names of every entry, ready for exact and fuzzy search."""

    def __init__(self, entries: Mapping[str, Entry], annotate: Callable[[str], list[TermHit]]) -> None:
        self._entries = entries
        self._annotate = annotate
        self._exact: dict[str, list[str]] = {}
        choices: dict[str, tuple[str, float]] = {}
        for entry in entries.values():
            for name in (entry.id, entry.id.replace("-", " "), *entry.names()):
                key = fold(name).strip()
                ids = self._exact.setdefault(key, [])
                if entry.id not in ids:
                    ids.append(entry.id)
                choices.setdefault(f"{entry.id}\x00{key}", (key, 1.0))
            gloss = fold(entry.gloss).strip()
            choices.setdefault(f"{entry.id}\x00gloss", (gloss, _GLOSS_WEIGHT))
        self._choice_ids = [key.split("\x00", 1)[0] for key in choices]
        self._choice_texts = [text for text, _weight in choices.values()]
        self._choice_weights = [weight for _text, weight in choices.values()]

    def search(self, query: str, limit: int = 10) -> list[LookupResult]:
        """Entries for ``query``, best first, at most ``limit`` of them."""
        folded = fold(query).strip()
        if not folded or limit <= 0:
            return []
        scores: dict[str, float] = {}
        for entry_id in self._exact.get(folded, ()):
            scores[entry_id] = EXACT_SCORE
        stripped = query.strip()
        for hit in self._annotate(stripped):
            if hit.start == 0 and hit.end == len(stripped):
                scores[hit.id] = EXACT_SCORE
        for _text, score, index in process.extract(
            folded, self._choice_texts, scorer=fuzz.WRatio, limit=None, score_cutoff=_CUTOFF
        ):
            entry_id = self._choice_ids[index]
            weighted = min(_NEAR_CAP, score * self._choice_weights[index])
            if weighted >= _CUTOFF and weighted > scores.get(entry_id, 0.0):
                scores[entry_id] = weighted
        ranked = sorted(scores.items(), key=lambda item: (-item[1], self._entries[item[0]].term.casefold()))
        return [LookupResult(self._entries[entry_id], round(score, 1)) for entry_id, score in ranked[:limit]]
