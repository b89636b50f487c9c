"""``reader [open] [PATH]``: open the reading app on the library, or straight on one essay."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.common import add_glossary_option, add_library_option, require_dirs


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("open", help="open the reading app (the default command)")
    parser.add_argument("path", type=Path, nargs="?", metavar="PATH", help="an essay to open at once")
    add_library_option(parser)
    add_glossary_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from reader.essay.formats import extract

    if args.path is not None:
        extract(args.path)  # a bad path fails here, with the CLI's one-line error
    # So do mistyped folders, as in every other command, rather than as a notice inside the app.
    require_dirs(args.library, "library")
    require_dirs(args.glossary, "glossary")
    from reader.ui.app import run_app

    return run_app(path=args.path, library_dirs=tuple(args.library), glossary_dirs=tuple(args.glossary))
