"""Where a saved word came from: the sentence around it and that sentence's cached translation.

The sentence is cut as the translation pipeline cuts a passage (razdel, :mod:`reader.translation.sentences`),
so a sentence the reader has seen translated is found in the translation cache as it was stored. Looking
the translation up never loads or runs a model.
"""

from __future__ import annotations

from pathlib import Path

from reader.errors import ReaderError
from reader.words.lookup import WordLookup
from reader.words.saving import saved_word
from reader.words.vocabulary import SavedWord


def sentence_at(text: str, start: int, end: int, offset: int) -> tuple[int, str]:
    """The sentence of ``text[start:end]`` (a passage) holding ``offset``, and where it starts in ``text``;
    the whole span when it has no sentence there."""
    from reader.translation.sentences import split_sentences

    for sentence in split_sentences(text[start:end]):
        if start + sentence.start <= offset < start + sentence.end:
            return start + sentence.start, sentence.text
    return start, text[start:end].strip()


def cached_translation(sentence: str) -> str | None:
    """The sentence's translation if the translation cache holds one (None without a model, a cache
    or an entry)."""
    if not sentence:
        return None
    try:
        from reader.translation.engine import TranslationEngine

        found = TranslationEngine.for_installed().cached([sentence])[0]
    except (ReaderError, OSError):
        return None
    return found.translation if found is not None else None


def word_entry(
    found: WordLookup, text: str, passage: tuple[int, int], word_start: int, essay: Path | None
) -> SavedWord:
    """The vocabulary entry for the word at ``word_start`` of ``text``, inside ``passage`` (start, end):
    the reading chosen as ``reader vocab add`` chooses it, the sentence around the word and that
    sentence's cached translation, the essay's path and the word's offset."""
    _start, sentence = sentence_at(text, passage[0], passage[1], word_start)
    return saved_word(
        found,
        context=sentence,
        translation=cached_translation(sentence),
        essay=str(essay.resolve()) if essay is not None else None,
        offset=word_start,
    )
