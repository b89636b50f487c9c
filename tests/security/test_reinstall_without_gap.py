"""Reinstalling keeps a package installed at every moment; a killed install is tidied by the next command;
package metadata reaches the terminal escaped."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reader import paths
from reader.models import packages
from reader.models.staging import leftovers
from tests.support.cli import REPO_ROOT, run_cli
from tests.support.tiny_argos import build_tiny_package, install_tiny_package, write_metadata

#: Installs FILE with --force and dies (os._exit: no cleanup, as a SIGKILL) right after the rename whose
#: target contains STEP: ".replaced-" (old copy moved aside) or the final name (new copy moved in).
KILLED_INSTALL = """
import os, sys
from pathlib import Path
from reader.models import install

real_rename = Path.rename
archive, step = Path(sys.argv[1]), sys.argv[2]

def rename(self, target):
    result = real_rename(self, target)
    if (step == "aside" and ".replaced-" in Path(target).name) or (
        step == "in" and "unpacked" in str(self) and Path(target).name == "translate-ru_en-1_0"
    ):
        os._exit(9)
    return result

Path.rename = rename
install.install_from_file(archive, force=True)
"""


def install_killed_after(archive: Path, step: str) -> None:
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_INSTALL, str(archive), step],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == 9, killed.stderr


def first_install(tmp_path: Path) -> Path:
    archive = build_tiny_package(tmp_path)
    assert run_cli("models", "install", str(archive)).returncode == 0
    (paths.argos_packages_dir() / "translate-ru_en-1_0" / "marker").write_text("old copy", encoding="utf-8")
    return archive


def test_killed_after_moving_the_old_copy_aside_leaves_it_installed_and_it_is_put_back(
    tmp_path: Path,
) -> None:
    archive = first_install(tmp_path)
    install_killed_after(archive, "aside")

    used = packages.find_ru_en()
    assert used is not None and (used.path / "marker").exists()  # the old copy, still usable
    assert (used.path / "model" / "model.bin").is_file()

    listed = run_cli("models", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    final = paths.argos_packages_dir() / "translate-ru_en-1_0"
    assert [entry["path"] for entry in json.loads(listed.stdout)] == [str(final)]
    assert (final / "marker").exists()
    assert leftovers(paths.argos_packages_dir()) == []


def test_killed_after_moving_the_new_copy_in_keeps_the_new_one(tmp_path: Path) -> None:
    archive = first_install(tmp_path)
    install_killed_after(archive, "in")
    assert packages.find_ru_en() is not None

    listed = run_cli("models", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    final = paths.argos_packages_dir() / "translate-ru_en-1_0"
    assert [entry["path"] for entry in json.loads(listed.stdout)] == [str(final)]
    assert not (final / "marker").exists()  # the old copy was the one deleted
    assert leftovers(paths.argos_packages_dir()) == []


def test_a_staging_folder_of_a_killed_install_is_swept_by_models_list() -> None:
    parent = paths.argos_packages_dir().parent
    dead_pid = 2**22 + 4321  # above the kernel's default pid_max: no such process
    stale = parent / f".reader-install-{dead_pid}-abc123"
    (stale / "unpacked" / "model").mkdir(parents=True)
    live = parent / ".reader-install-1-keepme"  # pid 1 is alive: its job may still be running
    live.mkdir()
    result = run_cli("models", "list")
    assert result.returncode == 0, result.stderr
    assert not stale.exists() and live.exists()


def test_a_forced_reinstall_replaces_the_copy(tmp_path: Path) -> None:
    archive = first_install(tmp_path)
    forced = run_cli("models", "install", "--force", str(archive))
    assert forced.returncode == 0, forced.stderr
    final = paths.argos_packages_dir() / "translate-ru_en-1_0"
    assert not (final / "marker").exists()
    assert sorted(p.name for p in paths.argos_packages_dir().iterdir()) == [final.name]
    assert leftovers(paths.argos_packages_dir()) == []


def test_hostile_metadata_is_escaped_in_the_listing() -> None:
    package = install_tiny_package(paths.argos_packages_dir())
    write_metadata(
        package,
        from_code="ru",
        to_code="en",
        version="1.0\x1b[2J",
        from_name="\x1b]0;owned\x07Russian\n* translate-fake",
        to_name="English\u202e",
    )
    result = run_cli("models", "list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    for char in ("\x1b", "\x07", "\u202e"):
        assert char not in result.stdout
    assert "\\x1b]0;owned\\x07Russian\\x0a* translate-fake → English<U+202E>" in lines[0]
    assert "1.0\\x1b[2J" in lines[0]
