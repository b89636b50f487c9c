"""Messages between the reader's workers, widgets and screens, in one place.

Workers run in threads and report back only through these (``post_message`` is thread-safe). Messages
sent many times a second (progress) define ``can_replace`` so a backlog collapses to the latest.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from textual.message import Message


class EssayStats(Message):
    """The library worker counted an essay's Russian passages."""

    def __init__(self, path: Path, russian: int | None, words: int | None) -> None:
        super().__init__()
        self.path = path
        self.russian = russian
        self.words = words


class PassagesFound(Message):
    """Detection finished on the open essay; ``passages`` are the Cyrillic ones the reader marks."""

    def __init__(self, passages: Sequence[Any]) -> None:
        super().__init__()
        self.passages = list(passages)


class TermsFound(Message):
    """The glossary worker annotated the open essay (``hits`` are TermHits, by start)."""

    def __init__(self, hits: Sequence[Any]) -> None:
        super().__init__()
        self.hits = list(hits)


class PassagesTranslated(Message):
    """Translations of some passages (cached ones at once, then fresh ones batch by batch)."""

    def __init__(self, translations: Sequence[Any]) -> None:
        super().__init__()
        self.translations = list(translations)


class TranslationProgress(Message):
    """``done`` of ``total`` passages have a translation."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, TranslationProgress)


class ModelMissing(Message):
    """No ru->en model is installed: the reader shows transliterations and glosses instead."""


class DownloadProgress(Message):
    """The model download has ``done`` of ``total`` bytes (``total`` None when the server does not say)."""

    def __init__(self, done: int, total: int | None) -> None:
        super().__init__()
        self.done = done
        self.total = total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, DownloadProgress)


class ModelInstalled(Message):
    """The model download finished and the package is installed."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class LayoutReady(Message):
    """A worker finished laying out the whole essay at a width (``generation`` drops stale results)."""

    def __init__(self, layout: Any, generation: int) -> None:
        super().__init__()
        self.layout = layout
        self.generation = generation


class TermActivated(Message):
    """The reader clicked a glossary term, or pressed enter on it."""

    def __init__(self, entry_id: str) -> None:
        super().__init__()
        self.entry_id = entry_id
