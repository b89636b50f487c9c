"""The curated glossary of Soviet terms: loading and validation, annotation of texts, and lookup.

``load_glossary()`` gives the process-wide :class:`Glossary` (curated entries overlaid by the user's);
``Glossary.annotate(text)`` finds terms in English and Russian text; ``Glossary.lookup(query)`` finds
entries by name, inflected form or near spelling.
"""

from __future__ import annotations

from reader.glossary.glossary import Glossary
from reader.glossary.load import (
    CheckReport,
    check_glossary,
    check_glossary_files,
    clear_cache,
    glossary_files,
    load_glossary,
)
from reader.glossary.model import CATEGORIES, ContextRule, Entry, LookupResult, Problem, Source, TermHit

__all__ = [
    "CATEGORIES",
    "CheckReport",
    "ContextRule",
    "Entry",
    "Glossary",
    "LookupResult",
    "Problem",
    "Source",
    "TermHit",
    "check_glossary",
    "check_glossary_files",
    "clear_cache",
    "glossary_files",
    "load_glossary",
]
