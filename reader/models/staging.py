"""Private scratch directories for installing and removing packages, never seen as packages.

A staging directory is a hidden directory beside the packages directory (in its parent, so on the same
filesystem and a rename into place is atomic), named ``.reader-<job>-<pid>-<random>``. It is deleted when
the job ends, however it ends; one left by a process that was killed is deleted by the next job.
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


def leftovers(packages_dir: Path) -> list[Path]:
    """Staging directories beside ``packages_dir`` (for tests and diagnostics)."""
    parent = packages_dir.parent
    if not parent.is_dir():
        return []
    return sorted(p for p in parent.iterdir() if p.name.startswith(PREFIX))


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
