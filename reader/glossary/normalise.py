"""A text as the glossary matcher compares it, with a map back to the characters it came from.

Essays print stress marks (колхо́з), soft hyphens (nomen­klatura), zero-width characters, full-width
Latin and decomposed letters (и + breve for й); none of them should stop a term being found. The matcher
works on a normalised copy (NFC, stress marks and invisible characters removed, full-width Latin folded
to ASCII) and maps each hit back, so offsets index the original text and cover every original character
of the word, a stress mark included. A text with none of these characters is used as it is.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

#: Combining marks: a base character with the marks after it is normalised as one group.
_MARKS = "\u0300-\u036f\u0483-\u0489\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_INVISIBLE = "\u00ad\u200b-\u200d\u2060\ufeff"
_FULL_WIDTH = "\uff01-\uff5e"
#: Where normalisation has something to do: a combining mark (taken with the character before it), or a
#: character to drop or fold. One character class, so a text without any is scanned in one quick pass.
_SPOT = re.compile(f"[{_MARKS}{_INVISIBLE}{_FULL_WIDTH}]")
_MARK = re.compile(f"[{_MARKS}]")
_STRESS = re.compile("[\u0300\u0301]")
_DROP = re.compile(f"[{_INVISIBLE}]")
_FULL_WIDTH_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


@dataclass(frozen=True)
class _Segment:
    """Normalised text from ``norm`` on came from ``text[start:end]``; ``linear`` when copied as it was."""

    norm: int
    start: int
    end: int
    linear: bool


class OffsetMap:
    """Maps spans of a normalised text back to spans of the original."""

    def __init__(self, segments: list[_Segment]) -> None:
        self._segments = segments
        self._norms = [segment.norm for segment in segments]

    def _segment(self, position: int) -> _Segment:
        return self._segments[bisect_right(self._norms, position) - 1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalised ``[start, end)`` (``end > start``), whole characters only."""
        first = self._segment(start)
        last = self._segment(end - 1)
        begin = first.start + (start - first.norm) if first.linear else first.start
        finish = last.start + (end - last.norm) if last.linear else last.end
        return begin, finish


def _normal_group(group: str) -> str:
    group = _DROP.sub("", _STRESS.sub("", group)).translate(_FULL_WIDTH_TO_ASCII)
    return unicodedata.normalize("NFC", group)


def _spots(text: str) -> list[tuple[int, int]]:
    """The spans to normalise, in order and apart: marks with their base character, single characters."""
    spans: list[tuple[int, int]] = []
    for found in _SPOT.finditer(text):
        start, end = found.span()
        if _MARK.match(text, start) and start > 0:
            start -= 1  # the base character the mark sits on (or the mark before it, in a run)
        if spans and start < spans[-1][1]:  # joins the previous span: a run of marks, ｋ + a mark
            start = spans.pop()[0]
        spans.append((start, end))
    return spans


def normalise(text: str) -> tuple[str, OffsetMap | None]:
    """``text`` ready for matching, and the map back to it (None when nothing needed changing)."""
    spots = _spots(text)
    if not spots:
        return text, None
    pieces: list[str] = []
    segments: list[_Segment] = []
    length = copied = 0
    for start, end in spots:
        if start > copied:
            segments.append(_Segment(length, copied, start, True))
            pieces.append(text[copied:start])
            length += start - copied
        replaced = _normal_group(text[start:end])
        if replaced:
            segments.append(_Segment(length, start, end, False))
            pieces.append(replaced)
            length += len(replaced)
        copied = end
    if copied < len(text):
        segments.append(_Segment(length, copied, len(text), True))
        pieces.append(text[copied:])
    return "".join(pieces), OffsetMap(segments)
