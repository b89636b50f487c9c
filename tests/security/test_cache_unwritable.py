"""A translation cache that cannot be opened or written costs no translation; clear works on a full disk."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import reader.translation.cache as cache_module
from reader import paths
from reader.cli import main
from reader.models.packages import InstalledModel, require_ru_en
from reader.translation.cache import TranslationCache
from reader.translation.engine import TranslationEngine
from tests.support.cli import run_cli
from tests.support.tiny_argos import install_tiny_package

NS = "tiny|beam4"
FULL = "database or disk is full"


@pytest.fixture
def tiny_model() -> InstalledModel:
    install_tiny_package(paths.argos_packages_dir())
    return require_ru_en()


def full_disk_connection(fail: tuple[str, ...]) -> type[sqlite3.Connection]:
    """A connection class whose statements starting with ``fail`` raise SQLite's full-disk error."""

    class FullDisk(sqlite3.Connection):
        def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
            if sql.lstrip().upper().startswith(fail):
                raise sqlite3.OperationalError(FULL)
            return super().execute(sql, *args)

        def executemany(self, sql: str, *args: Any) -> sqlite3.Cursor:
            if sql.lstrip().upper().startswith(fail):
                raise sqlite3.OperationalError(FULL)
            return super().executemany(sql, *args)

    return FullDisk


def connect_with(connection_class: type[sqlite3.Connection]) -> Callable[..., sqlite3.Connection]:
    real_connect = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        return real_connect(*args, factory=connection_class, **kwargs)

    return connect


def fill(path: Path, count: int) -> None:
    with TranslationCache(path) as cache:
        cache.put_many(NS, [(f"предложение {i}", f"sentence {i}") for i in range(count)])


def test_a_database_at_its_size_limit_keeps_translating_and_warns_once(
    tiny_model: InstalledModel, tmp_path: Path
) -> None:
    path = tmp_path / "cache.sqlite3"
    fill(path, 50)
    with TranslationCache(path) as cache:
        connection = cache._connect()
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")  # SQLite now reports a full disk
        engine = TranslationEngine(tiny_model, cache=cache)
        texts = [f"Рабочие и крестьяне строили общество номер {i}." for i in range(40)]
        results = engine.translate_texts(texts)
        assert [r.translation.strip() != "" for r in results] == [True] * len(texts)
        assert cache.warning is not None
        assert FULL in cache.warning and "not being cached" in cache.warning and "\n" not in cache.warning
        engine.translate_texts(["Партия и советы."])
        assert cache.warning.count(FULL) == 1  # said once, not once per batch
        assert cache.stats().entries >= 50  # the earlier rows are intact


def test_an_os_error_while_writing_is_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(self: TranslationCache) -> sqlite3.Connection:
        raise OSError(errno.ENOSPC, "No space left on device")

    with TranslationCache(tmp_path / "cache.sqlite3") as cache:
        monkeypatch.setattr(TranslationCache, "_connect", no_space)
        cache.put_many(NS, [("а", "a")])
        assert cache.get_many(NS, ["а"]) == {}
        assert cache.warning is not None and "No space left on device" in cache.warning


def test_a_cache_that_cannot_be_opened_still_translates_through_the_cli(tmp_path: Path) -> None:
    install_tiny_package(paths.argos_packages_dir())
    essay = tmp_path / "essay.txt"
    essay.write_text("The slogan was «Вся власть Советам!» in 1917.\n\nКадры решают всё.\n", encoding="utf-8")
    blocker = tmp_path / "cache-is-a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run_cli("translate", str(essay), env={"READER_CACHE_DIR": str(blocker)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    warnings = [line for line in result.stderr.splitlines() if line.startswith("reader: warning:")]
    assert len(warnings) == 1 and str(blocker) in warnings[0] and "without the cache" in warnings[0]
    assert "Traceback" not in result.stderr


def test_cache_clear_on_a_full_disk_deletes_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = paths.translation_cache_file()
    fill(path, 10)
    monkeypatch.setattr(
        cache_module.sqlite3, "connect", connect_with(full_disk_connection(("DELETE", "VACUUM")))
    )
    assert main(["cache", "clear"]) == 0
    out, err = capsys.readouterr()
    assert out == f"cleared 10 cached translation(s) from {path}\n" and err == ""
    assert not path.exists()
    monkeypatch.undo()
    with TranslationCache() as cache:
        assert cache.stats().entries == 0  # and the next use starts an empty cache


def test_cache_clear_when_the_cache_cannot_even_be_opened(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = paths.translation_cache_file()
    fill(path, 3)
    monkeypatch.setattr(cache_module.sqlite3, "connect", connect_with(full_disk_connection(("PRAGMA",))))
    assert main(["cache", "clear"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("deleted the translation cache") and err == ""
    assert not path.exists()


def test_cache_stats_on_an_unreadable_cache_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "cache-is-a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    for action in ("stats", "clear"):
        result = run_cli("cache", action, env={"READER_CACHE_DIR": str(blocker)})
        assert result.returncode == 1, result.stderr
        assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
        assert str(blocker) in result.stderr
