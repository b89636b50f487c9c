"""The persistent translation cache: one SQLite file of sentence translations.

Why SQLite: several reader processes (the app and a `reader translate` in another terminal) may use the
cache at once, and a process may be killed mid-write. SQLite in WAL mode lets readers and one writer
work concurrently (``busy_timeout`` makes a second writer wait instead of failing), and its atomic
commits mean a killed writer leaves either whole rows or none.

A row is keyed by a hash of the *namespace* (package code, version and decoding options: anything
that changes the output) and the exact source sentence; the namespace and the source are stored too
and checked on read, so a hash collision can never return a wrong translation.

Beside translations it keeps the glossary term ids found in each passage, keyed by a fingerprint of
the glossary files, so a fully cached `reader translate` need not load the glossary (and pymorphy3).

A file that is not a database, or fails SQLite's check, is moved aside (``<name>.corrupt-<time>``) and
replaced by an empty cache; :attr:`TranslationCache.warning` says so in one line for the CLI or app.

The cache only saves work, so it never costs a translation: when it cannot be opened (a read-only
folder) or written (a full disk), lookups find nothing and saves are skipped, each failure noted once in
:attr:`TranslationCache.warning`, and the caller's translations are returned all the same. Clearing a
cache on a full disk (where ``DELETE`` and ``VACUUM`` need room to run) deletes the file instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader import atomic_files, paths
from reader.errors import BadInput
from reader.input_files import shown_path
from reader.safe_text import one_line

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    key BLOB PRIMARY KEY,
    namespace TEXT NOT NULL,
    source TEXT NOT NULL,
    translation TEXT NOT NULL,
    created REAL NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS terms (
    key BLOB PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    source TEXT NOT NULL,
    ids TEXT NOT NULL,
    created REAL NOT NULL
) WITHOUT ROWID;
"""
_BUSY_TIMEOUT_MS = 10_000
#: SQLite limits the number of ``?`` in one statement; look keys up in chunks below it.
_LOOKUP_CHUNK = 500


@dataclass(frozen=True)
class CacheStats:
    """How big the cache is: rows, bytes on disk (database and its WAL), and where it lives."""

    entries: int
    bytes: int
    path: Path


def cache_key(namespace: str, source: str) -> bytes:
    """The primary key of a sentence: SHA-256 of namespace and source, separated by a NUL."""
    return hashlib.sha256(f"{namespace}\0{source}".encode()).digest()


def move_aside(path: Path) -> Path:
    """Rename a broken SQLite database (and its WAL and shared-memory files) to ``*.corrupt-<time>``."""
    return atomic_files.move_aside(path, companions=("-wal", "-shm"))


