"""Search every essay of the library: :class:`SearchIndex` keeps the index current and answers queries.

Before each search the library is listed and every essay's modification time and size compared with
what the index holds: a new or changed essay is indexed again, an essay whose file has gone is
dropped. Essays indexed for a ``--library`` folder that is not part of this search stay in the index
(they are only left out of the results), so switching between folders does not index them again.
"""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from reader import paths
from reader.errors import BadInput
from reader.essay.library import LibraryEntry, list_library
from reader.glossary import Glossary
from reader.search import store, writing
from reader.search.matching import resolve, sentence_matches
from reader.search.model import EssayResults, Match, RefreshReport
from reader.search.query import Query, parse_query

T = TypeVar("T")
#: Essays written per transaction: other processes may search in between.
_BATCH = 25
_SentenceRow = tuple[int, int, str, str]  # essay id, start, text, terms


class SearchIndex:
    """The library's search index (``reader.paths.search_index_file()`` unless ``path`` is given).

    ``library`` and ``include_user`` choose the essays as :func:`reader.essay.library.list_library`
    does; ``glossary`` widens glossary terms to all their spellings (None: the loaded glossary).
    :attr:`warnings` holds one line for each problem with the index file itself (rebuilt, in memory).
    """

    def __init__(
        self,
        library: Sequence[Path] = (),
        *,
        include_user: bool = True,
        path: Path | None = None,
        glossary: Glossary | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else paths.search_index_file()
        self.library = tuple(Path(folder) for folder in library)
        self.include_user = include_user
        self.warnings: list[str] = []
        self._glossary = glossary
        self._connection: sqlite3.Connection | None = None
        self._recovered = False
        self._keys: dict[Path, str] = {}

    # -- the database ------------------------------------------------------------------------------

    @property
    def glossary(self) -> Glossary:
        if self._glossary is None:
            from reader.glossary import load_glossary

            self._glossary = load_glossary()
        return self._glossary

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            try:
                self._connection = store.open_file(self.path)
            except (OSError, sqlite3.OperationalError) as exc:
                self._connection = store.open_in_memory(copy_of=self.path)
                self.warnings.append(
                    f"search index {self.path}: cannot be written ({exc}); searching with an index in memory"
                )
            except sqlite3.DatabaseError as exc:
                self._recover(exc)
        assert self._connection is not None
        return self._connection

    def _recover(self, exc: sqlite3.DatabaseError) -> None:
        """Move the corrupt file aside and start again with an empty index."""
        self.close()
        self._recovered = True
        try:
            self._connection, moved = store.recreate(self.path)
        except (OSError, sqlite3.Error) as again:
            self._connection = store.open_in_memory()
            self.warnings.append(
                f"search index {self.path} was unreadable ({exc}) and cannot be replaced ({again}); "
                "searching with an index in memory"
            )
            return
        self.warnings.append(
            f"search index {self.path} was unreadable ({exc}); moved it to {moved.name} and rebuilt it"
        )

    def _guarded(self, action: Callable[[], T]) -> T:
        """Run ``action``; a corrupt index is rebuilt once and the action run again. Other database
        errors (a lock held too long, a full disk) become one line for the user."""
        try:
            try:
                return action()
            except sqlite3.DatabaseError as exc:
                if not store.is_corruption(exc) or self._recovered:
                    raise
                self._recover(exc)
                return action()
        except sqlite3.Error as exc:
            raise BadInput(f"search index {self.path}: cannot be used ({exc})") from None

    def _key(self, path: Path) -> str:
        """The index's name for an essay file: its resolved path (resolved once per index)."""
        key = self._keys.get(path)
        if key is None:
            key = self._keys[path] = str(Path(path).resolve())
        return key

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- keeping it current -------------------------------------------------------------------------

    def entries(self) -> list[LibraryEntry]:
        """The essays this index searches, in library order."""
        return list_library(self.library, self.include_user)

    def refresh(
        self,
        entries: Sequence[LibraryEntry] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> RefreshReport:
        """Index new and changed essays and drop the ones whose files are gone. ``progress`` is told
        (essays indexed, essays to index) before the first and after each batch, when there are any."""
        chosen = self.entries() if entries is None else entries
        return self._guarded(lambda: self._refresh(chosen, progress))

    def _refresh(
        self, entries: Sequence[LibraryEntry], progress: Callable[[int, int], None] | None = None
    ) -> RefreshReport:
        connection = self._connect()
        known = {
            row[0]: row[1:]
            for row in connection.execute("SELECT path, id, mtime_ns, size, problem FROM essays")
        }
        wanted = {self._key(entry.path): entry for entry in entries}
        stale: list[tuple[str, writing.Version]] = []
        index_times: dict[Path, int] = {}
        problems: list[str] = []
        unchanged = 0
        missing: set[str] = set()
        for key in wanted:
            try:
                status = os.stat(key)
            except OSError:
                missing.add(key)
                continue
            current = writing.version(wanted[key], status, index_times)
            row = known.get(key)
            if row is not None and (row[1], row[2]) == current:
                unchanged += 1
                if row[3]:
                    problems.append(row[3])
            else:
                stale.append((key, current))
        # Each wanted essay was looked at just now; only the others need a look.
        gone = [
            row[0]
            for key, row in known.items()
            if key in missing or (key not in wanted and not os.path.exists(key))
        ]
        if gone:
            with store.transaction(connection):
                for essay_id in gone:
                    writing.delete(connection, essay_id)
        for index in range(0, len(stale), _BATCH):
            if progress is not None:
                progress(index, len(stale))
            prepared = [writing.read(key, current) for key, current in stale[index : index + _BATCH]]
            problems += [problem for *_rest, problem in prepared if problem]
            with store.transaction(connection):
                for key, current, rows, problem in prepared:
                    writing.write(connection, key, current, rows, problem)
        return RefreshReport(len(stale), len(gone), unchanged, tuple(problems))

    # -- searching ----------------------------------------------------------------------------------

    def search(
        self, query: str | Query, entries: Sequence[LibraryEntry] | None = None, *, limit: int | None = None
    ) -> list[EssayResults]:
        """Every essay with a match of ``query``, in library order, after bringing the index up to date.

        ``limit`` lists at most that many matches in all, the first ones in library order: a search for a
        common word then reads only that many sentences, and the essays past the limit are listed with
        their number of matching sentences and no matches (``truncated``). None lists every match.
        A query without words raises BadInput.
        """
        parsed = parse_query(query, self.glossary) if isinstance(query, str) else query
        chosen = self.entries() if entries is None else entries
        self.refresh(chosen)
        if limit is not None:
            if limit < 1:
                raise BadInput(f"search: the limit must be at least 1, not {limit}")
            limit = min(limit, _SQLITE_MAX_INT)  # a larger one cannot be bound, and no index holds more
            return self._guarded(lambda: self._find_first(parsed, chosen, limit))
        return self._guarded(lambda: self._find(parsed, chosen))

    def _essays_by_id(self, entries: Sequence[LibraryEntry]) -> dict[int, LibraryEntry]:
        ids = dict(self._connect().execute("SELECT path, id FROM essays"))
        return {ids[key]: entry for entry in entries if (key := self._key(entry.path)) in ids}

    def _find(self, query: Query, entries: Sequence[LibraryEntry]) -> list[EssayResults]:
        connection = self._connect()
        by_id = self._essays_by_id(entries)
        rows: Iterable[_SentenceRow] = connection.execute(
            "SELECT s.essay, s.start, s.text, s.terms FROM sentence_terms "
            "JOIN sentences AS s ON s.id = sentence_terms.rowid WHERE sentence_terms MATCH ?",
            (_expression(query),),
        )
        found: dict[int, list[tuple[int, int, int]]] = {}
        contexts: dict[int, dict[int, tuple[int, str]]] = {}
        sentences: dict[int, int] = {}
        for essay_id, start, text, terms in rows:
            if essay_id not in by_id:
                continue
            spans = sentence_matches(query, text, terms.split(" "))
            if spans:
                sentences[essay_id] = sentences.get(essay_id, 0) + 1
            for group, match_start, match_end in spans:
                found.setdefault(essay_id, []).append((group, start + match_start, start + match_end))
                contexts.setdefault(essay_id, {})[start + match_start] = (start, text)
        results = []
        for essay_id, entry in by_id.items():
            kept = resolve(query, found.get(essay_id, []))
            if kept:
                matches = tuple(_match(span, contexts[essay_id][span[0]]) for span in kept)
                results.append(EssayResults(entry.path, entry.meta.title, matches, sentences[essay_id]))
        return results

    def _find_first(self, query: Query, entries: Sequence[LibraryEntry], limit: int) -> list[EssayResults]:
        """The first ``limit`` matches, each essay with its count of matching sentences. FTS5's row ids
        say which essay each matching sentence is in (see :mod:`reader.search.store`), so the sentences
        table is read only for the first ``limit`` matching sentences, and Python looks at those alone."""
        connection = self._connect()
        by_id = self._essays_by_id(entries)
        qualifying = set(by_id)
        shift = store.ESSAY_SHIFT
        if len(query.groups) > 1:  # every group must occur somewhere in the essay
            for group in query.groups:
                qualifying &= {
                    row[0]
                    for row in connection.execute(
                        f"SELECT DISTINCT rowid >> {shift} FROM sentence_terms WHERE sentence_terms MATCH ?",
                        (f"({group.fts_expression()})",),
                    )
                }
        expression = _expression(query)
        sentences = {
            essay_id: count
            for essay_id, count in connection.execute(
                f"SELECT rowid >> {shift}, count(*) FROM sentence_terms "
                "WHERE sentence_terms MATCH ? GROUP BY 1",
                (expression,),
            )
            if essay_id in qualifying
        }
        first: list[int] = []  # the first ``limit`` matching sentences, in library order
        for essay_id in by_id:
            if len(first) >= limit:
                break
            if essay_id in sentences:
                low = essay_id << shift
                first += (
                    row[0]
                    for row in connection.execute(
                        "SELECT rowid FROM sentence_terms WHERE sentence_terms MATCH ? AND rowid >= ? "
                        "AND rowid < ? ORDER BY rowid LIMIT ?",
                        (expression, low, low + (1 << shift), limit - len(first)),
                    )
                )
        read = Counter(rowid >> shift for rowid in first)
        found: dict[int, list[Match]] = {}
        for index in range(0, len(first), _ROWS_PER_SELECT):
            chosen = first[index : index + _ROWS_PER_SELECT]
            marks = ",".join("?" * len(chosen))
            for essay_id, start, text, terms in connection.execute(
                f"SELECT essay, start, text, terms FROM sentences WHERE id IN ({marks})", chosen
            ):
                found.setdefault(essay_id, []).extend(
                    _match((start + s, start + e), (start, text))
                    for _group, s, e in sentence_matches(query, text, terms.split(" "))
                )
        results = []
        room = limit
        for essay_id, entry in by_id.items():
            if essay_id not in sentences:
                continue
            matches = _without_overlaps(found.get(essay_id, []))
            listed = matches[:room]
            room -= len(listed)
            truncated = sentences[essay_id] > read[essay_id] or len(matches) > len(listed)
            if listed or truncated:
                results.append(
                    EssayResults(entry.path, entry.meta.title, listed, sentences[essay_id], truncated)
                )
        return results


#: SQLite's largest integer: a ``--limit`` beyond it lists every match, as it would anyway.
_SQLITE_MAX_INT = 2**63 - 1
#: Sentences read per SELECT ... IN (...): well under SQLite's limit on bound parameters.
_ROWS_PER_SELECT = 500


def _expression(query: Query) -> str:
    return " OR ".join(f"({group.fts_expression()})" for group in query.groups)


def _without_overlaps(matches: list[Match]) -> tuple[Match, ...]:
    """Sorted, and of overlapping matches the leftmost, then the longest, kept (as :func:`resolve`)."""
    kept: list[Match] = []
    for match in sorted(matches, key=lambda m: (m.start, -m.end)):
        if not kept or match.start >= kept[-1].end:
            kept.append(match)
    return tuple(kept)


def _match(span: tuple[int, int], context: tuple[int, str]) -> Match:
    start, end = span
    sentence_start, sentence = context
    text = sentence[start - sentence_start : end - sentence_start]
    return Match(start, end, text, sentence, sentence_start)
