"""``reader detect PATH``: the Russian (and other non-English) passages of an essay."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.common import add_json_option, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("detect", help="list the non-English passages of an essay")
    parser.add_argument("path", type=Path, metavar="PATH", help="an essay file")
    add_json_option(parser)
    parser.set_defaults(handler=run)


def _preview(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def run(args: argparse.Namespace) -> int:
    from reader.decoding import read_text_file
    from reader.detection import detect

    decoded = read_text_file(args.path)
    detection = detect(decoded.text)
    if args.json:
        print_json(
            {
                "path": str(args.path),
                "encoding": decoded.encoding,
                "passages": [
                    {"start": p.start, "end": p.end, "lang": p.lang, "text": p.text}
                    for p in detection.passages
                ],
                "mixed_script": [
                    {"start": m.start, "end": m.end, "text": m.text} for m in detection.mixed_script
                ],
            }
        )
        return 0
    print(f"{args.path} ({decoded.encoding}): {len(detection.passages)} passage(s)")
    for passage in detection.passages:
        print(f"  [{passage.lang}] {passage.start}-{passage.end}  {_preview(passage.text)}")
    if detection.mixed_script:
        print(f"{len(detection.mixed_script)} mixed-script word(s) (Latin with Cyrillic look-alikes):")
        for word in detection.mixed_script:
            print(f"  {word.start}-{word.end}  {word.text}")
    return 0
