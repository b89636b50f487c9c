"""``reader vocab add|list|remove|export``: the words a reader saves, and their export to Anki or CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.common import add_json_option, opened_store, print_json, save_store

if TYPE_CHECKING:
    from reader.words.vocabulary import SavedWord, Vocabulary


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("vocab", help="save words, list them, export them to Anki or CSV")
    commands = parser.add_subparsers(dest="vocab_command", metavar="ACTION", required=True)

    add = commands.add_parser("add", help="save a word (its lemma and first sense, as `reader word` shows)")
    add.add_argument("word", metavar="WORD", help="the Russian word as you met it")
    add.add_argument("--context", metavar="SENTENCE", default="", help="the sentence it came from")
    add.add_argument("--essay", type=Path, metavar="PATH", help="the essay it came from")
    add_json_option(add)
    add.set_defaults(handler=run_add)

    listing = commands.add_parser("list", help="the saved words, newest first")
    listing.add_argument(
        "--search", metavar="TEXT", help="only words whose lemma, sense or sentence has TEXT"
    )
    add_json_option(listing)
    listing.set_defaults(handler=run_list)

    remove = commands.add_parser("remove", help="forget every saved word with this lemma")
    remove.add_argument("lemma", metavar="LEMMA", help="the lemma, as `reader vocab list` shows it")
    remove.set_defaults(handler=run_remove)

    export = commands.add_parser("export", help="write the saved words for Anki (default) or as CSV")
    export.add_argument("--format", choices=("anki", "csv"), default="anki", help="anki (default) or csv")
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE (default: stdout)")
    export.set_defaults(handler=run_export)


def _open(*, writing: bool = False) -> Vocabulary:
    """The user's vocabulary (a file moved aside is reported once on stderr)."""
    from reader.words.vocabulary import Vocabulary

    return opened_store(Vocabulary(), writing=writing)


def _save(vocabulary: Vocabulary) -> None:
    save_store(vocabulary, "the vocabulary")


def _offset_in_essay(essay: Path, context: str) -> int | None:
    """Where the sentence starts in the essay's decoded text, when it is there."""
    from reader.essay.decoding import read_text_file

    if not context:
        return None
    position = read_text_file(essay).text.find(context)
    return position if position >= 0 else None


def run_add(args: argparse.Namespace) -> int:
    from reader.reading.word_context import cached_translation
    from reader.safe_text import printable
    from reader.words import look_up
    from reader.words.saving import saved_word

    found = look_up(args.word)
    offset = _offset_in_essay(args.essay, args.context) if args.essay is not None else None
    word = saved_word(
        found,
        context=args.context,
        translation=cached_translation(args.context),
        essay=str(args.essay.resolve()) if args.essay is not None else None,
        offset=offset,
    )
    vocabulary = _open(writing=True)
    saved = vocabulary.add(word)
    _save(vocabulary)
    if args.json:
        print_json(saved.to_json())
    else:
        print(printable(f"saved {saved.stressed}: {saved.sense or '(no sense in the dictionary)'}"))
    return 0


def run_list(args: argparse.Namespace) -> int:
    from reader.safe_text import one_line

    words = _open().words(args.search)
    if args.json:
        print_json([word.to_json() for word in words])
        return 0
    if not words:
        print("no saved words" + (f" match {one_line(args.search)!r}" if args.search else ""))
        return 0
    for word in words:
        print(_line(word))
    return 0


def _line(word: SavedWord) -> str:
    """One saved word on one safe line: stressed form, sense, sentence."""
    from reader.safe_text import one_line

    text = f"{word.stressed:<20} {word.sense}"
    if word.context:
        text += f"  «{word.context}»"
    return one_line(text, 160)


def run_remove(args: argparse.Namespace) -> int:
    from reader.errors import BadInput
    from reader.safe_text import one_line

    vocabulary = _open(writing=True)
    removed = vocabulary.remove(args.lemma)
    if not removed:
        raise BadInput(f"no saved word with the lemma {one_line(args.lemma)!r}")
    _save(vocabulary)
    print(f"removed {removed} word(s)")
    return 0


def run_export(args: argparse.Namespace) -> int:
    import errno
    import os

    from reader.atomic_files import write_text_atomically
    from reader.errors import BadInput
    from reader.words.export import anki_text, csv_text

    words = list(reversed(_open().words()))  # oldest first: the order they were saved in
    text = anki_text(words) if args.format == "anki" else csv_text(words)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        if args.output.exists() and not args.output.is_file():
            args.output.write_text(text, encoding="utf-8")  # a pipe or a device: written to, not replaced
        elif not args.output.parent.is_dir():  # a mistyped folder is an error, not created
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT))
        else:
            # Whole or not at all: a full disk never leaves half an earlier export; readable as a plain file.
            mode = args.output.stat().st_mode & 0o777 if args.output.is_file() else 0o644
            write_text_atomically(args.output, text, mode=mode)
    except OSError as exc:
        raise BadInput(f"{args.output}: cannot write the export ({exc.strerror or exc})") from None
    print(f"wrote {len(words)} word(s) to {args.output}", file=sys.stderr)
    return 0
