"""A second opinion on short or unclear Cyrillic text: a Russian word list and character n-gram statistics.

The rules of :mod:`reader.detection.language` settle long passages, where letters and function words add
up. On a clause of a few words they often have nothing to go on ("Ми живемо в одному будинку." holds no
letter Russian lacks), and their Russian prior then calls Ukrainian, Bulgarian or Macedonian Russian.
Two sources of evidence help there, each loaded on first use only (never at start-up):

- **The Russian word list** of pymorphy3's dictionary (a dependency already, for word analysis; about
  0.1 s and 30 MB to load): a lower-case word that is no form of any Russian word ("живемо", "дзе",
  "денеска") is strong evidence against Russian (capitalised unknown words are skipped: they are often
  names), a long word that is one is weak evidence for it, and so is grammar: a noun after a preposition in
  a case Russian forbids there ("полета от Африка": Russian "от" takes the genitive) counts against it.
- **lingua** (lingua-language-detector), a detector built for short text from character 1- to 5-gram
  models, restricted to the seven Cyrillic languages here. Its models cost 1.1 to 3.5 s (idle or busy
  machine) and about 190 MB to load (``tests/benchmarks/bench_detection.py`` measures both), so it is asked
  only about passages of two words or more that the rules leave unsettled, and not when Russian is already
  :data:`CLEAR_LEAD` ahead (on the evaluation lingua never overturns such a lead).

A third, weaker piece of evidence is the essay: when its long passages are surely Russian, a short passage
that shows no sign of another language gets a prior for Russian (:func:`context_prior`).

:func:`combine` adds the three: ``RULE_WEIGHT`` times the rule scores, the natural log of lingua's
probability, the word-list evidence for Russian, and a small handicap for Russian, whose prior the rule
scores already hold. The result is turned into probabilities (a softmax), whose largest is the passage's
``lang_confidence``. The weights were chosen on the short-text evaluation of
``tests/test_detection_short_text.py`` (FLORES-200 devtest; there is no separate tuning set), so its figures
are somewhat optimistic for text from elsewhere.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reader.detection.langdata import LANGUAGES
from reader.scripts import CYRILLIC

#: Weight of the rule scores against lingua's log-probabilities (a rule point is worth less than a nat).
RULE_WEIGHT = 0.45
#: Taken from Russian's combined score for each lower-case word that is no Russian word form.
UNKNOWN_WORD = 0.9
#: Taken from Russian's combined score for each noun after a preposition in a case Russian forbids there.
MISFIT = 1.5
#: Added to Russian's combined score for each long word that is a Russian word form.
KNOWN_LONG_WORD = 0.3
#: Words shorter than this are not looked up; words this long or longer count as long.
MIN_WORD_LETTERS = 3
LONG_WORD_LETTERS = 5
#: Added to Russian's combined score: negative, because the rule scores already hold the Russian prior.
RUSSIAN_HANDICAP = -1.0
#: A Russian lead this large before lingua is asked is never overturned by it on the short-text
#: evaluation: lingua is not asked (nor loaded).
CLEAR_LEAD = 2.0
#: Added to Russian when the text around is surely Russian (an essay quoting Russian at length).
RUSSIAN_CONTEXT = 2.0
#: Floor under lingua's probabilities, so that one language it rules out can still win on letters.
PROBABILITY_FLOOR = 1e-3

_WORD = re.compile(f"[{CYRILLIC}]+(?:['’ʼ][{CYRILLIC}]+)*")
_LINGUA_NAMES = {
    "ru": "RUSSIAN",
    "uk": "UKRAINIAN",
    "be": "BELARUSIAN",
    "bg": "BULGARIAN",
    "sr": "SERBIAN",
    "mk": "MACEDONIAN",
    "kk": "KAZAKH",
}
_LOCK = threading.Lock()


@dataclass(frozen=True)
class WordCounts:
    """Words of a text checked against the Russian word list and Russian grammar."""

    known_long: int
    unknown: int
    misfits: int = 0


#: The cases each common Russian preposition governs. Bulgarian and Macedonian have no noun cases, so their
#: "президент на САЩ", "полета от Африка" put a noun after a preposition in a case Russian forbids there.
GOVERNED_CASES: dict[str, frozenset[str]] = {
    **dict.fromkeys(("на", "в", "во"), frozenset({"accs", "acc2", "loct", "loc2"})),
    **dict.fromkeys(("от", "до", "из", "для", "без", "у"), frozenset({"gent", "gen2"})),
    **dict.fromkeys(("с", "со"), frozenset({"gent", "gen2", "accs", "ablt"})),
    "за": frozenset({"accs", "ablt"}),
    "по": frozenset({"datv", "accs", "loct"}),
    **dict.fromkeys(("о", "об"), frozenset({"loct", "accs"})),
    "при": frozenset({"loct"}),
    **dict.fromkeys(("к", "ко"), frozenset({"datv"})),
}


def russian_words(text: str) -> WordCounts:
    """Long words of ``text`` that are Russian word forms, and lower-case words that are not.

    Words of fewer than :data:`MIN_WORD_LETTERS` letters are skipped (abbreviations: гг, км), and so are
    capitalised words not in the list (names); a capitalised word in the list counts (a sentence's first).
    """
    known = _russian_word_test()
    known_long = unknown = misfits = 0
    previous = ""
    for word in _WORD.findall(text):
        governed = GOVERNED_CASES.get(previous)
        previous = word.lower()
        if governed is not None and _misfit(word, governed):
            misfits += 1
        if len(word) < MIN_WORD_LETTERS:
            continue
        if known(word):
            known_long += len(word) >= LONG_WORD_LETTERS
        elif word[0].islower():
            unknown += 1
    return WordCounts(known_long, unknown, misfits)


def _misfit(word: str, governed: frozenset[str]) -> bool:
    """Whether ``word``, a Russian noun or adjective form after a preposition, can be in none of the cases
    the preposition governs (words the list does not know, and words that may be no noun, are given the
    benefit of the doubt)."""
    parses = _analyzer().parse(word)
    if not parses or not _russian_word_test()(word):
        return False
    cases = [parse.tag.case for parse in parses]
    return None not in cases and governed.isdisjoint(cases)


def lingua_probabilities(text: str) -> dict[str, float]:
    """lingua's probability of each of the seven languages for ``text`` (they sum to 1)."""
    detector, languages = _lingua()
    values = detector.compute_language_confidence_values(text)
    return {languages[value.language]: value.value for value in values}


def combine(
    rule_scores: Mapping[str, float],
    words: WordCounts,
    probabilities: Mapping[str, float] | None,
    russian_prior: float = 0.0,
) -> dict[str, float]:
    """Probability of each language from the rule scores, the Russian word list, lingua's opinion (None:
    not asked, every language even) and a prior for Russian from the text around."""
    combined = {
        lang: RULE_WEIGHT * rule_scores[lang]
        + (math.log(probabilities.get(lang, 0.0) + PROBABILITY_FLOOR) if probabilities is not None else 0.0)
        for lang in LANGUAGES
    }
    combined["ru"] += _russian_words_evidence(words) + russian_prior
    return softmax(combined)


def russian_lead(rule_scores: Mapping[str, float], words: WordCounts, russian_prior: float = 0.0) -> float:
    """How far Russian leads the best other language before lingua is asked (in nats)."""
    others = max(RULE_WEIGHT * score for lang, score in rule_scores.items() if lang != "ru")
    return RULE_WEIGHT * rule_scores["ru"] + _russian_words_evidence(words) + russian_prior - others


def context_prior(rule_scores: Mapping[str, float], words: WordCounts) -> float:
    """The Russian prior a surely Russian essay lends a short passage of its own: only to one that shows no
    sign of another language (no rule point for one, every word a Russian form in a case Russian allows)."""
    if words.unknown or words.misfits or any(s > 0 for lang, s in rule_scores.items() if lang != "ru"):
        return 0.0
    return RUSSIAN_CONTEXT


def _russian_words_evidence(words: WordCounts) -> float:
    return (
        KNOWN_LONG_WORD * words.known_long
        - UNKNOWN_WORD * words.unknown
        - MISFIT * words.misfits
        + RUSSIAN_HANDICAP
    )


def softmax(scores: Mapping[str, float]) -> dict[str, float]:
    """Scores (log-odds) to probabilities that sum to 1."""
    top = max(scores.values())
    weights = {lang: math.exp(score - top) for lang, score in scores.items()}
    total = sum(weights.values())
    return {lang: weight / total for lang, weight in weights.items()}


def preload() -> None:
    """Load the word list and lingua's models now (1.2 to 4 s): for a worker thread, so that the first
    short passage later does not wait for them."""
    russian_words("проверка")
    lingua_probabilities("Проверка связи")


def lingua_loaded() -> bool:
    """Whether lingua's detector has been built in this process (for benchmarks and tests)."""
    return _lingua.cache_info().currsize > 0


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3  # lazy: about 0.1 s, only once a short passage needs it

    with _LOCK:
        return pymorphy3.MorphAnalyzer()


def _russian_word_test() -> Any:
    return _analyzer().word_is_known


@lru_cache(maxsize=1)
def _lingua() -> tuple[Any, dict[Any, str]]:
    import lingua  # lazy: its models load on the first question, 1.2 to 4 s

    with _LOCK:
        languages = {getattr(lingua.Language, name): lang for lang, name in _LINGUA_NAMES.items()}
        _load_models_in_steps(lingua, list(languages))
        detector = lingua.LanguageDetectorBuilder.from_languages(*languages).build()
        return detector, languages


#: Enough letters for lingua to load every n-gram length of a language's model.
_WARM_UP_TEXT = "проверка связи"


def _load_models_in_steps(lingua: Any, languages: list[Any]) -> None:
    """Load lingua's models two languages at a time, pausing between steps.

    Loading holds the interpreter lock for as long as it takes (1.2 s for all seven languages at once),
    which would freeze the app's screen while a worker detects; in steps of about 0.2 s, with the lock let
    go between them, the screen keeps answering. The models are shared by every detector afterwards.
    """
    first, *others = languages
    for other in sorted(others, key=lambda language: language.name != "MACEDONIAN"):  # the smallest first
        lingua.LanguageDetectorBuilder.from_languages(
            first, other
        ).build().compute_language_confidence_values(_WARM_UP_TEXT)
        time.sleep(0.005)  # lets the event loop's thread take the lock between two steps
