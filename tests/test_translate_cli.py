"""`reader translate` and `reader cache`, run as a user would (subprocesses, isolated directories)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader import paths
from reader.detection import detect
from reader.essay.library import load_document
from tests.support.cli import run_cli
from tests.support.tiny_argos import install_tiny_package

ESSAY = (
    "Stalin\n\nIn 1935 Stalin said «Кадры решают всё». Workers repeated it.\n\n"
    "Later: «Жить стало лучше, жить стало веселее. Вся власть Советам!»\n"
)


@pytest.fixture
def essay(tmp_path: Path) -> Path:
    path = tmp_path / "essay.txt"
    path.write_text(ESSAY, encoding="utf-8")
    return path


@pytest.fixture
def tiny_installed() -> Path:
    return install_tiny_package(paths.argos_packages_dir())


def test_without_a_model_exit_2_and_say_how_to_install(essay: Path) -> None:
    done = run_cli("translate", str(essay))
    assert done.returncode == 2
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith("reader: ")
    assert "reader models install`" in line and "reader models install FILE.argosmodel" in line


def test_json_shape_then_cached(essay: Path, tiny_installed: Path) -> None:
    first = run_cli("translate", str(essay), "--json")
    assert first.returncode == 0, first.stderr
    data = json.loads(first.stdout)
    assert set(data) == {"path", "model", "passages"}
    assert data["path"] == str(essay)
    assert data["model"] == {"code": "translate-ru_en", "version": "1.0"}
    expected = detect(load_document(essay).text).translated()
    assert [(p["start"], p["end"], p["text"]) for p in data["passages"]] == [
        (p.start, p.end, p.text) for p in expected
    ]
    text = load_document(essay).text
    for passage in data["passages"]:
        assert set(passage) == {
            "start",
            "end",
            "lang",
            "lang_confidence",
            "text",
            "translation",
            "cached",
            "suspect",
            "terms",
        }
        assert passage["lang"] == "ru" and text[passage["start"] : passage["end"]] == passage["text"]
        assert isinstance(passage["translation"], str) and passage["translation"].strip()
        assert passage["cached"] is False and isinstance(passage["suspect"], bool)
        assert all(isinstance(term, str) for term in passage["terms"])
    from reader.glossary import load_glossary

    glossary = load_glossary()
    terms = [[hit.id for hit in glossary.annotate(p.text)] for p in expected]
    assert [p["terms"] for p in data["passages"]] == [list(dict.fromkeys(ids)) for ids in terms]
    assert any(terms)  # «Вся власть Советам» is a glossary term

    second = json.loads(run_cli("translate", str(essay), "--json").stdout)
    assert [p["cached"] for p in second["passages"]] == [True] * len(expected)
    assert [p["translation"] for p in second["passages"]] == [p["translation"] for p in data["passages"]]
    assert [p["terms"] for p in second["passages"]] == [p["terms"] for p in data["passages"]]

    other_beam = json.loads(run_cli("translate", str(essay), "--json", "--beam", "1").stdout)
    assert [p["cached"] for p in other_beam["passages"]] == [False] * len(expected)


def test_human_output_shows_each_passage_and_translation(essay: Path, tiny_installed: Path) -> None:
    done = run_cli("translate", str(essay))
    assert done.returncode == 0, done.stderr
    assert "2 Russian passage(s)" in done.stdout
    assert "ru: Кадры решают всё" in done.stdout
    assert done.stdout.count("  en: ") == 2


def test_bad_input(essay: Path, tiny_installed: Path, tmp_path: Path) -> None:
    missing = run_cli("translate", str(tmp_path / "nope.txt"))
    assert missing.returncode == 1 and missing.stderr.startswith("reader: ")
    beam = run_cli("translate", str(essay), "--beam", "0")
    assert beam.returncode == 1 and "--beam" in beam.stderr
    huge_beam = run_cli("translate", str(essay), "--beam", "100000")  # would exhaust memory, not finish
    assert huge_beam.returncode == 1 and huge_beam.stderr.startswith("reader: --beam 100000: ")
    assert huge_beam.stdout == "" and huge_beam.stderr.count("\n") == 1
    typo = run_cli("translate", str(essay), "--glossary", str(tmp_path / "typo"))  # was silently ignored
    assert typo.returncode == 1 and typo.stdout == ""
    assert typo.stderr == f"reader: {tmp_path / 'typo'}: no such glossary directory\n"


def test_cache_stats_and_clear(essay: Path, tiny_installed: Path) -> None:
    empty = json.loads(run_cli("cache", "stats", "--json").stdout)
    assert empty["entries"] == 0 and empty["path"] == str(paths.translation_cache_file())
    assert run_cli("translate", str(essay)).returncode == 0
    stats = json.loads(run_cli("cache", "stats", "--json").stdout)
    assert stats["entries"] == 3  # three sentences
    assert stats["bytes"] > 0
    assert "3 cached sentence translation(s)" in run_cli("cache", "stats").stdout
    cleared = run_cli("cache", "clear")
    assert cleared.returncode == 0 and "cleared 3" in cleared.stdout
    assert json.loads(run_cli("cache", "stats", "--json").stdout)["entries"] == 0


def test_a_corrupt_cache_is_rebuilt_and_reported_once(essay: Path, tiny_installed: Path) -> None:
    cache_file = paths.translation_cache_file()
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    cache_file.write_bytes(b"\x00garbage" * 1000)
    done = run_cli("translate", str(essay), "--json")
    assert done.returncode == 0
    [warning] = done.stderr.splitlines()
    assert warning.startswith("reader: warning: translation cache") and "corrupt" in warning
    assert len(json.loads(done.stdout)["passages"]) == 2
    assert list(cache_file.parent.glob("translations.sqlite3.corrupt-*"))
    again = run_cli("translate", str(essay), "--json")
    assert again.stderr == ""


def test_translate_does_not_import_heavy_modules(essay: Path, tiny_installed: Path) -> None:
    import subprocess
    import sys

    from tests.support.cli import REPO_ROOT

    code = (
        "import sys\n"
        "from reader.cli import main\n"
        f"code = main(['translate', {str(essay)!r}, '--json'])\n"
        "heavy = ('textual', 'torch', 'stanza', 'argostranslate.translate')\n"
        "heavy = [m for m in heavy if m in sys.modules]\n"
        "print('HEAVY', heavy, code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "HEAVY [] 0" in done.stdout
