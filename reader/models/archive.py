"""Checking and unpacking an ``.argosmodel`` (a zip from elsewhere) without trusting it.

Every check raises BadInput with one line naming the archive and the problem. The caller unpacks into a
fresh staging directory it owns and deletes on any failure, so a refused archive leaves nothing behind.

Refused: a file that is not a zip (empty, garbage, truncated); an entry whose name escapes the target
(``../``, an absolute path, a drive letter), a symbolic-link entry, an encrypted entry; more than
``MAX_ENTRIES`` entries or more than ``MAX_UNPACKED_BYTES`` unpacked (zip-bomb guard, checked on the
declared sizes and again on the bytes actually written); no ``metadata.json`` at the package's top
folder; metadata that is not a JSON object with string ``from_code``, ``to_code`` and
``package_version``; no ``model/`` that CTranslate2 can load; no tokenizer (``sentencepiece.model`` or
``bpe.model``), or a ``sentencepiece.model`` that sentencepiece cannot load.
"""

from __future__ import annotations

import json
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from reader.errors import BadInput

#: Generous limits: the largest Argos packages unpack to a few hundred MB in a few dozen files.
MAX_UNPACKED_BYTES = 4 * 1024**3
MAX_ENTRIES = 10_000
#: A compression ratio above this, on an archive that unpacks to more than RATIO_FLOOR_BYTES, is a bomb.
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 64 * 1024**2

_CHUNK = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
_REQUIRED_METADATA = ("from_code", "to_code", "package_version")


@dataclass(frozen=True)
class PackageMetadata:
    """What reader needs from a checked package's metadata.json."""

    type: str
    from_code: str
    to_code: str
    version: str


def unpack(archive: Path, dest: Path, label: str | None = None) -> Path:
    """Unpack ``archive`` into the empty directory ``dest``; return the package's top folder inside it.

    The top folder is the one directory every entry lives in (Argos zips hold one), or ``dest`` itself
    when metadata.json sits at the root of the zip. Errors name ``label`` (the file or URL the user
    knows), defaulting to the archive's path.
    """
    label = label or str(archive)
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise BadInput(f"{label}: not a zip archive (an .argosmodel is a zip)") from None
    except OSError as exc:
        raise BadInput(f"{label}: cannot read ({exc.strerror or exc})") from None
    with zf:
        members = zf.infolist()
        _check_members(label, members, archive.stat().st_size)
        top = _package_top(label, members)
        written = 0
        for info in members:
            target = dest.joinpath(*_parts(info.filename))
            try:
                (target if info.is_dir() else target.parent).mkdir(parents=True, exist_ok=True)
            except (FileExistsError, NotADirectoryError):
                raise BadInput(f"{label}: entry {info.filename!r} clashes with another entry") from None
            if not info.is_dir():
                written = _extract(label, zf, info, target, written)
    return dest.joinpath(*top)


def check_package(label: str, package_dir: Path) -> PackageMetadata:
    """Check an unpacked package: metadata, tokenizer, and a model CTranslate2 can load."""
    metadata = _read_metadata(label, package_dir / "metadata.json")
    package_type = metadata.get("type", "translate")
    if package_type != "translate":
        raise BadInput(f"{label}: a {package_type!r} package; reader installs translation packages only")
    _check_tokenizer(label, package_dir)
    _check_model(label, package_dir / "model")
    return PackageMetadata(
        type=package_type,
        from_code=metadata["from_code"],
        to_code=metadata["to_code"],
        version=metadata["package_version"],
    )


def _parts(name: str) -> tuple[str, ...]:
    return tuple(part for part in PurePosixPath(name).parts if part not in ("", "."))


def _check_members(label: str, members: list[zipfile.ZipInfo], archive_size: int) -> None:
    if not members:
        raise BadInput(f"{label}: the archive is empty")
    if len(members) > MAX_ENTRIES:
        raise BadInput(f"{label}: {len(members)} entries, more than the {MAX_ENTRIES} allowed")
    declared = 0
    for info in members:
        name = info.filename
        if "\x00" in name or "\\" in name or name.startswith("/") or _DRIVE.match(name):
            raise BadInput(f"{label}: entry {name!r} has an absolute or unsafe path")
        if ".." in PurePosixPath(name).parts:
            raise BadInput(f"{label}: entry {name!r} escapes the package directory")
        if not _parts(name):
            raise BadInput(f"{label}: entry {name!r} has an empty name")
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise BadInput(f"{label}: entry {name!r} is a symbolic link")
        if info.flag_bits & 0x1:
            raise BadInput(f"{label}: entry {name!r} is encrypted")
        declared += info.file_size
    if declared > MAX_UNPACKED_BYTES:
        raise BadInput(f"{label}: unpacks to {declared} bytes, more than the {MAX_UNPACKED_BYTES} allowed")
    if declared > RATIO_FLOOR_BYTES and declared > MAX_RATIO * max(archive_size, 1):
        raise BadInput(f"{label}: compression ratio above {MAX_RATIO}:1, refused as a zip bomb")


