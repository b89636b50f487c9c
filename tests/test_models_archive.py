"""Refused archives: `reader models install FILE` says what is wrong, in one line naming the file,
exits 1, and leaves the packages directory and its parent exactly as they were."""

from __future__ import annotations

import json
import shutil
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.errors import BadInput
from reader.models import archive, install, packages
from tests.support.cli import run_cli
from tests.support.tiny_argos import build_tiny_package, zip_package


def _packages_dir() -> Path:
    return packages.paths.argos_packages_dir()


def _tree(root: Path) -> set[str]:
    """Every path under ``root`` (the packages dir's parent: staging leftovers would show up here)."""
    return {str(p.relative_to(root)) for p in root.rglob("*")} if root.exists() else set()


def _package_folder(tmp_path: Path) -> Path:
    """A fresh unzipped copy of the tiny ru->en package, to break in some way and zip."""
    return build_tiny_package(tmp_path / "src", zipped=False)


def _zip_folder(folder: Path, tmp_path: Path) -> Path:
    return zip_package(folder, tmp_path / "broken.argosmodel")


def _with_entry(tmp_path: Path, name: str, data: bytes = b"x", attr: int | None = None) -> Path:
    """A valid package zip plus one crafted entry."""
    path = _zip_folder(_package_folder(tmp_path), tmp_path)
    with zipfile.ZipFile(path, "a") as zipped:
        info = zipfile.ZipInfo(name)
        if attr is not None:
            info.external_attr = attr
        zipped.writestr(info, data)
    return path


def empty_file(tmp_path: Path) -> Path:
    path = tmp_path / "empty.argosmodel"
    path.write_bytes(b"")
    return path


def garbage(tmp_path: Path) -> Path:
    path = tmp_path / "garbage.argosmodel"
    path.write_bytes(b"this is not a zip archive at all\n" * 100)
    return path


