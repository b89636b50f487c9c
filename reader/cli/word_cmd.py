"""``reader word WORD``: a Russian word's lemmas, stress, grammar and English senses, offline."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from reader.cli.common import add_json_option, print_json

if TYPE_CHECKING:
    from reader.words import WordLookup

#: Senses shown per reading in the readable output (``--json`` gives them all).
SHOWN_SENSES = 8


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "word",
        help="look up a Russian word in the offline dictionary",
        description="Every reading of a Russian word form: lemma, stress, grammar and English senses. "
        "Inflected forms, stress marks and ё/е are all understood.",
    )
    parser.add_argument("word", metavar="WORD", help="a Russian word, in any form (колхозников, жила)")
    add_json_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from reader.words import look_up

    found = look_up(args.word)
    if args.json:
        print_json(found.as_dict())
    else:
        print(describe(found))
    return 0


def describe(found: WordLookup) -> str:
    """The readable lines of ``reader word``; text from the dictionary is passed through ``printable``."""
    from reader.safe_text import printable

    if not found.analyses:
        return f"{printable(found.query)}: no analysis"
    lines: list[str] = []
    for item in found.analyses:
        heading = ", ".join(item.stressed) if item.stressed else item.lemma
        extras = [item.pos] + ([f"glossary: {item.glossary}"] if item.glossary else [])
        lines.append(printable(f"{heading}  ({'; '.join(extras)})"))
        if item.grammar:
            lines.append(printable(f"  {found.query}: {item.grammar}"))
        if item.fallback:
            lines.append(printable(f"  senses found {item.fallback}"))
        for sense in item.senses[:SHOWN_SENSES]:
            lines.append(printable(f"  - {sense}"))
        if len(item.senses) > SHOWN_SENSES:
            lines.append(f"  ... {len(item.senses) - SHOWN_SENSES} more (--json shows all)")
        if not item.senses:
            lines.append("  (not in the dictionary)")
    return "\n".join(lines)
