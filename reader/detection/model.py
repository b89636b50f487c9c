"""What detection finds: Russian (and other non-English) passages and mixed-script words."""

from __future__ import annotations

from dataclasses import dataclass

from reader.scripts import CYRILLIC_LETTER

#: Languages written in Cyrillic: their passages are marked in the reader.
CYRILLIC_LANGS = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn", "ba", "tt", "cv"})
#: Languages reader translates (the model is ru->en). The one place this rule is written.
TRANSLATED_LANGS = frozenset({"ru"})
#: A passage whose language is less probable than this is uncertain, and is not translated as that language.
#: Seven Cyrillic languages are told apart, so chance is 1/7; a Russian guess needs about twice that.
MIN_TRANSLATED_CONFIDENCE = 0.25


@dataclass(frozen=True)
class Passage:
    """A maximal run of non-English text. ``text == document_text[start:end]``; ``lang`` is ISO 639-1.

    ``lang`` is the best guess; ``lang_confidence`` is its probability (0..1) on all the evidence detection
    weighed. Long passages are near 1; a clause of three words shared by several languages may be below 0.5.
    """

    start: int
    end: int
    lang: str
    text: str
    lang_confidence: float = 1.0

    @property
    def marked(self) -> bool:
        """True for the passages the reader marks: Russian and the other Cyrillic languages."""
        return self.lang in CYRILLIC_LANGS or CYRILLIC_LETTER.search(self.text) is not None

    @property
    def translated(self) -> bool:
        """True for the passages reader translates (and counts as Russian in the library): Russian, and
        surely so. An uncertain guess is shown, transliterated, but never sent to the ru->en model."""
        return self.lang in TRANSLATED_LANGS and self.lang_confidence >= MIN_TRANSLATED_CONFIDENCE

    def to_json(self) -> dict[str, object]:
        """The passage as ``reader detect --json`` and other commands print it."""
        return {
            "start": self.start,
            "end": self.end,
            "lang": self.lang,
            "lang_confidence": self.lang_confidence,
            "text": self.text,
        }


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

    def marked(self) -> list[Passage]:
        """The passages the reader marks (see :attr:`Passage.marked`)."""
        return [passage for passage in self.passages if passage.marked]

    def translated(self) -> list[Passage]:
        """The passages reader translates (see :attr:`Passage.translated`)."""
        return [passage for passage in self.passages if passage.translated]
