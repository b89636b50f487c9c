"""Character classes: the one definition of a Cyrillic letter, and the others detection, decoding and the
glossary share.

Kept as regex fragments (strings) so that every scan over a whole text is a compiled regex running in C,
never a Python loop over characters.
"""

from __future__ import annotations

import re

#: Every Unicode Cyrillic block: basic + supplement, Extended-A/B/C (old and minority letters).
CYRILLIC = "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f"

#: Combining marks, e.g. the stress accent of "за́мок" (U+0301), which ``\w`` does not match.
COMBINING = "\u0300-\u036f"

#: Apostrophes that sit inside Ukrainian and Belarusian words (м'ясо, п’ять, сям'я).
APOSTROPHES = "'\u2019\u02bc"

#: Latin letters, basic and accented (the script a mixed-script word is weighed against).
LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")

#: A Cyrillic letter (any block): the one class every module uses to ask "is this Cyrillic?".
CYRILLIC_LETTER = re.compile(f"[{CYRILLIC}]")
#: A run of Cyrillic letters.
CYRILLIC_RUN = re.compile(f"[{CYRILLIC}]+")
