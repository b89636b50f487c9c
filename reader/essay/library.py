"""The library: the bundled essays of ``corpus/``, the user's essays directory and any ``--library DIR``.

A folder may hold an ``index.yaml`` mapping file names to metadata::

    socialism-bureaucracy-and-the-market.txt:
      title: "Socialism, Bureaucracy and the Market – 7"
      author: null
      year: null
      source: "..."
      title_supplied: false
      ends_before: "Share this article!"

Essays without an entry get a title from their first line or file name.

``ends_before`` (optional) marks the end of the essay in a file that carries more than the essay, such as
a web page's comment form saved with it: the essay is the file's text up to the first occurrence of that
text, with the white space before it dropped. The file itself is kept word for word; the reader, detection,
annotation, translation and search all see only the essay, and offsets index that text, which begins as
the file does (a marker that does not occur leaves the whole text).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reader import paths
from reader.errors import BadInput
from reader.essay.document import Document, EssayMeta, document_from_text, guess_title
from reader.essay.index_cache import cached_index, remember_index
from reader.safe_text import one_line

ESSAY_SUFFIXES = frozenset({".txt", ".text", ".md"})
INDEX_NAME = "index.yaml"


@dataclass(frozen=True)
class LibraryEntry:
    """One essay in the library. ``origin`` is ``bundled``, ``user`` or ``library`` (a --library DIR)."""

    path: Path
    meta: EssayMeta
    origin: str
    size: int

    @property
    def title(self) -> str:
        return self.meta.title


def _optional_text(raw: dict[object, object], key: str, where: str) -> str | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise BadInput(f"{where}: '{key}' must be text or null, not {one_line(repr(value), 60)}")
    return value or None


def _meta_from_mapping(raw: object, where: str) -> EssayMeta:
    if not isinstance(raw, dict) or not isinstance(raw.get("title"), str):
        raise BadInput(f"{where}: each essay needs a mapping with a 'title' string")
    year = raw.get("year")
    if isinstance(year, str) and year.strip().isdigit():
        year = int(year)
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise BadInput(f"{where}: 'year' must be a whole number or null, not {one_line(repr(year), 60)}")
    return EssayMeta(
        title=raw["title"],
        author=_optional_text(raw, "author", where),
        year=year,
        source=_optional_text(raw, "source", where),
        title_supplied=bool(raw.get("title_supplied", False)),
        ends_before=_optional_text(raw, "ends_before", where),
    )


@lru_cache(maxsize=32)
def _read_index(folder: Path, mtime: float) -> dict[str, EssayMeta]:
    index_path = folder / INDEX_NAME
    found, raw = cached_index(index_path)
    if not found:
        from reader.safe_yaml import load_file  # lazy: the first paint usually reads the cached copy

        raw = load_file(index_path)  # size cap, no aliases, bounded nesting; a one-line BadInput
        remember_index(index_path, raw)
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise BadInput(f"{index_path}: expected a mapping of file names to metadata")
    return {
        str(name): _meta_from_mapping(value, f"{index_path}: {one_line(str(name), 80)}")
        for name, value in raw.items()
    }


def read_index(folder: Path) -> dict[str, EssayMeta]:
    """The metadata of a library folder's ``index.yaml`` (empty when there is none)."""
    index_path = folder / INDEX_NAME
    if not index_path.is_file():
        return {}
    return _read_index(folder.resolve(), index_path.stat().st_mtime)


def metadata_for(path: Path) -> EssayMeta:
    """Metadata for an essay file: its folder's index entry, else a title guessed from its text."""
    try:
        meta = read_index(path.parent).get(path.name)
    except BadInput:
        meta = None
    if meta is not None:
        return meta
    from reader.essay.decoding import decode_bytes  # lazy: only essays without an index entry need it

    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
        text = decode_bytes(head, str(path)).text
    except (OSError, BadInput, UnicodeDecodeError):
        text = ""
    return EssayMeta(title=guess_title(text, path))


def _scan(folder: Path, origin: str) -> list[LibraryEntry]:
    if not folder.is_dir():
        return []
    try:
        index = read_index(folder)
    except BadInput:
        index = {}
    entries = []
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix.lower() in ESSAY_SUFFIXES:
            meta = index.get(path.name) or metadata_for(path)
            entries.append(LibraryEntry(path=path, meta=meta, origin=origin, size=path.stat().st_size))
    return entries


def index_problems(extra_dirs: tuple[Path, ...] = (), include_user: bool = True) -> list[str]:
    """One line for each library folder whose ``index.yaml`` cannot be used.

    The listing still shows such a folder's essays (with titles guessed from their text), so this is how
    the user learns why their titles, authors and years are missing.
    """
    folders = [paths.bundled_corpus_dir()]
    if include_user:
        folders.append(paths.user_essays_dir())
    folders += [Path(folder) for folder in extra_dirs]
    problems = []
    for folder in folders:
        try:
            read_index(folder)
        except BadInput as exc:
            problems.append(exc.message)
    return problems


def list_library(extra_dirs: tuple[Path, ...] = (), include_user: bool = True) -> list[LibraryEntry]:
    """Every essay the reader can open: bundled first, then the user's, then ``extra_dirs``."""
    entries = _scan(paths.bundled_corpus_dir(), "bundled")
    if include_user:
        entries += _scan(paths.user_essays_dir(), "user")
    for folder in extra_dirs:
        folder = Path(folder)
        if not folder.is_dir():
            raise BadInput(f"{folder}: not a directory")
        entries += _scan(folder, "library")
    return entries


def end_marker(path: Path) -> str | None:
    """The ``ends_before`` text of an essay file's entry in its folder's index, if any."""
    try:
        meta = read_index(path.parent).get(path.name)
    except BadInput:
        return None
    return meta.ends_before if meta is not None else None


def essay_part(text: str, marker: str | None) -> str:
    """``text`` up to ``marker`` (and the white space before it); all of it without a marker found."""
    cut = text.find(marker) if marker else -1
    return text if cut < 0 else text[:cut].rstrip()


def load_document(path: Path | str, meta: EssayMeta | None = None) -> Document:
    """Read an essay file. Metadata comes from ``meta``, else from the library index of its folder.

    A trailer marked by ``ends_before`` in the folder's index is left out whatever ``meta`` says: it is a
    fact about the file, so every reader of the essay sees the same text.
    """
    from reader.essay.formats import extract  # lazy: the library lists essays without reading them

    path = Path(path)
    extracted = extract(path)  # plain text decoded as ever; Markdown, HTML, EPUB, PDF, DOCX extracted
    if meta is None:
        meta = metadata_for(path) if extracted.meta.format == "text" else extracted.essay_meta(path)
    text = essay_part(extracted.text, end_marker(path))
    return document_from_text(text, path=path, encoding=extracted.meta.encoding, meta=meta)
