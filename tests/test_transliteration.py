"""reader/transliteration.py: Latin letters for Cyrillic passages (iuliia schemas)."""

from __future__ import annotations

import re

import pytest

from reader.page.transliteration import SCHEMAS, transliterate


def test_wikipedia_schema_is_the_default() -> None:
    assert transliterate("Живой Журнал") == "Zhivoy Zhurnal"
    assert transliterate("Хрущёв") == "Khrushchyov"


def test_other_text_is_kept() -> None:
    assert transliterate("«Америка и Фашизм», 1941!") == "«Amerika i Fashizm», 1941!"
    assert transliterate("plain English") == "plain English"


def test_schemas_differ() -> None:
    outputs = {name: transliterate("Щука и ёж", schema=name) for name in SCHEMAS}
    assert len(set(outputs.values())) > 1
    assert not any(re.search("[а-яё]", text.lower()) for text in outputs.values())


def test_unknown_schema_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown transliteration schema"):
        transliterate("да", schema="klingon")
