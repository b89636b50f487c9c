"""Search the whole library, or one text in memory, with one matcher.

``SearchIndex(...).search(query)`` answers from an SQLite FTS5 index of every essay in the library,
kept current on each search; ``find_in_text(text, query)`` finds the same spans in a text held in
memory (the open essay). Both normalise words the same way (:mod:`reader.search.tokens`): case, ё/е,
stress marks, Russian inflection (pymorphy3 lemmas), English plurals and possessives; glossary terms
match every spelling of their entry, in both scripts (:mod:`reader.search.query`).
"""

from __future__ import annotations

from reader.search.index import SearchIndex
from reader.search.matching import find_in_text
from reader.search.model import EssayResults, Match, RefreshReport
from reader.search.query import Query, parse_query

__all__ = ["EssayResults", "Match", "Query", "RefreshReport", "SearchIndex", "find_in_text", "parse_query"]
