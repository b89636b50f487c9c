"""``reader paths``: where reader keeps everything."""

from __future__ import annotations

import argparse

from reader import paths
from reader.cli.common import add_json_option, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("paths", help="show where reader keeps essays, glossary, cache and models")
    add_json_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    locations = paths.all_paths()
    if args.json:
        print_json({name: str(path) for name, path in locations.items()})
    else:
        width = max(map(len, locations))
        for name, path in locations.items():
            print(f"{name:<{width}}  {path}")
    return 0
