"""Glossary term ids per passage: found by the glossary once, then served from the cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import paths
from reader.translation.cache import TranslationCache
from reader.translation.terms import PassageTerms, glossary_fingerprint

TEXTS = ["Вся власть Советам!", "Что делать?", "Вся власть Советам!"]


def expected_terms(texts: list[str]) -> list[tuple[str, ...]]:
    from reader.glossary import load_glossary

    glossary = load_glossary()
    return [tuple(dict.fromkeys(hit.id for hit in glossary.annotate(text))) for text in texts]


def test_terms_come_from_the_glossary_then_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with TranslationCache(tmp_path / "c.sqlite3") as cache:
        first = PassageTerms(TEXTS, cache=cache)
        assert first.needs_glossary
        first.start()
        assert first.result() == expected_terms(TEXTS)
        assert any(first.result())

        import reader.glossary

        def no_glossary(*args: object, **kwargs: object) -> None:
            raise AssertionError("the glossary should not be loaded: every text's terms are cached")

        monkeypatch.setattr(reader.glossary, "load_glossary", no_glossary)
        second = PassageTerms(TEXTS, cache=cache)
        assert not second.needs_glossary
        assert second.result() == first.result()


def test_result_without_start_works_in_the_callers_thread(tmp_path: Path) -> None:
    terms = PassageTerms(TEXTS, cache=None)
    assert terms.result() == expected_terms(TEXTS)


def test_editing_the_glossary_changes_the_fingerprint() -> None:
    before = glossary_fingerprint()
    overlay = paths.user_glossary_dir()
    overlay.mkdir(parents=True)
    (overlay / "mine.yaml").write_text("[]\n", encoding="utf-8")
    after = glossary_fingerprint()
    assert after != before
    assert glossary_fingerprint([overlay]) != after  # an extra --glossary layer counts too
