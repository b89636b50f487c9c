"""`reader translate PATH`: translate every Russian passage of an essay with the installed ru->en model."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.common import add_glossary_option, add_json_option, print_json, require_dirs
from reader.errors import BadInput

#: Up to this much Russian text, the glossary (pymorphy3's dictionaries, ~40 MB) loads while the model
#: decodes, which then holds little beam-search memory: that hides the glossary's load time. For more
#: text it loads after the model is freed, so the two memory peaks do not add up.
OVERLAP_MAX_CHARS = 600
#: Beam search memory and time grow with the beam: past this a typo (`--beam 4000`) would exhaust memory
#: for no better translation.
MAX_BEAM = 32


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
        default=4,
        metavar="N",
        help=f"beam size, 1 to {MAX_BEAM} (default 4, as argostranslate; 1 is fastest)",
    )
    add_glossary_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: `reader --help` must not pay for them.
    from reader.detection import detect
    from reader.document import EssayMeta, load_document
    from reader.translation.cache import TranslationCache
    from reader.translation.engine import TranslationEngine, passage_translations
    from reader.translation.packages import require_ru_en
    from reader.translation.terms import PassageTerms

    if not 1 <= args.beam <= MAX_BEAM:
        raise BadInput(f"--beam {args.beam}: the beam size must be from 1 to {MAX_BEAM}")
    require_dirs(args.glossary, "glossary")
    # Library metadata is not needed here; giving it skips reading the library index (and importing yaml).
    document = load_document(args.path, meta=EssayMeta(title=args.path.stem))
    passages = [passage for passage in detect(document.text).passages if passage.lang == "ru"]
    model = require_ru_en()
    cache = TranslationCache()
    engine = TranslationEngine(model, beam_size=args.beam, cache=cache)
    texts = [passage.text for passage in passages]
    try:
        terms = PassageTerms(texts, cache=cache, extra_dirs=args.glossary)
        if cache.warning:
            print(f"reader: warning: {cache.warning}", file=sys.stderr)
        overlap = sum(map(len, texts)) <= OVERLAP_MAX_CHARS

        # Progress 0 is reported once the model is loaded, just before decoding starts: the glossary
        # thread starts then, so its Python work runs while decoding (which releases the GIL) rather
        # than contending with the imports and the model load.
        def start_terms(done: int, total: int) -> None:
            if done == 0:
                terms.start()

        translations = engine.translate_texts(texts, on_progress=start_terms if overlap else None)
        engine.close()  # free the model before the glossary loads, if it has not yet
        results = passage_translations(passages, translations, terms.result())
    finally:
        engine.close()
        cache.close()

    if args.json:
        print_json(
            {
                "path": str(args.path),
                "model": {"code": model.code, "version": model.version},
                "passages": [result.to_json() for result in results],
            }
        )
        return 0
    print(f"{args.path}: {len(results)} Russian passage(s), model {model.code} {model.version}")
    for result in results:
        flags = [flag for flag, on in (("cached", result.cached), ("suspect", result.suspect)) if on]
        print(f"\n[{result.start}-{result.end}]{' (' + ', '.join(flags) + ')' if flags else ''}")
        print(f"  ru: {result.text}")
        print(f"  en: {result.translation}")
        if result.terms:
            print(f"  glossary: {', '.join(result.terms)}")
    return 0
