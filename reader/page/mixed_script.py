"""Latin words hiding a Cyrillic look-alike letter ("Sоviet" with a Cyrillic о), as the reader shows them.

Detection lists such words (:class:`reader.detection.model.MixedScript`); a reader cannot see the
difference, so the page says it in words: a warning right after the word naming the Cyrillic letters and
their code points, and one summary line for the status. A typo and a spoof look the same; both are worth
knowing about before a word is searched for or copied.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.detection import MixedScript
from reader.page.layout import AsidePiece
from reader.page.rows import WARNING
from reader.scripts import CYRILLIC_LETTER

#: Words named in the summary line; the rest are counted.
SUMMARY_WORDS = 3


def cyrillic_letters(word: str) -> list[str]:
    """The distinct Cyrillic letters of ``word``, in order of appearance."""
    return list(dict.fromkeys(CYRILLIC_LETTER.findall(word)))


def mixed_script_note(word: str) -> str:
    """``⚠ Cyrillic “о” (U+043E) in a Latin word``."""
    letters = ", ".join(f"“{letter}” (U+{ord(letter):04X})" for letter in cyrillic_letters(word))
    return f"⚠ Cyrillic {letters} in a Latin word"


def mixed_script_asides(words: Sequence[MixedScript]) -> dict[int, tuple[AsidePiece, ...]]:
    """The warning shown after each mixed-script word, by the word's start."""
    return {word.start: (AsidePiece(mixed_script_note(word.text), WARNING),) for word in words}


def mixed_script_summary(words: Sequence[MixedScript]) -> str:
    """One line for the reader: how many words mix the scripts, and the first few of them."""
    named = ", ".join(word.text for word in words[:SUMMARY_WORDS])
    more = f" and {len(words) - SUMMARY_WORDS} more" if len(words) > SUMMARY_WORDS else ""
    count = "1 word mixes" if len(words) == 1 else f"{len(words)} words mix"
    return f"{count} Latin and Cyrillic letters (a typo or a spoof), marked ⚠: {named}{more}"
