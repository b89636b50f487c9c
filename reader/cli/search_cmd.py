"""``reader search QUERY``: every essay of the library that matches, with each match and its sentence."""

from __future__ import annotations

import argparse
import sys

from reader.cli.common import add_glossary_option, add_json_option, add_library_option, print_json
from reader.safe_text import one_line

#: Matches listed unless --limit says otherwise: enough to read, and a common word stays fast.
DEFAULT_LIMIT = 100


def _limit(text: str) -> int | None:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or more, not {value}")
    return value or None


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search every essay of the library",
        description="Search every essay of the library. Russian words match their inflected forms, "
        "glossary terms all their spellings in both scripts, other words any case; "
        'quote a phrase ("five year plan") to match its words in order.',
    )
    parser.add_argument("query", nargs="+", metavar="QUERY", help="words or a quoted phrase")
    parser.add_argument(
        "--limit",
        type=_limit,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"list at most N matches in all, in library order (default {DEFAULT_LIMIT}; 0: every match); "
        "every matching essay is still listed, with its number of matching sentences",
    )
    add_json_option(parser)
    add_library_option(parser)
    add_glossary_option(parser)
    parser.set_defaults(handler=run)


def _excerpt(context: str, start: int, end: int) -> str:
    """The match in its sentence, marked with ⟦ ⟧, on one safe line."""
    from reader.search.excerpt import excerpt

    piece = excerpt(context, start, end)
    return f"{piece.before}⟦{piece.match}⟧{piece.after}"


def run(args: argparse.Namespace) -> int:
    from reader.cli.common import require_dirs
    from reader.glossary import load_glossary
    from reader.search import SearchIndex, parse_query

    require_dirs(args.library, "library")
    require_dirs(args.glossary, "glossary")
    glossary = load_glossary(tuple(args.glossary))
    query = parse_query(" ".join(args.query), glossary)
    with SearchIndex(args.library, glossary=glossary) as index:
        entries = index.entries()
        report = index.refresh(entries)
        results = index.search(query, entries, limit=args.limit)
        for warning in [*index.warnings, *report.problems]:
            print(f"reader: warning: {one_line(warning, 400)}", file=sys.stderr)
    truncated = any(result.truncated for result in results)
    if args.json:
        print_json(
            {
                "query": query.text,
                "limit": args.limit,
                "truncated": truncated,
                "results": [result.as_dict() for result in results],
            }
        )
        return 0
    if not results:
        print(f"no matches for {one_line(query.text)}")
        return 0
    sentences = sum(result.sentences for result in results)
    print(f"{sentences} matching sentence(s) in {len(results)} essay(s) for {one_line(query.text)}")
    for result in results:
        print(f"{one_line(result.title)}  ({one_line(str(result.path))})")
        for match in result.matches:
            offset = match.start - match.context_start
            excerpt = _excerpt(match.context, offset, offset + len(match.text))
            print(f"  {match.start}-{match.end}  {excerpt}")
        if result.truncated:
            print(f"  … {result.sentences} matching sentence(s) in all")
    if truncated:
        print(f"only the first {args.limit} matches are listed: --limit N for more, --limit 0 for all")
    return 0