class TranslationCache:
    """Sentence translations on disk, shared by every reader process. Safe to use from several threads.

    The database is opened on first use, so constructing a cache costs nothing.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else paths.translation_cache_file()
        self._warnings: list[str] = []
        #: Set when the database could not be opened: lookups and saves are skipped from then on.
        self._unusable = False
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.RLock()

    @property
    def warning(self) -> str | None:
        """One line for the user when the cache was rebuilt (it was corrupt), could not be opened or could
        not be written; None when all went well."""
        return one_line("; ".join(self._warnings), 400) if self._warnings else None

    @property
    def warnings(self) -> tuple[str, ...]:
        """Each warning :attr:`warning` joins, in the order they arose."""
        return tuple(self._warnings)

    def _warn(self, message: str) -> None:
        if message not in self._warnings:
            self._warnings.append(message)

    def _skip(self, exc: BaseException, consequence: str) -> None:
        """Note a failed lookup or save; a cache that cannot even be opened is not tried again."""
        if isinstance(exc, BadInput):
            self._unusable = True
            consequence = "translating without the cache"
        self._warn(f"{_reason(exc, self._shown())}; {consequence}")

    def _shown(self) -> str:
        return shown_path(self.path)

    # -- opening -------------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        """The open connection; opens (and if need be rebuilds) the database on first use."""
        if self._connection is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._connection = self._open_with_retry()
            except (sqlite3.OperationalError, OSError) as exc:  # locked, read-only, no such directory ...
                raise BadInput(
                    f"translation cache {self._shown()}: cannot be opened ({_detail(exc)})"
                ) from None
            except sqlite3.DatabaseError as exc:  # not a database, malformed, failed the check
                moved = self._move_aside()
                self._warn(
                    f"translation cache {self._shown()} was unreadable ({_detail(exc)}); "
                    f"moved it to {shown_path(moved.name)} and started an empty cache"
                )
                self._connection = self._open_checked()
        return self._connection

    def _open_with_retry(self) -> sqlite3.Connection:
        """Open, retrying while another process holds the lock to create the schema or switch to WAL.

        SQLite does not always call the busy handler for ``PRAGMA journal_mode`` and schema creation
        when two processes open a new database at the same moment, so "database is locked" can come
        back at once; waiting briefly and trying again is what the busy timeout would have done.
        """
        deadline = time.monotonic() + _BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                return self._open_checked()
            except sqlite3.OperationalError as exc:
                message = str(exc).lower()
                if ("locked" not in message and "busy" not in message) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _open_checked(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.path, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        try:
            connection.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            status = connection.execute("PRAGMA quick_check").fetchone()
            if status is None or status[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {status[0] if status else 'no result'}")
            connection.executescript(_SCHEMA)
        except BaseException:
            connection.close()
            raise
        return connection

    def _move_aside(self) -> Path:
        return move_aside(self.path)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            connection = self._connect()
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:  # a failed COMMIT (disk full) may leave it open
                    with contextlib.suppress(sqlite3.Error):
                        connection.execute("ROLLBACK")
                raise

    # -- reading and writing -------------------------------------------------------------------------

    def get_many(self, namespace: str, sources: Sequence[str]) -> dict[str, str]:
        """The cached translations of ``sources`` under ``namespace``, by source (missing ones absent)."""
        return self._select("translations", "namespace", "translation", namespace, sources)

    def put_many(self, namespace: str, items: Iterable[tuple[str, str]]) -> None:
        """Store ``(source, translation)`` pairs under ``namespace``, all in one transaction."""
        self._insert("translations", "namespace", "translation", namespace, items)

    def get_terms(self, fingerprint: str, sources: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """Glossary term ids found earlier in ``sources`` by the glossary with this ``fingerprint``."""
        found = self._select("terms", "fingerprint", "ids", fingerprint, sources)
        return {source: tuple(json.loads(ids)) for source, ids in found.items()}

    def put_terms(self, fingerprint: str, items: Iterable[tuple[str, Sequence[str]]]) -> None:
        """Store the term ids of each source text, in one transaction."""
        self._insert("terms", "fingerprint", "ids", fingerprint, ((s, json.dumps(list(i))) for s, i in items))

    def _select(
        self, table: str, scope: str, value: str, namespace: str, sources: Sequence[str]
    ) -> dict[str, str]:
        wanted = {cache_key(namespace, source): source for source in dict.fromkeys(sources)}
        found: dict[str, str] = {}
        if self._unusable:
            return found
        try:
            self._select_into(found, wanted, table, scope, value, namespace)
        except (BadInput, sqlite3.Error, OSError) as exc:
            self._skip(exc, "translating without the cache")
            return {}
        return found

    def _select_into(
        self,
        found: dict[str, str],
        wanted: dict[bytes, str],
        table: str,
        scope: str,
        value: str,
        namespace: str,
    ) -> None:
        keys = list(wanted)
        with self._lock:
            connection = self._connect()
            for index in range(0, len(keys), _LOOKUP_CHUNK):
                chunk = keys[index : index + _LOOKUP_CHUNK]
                rows = connection.execute(
                    f"SELECT key, {scope}, source, {value} FROM {table} "
                    f"WHERE key IN ({','.join('?' * len(chunk))})",
                    chunk,
                ).fetchall()
                for key, row_namespace, source, result in rows:
                    if row_namespace == namespace and wanted.get(key) == source:
                        found[source] = result

    def _insert(
        self, table: str, scope: str, value: str, namespace: str, items: Iterable[tuple[str, str]]
    ) -> None:
        now = time.time()
        rows = [(cache_key(namespace, source), namespace, source, result, now) for source, result in items]
        if not rows or self._unusable:
            return
        try:
            with self._transaction() as connection:
                connection.executemany(
                    f"INSERT OR REPLACE INTO {table} (key, {scope}, source, {value}, created) "
                    "VALUES (?, ?, ?, ?, ?)",
                    rows,
                )
        except (BadInput, sqlite3.Error, OSError) as exc:  # full disk, read-only folder: keep translating
            self._skip(exc, "new translations are not being cached")

    # -- housekeeping --------------------------------------------------------------------------------

    def stats(self) -> CacheStats:
        """Entries and size on disk; BadInput (one line) when the cache cannot be read."""
        with self._lock:
            entries = self._count()
        size = sum(
            self.path.with_name(self.path.name + suffix).stat().st_size
            for suffix in ("", "-wal")
            if self.path.with_name(self.path.name + suffix).exists()
        )
        return CacheStats(entries=int(entries), bytes=size, path=self.path)

    def clear(self) -> int | None:
        """Delete every entry and give the space back to the file system; returns how many were deleted
        (None when the cache could not be opened to count them).

        Where the database cannot be opened or ``DELETE`` and ``VACUUM`` cannot run (a full disk), its
        files are deleted instead: an empty cache is recreated on next use. BadInput (one line) when
        neither works.
        """
        with self._lock:
            try:
                entries: int | None = self._count()
            except BadInput:
                self._delete_files()
                return None
            try:
                with self._transaction() as connection:
                    connection.execute("DELETE FROM translations")
                    connection.execute("DELETE FROM terms")
                connection.execute("VACUUM")
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except (sqlite3.Error, OSError):
                self._delete_files()
        return entries

    def _count(self) -> int:
        try:
            return int(self._connect().execute("SELECT count(*) FROM translations").fetchone()[0])
        except (sqlite3.Error, OSError) as exc:
            raise BadInput(_reason(exc, self._shown())) from None

    def _delete_files(self) -> None:
        """Close the connection and delete the database with its WAL and shared-memory files."""
        self.close()
        try:
            for suffix in ("", "-wal", "-shm"):
                self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
        except OSError as exc:
            raise BadInput(
                f"translation cache {self._shown()}: cannot be deleted ({exc.strerror or exc})"
            ) from None

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def __enter__(self) -> TranslationCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _reason(exc: BaseException, shown: str) -> str:
    """One line for a cache failure: a BadInput's own message, else what SQLite or the OS said."""
    if isinstance(exc, BadInput):
        return exc.message
    return f"translation cache {shown}: {_detail(exc)}"


def _detail(exc: BaseException) -> str:
    """What SQLite or the OS said, on one short line (an integrity report can run to pages)."""
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
    return one_line(detail, 80)
