"""`reader translate PATH`: translate every Russian passage of an essay with the installed ru->en model."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.common import add_glossary_option, add_json_option, print_json, require_dirs
from reader.errors import BadInput
from reader.reading.settings import MAX_BEAM, Settings
from reader.safe_text import printable


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "translate",
        help="translate the Russian passages of an essay",
        description="Translate every Russian passage of PATH to English, offline, with the installed "
        "Argos ru->en model. Translations are cached: a second run is instant.",
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="the essay (a text file)")
    add_json_option(parser)
    parser.add_argument(
        "--beam",
        type=int,
        default=None,
        metavar="N",
        help=f"beam size, 1 to {MAX_BEAM} (default: beam_size in the settings file, else 4; 1 is fastest)",
    )
    add_glossary_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: `reader --help` must not pay for them.
    from reader.essay.document import EssayMeta
    from reader.models.packages import require_ru_en
    from reader.reading.session import Session

    if args.beam is None:
        args.beam = _beam_from_settings()
    if not 1 <= args.beam <= MAX_BEAM:
        raise BadInput(f"--beam {args.beam}: the beam size must be from 1 to {MAX_BEAM}")
    require_dirs(args.glossary, "glossary")
    settings = Settings(beam_size=args.beam, glossary_dirs=tuple(args.glossary))
    # Library metadata is not needed here; giving it skips reading the library index (and importing yaml).
    session = Session.open(args.path, settings, meta=EssayMeta(title=args.path.stem))
    model = require_ru_en()  # without a model this command has nothing to do: say so, exit 2
    results = session.translate_all(with_terms=True)
    for warning in session.warnings:
        print(f"reader: warning: {printable(warning)}", file=sys.stderr)
    if args.json:
        print_json(
            {
                "path": str(args.path),
                "model": {"code": model.code, "version": model.version},
                "passages": [result.to_json() for result in results],
            }
        )
        return 0
    print(
        f"{printable(str(args.path))}: {len(results)} Russian passage(s), "
        f"model {printable(model.code)} {printable(model.version)}"
    )
    for result in results:
        flags = [flag for flag, on in (("cached", result.cached), ("suspect", result.suspect)) if on]
        print(f"\n[{result.start}-{result.end}]{' (' + ', '.join(flags) + ')' if flags else ''}")
        print(f"  ru: {printable(result.text)}")
        print(f"  en: {printable(result.translation)}")
        if result.terms:
            print(f"  glossary: {', '.join(result.terms)}")
    return 0


def _beam_from_settings() -> int:
    """The settings file's beam size (the app's too), with its one-line warning when it had a problem."""
    from reader.reading.preferences import load_preferences

    preferences, problem = load_preferences()
    if problem:
        print(f"reader: warning: {printable(problem)}", file=sys.stderr)
    return preferences.beam_size
