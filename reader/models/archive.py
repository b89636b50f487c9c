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
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.errors import BadInput
from reader.safe_zip import check_members, entry_parts

#: Generous limits: the largest Argos packages unpack to a few hundred MB in a few dozen files.
MAX_UNPACKED_BYTES = 4 * 1024**3
#: Above this many unpacked bytes the compression ratio is checked (see :mod:`reader.safe_zip`).
RATIO_FLOOR_BYTES = 64 * 1024**2

_CHUNK = 1024 * 1024
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
            target = dest.joinpath(*entry_parts(info.filename))
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


def _check_members(label: str, members: list[zipfile.ZipInfo], archive_size: int) -> None:
    check_members(
        label, members, archive_size, max_unpacked=MAX_UNPACKED_BYTES, ratio_floor=RATIO_FLOOR_BYTES
    )


def _package_top(label: str, members: list[zipfile.ZipInfo]) -> tuple[str, ...]:
    """The folder holding metadata.json: the zip's root, or its single top-level directory."""
    names = {entry_parts(info.filename) for info in members}
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
