"""Find glossary terms in a text, Russian and English alike, in time that does not grow with the glossary.

The text is split once by one compiled regex into words and the gaps between them; each word is looked
up in a dictionary keyed by the first word of every name (term, transliterations, Russian headword,
forms). Multi-word names continue from there, word by word. English plurals, singulars, possessives and
hyphenation variants are generated when the index is built, so a text word needs one dictionary probe;
a Cyrillic word that might start a name is also lemmatised (pymorphy3, cached per word form), and a
headword's words are compared by lemma, so "Центрального комитета" finds "Центральный комитет".

Words only ever match whole: "Sovietology" is a word of its own, not "soviet" plus a suffix. A word of
2-5 capital Latin letters ("SR", "CIS", "GPU") and every word of a spelling an entry lists in
``case_sensitive`` match only in that letter case, so "Sr." and "cis-trans" find nothing. Matching runs
on a normalised copy of the text (:mod:`reader.glossary.normalise`); hits index the original.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress, count, islice

from reader.glossary import morphology
from reader.glossary.context import TextContext
from reader.glossary.model import Entry, TermHit
from reader.glossary.names import (
    HYPHEN,
    JOIN,
    WORD,
    Pattern,
    english_forms,
    fold,
    is_cyrillic,
    name_case,
    name_variants,
    rules_of,
)
from reader.glossary.normalise import normalise

__all__ = ["Matcher", "english_forms", "fold"]

#: Length of the Cyrillic prefixes that decide whether a word is worth lemmatising. Russian inflects at
#: the end of a word, so an inflected form shares its lemma's first letters (suppletive pairs such as
#: люди/человек are the exception, and no glossary headword is one).
_PREFIX = 3
#: Words after a capitalised "Soviet" that keep it the council, not the adjective ("the Soviet of ...").
_NOT_AFTER_ADJECTIVE = frozenset(
    {
        *("of", "and", "or", "but", "in", "on", "at", "to", "for", "from", "with", "by", "as", "then"),
        *("was", "were", "is", "are", "had", "has", "have", "that", "which", "who", "would", "could"),
        *("will", "did", "itself", "its", "deputies", "deputy", "delegates", "delegate", "congress"),
        *("session", "executive", "presidium", "chairman", "plenum", "met", "took", "gave", "became"),
        *("began", "sat", "held", "sent", "made", "ran", "rose", "fell", "must", "should", "can", "may"),
        *("might", "shall", "also", "still", "now", "soon", "alone", "itself", "chose", "elects", "votes"),
    }
)
#: What may stand between an adjective and its noun: a space, or a hyphen ("Soviet-era").
_ADJECTIVE_JOINS = frozenset({" ", "-", "‐"})


class Matcher:
    """An index of every name in a glossary, built once and then used for any number of texts."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        first: dict[str, list[Pattern]] = {}
        seen: set[tuple[object, ...]] = set()
        #: noun entry id -> the entry of its adjective sense ("soviet" -> "soviet-adjective").
        self._adjectives: dict[str, str] = {}
        for order, entry in enumerate(entries):
            if entry.adjective_of:
                self._adjectives[entry.adjective_of] = entry.id
                continue
            kinds = (
                (0, entry.term, True),
                (0, entry.russian, False),
                *((1, name, True) for name in entry.transliterations),
                *((2, name, False) for name in entry.forms),
            )
            for kind, name, english in kinds:
                cased = name_case(name, english, name in entry.case_sensitive)
                rules, form_rules = rules_of(entry, name)
                for words, joins, tail in name_variants(name, english):
                    if (words, joins, entry.id, cased, rules) in seen:
                        continue
                    seen.add((words, joins, entry.id, cased, rules))
                    case = cased
                    if len(case) != len(words):  # hyphenated words run together ("S-R" as "SR")
                        case = name_case(HYPHEN.sub("", name), english, name in entry.case_sensitive)
                    if len(case) != len(words):
                        case = (None,) * len(words)
                    rank = (-len(words), kind, order)
                    pattern = Pattern(words, joins, tail, entry.id, rank, case, rules, form_rules)
                    for key in words[0]:
                        first.setdefault(key, []).append(pattern)
        # One-word names by their word; longer names by their first two words, so a common first word
        # ("soviet", "party") costs one more dictionary probe rather than a scan of every name it starts.
        ranked = {key: sorted(found, key=lambda p: p.rank) for key, found in first.items()}
        self._one: dict[str, list[Pattern]] = {}
        self._two: dict[str, dict[str, list[Pattern]]] = {}
        for key, found in ranked.items():
            for pattern in found:
                if len(pattern.words) == 1:
                    singles = self._one.setdefault(key, [])
                    if not singles or singles[-1].cased[0] is not None or singles[-1].ruled:
                        # the rest are behind a pattern that matches whatever the case and context
                        singles.append(pattern)
                else:
                    table = self._two.setdefault(key, {})
                    for second in pattern.words[1]:
                        table.setdefault(second, []).append(pattern)
        self._starts = frozenset(self._one.keys() | self._two.keys())
        self._prefixes = frozenset(key[:_PREFIX] for key in self._starts if is_cyrillic(key))

    def _start(self, word: str) -> _Start | None:
        """What a distinct text word can begin, or None when it begins no name."""
        if word not in self._starts and word[:_PREFIX] not in self._prefixes:
            return None
        keys = tuple(key for key in _keys(word) if key in self._starts)
        if not keys:
            return None
        singles = sorted(
            (pattern for key in keys for pattern in self._one.get(key, ())), key=lambda p: p.rank
        )
        follow = frozenset(second for key in keys for second in self._two.get(key, ()))
        return _Start(keys, follow, tuple(singles))

    def annotate(self, text: str, *, rules: bool = True) -> list[TermHit]:
        """Glossary hits in ``text``: sorted, never overlapping, leftmost then longest name wins.

        Offsets index ``text`` itself, whatever stress marks or invisible characters it holds. With
        ``rules=False`` context rules are not applied (a typed query is a name, not a sentence).
        """
        normal, offsets = normalise(text)
        hits = self._annotate(normal, rules)
        if offsets is None:
            return hits
        spans = [offsets.span(hit.start, hit.end) for hit in hits]
        return [
            TermHit(hit.id, start, end, text[start:end])
            for hit, (start, end) in zip(hits, spans, strict=True)
        ]

    def _annotate(self, text: str, rules: bool) -> list[TermHit]:
        folded = fold(text)
        if len(folded) == len(text):
            parts = original = WORD.split(folded)
            cased: Sequence[str] = _CasedWords(text, parts)
        else:  # a rare character whose lower case is longer (İ): fold word by word, measure the original
            original = WORD.split(text)
            parts = original.copy()
            parts[1::2] = [fold(word) for word in parts[1::2]]
            cased = original[1::2]
        words = parts[1::2]
        # Decide once per distinct word, then pick positions in C: an essay repeats its vocabulary.
        starts = {word: start for word in set(words) if (start := self._start(word)) is not None}
        candidates = list(compress(count(), map(starts.__contains__, words)))
        context = TextContext(parts, words, enabled=rules)
        hits: list[TermHit] = []
        lengths = map(len, original)
        position = consumed = 0  # text offset of parts[consumed]
        free_from = 0
        last = len(words) - 1
        for index in candidates:
            if index < free_from:
                continue
            start = starts[words[index]]
            found = None
            if start.follow and index < last:
                following = words[index + 1]
                if following in start.follow or (
                    not following.isascii() and not start.follow.isdisjoint(_keys(following))
                ):
                    found = self._match_longer(parts, words, cased, index, start.keys, context)
            if found is None:
                single = next(
                    (
                        p
                        for p in start.singles
                        if (p.cased[0] is None or p.case_fits(cased, index))
                        and (not p.ruled or p.allowed(context, words, index))
                    ),
                    None,
                )
                if single is not None:
                    entry_id = self._adjective(single.entry_id, cased, parts, index)
                    found = entry_id, 1, _tail(single, parts[2 * index + 2])
            if found is None:
                continue
            entry_id, count_, tail = found
            position += sum(islice(lengths, 2 * index + 1 - consumed))
            consumed = 2 * index + 1
            end = position + sum(map(len, original[consumed : consumed + 2 * count_ - 1])) + tail
            hits.append(TermHit(entry_id, position, end, text[position:end]))
            free_from = index + count_
        return hits

    def _adjective(self, entry_id: str, cased: Sequence[str], parts: list[str], index: int) -> str:
        """The adjective sense instead of ``entry_id`` when a Latin name in the singular is directly followed
        (after a space or a hyphen) by a word that is not of a council: "Soviet economy", "the soviet
        government", "Soviet-era", but "the Soviet of Workers' Deputies", "the Soviet decided", "soviets"."""
        adjective = self._adjectives.get(entry_id)
        if adjective is None or index + 1 >= len(cased) or parts[2 * index + 2] not in _ADJECTIVE_JOINS:
            return entry_id
        word, following = cased[index], cased[index + 1]
        if not (word.isascii() and word.isalpha()) or word.lower().endswith("s") or not following.isalpha():
            return entry_id
        lower = following.lower()
        if lower in _NOT_AFTER_ADJECTIVE or (parts[2 * index + 2] == " " and lower.endswith("ed")):
            return entry_id
        return adjective

    def _match_longer(
        self,
        parts: list[str],
        words: list[str],
        cased: Sequence[str],
        index: int,
        firsts: tuple[str, ...],
        context: TextContext,
    ) -> tuple[str, int, int] | None:
        """The best name of two words or more at word ``index``: (entry id, words, tail length)."""
        longer = [
            pattern
            for first in firsts
            if (table := self._two.get(first)) is not None
            for second in _keys(words[index + 1])
            for pattern in table.get(second, ())
        ]
        longer.sort(key=lambda pattern: pattern.rank)
        for pattern in longer:
            count_ = len(pattern.words)
            if (
                index + count_ <= len(words)
                and all(
                    _separator_fits(parts[2 * (index + k)], pattern.joins[k - 1])
                    and _word_fits(words[index + k], pattern.words[k])
                    for k in range(1, count_)
                )
                and pattern.case_fits(cased, index)
                and (not pattern.ruled or pattern.allowed(context, words, index))
            ):
                return pattern.entry_id, count_, _tail(pattern, parts[2 * (index + count_)])
        return None


