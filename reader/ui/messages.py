"""Messages between the reader's workers, widgets and screens, in one place, as small dataclasses.

Workers run in threads and report back only through these (``post_message`` is thread-safe). Messages
sent many times a second (progress) define ``can_replace`` so a backlog collapses to the latest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # types only: the library screen imports this module at start-up
    from reader.detection import MixedScript, Passage
    from reader.glossary import TermHit
    from reader.page.layout import EssayLayout
    from reader.translation.engine import PassageTranslation
    from reader.words.lookup import WordLookup


@dataclass
class EssayStats(Message):
    """The library worker counted an essay's Russian passages (None: the essay cannot be read)."""

    path: Path
    russian: int | None
    words: int | None


@dataclass
class PassagesFound(Message):
    """Detection finished on the open essay; ``passages`` are the Cyrillic ones the reader marks,
    ``mixed_script`` the Latin words hiding Cyrillic look-alike letters."""

    passages: list[Passage]
    mixed_script: list[MixedScript] = field(default_factory=list)


@dataclass
class TermsFound(Message):
    """The glossary worker annotated the open essay (``hits`` by start)."""

    hits: list[TermHit]


@dataclass
class PassagesTranslated(Message):
    """Translations of some passages (cached ones at once, then fresh ones batch by batch)."""

    translations: list[PassageTranslation]


@dataclass
class TranslationProgress(Message):
    """``done`` of ``total`` passages have a translation."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, TranslationProgress)


@dataclass
class TranslationWarning(Message):
    """The pipeline met a problem that loses nothing (a cache that cannot be written)."""

    text: str


@dataclass
class ModelMissing(Message):
    """No ru->en model is installed: the reader shows transliterations and glosses instead."""


@dataclass
class DownloadProgress(Message):
    """The model download has ``done`` of ``total`` bytes (``total`` None when the server does not say)."""

    done: int
    total: int | None

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, DownloadProgress)


@dataclass
class ModelInstalled(Message):
    """The model download finished and the package is installed."""

    name: str


@dataclass
class LayoutReady(Message):
    """A worker finished laying out the whole essay at a width (``generation`` drops stale results)."""

    layout: EssayLayout
    generation: int


@dataclass
class TermActivated(Message):
    """The reader clicked a glossary term, or pressed enter on it."""

    entry_id: str


@dataclass
class IndexingProgress(Message):
    """The library search is indexing: ``done`` of ``total`` essays (new or changed ones) so far."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexingProgress)


@dataclass
class WordLooked(Message):
    """The word at ``start``:``end`` was looked up (``found``), or its lookup failed (``problem``, one
    line for a toast). ``found`` and ``problem`` both None: no word is selected any more."""

    start: int
    end: int
    found: WordLookup | None = None
    problem: str | None = None


@dataclass
class GlossesReady(Message):
    """Word-by-word glosses of the open essay (word start -> short gloss), or why there are none
    (``problem``: the dictionary is missing or damaged); ``generation`` drops stale results."""

    glosses: dict[int, str]
    generation: int
    problem: str | None = None


@dataclass
class Notice(Message):
    """A one-line toast from a worker (plain text, never markup)."""

    text: str
    severity: str = "information"


@dataclass
class EssayExported(Message):
    """The export worker wrote the open essay's bilingual edition to ``path``."""

    path: Path
    translated: int
    passages: int
