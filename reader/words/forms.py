"""Known Russian word forms, read straight from pymorphy3's dictionary files, without pymorphy3.

Building ``pymorphy3.MorphAnalyzer`` costs a fresh process about 55 ms (its imports, and one tag object
for each of 5,500 tags), more than the rest of ``reader word`` together. For a word in its dictionary,
pymorphy3's answer needs only four of its files: ``words.dawg`` (word form -> paradigm and form index),
``paradigms.array``, ``suffixes.json`` and ``gramtab-opencorpora-int.json`` (lemma and tag), and
``p_t_given_w.intdawg`` (how likely each tag is for the form). :class:`FormTable` reads those the way
pymorphy3's ``DictionaryAnalyzer`` and ``ProbabilityEstimator`` do, in about a third of the time, and
gives the same parses in the same order (``tests/test_words_analysis.py`` compares the two).
Words the dictionary lacks (pymorphy3 guesses those from their endings), hyphenated words and single
letters are left to pymorphy3 itself: :meth:`FormTable.parse` returns None for them.
"""

from __future__ import annotations

import array
import json
import mmap
import struct
import threading
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

_DAWG = TypeVar("_DAWG", bound=Any)

#: The dictionary format this reader understands (pymorphy3-dicts-ru 2.4.x).
FORMAT_VERSION = "2.4"
#: pymorphy3's letter substitutes for Russian: a typed е may stand for ё.
_SUBSTITUTES = {"е": "ё"}
_PROBABILITY_SCALE = 1_000_000


class Parse(NamedTuple):
    """One reading of a word form: the form as the dictionary spells it (ё restored), its lemma, its
    OpenCorpora tag (``"NOUN,anim,masc plur,gent"``) and its probability among the form's parses."""

    word: str
    lemma: str
    tag: str
    score: float


