"""Sentences: the unit a match is shown in (its context) and the unit a quoted phrase must lie within.

A sentence ends after ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or brackets) followed by white
space, or at a blank line. No language model: this runs over every essay of the library when it is
indexed, and an abbreviation cut short ("Mr. Smith") costs only a phrase across it. Sentences longer
than :data:`MAX_SENTENCE` are cut at a line break or space, so a text without punctuation still has
contexts of readable length.
"""

from __future__ import annotations

import re

_END = re.compile(r"[.!?…]+[\"'»”’)\]]*\s+|\n[^\S\n]*\n\s*")
#: Longest sentence kept whole, in characters.
MAX_SENTENCE = 1_000


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, trimmed of surrounding white space, in order."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in [*_END.finditer(text), None]:
        end = match.start() + len(match.group().rstrip()) if match else len(text)
        _append(text, position, end, spans)
        if match:
            position = match.end()
    return spans


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = _cut(text, start, start + MAX_SENTENCE)
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


def _cut(text: str, start: int, limit: int) -> int:
    """Where to cut a long sentence before ``limit``: the last line break, else the last space."""
    for separator in ("\n", " "):
        cut = text.rfind(separator, start + 1, limit)
        if cut > start:
            return cut
    return limit
