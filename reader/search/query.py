"""A search query, parsed: groups of alternative phrases, each phrase a run of accepted terms.

Grammar: quoted text (``"..."``, ``«...»``, ``“...”``) is a phrase, its words consecutive in one sentence;
every other word stands alone. Every group must occur in an essay for it to match (AND); a group
matches any of its phrases (OR).

Glossary terms: when the whole query, or one of its unquoted words, is exactly a glossary name
(``Glossary.exact``, what the glossary's lookup scores 100: a headword, transliteration, Russian form, or
an inflection of one),
the group accepts every name of that entry, in both scripts: ``nomenklatura`` finds Номенклатуру.
Quoted text is taken literally (still case-, ё- and inflection-insensitive).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import product
from math import prod

from reader.errors import BadInput
from reader.glossary import Glossary
from reader.search import tokens

#: Most FTS5 phrases one query phrase is spelled out into (words with several lemmas multiply them).
_MAX_FTS_PHRASES = 16
_QUOTED = re.compile(r'"([^"]*)"|«([^»]*)»|“([^”]*)”|„([^“”]*)[“”]')


@dataclass(frozen=True)
class Phrase:
    """Consecutive words: ``terms[k]`` is the set of terms the k-th word may have."""

    terms: tuple[frozenset[str], ...]


@dataclass(frozen=True)
class Group:
    """One thing the query asks for (a word, a quoted phrase or a glossary term) and its spellings."""

    label: str
    phrases: tuple[Phrase, ...]

    def fts_expression(self) -> str:
        """An FTS5 MATCH expression for the sentences that may hold one of the phrases.

        A phrase with few spellings becomes FTS5 phrases ("a b" OR "a c"); one whose words have many
        lemmas each, a looser test of its words alone. Either way the order of the words is checked
        again on the sentence's terms, which also says where the phrase is.
        """
        return " OR ".join(f"({_fts_phrase(phrase)})" for phrase in self.phrases)


def _fts_phrase(phrase: Phrase) -> str:
    if prod(map(len, phrase.terms)) <= _MAX_FTS_PHRASES:
        return " OR ".join(f'"{" ".join(words)}"' for words in product(*map(sorted, phrase.terms)))
    return " AND ".join(
        "(" + " OR ".join(f'"{term}"' for term in sorted(accepted)) + ")" for accepted in phrase.terms
    )


@dataclass(frozen=True)
class Query:
    """A parsed query. ``by_first_term`` maps each term a phrase may start with to the (group number,
    accepted terms of the following words) of every such phrase: one dictionary probe per word of a
    sentence finds every phrase that can start there."""

    text: str
    groups: tuple[Group, ...]
    by_first_term: dict[str, list[tuple[int, tuple[frozenset[str], ...]]]] = field(
        init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        table: dict[str, list[tuple[int, tuple[frozenset[str], ...]]]] = {}
        for number, group in enumerate(self.groups):
            for phrase in group.phrases:
                for term in phrase.terms[0]:
                    table.setdefault(term, []).append((number, phrase.terms[1:]))
        object.__setattr__(self, "by_first_term", table)


def phrase(text: str) -> Phrase | None:
    """The phrase of a text's words, or None when it has none."""
    found, _starts = tokens.words(text)
    if not found:
        return None
    return Phrase(tuple(tokens.query_terms(word) for word in found))


def _glossary_names(glossary: Glossary, text: str) -> list[str]:
    """Every name of the entries ``text`` exactly names, or nothing."""
    return [name for entry in glossary.exact(text)[:5] for name in entry.names()]


class _NamesOf:
    """:func:`_glossary_names` asked once per text in one parse (a one-word query is looked up whole,
    then as its word: the same text, and a lookup costs a fuzzy pass over every name)."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._known: dict[str, list[str]] = {}

    def __call__(self, text: str) -> list[str]:
        if text not in self._known:
            self._known[text] = _glossary_names(self.glossary, text)
        return self._known[text]


def _group(label: str, names_of: _NamesOf | None, literal: bool) -> Group | None:
    own = phrase(label)
    if own is None:
        return None
    phrases = [own]
    if not literal and names_of is not None:
        phrases += [found for name in names_of(label) if (found := phrase(name)) is not None]
    return Group(label, tuple(dict.fromkeys(phrases)))


def parse_query(text: str, glossary: Glossary | None) -> Query:
    """Parse ``text``; ``glossary`` (None: no glossary) widens terms to their spellings.

    Raises BadInput for a query without a single word.
    """
    stripped = text.strip()
    names_of = _NamesOf(glossary) if glossary is not None else None
    groups: list[Group | None] = []
    if not _QUOTED.search(stripped) and names_of is not None and names_of(stripped):
        groups.append(_group(stripped, names_of, literal=False))
    else:
        position = 0
        for match in [*_QUOTED.finditer(stripped), None]:
            loose = stripped[position : match.start() if match else len(stripped)]
            for word in tokens.words(loose)[0]:
                groups.append(_group(word, names_of, literal=False))
            if match:
                quoted = next(part for part in match.groups() if part is not None)
                groups.append(_group(quoted, names_of, literal=True))
                position = match.end()
    kept = tuple(dict.fromkeys(group for group in groups if group is not None))
    if not kept:
        raise BadInput("search: the query has no words to search for")
    return Query(stripped, kept)