def truncated_zip(tmp_path: Path) -> Path:
    whole = build_tiny_package(tmp_path / "src").read_bytes()
    path = tmp_path / "truncated.argosmodel"
    path.write_bytes(whole[: len(whole) // 2])
    return path


def corrupt_member(tmp_path: Path) -> Path:
    """A zip whose directory is intact but whose model bytes were damaged in transit."""
    path = build_tiny_package(tmp_path / "src")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zipped:
        info = zipped.getinfo("translate-ru_en-1_0/model/model.bin")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 64
    data[start : start + 256] = bytes(256)
    broken = tmp_path / "corrupt.argosmodel"
    broken.write_bytes(bytes(data))
    return broken


def dot_dot_entry(tmp_path: Path) -> Path:
    return _with_entry(tmp_path, "translate-ru_en-1_0/../../evil.txt")


def leading_dot_dot(tmp_path: Path) -> Path:
    return _with_entry(tmp_path, "../evil.txt")


def absolute_entry(tmp_path: Path) -> Path:
    return _with_entry(tmp_path, "/tmp/reader-evil.txt")


def backslash_entry(tmp_path: Path) -> Path:
    return _with_entry(tmp_path, "translate-ru_en-1_0\\..\\..\\evil.txt")


def symlink_entry(tmp_path: Path) -> Path:
    return _with_entry(tmp_path, "translate-ru_en-1_0/link", b"/etc/passwd", (stat.S_IFLNK | 0o777) << 16)


def no_metadata(tmp_path: Path) -> Path:
    folder = _package_folder(tmp_path)
    (folder / "metadata.json").unlink()
    return _zip_folder(folder, tmp_path)


def metadata_not_json(tmp_path: Path) -> Path:
    folder = _package_folder(tmp_path)
    (folder / "metadata.json").write_text("{not json", encoding="utf-8")
    return _zip_folder(folder, tmp_path)


def metadata_without_version(tmp_path: Path) -> Path:
    folder = _package_folder(tmp_path)
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    del metadata["package_version"]
    (folder / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    return _zip_folder(folder, tmp_path)


def model_garbage(tmp_path: Path) -> Path:
    folder = _package_folder(tmp_path)
    (folder / "model" / "model.bin").write_bytes(b"\x00garbage" * 64)
    return _zip_folder(folder, tmp_path)


def no_model(tmp_path: Path) -> Path:
    folder = _package_folder(tmp_path)
    shutil.rmtree(folder / "model")
    return _zip_folder(folder, tmp_path)


def no_sentencepiece(tmp_path: Path) -> Path:
    folder = _package_folder(tmp_path)
    (folder / "sentencepiece.model").unlink()
    return _zip_folder(folder, tmp_path)


def sentencepiece_garbage(tmp_path: Path) -> Path:
    folder = _package_folder(tmp_path)
    (folder / "sentencepiece.model").write_bytes(b"not a sentencepiece model")
    return _zip_folder(folder, tmp_path)


def two_top_folders(tmp_path: Path) -> Path:
    """metadata.json inside the top folder, but a second top-level folder beside it."""
    return _with_entry(tmp_path, "other/file.txt")


REFUSALS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "empty file": (empty_file, "not a zip archive"),
    "garbage": (garbage, "not a zip archive"),
    "truncated zip": (truncated_zip, "not a zip archive"),
    "corrupt member": (corrupt_member, "entry 'translate-ru_en-1_0/model/model.bin' is corrupt"),
    "../ inside": (dot_dot_entry, "escapes the package directory"),
    "../ first": (leading_dot_dot, "escapes the package directory"),
    "absolute path": (absolute_entry, "absolute or unsafe path"),
    "backslashes": (backslash_entry, "absolute or unsafe path"),
    "symlink": (symlink_entry, "is a symbolic link"),
    "no metadata.json": (no_metadata, "no metadata.json"),
    "two top folders": (two_top_folders, "no metadata.json"),
    "metadata not JSON": (metadata_not_json, "metadata.json is not valid JSON"),
    "metadata without version": (metadata_without_version, "metadata.json lacks package_version"),
    "model garbage": (model_garbage, "CTranslate2 cannot load model/"),
    "no model": (no_model, "no CTranslate2 model"),
    "no sentencepiece": (no_sentencepiece, "no sentencepiece.model"),
    "sentencepiece garbage": (sentencepiece_garbage, "sentencepiece.model cannot be loaded"),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_cli_refuses_broken_archive_and_leaves_nothing(case: str, tmp_path: Path) -> None:
    make, problem = REFUSALS[case]
    broken = make(tmp_path)
    # An older version already installed must survive the refused install untouched.
    build_tiny_package(_packages_dir(), zipped=False, version="0.9")
    parent = _packages_dir().parent
    before = _tree(parent)

    result = run_cli("models", "install", str(broken))

    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"reader: {broken}: "), lines[0]
    assert problem in lines[0]
    assert "Traceback" not in result.stderr
    assert _tree(parent) == before
    assert [m.version for m in packages.installed_models()] == ["0.9"]


def test_cli_refuses_missing_file(tmp_path: Path) -> None:
    result = run_cli("models", "install", str(tmp_path / "nowhere.argosmodel"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"reader: {tmp_path / 'nowhere.argosmodel'}: no such file"


def test_refused_escape_writes_nothing_outside(tmp_path: Path) -> None:
    """The ``../`` entry is refused before anything is unpacked: no evil.txt anywhere near."""
    broken = dot_dot_entry(tmp_path)
    with pytest.raises(BadInput):
        install.install_from_file(broken)
    home = _packages_dir().parent
    assert not list(home.parent.rglob("evil.txt"))


def test_zip_bomb_refused_by_total_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_UNPACKED_BYTES", 1_000_000)
    bomb = tmp_path / "bomb.argosmodel"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("pkg/metadata.json", "{}")
        zipped.writestr("pkg/zeros.bin", bytes(2_000_000))
    with pytest.raises(BadInput, match=rf"^{bomb}: unpacks to 2000002 bytes, more than"):
        install.install_from_file(bomb)
    assert not _packages_dir().exists() or not any(_packages_dir().iterdir())
    assert not list(_packages_dir().parent.glob(".reader-*"))


def test_zip_bomb_refused_by_ratio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "RATIO_FLOOR_BYTES", 1_000_000)
    bomb = tmp_path / "bomb.argosmodel"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("pkg/metadata.json", "{}")
        zipped.writestr("pkg/zeros.bin", bytes(5_000_000))  # deflates about 1000:1
    with pytest.raises(BadInput, match="zip bomb"):
        install.install_from_file(bomb)
    assert not list(_packages_dir().parent.glob(".reader-*"))


def test_non_translate_package_refused(tmp_path: Path) -> None:
    folder = _package_folder(tmp_path)
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    (folder / "metadata.json").write_text(json.dumps({**metadata, "type": "sbd"}), encoding="utf-8")
    with pytest.raises(BadInput, match="'sbd' package"):
        install.install_from_file(_zip_folder(folder, tmp_path))
    assert packages.installed_models() == []
