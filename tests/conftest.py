"""Test isolation: every test gets its own data, cache and Argos directories, never the user's."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
FLORES_DIR = SHARED_DATA / "flores200-devtest"

# argostranslate reads its settings at import time: point it at a throw-away home before anything imports it.
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="reader-tests-"))
for _name, _sub in (
    ("XDG_DATA_HOME", "xdg-data"),
    ("XDG_CACHE_HOME", "xdg-cache"),
    ("XDG_CONFIG_HOME", "xdg-config"),
    ("ARGOS_PACKAGES_DIR", "argos-packages"),
    ("READER_DATA_DIR", "reader-data"),
    ("READER_CACHE_DIR", "reader-cache"),
    ("READER_CONFIG_DIR", "reader-config"),
):
    os.environ[_name] = str(_SESSION_HOME / _sub)
os.environ["ARGOS_PACKAGE_INDEX"] = "http://127.0.0.1:9/"  # nothing listens there: no test reaches out
os.environ.setdefault("ARGOS_DEVICE_TYPE", "cpu")


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Fresh reader data, cache and config dirs and Argos packages dir for each test (env vars, so
    subprocesses agree)."""
    home = tmp_path / "home"
    monkeypatch.setenv("READER_DATA_DIR", str(home / "reader-data"))
    monkeypatch.setenv("READER_CACHE_DIR", str(home / "reader-cache"))
    monkeypatch.setenv("READER_CONFIG_DIR", str(home / "reader-config"))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(home / "argos-packages"))
    yield home


@pytest.fixture
def flores_dir() -> Path:
    """The FLORES-200 devtest folder beside the repository; tests that need it skip when it is absent."""
    if not FLORES_DIR.is_dir():
        pytest.skip("../shared/data/flores200-devtest is not present")
    return FLORES_DIR
