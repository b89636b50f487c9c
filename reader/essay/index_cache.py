"""A parsed copy of each library folder's ``index.yaml``, kept as JSON in the cache folder.

The library is the app's first screen and its titles come from these files; reading the JSON copy spares
the start-up the YAML parser (about 15 ms). A copy is used only while the ``index.yaml`` it was made from
has the same size and modification time, and what it holds goes through the same checks as freshly
parsed YAML, so a stale, damaged or hand-edited cache can only cost a re-parse, never a wrong title.
"""

from __future__ import annotations

import json
from pathlib import Path

from reader import paths
from reader.atomic_files import UnusableStore, read_json_store, write_json_atomically

VERSION = 1
#: The cache holds a few small mappings; anything larger is not ours.
LIMIT = 4 * 1024 * 1024


def cache_file() -> Path:
    return paths.library_index_cache_file()


def _stamp(index_path: Path) -> list[int]:
    stat = index_path.stat()
    return [stat.st_mtime_ns, stat.st_size]


def _entries() -> dict[str, object]:
    try:
        stored = read_json_store(cache_file(), LIMIT, "library index cache")
    except (UnusableStore, OSError):
        return {}
    if not isinstance(stored, dict) or stored.get("version") != VERSION:
        return {}
    entries = stored.get("indexes")
    return entries if isinstance(entries, dict) else {}


def cached_index(index_path: Path) -> tuple[bool, object]:
    """``(True, mapping)`` when the cache holds this ``index.yaml`` as it is now; ``(False, None)`` else."""
    entry = _entries().get(str(index_path))
    if not isinstance(entry, dict):
        return False, None
    try:
        fresh = entry.get("stamp") == _stamp(index_path)
    except OSError:
        return False, None
    return (True, entry.get("raw")) if fresh else (False, None)


def remember_index(index_path: Path, raw: object) -> None:
    """Keep ``raw`` (the parsed YAML) for the next start; silently skipped when it cannot be kept."""
    try:
        json.dumps(raw)
    except (TypeError, ValueError):  # YAML dates and the like are not JSON: that folder is not cached
        return
    entries = _entries()
    try:
        entries[str(index_path)] = {"stamp": _stamp(index_path), "raw": raw}
        write_json_atomically(cache_file(), {"version": VERSION, "indexes": entries}, indent=None)
    except OSError:  # a read-only cache folder: the next start parses the YAML again
        return
