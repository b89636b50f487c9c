"""What a Russian word form can be: its lemmas, most likely first, each with its grammar in plain English.

The query is normalised first (NFC, stress marks removed, lower case); pymorphy3's parses of it come from
:mod:`reader.words.forms` when the form is in pymorphy3's dictionary, else from pymorphy3 itself (one
analyser per process, shared with the glossary), and are grouped per lexeme: ``стали`` is a form of the
verb стать and of the noun сталь, and each is one :class:`Reading`.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from reader.errors import BadInput
from reader.safe_text import one_line
from reader.words import grammar
from reader.words.forms import Parse, form_table

#: Combining acute and grave accents: stress marks in dictionaries and textbooks (за́мок, что̀).
_STRESS_MARKS = dict.fromkeys((0x0301, 0x0300))
#: Characters a word may contain besides Cyrillic letters (a hyphen: северо-запад, из-за).
_JOINERS = "-"
#: Longer than any Russian word (the longest dictionary words have about 35 letters).
MAX_WORD = 100


class Reading(NamedTuple):
    """One lexeme a form belongs to: ``lemma`` as pymorphy3 gives it (lower case, ё kept), the lemma's
    part of speech in English, and each matching form's grammar, most likely first."""

    lemma: str
    pos: str
    grammar: tuple[str, ...]
    tags: tuple[str, ...]
    score: float


def normalise(word: str) -> str:
    """``word`` as looked up: NFC, without stress marks or surrounding space, original case kept."""
    text = unicodedata.normalize("NFD", word.strip()).translate(_STRESS_MARKS)
    return unicodedata.normalize("NFC", text).replace("\u00ad", "")  # soft hyphens too


def is_cyrillic_letter(char: str) -> bool:
    return "\u0400" <= char <= "\u052f" or "\u1c80" <= char <= "\u1c8f" or "\ua640" <= char <= "\ua69f"


def check_word(word: str, original: str) -> None:
    """Refuse anything but Cyrillic letters and hyphens, and anything longer than ``MAX_WORD``."""
    if len(word) > MAX_WORD:
        raise BadInput(f"{one_line(original, 40)!r} is not a Russian word (longer than {MAX_WORD} letters)")
    if not word or not any(is_cyrillic_letter(char) for char in word):
        raise BadInput(f"{one_line(original)!r} is not a Russian word (no Cyrillic letters)")
    stray = next((char for char in word if not (is_cyrillic_letter(char) or char in _JOINERS)), None)
    if stray is not None:
        raise BadInput(f"{one_line(original)!r} is not a Russian word (it contains {stray!r})")


def parses(word: str) -> list[Parse]:
    """pymorphy3's parses of a lower-case ``word``, most likely first."""
    table = form_table()
    known = table.parse(word) if table is not None else None
    if known is not None:
        return known
    from reader.glossary import morphology

    return [
        Parse(parse.word, parse.normal_form, str(parse.tag), float(parse.score))
        for parse in morphology.analyzer().parse(word)
    ]


def readings(word: str) -> list[Reading]:
    """The lexemes of a lower-case ``word``, most likely first (the order of their best parse)."""
    groups: dict[tuple[str, str], list[Parse]] = {}
    for parse in parses(word):
        family = grammar.part_of_speech(parse.tag).removeprefix("proper ")  # a name is a noun
        groups.setdefault((parse.lemma, family), []).append(parse)
    found = []
    for (lemma, _family), members in groups.items():
        pos = grammar.part_of_speech(members[0].tag)
        described = [grammar.describe(parse.tag) for parse in members]
        found.append(
            Reading(
                lemma=lemma,
                pos=pos,
                grammar=tuple(dict.fromkeys(text for text in described if text)),
                tags=tuple(parse.tag for parse in members),
                score=sum(parse.score for parse in members),
            )
        )
    return found
