"""``reader search QUERY``: every essay of the library that matches, with each match and its sentence."""

from __future__ import annotations

import argparse
import sys

from reader.cli.common import add_glossary_option, add_json_option, add_library_option, print_json
from reader.safe_text import one_line

#: Characters of context shown on each side of a match in the readable listing.
_CONTEXT_CHARS = 60


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search every essay of the library",
        description="Search every essay of the library. Russian words match their inflected forms, "
        "glossary terms all their spellings in both scripts, other words any case; "
        'quote a phrase ("five year plan") to match its words in order.',
    )
    parser.add_argument("query", nargs="+", metavar="QUERY", help="words or a quoted phrase")
    add_json_option(parser)
    add_library_option(parser)
    add_glossary_option(parser)
    parser.set_defaults(handler=run)


def _excerpt(context: str, start: int, end: int) -> str:
    """The match in its sentence, marked with ⟦ ⟧, cut to a readable width, on one safe line."""
    before = " ".join(context[:start].split())
    after = " ".join(context[end:].split())
    if len(before) > _CONTEXT_CHARS:
        before = "…" + before[-_CONTEXT_CHARS:].lstrip()
    if len(after) > _CONTEXT_CHARS:
        after = after[:_CONTEXT_CHARS].rstrip() + "…"
    space_before = " " if before and context[start - 1].isspace() else ""
    space_after = " " if after and context[end].isspace() else ""
    match = " ".join(context[start:end].split())
    return one_line(f"{before}{space_before}⟦{match}⟧{space_after}{after}", 3 * _CONTEXT_CHARS)


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
        results = index.search(query, entries)
        for warning in [*index.warnings, *report.problems]:
            print(f"reader: warning: {one_line(warning, 400)}", file=sys.stderr)
    if args.json:
        print_json({"query": query.text, "results": [result.as_dict() for result in results]})
        return 0
    if not results:
        print(f"no matches for {one_line(query.text)}")
        return 0
    total = sum(len(result.matches) for result in results)
    print(f"{total} match(es) in {len(results)} essay(s) for {one_line(query.text)}")
    for result in results:
        print(f"{one_line(result.title)}  ({one_line(str(result.path))})")
        for match in result.matches:
            offset = match.start - match.context_start
            excerpt = _excerpt(match.context, offset, offset + len(match.text))
            print(f"  {match.start}-{match.end}  {excerpt}")
    return 0
