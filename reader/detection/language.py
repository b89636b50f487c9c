"""Which Cyrillic language a span is written in, from letters, function words and word endings.

Every point of evidence here is a rule a linguist would name (see :mod:`reader.detection.langdata`), and
Russian is the prior: the essays reader opens quote Russian, so a span that gives no sign of being anything
else is Russian. On long spans the rules settle the question with a wide margin. When they do not (a
clause of a few words, often), :mod:`reader.detection.short_text` adds a Russian word list and lingua's
character n-gram models, loaded on first need. The guess says how sure it is: ``confidence`` is the
probability of the chosen language among the seven, from all the evidence weighed; when the rules decide
alone (a wide margin, or a single word, too short for n-grams) it is the logistic of their margin over the
runner-up. An unsure Russian guess is not treated as Russian
(:attr:`reader.detection.model.Passage.translated`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from reader.detection import short_text
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

#: A rule margin this wide is decided by the rules alone: no FLORES clause of another language reaches it
#: as Russian (below it, the second opinion of :mod:`reader.detection.short_text` is asked).
SURE_MARGIN = 6.0

#: Longer spans are judged on samples of their start, middle and end: evidence saturates long before.
_SAMPLE_CHARS = 1000
#: Texts up to this length have their guess memoised (essays repeat their terms and short quotes).
_MEMO_CHARS = 200

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
    """The best language, how probable it is (0..1) on all the evidence, and the rule scores."""

    lang: str
    confidence: float
    scores: Mapping[str, float]


def identify_language(text: str) -> str:
    """ISO 639-1 code of the Cyrillic language of ``text``: ru, uk, be, bg, sr, mk or kk (ru by default)."""
    return guess_language(text).lang


def guess_language(text: str, russian_context: bool = False) -> LanguageGuess:
    """Score every language on ``text`` and return the best, with how sure the guess is.

    ``russian_context`` says that the text around is surely Russian (an essay whose long passages are):
    Russian is then likelier a priori for a short, unclear passage (:data:`short_text.RUSSIAN_CONTEXT`).
    The text is scanned by regexes (C loops); Python only touches its words and its telling letters.
    Short texts are memoised: an essay repeats its terms (СССР, КГБ, номенклатура) many times over.
    """
    if len(text) <= _MEMO_CHARS:
        return _guess_short(text, russian_context)
    return _guess(text, russian_context)


@lru_cache(maxsize=4096)
def _guess_short(text: str, russian_context: bool) -> LanguageGuess:
    return _guess(text, russian_context)


def _guess(text: str, russian_context: bool) -> LanguageGuess:
    scores = rule_scores(text)
    best, margin = _best(scores)
    if margin < SURE_MARGIN and len(_WORD.findall(text, 0, 200)) >= 2:
        words = short_text.russian_words(text)
        prior = short_text.context_prior(scores, words) if russian_context else 0.0
        if short_text.russian_lead(scores, words, prior) >= short_text.CLEAR_LEAD:
            probabilities = short_text.combine(scores, words, None, prior)  # clear without n-grams
        else:
            probabilities = short_text.combine(scores, words, short_text.lingua_probabilities(text), prior)
        best = max(LANGUAGES, key=lambda lang: (probabilities[lang], -_INDEX[lang]))
        return LanguageGuess(best, probabilities[best], MappingProxyType(scores))
    if margin < SURE_MARGIN:  # one word: too little for n-grams, but the word list still helps
        unknown = short_text.russian_words(text).unknown
        scores["ru"] -= unknown * short_text.UNKNOWN_WORD / short_text.RULE_WEIGHT
        best, margin = _best(scores)
    return LanguageGuess(best, 1 / (1 + math.exp(-margin)), MappingProxyType(scores))


def _best(scores: Mapping[str, float]) -> tuple[str, float]:
    """The best-scoring language (Russian first on ties) and its lead over the runner-up."""
    ranked = sorted(LANGUAGES, key=lambda lang: (-scores[lang], _INDEX[lang]))
    return ranked[0], scores[ranked[0]] - scores[ranked[1]]


def rule_scores(text: str) -> dict[str, float]:
    """The rules' score of each language for ``text`` (higher is likelier; only differences matter)."""
    sample = _COMBINING_MARKS.sub("", _sample(text).lower())
    words = _WORD.findall(sample)
    scores = [0.0] * len(LANGUAGES)
    scores[_INDEX["ru"]] = RUSSIAN_PRIOR
    _score_letters(sample, scores, sum(map(len, words)))
    _score_words(words, scores)
    return dict(zip(LANGUAGES, scores, strict=True))


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
