"""Words of a text and the normalised terms they are indexed and searched by.

A word is a run of letters and digits (inner apostrophes and stress marks included), found by one regex
on the original text, so every word keeps its exact offsets. Its *term* is what comparisons use: lower
case, ё as е, stress marks and apostrophes dropped; a Russian word becomes its pymorphy3 lemma (колхозов
-> колхоз) and a Latin word loses its plural or possessive ending (kulaks, kulak's -> kulak). Terms are
cached per distinct word: an essay repeats its vocabulary, and lemmatisation is the expensive step.

Terms hold letters and digits only, so a line of terms joined by spaces is split back into the same
terms by SQLite FTS5's ``ascii`` tokenizer (which treats every non-ASCII character as part of a word).
"""

from __future__ import annotations

import re
import unicodedata
from itertools import accumulate

from reader.glossary import morphology

#: A word: letters and digits, with inner apostrophes (Kul'tura, Stalin's) and combining marks (stress).
WORD = re.compile(r"([^\W_]+(?:(?:[\u0300-\u036f]+|['’ʼʹ](?=[^\W_]))[^\W_]*)*)")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_MARKS = re.compile(r"[\u0300-\u036f'’ʼʹ]")
#: Precomposed Cyrillic letters that carry a stress mark.
_STRESSED = str.maketrans({"ѐ": "е", "ѝ": "и", "ё": "е"})
_SIBILANT_STEMS = ("ss", "x", "z", "ch", "sh")


def is_cyrillic(word: str) -> bool:
    return _CYRILLIC.search(word) is not None


def fold(word: str) -> str:
    """A word as compared: NFC, lower case, ё as е, no stress marks or apostrophes."""
    if not word.isascii():
        word = unicodedata.normalize("NFC", word)
    return _MARKS.sub("", word.lower().translate(_STRESSED))


def english_stem(word: str) -> str:
    """A folded Latin word without its plural or possessive ending: a light fold, applied to the text
    and the query alike (kulaks, kulak's -> kulak; classes -> class; policies -> policy)."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        if len(word) > 4 and word.endswith("ies"):
            return word[:-3] + "y"
        if word.endswith("es") and word[:-2].endswith(_SIBILANT_STEMS):
            return word[:-2]
        return word[:-1]
    return word


def _possessive_free(word: str) -> str:
    for ending in ("'s", "’s", "ʼs"):
        if word.lower().endswith(ending):
            return word[: -len(ending)]
    return word


class _TermCache(dict[str, str]):
    """Word -> term, computed on first sight of each distinct word."""

    def __missing__(self, word: str) -> str:
        term = _term(word)
        self[word] = term
        return term


def _term(word: str) -> str:
    if is_cyrillic(word):
        return morphology.lemma(fold(word)).replace("ё", "е")
    folded = fold(_possessive_free(word))
    return english_stem(folded) if folded.isascii() and folded.isalpha() else folded


_terms = _TermCache()


def term(word: str) -> str:
    """The one term a word of a text is indexed by (a Russian word's most likely lemma)."""
    return _terms[word]


def query_terms(word: str) -> frozenset[str]:
    """The terms a query word accepts: for Russian every lemma pymorphy3 offers (стали: стать, сталь)."""
    if is_cyrillic(word):
        folded = fold(word)
        return frozenset(lemma.replace("ё", "е") for lemma in morphology.lemmas(folded))
    return frozenset({_terms[word]})


def words(text: str) -> tuple[list[str], list[int]]:
    """The words of ``text`` and the offset of each: ``text[start:start + len(word)] == word``."""
    parts = WORD.split(text)
    found = parts[1::2]
    starts = list(accumulate(map(len, parts[:-1]), initial=0))[1::2]
    return found, starts


def terms(found: list[str]) -> list[str]:
    """The term of each word."""
    return list(map(_terms.__getitem__, found))
