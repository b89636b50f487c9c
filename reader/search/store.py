"""The search index on disk: SQLite, with an FTS5 table over each sentence's terms.

Tables: ``essays`` (one row per indexed file: its path, modification time and size, so a changed file
is indexed again), ``sentences`` (each sentence's offset in the decoded essay, its text, and its terms
joined by spaces; a sentence's id is its essay's id shifted left by :data:`ESSAY_SHIFT` bits plus its
number in the essay, so FTS5's row ids alone say which essay a match is in, and in what order) and
``sentence_terms``, an external-content FTS5 table over those terms. A match is
found by FTS5, then located in the sentence by its words (see :mod:`reader.search.matching`), so
offsets are exact without a table of positions. The sentence text doubles as the match's context.

The file is a cache: a copy that is not a database is moved aside and rebuilt (with one warning), and
when the cache folder cannot be written the index lives in memory for the run (with one warning).
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from reader.atomic_files import move_aside

#: Bumped whenever tokens or sentences are computed differently: an older index is rebuilt.
FORMAT_VERSION = "3"
_BUSY_TIMEOUT_MS = 10_000
#: Sentence ids: ``essay id << ESSAY_SHIFT | sentence number``.
ESSAY_SHIFT = 32

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS essays (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    problem TEXT
);
CREATE TABLE IF NOT EXISTS sentences (
    id INTEGER PRIMARY KEY,
    essay INTEGER NOT NULL,
    start INTEGER NOT NULL,
    text TEXT NOT NULL,
    terms TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sentences_by_essay ON sentences (essay);
CREATE VIRTUAL TABLE IF NOT EXISTS sentence_terms USING fts5 (
    terms, content='sentences', content_rowid='id', tokenize='ascii'
);
"""
_DROP = """
DROP TABLE IF EXISTS sentence_terms;
DROP TABLE IF EXISTS sentences;
DROP TABLE IF EXISTS essays;
DROP TABLE IF EXISTS meta;
"""


def is_corruption(exc: BaseException) -> bool:
    """True for SQLite's "not a database" and "malformed" errors (not for locks or permissions)."""
    return isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError)


def _prepare(connection: sqlite3.Connection) -> sqlite3.Connection:
    """Schema of this format version on ``connection`` (an older format is dropped first)."""
    try:
        connection.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        with contextlib.suppress(sqlite3.OperationalError):  # an in-memory database keeps its journal
            connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        version = None
        has_meta = connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone()
        if has_meta:
            row = connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            version = row[0] if row else None
        if version != FORMAT_VERSION:
            connection.executescript(_DROP + _SCHEMA)
            connection.execute("INSERT INTO meta (key, value) VALUES ('version', ?)", (FORMAT_VERSION,))
    except BaseException:
        connection.close()
        raise
    return connection


def open_file(path: Path) -> sqlite3.Connection:
    """The index at ``path``, created if need be. Raises OSError or sqlite3.OperationalError when it
    cannot be written, sqlite3.DatabaseError when the file is not a usable database."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(
        path, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    return _prepare(connection)


def open_in_memory(copy_of: Path | None = None) -> sqlite3.Connection:
    """An index in memory, starting from a readable copy of ``copy_of`` when there is one."""
    connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    if copy_of is not None and copy_of.is_file():
        with contextlib.suppress(sqlite3.Error):
            source = sqlite3.connect(f"{copy_of.resolve().as_uri()}?mode=ro", uri=True)
            try:
                source.backup(connection)
            finally:
                source.close()
    try:
        return _prepare(connection)
    except sqlite3.DatabaseError:
        connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        return _prepare(connection)


def recreate(path: Path) -> tuple[sqlite3.Connection, Path]:
    """Move a corrupt index aside and start an empty one; returns it and where the old file went."""
    moved = move_aside(path, companions=("-wal", "-shm"))
    return open_file(path), moved


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (rolled back on any error)."""
    deadline = time.monotonic() + _BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            connection.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
