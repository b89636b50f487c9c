"""The bundled Russian-English dictionary: ``dictionary/ru-en.sqlite3``, opened read-only once per process.

The file is built by ``dictionary/build.py``: one ``WITHOUT ROWID`` table ``entries(key, data)``, where
``key`` is a lemma in lower case with ё as е and no stress marks, and ``data`` the entry as compact JSON.
A missing or damaged file is a missing resource (exit status 2), reported in one line naming the file.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import NamedTuple

from reader import paths
from reader.errors import MissingResource


class Sense(NamedTuple):
    """One part of speech of an entry: ``pos`` as the dictionary names it (noun, verb, adj...),
    ``gram`` its gender, animacy or aspect marks, ``en`` its English translations."""

    pos: str
    gram: tuple[str, ...]
    en: tuple[str, ...]


class Entry(NamedTuple):
    """A dictionary entry: ``lemma`` as printed (ё and capitals kept), ``stress`` its stressed spellings."""

    key: str
    lemma: str
    stress: tuple[str, ...]
    senses: tuple[Sense, ...]


def key_of(word: str) -> str:
    """The dictionary key of a lemma: lower case, ё as е (stress marks must already be gone)."""
    return word.lower().replace("ё", "е")


class Dictionary:
    """Read-only access to one dictionary file; the connection is opened on the first lookup."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            with self._lock:
                if self._connection is None:
                    self._connection = self._open()
        return self._connection

    def _open(self) -> sqlite3.Connection:
        if not self.path.is_file():
            raise MissingResource(
                f"{self.path}: dictionary file not found (rebuild it with dictionary/build.py)"
            )
        try:
            connection = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            connection.execute("SELECT key, data FROM entries LIMIT 1").fetchall()
        except sqlite3.Error as exc:
            raise MissingResource(f"{self.path}: not a readable dictionary ({exc})") from None
        return connection

    def lookup(self, key: str) -> Entry | None:
        """The entry stored under ``key`` (see :func:`key_of`), or None."""
        connection = self._connect()
        try:
            row = connection.execute("SELECT data FROM entries WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            data = json.loads(row[0])
            senses = tuple(
                Sense(sense["pos"], tuple(sense.get("gram", ())), tuple(sense.get("en", ())))
                for sense in data["senses"]
            )
            return Entry(key, data["lemma"], tuple(data["stress"]), senses)
        except (sqlite3.Error, ValueError, KeyError, TypeError) as exc:
            raise MissingResource(f"{self.path}: damaged dictionary entry {key!r} ({exc})") from None


_default: Dictionary | None = None
_default_lock = threading.Lock()


def default_dictionary() -> Dictionary:
    """The process-wide dictionary at :func:`reader.paths.dictionary_file`."""
    global _default
    with _default_lock:
        if _default is None or _default.path != paths.dictionary_file():
            _default = Dictionary(paths.dictionary_file())
        return _default


def lookup(key: str) -> Entry | None:
    """The entry for ``key`` in the bundled dictionary."""
    return default_dictionary().lookup(key)
