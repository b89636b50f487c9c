"""``reader library``: the essays reader can open, with their Russian passage counts."""

from __future__ import annotations

import argparse
import sys

from reader.cli.common import add_json_option, add_library_option, print_json
from reader.safe_text import one_line


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("library", help="list the essays: bundled, your own and --library DIRs")
    add_library_option(parser)
    add_json_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from reader.errors import BadInput
    from reader.essay.library import index_problems, list_library
    from reader.reading.session import essay_stats

    rows = []
    entries = list_library(tuple(args.library))
    for problem_line in index_problems(tuple(args.library)):
        print(f"reader: warning: {one_line(problem_line)}; its essays are listed without it", file=sys.stderr)
    for entry in entries:
        try:
            russian: int | None = essay_stats(entry.path, entry.meta).russian
            problem = None
        except BadInput as exc:
            russian, problem = None, exc.message
        rows.append(
            {
                "path": str(entry.path),
                "origin": entry.origin,
                "title": entry.meta.title,
                "title_supplied": entry.meta.title_supplied,
                "author": entry.meta.author,
                "year": entry.meta.year,
                "size": entry.size,
                "russian_passages": russian,
                "error": problem,
            }
        )
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        author = row["author"] or "unknown author"
        year = row["year"] or "n.d."
        count = "?" if row["russian_passages"] is None else row["russian_passages"]
        supplied = " [title supplied by the library]" if row["title_supplied"] else ""
        print(f"{one_line(str(row['title']))}{supplied}")
        print(
            f"    {one_line(str(author))}, {year} · {count} Russian passage(s) · {one_line(str(row['path']))}"
        )
        if row["error"]:
            print(f"    error: {one_line(str(row['error']))}")
    return 0
