"""Assemble the glossary: the curated files, overlaid by the user's, validated across files.

Layers, lowest first: the curated glossary (``glossary/``), the user's glossary directory, then each
``--glossary DIR`` in the order given. An id defined again in a higher layer replaces the lower entry
(that is how a user corrects or extends the curated glossary); the same id twice within one layer is
a problem. ``see_also`` ids are checked against the merged glossary.

Loading is lazy and cached per process: the app, the CLI and the translation engine share one
:class:`Glossary` for the same directories.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader import paths
from reader.glossary.glossary import Glossary
from reader.glossary.model import Entry, Problem
from reader.glossary.schema import ParsedEntry, read_glossary_file

_cache: dict[tuple[object, ...], Glossary] = {}
_cache_lock = threading.Lock()


def glossary_files(location: Path) -> list[Path]:
    """The ``*.yaml`` files of a directory in name order (a file path stands for itself)."""
    if location.is_dir():
        return sorted(p for p in location.glob("*.yaml") if p.is_file())
    return [location] if location.is_file() else []


def _merge_layers(layers: Iterable[Sequence[Path]]) -> tuple[dict[str, Entry], list[Problem]]:
    """Read each layer's files, merge by id (higher layers win) and check see_also across the result."""
    merged: dict[str, ParsedEntry] = {}
    problems: list[Problem] = []
    for depth, files in enumerate(layers):
        layer: dict[str, ParsedEntry] = {}
        for path in files:
            parsed, file_problems = read_glossary_file(path)
            problems.extend(file_problems)
            for item in parsed:
                first = layer.get(item.entry.id)
                if first is not None:
                    where = f"{first.entry.origin}:{first.line}"
                    problems.append(
                        Problem(
                            item.entry.origin,
                            item.line,
                            f"duplicate id {item.entry.id!r} (first defined at {where})",
                        )
                    )
                    continue
                if depth:  # above the curated glossary: a user's entry
                    item = replace(item, entry=replace(item.entry, overlay=True))
                layer[item.entry.id] = item
        merged.update(layer)
    for item in merged.values():
        for target in item.entry.see_also:
            if target not in merged:
                problems.append(
                    Problem(
                        item.entry.origin,
                        item.see_also_lines.get(target, item.line),
                        f"entry {item.entry.id!r}: see_also {target!r} is not a glossary id",
                    )
                )
    problems.sort(key=lambda p: (p.path, p.line))
    return {entry_id: item.entry for entry_id, item in merged.items()}, problems


@dataclass(frozen=True)
class CheckReport:
    """What ``reader glossary check`` reports: files and valid entries read, and every problem."""

    files: tuple[Path, ...]
    entries: int
    problems: tuple[Problem, ...]


def check_glossary(locations: Sequence[Path], *, base: Sequence[Path] = ()) -> CheckReport:
    """Validate ``locations`` (files or directories) read as one glossary layer.

    ``base`` locations form a lower layer that ``see_also`` may point into and ids may override (to check
    a user overlay against the curated glossary); the base's own problems are not reported.
    """
    files = [f for location in locations for f in glossary_files(Path(location))]
    base_files = [f for location in base for f in glossary_files(Path(location))]
    checked = set(map(str, files))
    entries, problems = _merge_layers([base_files, files])
    own_entries = sum(1 for entry in entries.values() if entry.origin in checked)
    return CheckReport(tuple(files), own_entries, tuple(p for p in problems if p.path in checked))


def check_glossary_files(paths_: Sequence[Path]) -> list[Problem]:
    """Every problem in the given glossary files or directories, validated together."""
    return list(check_glossary(paths_).problems)


def load_glossary(
    extra_dirs: tuple[Path, ...] = (),
    include_user: bool = True,
    curated_dir: Path | None = None,
) -> Glossary:
    """The merged glossary, read once per process for each set of directories.

    ``curated_dir`` defaults to the bundled ``glossary/``; the user directory is
    :func:`reader.paths.user_glossary_dir` (its location is part of the cache key, so tests with their
    own ``READER_DATA_DIR`` get their own glossary).
    """
    curated = (curated_dir or paths.bundled_glossary_dir()).resolve()
    user = paths.user_glossary_dir().resolve() if include_user else None
    extras = tuple(Path(d).resolve() for d in extra_dirs)
    key = (curated, user, extras)
    with _cache_lock:
        cached = _cache.get(key)
        if cached is not None:
            return cached
        layers = [glossary_files(curated)]
        if user is not None:
            layers.append(glossary_files(user))
        layers.extend(glossary_files(d) for d in extras)
        entries, problems = _merge_layers(layers)
        glossary = Glossary(entries, problems)
        _cache[key] = glossary
        return glossary


def clear_cache() -> None:
    """Forget loaded glossaries (after the files changed on disk)."""
    with _cache_lock:
        _cache.clear()
