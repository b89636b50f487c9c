"""Which reading of a word is saved to the vocabulary, decided once for ``reader vocab add`` and the app:
the most likely reading's lemma, its first sense and first stressed spelling, and the grammar of the form.
"""

from __future__ import annotations

from reader.errors import BadInput
from reader.safe_text import one_line
from reader.words.lookup import WordLookup
from reader.words.vocabulary import SavedWord


def saved_word(
    found: WordLookup,
    *,
    context: str = "",
    translation: str | None = None,
    essay: str | None = None,
    offset: int | None = None,
) -> SavedWord:
    """The vocabulary entry for a looked-up word (BadInput when there is no reading to save)."""
    if not found.analyses:
        raise BadInput(f"{one_line(found.query)!r}: no analysis to save")
    best = found.analyses[0]
    return SavedWord(
        lemma=best.lemma,
        word=found.query,
        sense=best.senses[0] if best.senses else "",
        stressed=best.stressed[0] if best.stressed else best.lemma,
        grammar=best.grammar,
        context=" ".join(context.split()),
        translation=translation,
        essay=essay,
        offset=offset,
    )
