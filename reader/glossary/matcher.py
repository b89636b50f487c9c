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

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress, count, islice

from reader.glossary import morphology
from reader.glossary.model import Entry, TermHit
from reader.glossary.normalise import normalise
from reader.scripts import CYRILLIC_LETTER

#: A word: letters and digits, with inner apostrophes (soft signs in "Kul'tura", possessive "Gosplan's").
WORD = re.compile(r"([^\W_]+(?:['’ʼʹ][^\W_]+)*)")
#: What may separate the words of a multi-word name: spaces, one line break, one hyphen.
_JOIN = re.compile(r"[^\S\n]*[-‐‑]?[^\S\n]*\n?[^\S\n]*")
_HYPHEN = re.compile(r"[-‐‑]")
_CYRILLIC = CYRILLIC_LETTER
_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")
_ARTICLES = frozenset({"the", "a", "an"})
#: Length of the Cyrillic prefixes that decide whether a word is worth lemmatising. Russian inflects at
#: the end of a word, so an inflected form shares its lemma's first letters (suppletive pairs such as
#: люди/человек are the exception, and no glossary headword is one).
_PREFIX = 3
#: A word of a name that matches only in its own letter case: an acronym (with a plural s: SRs).
_ACRONYM = re.compile(r"[A-Z]{2,5}s?")
#: Words after a capitalised "Soviet" that keep it the council, not the adjective ("the Soviet of ...").
_NOT_AFTER_ADJECTIVE = frozenset(
    {
        *("of", "and", "or", "but", "in", "on", "at", "to", "for", "from", "with", "by", "as", "then"),
        *("was", "were", "is", "are", "had", "has", "have", "that", "which", "who", "would", "could"),
        *("will", "did", "itself", "its", "deputies", "deputy", "delegates", "delegate", "congress"),
        *("session", "executive", "presidium", "chairman", "plenum"),
    }
)


def fold(text: str) -> str:
    """Case- and spelling-insensitive form used on both sides of a comparison."""
    return morphology.fold(text).replace("’", "'").replace("ʼ", "'").replace("ʹ", "'")


def english_forms(word: str) -> set[str]:
    """A Latin word with its plural, singular and possessive forms (kulak: kulaks, kulak's)."""
    forms = {word}
    if word.isascii() and word.isalpha():
        if word.endswith(_SIBILANT_ENDINGS):
            forms.add(word + "es")
        elif len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":
            forms.add(word[:-1] + "ies")
        forms.add(word + "s")
        if word.endswith("man"):  # Nepman: Nepmen
            forms.add(word[:-3] + "men")
        if len(word) > 4 and word.endswith("ies"):
            forms.add(word[:-3] + "y")
        elif word.endswith("es") and word[:-2].endswith(_SIBILANT_ENDINGS):
            forms.add(word[:-2])
        elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            forms.add(word[:-1])
        forms.update([form + "'s" for form in forms if not form.endswith("s")])
    return forms


@dataclass(frozen=True)
class _Pattern:
    """The words of one name: each element is the set of folded forms a text word may take there.

    ``joins[k]`` is what must come before word ``k + 1``: None for any space or hyphen, else the exact
    characters of the name ("VKP(b)"); ``tail`` is punctuation that ends the name, taken when present.
    """

    words: tuple[frozenset[str], ...]
    joins: tuple[str | None, ...]
    tail: str
    entry_id: str
    rank: tuple[int, int, int]  # (-word count, kind of name, entry order): lower wins
    cased: tuple[frozenset[str] | None, ...]  # per word: the exact spellings allowed, None for any case

    def case_fits(self, cased_words: Sequence[str], index: int) -> bool:
        """Whether the words from ``index`` have the letter case this name demands."""
        return all(
            allowed is None or _unfolded(cased_words[index + k]) in allowed
            for k, allowed in enumerate(self.cased)
        )


def _is_cyrillic(word: str) -> bool:
    return _CYRILLIC.search(word) is not None


def _elements(words: list[str], english: bool) -> tuple[frozenset[str], ...]:
    elements: list[frozenset[str]] = []
    for position, word in enumerate(words):
        if _is_cyrillic(word):
            elements.append(frozenset({word, morphology.lemma(word)}))
        elif english and position == len(words) - 1:
            elements.append(frozenset(english_forms(word)))
        else:
            elements.append(frozenset({word}))
    return tuple(elements)


def _join(separator: str) -> str | None:
    return None if _JOIN.fullmatch(separator) else separator


def _unfolded(word: str) -> str:
    """A text word with its apostrophes and ё folded but its letter case kept."""
    return word.replace("’", "'").replace("ʼ", "'").replace("ʹ", "'").replace("ё", "е").replace("Ё", "Е")


def _cased(name: str, english: bool, whole: bool) -> tuple[frozenset[str] | None, ...]:
    """Per word of ``name``: the exact spellings it allows (``whole``: every word keeps its case)."""
    words = WORD.findall(_unfolded(name))
    if english and len(words) > 1 and words[0].lower() in _ARTICLES:
        words = words[1:]
    last = len(words) - 1
    return tuple(
        (frozenset(english_forms(word) if english and k == last else {word}))
        if whole or _ACRONYM.fullmatch(word)
        else None
        for k, word in enumerate(words)
    )


