"""Where a parsed query matches: in one sentence's words, and in a whole text held in memory.

The index and :func:`find_in_text` share this code and the tokens of :mod:`reader.search.tokens`, so a
search of the library and a search inside one open essay find the same spans.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.glossary import Glossary
from reader.search import tokens
from reader.search.query import Phrase, Query, parse_query
from reader.search.sentences import sentence_spans

#: (group index, start, end) of a match, offsets relative to what was searched.
Span = tuple[int, int, int]


def _phrase_starts(phrase: Phrase, terms: list[str]) -> Iterable[int]:
    first, rest = phrase.terms[0], phrase.terms[1:]
    last = len(terms) - len(rest)
    for index, term in enumerate(terms[:last]):
        if term in first and all(terms[index + 1 + k] in accepted for k, accepted in enumerate(rest)):
            yield index


def sentence_matches(query: Query, words: list[str], starts: list[int], terms: list[str]) -> list[Span]:
    """Every phrase of every group found in one sentence's words (offsets as ``starts`` gives them)."""
    found: list[Span] = []
    for number, group in enumerate(query.groups):
        for phrase in group.phrases:
            length = len(phrase.terms)
            for index in _phrase_starts(phrase, terms):
                last = index + length - 1
                found.append((number, starts[index], starts[last] + len(words[last])))
    return found


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
        words, starts = tokens.words(text[sentence_start:sentence_end])
        for group, start, end in sentence_matches(query, words, starts, tokens.terms(words)):
            spans.append((group, sentence_start + start, sentence_start + end))
    return resolve(query, spans)
