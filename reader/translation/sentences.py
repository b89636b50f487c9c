"""Sentence splitting for translation: razdel finds Russian sentence boundaries, offline and in
milliseconds (argostranslate would load stanza or a MiniSBD model for the same job).

A text is split into sentences and the gaps between them; translating each sentence and putting the
gaps back keeps the text's own spacing and line breaks around the translated sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    """One sentence of a text: ``text == source[start:end]``, never empty, never padded with spaces."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order; a text of white space only has none."""
    from razdel import sentenize

    sentences = []
    for piece in sentenize(text):
        start, end = piece.start, piece.stop
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            sentences.append(Sentence(start, end, text[start:end]))
    return sentences


def reassemble(text: str, sentences: Sequence[Sentence], translations: Sequence[str]) -> str:
    """``text`` with each sentence replaced by its translation; what lies between sentences is kept."""
    parts = []
    position = 0
    for sentence, translation in zip(sentences, translations, strict=True):
        parts.append(text[position : sentence.start])
        parts.append(translation)
        position = sentence.end
    parts.append(text[position:])
    return "".join(parts)
