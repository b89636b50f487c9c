"""Which Cyrillic language a span is written in, from letters, function words and word endings.

A general-purpose detector trained on long texts calls «Америка и Фашизм» Bulgarian: with three words there
is almost no evidence, and its priors favour whatever the training data held. Here every point of evidence
is a rule a linguist would name (see :mod:`reader.detection.langdata`), and Russian is the prior: the essays
reader opens quote Russian, so a span that gives no sign of being anything else is Russian.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from reader.detection.langdata import (
    ALPHABETS,
    CHARACTERISTIC_LETTERS,
    FUNCTION_WORDS,
    LANGUAGES,
    STRONG_FUNCTION_WORDS,
    SUFFIXES,
)
from reader.scripts import COMBINING, CYRILLIC

#: Score weights. One letter outside a language's alphabet outweighs the Russian prior, so "Київ" is
#: Ukrainian; a function word is worth a little less than a letter, an ending less again.
FOREIGN_LETTER = -3.0
FUNCTION_WORD = 1.5
SUFFIX = 0.75
RUSSIAN_PRIOR = 2.0
#: Bulgarian-only spellings (ъ before a consonant) and spellings Bulgarian never has (ь not before о).
BULGARIAN_HARD_SIGN = 2.0
NOT_BULGARIAN_SOFT_SIGN = -2.0
#: Cap on the penalty for a language whose characteristic letters are all absent.
MISSING_LETTERS_CAP = 8.0

#: Longer spans are judged on samples of their start, middle and end: evidence saturates long before.
_SAMPLE_CHARS = 1000
#: Texts up to this length have their guess memoised.
_MEMO_CHARS = 48

_INDEX = {lang: index for index, lang in enumerate(LANGUAGES)}
_ALL_LETTERS = frozenset().union(*ALPHABETS.values())
#: Each letter some alphabet lacks, with the languages lacking it (letters all seven share are skipped).
_LACKED_BY: dict[str, tuple[int, ...]] = {
    letter: tuple(_INDEX[lang] for lang in LANGUAGES if letter not in ALPHABETS[lang])
    for letter in sorted(_ALL_LETTERS)
    if any(letter not in ALPHABETS[lang] for lang in LANGUAGES)
}
#: The letters worth counting: those some alphabet lacks, plus each language's characteristic letters.
_TELLING_LETTER = re.compile(
    "["
    + "".join(sorted(set(_LACKED_BY).union(*(chars for chars, _ in CHARACTERISTIC_LETTERS.values()))))
    + "]"
)
_CHARACTERISTIC = [
    (_INDEX[lang], frozenset(letters), rate) for lang, (letters, rate) in CHARACTERISTIC_LETTERS.items()
]
_WORD = re.compile(f"[{CYRILLIC}]+")
_COMBINING_MARKS = re.compile(f"[{COMBINING}]")
_HARD_SIGN_BEFORE_CONSONANT = re.compile("ъ[бвгджзйклмнпрстфхцчшщ]")
_SOFT_SIGN_NOT_BEFORE_O = re.compile("ь(?!о)")


def _languages_by_entry(table: Mapping[str, Iterable[str]]) -> dict[str, list[int]]:
    by_entry: dict[str, list[int]] = {}
    for lang, entries in table.items():
        for entry in entries:
            by_entry.setdefault(entry, []).append(_INDEX[lang])
    return by_entry


_WORD_POINTS = {
    word: [
        (
            index,
            2 * FUNCTION_WORD if word in STRONG_FUNCTION_WORDS.get(LANGUAGES[index], ()) else FUNCTION_WORD,
        )
        for index in indexes
    ]
    for word, indexes in _languages_by_entry(FUNCTION_WORDS).items()
}
_SUFFIX_LANGS = _languages_by_entry(SUFFIXES)
_SUFFIX_LENGTHS = sorted({len(suffix) for suffix in _SUFFIX_LANGS}, reverse=True)


@dataclass(frozen=True)
class LanguageGuess:
    """The best language and its lead over the runner-up, in score points (the Russian prior alone is 2)."""

    lang: str
    margin: float
    scores: Mapping[str, float]


def identify_language(text: str) -> str:
    """ISO 639-1 code of the Cyrillic language of ``text``: ru, uk, be, bg, sr, mk or kk (ru by default)."""
    return guess_language(text).lang


def guess_language(text: str) -> LanguageGuess:
    """Score every language on ``text`` and return the best, with its margin over the runner-up.

    The text is scanned by regexes (C loops); Python only touches its words and its telling letters.
    Short texts are memoised: an essay repeats its terms (СССР, КГБ, номенклатура) many times over.
    """
    if len(text) <= _MEMO_CHARS:
        return _guess_short(text)
    return _guess(text)


@lru_cache(maxsize=4096)
def _guess_short(text: str) -> LanguageGuess:
    return _guess(text)


def _guess(text: str) -> LanguageGuess:
    sample = _COMBINING_MARKS.sub("", _sample(text).lower())
    words = _WORD.findall(sample)
    scores = [0.0] * len(LANGUAGES)
    scores[_INDEX["ru"]] = RUSSIAN_PRIOR
    _score_letters(sample, scores, sum(map(len, words)))
    _score_words(words, scores)
    ranked = sorted(range(len(LANGUAGES)), key=lambda index: (-scores[index], index))
    best, runner_up = ranked[0], ranked[1]
    return LanguageGuess(
        LANGUAGES[best],
        scores[best] - scores[runner_up],
        MappingProxyType(dict(zip(LANGUAGES, scores, strict=True))),
    )


def _sample(text: str) -> str:
    if len(text) <= 3 * _SAMPLE_CHARS:
        return text
    middle = len(text) // 2 - _SAMPLE_CHARS // 2
    return " ".join((text[:_SAMPLE_CHARS], text[middle : middle + _SAMPLE_CHARS], text[-_SAMPLE_CHARS:]))


def _score_letters(sample: str, scores: list[float], total: int) -> None:
    counts = Counter(_TELLING_LETTER.findall(sample))
    for letter, count in counts.items():
        for index in _LACKED_BY.get(letter, ()):
            scores[index] += FOREIGN_LETTER * count
    present = counts.keys()
    for index, characteristic, rate in _CHARACTERISTIC:
        if present.isdisjoint(characteristic):
            # Poisson: the log-probability of seeing none of them in ``total`` letters is -rate * total.
            scores[index] -= min(rate * total, MISSING_LETTERS_CAP)
    bulgarian = _INDEX["bg"]
    if "ъ" in counts:
        scores[bulgarian] += BULGARIAN_HARD_SIGN * len(_HARD_SIGN_BEFORE_CONSONANT.findall(sample))
    if "ь" in counts:
        scores[bulgarian] += NOT_BULGARIAN_SOFT_SIGN * len(_SOFT_SIGN_NOT_BEFORE_O.findall(sample))


def _score_words(words: list[str], scores: list[float]) -> None:
    """Function words, and the longest listed ending of each word longer than that ending plus one letter."""
    for word in words:
        for index, points in _WORD_POINTS.get(word, ()):
            scores[index] += points
        for length in _SUFFIX_LENGTHS:
            if len(word) > length + 1 and (langs := _SUFFIX_LANGS.get(word[-length:])):
                for index in langs:
                    scores[index] += SUFFIX
                break
