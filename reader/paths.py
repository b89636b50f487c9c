"""Where reader keeps its data: one module, so every path is in one place (`reader paths` prints them).

Environment overrides (used by tests and by users who want a portable setup):
``READER_DATA_DIR``, ``READER_CACHE_DIR``, ``READER_CONFIG_DIR``, ``READER_EXPORT_DIR``,
``READER_DICTIONARY`` (another dictionary file). Argos packages live where argostranslate keeps them
(``ARGOS_PACKAGES_DIR`` honoured).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "reader"

#: The repository checkout (an editable install, the tests) or the site-packages folder of an install.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
#: Where a wheel carries the bundled folders: the build copies `corpus/`, `glossary/` and `dictionary/`
#: from the top of the repository into the package (see setup.py).
BUNDLED_IN_PACKAGE = Path(__file__).resolve().parent / "_bundled"


def bundled_dir(name: str) -> Path:
    """A bundled folder (`corpus`, `glossary`, `dictionary`): at the top of a checkout, else in the
    package."""
    if (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / name).is_dir():
        return PROJECT_ROOT / name
    return BUNDLED_IN_PACKAGE / name


def bundled_corpus_dir() -> Path:
    """The bundled essays (`corpus/`)."""
    return bundled_dir("corpus")


def bundled_glossary_dir() -> Path:
    """The curated glossary (`glossary/`)."""
    return bundled_dir("glossary")


def dictionary_file() -> Path:
    """The Russian-English dictionary: the bundled `dictionary/ru-en.sqlite3` (built by
    `dictionary/build.py`) unless ``READER_DICTIONARY`` names another file."""
    override = os.environ.get("READER_DICTIONARY")
    if override:
        return Path(override)
    return bundled_dir("dictionary") / "ru-en.sqlite3"


def user_data_dir() -> Path:
    """Per-user data: the user's essays, glossary overlay and reading state."""
    override = os.environ.get("READER_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs  # imported here: a cached `reader translate` should not pay for it when unused

    return Path(platformdirs.user_data_dir(APP_NAME))


def user_cache_dir() -> Path:
    """Per-user cache: the translation cache."""
    override = os.environ.get("READER_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME))


def user_config_dir() -> Path:
    """Per-user settings: ``config.toml``."""
    override = os.environ.get("READER_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME))


def config_file() -> Path:
    """The user's settings (theme, measure, translation placement, beam size, glosses), in TOML."""
    return user_config_dir() / "config.toml"


def bookmarks_file() -> Path:
    """Bookmarks and their notes, across essays (beside the reading state)."""
    return user_data_dir() / "bookmarks.json"


def user_essays_dir() -> Path:
    """Essays the user adds to the library: any text file dropped here is listed."""
    return user_data_dir() / "essays"


def user_exports_dir() -> Path:
    """Where the app saves exported editions: ``reader-exports`` in the user's documents folder, or
    ``READER_EXPORT_DIR``; with ``READER_DATA_DIR`` set (a portable setup), ``exports`` inside it."""
    override = os.environ.get("READER_EXPORT_DIR")
    if override:
        return Path(override)
    if os.environ.get("READER_DATA_DIR"):
        return user_data_dir() / "exports"
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "reader-exports"


def user_glossary_dir() -> Path:
    """The user's glossary overlay: every ``*.yaml`` here overrides or extends the curated glossary."""
    return user_data_dir() / "glossary"


def reading_state_file() -> Path:
    """Reading position and translation toggles, per essay."""
    return user_data_dir() / "state.json"


def vocabulary_file() -> Path:
    """The words the user saved with `reader vocab add` (exported to Anki or CSV)."""
    return user_data_dir() / "vocabulary.json"


def word_glossary_index_file() -> Path:
    """Which dictionary lemmas are glossary terms, kept so `reader word` need not load the glossary."""
    return user_cache_dir() / "word-glossary-index.json"


def translation_cache_file() -> Path:
    """The SQLite translation cache."""
    return user_cache_dir() / "translations.sqlite3"


def search_index_file() -> Path:
    """The SQLite full-text index of the library (a cache: rebuilt when missing or unreadable)."""
    return user_cache_dir() / "search.sqlite3"


def argos_packages_dir() -> Path:
    """Where argostranslate installs packages (``ARGOS_PACKAGES_DIR`` honoured).

    Computed the way argostranslate's settings do, without importing argostranslate.
    """
    override = os.environ.get("ARGOS_PACKAGES_DIR")
    if override:
        return Path(override)
    data_home = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return data_home / "argos-translate" / "packages"


def library_index_cache_file() -> Path:
    """The library folders' ``index.yaml`` files, parsed, for a start-up without the YAML parser."""
    return user_cache_dir() / "library-index.json"


def all_paths() -> dict[str, Path]:
    """Every location, by name, for `reader paths`."""
    return {
        "corpus": bundled_corpus_dir(),
        "glossary": bundled_glossary_dir(),
        "dictionary": dictionary_file(),
        "user_data": user_data_dir(),
        "user_essays": user_essays_dir(),
        "user_glossary": user_glossary_dir(),
        "exports": user_exports_dir(),
        "reading_state": reading_state_file(),
        "bookmarks": bookmarks_file(),
        "config": config_file(),
        "vocabulary": vocabulary_file(),
        "cache": user_cache_dir(),
        "translation_cache": translation_cache_file(),
        "search_index": search_index_file(),
        "library_index_cache": library_index_cache_file(),
        "word_glossary_index": word_glossary_index_file(),
        "argos_packages": argos_packages_dir(),
    }
