"""Importing an essay: a clean UTF-8 text copy of any supported file in the user's essays folder, with its
metadata added to that folder's ``index.yaml``, so the library lists it like any other essay.

The copy holds exactly the extracted text (:mod:`reader.essay.formats`), so offsets reported while
importing index the copy too. Nothing is written unless the whole import can succeed: the file is
extracted and the existing index read and checked first; then the copy is created under a name no other
file has (never overwriting one), and the index is replaced atomically (a temporary file renamed over it).
An existing index keeps its entries and comments: the new entry is appended to its text. If writing the
index fails, the copy is removed again. A lock file serialises imports running at the same time.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from reader import paths
from reader.atomic_files import write_text_atomically
from reader.errors import BadInput
from reader.essay.decoding import decode_bytes
from reader.essay.document import EssayMeta
from reader.essay.formats import Extracted, extract
from reader.input_files import shown_path

INDEX_NAME = "index.yaml"
_LOCK_NAME = ".index.lock"
_UNSAFE_NAME_CHARACTERS = re.compile(r"[^\w.-]+")
_NAME_MAX = 80


@dataclass(frozen=True)
class Imported:
    """The result of an import: the copy written, its metadata and the text it holds."""

    path: Path
    imported_from: Path
    format: str
    encoding: str
    meta: EssayMeta
    text: str


def import_essay(source: Path | str, *, title: str | None = None, folder: Path | None = None) -> Imported:
    """Import ``source`` into ``folder`` (the user's essays folder by default)."""
    source = Path(source)
    folder = folder or paths.user_essays_dir()
    extracted = extract(source)
    text = extracted.text
    if not text.strip():
        raise BadInput(f"{shown_path(source)}: no text to import")
    data = text.encode("utf-8")
    if decode_bytes(data, shown_path(source)).text != text:
        raise BadInput(f"{shown_path(source)}: the text cannot be stored so it reads back the same")
    meta = extracted.essay_meta(source, title)
    if folder.is_dir():
        _read_index(folder)  # a malformed index is refused before anything is written
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BadInput(
            f"{shown_path(folder)}: cannot create the essays folder ({exc.strerror or exc})"
        ) from None
    with _locked(folder):
        index_text, index = _read_index(folder)
        copy = _create_copy(folder, source, data, set(index))
        try:
            _write_index(folder, index_text, index, copy.name, _index_entry(meta, extracted, source))
        except BaseException:
            copy.unlink(missing_ok=True)
            raise
    return Imported(copy, source, extracted.meta.format, extracted.meta.encoding, meta, text)


def _index_entry(meta: EssayMeta, extracted: Extracted, source: Path) -> dict[str, Any]:
    return {
        "title": meta.title,
        "author": meta.author,
        "year": meta.year,
        "source": meta.source,
        "title_supplied": meta.title_supplied,
        "format": extracted.meta.format,
        "imported_from": source.name,
    }


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # no advisory locks on this platform: imports are not serialised
        yield
        return
    try:
        handle = open(folder / _LOCK_NAME, "a")  # noqa: SIM115 - held open for the lock's lifetime
    except OSError as exc:
        raise BadInput(
            f"{shown_path(folder)}: cannot write to the essays folder ({exc.strerror or exc})"
        ) from None
    with handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield


def _read_index(folder: Path) -> tuple[str, dict[str, Any]]:
    """The index's text and its mapping (both empty when there is none); a malformed index is refused."""
    index_path = folder / INDEX_NAME
    if not index_path.exists():
        return "", {}
    from reader.safe_yaml import load_file

    raw = load_file(index_path)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise BadInput(f"{shown_path(index_path)}: expected a mapping of file names to metadata; not changed")
    return index_path.read_text(encoding="utf-8-sig"), {str(key): value for key, value in raw.items()}


def _copy_name(source: Path, attempt: int) -> str:
    stem = _UNSAFE_NAME_CHARACTERS.sub("-", source.stem).strip(".-")[:_NAME_MAX] or "essay"
    return f"{stem}.txt" if attempt == 1 else f"{stem}-{attempt}.txt"


def _create_copy(folder: Path, source: Path, data: bytes, taken: set[str]) -> Path:
    """A new file in ``folder`` holding ``data``, named after ``source``, never replacing a file."""
    for attempt in range(1, 1000):
        name = _copy_name(source, attempt)
        if name in taken or name == INDEX_NAME:
            continue
        target = folder / name
        try:
            with open(target, "xb") as handle:
                try:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                except BaseException:
                    target.unlink(missing_ok=True)
                    raise
        except FileExistsError:
            continue
        except OSError as exc:
            raise BadInput(f"{shown_path(target)}: cannot write the copy ({exc.strerror or exc})") from None
        return target
    raise BadInput(f"{shown_path(folder)}: no free name for {shown_path(source)}")


def _write_index(
    folder: Path, index_text: str, index: dict[str, Any], name: str, entry: dict[str, Any]
) -> None:
    """The index with ``entry`` appended (its other entries and comments kept), replaced atomically."""
    wanted = {**index, name: entry}
    addition = yaml.safe_dump({name: entry}, allow_unicode=True, sort_keys=False, width=100)
    text = index_text + ("" if not index_text or index_text.endswith("\n") else "\n") + addition
    if yaml.safe_load(text) != wanted:  # not a block mapping we can append to: write it afresh
        text = yaml.safe_dump(wanted, allow_unicode=True, sort_keys=False, width=100)
    index_path = folder / INDEX_NAME
    try:
        write_text_atomically(index_path, text, mode=_index_mode(index_path))
    except OSError as exc:
        raise BadInput(f"{shown_path(index_path)}: cannot write the index ({exc.strerror or exc})") from None


def _index_mode(index_path: Path) -> int:
    """The permissions the index keeps: its present ones, or for a new index what the umask allows."""
    try:
        return index_path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
