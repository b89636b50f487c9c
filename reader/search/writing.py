"""Writing the search index: an essay read into sentence rows, and its rows written, replaced or dropped.

The part of :class:`reader.search.index.SearchIndex` that touches essays' files and the index's tables
row by row; the index class decides which essays need it (see :data:`Version`).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from reader.errors import ReaderError
from reader.essay.document import EssayMeta
from reader.essay.library import INDEX_NAME, LibraryEntry, load_document
from reader.search import store, tokens
from reader.search.sentences import sentence_spans

#: Metadata given to the loader, so indexing an essay does not read its folder's index for a title.
_NO_META = EssayMeta(title="")
#: What an indexed essay's row is compared with: (modification time, size) of the file, the time being
#: that of its folder's index.yaml when that is later and the essay has an end marker there (see
#: :func:`reader.essay.library.essay_part`), so a changed marker indexes the essay again.
Version = tuple[int, int]
#: An essay read for indexing: its key, its version, its sentence rows, its problem.
Prepared = tuple[str, Version, list[tuple[int, str, str]], str | None]


def essay_rows(text: str) -> list[tuple[int, str, str]]:
    """(start, text, terms) of each sentence of an essay's decoded text."""
    rows = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        rows.append((start, sentence, " ".join(tokens.terms(tokens.words(sentence)[0]))))
    return rows


def version(entry: LibraryEntry, status: os.stat_result, index_times: dict[Path, int]) -> Version:
    """The essay's version (see :data:`Version`); ``index_times`` caches each folder's index.yaml time."""
    mtime = status.st_mtime_ns
    if entry.meta.ends_before:
        folder = entry.path.parent
        if folder not in index_times:
            try:
                index_times[folder] = os.stat(folder / INDEX_NAME).st_mtime_ns
            except OSError:
                index_times[folder] = 0
        mtime = max(mtime, index_times[folder])
    return mtime, status.st_size


def read(key: str, status: Version) -> Prepared:
    """An essay's sentence rows, or the one-line problem that kept it from being read."""
    try:
        return key, status, essay_rows(load_document(Path(key), _NO_META).text), None
    except ReaderError as exc:
        return key, status, [], exc.message


def delete(connection: sqlite3.Connection, essay_id: int) -> None:
    connection.execute(
        "INSERT INTO sentence_terms (sentence_terms, rowid, terms) "
        "SELECT 'delete', id, terms FROM sentences WHERE essay = ?",
        (essay_id,),
    )
    connection.execute("DELETE FROM sentences WHERE essay = ?", (essay_id,))
    connection.execute("DELETE FROM essays WHERE id = ?", (essay_id,))


def write(
    connection: sqlite3.Connection,
    key: str,
    status: Version,
    rows: list[tuple[int, str, str]],
    problem: str | None,
) -> None:
    old = connection.execute("SELECT id FROM essays WHERE path = ?", (key,)).fetchone()
    if old is not None:
        delete(connection, old[0])
    cursor = connection.execute(
        "INSERT INTO essays (path, mtime_ns, size, problem) VALUES (?, ?, ?, ?)",
        (key, *status, problem),
    )
    essay_id = cursor.lastrowid
    assert essay_id is not None
    first_id = essay_id << store.ESSAY_SHIFT
    connection.executemany(
        "INSERT INTO sentences (id, essay, start, text, terms) VALUES (?, ?, ?, ?, ?)",
        (
            (first_id + number, essay_id, start, text, terms)
            for number, (start, text, terms) in enumerate(rows)
        ),
    )
    connection.execute(
        "INSERT INTO sentence_terms (rowid, terms) SELECT id, terms FROM sentences WHERE essay = ?",
        (essay_id,),
    )
