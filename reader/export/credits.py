"""What an edition says about where its parts came from: the model, the glossary, the dictionary, the text.

Plain sentences (each renderer escapes them like any other text), kept in step with the README's
"Data and licences" and the help screen's "Data and credits".
"""

from __future__ import annotations

from reader import __version__
from reader.export.edition import Edition

DICTIONARY_CREDIT = (
    "reader's Russian–English dictionary is CC BY-SA 4.0: derived from OpenRussian.org "
    "(© OpenRussian.org contributors, CC BY-SA 4.0) and from English Wiktionary translation tables "
    "(© Wiktionary contributors, extracted by Matthias Buchmeier, CC BY-SA 3.0), merged and reformatted "
    "by the reader project."
)
GLOSSARY_CREDIT = (
    "Glossary notes: reader's curated glossary of Soviet terms (MIT licence, with reader's code), "
    "each entry naming the reference works it rests on; entries from a user's own glossary are theirs."
)
TRANSLITERATION_CREDIT = "Transliterations: the Wikipedia romanisation of Russian, by the iuliia library."
MACHINE_TRANSLATION_WARNING = (
    "Machine translation, made offline; it can be wrong: check it against the Russian."
)


def translation_line(edition: Edition) -> str:
    """One sentence naming the model (name, package and version), or saying there was none."""
    model = edition.model
    instead = (
        "each Russian passage is followed by its transliteration and the glosses of the glossary terms in it."
    )
    if model is None and not any(aside.lang == "ru" for aside in edition.asides):
        return "The essay quotes no Russian passage, so nothing needed translating."
    if model is None and edition.untranslated_by_choice:
        return f"Exported without machine translation: {instead}"
    if model is None:
        return f"No translation model was installed when this edition was made: {instead}"
    return (
        f"Translations: the Argos Translate model “{model.name}” ({model.code}, version {model.version}), "
        f"run with CTranslate2. {MACHINE_TRANSLATION_WARNING}"
    )


def credits(edition: Edition) -> list[str]:
    """The credit lines of an edition, in the order they are shown."""
    source = f" ({edition.source_name})" if edition.source_name else ""
    author = edition.meta.author or "its author"
    return [
        f"Essay text: “{edition.meta.title}”{source}, as written by {author}; its rights stay with them.",
        translation_line(edition),
        TRANSLITERATION_CREDIT,
        GLOSSARY_CREDIT,
        DICTIONARY_CREDIT,
        f"Made with reader {__version__}.",
    ]
