"""The wheel carries the bundled essays, glossary and dictionary, and an install from it finds them.

Builds the wheel as ``pip install .`` would (an isolated build), unpacks it into a folder and runs the CLI
from another directory with only that folder on the path, so nothing is read from this checkout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(REPO)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (found,) = out.glob("reader-*.whl")
    return found


def test_the_wheel_holds_every_essay_and_glossary_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("corpus", "glossary"):
        for path in (REPO / folder).iterdir():
            if path.is_file():
                assert f"reader/_bundled/{folder}/{path.name}" in names
    assert "reader/_bundled/dictionary/ru-en.sqlite3" in names
    assert "reader/_bundled/dictionary/LICENSE-CC-BY-SA-4.0.txt" in names
    assert "reader/ui/app.tcss" in names


def test_an_installed_wheel_lists_the_library_and_the_glossary(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    env = {**os.environ, "PYTHONPATH": str(target), "READER_DATA_DIR": str(tmp_path / "data")}
    env["READER_CACHE_DIR"] = str(tmp_path / "cache")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "reader", *args],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=120,
        )

    where = run("paths", "--json")
    assert where.returncode == 0, where.stderr
    assert json.loads(where.stdout)["corpus"].startswith(str(target))
    library = run("library", "--json")
    assert library.returncode == 0, library.stderr
    bundled = [row for row in json.loads(library.stdout) if row["origin"] == "bundled"]
    assert len(bundled) == 5
    assert all(row["error"] is None for row in bundled)
    entry = run("glossary", "show", "kolkhoz")
    assert entry.returncode == 0, entry.stderr
    assert "collective farm" in entry.stdout
