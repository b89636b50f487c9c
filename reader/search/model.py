"""What a search finds: matches with their exact offsets and sentence, grouped by essay."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Match:
    """One match: ``text == decoded[start:end]``; ``context`` is its sentence, which begins at
    ``context_start`` in the decoded essay."""

    start: int
    end: int
    text: str
    context: str
    context_start: int

    def as_dict(self) -> dict[str, object]:
        """The match as ``reader search --json`` prints it."""
        return {"start": self.start, "end": self.end, "text": self.text, "context": self.context}


@dataclass(frozen=True)
class EssayResults:
    """The matches in one essay, in text order: every one, or with a limit the first ones.

    ``sentences`` counts the essay's sentences that hold a match; ``truncated`` says that more matches
    exist than ``matches`` lists (only a search with a limit leaves some out)."""

    path: Path
    title: str
    matches: tuple[Match, ...]
    sentences: int = 0
    truncated: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "title": self.title,
            "matches": [match.as_dict() for match in self.matches],
            "sentences": self.sentences,
            "truncated": self.truncated,
        }


@dataclass(frozen=True)
class RefreshReport:
    """What bringing the index up to date did: essays (re)indexed, removed, unchanged, and one line
    for each essay that could not be read."""

    indexed: int
    removed: int
    unchanged: int
    problems: tuple[str, ...]
