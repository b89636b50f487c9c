"""Checks on a zip archive from elsewhere (a model package, an EPUB, a DOCX) before anything is unpacked.

No entry may escape the archive (``../``, absolute paths, drive letters, NUL or backslash in a name), be a
symbolic link or be encrypted; the entry count, the declared unpacked size and the compression ratio are
bounded (a zip bomb packs gigabytes into kilobytes). Python's zipfile never inflates an entry past its
declared size, so checking the declared sizes bounds the work.
"""

from __future__ import annotations

import re
import stat
import zipfile
from pathlib import PurePosixPath

from reader.errors import BadInput
from reader.safe_text import one_line

MAX_ENTRIES = 10_000
#: A compression ratio above this, on an archive that unpacks to more than its ratio floor, is a bomb.
MAX_RATIO = 200

_DRIVE = re.compile(r"^[A-Za-z]:")


def entry_parts(name: str) -> tuple[str, ...]:
    """An entry name's path parts, without empty and ``.`` parts."""
    return tuple(part for part in PurePosixPath(name).parts if part not in ("", "."))


def check_members(
    label: str,
    members: list[zipfile.ZipInfo],
    archive_size: int,
    *,
    max_unpacked: int,
    ratio_floor: int,
) -> None:
    """Refuse (BadInput, one line naming ``label``) an archive whose entries are unsafe or too big."""
    if not members:
        raise BadInput(f"{label}: the archive is empty")
    if len(members) > MAX_ENTRIES:
        raise BadInput(f"{label}: {len(members)} entries, more than the {MAX_ENTRIES} allowed")
    declared = 0
    for info in members:
        name = info.filename
        shown = one_line(repr(name), 80)
        if "\x00" in name or "\\" in name or name.startswith("/") or _DRIVE.match(name):
            raise BadInput(f"{label}: entry {shown} has an absolute or unsafe path")
        if ".." in PurePosixPath(name).parts:
            raise BadInput(f"{label}: entry {shown} escapes the package directory")
        if not entry_parts(name):
            raise BadInput(f"{label}: entry {shown} has an empty name")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise BadInput(f"{label}: entry {shown} is a symbolic link")
        if info.flag_bits & 0x1:
            raise BadInput(f"{label}: entry {shown} is encrypted")
        declared += info.file_size
    if declared > max_unpacked:
        raise BadInput(f"{label}: unpacks to {declared} bytes, more than the {max_unpacked} allowed")
    if declared > ratio_floor and declared > MAX_RATIO * max(archive_size, 1):
        raise BadInput(f"{label}: compression ratio above {MAX_RATIO}:1, refused as a zip bomb")
