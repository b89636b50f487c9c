"""``look_up(word)``: every reading of a Russian word form, with its dictionary senses.

Each lexeme pymorphy3 finds for the form (:mod:`reader.words.analysis`) is looked up in the bundled
dictionary by its lemma. When the lemma is missing, two fallbacks are tried and named in ``fallback``:
a reflexive verb is looked up without -ся/-сь (транслироваться -> транслировать), and a hyphenated word by
its parts (американо-китайский -> американский, китайский). A word the dictionary lacks keeps its lemma
and grammar with no senses. ``glossary`` is the id of the glossary entry the lemma names, if any.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from reader.words import analysis
from reader.words.dictionary import Dictionary, Entry, default_dictionary, key_of

if TYPE_CHECKING:
    from reader.glossary import Glossary

#: The dictionary's parts of speech that fit each part of speech of a reading.
_DICTIONARY_POS = {
    "noun": ("noun", "proper noun", "abbr"),
    "proper noun": ("proper noun", "noun", "abbr"),
    "verb": ("verb",),
    "adjective": ("adj",),
    "adverb": ("adv", "predicative"),
    "predicative": ("predicative", "adv"),
    "pronoun": ("pron",),
    "numeral": ("num",),
    "preposition": ("prep",),
    "conjunction": ("conj",),
    "particle": ("particle",),
    "interjection": ("interj",),
}
_VOWELS = frozenset("аеёиоуыэюя")
FALLBACK_REFLEXIVE = "without -ся"
FALLBACK_PARTS = "by its parts"


class Analysis(NamedTuple):
    """One reading of the word: its lemma (as the dictionary prints it), stressed spellings, part of
    speech, grammar of the form in plain English, English senses, glossary id, and the fallback used to
    find the senses (None when the lemma itself is in the dictionary)."""

    lemma: str
    stressed: list[str]
    pos: str
    grammar: str
    senses: list[str]
    glossary: str | None = None
    fallback: str | None = None


class WordLookup(NamedTuple):
    """The query as typed (normalised: NFC, no stress marks) and its readings, most likely first."""

    query: str
    analyses: list[Analysis]

    def as_dict(self) -> dict[str, Any]:
        return {"query": self.query, "analyses": [item._asdict() for item in self.analyses]}


def look_up(
    word: str,
    *,
    glossary: Glossary | None = None,
    glossary_ids: Mapping[str, str] | None = None,
    dictionary: Dictionary | None = None,
) -> WordLookup:
    """Every reading of ``word``. Raises ``BadInput`` when it is not a Russian word, ``MissingResource``
    when the dictionary file is missing or damaged. ``glossary_ids`` (lemma -> id, see
    :mod:`reader.words.glossary_index`) or ``glossary`` name the glossary to match lemmas against."""
    query = analysis.normalise(word)
    analysis.check_word(query, word)
    source = dictionary or default_dictionary()
    lower = query.lower()
    found = [_analysis(reading, source) for reading in analysis.readings(lower)]
    ids = glossary_ids
    if ids is None:
        from reader.words.glossary_index import glossary_index

        ids = glossary_index(glossary)
    folded = key_of(lower)
    return WordLookup(
        query,
        [_with_glossary(item, ids.get(key_of(item.lemma)) or ids.get(folded)) for item in found],
    )


def _with_glossary(item: Analysis, entry_id: str | None) -> Analysis:
    if entry_id is None:
        return item
    return item._replace(glossary=entry_id)


def _analysis(reading: analysis.Reading, source: Dictionary) -> Analysis:
    grammar = "; ".join(reading.grammar)
    entry = source.lookup(key_of(reading.lemma))
    if entry is not None:
        return Analysis(entry.lemma, _stressed(entry), reading.pos, grammar, _senses(entry, reading.pos))
    if reading.lemma.endswith(("ся", "сь")) and reading.pos == "verb" and len(reading.lemma) > 4:
        base = source.lookup(key_of(reading.lemma[:-2]))
        if base is not None and (senses := _senses(base, reading.pos)):
            return Analysis(reading.lemma, [], reading.pos, grammar, senses, fallback=FALLBACK_REFLEXIVE)
    if "-" in reading.lemma:
        senses = _senses_of_parts(reading.lemma, source)
        if senses:
            return Analysis(reading.lemma, [], reading.pos, grammar, senses, fallback=FALLBACK_PARTS)
    lemma = reading.lemma.capitalize() if reading.pos == "proper noun" else reading.lemma
    return Analysis(lemma, [], reading.pos, grammar, [])


def _senses(entry: Entry, pos: str) -> list[str]:
    """The English senses of the entry's parts of speech that fit ``pos`` (all of them if none fits)."""
    wanted = _DICTIONARY_POS.get(pos, ())
    fitting = [sense for sense in entry.senses if sense.pos in wanted] or list(entry.senses)
    return list(dict.fromkeys(english for sense in fitting for english in sense.en))


def _stressed(entry: Entry) -> list[str]:
    """The stressed spellings; a one-vowel word, or one with ё (always stressed), needs no mark."""
    if entry.stress:
        return list(entry.stress)
    if "ё" in entry.lemma or sum(char in _VOWELS for char in entry.lemma.lower()) <= 1:
        return [entry.lemma]
    return []


def _senses_of_parts(lemma: str, source: Dictionary) -> list[str]:
    """ "part: sense" for each part of a hyphenated lemma that the dictionary has, read as its own word
    (американо-китайский: американо is taken as американский's combining form, китайский as itself)."""
    senses: list[str] = []
    for part in filter(None, lemma.split("-")):
        entry = _part_entry(part, source)
        if entry is not None:
            english = _senses(entry, "")
            if english:
                senses.append(f"{part}: {'; '.join(english[:3])}")
    return senses


def _part_entry(part: str, source: Dictionary) -> Entry | None:
    entry = source.lookup(key_of(part))
    if entry is not None:
        return entry
    if part.endswith("о") and len(part) > 3:  # a combining form: американо-, северо-, социально-
        for ending in ("ский", "ный", "ый", "ий", "ой"):
            entry = source.lookup(key_of(part[:-1] + ending))
            if entry is not None:
                return entry
    return None
