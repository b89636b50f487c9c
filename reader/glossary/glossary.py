"""The loaded glossary: entries by id, the problems met while loading, and search over both languages.

The matcher index and the lookup tables are built on first use, so loading a glossary to list it or
show one entry costs only the YAML parse.
"""

from __future__ import annotations

import threading

from reader.glossary.lookup import Lookup
from reader.glossary.matcher import Matcher
from reader.glossary.model import CATEGORIES, Entry, LookupResult, Problem, TermHit


class Glossary:
    """Entries by id plus the problems of the entries that could not be loaded."""

    def __init__(self, entries: dict[str, Entry], problems: list[Problem] | None = None) -> None:
        self.entries = entries
        self.problems = list(problems or [])
        self._matcher: Matcher | None = None
        self._lookup: Lookup | None = None
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def categories(self) -> list[str]:
        """The categories that have entries, in the glossary's fixed order."""
        present = {entry.category for entry in self.entries.values()}
        return [category for category in CATEGORIES if category in present]

    def by_category(self, category: str) -> list[Entry]:
        """The entries of one category, by term."""
        found = [entry for entry in self.entries.values() if entry.category == category]
        return sorted(found, key=lambda entry: entry.term.casefold())

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:
            with self._lock:
                if self._matcher is None:
                    self._matcher = Matcher(self.entries.values())
        return self._matcher

    def annotate(self, text: str) -> list[TermHit]:
        """Every glossary term in ``text``, sorted and non-overlapping; offsets index ``text``."""
        return self.matcher.annotate(text)

    def lookup(self, query: str, limit: int = 10) -> list[LookupResult]:
        """Entries for a typed query, best first: exact or inflected names score 100."""
        return self._lookups().search(query, limit)

    def exact(self, query: str) -> list[Entry]:
        """The entries ``query`` names exactly, in any inflection (those :meth:`lookup` scores 100)."""
        return self._lookups().exact(query)

    def _lookups(self) -> Lookup:
        if self._lookup is None:
            matcher = self.matcher
            with self._lock:
                if self._lookup is None:
                    self._lookup = Lookup(self.entries, lambda query: matcher.annotate(query, rules=False))
        return self._lookup
