"""PLACEHOLDER until the app issue lands: prints the library. Replace wholesale."""

from __future__ import annotations

from pathlib import Path


def run_app(path: Path | None = None, library_dirs: tuple[Path, ...] = (),
            glossary_dirs: tuple[Path, ...] = ()) -> int:
    from reader.cli import main

    return main(["library", *[arg for d in library_dirs for arg in ("--library", str(d))]])
