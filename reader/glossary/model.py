"""The glossary's data: entries as read from YAML, problems found while reading, and results of matching.

Everything here is a frozen dataclass, so entries can be shared between the app, the CLI and worker
threads without copying.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

#: The categories an entry may have, in the order the app lists them.
CATEGORIES: tuple[str, ...] = (
    "party",
    "state",
    "revolution",
    "ideology",
    "economy",
    "agriculture",
    "security",
    "society",
    "dissent",
    "reform",
    "culture",
    "war",
    "foreign",
    "people",
)


@dataclass(frozen=True)
class Source:
    """A reference work that supports an entry."""

    author: str
    title: str
    year: int | None


@dataclass(frozen=True)
class ContextRule:
    """When some spellings of an entry count as a hit: every condition given must hold (see
    ``glossary/README.md``, "Senses and context rules"). Word lists hold folded words (English words,
    Russian lemmas); a trailing ``*`` matches any word beginning so."""

    #: Folded spellings the rule governs: names of the entry, or forms of them ("dumas").
    spellings: tuple[str, ...]
    #: One of these words in the same sentence.
    near: tuple[str, ...] = ()
    #: None of these words in the same sentence.
    not_near: tuple[str, ...] = ()
    #: The word just before (in the same sentence) is one of these.
    after: tuple[str, ...] = ()
    #: The word just before is none of these.
    not_after: tuple[str, ...] = ()
    #: The word just after is one of these.
    before: tuple[str, ...] = ()
    #: The word just after is none of these.
    not_before: tuple[str, ...] = ()
    #: A Russian word: pymorphy3 grammemes one of its analyses must carry (``plur``, ``gent``).
    grammar: tuple[str, ...] = ()
    #: An English word used as a noun: not after "to", a modal verb or a subject pronoun.
    noun: bool = False
    #: A Soviet country or period word in the same paragraph, unless the whole text is about the USSR.
    soviet_context: bool = False


@dataclass(frozen=True)
class Entry:
    """One glossary term. ``origin`` is the file it was read from (a user overlay shows its own path)."""

    id: str
    term: str
    russian: str
    forms: tuple[str, ...]
    transliterations: tuple[str, ...]
    gloss: str
    definition: str
    category: str
    period: str
    see_also: tuple[str, ...]
    sources: tuple[Source, ...]
    origin: str
    #: Spellings (among the names above) that match only in exactly this letter case.
    case_sensitive: tuple[str, ...] = ()
    #: Set on an adjective sense ("Soviet economy"): the id of the noun entry whose name it shares.
    adjective_of: str = ""
    #: Conditions on ambiguous spellings (a spelling with rules matches when any of its rules holds).
    context: tuple[ContextRule, ...] = ()
    #: English descriptions a reader may look the entry up by ("secret police"): lookup only.
    meanings: tuple[str, ...] = ()
    #: True for an entry of a user glossary laid over the curated one (it wins ties in lookup).
    overlay: bool = False

    def names(self) -> tuple[str, ...]:
        """Every name the entry is known by: headwords, transliterations and Russian forms."""
        return (self.term, self.russian, *self.transliterations, *self.forms)

    def as_dict(self) -> dict[str, Any]:
        """The entry as plain data, in schema order (for ``--json`` output)."""
        data = asdict(self)
        for name in ("forms", "transliterations", "see_also", "case_sensitive", "meanings"):
            data[name] = list(data[name])
        data["sources"] = [dict(source) for source in data["sources"]]
        data["context"] = [
            {key: list(value) if isinstance(value, tuple) else value for key, value in rule.items()}
            for rule in data["context"]
        ]
        return data


@dataclass(frozen=True)
class Problem:
    """Something wrong in a glossary file, at a 1-based line. Printed as ``path:line: message``."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class TermHit:
    """A glossary term found in a text: ``text == source[start:end]``."""

    id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class LookupResult:
    """An entry found by :meth:`Glossary.lookup`; 100 means an exact or inflected match."""

    entry: Entry
    score: float
