"""`reader export ESSAY --format html|md|epub [-o FILE]`: an essay as a bilingual edition."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.common import add_glossary_option, add_json_option, print_json, require_dirs
from reader.export.formats import EXTENSIONS
from reader.safe_text import printable

FORMATS = tuple(EXTENSIONS)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export an essay with its translations as HTML, Markdown or EPUB",
        description="Write ESSAY as a bilingual edition: each Russian passage with its translation (from "
        "the cache, or translated now when a model is installed; without one, its transliteration and "
        "glossary glosses), glossary terms linked to notes, the model and the data credits. "
        "HTML is one self-contained page that prints well; EPUB reads on any e-reader.",
    )
    parser.add_argument("path", type=Path, metavar="ESSAY", help="the essay (any format reader opens)")
    parser.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        help="html, md or epub (default: from FILE's extension, else html)",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="where to write (a file, or a folder); default: ESSAY's name with the format's extension, "
        "in the current directory",
    )
    parser.add_argument(
        "--no-translate",
        action="store_true",
        help="do not run the model: cached translations are not used either; transliterations and glosses",
    )
    add_json_option(parser)
    add_glossary_option(parser)
    parser.set_defaults(handler=run)


def format_of(output: Path | None) -> str:
    """The format an output file's extension names (``.htm`` too), else html."""
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    return {"htm": "html", "markdown": "md"}.get(suffix, suffix if suffix in FORMATS else "html")


def run(args: argparse.Namespace) -> int:
    from reader.export.prepare import export_essay
    from reader.reading.settings import Settings

    require_dirs(args.glossary, "glossary")
    shown = [0]

    def progress(done: int, total: int) -> None:
        if done != shown[0]:
            shown[0] = done
            print(f"reader: translating {done}/{total} passages", file=sys.stderr, flush=True)

    result = export_essay(
        args.path,
        args.format or format_of(args.output),
        output=args.output,
        settings=Settings(glossary_dirs=tuple(args.glossary)),
        translate=not args.no_translate,
        on_progress=progress,
    )
    for warning in result.warnings:
        print(f"reader: warning: {printable(warning)}", file=sys.stderr)
    if args.json:
        print_json(result.to_json())
        return 0
    model = f", model {result.model.code} {result.model.version}" if result.model else ", no model"
    print(
        f"{printable(str(result.path))}: {result.passages} passage(s), {result.translated} translated"
        f"{printable(model)}, {result.terms} glossary note(s)"
    )
    return 0