def _package_top(label: str, members: list[zipfile.ZipInfo]) -> tuple[str, ...]:
    """The folder holding metadata.json: the zip's root, or its single top-level directory."""
    names = {_parts(info.filename) for info in members}
    if ("metadata.json",) in names:
        return ()
    tops = {parts[0] for parts in names}
    if len(tops) == 1:
        (top,) = tops
        if (top, "metadata.json") in names:
            return (top,)
    raise BadInput(f"{label}: no metadata.json at the package's top folder")


def _extract(label: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, written: int) -> int:
    """Copy one entry to ``target`` (a new regular file), counting real bytes against the limit."""
    try:
        with zf.open(info) as source, open(target, "xb") as sink:
            while chunk := source.read(_CHUNK):
                written += len(chunk)
                if written > MAX_UNPACKED_BYTES:
                    raise BadInput(f"{label}: unpacks to more than {MAX_UNPACKED_BYTES} bytes")
                sink.write(chunk)
    except FileExistsError:
        raise BadInput(f"{label}: entry {info.filename!r} appears twice") from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise BadInput(f"{label}: entry {info.filename!r} is corrupt ({exc})") from None
    except (NotImplementedError, RuntimeError) as exc:  # unsupported compression, encryption
        raise BadInput(f"{label}: entry {info.filename!r} cannot be unpacked ({exc})") from None
    except (IsADirectoryError, NotADirectoryError):
        raise BadInput(f"{label}: entry {info.filename!r} clashes with another entry") from None
    return written


def _read_metadata(label: str, path: Path) -> dict[str, Any]:
    try:
        metadata = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInput(f"{label}: metadata.json is not valid JSON ({exc})") from None
    except OSError:
        raise BadInput(f"{label}: metadata.json cannot be read") from None
    if not isinstance(metadata, dict):
        raise BadInput(f"{label}: metadata.json is not a JSON object")
    missing = [
        key for key in _REQUIRED_METADATA if not isinstance(metadata.get(key), str) or not metadata[key]
    ]
    if missing:
        raise BadInput(f"{label}: metadata.json lacks {', '.join(missing)}")
    for key in ("from_code", "to_code"):
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,32}", metadata[key]):
            raise BadInput(f"{label}: metadata.json {key} {metadata[key]!r} is not a language code")
    return metadata


def _check_tokenizer(label: str, package_dir: Path) -> None:
    sp_model = package_dir / "sentencepiece.model"
    if sp_model.is_file():
        import sentencepiece

        try:
            sentencepiece.SentencePieceProcessor(model_file=str(sp_model))
        except (RuntimeError, OSError):
            raise BadInput(
                f"{label}: sentencepiece.model cannot be loaded (not a sentencepiece model)"
            ) from None
        return
    if not (package_dir / "bpe.model").is_file():
        raise BadInput(f"{label}: no sentencepiece.model (nor bpe.model) beside metadata.json")


def _check_model(label: str, model_dir: Path) -> None:
    if not (model_dir / "model.bin").is_file():
        raise BadInput(f"{label}: no CTranslate2 model (model/model.bin) beside metadata.json")
    import ctranslate2

    try:
        translator = ctranslate2.Translator(str(model_dir), device="cpu")
    except Exception as exc:  # CTranslate2 raises RuntimeError/ValueError and more for a bad model
        raise BadInput(f"{label}: CTranslate2 cannot load model/ ({_first_line(exc)})") from None
    del translator


def _first_line(exc: BaseException) -> str:
    """The first sentence of an exception's message, short enough for a one-line error."""
    text = str(exc).strip()
    if not text:
        return type(exc).__name__
    first = text.splitlines()[0].split(". ")[0]
    return first if len(first) <= 160 else first[:157] + "..."