def _name_variants(
    name: str, english: bool
) -> Iterable[tuple[tuple[frozenset[str], ...], tuple[str | None, ...], str]]:
    """(words, joins, tail) of each spelling of a name: as written, with hyphenated words run together
    ("fiveyear plan"), and for English names without soft-sign apostrophes ("Tsentralnyi").

    A leading English article is dropped ("the Terror of 1937" matches "Terror of 1937"), so that
    "the" does not start a name: it would make every "the" of an essay worth a second look.
    """
    parts = WORD.split(fold(name))
    words = [parts[i] for i in range(1, len(parts), 2)]
    joins = [parts[i] for i in range(2, len(parts) - 1, 2)]
    if english and len(words) > 1 and words[0] in _ARTICLES and _join(joins[0]) is None:
        words, joins = words[1:], joins[1:]
    if not words:
        return
    tail = parts[-1].strip()
    spellings = [(words, [_join(join) for join in joins])]
    if any(_HYPHEN.fullmatch(join.strip()) for join in joins):
        joined = [words[0]]
        kept: list[str | None] = []
        for join, word in zip(joins, words[1:], strict=True):
            if _HYPHEN.fullmatch(join.strip()):
                joined[-1] += word
            else:
                joined.append(word)
                kept.append(_join(join))
        spellings.append((joined, kept))
    if english and any("'" in word for word in words):  # soft sign written or not: Kul'tura, Kultura
        spellings += [([word.replace("'", "") for word in ws], js) for ws, js in spellings]
    for spelling_words, spelling_joins in spellings:
        yield _elements(spelling_words, english), tuple(spelling_joins), tail


class Matcher:
    """An index of every name in a glossary, built once and then used for any number of texts."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        first: dict[str, list[_Pattern]] = {}
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
                cased = _cased(name, english, name in entry.case_sensitive)
                for words, joins, tail in _name_variants(name, english):
                    if (words, joins, entry.id, cased) in seen:
                        continue
                    seen.add((words, joins, entry.id, cased))
                    case = cased
                    if len(case) != len(words):  # hyphenated words run together ("S-R" as "SR")
                        case = _cased(_HYPHEN.sub("", name), english, name in entry.case_sensitive)
                    if len(case) != len(words):
                        case = (None,) * len(words)
                    pattern = _Pattern(words, joins, tail, entry.id, (-len(words), kind, order), case)
                    for key in words[0]:
                        first.setdefault(key, []).append(pattern)
        # One-word names by their word; longer names by their first two words, so a common first word
        # ("soviet", "party") costs one more dictionary probe rather than a scan of every name it starts.
        ranked = {key: sorted(found, key=lambda p: p.rank) for key, found in first.items()}
        self._one: dict[str, list[_Pattern]] = {}
        self._two: dict[str, dict[str, list[_Pattern]]] = {}
        for key, found in ranked.items():
            for pattern in found:
                if len(pattern.words) == 1:
                    singles = self._one.setdefault(key, [])
                    if not singles or singles[-1].cased[0] is not None:  # the rest are behind one of any case
                        singles.append(pattern)
                else:
                    table = self._two.setdefault(key, {})
                    for second in pattern.words[1]:
                        table.setdefault(second, []).append(pattern)
        self._starts = frozenset(self._one.keys() | self._two.keys())
        self._prefixes = frozenset(key[:_PREFIX] for key in self._starts if _is_cyrillic(key))

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

    def annotate(self, text: str) -> list[TermHit]:
        """Glossary hits in ``text``: sorted, never overlapping, leftmost then longest name wins.

        Offsets index ``text`` itself, whatever stress marks or invisible characters it holds.
        """
        normal, offsets = normalise(text)
        hits = self._annotate(normal)
        if offsets is None:
            return hits
        spans = [offsets.span(hit.start, hit.end) for hit in hits]
        return [
            TermHit(hit.id, start, end, text[start:end])
            for hit, (start, end) in zip(hits, spans, strict=True)
        ]

    def _annotate(self, text: str) -> list[TermHit]:
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
                    found = self._match_longer(parts, words, cased, index, start.keys)
            if found is None:
                single = next(
                    (p for p in start.singles if p.cased[0] is None or p.case_fits(cased, index)), None
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
        """The adjective sense instead of ``entry_id`` when a capitalised name is directly followed by a
        lower-case word that is not of a council ("Soviet economy", not "the Soviet of Workers' Deputies")."""
        adjective = self._adjectives.get(entry_id)
        if adjective is None or index + 1 >= len(cased) or parts[2 * index + 2] != " ":
            return entry_id
        word, following = cased[index], cased[index + 1]
        if not (word[:1].isupper() and word[1:].islower() and following.isalpha() and following.islower()):
            return entry_id
        if following in _NOT_AFTER_ADJECTIVE or following.endswith("ed"):
            return entry_id
        return adjective

    def _match_longer(
        self, parts: list[str], words: list[str], cased: Sequence[str], index: int, firsts: tuple[str, ...]
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
            ):
                return pattern.entry_id, count_, _tail(pattern, parts[2 * (index + count_)])
        return None


@dataclass(frozen=True)
class _Start:
    """A text word that can begin a name: its index keys, the second words that continue a longer
    name, and the one-word names it is on its own, best first (more than one when letter case decides)."""

    keys: tuple[str, ...]
    follow: frozenset[str]
    singles: tuple[_Pattern, ...]


def _keys(word: str) -> tuple[str, ...]:
    """A text word as index keys: itself, and for Cyrillic its lemmas too."""
    if word.isascii() or not _is_cyrillic(word):
        return (word,)
    return (word, *(lemma for lemma in morphology.lemmas(word) if lemma != word))


def _tail(pattern: _Pattern, after: str) -> int:
    return len(pattern.tail) if pattern.tail and after.startswith(pattern.tail) else 0


def _separator_fits(separator: str, join: str | None) -> bool:
    if join is None:
        return separator == " " or _JOIN.fullmatch(separator) is not None
    return separator == join


def _word_fits(word: str, allowed: frozenset[str]) -> bool:
    if word in allowed:
        return True
    return not word.isascii() and _is_cyrillic(word) and not allowed.isdisjoint(morphology.lemmas(word))


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
