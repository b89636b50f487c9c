"""Options and output helpers shared by the commands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")


def add_library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="also list the essays of DIR (repeatable)",
    )


def add_glossary_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--glossary",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="overlay every *.yaml in DIR on the curated glossary (repeatable)",
    )


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
