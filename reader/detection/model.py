"""What detection finds: Russian (and other non-English) passages and mixed-script words."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Passage:
    """A maximal run of non-English text. ``text == document_text[start:end]``; ``lang`` is ISO 639-1."""

    start: int
    end: int
    lang: str
    text: str


@dataclass(frozen=True)
class MixedScript:
    """A Latin-script word holding a Cyrillic look-alike letter (a typo or a spoofing attempt)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Detection:
    """Everything detection reports for one text, each list ordered by ``start``."""

    passages: list[Passage]
    mixed_script: list[MixedScript]

    def russian(self) -> list[Passage]:
        return [passage for passage in self.passages if passage.lang == "ru"]
