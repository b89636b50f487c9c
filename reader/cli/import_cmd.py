"""``reader import PATH``: add an essay in any supported format to your library, as a clean text copy."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.common import add_json_option, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="copy an essay (text, Markdown, HTML, EPUB, PDF, DOCX) into your essays folder as text",
        description="Extract the text and metadata of PATH and add it to your essays folder "
        "(`reader paths` shows where) as a UTF-8 .txt file listed in the library.",
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="the file to import")
    parser.add_argument("--title", help="the title to list it under (default: the file's own)")
    add_json_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from reader.essay.importing import import_essay
    from reader.safe_text import one_line

    imported = import_essay(args.path, title=args.title)
    meta = imported.meta
    if args.json:
        from reader.detection import detect

        detection = detect(imported.text)
        print_json(
            {
                "path": str(imported.path),
                "imported_from": str(imported.imported_from),
                "format": imported.format,
                "encoding": imported.encoding,
                "title": meta.title,
                "title_supplied": meta.title_supplied,
                "author": meta.author,
                "year": meta.year,
                "source": meta.source,
                "chars": len(imported.text),
                "passages": [p.to_json() for p in detection.passages],
            }
        )
        return 0
    author = meta.author or "unknown author"
    year = meta.year or "n.d."
    source, copy = one_line(str(imported.imported_from)), one_line(str(imported.path))
    print(f"Imported {source} ({imported.format}) as {copy}")
    print(f"    {one_line(meta.title)} · {one_line(author)}, {year} · {len(imported.text):,} characters")
    return 0
