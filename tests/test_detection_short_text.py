"""Language identification on short text: FLORES-200 devtest sentences cut into clauses and word windows.

FLORES sentences are long (about 20 words), and long sentences hold enough evidence for any method; quotes
in essays are often a clause. So each sentence of each language (../shared/data, skipped when absent; the
data is read from there, never copied) is cut, deterministically, into

- *clauses*: the pieces between punctuation marks (, ; : . ! ? … dashes, brackets, quotes) holding 2 to 10
  words;
- *windows*: consecutive, non-overlapping runs of n words from the sentence's start, n = 4 + (line number
  mod 7), so every length from 4 to 10 is used about as often.

Each snippet must hold two Cyrillic words or more: a lone "г" after a number ("1998 г") or "и" between two
codes is a word every one of these languages shares, not a short sentence of one of them.

A snippet is *labelled L* when the longest passage ``detect`` finds in it has ``lang == L``; it is *treated
as Russian* when that passage is translated (``Passage.translated``: Russian and sure of it). Both figures
are printed (``pytest -s``); the thresholds are on the label, the stricter of the two for other languages.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from reader.detection import Passage, detect
from reader.detection.language import guess_language
from reader.detection.segment import segment
from tests.test_detection_accuracy import OTHER_CYRILLIC, sentences

_CLAUSE_BREAK = re.compile(r"[,;:.!?…()\[\]«»\"“”„\u2013\u2014]+")
_CYRILLIC_WORD = re.compile("[\u0400-\u04ff]+")
MAX_WORDS = 10


def clauses(line: str) -> list[str]:
    """The pieces of ``line`` between punctuation marks that hold 2 to 10 words, two of them Cyrillic."""
    pieces = (" ".join(piece.split()) for piece in _CLAUSE_BREAK.split(line))
    return [piece for piece in pieces if 2 <= len(piece.split()) <= MAX_WORDS and _cyrillic_words(piece) >= 2]


def windows(line: str, number: int) -> list[str]:
    """Consecutive windows of 4 + ``number`` mod 7 words, each holding two Cyrillic words or more."""
    words = line.split()
    size = 4 + number % 7
    cuts = (" ".join(words[start : start + size]) for start in range(0, len(words) - size + 1, size))
    return [window for window in cuts if _cyrillic_words(window) >= 2]


def _cyrillic_words(text: str) -> int:
    return len(_CYRILLIC_WORD.findall(text))


@cache
def snippets(flores_dir: Path, name: str) -> tuple[str, ...]:
    found: list[str] = []
    for number, line in enumerate(sentences(flores_dir, name)):
        found += clauses(line) + windows(line, number)
    return tuple(found)


def longest_passage(text: str) -> Passage | None:
    passages = detect(text).passages
    return max(passages, key=lambda passage: passage.end - passage.start) if passages else None


def shares(texts: tuple[str, ...], lang: str) -> tuple[float, float]:
    """Share of ``texts`` labelled ``lang``, and share treated as Russian (translated)."""
    labelled = translated = 0
    for text in texts:
        passage = longest_passage(text)
        labelled += passage is not None and passage.lang == lang
        translated += passage is not None and passage.translated
    return labelled / len(texts), translated / len(texts)


def test_cutting_gives_short_snippets_of_every_length(flores_dir: Path) -> None:
    cut = snippets(flores_dir, "rus_Cyrl")
    lengths = {len(snippet.split()) for snippet in cut}
    assert lengths == set(range(2, MAX_WORDS + 1))
    assert len(cut) > 4000


@pytest.mark.parametrize("name", sorted(OTHER_CYRILLIC))
def test_short_snippets_of_other_languages_are_rarely_ru(flores_dir: Path, name: str) -> None:
    cut = snippets(flores_dir, name)
    as_ru, as_translated = shares(cut, "ru")
    as_own, _ = shares(cut, OTHER_CYRILLIC[name])
    print(
        f"\n{name}: {len(cut)} snippets, labelled ru {as_ru:.2%}, treated as Russian {as_translated:.2%},"
        f" labelled {OTHER_CYRILLIC[name]} {as_own:.2%}"
    )
    assert as_ru <= 0.01
    assert as_own >= 0.85


def test_short_russian_snippets_stay_russian(flores_dir: Path) -> None:
    cut = snippets(flores_dir, "rus_Cyrl")
    as_ru, as_translated = shares(cut, "ru")
    print(f"\nrus_Cyrl: {len(cut)} snippets, labelled ru {as_ru:.2%}, treated as Russian {as_translated:.2%}")
    assert as_ru >= 0.97
    assert as_translated >= 0.95


def test_in_a_russian_essay_short_snippets_lean_russian_within_bounds(flores_dir: Path) -> None:
    """Inside an essay whose long passages are surely Russian, a snippet with no sign of another language
    is likelier Russian (``guess_language(..., russian_context=True)``, what ``detect`` does for such an
    essay's short passages). The price, printed here: more short quotes of the other languages taken for
    Russian there. Bound: 4% for any language (it is 0.8% or less out of such an essay, tested above)."""
    for name in ["rus_Cyrl", *sorted(OTHER_CYRILLIC)]:
        cut = snippets(flores_dir, name)
        labelled = 0
        for text in cut:
            spans = segment(text).passages
            if spans:
                span = max(spans, key=lambda found: found.end - found.start)
                labelled += guess_language(text[span.start : span.end], russian_context=True).lang == "ru"
        share = labelled / len(cut)
        print(f"\nin a Russian essay, {name}: labelled ru {share:.2%}")
        assert share >= 0.99 if name == "rus_Cyrl" else share <= 0.04
