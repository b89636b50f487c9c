"""Latin transliteration of Cyrillic passages, each language by its own national or standard system.

A passage's detected ``lang`` chooses the system:

- ``ru`` Russian: iuliia's schemas (the default is the Wikipedia schema, the one an English reader meets
  most often: "Khrushchyov", "Zhivoy Zhurnal"; ``mosmetro`` is offered too).
- ``uk`` Ukrainian: the national system of the Cabinet of Ministers of Ukraine, resolution No. 55 of
  27 January 2010 (є ї й ю я as ye yi y yu ya at the start of a word, ie i i iu ia elsewhere; зг as zgh;
  ь and the apostrophe dropped): "Україні" -> "Ukraini", "Згорани" -> "Zghorany".
- ``be`` Belarusian: the national system for geographical names of 2007 (the Instruction of the State
  Committee on Land Resources, Geodesy and Cartography, as amended 11 June 2007, adopted by the UN in 2013):
  е ё ю я as je jo ju ja at the start of a word and after a vowel, ў or apostrophe, ie io iu ia after a
  consonant; х ch, ь as an acute over з л н с ц: "Магілёў" -> "Mahilioŭ", "Гомель" -> "Homieĺ".
- ``bg`` Bulgarian: the Streamlined System of the Transliteration Act 2009 (ъ a, щ sht, ь y, and "ия" at
  the end of a word as ia): "София" -> "Sofia", "Щастливец" -> "Shtastlivets".
- ``sr`` Serbian: the official Latin alphabet (Gaj's Latin, letter for letter): "Љубљана" -> "Ljubljana".
- ``mk`` Macedonian: the official digraph system of North Macedonia's documents and passports (ѓ gj,
  ќ kj, ж zh, ч ch, ш sh, џ dj, ѕ dz, ц c).
- ``kk`` Kazakh: BGN/PCGN 1979 (confirmed 2019): "Қазақстан" -> "Qazaqstan", "Өңірек" -> "Öngirek".

The tables are written here from those standards. The libraries on PyPI were checked first: iuliia holds
Russian schemas only; cyrtranslit's tables are ISO 9 or scientific ones built to be reversible, so they
cannot follow the national systems' position rules (Ukrainian "ye" at a word's start), and it has no
Kazakh; translitua knows Ukrainian and Russian only. A letter that a language's table lacks (a Russian
"ы" in a Ukrainian quote, say) is written by the nearest other table, so no Cyrillic letter is left, and
control or bidi characters come out as one visible glyph each, never raw.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache

import iuliia

from reader.safe_text import same_length

DEFAULT_SCHEMA = "wikipedia"

#: The Russian schemas offered, by name. Only schemas that leave no Cyrillic letter behind (some iuliia
#: schemas keep "ё" as it is, no help to a reader who cannot read Cyrillic).
SCHEMAS: dict[str, iuliia.Schema] = {
    "wikipedia": iuliia.WIKIPEDIA,
    "mosmetro": iuliia.MOSMETRO,
}

#: The system used for each language, as the README and the help name it.
SYSTEMS: dict[str, str] = {
    "ru": "iuliia Wikipedia schema",
    "uk": "Ukrainian national system (KMU 2010)",
    "be": "Belarusian national system (2007)",
    "bg": "Bulgarian Streamlined System (2009)",
    "sr": "Serbian Latin alphabet (Gaj)",
    "mk": "Macedonian official digraph system",
    "kk": "Kazakh BGN/PCGN (1979)",
}

_APOSTROPHES = "'’ʼ"
_COMMON = dict(zip("абвгдезиклмнопрстуф", "abvgdeziklmnoprstuf", strict=True))

_UK = {**_COMMON, "г": "h", "ґ": "g", "є": "ie", "ж": "zh", "и": "y", "і": "i", "ї": "i", "й": "i",
       "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia"}  # fmt: skip
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

_BE = {**_COMMON, "г": "h", "ґ": "g", "е": "ie", "ё": "io", "ж": "ž", "і": "i", "й": "j", "ў": "ŭ",
       "х": "ch", "ц": "c", "ч": "č", "ш": "š", "ы": "y", "э": "e", "ю": "iu", "я": "ia",
       "ь": ""}  # fmt: skip
_BE_IOTATED = {"е": "je", "ё": "jo", "ю": "ju", "я": "ja"}
_BE_VOWELS = frozenset("аеёіоуыэюяў")
_BE_SOFTENED = frozenset("злнсц")

_BG = {**_COMMON, "ж": "zh", "и": "i", "й": "y", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht",
       "ъ": "a", "ь": "y", "ю": "yu", "я": "ya", "ѝ": "i"}  # fmt: skip

_SR = {**_COMMON, "ђ": "đ", "ж": "ž", "и": "i", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "ć", "х": "h",
       "ц": "c", "ч": "č", "џ": "dž", "ш": "š"}  # fmt: skip

_MK = {**_COMMON, "ѓ": "gj", "ж": "zh", "ѕ": "dz", "и": "i", "ј": "j", "љ": "lj", "њ": "nj", "ќ": "kj",
       "х": "h", "ц": "c", "ч": "ch", "џ": "dj", "ш": "sh", "ѐ": "e", "ѝ": "i"}  # fmt: skip

_KK = {**_COMMON, "ә": "ä", "ғ": "gh", "ё": "yo", "ж": "zh", "и": "ī", "й": "y", "қ": "q", "ң": "ng",
       "ө": "ö", "у": "ū", "ұ": "u", "ү": "ü", "х": "kh", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh",
       "щ": "shch", "ъ": "”", "ы": "y", "і": "i", "ь": "’", "э": "ė", "ю": "yu", "я": "ya"}  # fmt: skip

_RU = {**_COMMON, "ё": "yo", "ж": "zh", "и": "i", "й": "y", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
       "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya"}  # fmt: skip

#: For a letter outside a language's table: the first table that has it (Russian's first, then the rest),
#: and a few letters of older orthographies.
_FALLBACK: dict[str, str] = {
    "ѣ": "ě", "ѳ": "f", "ѵ": "i", "ѫ": "ǎ", "ѭ": "yǎ", "ѧ": "ę",
    **_KK, **_MK, **_SR, **_BG, **_BE, **_UK, **_RU, "ї": "yi", "є": "ye",
}  # fmt: skip

_Rule = Callable[[str, int], str]  # (lower-case word, index) -> Latin for that letter


def _letter(table: Mapping[str, str], char: str) -> str:
    return table.get(char, _FALLBACK.get(char, char))


def _uk_rule(word: str, index: int) -> str:
    char = word[index]
    if index == 0 and char in _UK_INITIAL:
        return _UK_INITIAL[char]
    if char == "г" and index > 0 and word[index - 1] == "з":
        return "gh"
    return _letter(_UK, char)


def _be_rule(word: str, index: int) -> str:
    char = word[index]
    if char in _BE_IOTATED and (index == 0 or word[index - 1] in _BE_VOWELS or word[index - 1] in "ь'"):
        return _BE_IOTATED[char]
    if char == "ь":
        return "\u0301" if index > 0 and word[index - 1] in _BE_SOFTENED else ""
    return _letter(_BE, char)


def _bg_rule(word: str, index: int) -> str:
    if word[index] == "я" and index > 0 and word[index - 1] == "и" and index == len(word) - 1:
        return "a"
    return _letter(_BG, word[index])


def _table_rule(table: Mapping[str, str]) -> _Rule:
    return lambda word, index: _letter(table, word[index])


_RULES: dict[str, _Rule] = {
    "uk": _uk_rule,
    "be": _be_rule,
    "bg": _bg_rule,
    "sr": _table_rule(_SR),
    "mk": _table_rule(_MK),
    "kk": _table_rule(_KK),
}
#: Languages whose system drops an apostrophe inside a word (after noting it for the next letter).
_DROPS_APOSTROPHE = frozenset({"uk", "be"})


def _schema(name: str) -> iuliia.Schema:
    try:
        return SCHEMAS[name]
    except KeyError:
        raise ValueError(f"unknown transliteration schema {name!r}; known: {', '.join(SCHEMAS)}") from None


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u052f"


def _cased(latin: str, word: str, index: int) -> str:
    """``latin`` in the letter case of ``word[index]``: a capital written as a capital, in full when the
    word around it is in capitals (ЩУКА -> SHCHUKA, Щука -> Shchuka)."""
    if not word[index].isupper():
        return latin
    neighbours = word[index + 1 : index + 2] or word[index - 1 : index]
    if len(latin) > 1 and neighbours.isupper():
        return latin.upper()
    return latin[:1].upper() + latin[1:]


def _word(word: str, rule: _Rule) -> str:
    """One run of Cyrillic letters (apostrophes already dropped, marked by "'" in ``lowered``)."""
    lowered = word.lower()
    return "".join(
        _cased(rule(lowered, index), word, index) if char != "'" else "" for index, char in enumerate(word)
    )


def _runs(text: str, lang: str) -> list[tuple[bool, str]]:
    """``text`` cut into (is a Cyrillic word, piece); an apostrophe between two Cyrillic letters belongs
    to the word (as "'") in the languages whose system drops it."""
    pieces: list[tuple[bool, str]] = []
    current: list[str] = []
    for index, char in enumerate(text):
        inside = (
            lang in _DROPS_APOSTROPHE
            and char in _APOSTROPHES
            and current
            and index + 1 < len(text)
            and _is_cyrillic(text[index + 1])
        )
        if _is_cyrillic(char) or inside:
            current.append("'" if inside else char)
            continue
        if current:
            pieces.append((True, "".join(current)))
            current = []
        pieces.append((False, char))
    if current:
        pieces.append((True, "".join(current)))
    return pieces


def _national(text: str, lang: str) -> str:
    rule = _RULES[lang]
    written = "".join(_word(piece, rule) if word else piece for word, piece in _runs(text, lang))
    return unicodedata.normalize("NFC", written)  # the Belarusian acute joins its consonant: ĺ, ń, ś


def _leftovers(text: str) -> str:
    """Any Cyrillic letter a Russian schema left as it was, written by the fallback table."""
    if not any(_is_cyrillic(char) for char in text):
        return text
    return "".join(
        _cased(_FALLBACK[char.lower()], text, index) if char.lower() in _FALLBACK else char
        for index, char in enumerate(text)
    )


@lru_cache(maxsize=4096)
def transliterate(text: str, schema: str = DEFAULT_SCHEMA, *, lang: str = "ru") -> str:
    """``text`` with every Cyrillic word in Latin letters by the system of ``lang`` (Russian's schema
    ``schema`` for ``ru`` and any language without a system of its own); other characters are kept, but
    control and bidi characters, which are shown as one visible glyph each."""
    written = _national(text, lang) if lang in _RULES else _leftovers(_schema(schema).translate(text))
    return same_length(written)
