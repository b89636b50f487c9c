"""``reader detect PATH``: the Russian (and other non-English) passages of an essay."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.common import add_json_option, print_json
from reader.safe_text import one_line

if TYPE_CHECKING:
    from reader.detection import Passage

#: Below this confidence the readable list shows it next to the language.
SURE_ENOUGH_TO_SAY = 0.9


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("detect", help="list the non-English passages of an essay")
    parser.add_argument("path", type=Path, metavar="PATH", help="an essay file")
    add_json_option(parser)
    parser.set_defaults(handler=run)


def _preview(text: str, width: int = 100) -> str:
    return one_line(" ".join(text.split()), width)


def _language(passage: Passage) -> str:
    """``ru``, or ``ru 0.29`` when detection is not sure of the language (the probability it gives)."""
    if passage.lang_confidence >= SURE_ENOUGH_TO_SAY:
        return passage.lang
    return f"{passage.lang} {passage.lang_confidence:.2f}"


def run(args: argparse.Namespace) -> int:
    from reader.essay.document import EssayMeta
    from reader.reading.session import Session

    # Metadata is not shown here: giving it skips reading the library index.
    session = Session.open(args.path, meta=EssayMeta(title=args.path.stem))
    detection = session.detection
    encoding = session.document.encoding
    if args.json:
        print_json(
            {
                "path": str(args.path),
                "encoding": encoding,
                "passages": [p.to_json() for p in detection.passages],
                "mixed_script": [
                    {"start": m.start, "end": m.end, "text": m.text} for m in detection.mixed_script
                ],
            }
        )
        return 0
    print(f"{one_line(str(args.path))} ({encoding}): {len(detection.passages)} passage(s)")
    for passage in detection.passages:
        print(f"  [{_language(passage)}] {passage.start}-{passage.end}  {_preview(passage.text)}")
    if detection.mixed_script:
        print(f"{len(detection.mixed_script)} mixed-script word(s) (Latin with Cyrillic look-alikes):")
        for word in detection.mixed_script:
            print(f"  {word.start}-{word.end}  {one_line(word.text)}")
    return 0
