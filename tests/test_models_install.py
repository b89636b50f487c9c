"""Installing, listing and removing a real (tiny) package, offline; interrupted installs; no model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader import paths
from reader.errors import BadInput, MissingResource
from reader.models import archive, install, packages
from reader.models.staging import leftovers
from tests.support.cli import run_cli
from tests.support.tiny_argos import build_tiny_package, write_metadata, zip_package


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")} if root.exists() else set()


def relabelled_package(tmp_path: Path, from_code: str, to_code: str, version: str = "1.0") -> Path:
    """The tiny package's folder with other language codes in its metadata, zipped."""
    folder = build_tiny_package(tmp_path / f"src-{from_code}-{to_code}", zipped=False)
    write_metadata(folder, from_code=from_code, to_code=to_code, version=version)
    named = folder.rename(folder.with_name(f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"))
    return zip_package(named, tmp_path / f"{named.name}.argosmodel")


def test_install_list_remove_through_the_cli(tmp_path: Path) -> None:
    archive_path = build_tiny_package(tmp_path)
    installed = run_cli("models", "install", str(archive_path))
    assert installed.returncode == 0, installed.stderr
    target = paths.argos_packages_dir() / "translate-ru_en-1_0"
    assert installed.stdout.strip() == f"installed translate-ru_en 1.0 in {target}"
    assert (target / "metadata.json").is_file() and (target / "model" / "model.bin").is_file()

    listed = run_cli("models", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == [
        {
            "code": "translate-ru_en",
            "from": "ru",
            "to": "en",
            "version": "1.0",
            "path": str(target),
            "name": "Russian → English",
            "ru_en": True,
        }
    ]
    plain = run_cli("models", "list")
    assert plain.stdout.startswith("* translate-ru_en  1.0")

    removed = run_cli("models", "remove", "translate-ru_en")
    assert removed.returncode == 0, removed.stderr
    assert not target.exists()
    assert json.loads(run_cli("models", "list", "--json").stdout) == []
    assert leftovers(paths.argos_packages_dir()) == []

    again = run_cli("models", "remove", "translate-ru_en")
    assert again.returncode == 1
    assert len(again.stderr.splitlines()) == 1
    assert "no installed package named 'translate-ru_en'" in again.stderr


def test_reinstall_needs_force(tmp_path: Path) -> None:
    archive_path = build_tiny_package(tmp_path)
    assert run_cli("models", "install", str(archive_path)).returncode == 0
    marker = paths.argos_packages_dir() / "translate-ru_en-1_0" / "marker"
    marker.write_text("old copy", encoding="utf-8")

    same = run_cli("models", "install", str(archive_path))
    assert same.returncode == 0, same.stderr
    assert "already installed" in same.stdout
    assert marker.exists()

    forced = run_cli("models", "install", "--force", str(archive_path))
    assert forced.returncode == 0, forced.stderr
    assert not marker.exists()  # the old directory was replaced by the fresh copy
    assert [m.version for m in packages.installed_models()] == ["1.0"]
    assert leftovers(paths.argos_packages_dir()) == []


def test_newer_version_replaces_older(tmp_path: Path) -> None:
    install.install_from_file(build_tiny_package(tmp_path / "old", version="1.0"))
    newer = relabelled_package(tmp_path, "ru", "en", version="1.1")
    model = install.install_from_file(newer)
    assert (model.code, model.version) == ("translate-ru_en", "1.1")
    assert [(m.code, m.version) for m in packages.installed_models()] == [("translate-ru_en", "1.1")]
    assert sorted(p.name for p in paths.argos_packages_dir().iterdir()) == ["translate-ru_en-1_1"]


def test_other_pairs_are_listed_but_not_used(tmp_path: Path) -> None:
    install.install_from_file(relabelled_package(tmp_path, "en", "de"))
    assert packages.find_ru_en() is None
    install.install_from_file(build_tiny_package(tmp_path / "ru"))
    listed = {m["code"]: m["ru_en"] for m in json.loads(run_cli("models", "list", "--json").stdout)}
    assert listed == {"translate-en_de": False, "translate-ru_en": True}
    used = packages.require_ru_en()
    assert (used.from_code, used.to_code, used.target_prefix) == ("ru", "en", "")


def test_metadata_at_zip_root_installs(tmp_path: Path) -> None:
    import zipfile

    folder = build_tiny_package(tmp_path / "src", zipped=False)
    flat = tmp_path / "flat.argosmodel"
    with zipfile.ZipFile(flat, "w") as zipped:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zipped.write(path, path.relative_to(folder).as_posix())
    model = install.install_from_file(flat)
    assert model.path == paths.argos_packages_dir() / "translate-ru_en-1_0"
    assert packages.find_ru_en() == model


def test_interrupted_install_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C after unpacking, while the package is being checked: no package, no staging directory."""
    archive_path = build_tiny_package(tmp_path)
    parent = paths.argos_packages_dir().parent
    before = _tree(parent)

    def interrupted(label: str, package_dir: Path) -> None:
        assert (package_dir / "model" / "model.bin").is_file()  # it was unpacked, then interrupted
        raise KeyboardInterrupt

    monkeypatch.setattr(archive, "check_package", interrupted)
    with pytest.raises(KeyboardInterrupt):
        install.install_from_file(archive_path)
    assert _tree(parent) - before <= {paths.argos_packages_dir().name}
    assert packages.installed_models() == []
    assert leftovers(paths.argos_packages_dir()) == []


def test_failed_swap_keeps_the_old_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If moving the new copy into place fails, the installed copy of the same version is restored."""
    archive_path = build_tiny_package(tmp_path)
    first = install.install_from_file(archive_path)
    (first.path / "marker").write_text("old copy", encoding="utf-8")
    real_rename = Path.rename

    def failing_rename(self: Path, target: Path) -> Path:
        if Path(target) == first.path and "unpacked" in str(self):
            raise OSError("disk on fire")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", failing_rename)
    with pytest.raises(BadInput, match=rf"^{archive_path}: cannot install into .* \(disk on fire\)$"):
        install.install_from_file(archive_path, force=True)
    assert (first.path / "marker").exists()
    assert packages.installed_models() == [first]
    assert leftovers(paths.argos_packages_dir()) == []


def test_stale_staging_of_a_dead_process_is_swept(tmp_path: Path) -> None:
    """A staging directory left by a killed process (pid gone) is deleted by the next install."""
    parent = paths.argos_packages_dir().parent
    parent.mkdir(parents=True, exist_ok=True)
    dead_pid = 2**22 + 12345  # above the kernel's pid_max default: no such process
    stale = parent / f".reader-install-{dead_pid}-abc123"
    (stale / "unpacked").mkdir(parents=True)
    install.install_from_file(build_tiny_package(tmp_path))
    assert not stale.exists()
    assert leftovers(paths.argos_packages_dir()) == []


def test_require_ru_en_without_model_says_how_to_install() -> None:
    assert packages.find_ru_en() is None
    with pytest.raises(MissingResource) as caught:
        packages.require_ru_en()
    message = str(caught.value)
    assert caught.value.exit_code == 2
    assert "\n" not in message
    assert "`reader models install`" in message
    assert "`reader models install FILE.argosmodel`" in message
    assert str(paths.argos_packages_dir()) in message


def test_broken_package_directory_is_skipped_in_listing(tmp_path: Path) -> None:
    install.install_from_file(build_tiny_package(tmp_path))
    junk = paths.argos_packages_dir() / "junk"
    junk.mkdir()
    (junk / "metadata.json").write_text("{broken", encoding="utf-8")
    assert [m.code for m in packages.installed_models()] == ["translate-ru_en"]


def test_installing_a_directory_says_it_is_a_directory(tmp_path: Path) -> None:
    with pytest.raises(BadInput) as caught:
        install.install_from_file(tmp_path)
    assert str(caught.value) == f"{tmp_path}: is a directory, not an .argosmodel file"
    assert not paths.argos_packages_dir().exists()
