"""Spotting degenerate machine translation, so the reader can say "this looks wrong" without hiding it.

Neural translation fails in recognisable ways: it loops on a word ("the the the the"), stutters
inside a word ("oooooooo"), emits nothing but punctuation, or runs on far past the source. Each rule
below catches one of these; the translation is kept and only marked as suspect.
"""

from __future__ import annotations

import re
from collections import Counter

#: The same word this many times in a row is a loop.
MAX_WORD_RUN = 4
#: In a translation of at least this many words, one word making up more than half is a loop too.
DOMINANT_MIN_WORDS = 8
DOMINANT_SHARE = 0.5
#: A translation longer than LENGTH_RATIO * source characters + LENGTH_SLACK has run on.
LENGTH_RATIO = 3
LENGTH_SLACK = 20

_WORD = re.compile(r"\w+(?:['’-]\w+)*")
#: One to four letters repeated six or more times in a row inside a word ("oooooo", "tototototototo").
_STUTTER = re.compile(r"([^\W\d_]{1,4}?)\1{5,}", re.IGNORECASE)


def suspect_reasons(source: str, translation: str) -> tuple[str, ...]:
    """Why ``translation`` of ``source`` looks degenerate; empty when it looks like ordinary text."""
    reasons = []
    stripped = translation.strip()
    if source.strip() and not stripped:
        reasons.append("empty")
    elif stripped and not any(char.isalnum() for char in stripped):
        reasons.append("only symbols")
    words = [word.casefold() for word in _WORD.findall(translation)]
    if _longest_run(words) >= MAX_WORD_RUN:
        reasons.append("repeated word")
    elif len(words) >= DOMINANT_MIN_WORDS and Counter(words).most_common(1)[0][1] > DOMINANT_SHARE * len(
        words
    ):
        reasons.append("one word dominates")
    if _STUTTER.search(translation):
        reasons.append("repeated letters")
    if len(stripped) > LENGTH_RATIO * len(source.strip()) + LENGTH_SLACK:
        reasons.append("far longer than the source")
    return tuple(reasons)


def is_suspect(source: str, translation: str) -> bool:
    """True when ``translation`` looks degenerate (see :func:`suspect_reasons`)."""
    return bool(suspect_reasons(source, translation))


def _longest_run(words: list[str]) -> int:
    longest = run = 0
    previous = None
    for word in words:
        run = run + 1 if word == previous else 1
        previous = word
        longest = max(longest, run)
    return longest