@dataclass(frozen=True)
class _Start:
    """A text word that can begin a name: its index keys, the second words that continue a longer
    name, and the one-word names it is on its own, best first (more than one when letter case decides)."""

    keys: tuple[str, ...]
    follow: frozenset[str]
    singles: tuple[Pattern, ...]


def _keys(word: str) -> tuple[str, ...]:
    """A text word as index keys: itself, and for Cyrillic its lemmas too."""
    if word.isascii() or not is_cyrillic(word):
        return (word,)
    return (word, *(lemma for lemma in morphology.lemmas(word) if lemma != word))


def _tail(pattern: Pattern, after: str) -> int:
    return len(pattern.tail) if pattern.tail and after.startswith(pattern.tail) else 0


def _separator_fits(separator: str, join: str | None) -> bool:
    if join is None:
        return separator == " " or JOIN.fullmatch(separator) is not None
    return separator == join


def _word_fits(word: str, allowed: frozenset[str]) -> bool:
    if word in allowed:
        return True
    return not word.isascii() and is_cyrillic(word) and not allowed.isdisjoint(morphology.lemmas(word))


class _CasedWords(Sequence[str]):
    """The words of ``text`` as written, for the few positions whose case matters: ``parts`` is the split
    of the case-folded text (same length), so word ``i`` is found from the parts' lengths, computed once
    on first use instead of splitting the whole text a second time."""

    def __init__(self, text: str, parts: list[str]) -> None:
        self._text = text
        self._parts = parts
        self._ends: list[int] | None = None

    def __len__(self) -> int:
        return len(self._parts) // 2

    def __getitem__(self, index: int) -> str:  # type: ignore[override]  # words are read one at a time
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        if self._ends is None:
            self._ends = list(accumulate(map(len, self._parts)))
        end = self._ends[2 * index + 1]
        return self._text[end - len(self._parts[2 * index + 1]) : end]
