"""Words: the offline Russian-English dictionary, word analysis, and the user's saved vocabulary.

``look_up(word)`` gives every reading of a Russian word form (lemma, stress, grammar in plain English,
English senses, glossary id); ``Vocabulary`` keeps the words a reader saves and exports them for Anki.
"""

from __future__ import annotations

from reader.words.lookup import Analysis, WordLookup, look_up

__all__ = ["Analysis", "WordLookup", "look_up"]
