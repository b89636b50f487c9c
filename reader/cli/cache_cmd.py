"""`reader cache stats|clear`: the translation cache (an SQLite file in the user cache directory).

Both report a cache that cannot be read or deleted in one line (exit 1), never a traceback; ``clear``
works on a full disk too (see :meth:`reader.translation.cache.TranslationCache.clear`).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from reader.cli.common import add_json_option, print_json
from reader.input_files import shown_path
from reader.safe_text import one_line

if TYPE_CHECKING:
    from reader.translation.cache import TranslationCache


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


def _warn(cache: TranslationCache) -> None:
    import sys

    if cache.warning:
        print(f"reader: warning: {one_line(cache.warning, 400)}", file=sys.stderr)


def run_stats(args: argparse.Namespace) -> int:
    from reader.translation.cache import TranslationCache

    with TranslationCache() as cache:
        stats = cache.stats()
        _warn(cache)
    if args.json:
        print_json({"entries": stats.entries, "bytes": stats.bytes, "path": str(stats.path)})
    else:
        where = shown_path(stats.path)
        print(f"{stats.entries} cached sentence translation(s), {stats.bytes:,} bytes, in {where}")
    return 0


def run_clear(args: argparse.Namespace) -> int:
    from reader.translation.cache import TranslationCache

    with TranslationCache() as cache:
        deleted = cache.clear()
        _warn(cache)
        where = shown_path(cache.path)
        if deleted is None:
            print(f"deleted the translation cache {where} (it could not be opened to count its entries)")
        else:
            print(f"cleared {deleted} cached translation(s) from {where}")
    return 0
