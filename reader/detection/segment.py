"""Where the non-English passages are: Cyrillic runs, joined across short asides, trimmed to their words.

Each step is linear in the size of the text, and every scan of the whole text is a compiled regex:

1. **Runs.** One regex finds maximal runs of Cyrillic words joined by anything that is neither a letter nor
   a paragraph break (spaces, single line breaks, digits, punctuation, dashes, quotes). A run begins and
   ends with a Cyrillic word, so enclosing quotes, brackets and spaces are never inside it. A run that is a
   list of quoted items in English prose («СССР», «КГБ») is cut into its items.
2. **Mixed-script words.** A word holding both Latin and Cyrillic letters is settled by majority. More
   Latin letters ("Sоviet" with a Cyrillic о) make it a Latin word with look-alikes: it is reported as
   :class:`~reader.detection.model.MixedScript`, is never part of a passage, and splits a run, so that the
   two lists never overlap. More Cyrillic letters ("СCСР" with a Latin C) make it a Russian word with a
   typo, and it stays in its passage, because the reader wants the Russian sentence whole (a typo is no
   spoofing threat inside Cyrillic text). A tie counts as Cyrillic between Cyrillic words, Latin alone.
3. **Asides.** Two runs in one paragraph join across a short Latin stretch that reads as an aside inside
   Russian prose: "хозяина (boss) — американского ЦРУ (CIA). Среди", "России, Oleg2012, Живой". The
   stretch must be short and hold no quote marks (an English title in quotes is not an aside). Words in
   brackets are fine (up to six) when the Russian around holds three words or more, and so is a lone
   look-alike letter typed in Latin ("Вместе c тем"); outside brackets at most two names or codes
   (capitals or digits: CIA, Oleg2012), with three Russian words before and two after.
   "and", "the" and their kind mean English prose, so «колхоз» and «совхоз» in an English sentence stay
   two passages.

Finally a passage takes the full stop after it when it is a sentence of its own, a number glued before it
("4-месячные"), and a quote or bracket whose partner it already holds («Правда» сообщила…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.scripts import APOSTROPHES, COMBINING, CYRILLIC, LATIN_LETTER

#: A Cyrillic-led word: letters of any script, digits, stress marks, and apostrophes inside Cyrillic words.
#: (Written as unrolled loops over character classes, which the regex engine runs fastest.)
_TOKEN = f"[{CYRILLIC}][^\\W_]*+(?:(?:[{COMBINING}]++|[{APOSTROPHES}](?=[{CYRILLIC}]))[^\\W_]*+)*+"
#: What may sit between two words of one run: no letter, no blank line (nor U+2029 paragraph separator).
_GAP = "[^\\w\\n\u2029]*+(?:(?:[\\d_]|\\n(?![^\\S\\n]*\\n))[^\\w\\n\u2029]*+)*+"
#: A number closing a run, joined by one space or dash: "в 1917", "Ленин, 1923" is not joined (comma).
_TRAILING_NUMBER = "(?:[ \u00a0\\-\u2010\u2011\u2013\u2014]\\d++(?:[.,:/]\\d++)*+(?!\\w))?"

_RUN = re.compile(f"{_TOKEN}(?:{_GAP}{_TOKEN})*+{_TRAILING_NUMBER}")
_TOKEN_RE = re.compile(_TOKEN)
_OPENING_QUOTES = frozenset('«„“"')
_CLOSING_QUOTE = re.compile(r"[»“”\"]")
_QUOTE_CLOSE_OPEN = re.compile(r"[»“”\"][^\w«„“\"]*[«„“\"]")
_CYRILLIC_LETTER = re.compile(f"[{CYRILLIC}]")
_WORD_CHAR = re.compile(r"[^\W_]")
_BLANK_LINE = re.compile("\\n[^\\S\\n]*\\n|\u2029")
_NUMBER_PREFIX = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*[-\u2010\u2011]?\Z")
_NUMBER_TAIL = frozenset("0123456789-\u2010\u2011")
#: Opening quotes and brackets, with the characters that close each.
_OPENERS = {"(": ")", "[": "]", "«": "»", "„": "“”", "“": "”", '"': '"'}
_QUOTE_OR_BRACKET = re.compile('[()\\[\\]«»„“”"]')
_TERMINAL = re.compile(r"[.!?…]+")
_CLOSING = re.compile(r"[.!?…]*([)\]»“”\"])")
_SENTENCE_LEAD = re.compile(r"(?:\A|[\n.!?…:;])[^\S\n]*(?:[«„“\"'(\[\u2014\u2013-]|\d{1,3}[.)])*[^\S\n]*\Z")

#: Longest Latin stretch that can still be an aside inside a Russian passage, and its word limits: Russian
#: words around it (before and after together), and for lower-case words cited outside brackets, Russian
#: words on each side and in all.
MAX_ASIDE_CHARS = 80
MAX_ASIDE_WORDS = 6
MIN_WORDS_AROUND_ASIDE = 3
MAX_CITED_WORDS = 2
MIN_WORDS_EACH_SIDE_OF_CITED = 2
MIN_WORDS_AROUND_CITED = 4
#: How far back a mixed-script word is followed into Latin letters (beyond this it is not a word).
MAX_WORD_CHARS = 64
#: Latin words that may stand bare (outside brackets) in an aside: names, acronyms, codes (Oleg2012, CIA,
#: iPhone), and a lone look-alike letter typed for a Cyrillic one (Macedonian "a" for "а").
_NAME_OR_CODE = re.compile(r"[^\W_]*[A-Z0-9][^\W_]*|[aeocpxyi]")
_GAP_WORD = r"[^\W\d_][^\W_]*|\d+[^\W\d_][^\W_]*"
_GAP_TOKEN = re.compile(f'{_GAP_WORD}|[()\\[\\]«»„“”"]')
_GAP_WORDS = re.compile(_GAP_WORD)
_SENTENCE_END = re.compile(r"[.!?…]\s")
#: Up to four Latin names or codes (numbers among them) opening a sentence right before a passage, or
#: closing one right after it, before the sentence's end.
_NAMES = "[A-Za-z0-9][A-Za-z0-9'’&+-]*+(?:[ \u00a0][A-Za-z0-9][A-Za-z0-9'’&+-]*+){0,3}"
_LEADING_NAMES = re.compile(f"(?:^|(?<=[.!?…])[ \u00a0]+)({_NAMES})[ \u00a0]+\\Z", re.MULTILINE)
_TRAILING_NAMES = re.compile(f"[ \u00a0]+({_NAMES})(?=[.!?…]+(?:\\s|\\Z)|[ \u00a0]*(?:\\n|\\Z))")
_TRAILING_ASIDE = re.compile(
    '[ \u00a0]+(\\([^()\\n]{1,60}\\)|"[^"\\n]{1,40}"|«[^«»\\n]{1,40}»)(?=[.!?…]*(?:\\s|\\Z))'
)
_CLOSES_THEN_OPENS = re.compile('[»”“"].*[«„“"]', re.DOTALL)
#: Quote marks touching the runs on either side of a gap (they belong to the Russian text).
_TOUCHING_QUOTES = re.compile('\\A[»”“"]+|[«„“"]+\\Z')
#: English words that never stand in a Latin aside outside brackets: their presence means English prose.
_PROSE_WORDS = """a an and are as at be but by for from had has have he her his in is it its not of on
    or our she that
    the their them then there these they this those to was we were which who will with you"""
ENGLISH_PROSE = frozenset(_PROSE_WORDS.split())
_WINDOW = 160


@dataclass(frozen=True)
class Span:
    """A half-open range of the text."""

    start: int
    end: int


@dataclass(frozen=True)
class Segmentation:
    """Passage spans (language not yet known) and mixed-script words, each ordered by start."""

    passages: list[Span]
    mixed_script: list[Span]


def segment(text: str) -> Segmentation:
    """Find the Cyrillic passages and the mixed-script words of ``text``."""
    items: list[tuple[Span, bool]] = []
    for item, is_mixed in _runs_and_mixed_words(text):
        if items and not is_mixed and not items[-1][1] and _is_aside(text, items[-1][0], item):
            items[-1] = (Span(items[-1][0].start, item.end), False)
        else:
            items.append((item, is_mixed))
    passages: list[Span] = []
    mixed: list[Span] = []
    low = 0
    for index, (item, is_mixed) in enumerate(items):
        if is_mixed:
            mixed.append(item)
        else:
            high = items[index + 1][0].start if index + 1 < len(items) else len(text)
            passages.append(_finish(text, _extend_over_names(text, item, low, high), low, high))
        low = (passages[-1] if not is_mixed else item).end
    return Segmentation(passages, mixed)


def _extend_over_names(text: str, span: Span, low: int, high: int) -> Span:
    """Take in Latin names and codes that open or close a Russian sentence ("IBM объявила…", "…новый
    iPhone 15."), between a sentence boundary and the passage and separated from it by spaces only, and a
    short aside in brackets or quotes that closes it ("…по Гринвичу (UTC).")."""
    if len(_TOKEN_RE.findall(text, span.start, min(span.end, span.start + _WINDOW))) < MIN_WORDS_AROUND_ASIDE:
        return span
    start, end = span.start, span.end
    leading = _LEADING_NAMES.search(text, max(low, start - MAX_ASIDE_CHARS), start)
    if leading is not None and _is_name_sequence(_GAP_WORDS.findall(leading.group(1))):
        start = leading.start(1)
    if _SENTENCE_LEAD.search(text, max(0, start - 40), start) is None:
        return Span(start, end)  # a Russian phrase inside an English sentence takes in nothing after it
    trailing = _TRAILING_NAMES.match(text, end, high)
    if trailing is not None and _is_name_sequence(_GAP_WORDS.findall(trailing.group(1))):
        end = trailing.end(1)
    aside = _TRAILING_ASIDE.match(text, end, high)
    if aside is not None and len(_GAP_WORDS.findall(aside.group(1))) <= MAX_ASIDE_WORDS:
        end = aside.end(1)
    return Span(start, end)


def _runs_and_mixed_words(text: str) -> list[tuple[Span, bool]]:
    """Runs of Cyrillic words in order, split at mixed-script words (flagged ``True``)."""
    items: list[tuple[Span, bool]] = []
    for match in _RUN.finditer(text):
        for start, end in _split_quoted_list(text, *match.span()):
            items.extend(_classify_run(text, start, end))
    return items


def _split_quoted_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split «СССР», «КГБ»: a run of quoted items, each closed and the next opened between two words.

    Only a run that opens right after a quote and ends right before one is a list; in «Правда», «Известия»
    и «Труд» — газеты the quotes are inside a Russian sentence, which stays whole.
    """
    pieces: list[tuple[int, int]] = []
    if end >= len(text) or not _CLOSING_QUOTE.match(text, end):
        return [(start, end)]
    while start > 0 and text[start - 1] in _OPENING_QUOTES:
        closing = _CLOSING_QUOTE.search(text, start, end)
        boundary = closing and _QUOTE_CLOSE_OPEN.match(text, closing.start(), end)
        if not boundary:
            break
        left_end = boundary.start()
        while left_end > start and not _WORD_CHAR.match(text, left_end - 1):
            left_end -= 1
        pieces.append((start, left_end))
        start = boundary.end()
    pieces.append((start, end))
    return pieces


def _classify_run(text: str, start: int, end: int) -> list[tuple[Span, bool]]:
    """One run as is, or, when it holds Latin letters, split into runs and mixed-script words."""
    glued_to_latin = start > 0 and _WORD_CHAR.match(text, start - 1) is not None
    if not glued_to_latin and LATIN_LETTER.search(text, start, end) is None:
        return [(Span(start, end), False)]
    return _split_mixed(text, start, end)


def _split_mixed(text: str, start: int, end: int) -> list[tuple[Span, bool]]:
    """The slow path for a run holding Latin letters: decide word by word."""
    items: list[tuple[Span, bool]] = []
    run_start: int | None = None
    run_end = start
    tokens = list(_TOKEN_RE.finditer(text, start, end))
    for index, token in enumerate(tokens):
        word_start, word_end = token.span()
        if index == 0:  # the word may begin with Latin letters before the run's first Cyrillic one
            floor = max(0, word_start - MAX_WORD_CHARS)
            while word_start > floor and _WORD_CHAR.match(text, word_start - 1):
                word_start -= 1
        word = text[word_start:word_end]
        latin = len(LATIN_LETTER.findall(word))
        cyrillic = len(_CYRILLIC_LETTER.findall(word))
        if latin > cyrillic or (latin and latin == cyrillic and len(tokens) == 1):
            if run_start is not None:
                items.append((Span(run_start, run_end), False))
                run_start = None
            items.append((Span(word_start, word_end), True))
            continue
        if run_start is None:
            run_start = word_start
        run_end = end if index == len(tokens) - 1 else word_end
    if run_start is not None:
        items.append((Span(run_start, run_end), False))
    return items


def _is_aside(text: str, left: Span, right: Span) -> bool:
    """Whether the Latin stretch between two runs sits inside one Russian passage.

    Quote marks touching a run belong to the Russian text («врагами народа» (enemies of the people) без…:
    the » closes a quote the left run opened); the rest of the stretch must balance its brackets and
    quotes. Words inside them are an aside or a title; words outside are names and codes (Apple, IBM,
    XVIII, Oleg2012, City of Stars), or a word or two cited in Russian prose, never English prose ("and",
    "the").
    """
    if right.start - left.end > MAX_ASIDE_CHARS:
        return False
    gap = text[left.end : right.start]
    if _BLANK_LINE.search(gap):
        return False
    inner = _TOUCHING_QUOTES.sub("", gap)
    enclosed, bare = _gap_words(inner)
    if not enclosed and not bare:
        # Only split by a word glued to Latin letters ("читал CCСР"): one run after all. A quote mark
        # between two runs and nothing else is a list of quoted items («СССР», «КГБ»), kept apart.
        return inner == gap or _QUOTE_CLOSE_OPEN.search(gap) is None
    if bare and _CLOSES_THEN_OPENS.fullmatch(gap):
        return False  # «Вся власть Советам», Trotsky: «…»: prose between two quotations
    if len(enclosed) + len(bare) > MAX_ASIDE_WORDS or not _names_or_cited(bare):
        return False
    words_before = len(_TOKEN_RE.findall(text, max(left.start, left.end - _WINDOW), left.end))
    words_after = len(_TOKEN_RE.findall(text, right.start, min(right.end, right.start + _WINDOW)))
    if _is_name_sequence(bare):
        return words_before + words_after >= MIN_WORDS_AROUND_ASIDE
    # Lower-case words cited in a Russian sentence ("caro означает"): Russian on both sides, no sentence
    # end, and no quotation ending or starting at the gap («Америка и Фашизм» series; … is English prose).
    enough = min(words_before, words_after) >= MIN_WORDS_EACH_SIDE_OF_CITED
    one_sentence = _SENTENCE_END.search(gap) is None
    return inner == gap and one_sentence and enough and words_before + words_after >= MIN_WORDS_AROUND_CITED


def _names_or_cited(bare: list[str]) -> bool:
    """Names and codes (title case allowed: City of Stars), or at most two cited lower-case words."""
    if _is_name_sequence(bare):
        return True
    return len(bare) <= MAX_CITED_WORDS and not any(word in ENGLISH_PROSE for word in bare)


def _is_name_sequence(bare: list[str]) -> bool:
    """Each word a name or code, or an English function word between two names (City of Stars)."""
    for index, word in enumerate(bare):
        if _NAME_OR_CODE.fullmatch(word):
            continue
        inside = 0 < index < len(bare) - 1 and word in ENGLISH_PROSE
        if not (inside and _NAME_OR_CODE.fullmatch(bare[index + 1])):
            return False
    return True


def _gap_words(gap: str) -> tuple[list[str], list[str]]:
    """Latin words of a gap: those inside a bracket or quote pair, and those outside.

    An unmatched bracket is one the Russian text around opens or closes ("(H в pH)"): it encloses nothing.
    """
    enclosed: list[str] = []
    bare: list[str] = []
    expected: list[str] = []
    for token in _GAP_TOKEN.finditer(gap):
        mark = token.group()
        if _QUOTE_OR_BRACKET.fullmatch(mark) is None:
            (enclosed if expected else bare).append(mark)
        elif expected and mark in expected[-1]:
            expected.pop()
        elif mark in _OPENERS and _closes_later(gap, token.end(), _OPENERS[mark]):
            expected.append(_OPENERS[mark])
    return enclosed, bare


def _closes_later(gap: str, start: int, closers: str) -> bool:
    return any(closer in gap[start:] for closer in closers)


def _finish(text: str, span: Span, low: int, high: int) -> Span:
    """Add a glued number before the first word, final punctuation, and quotes or brackets it half holds.

    «Правда» сообщила… starts with its guillemet because the closing one is inside; in «Америка и Фашизм»
    both are outside: enclosing quotes are never part of a passage.
    """
    start, end = span.start, span.end
    if start > low and text[start - 1] in _NUMBER_TAIL:
        prefix = _NUMBER_PREFIX.search(text, max(low, start - 24), start)
        if prefix is not None:
            start = prefix.start()
    if start > low and text[start - 1] in _OPENERS:
        start -= _closes_before_opening(text, text[start - 1], start, end)
    terminal = _TERMINAL.match(text, end, high)
    if terminal is not None and _takes_final_punctuation(text, start, end, terminal.end(), high):
        end = terminal.end()
    if _QUOTE_OR_BRACKET.search(text, start, end) is None:
        return Span(start, end)
    closers = _missing_closers(text, start, end)
    while closers:
        closing = _CLOSING.match(text, end, high)
        if closing is None or closing.group(1) not in closers:
            break
        closers.remove(closing.group(1))
        end = closing.end()
    return Span(start, end)


def _closes_before_opening(text: str, opener: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` closes ``opener`` more often than it opens it."""
    if opener == '"':
        return text.count('"', start, end) % 2 == 1
    closers = _OPENERS[opener]
    closed = sum(text.count(closer, start, end) for closer in closers)
    return closed > text.count(opener, start, end)


def _missing_closers(text: str, start: int, end: int) -> list[str]:
    """Closing brackets and quotes whose opening partner is inside ``text[start:end]`` but not closed."""
    missing: list[str] = []
    for opener, closer in (("(", ")"), ("[", "]"), ("«", "»")):
        missing += [closer] * (text.count(opener, start, end) - text.count(closer, start, end))
    if text.count("„", start, end):  # Slavic „…“ (or „…”): both curly quotes close it
        unclosed = text.count("„", start, end) - text.count("“", start, end) - text.count("”", start, end)
        missing += ["“"] * unclosed
    else:
        missing += ["”"] * (text.count("“", start, end) - text.count("”", start, end))
    if text.count('"', start, end) % 2:
        missing.append('"')
    return missing


def _takes_final_punctuation(text: str, start: int, end: int, after: int, high: int) -> bool:
    """A sentence of its own ends with its full stop; a Russian word inside an English sentence does not."""
    if len(_TOKEN_RE.findall(text, start, min(end, start + _WINDOW))) < 2:
        return False
    if _SENTENCE_LEAD.search(text, max(0, start - 40), start) is not None:
        return True
    return after < high and text[after] in "»”“\"')"
