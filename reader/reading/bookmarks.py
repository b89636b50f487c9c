"""Bookmarks: places in essays the reader marked, each with a short note, kept across essays.

One JSON file beside the reading state (``paths.bookmarks_file()``), written atomically. A bookmark keeps
the essay's path (resolved, as the reading state keys it), its title and a snippet of the text at the
place when it was made, so the list reads well even when the essay has moved. The file comes from disk:
it is read with limits, entries of the wrong shape are skipped, and a file that cannot be used at all is
moved aside (``bookmarks.json.corrupt-<time>``) with one line for the user, as the reading state does.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader import paths
from reader.atomic_files import UnusableStore, read_json_store, set_aside, write_json_atomically
from reader.reading.state import essay_key
from reader.safe_text import one_line

BOOKMARKS_VERSION = 1
MAX_BOOKMARKS_BYTES = 10 * 1024 * 1024
#: A note is a reminder, not an essay: longer text is cut (and a snippet is a glimpse of the place).
MAX_NOTE = 500
SNIPPET_LENGTH = 80


@dataclass(frozen=True)
class Bookmark:
    """One marked place: ``offset`` into the essay's text, a ``note`` (may be empty), ``created`` (ISO 8601,
    UTC, to the second)."""

    id: str
    essay: str
    title: str
    offset: int
    snippet: str
    note: str
    created: str

    @property
    def path(self) -> Path:
        return Path(self.essay)

    @classmethod
    def from_json(cls, raw: object) -> Bookmark | None:
        """A bookmark read from the file, or None when ``raw`` is not one (a hand-edited file stays
        usable)."""
        if not isinstance(raw, dict):
            return None
        texts = {name: raw.get(name) for name in ("id", "essay", "title", "snippet", "note", "created")}
        offset = raw.get("offset")
        if not all(isinstance(value, str) for value in texts.values()):
            return None
        if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
            return None
        return cls(offset=offset, **texts)  # type: ignore[arg-type]


def snippet_at(text: str, offset: int) -> str:
    """A one-line glimpse of ``text`` from ``offset`` (line breaks and runs of white space as one space)."""
    return one_line(" ".join(text[offset : offset + SNIPPET_LENGTH * 2].split()), SNIPPET_LENGTH)


class BookmarkStore:
    """Every bookmark, oldest first. Thread-safe, like the reading state."""

    def __init__(self, file: Path | None = None) -> None:
        self.file = file if file is not None else paths.bookmarks_file()
        #: One line for the user when the file could not be used (said once), else None.
        self.problem: str | None = None
        self._saving = True
        self._lock = threading.Lock()
        self._bookmarks: list[Bookmark] = self._read()

    def _read(self) -> list[Bookmark]:
        try:
            raw = read_json_store(self.file, MAX_BOOKMARKS_BYTES, "a bookmarks file")
        except UnusableStore as exc:
            return self._start_fresh(exc.why)
        if raw is None:
            return []
        items = raw.get("bookmarks") if isinstance(raw, dict) else None
        if not isinstance(items, list):
            return self._start_fresh("has an unknown shape")
        return [bookmark for bookmark in map(Bookmark.from_json, items) if bookmark is not None]

    def _start_fresh(self, why: str) -> list[Bookmark]:
        self.problem, self._saving = set_aside(self.file, "the bookmarks", why)
        return []

    @property
    def can_save(self) -> bool:
        """False when an unusable file could not be moved aside: :meth:`save` then writes nothing."""
        return self._saving

    def all(self) -> list[Bookmark]:
        with self._lock:
            return list(self._bookmarks)

    def for_essay(self, path: Path) -> list[Bookmark]:
        key = essay_key(path)
        return [bookmark for bookmark in self.all() if bookmark.essay == key]

    def get(self, bookmark_id: str) -> Bookmark | None:
        return next((bookmark for bookmark in self.all() if bookmark.id == bookmark_id), None)

    def add(self, path: Path, title: str, offset: int, snippet: str, note: str = "") -> Bookmark:
        """Mark ``offset`` in the essay at ``path`` (not saved until :meth:`save`)."""
        bookmark = Bookmark(
            id=secrets.token_hex(4),
            essay=essay_key(path),
            title=one_line(title, 200),
            offset=max(0, offset),
            snippet=snippet,
            note=one_line(note.strip(), MAX_NOTE) if note.strip() else "",
            created=datetime.now(UTC).replace(microsecond=0).isoformat(),
        )
        with self._lock:
            self._bookmarks.append(bookmark)
        return bookmark

    def remove(self, bookmark_id: str) -> Bookmark | None:
        """Forget the bookmark ``bookmark_id`` (not saved until :meth:`save`); the bookmark, or None."""
        with self._lock:
            for index, bookmark in enumerate(self._bookmarks):
                if bookmark.id == bookmark_id:
                    return self._bookmarks.pop(index)
        return None

    def save(self) -> None:
        """Write every bookmark atomically; OSError for the caller. Nothing when an unusable file could not
        be moved aside (saving would destroy it)."""
        with self._lock:
            if not self._saving:
                return
            payload = {"version": BOOKMARKS_VERSION, "bookmarks": [asdict(item) for item in self._bookmarks]}
        write_json_atomically(self.file, payload)
