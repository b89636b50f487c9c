"""How a glossary name becomes patterns the matcher looks for: folding, English plural and possessive
forms, hyphenation and soft-sign variants, the letter case a name demands, and the context rules that
govern it.

A name is split into words; each word becomes the set of folded forms a text word may take there (a
Russian word its lemma too, the last word of an English name its plural and possessive). The matcher
(:mod:`reader.glossary.matcher`) indexes the resulting :class:`Pattern` objects by their first words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.glossary import morphology
from reader.glossary.context import TextContext
from reader.glossary.model import ContextRule, Entry
from reader.scripts import CYRILLIC_LETTER

#: A word: letters and digits, with inner apostrophes (soft signs in "Kul'tura", possessive "Gosplan's").
WORD = re.compile(r"([^\W_]+(?:['’ʼʹ][^\W_]+)*)")
#: What may separate the words of a multi-word name: spaces, one line break, one hyphen.
JOIN = re.compile(r"[^\S\n]*[-‐‑]?[^\S\n]*\n?[^\S\n]*")
HYPHEN = re.compile(r"[-‐‑]")
_CYRILLIC = CYRILLIC_LETTER
_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")
_ARTICLES = frozenset({"the", "a", "an"})
#: A word of a name that matches only in its own letter case: an acronym (with a plural s: SRs).
_ACRONYM = re.compile(r"[A-Z]{2,5}s?")


def fold(text: str) -> str:
    """Case- and spelling-insensitive form used on both sides of a comparison."""
    return morphology.fold(text).replace("’", "'").replace("ʼ", "'").replace("ʹ", "'")


def english_forms(word: str) -> set[str]:
    """A Latin word with its plural, singular and possessive forms (kulak: kulaks, kulak's)."""
    forms = {word}
    if word.isascii() and word.isalpha():
        if word.endswith(_SIBILANT_ENDINGS):
            forms.add(word + "es")
        elif len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":
            forms.add(word[:-1] + "ies")
        forms.add(word + "s")
        if word.endswith("man"):  # Nepman: Nepmen
            forms.add(word[:-3] + "men")
        if len(word) > 4 and word.endswith("ies"):
            forms.add(word[:-3] + "y")
        elif word.endswith("es") and word[:-2].endswith(_SIBILANT_ENDINGS):
            forms.add(word[:-2])
        elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            forms.add(word[:-1])
        forms.update([form + "'s" for form in forms if not form.endswith("s")])
    return forms


@dataclass(frozen=True)
class Pattern:
    """The words of one name: each element is the set of folded forms a text word may take there.

    ``joins[k]`` is what must come before word ``k + 1``: None for any space or hyphen, else the exact
    characters of the name ("VKP(b)"); ``tail`` is punctuation that ends the name, taken when present.
    """

    words: tuple[frozenset[str], ...]
    joins: tuple[str | None, ...]
    tail: str
    entry_id: str
    rank: tuple[int, int, int]  # (-word count, kind of name, entry order): lower wins
    cased: tuple[frozenset[str] | None, ...]  # per word: the exact spellings allowed, None for any case
    rules: tuple[ContextRule, ...] = ()  # context rules of this name, one of which must hold
    form_rules: tuple[tuple[str, ContextRule], ...] = ()  # (folded text, rule) for one form of the name

    ruled: bool = False  # whether any rule may apply: set from the two above

    def __post_init__(self) -> None:
        object.__setattr__(self, "ruled", bool(self.rules or self.form_rules))

    def allowed(self, context: TextContext, words: Sequence[str], index: int) -> bool:
        """Whether the context rules that govern this name (or the form found) let it match here."""
        rules = list(self.rules)
        if self.form_rules:
            found = " ".join(words[index : index + len(self.words)])
            rules += [rule for form, rule in self.form_rules if form == found]
        return not rules or context.holds(rules, index, len(self.words))

    def case_fits(self, cased_words: Sequence[str], index: int) -> bool:
        """Whether the words from ``index`` have the letter case this name demands."""
        return all(
            allowed is None or unfolded(cased_words[index + k]) in allowed
            for k, allowed in enumerate(self.cased)
        )


def _spelling_key(spelling: str) -> str:
    """A spelling of a context rule as the matcher compares it: folded words joined by one space."""
    return " ".join(WORD.findall(fold(spelling)))


def rules_of(entry: Entry, name: str) -> tuple[tuple[ContextRule, ...], tuple[tuple[str, ContextRule], ...]]:
    """The rules that govern every form of ``name``, and those that govern only one form of it."""
    key = _spelling_key(name)
    named: list[ContextRule] = []
    formed: list[tuple[str, ContextRule]] = []
    for rule in entry.context:
        spellings = {_spelling_key(spelling) for spelling in rule.spellings}
        if key in spellings:
            named.append(rule)
        else:
            # a form of this name shares its beginning ("Dumas" of "Duma"); other spellings are other names
            formed += [(spelling, rule) for spelling in sorted(spellings) if spelling[:3] == key[:3]]
    return tuple(named), tuple(formed)


def is_cyrillic(word: str) -> bool:
    return _CYRILLIC.search(word) is not None


def _elements(words: list[str], english: bool) -> tuple[frozenset[str], ...]:
    elements: list[frozenset[str]] = []
    for position, word in enumerate(words):
        if is_cyrillic(word):
            elements.append(frozenset({word, morphology.lemma(word)}))
        elif english and position == len(words) - 1:
            elements.append(frozenset(english_forms(word)))
        else:
            elements.append(frozenset({word}))
    return tuple(elements)


def _join(separator: str) -> str | None:
    return None if JOIN.fullmatch(separator) else separator


def unfolded(word: str) -> str:
    """A text word with its apostrophes and ё folded but its letter case kept."""
    return word.replace("’", "'").replace("ʼ", "'").replace("ʹ", "'").replace("ё", "е").replace("Ё", "Е")


def name_case(name: str, english: bool, whole: bool) -> tuple[frozenset[str] | None, ...]:
    """Per word of ``name``: the exact spellings it allows (``whole``: every word keeps its case)."""
    words = WORD.findall(unfolded(name))
    if english and len(words) > 1 and words[0].lower() in _ARTICLES:
        words = words[1:]
    last = len(words) - 1
    return tuple(
        (frozenset(english_forms(word) if english and k == last else {word}))
        if whole or _ACRONYM.fullmatch(word)
        else None
        for k, word in enumerate(words)
    )


def name_variants(
    name: str, english: bool
) -> Iterable[tuple[tuple[frozenset[str], ...], tuple[str | None, ...], str]]:
    """(words, joins, tail) of each spelling of a name: as written, with hyphenated words run together
    ("fiveyear plan"), and for English names without soft-sign apostrophes ("Tsentralnyi").

    A leading English article is dropped ("the Terror of 1937" matches "Terror of 1937"), so that
    "the" does not start a name: it would make every "the" of an essay worth a second look.
    """
    parts = WORD.split(fold(name))
    words = [parts[i] for i in range(1, len(parts), 2)]
    joins = [parts[i] for i in range(2, len(parts) - 1, 2)]
    if english and len(words) > 1 and words[0] in _ARTICLES and _join(joins[0]) is None:
        words, joins = words[1:], joins[1:]
    if not words:
        return
    tail = parts[-1].strip()
    spellings = [(words, [_join(join) for join in joins])]
    if any(HYPHEN.fullmatch(join.strip()) for join in joins):
        joined = [words[0]]
        kept: list[str | None] = []
        for join, word in zip(joins, words[1:], strict=True):
            if HYPHEN.fullmatch(join.strip()):
                joined[-1] += word
            else:
                joined.append(word)
                kept.append(_join(join))
        spellings.append((joined, kept))
    if english and any("'" in word for word in words):  # soft sign written or not: Kul'tura, Kultura
        spellings += [([word.replace("'", "") for word in ws], js) for ws, js in spellings]
    for spelling_words, spelling_joins in spellings:
        yield _elements(spelling_words, english), tuple(spelling_joins), tail
