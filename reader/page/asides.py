"""What the reader shows beside each Russian passage, decided from the reading state and what is known.

Per passage (by start offset), in order: its translation when translations are shown for it (a
"translating…" note while it is pending, a "⚠ suspect" note when the engine doubts it), followed by the
glosses of the glossary terms inside it when the reader wants glosses with the translation; without a
model, a transliteration and the glosses instead; and a transliteration when the reader asked for
transliterations. With the ``hidden`` placement no translation is shown (transliterations still are).
No Textual here: the app calls these and hands the result to :class:`reader.page.layout.EssayLayout`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reader.detection import Passage
from reader.page.layout import AsidePiece
from reader.page.rows import GLOSS, NOTE, TRANSLATION, TRANSLIT
from reader.page.transliteration import transliterate
from reader.reading.state import EssayState

PENDING_NOTE = "translating…"
SUSPECT_NOTE = "⚠ suspect"


@dataclass(frozen=True)
class Translated:
    """A passage's translation as the reader shows it."""

    translation: str
    suspect: bool = False


def glosses_in(
    passages: Sequence[Passage], hits: Sequence[Any], lookup: Callable[[str], Any]
) -> dict[int, tuple[str, ...]]:
    """For each passage, ``"term: gloss"`` of the glossary terms inside it (each entry once)."""
    result: dict[int, tuple[str, ...]] = {}
    index = 0
    ordered = sorted(hits, key=lambda hit: hit.start)
    for passage in sorted(passages, key=lambda p: p.start):
        while index < len(ordered) and ordered[index].start < passage.start:
            index += 1
        seen: dict[str, str] = {}
        probe = index
        while probe < len(ordered) and ordered[probe].start < passage.end:
            hit = ordered[probe]
            entry = lookup(hit.id)
            if entry is not None and hit.id not in seen:
                seen[hit.id] = f"{hit.text}: {entry.gloss}" if entry.gloss else entry.term
            probe += 1
        if seen:
            result[passage.start] = tuple(seen.values())
    return result


def build_asides(
    passages: Sequence[Passage],
    state: EssayState,
    translations: Mapping[int, Translated],
    *,
    model_missing: bool,
    glosses: Mapping[int, Sequence[str]] | None = None,
    glosses_with_translation: bool = False,
    hidden: bool = False,
) -> dict[int, tuple[AsidePiece, ...]]:
    """The aside of every passage that has one, by passage start."""
    glosses = glosses or {}
    asides: dict[int, tuple[AsidePiece, ...]] = {}
    for passage in passages:
        pieces: list[AsidePiece] = []
        shown = state.shows_translation(passage.start) and not hidden
        translit_added = False
        if shown:
            found = translations.get(passage.start)
            if found is not None:
                if found.suspect:
                    pieces.append(AsidePiece(SUSPECT_NOTE, NOTE))
                pieces.append(AsidePiece(found.translation, TRANSLATION))
                if glosses_with_translation:
                    pieces.extend(AsidePiece(gloss, GLOSS) for gloss in glosses.get(passage.start, ()))
            elif model_missing or not passage.translated:
                pieces.append(AsidePiece(transliterate(passage.text, lang=passage.lang), TRANSLIT))
                translit_added = True
                pieces.extend(AsidePiece(gloss, GLOSS) for gloss in glosses.get(passage.start, ()))
            else:
                pieces.append(AsidePiece(PENDING_NOTE, NOTE))
        if state.transliterate and not translit_added:
            pieces.append(AsidePiece(transliterate(passage.text, lang=passage.lang), TRANSLIT))
        if pieces:
            asides[passage.start] = tuple(pieces)
    return asides
