"""Where a parsed query matches: in one sentence's words, and in a whole text held in memory.

The index and :func:`find_in_text` share this code and the tokens of :mod:`reader.search.tokens`, so a
search of the library and a search inside one open essay find the same spans.
"""

from __future__ import annotations

from itertools import compress, count

from reader.glossary import Glossary
from reader.search import tokens
from reader.search.query import Query, parse_query
from reader.search.sentences import sentence_spans

#: (group index, start, end) of a match, offsets relative to what was searched.
Span = tuple[int, int, int]


def _rest_fits(rest: tuple[frozenset[str], ...], terms: list[str], index: int) -> bool:
    return index + len(rest) < len(terms) and all(
        terms[index + 1 + k] in accepted for k, accepted in enumerate(rest)
    )


def token_matches(query: Query, terms: list[str]) -> list[tuple[int, int, int]]:
    """(group number, first word, last word) of every phrase of every group found in a sentence's
    terms."""
    by_first = query.by_first_term
    found: list[tuple[int, int, int]] = []
    for index in compress(count(), map(by_first.__contains__, terms)):
        for number, rest in by_first[terms[index]]:
            if not rest or _rest_fits(rest, terms, index):
                found.append((number, index, index + len(rest)))
    return found


def sentence_matches(query: Query, sentence: str, terms: list[str] | None = None) -> list[Span]:
    """Every phrase of every group found in one sentence (offsets into ``sentence``). ``terms``, the
    terms of its words when already known, spare computing them."""
    if terms is None:
        words, starts = tokens.words(sentence)
        terms = tokens.terms(words)
        found = token_matches(query, terms)
    else:
        found = token_matches(query, terms)
        if not found:
            return []
        words, starts = tokens.words(sentence)
        if len(words) != len(terms):  # terms stored by another version of the tokens: compute them
            return sentence_matches(query, sentence)
    return [(number, starts[first], starts[last] + len(words[last])) for number, first, last in found]


def resolve(query: Query, spans: list[Span]) -> list[tuple[int, int]]:
    """The spans to show: none unless every group was found, else sorted and without overlaps (the
    leftmost, then the longest, wins)."""
    if len({group for group, _start, _end in spans}) < len(query.groups):
        return []
    kept: list[tuple[int, int]] = []
    for _group, start, end in sorted(spans, key=lambda span: (span[1], -span[2])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def find_in_text(text: str, query: str | Query, glossary: Glossary | None = None) -> list[tuple[int, int]]:
    """(start, end) of every match of ``query`` in ``text``, as the library search would find them.

    ``glossary`` widens glossary terms to all their spellings; None means the loaded glossary (the
    curated one and the user's overlay). A query without words raises BadInput.
    """
    if isinstance(query, str):
        if glossary is None:
            from reader.glossary import load_glossary

            glossary = load_glossary()
        query = parse_query(query, glossary)
    spans: list[Span] = []
    for sentence_start, sentence_end in sentence_spans(text):
        for group, start, end in sentence_matches(query, text[sentence_start:sentence_end]):
            spans.append((group, sentence_start + start, sentence_start + end))
    return resolve(query, spans)
