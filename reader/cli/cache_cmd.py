"""`reader cache stats|clear`: the translation cache (an SQLite file in the user cache directory)."""

from __future__ import annotations

import argparse

from reader.cli.common import add_json_option, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "cache",
        help="show or clear the translation cache",
        description="The translation cache keeps every translated sentence, per model and beam size.",
    )
    actions = parser.add_subparsers(dest="cache_action", metavar="ACTION", required=True)
    stats = actions.add_parser("stats", help="entries, size and location of the cache")
    add_json_option(stats)
    stats.set_defaults(handler=run_stats)
    clear = actions.add_parser("clear", help="delete every cached translation")
    clear.set_defaults(handler=run_clear)


def _warn(cache: object) -> None:
    import sys

    warning = getattr(cache, "warning", None)
    if warning:
        print(f"reader: warning: {warning}", file=sys.stderr)


def run_stats(args: argparse.Namespace) -> int:
    from reader.translation.cache import TranslationCache

    with TranslationCache() as cache:
        stats = cache.stats()
        _warn(cache)
    if args.json:
        print_json({"entries": stats.entries, "bytes": stats.bytes, "path": str(stats.path)})
    else:
        print(f"{stats.entries} cached sentence translation(s), {stats.bytes:,} bytes, in {stats.path}")
    return 0


def run_clear(args: argparse.Namespace) -> int:
    from reader.translation.cache import TranslationCache

    with TranslationCache() as cache:
        deleted = cache.clear()
        _warn(cache)
        print(f"cleared {deleted} cached translation(s) from {cache.path}")
    return 0
