"""``reader vocab add|list|remove|export``: the words a reader saves, and their export to Anki or CSV."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("vocab", help="save words, list them, export them to Anki or CSV")
    parser.add_subparsers(dest="vocab_command", metavar="ACTION", required=True)
