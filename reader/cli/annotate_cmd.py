"""``reader annotate PATH``: the glossary terms an essay uses, in English and Russian alike."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.common import add_glossary_option, add_json_option, print_json
from reader.safe_text import one_line


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("annotate", help="find the glossary terms of an essay")
    parser.add_argument("path", type=Path, metavar="PATH", help="an essay file")
    parser.add_argument("--hits", action="store_true", help="one line per occurrence, not per term")
    add_json_option(parser)
    add_glossary_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from reader.cli.glossary_cmd import load_for_command
    from reader.essay.document import EssayMeta
    from reader.reading.session import Session

    session = Session.open(args.path, meta=EssayMeta(title=args.path.stem))
    glossary = load_for_command(args)
    hits = session.terms(glossary)
    if args.json:
        print_json(
            {
                "path": str(args.path),
                "terms": [{"id": h.id, "start": h.start, "end": h.end, "text": h.text} for h in hits],
            }
        )
        return 0
    by_term: dict[str, list[str]] = {}
    for hit in hits:
        by_term.setdefault(hit.id, []).append(hit.text)
    print(f"{one_line(str(args.path))}: {len(hits)} glossary hit(s) of {len(by_term)} term(s)")
    if args.hits:
        for hit in hits:
            print(f"  {hit.start}-{hit.end}  {hit.id:<28} {one_line(hit.text)}")
        return 0
    for entry_id, texts in by_term.items():
        entry = glossary.get(entry_id)
        gloss = f" ({entry.gloss})" if entry is not None else ""
        spellings = ", ".join(dict.fromkeys(" ".join(text.split()) for text in texts))
        print(one_line(f"  {entry_id}{gloss} ×{len(texts)}: {spellings}", 10_000))
    return 0
