"""The dictionary file: built deterministically by ``dictionary/build.py``, read-only, and a missing or
damaged file is a missing resource (exit status 2) in one line naming the file."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader import paths
from reader.errors import MissingResource
from reader.words.dictionary import Dictionary, key_of
from tests.support.cli import REPO_ROOT

RECORDS = [
    {
        "key": "жила",
        "lemma": "жила",
        "stress": ["жи́ла"],
        "senses": [{"pos": "noun", "gram": ["f"], "en": ["tendon", "vein"], "src": ["openrussian"]}],
    },
    {"key": "елка", "lemma": "ёлка", "stress": [], "senses": [{"pos": "noun", "en": ["fir"], "src": ["x"]}]},
]


def _build(tmp_path: Path, name: str) -> Path:
    source = tmp_path / "lemmas.jsonl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as out:
        for record in RECORDS:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    target = tmp_path / name
    subprocess.run(
        [sys.executable, str(REPO_ROOT / "dictionary" / "build.py"), str(source), "-o", str(target)],
        check=True,
        capture_output=True,
    )
    return target


def test_build_is_deterministic_and_readable(tmp_path: Path) -> None:
    first, second = _build(tmp_path, "a.sqlite3"), _build(tmp_path, "b.sqlite3")
    assert hashlib.sha256(first.read_bytes()).digest() == hashlib.sha256(second.read_bytes()).digest()
    entry = Dictionary(first).lookup("жила")
    assert entry is not None
    assert entry.lemma == "жила"
    assert entry.stress == ("жи́ла",)
    assert entry.senses[0].pos == "noun"
    assert entry.senses[0].gram == ("f",)
    assert entry.senses[0].en == ("tendon", "vein")
    assert Dictionary(first).lookup(key_of("Ёлка")) is not None
    assert Dictionary(first).lookup("нет") is None


def test_bundled_dictionary_holds_every_entry() -> None:
    import sqlite3

    connection = sqlite3.connect(f"{paths.dictionary_file().as_uri()}?mode=ro", uri=True)
    try:
        assert connection.execute("SELECT count(*) FROM entries").fetchone()[0] == 75_119
    finally:
        connection.close()


def test_bundled_dictionary_fits_its_size_budget() -> None:
    folder = paths.dictionary_file().parent
    assert sum(path.stat().st_size for path in folder.iterdir() if path.is_file()) < 25 * 2**20


def test_missing_file_is_a_missing_resource(tmp_path: Path) -> None:
    with pytest.raises(MissingResource) as raised:
        Dictionary(tmp_path / "absent.sqlite3").lookup("жила")
    message = str(raised.value)
    assert "absent.sqlite3" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    "content", [b"not a database at all" * 100, b"", b"SQLite format 3\x00" + b"\xff" * 4000]
)
def test_corrupt_file_is_a_missing_resource(tmp_path: Path, content: bytes) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(content)
    with pytest.raises(MissingResource) as raised:
        Dictionary(broken).lookup("жила")
    assert "broken.sqlite3" in str(raised.value)
    assert "\n" not in str(raised.value)


def test_the_dictionary_is_opened_read_only(tmp_path: Path) -> None:
    built = _build(tmp_path, "ro.sqlite3")
    before = built.read_bytes()
    dictionary = Dictionary(built)
    assert dictionary.lookup("жила") is not None
    connection = dictionary._connect()
    with pytest.raises(Exception, match="readonly"):
        connection.execute("DELETE FROM entries")
    assert built.read_bytes() == before
