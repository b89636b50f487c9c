"""Installed Argos Translate packages: which are there, and which one translates Russian to English.

Packages live where argostranslate keeps them (``reader.paths.argos_packages_dir()``, ``ARGOS_PACKAGES_DIR``
honoured). The directory is read afresh on every call rather than through argostranslate's settings, which
freeze the environment at import time. Metadata is read the way ``argostranslate.package.Package`` reads it
(same fields, same defaults), so reader sees a package as argostranslate would. Installing lives in
``reader.models.install``; this module only reads and removes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from reader import paths
from reader.errors import BadInput, MissingResource
from reader.input_files import shown_path
from reader.models.staging import staging_dir
from reader.safe_text import one_line

#: The language pair the reader translates.
SOURCE_CODE = "ru"
TARGET_CODE = "en"

INSTALL_HINT = (
    "install one with `reader models install` (online) or `reader models install FILE.argosmodel` (offline)"
)


@dataclass(frozen=True)
class InstalledModel:
    """One installed Argos package, as the engine and the CLI need it."""

    code: str  # argospm-style package code, e.g. "translate-ru_en"
    from_code: str  # "ru"
    to_code: str  # "en"
    version: str  # package_version from metadata.json
    path: Path  # installed package directory (metadata.json, model/, sentencepiece.model ...)
    name: str  # human name, e.g. "Russian → English"
    target_prefix: str  # metadata "target_prefix" or ""

    @property
    def is_ru_en(self) -> bool:
        return self.from_code == SOURCE_CODE and self.to_code == TARGET_CODE


def package_code(package_type: str, from_code: str | None, to_code: str | None) -> str:
    """The argospm name of a package (``translate-ru_en``), as argostranslate's ``argospm_package_name``."""
    code = package_type or "translate"
    if from_code and to_code:
        code += f"-{from_code}_{to_code}"
    return code


def read_model(package_dir: Path) -> InstalledModel:
    """The package in ``package_dir``; raises BadInput when its metadata.json is missing or unusable.

    Reads ``metadata.json`` with the same fields and defaults as argostranslate's
    ``IPackage.load_metadata_from_json`` (``type`` "translate", ``package_version`` "", names "",
    ``target_prefix`` ""), without importing argostranslate: that import (urllib, http.client) would cost
    every ``reader translate``, cached or not, tens of milliseconds.
    """
    metadata_path = package_dir / "metadata.json"
    try:
        metadata = json.loads(metadata_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:  # missing, unreadable, not JSON
        raise BadInput(
            f"{shown_path(metadata_path)}: cannot read package metadata ({one_line(str(exc), 80)})"
        ) from None
    if not isinstance(metadata, dict):
        raise BadInput(f"{shown_path(metadata_path)}: package metadata must be a JSON object")
    from_code, to_code = metadata.get("from_code"), metadata.get("to_code")
    if not isinstance(from_code, str) or not isinstance(to_code, str):
        raise BadInput(f"{shown_path(metadata_path)}: from_code and to_code must be strings")
    package_type = metadata.get("type", "translate")
    from_name, to_name = metadata.get("from_name", ""), metadata.get("to_name", "")
    if from_name and to_name:  # argostranslate's str(Package)
        name = f"{from_name} → {to_name}"
    else:
        name = package_code(package_type, from_code, to_code)
    return InstalledModel(
        code=package_code(package_type, from_code, to_code),
        from_code=from_code,
        to_code=to_code,
        version=str(metadata.get("package_version", "")),
        path=package_dir,
        name=name,
        target_prefix=str(metadata.get("target_prefix") or ""),
    )


def installed_models(packages_dir: Path | None = None) -> list[InstalledModel]:
    """Every readable package in the packages directory, by code then version.

    Directories that are not packages (no or broken metadata.json, reader's own staging directories)
    are skipped: one broken package must not hide the others.
    """
    root = packages_dir if packages_dir is not None else paths.argos_packages_dir()
    if not root.is_dir():
        return []
    models = []
    for entry in sorted(root.iterdir()):
        if entry.name.startswith(".") or not entry.is_dir():
            continue
        try:
            models.append(read_model(entry))
        except BadInput:
            continue
    return sorted(models, key=lambda m: (m.code, version_key(m.version), m.path.name))


def find_ru_en(packages_dir: Path | None = None) -> InstalledModel | None:
    """The package reader uses for Russian to English: the newest installed ru->en translate package."""
    candidates = [
        m
        for m in installed_models(packages_dir)
        if m.is_ru_en and m.code == package_code("translate", SOURCE_CODE, TARGET_CODE)
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda m: (version_key(m.version), m.path.name))


def require_ru_en(packages_dir: Path | None = None) -> InstalledModel:
    """The ru->en package, or MissingResource (exit 2) saying how to install one."""
    model = find_ru_en(packages_dir)
    if model is None:
        root = packages_dir if packages_dir is not None else paths.argos_packages_dir()
        raise MissingResource(f"no Russian->English model is installed in {shown_path(root)}; {INSTALL_HINT}")
    return model


def remove_model(code: str, packages_dir: Path | None = None) -> list[InstalledModel]:
    """Remove every installed package whose code (or directory name) is ``code``; BadInput if none is.

    Each directory is first moved out to a staging directory beside the packages directory, then
    deleted, so an interrupted removal never leaves a half-deleted package that still looks installed.
    """
    root = packages_dir if packages_dir is not None else paths.argos_packages_dir()
    doomed = [m for m in installed_models(root) if code in (m.code, m.path.name)]
    if not doomed:
        named = one_line(repr(code), 80)
        raise BadInput(f"{shown_path(root)}: no installed package named {named} (see `reader models list`)")
    with staging_dir(root, "remove") as trash:
        for index, model in enumerate(doomed):
            model.path.rename(trash / str(index))
    return doomed


def version_key(version: str) -> tuple[int, object]:
    """Order versions as packaging does, with unparsable ones first (compared as text)."""
    from packaging.version import InvalidVersion, Version

    try:
        return (1, Version(version))
    except InvalidVersion:
        return (0, version)
