"""The edition as data: paragraphs cut into runs, asides where passages end, notes in order of mention."""

from __future__ import annotations

from reader.detection import Passage, detect
from reader.essay.document import document_from_text
from reader.export.credits import translation_line
from reader.export.edition import build_edition
from reader.glossary import load_glossary

TEXT = (
    "The kolkhoz and the NKVD.\n\nКадры решают всё, said Stalin, and the NKVD agreed.\n\n"
    "Later the kolkhoz again: Жить стало лучше.\n"
)


def edition_of(text: str, passages: list[Passage] | None = None):
    document = document_from_text(text)
    glossary = load_glossary()
    marked = passages if passages is not None else detect(text).marked()
    return build_edition(document, marked, glossary.annotate(text), glossary.get, {}, None)


def test_runs_cover_each_paragraph_exactly_and_mark_passages_and_terms() -> None:
    edition = edition_of(TEXT)
    document = document_from_text(TEXT)
    assert len(edition.blocks) == len(document.paragraphs)
    for block, paragraph in zip(edition.blocks, document.paragraphs, strict=True):
        assert "".join(run.text for run in block.runs) == document.paragraph_text(paragraph)
    marked = [run.text for block in edition.blocks for run in block.runs if run.passage is not None]
    detected = [passage.text for passage in detect(TEXT).marked()]
    assert len(detected) == 2 and detected[0].startswith("Кадры") and detected[1].startswith("Жить")
    assert "".join(marked) == "".join(detected)
    assert [aside.text for aside in edition.asides] == detected
    assert [aside.number for aside in edition.asides] == [1, 2]
    assert all(aside.translation is None and aside.transliteration for aside in edition.asides)


def test_notes_are_numbered_by_first_mention_and_listed_once() -> None:
    edition = edition_of(TEXT)
    ids = [note.id for note in edition.notes]
    assert len(ids) == len(set(ids)) and [note.number for note in edition.notes] == list(
        range(1, len(ids) + 1)
    )
    first_mentions: list[int] = []
    for block in edition.blocks:
        for run in block.runs:
            if run.note is not None and run.note not in first_mentions:
                first_mentions.append(run.note)
    assert first_mentions == [note.number for note in edition.notes]


def test_a_passage_across_paragraphs_is_told_once_where_it_ends() -> None:
    text = "Кадры решают всё.\n\nЖить стало лучше.\n\nThe end."
    across = Passage(0, text.index("лучше") + len("лучше"), "ru", text[: text.index("лучше") + len("лучше")])
    edition = edition_of(text, [across])
    assert [len(block.asides) for block in edition.blocks] == [0, 1, 0]
    assert {run.passage for run in edition.blocks[0].runs} == {1}


def test_an_essay_without_russian_says_nothing_needed_translating() -> None:
    edition = edition_of("Only English here about the kolkhoz.\n\nAnd more English.\n")
    assert edition.asides == [] and edition.translated == 0
    assert "no Russian passage" in translation_line(edition)
