"""PLACEHOLDER: registers nothing until its issue lands. Replace wholesale."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    return None
