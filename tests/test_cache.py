"""The SQLite translation cache: lookups, two processes at once, a writer killed mid-write, corruption."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader import paths
from reader.translation.cache import TranslationCache
from tests.support.cli import REPO_ROOT

NS = "translate-ru_en|1.0|beam=4"

WRITER = r"""
import sys
from pathlib import Path
from reader.translation.cache import TranslationCache

path, name, batches, batch = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
cache = TranslationCache(path)
for b in range(batches if batches > 0 else 10**9):
    cache.put_many("ns", [(f"{name} {b} {i}", f"translation of {name} {b} {i}") for i in range(batch)])
    if b == 0:
        print("first batch committed", flush=True)
cache.close()
"""


def start_writer(path: Path, name: str, batches: int, batch: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), name, str(batches), str(batch)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
    )


def test_put_and_get(tmp_path: Path) -> None:
    with TranslationCache(tmp_path / "c.sqlite3") as cache:
        assert cache.get_many(NS, ["Кадры решают всё."]) == {}
        cache.put_many(
            NS, [("Кадры решают всё.", "Cadres decide everything."), ("Что делать?", "What to do?")]
        )
        assert cache.get_many(NS, ["Кадры решают всё.", "Что делать?", "Нет."]) == {
            "Кадры решают всё.": "Cadres decide everything.",
            "Что делать?": "What to do?",
        }
        assert cache.get_many(NS + "x", ["Кадры решают всё."]) == {}  # another model or beam: a miss
        assert cache.get_many(NS, ["Кадры решают всё. "]) == {}  # exact source only
        assert cache.stats().entries == 2
    with TranslationCache(tmp_path / "c.sqlite3") as reopened:  # persisted
        assert reopened.get_many(NS, ["Что делать?"]) == {"Что делать?": "What to do?"}


def test_default_location_and_wal_mode() -> None:
    with TranslationCache() as cache:
        cache.put_many(NS, [("а", "a")])
        assert cache.path == paths.translation_cache_file()
    connection = sqlite3.connect(paths.translation_cache_file())
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_many_lookups_beyond_the_sql_variable_limit(tmp_path: Path) -> None:
    items = [(f"предложение {i}", f"sentence {i}") for i in range(1500)]
    with TranslationCache(tmp_path / "c.sqlite3") as cache:
        cache.put_many(NS, items)
        assert cache.get_many(NS, [source for source, _ in items]) == dict(items)


def test_terms_are_kept_by_fingerprint(tmp_path: Path) -> None:
    with TranslationCache(tmp_path / "c.sqlite3") as cache:
        cache.put_terms("fp1", [("Вся власть Советам!", ["soviet"]), ("Что делать?", [])])
        assert cache.get_terms("fp1", ["Вся власть Советам!", "Что делать?"]) == {
            "Вся власть Советам!": ("soviet",),
            "Что делать?": (),
        }
        assert cache.get_terms("fp2", ["Вся власть Советам!"]) == {}


def test_stats_and_clear(tmp_path: Path) -> None:
    with TranslationCache(tmp_path / "c.sqlite3") as cache:
        cache.put_many(NS, [(f"s{i}", f"t{i}") for i in range(10)])
        stats = cache.stats()
        assert stats.entries == 10 and stats.bytes > 0 and stats.path == tmp_path / "c.sqlite3"
        assert cache.clear() == 10
        assert cache.stats().entries == 0
        assert cache.get_many(NS, ["s1"]) == {}


@pytest.mark.slow
def test_two_processes_write_at_once(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    writers = [start_writer(path, name, batches=40, batch=25) for name in ("one", "two")]
    for writer in writers:
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    with TranslationCache(path) as cache:
        assert cache.warning is None
        assert cache.stats().entries == 2 * 40 * 25
        sources = [f"{name} {b} {i}" for name in ("one", "two") for b in range(40) for i in range(25)]
        found = cache.get_many("ns", sources)
        assert found == {source: f"translation of {source}" for source in sources}


@pytest.mark.slow
def test_a_writer_killed_mid_write_leaves_only_whole_batches(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    writer = start_writer(path, "w", batches=0, batch=50)  # writes until killed
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "first batch committed"
    time.sleep(0.5)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL

    with TranslationCache(path) as cache:
        assert cache.warning is None  # not corrupt
        entries = cache.stats().entries
    assert entries >= 50 and entries % 50 == 0  # every batch is all there or not at all
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = connection.execute("SELECT source, translation FROM translations").fetchall()
    connection.close()
    assert all(translation == f"translation of {source}" for source, translation in rows)


def test_a_file_that_is_not_a_database_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "translations.sqlite3"
    path.write_bytes(b"this is not an SQLite database, it is a text file\n" * 100)
    with TranslationCache(path) as cache:
        assert cache.get_many(NS, ["а"]) == {}
        assert cache.warning is not None and "\n" not in cache.warning
        assert str(path) in cache.warning and "empty" in cache.warning
        cache.put_many(NS, [("а", "a")])
        assert cache.get_many(NS, ["а"]) == {"а": "a"}
    [aside] = tmp_path.glob("translations.sqlite3.corrupt-*")
    assert aside.read_bytes().startswith(b"this is not an SQLite database")
    with TranslationCache(path) as again:
        assert again.get_many(NS, ["а"]) == {"а": "a"}
        assert again.warning is None


def test_broken_copies_moved_aside_in_the_same_second_are_all_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(time, "strftime", lambda _format: "20260101T000000")
    path = tmp_path / "translations.sqlite3"
    for attempt in (b"first", b"second"):
        path.write_bytes(attempt + b" garbage, not a database\n" * 50)
        with TranslationCache(path) as cache:
            assert cache.get_many(NS, ["а"]) == {}
            assert cache.warning is not None
    kept = sorted(p.read_bytes()[:6] for p in tmp_path.glob("translations.sqlite3.corrupt-*"))
    assert kept == [b"first ", b"second"]


def test_a_damaged_database_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "translations.sqlite3"
    with TranslationCache(path) as cache:
        cache.put_many(NS, [(f"предложение {i}" * 20, f"sentence {i}" * 20) for i in range(400)])
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    assert len(data) > 6 * page_size
    for offset in range(2 * page_size, len(data) - page_size, 3 * page_size):  # scribble over pages
        data[offset + 8 : offset + 200] = b"\xa5" * 192
    path.write_bytes(bytes(data))

    with TranslationCache(path) as cache:
        assert cache.stats().entries == 0
        assert cache.warning is not None and "moved it to" in cache.warning
    assert list(tmp_path.glob("translations.sqlite3.corrupt-*"))


def test_an_unopenable_cache_is_skipped_for_lookups_and_bad_input_for_stats(tmp_path: Path) -> None:
    from reader.errors import BadInput

    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be", encoding="utf-8")
    cache = TranslationCache(blocker / "translations.sqlite3")
    assert cache.get_many(NS, ["а"]) == {}  # translating goes on without the cache
    cache.put_many(NS, [("а", "a")])
    assert cache.warning is not None and str(blocker) in cache.warning and "\n" not in cache.warning
    with pytest.raises(BadInput) as error:
        cache.stats()
    assert str(blocker) in str(error.value) and "\n" not in str(error.value)
    assert blocker.read_text(encoding="utf-8").startswith("a file")  # nothing was moved aside
