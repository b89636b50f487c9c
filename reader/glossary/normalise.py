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
#: Where normalisation has something to do: a character with combining marks, or one to drop or fold.
_SPOT = re.compile(f"[^{_MARKS}][{_MARKS}]+|[{_MARKS}{_INVISIBLE}{_FULL_WIDTH}]", re.DOTALL)
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


def normalise(text: str) -> tuple[str, OffsetMap | None]:
    """``text`` ready for matching, and the map back to it (None when nothing needed changing)."""
    if _SPOT.search(text) is None:
        return text, None
    pieces: list[str] = []
    segments: list[_Segment] = []
    length = copied = 0
    for spot in _SPOT.finditer(text):
        if spot.start() > copied:
            segments.append(_Segment(length, copied, spot.start(), True))
            pieces.append(text[copied : spot.start()])
            length += spot.start() - copied
        replaced = _normal_group(spot.group())
        if replaced:
            segments.append(_Segment(length, spot.start(), spot.end(), False))
            pieces.append(replaced)
            length += len(replaced)
        copied = spot.end()
    if copied < len(text):
        segments.append(_Segment(length, copied, len(text), True))
        pieces.append(text[copied:])
    return "".join(pieces), OffsetMap(segments)
