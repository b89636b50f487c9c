"""A bilingual edition of one essay, as data every format renders: paragraphs cut into runs, the aside
of each Cyrillic passage, the glossary notes, the model and the credits.

Built from what the pipeline found (passages, glossary hits, translations) by :func:`build_edition`,
with no I/O, so each renderer (:mod:`~reader.export.html`, :mod:`~reader.export.markdown`,
:mod:`~reader.export.epub`) only decides how things look. Every string here is untrusted text from the
essay or a glossary file: renderers escape all of it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol, TypeVar

from reader.detection import Passage
from reader.essay.document import Document, EssayMeta
from reader.glossary import Entry, TermHit
from reader.page.asides import Translated, glosses_in
from reader.page.transliteration import transliterate


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph: ``passage`` is the number (from 1) of the passage it is part of, ``note``
    the number (from 1) of the glossary note it links to; None when it is neither."""

    text: str
    passage: int | None = None
    note: int | None = None
    lang: str = "en"


@dataclass(frozen=True)
class Aside:
    """What accompanies one Cyrillic passage: its translation, or a transliteration and glosses."""

    number: int
    text: str
    lang: str
    translation: str | None
    suspect: bool
    transliteration: str
    glosses: tuple[str, ...]


@dataclass(frozen=True)
class Block:
    """A paragraph of the essay and the asides of the passages that end in it, in text order."""

    runs: tuple[Run, ...]
    asides: tuple[Aside, ...]


@dataclass(frozen=True)
class Note:
    """A glossary entry the essay mentions, numbered in order of first mention."""

    number: int
    id: str
    term: str
    russian: str
    gloss: str
    definition: str
    period: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ModelInfo:
    """The translation model the edition's translations came from."""

    name: str
    code: str
    version: str


@dataclass(frozen=True)
class Edition:
    """Everything an exported edition shows."""

    meta: EssayMeta
    source_name: str
    blocks: tuple[Block, ...]
    notes: tuple[Note, ...]
    model: ModelInfo | None
    #: True when the export was asked not to translate (a model may be installed).
    untranslated_by_choice: bool = False

    @property
    def asides(self) -> list[Aside]:
        return [aside for block in self.blocks for aside in block.asides]

    @property
    def translated(self) -> int:
        """How many passages carry a translation."""
        return sum(1 for aside in self.asides if aside.translation is not None)


def _non_overlapping(hits: Sequence[TermHit]) -> list[TermHit]:
    kept: list[TermHit] = []
    for hit in sorted(hits, key=lambda item: (item.start, -item.end)):
        if hit.end > hit.start and (not kept or hit.start >= kept[-1].end):
            kept.append(hit)
    return kept


def _notes(hits: Sequence[TermHit], lookup: Callable[[str], Entry | None]) -> dict[str, Note]:
    """A note per entry mentioned, numbered in order of first mention."""
    notes: dict[str, Note] = {}
    for hit in hits:
        entry = lookup(hit.id)
        if entry is None or hit.id in notes:
            continue
        sources = tuple(
            ", ".join(part for part in (source.author, source.title, str(source.year or "")) if part)
            for source in entry.sources
        )
        notes[hit.id] = Note(
            len(notes) + 1,
            entry.id,
            entry.term,
            entry.russian,
            entry.gloss,
            entry.definition,
            entry.period,
            sources,
        )
    return notes


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


SpanT = TypeVar("SpanT", bound=_Span)


def _overlapping(items: Sequence[SpanT], starts: list[int], start: int, end: int) -> list[SpanT]:
    """The items (sorted by start, not overlapping each other) that overlap ``[start, end)``."""
    index = max(bisect_left(starts, start) - 1, 0)
    found: list[SpanT] = []
    while index < len(items) and items[index].start < end:
        if items[index].end > start:
            found.append(items[index])
        index += 1
    return found


def _runs(
    text: str,
    start: int,
    end: int,
    passages: list[tuple[int, Passage]],
    hits: list[tuple[int | None, TermHit]],
) -> tuple[Run, ...]:
    cuts = {start, end}
    bounds = [(p.start, p.end) for _, p in passages] + [(hit.start, hit.end) for _, hit in hits]
    for bound in bounds:
        cuts.update(cut for cut in bound if start < cut < end)
    ordered = sorted(cuts)
    runs: list[Run] = []
    for left, right in pairwise(ordered):
        passage = next(((n, p) for n, p in passages if p.start <= left < p.end), None)
        note = next((n for n, hit in hits if hit.start <= left < hit.end), None)
        runs.append(
            Run(
                text[left:right],
                passage[0] if passage else None,
                note,
                passage[1].lang if passage else "en",
            )
        )
    return tuple(runs)


def build_edition(
    document: Document,
    passages: Sequence[Passage],
    hits: Sequence[TermHit],
    lookup: Callable[[str], Entry | None],
    translations: Mapping[int, Translated],
    model: ModelInfo | None,
    *,
    untranslated_by_choice: bool = False,
) -> Edition:
    """The edition of ``document``: ``passages`` are the marked (Cyrillic) passages, ``hits`` the
    glossary terms, ``translations`` the translated passages' translations by start offset."""
    text = document.text
    ordered = sorted(passages, key=lambda passage: passage.start)
    numbers = {passage.start: number for number, passage in enumerate(ordered, start=1)}
    terms = _non_overlapping(hits)
    notes = _notes(terms, lookup)
    glosses = glosses_in(ordered, terms, lookup)
    passage_starts = [passage.start for passage in ordered]
    hit_starts = [hit.start for hit in terms]
    blocks: list[Block] = []
    paragraphs = document.paragraphs
    for index, paragraph in enumerate(paragraphs):
        # A passage is told after the last paragraph it touches (one across paragraphs, after its end).
        told_before = paragraphs[index + 1].start if index + 1 < len(paragraphs) else len(text) + 1
        inside = _overlapping(ordered, passage_starts, paragraph.start, paragraph.end)
        found = _overlapping(terms, hit_starts, paragraph.start, paragraph.end)
        runs = _runs(
            text,
            paragraph.start,
            paragraph.end,
            [(numbers[passage.start], passage) for passage in inside],
            [(notes[hit.id].number if hit.id in notes else None, hit) for hit in found],
        )
        asides = tuple(
            _aside(numbers[passage.start], passage, translations.get(passage.start), glosses)
            for passage in inside
            if passage.end <= told_before
        )
        blocks.append(Block(runs, asides))
    return Edition(
        document.meta,
        document.path.name if document.path is not None else "",
        tuple(blocks),
        tuple(notes.values()),
        model,
        untranslated_by_choice,
    )


def _aside(
    number: int, passage: Passage, found: Translated | None, glosses: Mapping[int, Sequence[str]]
) -> Aside:
    return Aside(
        number,
        passage.text,
        passage.lang,
        found.translation if found is not None else None,
        bool(found.suspect) if found is not None else False,
        transliterate(passage.text, lang=passage.lang),
        tuple(glosses.get(passage.start, ())) if found is None else (),
    )
