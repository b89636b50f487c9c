"""`reader models install` against a loopback HTTP server playing the Argos package index."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import paths
from reader.errors import BadInput, MissingResource
from reader.models import install, packages
from reader.models.download import InstallCancelled
from reader.models.staging import leftovers
from tests.support.cli import run_cli
from tests.support.index_server import IndexServer, index_entry, serve
from tests.support.tiny_argos import build_tiny_package


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[IndexServer]:
    with serve() as running:
        monkeypatch.setenv("ARGOS_PACKAGE_INDEX", running.base_url)
        yield running


@pytest.fixture
def tiny_zip(tmp_path: Path) -> bytes:
    return build_tiny_package(tmp_path / "tiny").read_bytes()


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")} if root.exists() else set()


def _nothing_installed() -> None:
    assert packages.installed_models() == []
    assert leftovers(paths.argos_packages_dir()) == []


def test_cli_installs_from_the_index(server: IndexServer, tiny_zip: bytes) -> None:
    link = server.add_package("translate-ru_en-1_0.argosmodel", tiny_zip)
    server.add_index([index_entry(link, from_code="en", to_code="de"), index_entry(link)])

    result = run_cli("models", "install")

    assert result.returncode == 0, result.stderr
    target = paths.argos_packages_dir() / "translate-ru_en-1_0"
    assert result.stdout.strip() == f"installed translate-ru_en 1.0 in {target}"
    assert f"{server.base_url}index.json" in result.stderr
    assert f"downloaded 100% of {len(tiny_zip)} bytes" in result.stderr  # plain progress: not a TTY
    assert server.requests == ["/index.json", "/packages/translate-ru_en-1_0.argosmodel"]
    assert packages.require_ru_en().path == target
    assert leftovers(paths.argos_packages_dir()) == []

    again = run_cli("models", "install")
    assert again.returncode == 0, again.stderr
    assert "already installed" in again.stdout
    assert server.requests.count("/packages/translate-ru_en-1_0.argosmodel") == 1  # not downloaded again


def test_dropped_connection_leaves_nothing(server: IndexServer, tiny_zip: bytes) -> None:
    link = server.add_package("ru_en.argosmodel", tiny_zip, cut_after=len(tiny_zip) // 2)
    server.add_index([index_entry(link)])
    parent = paths.argos_packages_dir().parent
    parent.mkdir(parents=True, exist_ok=True)
    before = _tree(parent)

    result = run_cli("models", "install")

    assert result.returncode == 2, result.stderr
    error = result.stderr.splitlines()[-1]
    assert error.startswith("reader: download failed (")
    assert f"connection closed after {len(tiny_zip) // 2} of {len(tiny_zip)} bytes" in error
    assert "reader models install FILE.argosmodel" in error
    assert _tree(parent) - before <= {paths.argos_packages_dir().name}
    _nothing_installed()


def test_unreachable_index_says_how_to_install_offline() -> None:
    # conftest points ARGOS_PACKAGE_INDEX at 127.0.0.1:9, where nothing listens.
    result = run_cli("models", "install")
    assert result.returncode == 2
    error = result.stderr.splitlines()[-1]
    assert error.startswith("reader: the package index at http://127.0.0.1:9/index.json cannot be reached (")
    assert error.endswith("install from a file: `reader models install FILE.argosmodel`")
    assert "Traceback" not in result.stderr
    _nothing_installed()


def test_index_without_ru_en(server: IndexServer, tiny_zip: bytes) -> None:
    server.add_index(
        [index_entry(server.add_package("x.argosmodel", tiny_zip), from_code="en", to_code="de")]
    )
    result = run_cli("models", "install")
    assert result.returncode == 2
    assert f"the package index at {server.base_url}index.json lists no ru->en package" in result.stderr
    _nothing_installed()


def test_garbage_download_is_refused_naming_the_url(server: IndexServer) -> None:
    link = server.add_package("ru_en.argosmodel", b"<html>not found, but with status 200</html>")
    server.add_index([index_entry(link)])
    result = run_cli("models", "install")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == f"reader: {link}: not a zip archive (an .argosmodel is a zip)"
    _nothing_installed()


def test_missing_package_file_is_a_failed_download(server: IndexServer) -> None:
    server.add_index([index_entry(server.url("packages/gone.argosmodel"))])
    with pytest.raises(MissingResource, match="HTTP 404"):
        install.install_from_index()
    _nothing_installed()


def test_package_for_another_pair_is_refused(server: IndexServer, tmp_path: Path) -> None:
    """The index says ru->en, the archive holds something else: refused, not installed."""
    from tests.test_models_install import relabelled_package

    other = relabelled_package(tmp_path, "en", "de").read_bytes()
    server.add_index([index_entry(server.add_package("ru_en.argosmodel", other))])
    with pytest.raises(BadInput, match="holds a en->de package, not the ru->en package the index lists"):
        install.install_from_index()
    _nothing_installed()


def test_api_reports_progress(server: IndexServer, tiny_zip: bytes) -> None:
    server.add_index([index_entry(server.add_package("ru_en.argosmodel", tiny_zip))])
    seen: list[tuple[int, int | None]] = []
    model = install.install_from_index(lambda done, total: seen.append((done, total)))
    assert model == packages.find_ru_en()
    assert seen[0] == (0, len(tiny_zip))
    assert seen[-1] == (len(tiny_zip), len(tiny_zip))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_api_cancel_midway_leaves_nothing(server: IndexServer, tiny_zip: bytes) -> None:
    server.add_index([index_entry(server.add_package("ru_en.argosmodel", tiny_zip))])
    cancel = threading.Event()

    def cancel_after_first_chunk(done: int, total: int | None) -> None:
        if done > 0:
            cancel.set()

    with pytest.raises(InstallCancelled):
        install.install_from_index(cancel_after_first_chunk, cancel)
    _nothing_installed()


def test_api_interrupt_midway_leaves_nothing(server: IndexServer, tiny_zip: bytes) -> None:
    server.add_index([index_entry(server.add_package("ru_en.argosmodel", tiny_zip))])

    def interrupt(done: int, total: int | None) -> None:
        if done > 0:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        install.install_from_index(interrupt)
    _nothing_installed()


def test_api_newer_index_version_replaces_installed(server: IndexServer, tmp_path: Path) -> None:
    from tests.test_models_install import relabelled_package

    install.install_from_file(build_tiny_package(tmp_path / "old", version="1.0"))
    newer = relabelled_package(tmp_path, "ru", "en", version="1.1").read_bytes()
    server.add_index([index_entry(server.add_package("ru_en.argosmodel", newer), version="1.1")])
    model = install.install_from_index()
    assert model.version == "1.1"
    assert [m.version for m in packages.installed_models()] == ["1.1"]


def test_garbled_index_is_bad_input(server: IndexServer) -> None:
    server.files["/index.json"] = b"<html>captive portal</html>"
    with pytest.raises(
        BadInput, match=rf"^{server.base_url}index.json: the package index is not valid JSON$"
    ):
        install.install_from_index()
    _nothing_installed()


def test_index_missing_on_server_is_unreachable(server: IndexServer) -> None:
    with pytest.raises(MissingResource, match=r"index.json cannot be reached \(HTTP 404"):
        install.install_from_index()
    _nothing_installed()
