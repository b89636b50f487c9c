"""Opening an EPUB or DOCX (both are zip archives) without trusting it.

The entry checks are the ones reader applies to model packages (:mod:`reader.safe_zip`): no entry
escaping the archive, no symbolic links or encrypted entries, at most 10,000 entries, at most 200:1
compression. An essay archive may unpack to at most 512 MB (text compresses about 4:1).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from reader.errors import BadInput
from reader.essay.formats.source import MB, read_capped
from reader.input_files import shown_path
from reader.safe_zip import check_members

MAX_ARCHIVE_BYTES = 200 * MB
MAX_UNPACKED_BYTES = 512 * MB
#: Below this many unpacked bytes no ratio is refused: a tiny archive of repeated text may pack tightly.
RATIO_FLOOR_BYTES = 1 * MB


def open_zip(path: Path, kind: str) -> zipfile.ZipFile:
    """``path`` read and opened as a zip, its entries checked; ``kind`` ("EPUB", "DOCX") names it."""
    data = read_capped(path, MAX_ARCHIVE_BYTES)
    return open_zip_bytes(data, shown_path(path), kind)


def open_zip_bytes(data: bytes, label: str, kind: str) -> zipfile.ZipFile:
    """The zip archive held in ``data``, its entries checked."""
    size = len(data)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, EOFError, ValueError, OSError):
        raise BadInput(f"{label}: corrupt {kind} (not a zip archive)") from None
    try:
        members = zf.infolist()
        check_members(label, members, size, max_unpacked=MAX_UNPACKED_BYTES, ratio_floor=RATIO_FLOOR_BYTES)
    except BadInput:
        zf.close()
        raise
    return zf


def read_member(zf: zipfile.ZipFile, name: str, label: str, kind: str) -> bytes:
    """One entry's bytes; a missing or corrupt entry is a one-line BadInput."""
    try:
        return zf.read(name)
    except KeyError:
        raise BadInput(f"{label}: corrupt {kind} ({name} is missing)") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise BadInput(f"{label}: corrupt {kind} ({name} cannot be unpacked: {exc})") from None
    except (NotImplementedError, RuntimeError) as exc:
        raise BadInput(f"{label}: {name} cannot be unpacked ({exc})") from None
