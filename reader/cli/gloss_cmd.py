"""``reader gloss PATH``: word-by-word glosses of an essay's Russian passages, as the app's ``w`` shows them.

Each Russian word gets the short gloss the app puts under it (the first sense of its most likely reading,
cut to fit); the readable output is interlinear, word over gloss, wrapped at ``--width``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.common import add_json_option, print_json

DEFAULT_WIDTH = 80


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "gloss",
        help="word-by-word English glosses under an essay's Russian passages (offline)",
        description="A short English gloss under every Russian word of the essay's Russian passages, "
        "from the offline dictionary; --json lists each word with its offsets and gloss.",
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="an essay file")
    parser.add_argument(
        "--width",
        type=int,
        default=DEFAULT_WIDTH,
        metavar="N",
        help=f"wrap at N columns (default {DEFAULT_WIDTH})",
    )
    add_json_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from reader.errors import BadInput
    from reader.essay.document import EssayMeta
    from reader.reading.session import Session
    from reader.words.book import WordBook
    from reader.words.tokens import words_in_spans

    if not 20 <= args.width <= 1000:
        raise BadInput(f"--width {args.width}: give a width from 20 to 1000 columns")
    session = Session.open(args.path, meta=EssayMeta(title=args.path.stem))
    text = session.document.text
    passages = [(p.start, p.end) for p in session.passages if p.lang == "ru"]
    words = words_in_spans(text, passages)
    glosses = WordBook().glosses(text, words)
    if args.json:
        print_json(
            {
                "path": str(args.path),
                "words": [
                    {"start": start, "end": end, "text": text[start:end], "gloss": glosses.get(start, "")}
                    for start, end in words
                ],
            }
        )
        return 0
    print("\n\n".join(_interlinear(text, start, end, glosses, args.width) for start, end in passages))
    return 0


def _interlinear(text: str, start: int, end: int, glosses: dict[int, str], width: int) -> str:
    from reader.page.interlinear import wrap_interlinear
    from reader.page.rows import TEXT, Chunk
    from reader.safe_text import printable

    rows = wrap_interlinear([Chunk(text[start:end], TEXT, start)], width, glosses)
    return "\n".join(printable("".join(span.text for span in row).rstrip()) for row in rows)
