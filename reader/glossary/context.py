"""Whether an ambiguous spelling means the glossary's sense here: the entry's context rules, evaluated
on the words around a candidate hit.

Russian everyday words share spellings with Soviet terms (совет "advice", кулак "fist", оттепель the
weather), and so do a few English ones ("Dumas" the novelist). An entry lists, per spelling, what must
hold for a hit (:class:`reader.glossary.model.ContextRule`): words in the same sentence, the word just
before or after, a grammatical form, use as a noun, or a Soviet context in the paragraph. A spelling
with rules matches when any one of its rules holds; spellings without rules are not affected.

The matcher calls :meth:`TextContext.holds` only for candidates whose spelling has rules, so the cost
of the rules is paid per such candidate, never per word of the text. Sentences and paragraphs are
found from the separators between words: a sentence ends at ``.``, ``!``, ``?``, ``…`` or ``;``
followed by a space, or at a line break; a paragraph at a blank line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from reader.glossary import morphology
from reader.glossary.model import ContextRule
from reader.scripts import CYRILLIC_LETTER

_SENTENCE_END = re.compile(r"[.!?…;][\"'»”’)\]]*\s|\n")
_PARAGRAPH_END = re.compile(r"\n[^\S\n]*\n")
#: How far (in words) a sentence or a paragraph is followed from a candidate: a bound, not a rule.
_SENTENCE_WORDS = 60
_PARAGRAPH_WORDS = 400
#: Words before an English word that make it a verb, not a noun ("to purge", "they thaw").
_VERB_CUES = frozenset(
    {
        *("to", "will", "would", "can", "could", "should", "shall", "may", "might", "must", "did"),
        *("does", "do", "not", "i", "we", "you", "they", "he", "she", "it", "who", "don't", "didn't"),
    }
)
#: Words that put a paragraph in the Soviet world: the country, its predecessors, its rulers and eras.
SOVIET_WORDS = frozenset(
    {
        *("soviet", "soviets", "ussr", "u.s.s.r", "russia", "russian", "russians", "bolshevik", "bolsheviks"),
        *("bolshevism", "stalin", "stalin's", "stalinist", "stalinism", "lenin"),
        *("lenin's", "leninist", "leninism", "trotsky", "khrushchev", "brezhnev", "gorbachev", "andropov"),
        *("chernenko", "kremlin", "moscow", "petrograd", "leningrad", "tsarist", "tsar", "cpsu", "nkvd"),
        *("kgb", "gulag", "kolkhoz", "perestroika", "politburo", "nep", "comintern", "menshevik"),
        *("mensheviks", "ukraine", "siberia", "kulak", "kulaks", "stalingrad", "yeltsin", "rsfsr"),
    }
)
#: Russian lemmas of the same kind (a text word counts when one of its lemmas is here).
SOVIET_LEMMAS = frozenset(
    {
        *("советский", "ссср", "россия", "российский", "русский", "большевик", "большевистский"),
        *("сталин", "сталинский", "ленин", "ленинский", "троцкий"),
        *("хрущёв", "хрущев", "брежнев", "горбачёв", "горбачев", "кремль", "москва", "петроград"),
        *("ленинград", "царский", "царь", "кпсс", "нквд", "кгб", "гулаг", "колхоз", "перестройка"),
        *("политбюро", "нэп", "ельцин", "рсфср", "большевизм"),
    }
)
#: A text is about the USSR when at least one word in this many is a Soviet word (and three in all).
_ABOUT_RATE = 400
_ABOUT_MINIMUM = 3


def word_keys(word: str) -> tuple[str, ...]:
    """A folded text word as rule words may name it: itself, its Russian lemmas or English singular."""
    if CYRILLIC_LETTER.search(word):
        return (word, *morphology.lemmas(word))
    if word.endswith("'s"):
        return (word, word[:-2])
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return (word, word[:-1])
    return (word,)


def _listed(keys: Sequence[str], listed: tuple[str, ...]) -> bool:
    """Whether one of ``keys`` is a word of ``listed`` (an item ending in ``*`` is a prefix)."""
    for item in listed:
        if item.endswith("*"):
            if any(key.startswith(item[:-1]) for key in keys):
                return True
        elif item in keys:
            return True
    return False


def _is_soviet(word: str) -> bool:
    if word in SOVIET_WORDS:
        return True
    return CYRILLIC_LETTER.search(word) is not None and not SOVIET_LEMMAS.isdisjoint(morphology.lemmas(word))


def _around(first: int, last: int, index: int, count: int) -> Iterator[int]:
    """Word positions from ``first`` to ``last`` except the hit's own ``index .. index + count - 1``."""
    yield from range(first, index)
    yield from range(index + count, last + 1)


