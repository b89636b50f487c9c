"""The command line: ``reader [PATH]`` opens the app; subcommands do each job from a script.

Every command module exposes ``register(subparsers)`` and sets ``handler`` on its parser. Only the module of
the command being run is imported (all of them for ``--help``), and heavy imports (models, morphology,
Textual) happen inside handlers, so ``reader --help`` is instant and a cached ``reader translate`` pays for
nothing it does not use.
Exit status: 0 ok, 1 bad input, 2 missing resource, 130 interrupted.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from reader import __version__
from reader.errors import ReaderError
from reader.safe_text import one_line

#: Command name -> the module that registers it, in the order ``reader --help`` lists them.
COMMANDS: dict[str, str] = {
    "open": "reader.cli.open_cmd",
    "library": "reader.cli.library_cmd",
    "import": "reader.cli.import_cmd",
    "detect": "reader.cli.detect_cmd",
    "annotate": "reader.cli.annotate_cmd",
    "glossary": "reader.cli.glossary_cmd",
    "translate": "reader.cli.translate_cmd",
    "word": "reader.cli.word_cmd",
    "gloss": "reader.cli.gloss_cmd",
    "vocab": "reader.cli.vocab_cmd",
    "search": "reader.cli.search_cmd",
    "export": "reader.cli.export_cmd",
    "models": "reader.cli.models_cmd",
    "cache": "reader.cli.cache_cmd",
    "bookmarks": "reader.cli.bookmarks_cmd",
    "serve": "reader.cli.serve_cmd",
    "paths": "reader.cli.paths_cmd",
}


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is bad input: exit status 1 (argparse's 2 means a missing resource
    here) and one line, like every other error."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("reader").strip()
        where = f"{command}: " if command else ""
        self.exit(1, f"reader: {where}{message} (see `{self.prog} --help`)\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``only``, just that command's subparser is registered."""
    parser = _Parser(
        prog="reader",
        description="A bilingual reading assistant for essays on Soviet history. "
        "With no command, opens the reader on the library (or on PATH: `reader PATH`).",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        if only is None or name == only:
            importlib.import_module(module_name).register(subparsers)
    return parser


def normalise_argv(argv: list[str]) -> list[str]:
    """``reader`` alone and ``reader PATH`` mean ``reader open [PATH]``."""
    if argv[:1] and argv[0] in ("-h", "--help", "--version"):
        return argv
    first_positional = next((arg for arg in argv if not arg.startswith("-")), None)
    if first_positional is None or first_positional not in COMMANDS:
        return ["open", *argv]
    return argv


def _tolerant_output() -> None:
    """A character stdout or stderr cannot encode (Cyrillic under an ASCII locale, a dash under KOI8-R,
    a file name's undecodable byte) is written as an escape (``\\u0436``), not a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_output()
    args_list = normalise_argv(list(sys.argv[1:] if argv is None else argv))
    command = next((arg for arg in args_list if not arg.startswith("-")), None)
    parser = build_parser(only=command if command in COMMANDS else None)
    args = parser.parse_args(args_list)
    try:
        status = int(args.handler(args) or 0)
        sys.stdout.flush()  # a full disk under a redirected stdout shows here, not as a traceback at exit
        return status
    except ReaderError as exc:
        print(f"reader: {one_line(exc.message, 400)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _drop_stdout()
        return 0
    except OSError as exc:
        if exc.filename is not None or exc.errno not in _OUTPUT_ERRNOS:
            raise
        _drop_stdout()
        print(f"reader: cannot write the output ({exc.strerror or exc})", file=sys.stderr)
        return 1


#: Errors of a write to stdout redirected to a file: the output is lost, the command failed.
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def _drop_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush of what is still buffered neither
    fails again nor prints a second error."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass
