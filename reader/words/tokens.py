"""The Russian words of a text, with their offsets: what the reader's word cursor steps through and what
word-by-word glosses are put under.

A word is a run of Cyrillic letters, with the stress marks and soft hyphens that may sit inside it, and
hyphenated parts joined (северо-запад, из-за). Punctuation, digits and Latin letters are not part of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from reader.scripts import CYRILLIC

_LETTERS = f"[{CYRILLIC}][{CYRILLIC}\u0300\u0301\u00ad]*"
#: One word: Cyrillic letters (stress marks and soft hyphens inside), hyphenated parts joined.
WORD = re.compile(f"{_LETTERS}(?:-{_LETTERS})*")


def words_in(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) offsets in ``text`` of every Russian word inside ``text[start:end]``."""
    for match in WORD.finditer(text, start, len(text) if end is None else end):
        yield match.start(), match.end()


def words_in_spans(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The words of each (start, end) span of ``text``, in order."""
    return [word for start, end in sorted(spans) for word in words_in(text, start, end)]