class TextContext:
    """The words of one text (folded, with the separators between them) for evaluating rules."""

    def __init__(self, parts: Sequence[str], words: Sequence[str], *, enabled: bool = True) -> None:
        self._enabled = enabled
        self._parts = parts  # parts[2 * i] is the separator before word i, parts[2 * i + 1] word i
        self._words = words
        self._about: bool | None = None

    def holds(self, rules: Sequence[ContextRule], index: int, count: int) -> bool:
        """Whether any of ``rules`` holds for the hit of ``count`` words from word ``index``."""
        return not self._enabled or any(self._rule_holds(rule, index, count) for rule in rules)

    def _rule_holds(self, rule: ContextRule, index: int, count: int) -> bool:
        """Every condition the rule gives, cheapest first; plain tests, no allocation on the common path."""
        first, last = self._span(index, count, _SENTENCE_END, _SENTENCE_WORDS)
        before = self._words[index - 1] if index > first else ""
        after = self._words[index + count] if index + count <= last else ""
        if rule.after and not (before and _listed(word_keys(before), rule.after)):
            return False
        if rule.not_after and before and _listed(word_keys(before), rule.not_after):
            return False
        if rule.before and not (after and _listed(word_keys(after), rule.before)):
            return False
        if rule.not_before and after and _listed(word_keys(after), rule.not_before):
            return False
        if rule.noun and before in _VERB_CUES:
            return False
        if rule.grammar and not morphology.has_grammemes(self._words[index], rule.grammar):
            return False
        if rule.near and not self._near(first, last, index, count, rule.near):
            return False
        if rule.not_near and self._near(first, last, index, count, rule.not_near):
            return False
        return not rule.soviet_context or self.about_ussr() or self._soviet_paragraph(index, count)

    def _span(self, index: int, count: int, end: re.Pattern[str], limit: int) -> tuple[int, int]:
        """The first and last word index of the sentence (or paragraph) around words ``index..+count``."""
        first = index
        while first > 0 and index - first < limit and end.search(self._parts[2 * first]) is None:
            first -= 1
        last = index + count - 1
        final = len(self._words) - 1
        while last < final and last - index < limit and end.search(self._parts[2 * last + 2]) is None:
            last += 1
        return first, last

    def _near(self, first: int, last: int, index: int, count: int, listed: tuple[str, ...]) -> bool:
        words = self._words
        return any(_listed(word_keys(words[k]), listed) for k in _around(first, last, index, count))

    def _soviet_paragraph(self, index: int, count: int) -> bool:
        first, last = self._span(index, count, _PARAGRAPH_END, _PARAGRAPH_WORDS)
        return any(_is_soviet(self._words[k]) for k in _around(first, last, index, count))

    def about_ussr(self) -> bool:
        """Whether the text as a whole is about the USSR (decided once, on first need)."""
        if self._about is None:
            found = len(list(filter(SOVIET_WORDS.__contains__, self._words)))
            if found * _ABOUT_RATE < len(self._words) or found < _ABOUT_MINIMUM:
                cyrillic = {w for w in set(self._words) if CYRILLIC_LETTER.search(w) and _is_soviet(w)}
                found += len(list(filter(cyrillic.__contains__, self._words)))
            self._about = found >= _ABOUT_MINIMUM and found * _ABOUT_RATE >= len(self._words)
        return self._about
