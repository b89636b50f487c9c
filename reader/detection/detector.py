"""PLACEHOLDER until the detection work lands: Cyrillic runs, all labelled ``ru``. Replace wholesale."""

from __future__ import annotations

import re

from reader.detection.model import Detection, Passage

_CYRILLIC_RUN = re.compile(r"[\u0400-\u04ff][\u0400-\u04ff\s,.;:!?—–\-()0-9]*[\u0400-\u04ff]|[\u0400-\u04ff]")


def detect(text: str) -> Detection:
    passages = [Passage(m.start(), m.end(), "ru", m.group()) for m in _CYRILLIC_RUN.finditer(text)]
    return Detection(passages=passages, mixed_script=[])
