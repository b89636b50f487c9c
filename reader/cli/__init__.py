"""The command line: ``reader [PATH]`` opens the app; subcommands do each job from a script.

Every command module exposes ``register(subparsers)`` and sets ``handler`` on its parser. Heavy
imports (models, morphology, Textual) happen inside handlers, so ``reader --help`` stays instant.
Exit status: 0 ok, 1 bad input, 2 missing resource, 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reader import __version__
from reader.cli import (
    annotate_cmd,
    cache_cmd,
    detect_cmd,
    glossary_cmd,
    library_cmd,
    models_cmd,
    open_cmd,
    paths_cmd,
    translate_cmd,
)
from reader.errors import ReaderError

_COMMAND_MODULES = (
    open_cmd,
    library_cmd,
    detect_cmd,
    annotate_cmd,
    glossary_cmd,
    translate_cmd,
    models_cmd,
    cache_cmd,
    paths_cmd,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="A bilingual reading assistant for essays on Soviet history. "
        "With no command, opens the reader on the library (or on PATH: `reader PATH`).",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _COMMAND_MODULES:
        module.register(subparsers)
    return parser


def _normalise_argv(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """``reader`` alone and ``reader PATH`` mean ``reader open [PATH]``."""
    commands: set[str] = set()
    for action in parser._subparsers._group_actions if parser._subparsers else []:
        commands.update(getattr(action, "choices", {}) or {})
    first_positional = next((arg for arg in argv if not arg.startswith("-")), None)
    if any(arg in ("-h", "--help", "--version") for arg in argv[:1]):
        return argv
    if first_positional is None or first_positional not in commands:
        return ["open", *argv]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args_list = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(_normalise_argv(args_list, parser))
    try:
        return int(args.handler(args) or 0)
    except ReaderError as exc:
        print(f"reader: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