class FormTable:
    """pymorphy3's dictionary of known forms, loaded from ``directory`` (its ``data`` folder)."""

    def __init__(self, directory: Path) -> None:
        import dawg_python

        meta = dict(json.loads((directory / "meta.json").read_text(encoding="utf-8")))
        if meta.get("format_version") != FORMAT_VERSION:
            raise ValueError(
                f"{directory}: dictionary format {meta.get('format_version')!r} is not supported"
            )
        self._prefixes: list[str] = meta["compile_options"]["paradigm_prefixes"]
        self._suffixes: list[str] = json.loads((directory / "suffixes.json").read_text(encoding="utf-8"))
        self._tags: list[str] = json.loads(
            (directory / "gramtab-opencorpora-int.json").read_text(encoding="utf-8")
        )
        self._paradigm_bytes = (directory / "paradigms.array").read_bytes()
        self._paradigm_offsets = _paradigm_offsets(self._paradigm_bytes)
        self._paradigms: dict[int, array.array[int]] = {}
        self._words = _load_dawg(dawg_python.RecordDAWG(">HH"), directory / "words.dawg")
        self._replaces = self._words.compile_replaces(_SUBSTITUTES)
        self._probabilities = _load_dawg(dawg_python.IntCompletionDAWG(), directory / "p_t_given_w.intdawg")

    def parse(self, word: str) -> list[Parse] | None:
        """Every dictionary parse of a lower-case ``word``, most likely first; None when pymorphy3 would
        have to guess (an unknown word, a hyphenated one, a single letter)."""
        if len(word) < 2 or "-" in word:
            return None
        found: list[tuple[str, str, str]] = []
        for fixed_word, records in self._words.similar_items(word, self._replaces):
            for paradigm_id, index in records:
                paradigm = self._paradigm(paradigm_id)
                tag = self._tags[paradigm[len(paradigm) // 3 + index]]
                found.append((fixed_word, self._lemma(paradigm, index, fixed_word), tag))
        if not found:
            return None
        probabilities = [
            self._probabilities.get(f"{word}:{tag}", 0) / _PROBABILITY_SCALE for *_, tag in found
        ]
        if sum(probabilities) == 0:
            share = 1.0 / len(found)
            return [Parse(fixed, lemma, tag, share) for fixed, lemma, tag in found]
        parses = [
            Parse(fixed, lemma, tag, p) for (fixed, lemma, tag), p in zip(found, probabilities, strict=True)
        ]
        return sorted(parses, key=lambda parse: parse.score, reverse=True)  # stable, as pymorphy3's sort

    def _paradigm(self, paradigm_id: int) -> array.array[int]:
        paradigm = self._paradigms.get(paradigm_id)
        if paradigm is None:
            start, count = self._paradigm_offsets[paradigm_id]
            paradigm = array.array("H")
            paradigm.frombytes(self._paradigm_bytes[start : start + 2 * count])
            self._paradigms[paradigm_id] = paradigm
        return paradigm

    def _lemma(self, paradigm: array.array[int], index: int, fixed_word: str) -> str:
        """The normal form, built as pymorphy3's ``build_normal_form`` does: strip the form's prefix and
        suffix to get the stem, then add the paradigm's first prefix and suffix."""
        if index == 0:
            return fixed_word
        length = len(paradigm) // 3
        prefix = self._prefixes[paradigm[2 * length + index]]
        suffix = self._suffixes[paradigm[index]]
        stem = fixed_word[len(prefix) : len(fixed_word) - len(suffix)]
        return self._prefixes[paradigm[2 * length]] + stem + self._suffixes[paradigm[0]]


def _load_dawg(dawg: _DAWG, path: Path) -> _DAWG:
    """``dawg.load(path)``, but with the file memory-mapped rather than copied into arrays.

    dawg_python reads a DAWG file into two arrays, its units and its guide; ``words.dawg`` is 7 MB, and
    copying it is most of what loading costs. A memoryview over the mapped file indexes like those arrays,
    and only the pages a lookup touches are read. When dawg_python's layout is not the one expected, the
    ordinary load is used.
    """
    from dawg_python import wrapper

    dictionary, guide = wrapper.Dictionary(), wrapper.Guide()
    if not (isinstance(getattr(dictionary, "_units", None), array.array) and hasattr(guide, "_units")):
        return dawg.load(str(path))
    with open(path, "rb") as file:
        mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    view = memoryview(mapped)
    (units,) = struct.unpack_from("=I", view, 0)
    guide_at = 4 + 4 * units
    (guide_units,) = struct.unpack_from("=I", view, guide_at)
    if guide_at + 4 + 2 * guide_units > len(view):
        raise ValueError(f"{path}: truncated DAWG file")
    dictionary._units = view[4:guide_at].cast("I")  # type: ignore[assignment]
    guide._units = view[guide_at + 4 : guide_at + 4 + 2 * guide_units].cast("B")  # type: ignore[assignment]
    dawg.dct, dawg.guide = dictionary, guide
    return dawg


def _paradigm_offsets(data: bytes) -> list[tuple[int, int]]:
    """(byte offset, item count) of each paradigm in ``paradigms.array``: a little-endian count of
    paradigms, then each paradigm as its length and that many unsigned shorts."""
    (total,) = struct.unpack_from("<H", data, 0)
    offsets: list[tuple[int, int]] = []
    position = 2
    for _ in range(total):
        (count,) = struct.unpack_from("<H", data, position)
        offsets.append((position + 2, count))
        position += 2 + 2 * count
    return offsets


_table: FormTable | None = None
_table_failed = False
_table_lock = threading.Lock()


def form_table() -> FormTable | None:
    """The process-wide table, built on first use; None when pymorphy3's data cannot be read this way
    (another format or layout), in which case pymorphy3 itself is used for every word."""
    global _table, _table_failed
    with _table_lock:
        if _table is None and not _table_failed:
            try:
                _table = FormTable(_data_directory())
            except (ImportError, OSError, ValueError, KeyError, struct.error):
                _table_failed = True
        return _table


def _data_directory() -> Path:
    import pymorphy3_dicts_ru

    path: Any = pymorphy3_dicts_ru.get_path()
    return Path(path)
