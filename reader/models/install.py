"""Installing a package, from a local ``.argosmodel`` or from the Argos package index, all or nothing.

Every install goes the same way: (download to a ``.part`` file, renamed when complete,) unpack into a
private staging directory beside the packages directory, check the package (``archive``), then rename it
into place in one step; an older version of the same package is moved out only after the new one is in
place. Reinstalling the same version renames the installed copy aside (still usable) before the new one
goes in, and deletes it only after (see ``staging``): a package is installed at every moment. Whatever
stops the job (a refused archive, a dropped connection, Ctrl-C, the cancel event), the staging directory
is deleted and the packages directory is as it was.

argostranslate's own ``install_from_path`` is not used: it extracts straight into the packages directory
with ``extractall``, which silently rewrites unsafe names instead of refusing the archive.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reader import paths
from reader.errors import BadInput, MissingResource
from reader.models import archive, download
from reader.models.download import InstallCancelled, Progress
from reader.models.packages import (
    SOURCE_CODE,
    TARGET_CODE,
    InstalledModel,
    find_ru_en,
    installed_models,
    package_code,
    read_model,
    version_key,
)
from reader.models.staging import replaced_name, staging_dir

__all__ = ["InstallCancelled", "install_from_file", "install_from_index"]

# One install at a time per process (the app may start one from a worker while another runs).
_LOCK = threading.Lock()


def install_from_file(path: Path, *, force: bool = True) -> InstalledModel:
    """Install the ``.argosmodel`` at ``path``; BadInput (one line naming it) if it is refused.

    With ``force=False`` an installed package of the same code and version is kept and returned as is.
    """
    path = Path(path)
    if path.is_dir():
        raise BadInput(f"{path}: is a directory, not an .argosmodel file")
    if not path.is_file():
        if path.exists():  # a named pipe, a socket, a device: never opened
            raise BadInput(f"{path}: not a regular file, not an .argosmodel file")
        raise BadInput(f"{path}: no such file")
    packages_dir = paths.argos_packages_dir()
    with _LOCK, _disk_errors(str(path), packages_dir), staging_dir(packages_dir, "install") as staging:
        return _install_archive(path, str(path), staging, packages_dir, force=force)


def install_from_index(
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    *,
    force: bool = False,
) -> InstalledModel:
    """Download the ru->en package listed in the package index and install it.

    Returns the installed package; without ``force``, an installed ru->en package at least as new as
    the index's is returned without downloading. Raises MissingResource (exit 2) when the index or the
    download cannot be reached, BadInput when the package is refused, InstallCancelled when ``cancel``
    is set. ``progress(done, total)`` follows the download (``total`` is None if the server does not say).
    """
    url = download.index_url()
    available = download.find_available(download.fetch_index(url), SOURCE_CODE, TARGET_CODE)
    if available is None:
        raise MissingResource(f"the package index at {url} lists no ru->en package; {download.OFFLINE_HINT}")
    installed = find_ru_en()
    if (
        installed
        and not force
        and version_key(installed.version) >= version_key(str(available.package_version))
    ):
        return installed
    packages_dir = paths.argos_packages_dir()
    with _LOCK, _disk_errors(url, packages_dir), staging_dir(packages_dir, "install") as staging:
        target = staging / "download.argosmodel"
        link = download.download(list(available.links or []), target, progress, cancel)
        _check_cancel(cancel)
        return _install_archive(
            target, link, staging, packages_dir, force=True, expect=(SOURCE_CODE, TARGET_CODE), cancel=cancel
        )


def _install_archive(
    source: Path,
    label: str,
    staging: Path,
    packages_dir: Path,
    *,
    force: bool,
    expect: tuple[str, str] | None = None,
    cancel: threading.Event | None = None,
) -> InstalledModel:
    unpacked = staging / "unpacked"
    unpacked.mkdir()
    top = archive.unpack(source, unpacked, label)
    metadata = archive.check_package(label, top)
    if expect and (metadata.from_code, metadata.to_code) != expect:
        raise BadInput(
            f"{label}: holds a {metadata.from_code}->{metadata.to_code} package, "
            f"not the {expect[0]}->{expect[1]} package the index lists"
        )
    code = package_code(metadata.type, metadata.from_code, metadata.to_code)
    older = [m for m in installed_models(packages_dir) if m.code == code]
    if not force:
        for model in older:
            if model.version == metadata.version:
                return model
    _check_cancel(cancel)
    final = packages_dir / f"{code}-{_safe_version(metadata.version)}"
    packages_dir.mkdir(parents=True, exist_ok=True)
    _swap_into_place(top, final, staging)
    for index, model in enumerate(older):
        if model.path != final and model.path.exists():
            model.path.rename(staging / f"older-{index}")
    return read_model(final)


def _swap_into_place(new: Path, final: Path, staging: Path) -> None:
    """Rename ``new`` to ``final`` with a package there at every moment.

    An installed copy at ``final`` is first renamed beside it (still a usable package), then ``new`` goes
    in, then the old copy moves into ``staging`` to be deleted with it. If ``new`` cannot go in, the old
    copy goes back.
    """
    if not final.exists() and not final.is_symlink():
        new.rename(final)
        return
    aside = replaced_name(final)
    final.rename(aside)
    try:
        new.rename(final)
    except BaseException:
        aside.rename(final)
        raise
    aside.rename(staging / "replaced")


@contextmanager
def _disk_errors(label: str, packages_dir: Path) -> Iterator[None]:
    """A disk that is full or read-only is reported in one line, like any other refusal."""
    try:
        yield
    except OSError as exc:
        raise BadInput(f"{label}: cannot install into {packages_dir} ({exc.strerror or exc})") from None


def _safe_version(version: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", version).strip("_") or "0"


def _check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise InstallCancelled("model install cancelled; nothing was installed")
