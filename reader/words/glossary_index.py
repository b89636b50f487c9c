"""Which Russian lemmas are glossary terms, without loading the glossary on every ``reader word``.

Loading the glossary (YAML for 256 entries, then its matcher) takes a fresh process about 0.3 s, far more
than a word lookup. So the one-word Russian names of the glossary (headwords, then the forms
lemmatisation cannot reach) are indexed by folded form and lemma, the way the glossary's matcher indexes
them, and the index is kept in the user's cache with the size and modification time of every glossary
file it was built from. A changed, added or removed file makes it stale and it is rebuilt. When a caller
already holds a glossary, the index is built from that one instead and not cached.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from reader import paths
from reader.atomic_files import write_text_atomically

if TYPE_CHECKING:
    from reader.glossary import Glossary

_FORMAT = 1
_MAX_BYTES = 4_000_000


def _fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def build_index(glossary: Glossary) -> dict[str, str]:
    """Folded one-word Russian name, and its lemma, -> entry id; headwords win over forms, then the
    glossary's order, as in the matcher."""
    from reader.glossary import morphology

    index: dict[str, str] = {}
    entries = list(glossary.entries.values())
    names = [(entry.id, entry.russian) for entry in entries]
    names += [(entry.id, form) for entry in entries for form in entry.forms]
    for entry_id, name in names:
        word = _fold(name.strip())
        if not word or not word.isalpha() or word.isascii():
            continue
        for key in (word, *morphology.lemmas(word)):
            index.setdefault(key, entry_id)
    return index


def _glossary_files() -> list[Path]:
    """The curated and user glossary files (as ``reader.glossary.load`` lists them: ``*.yaml`` by name)."""
    files: list[Path] = []
    for directory in (paths.bundled_glossary_dir(), paths.user_glossary_dir()):
        if directory.is_dir():
            files.extend(sorted(path for path in directory.glob("*.yaml") if path.is_file()))
    return files


def _signature() -> list[list[object]]:
    signature: list[list[object]] = [[_FORMAT]]
    for path in _glossary_files():
        stat = path.stat()
        signature.append([str(path.resolve()), stat.st_size, stat.st_mtime_ns])
    return signature


def _read_cached(file: Path, signature: list[list[object]]) -> dict[str, str] | None:
    try:
        if file.stat().st_size > _MAX_BYTES:
            return None
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("signature") != signature:
        return None
    index = data.get("index")
    if not isinstance(index, dict) or not all(isinstance(v, str) for v in index.values()):
        return None
    return index


def _write_cached(file: Path, signature: list[list[object]], index: Mapping[str, str]) -> None:
    """Best effort: a read-only cache directory only costs the next run the rebuild."""
    try:
        payload = json.dumps({"signature": signature, "index": index}, ensure_ascii=False)
        write_text_atomically(file, payload, sync=False)
    except OSError:
        pass


def glossary_index(glossary: Glossary | None = None) -> Mapping[str, str]:
    """The lemma -> glossary id index: of ``glossary`` when given, else of the curated and user
    glossary, from the cache when it is current."""
    if glossary is not None:
        return build_index(glossary)
    file = paths.word_glossary_index_file()
    signature = _signature()
    cached = _read_cached(file, signature)
    if cached is not None:
        return cached
    from reader.glossary import load_glossary

    index = build_index(load_glossary())
    _write_cached(file, signature, index)
    return index
