"""``reader glossary lookup|show|list|check``: the glossary from the command line."""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.common import add_glossary_option, add_json_option, print_json
from reader.safe_text import one_line, printable

if TYPE_CHECKING:
    from reader.glossary import Entry, Glossary


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("glossary", help="look up, show, list and check glossary entries")
    commands = parser.add_subparsers(dest="glossary_command", metavar="ACTION", required=True)

    lookup = commands.add_parser("lookup", help="find entries by name, inflected form or near spelling")
    lookup.add_argument("query", metavar="QUERY", help="a term in English, Russian or transliteration")
    lookup.add_argument("--limit", type=_positive, default=10, metavar="N", help="at most N entries (10)")
    add_json_option(lookup)
    add_glossary_option(lookup)
    lookup.set_defaults(handler=run_lookup)

    show = commands.add_parser("show", help="show one entry in full")
    show.add_argument("entry_id", metavar="ID", help="an entry id, e.g. kolkhoz")
    add_json_option(show)
    add_glossary_option(show)
    show.set_defaults(handler=run_show)

    listing = commands.add_parser("list", help="list entries, by category")
    listing.add_argument("--category", metavar="C", help="only this category")
    add_json_option(listing)
    add_glossary_option(listing)
    listing.set_defaults(handler=run_list)

    check = commands.add_parser(
        "check",
        help="validate glossary files",
        description="Validate glossary YAML files; one line `file:line: message` per problem, exit 1 if any. "
        "Without DIR: the curated glossary and the user's glossary directory.",
    )
    check.add_argument("dirs", nargs="*", type=Path, metavar="DIR", help="a glossary directory or file")
    check.set_defaults(handler=run_check)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def load_for_command(args: argparse.Namespace) -> Glossary:
    """The glossary with the command's ``--glossary`` overlays; bad entries become warnings on stderr."""
    from reader.errors import BadInput
    from reader.glossary import load_glossary

    for directory in args.glossary:
        if not directory.is_dir():
            raise BadInput(f"{directory}: no such glossary directory")
    glossary = load_glossary(extra_dirs=tuple(args.glossary))
    for problem in glossary.problems:
        print(f"reader: warning: {one_line(str(problem), 400)}", file=sys.stderr)
    return glossary


def run_lookup(args: argparse.Namespace) -> int:
    glossary = load_for_command(args)
    results = glossary.lookup(args.query, limit=args.limit)
    if args.json:
        print_json(
            [
                {
                    "id": r.entry.id,
                    "term": r.entry.term,
                    "russian": r.entry.russian,
                    "gloss": r.entry.gloss,
                    "score": r.score,
                }
                for r in results
            ]
        )
        return 0
    if not results:
        print(one_line(f"no glossary entry matches {args.query!r}"))
        return 0
    for r in results:
        print(
            one_line(
                f"{r.score:5.1f}  {r.entry.id:<28} {r.entry.term} ({r.entry.russian}): {r.entry.gloss}", 1000
            )
        )
    return 0


def run_show(args: argparse.Namespace) -> int:
    from reader.errors import BadInput

    glossary = load_for_command(args)
    entry = glossary.get(args.entry_id)
    if entry is None:
        closest = [r.entry.id for r in glossary.lookup(args.entry_id, limit=3)]
        hint = f" (closest: {', '.join(closest)})" if closest else ""
        raise BadInput(f"no glossary entry with id {args.entry_id!r}{hint}")
    if args.json:
        print_json(entry.as_dict())
        return 0
    print(printable(_describe(entry)))
    return 0


def _describe(entry: Entry) -> str:
    lines = [
        f"{entry.term} ({entry.russian})  [{entry.id}]",
        f"{entry.gloss}; {entry.category}, {entry.period}",
        "",
        textwrap.fill(entry.definition, width=88),
        "",
    ]
    if entry.transliterations:
        lines.append(textwrap.fill("Also written: " + ", ".join(entry.transliterations), 88))
    if entry.forms:
        lines.append(textwrap.fill("Russian forms: " + ", ".join(entry.forms), 88))
    if entry.see_also:
        lines.append("See also: " + ", ".join(entry.see_also))
    lines.append("Sources:")
    for source in entry.sources:
        year = f" ({source.year})" if source.year is not None else ""
        lines.append(f"  {source.author}, {source.title}{year}")
    lines.append(f"Defined in: {entry.origin}")
    return "\n".join(lines)


def run_list(args: argparse.Namespace) -> int:
    from reader.errors import BadInput
    from reader.glossary import CATEGORIES

    if args.category is not None and args.category not in CATEGORIES:
        raise BadInput(f"unknown category {args.category!r} (one of: {', '.join(CATEGORIES)})")
    glossary = load_for_command(args)
    categories = [args.category] if args.category else glossary.categories()
    if args.json:
        print_json(
            [
                {
                    "id": e.id,
                    "term": e.term,
                    "russian": e.russian,
                    "gloss": e.gloss,
                    "category": e.category,
                }
                for category in categories
                for e in glossary.by_category(category)
            ]
        )
        return 0
    for category in categories:
        entries = glossary.by_category(category)
        print(one_line(f"{category} ({len(entries)})"))
        for e in entries:
            print(one_line(f"  {e.id:<28} {e.term} ({e.russian}): {e.gloss}", 1000))
    return 0


def run_check(args: argparse.Namespace) -> int:
    from reader import paths
    from reader.errors import BadInput
    from reader.glossary import check_glossary

    curated = paths.bundled_glossary_dir()
    if args.dirs:
        for location in args.dirs:
            if not location.exists():
                raise BadInput(f"{location}: no such glossary directory or file")
            if not (location.is_dir() or location.is_file()):  # /dev/zero, a pipe: nothing was checked
                raise BadInput(f"{location}: not a glossary directory or file")
        same = any(location.resolve() == curated.resolve() for location in args.dirs)
        reports = [check_glossary(args.dirs, base=() if same else (curated,))]
    else:
        reports = [check_glossary([curated])]
        if paths.user_glossary_dir().is_dir():
            reports.append(check_glossary([paths.user_glossary_dir()], base=(curated,)))
    problems = [problem for report in reports for problem in report.problems]
    for problem in problems:
        print(one_line(str(problem), 1000))
    files = sum(len(report.files) for report in reports)
    entries = sum(report.entries for report in reports)
    if problems:
        print(f"{len(problems)} problem(s) in {files} file(s)", file=sys.stderr)
        return 1
    print(f"glossary OK: {entries} entries in {files} file(s)")
    return 0
