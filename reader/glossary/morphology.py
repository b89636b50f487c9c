"""Russian lemmas for matching inflected words (колхозов -> колхоз), via pymorphy3.

The analyser takes a noticeable fraction of a second to build, so it is created on first use, once per
process, and only when a Cyrillic word needs it. Lemmas are cached per distinct word form: an essay
repeats its vocabulary, so most look-ups are dictionary hits.
"""

from __future__ import annotations

import threading
from typing import Any

_analyzer: Any = None
_analyzer_lock = threading.Lock()
_lemma_cache: dict[str, tuple[str, ...]] = {}


def fold(word: str) -> str:
    """The form words are compared in: lower case, ё as е (Russian print usually omits the dots)."""
    return word.lower().replace("ё", "е")


def analyzer() -> Any:
    """The process-wide ``pymorphy3.MorphAnalyzer``, built on first call."""
    global _analyzer
    if _analyzer is None:
        with _analyzer_lock:
            if _analyzer is None:
                import pymorphy3

                _analyzer = pymorphy3.MorphAnalyzer()
    return _analyzer


def lemmas(word: str) -> tuple[str, ...]:
    """Every dictionary form pymorphy3 offers for a folded Cyrillic ``word``, most likely first."""
    cached = _lemma_cache.get(word)
    if cached is None:
        forms = [fold(form) for form in analyzer().normal_forms(word)]
        cached = tuple(dict.fromkeys(forms)) or (word,)
        _lemma_cache[word] = cached
    return cached


def lemma(word: str) -> str:
    """The most likely dictionary form of a folded Cyrillic ``word`` (used for headwords)."""
    return lemmas(word)[0]


def has_grammemes(word: str, grammemes: tuple[str, ...]) -> bool:
    """Whether one of pymorphy3's analyses of a folded Cyrillic ``word`` carries all ``grammemes``."""
    wanted = set(grammemes)
    return any(wanted <= parse.tag.grammemes for parse in analyzer().parse(word))
