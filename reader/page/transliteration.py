"""Latin transliteration of Russian text, for readers who cannot read Cyrillic.

A thin wrapper over iuliia (its schemas are tables of Russian-specific rules, so they are used for every
Cyrillic passage). The default is the Wikipedia schema, the one an English reader meets most often
("Khrushchyov", "Zhivoy Zhurnal"). Schemas are looked up by name so callers need not import iuliia.
"""

from __future__ import annotations

from functools import lru_cache

import iuliia

DEFAULT_SCHEMA = "wikipedia"

#: The schemas offered, by name. Only schemas that leave no Cyrillic letter behind (some iuliia schemas
#: keep "ё" as it is, no help to a reader who cannot read Cyrillic).
SCHEMAS: dict[str, iuliia.Schema] = {
    "wikipedia": iuliia.WIKIPEDIA,
    "mosmetro": iuliia.MOSMETRO,
}


def _schema(name: str) -> iuliia.Schema:
    try:
        return SCHEMAS[name]
    except KeyError:
        raise ValueError(f"unknown transliteration schema {name!r}; known: {', '.join(SCHEMAS)}") from None


@lru_cache(maxsize=4096)
def transliterate(text: str, schema: str = DEFAULT_SCHEMA) -> str:
    """``text`` with every Cyrillic word in Latin letters; other characters are kept as they are."""
    return _schema(schema).translate(text)
