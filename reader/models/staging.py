"""Private scratch directories for installing and removing packages, never seen as packages.

A staging directory is a hidden directory beside the packages directory (in its parent, so on the same
filesystem and a rename into place is atomic), named ``.reader-<job>-<pid>-<random>``. It is deleted when
the job ends, however it ends; one left by a process that was killed is deleted by the next job.

Reinstalling a version that is already installed first renames the installed copy to
``<name>.replaced-<pid>`` inside the packages directory, where it is still a usable package, then renames
the new copy in, then deletes the old one: a package is installed at every moment. A process killed
between those steps leaves the ``.replaced`` copy; :func:`recover` (run at the start of every ``reader
models`` command) puts it back when the new copy never arrived, or deletes it when it did.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PREFIX = ".reader-"
_STAGING_NAME = re.compile(r"^\.reader-(?:install|remove)-(\d+)-")
REPLACED_MARK = ".replaced-"
_REPLACED_NAME = re.compile(r"^(?P<name>[^.].*)\.replaced-(?P<pid>\d+)$")


@contextmanager
def staging_dir(packages_dir: Path, job: str) -> Iterator[Path]:
    """A fresh empty directory beside ``packages_dir`` for ``job``, deleted with its contents on exit."""
    parent = packages_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    sweep_stale(parent)
    path = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{job}-{os.getpid()}-", dir=parent))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def sweep_stale(parent: Path) -> None:
    """Delete staging directories whose process is gone (killed before it could clean up)."""
    for entry in parent.iterdir():
        match = _STAGING_NAME.match(entry.name)
        if match and not _alive(int(match.group(1))):
            shutil.rmtree(entry, ignore_errors=True)


def replaced_name(final: Path) -> Path:
    """Where an installed copy waits, still usable, while a reinstall moves the new copy to ``final``."""
    return final.with_name(f"{final.name}{REPLACED_MARK}{os.getpid()}")


def recover(packages_dir: Path) -> None:
    """Finish what killed jobs left: delete their staging directories, and put a package moved aside for a
    reinstall back in place (the new copy never arrived) or delete it (the new copy is there).

    Best effort and silent: a folder that cannot be tidied now is tidied by a later command.
    """
    try:
        if packages_dir.parent.is_dir():
            sweep_stale(packages_dir.parent)
        if not packages_dir.is_dir():
            return
        for entry in sorted(packages_dir.iterdir()):
            match = _REPLACED_NAME.match(entry.name)
            if match is None or _alive(int(match.group("pid"))):
                continue
            original = entry.with_name(match.group("name"))
            if original.exists():
                with staging_dir(packages_dir, "remove") as trash:
                    entry.rename(trash / "replaced")
            else:
                entry.rename(original)
    except OSError:
        return


def leftovers(packages_dir: Path) -> list[Path]:
    """Staging directories beside ``packages_dir`` and copies moved aside inside it (for tests and
    diagnostics)."""
    parent = packages_dir.parent
    if not parent.is_dir():
        return []
    found = [p for p in parent.iterdir() if p.name.startswith(PREFIX)]
    if packages_dir.is_dir():
        found += [p for p in packages_dir.iterdir() if _REPLACED_NAME.match(p.name)]
    return sorted(found)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
