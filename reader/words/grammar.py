"""pymorphy3's OpenCorpora tags in plain English: "NOUN,inan,masc plur,gent" -> "genitive plural".

A reader who asks what a word form is wants words, not tag codes: the part of speech of the lemma
(:func:`part_of_speech`) and what this form of it is (:func:`describe`), such as "past, feminine
singular", "present, 3rd person plural", "short form, neuter singular" or "comparative".
"""

from __future__ import annotations

import re

_CASES = {
    "nomn": "nominative",
    "gent": "genitive",
    "datv": "dative",
    "accs": "accusative",
    "ablt": "instrumental",
    "loct": "prepositional",
    "voct": "vocative",
    "gen1": "genitive",
    "gen2": "partitive genitive",
    "acc2": "accusative",
    "loc1": "prepositional",
    "loc2": "locative",
}
_GENDERS = {"masc": "masculine", "femn": "feminine", "neut": "neuter", "ms-f": "common gender"}
_NUMBERS = {"sing": "singular", "plur": "plural"}
_TENSES = {"past": "past", "pres": "present", "futr": "future"}
_PERSONS = {"1per": "1st person", "2per": "2nd person", "3per": "3rd person"}
_VOICES = {"actv": "active", "pssv": "passive"}
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})

#: Part of speech of the lemma, by the tag's POS: participles and gerunds belong to their verb,
#: short and comparative forms to their adjective.
_LEMMA_POS = {
    "NOUN": "noun",
    "ADJF": "adjective",
    "ADJS": "adjective",
    "COMP": "adjective",
    "VERB": "verb",
    "INFN": "verb",
    "PRTF": "verb",
    "PRTS": "verb",
    "GRND": "verb",
    "NUMR": "numeral",
    "ADVB": "adverb",
    "NPRO": "pronoun",
    "PRED": "predicative",
    "PREP": "preposition",
    "CONJ": "conjunction",
    "PRCL": "particle",
    "INTJ": "interjection",
}


def grammemes(tag: str) -> list[str]:
    """The grammemes of a tag string, POS first."""
    return [part for part in re.split(r"[ ,]", tag) if part]


def part_of_speech(tag: str) -> str:
    """The lemma's part of speech in English ("noun", "proper noun", "verb"...); "other" for tokens
    pymorphy3 does not place (Latin words, numbers)."""
    parts = grammemes(tag)
    pos = _LEMMA_POS.get(parts[0], "other") if parts else "other"
    if pos == "noun" and _PROPER.intersection(parts):
        return "proper noun"
    return pos


def _first(parts: list[str], names: dict[str, str]) -> str | None:
    return next((names[part] for part in parts if part in names), None)


def _gender_number(parts: list[str]) -> str:
    """ "feminine singular", or "plural" (Russian has no gender in the plural)."""
    number = _first(parts, _NUMBERS)
    gender = _first(parts, _GENDERS)
    if number == "singular" and gender:
        return f"{gender} singular"
    return number or gender or ""


def _join(*pieces: str | None) -> str:
    return ", ".join(piece for piece in pieces if piece)


def _words(*pieces: str | None) -> str:
    return " ".join(piece for piece in pieces if piece)


def describe(tag: str) -> str:
    """What the form is, in plain English (never a tag code)."""
    parts = grammemes(tag)
    if not parts:
        return ""
    pos = parts[0]
    case = _first(parts, _CASES)
    if pos == "NOUN":
        gender = _first(parts, _GENDERS)
        number = "plural" if "Pltm" in parts and case is None else _first(parts, _NUMBERS)
        return _join(_words(case, number), gender)
    if pos == "ADJF":
        degree = "superlative" if "Supr" in parts else None
        return _join(degree, _words(case, _gender_number(parts)))
    if pos == "ADJS":
        return _join("short form", _gender_number(parts))
    if pos == "COMP":
        return "comparative"
    if pos == "INFN":
        return "infinitive"
    if pos == "VERB":
        return _describe_verb(parts)
    if pos in ("PRTF", "PRTS"):
        kind = "participle" if pos == "PRTF" else "short participle"
        detail = " ".join(word for word in (_first(parts, _TENSES), _first(parts, _VOICES)) if word)
        head = f"{kind} ({detail})" if detail else kind
        return _join(head, _words(case, _gender_number(parts)))
    if pos == "GRND":
        tense = _first(parts, _TENSES)
        return f"adverbial participle ({tense})" if tense else "adverbial participle"
    if pos in ("NPRO", "NUMR"):
        return _words(case, _gender_number(parts))
    return _LEMMA_POS.get(pos, "")


def _describe_verb(parts: list[str]) -> str:
    if "impr" in parts:
        number = _first(parts, _NUMBERS)
        return _join("imperative", "inclusive (let's)" if "incl" in parts else None, number)
    tense = _first(parts, _TENSES)
    if tense == "past":
        return _join("past", _gender_number(parts))
    person = _first(parts, _PERSONS)
    number = _first(parts, _NUMBERS)
    return _join(tense, _words(person, number))
