"""The translation engine on a tiny real Argos package: batching, caching, cancellation, structure."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import ClassVar

import pytest

from reader import paths
from reader.detection import detect
from reader.errors import BadInput, Cancelled, MissingResource
from reader.models.packages import InstalledModel, require_ru_en
from reader.translation.cache import TranslationCache
from reader.translation.engine import TranslationEngine
from tests.support.tiny_argos import install_tiny_package

ESSAY = (
    "The slogan «Вся власть Советам!» was raised in 1917. Later Stalin said:\n\n"
    "«Кадры решают всё. Жить стало лучше, жить стало веселее.»\n\n"
    "And the opposition asked: Что делать?"
)


class TranslatorSpy:
    """Wraps a ctranslate2.Translator and records every translate_batch call."""

    instances: ClassVar[list[TranslatorSpy]] = []

    def __init__(self, real: object) -> None:
        self.real = real
        self.calls: list[list[list[str]]] = []
        TranslatorSpy.instances.append(self)

    def translate_batch(self, source: list[list[str]], **options: object) -> object:
        self.calls.append(source)
        return self.real.translate_batch(source, **options)  # type: ignore[attr-defined]


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> list[TranslatorSpy]:
    """Every ctranslate2.Translator the engine makes is wrapped in a TranslatorSpy."""
    import ctranslate2

    real_translator = ctranslate2.Translator
    TranslatorSpy.instances = []
    monkeypatch.setattr(ctranslate2, "Translator", lambda *a, **k: TranslatorSpy(real_translator(*a, **k)))
    return TranslatorSpy.instances


@pytest.fixture
def tiny_model() -> InstalledModel:
    install_tiny_package(paths.argos_packages_dir())
    return require_ru_en()


@pytest.fixture
def cache(tmp_path: Path) -> TranslationCache:
    with TranslationCache(tmp_path / "cache.sqlite3") as opened:
        yield opened


def numbered_sentences(count: int) -> list[str]:
    words = ["рабочие", "крестьяне", "партия", "советы", "бюрократия", "революция", "план", "завод"]
    return [
        f"{words[i % 8].capitalize()} {words[(i // 8) % 8]} номер {i} строили общество." for i in range(count)
    ]


def calls(spies: list[TranslatorSpy]) -> list[list[list[str]]]:
    return [call for spy in spies for call in spy.calls]


def test_passages_keep_their_offsets_and_text(tiny_model: InstalledModel, cache: TranslationCache) -> None:
    passages = detect(ESSAY).translated()
    assert len(passages) >= 3
    engine = TranslationEngine(tiny_model, cache=cache)
    results = engine.translate_passages(passages)
    assert len(results) == len(passages)
    for passage, result in zip(passages, results, strict=True):
        assert (result.start, result.end, result.lang, result.text) == (
            passage.start,
            passage.end,
            passage.lang,
            passage.text,
        )
        assert ESSAY[result.start : result.end] == result.text
        assert isinstance(result.translation, str) and result.translation.strip()
        assert result.translation != result.text
        assert result.cached is False
        assert result.terms == ()


def test_spacing_between_sentences_is_kept(tiny_model: InstalledModel) -> None:
    text = "  Вся власть Советам!\n\nКадры решают всё.   Что делать?  "
    engine = TranslationEngine(tiny_model)
    [result] = engine.translate_texts([text])
    one, two, three = (
        r.translation
        for r in engine.translate_texts(["Вся власть Советам!", "Кадры решают всё.", "Что делать?"])
    )
    assert result.translation == f"  {one}\n\n{two}   {three}  "


def test_all_sentences_of_a_request_go_in_one_batch(
    tiny_model: InstalledModel, cache: TranslationCache, spy: list[TranslatorSpy]
) -> None:
    texts = [
        "Вся власть Советам! Кадры решают всё.",
        "Что делать? Кадры решают всё.",
        "Мир хижинам, война дворцам.",
    ]
    results = TranslationEngine(tiny_model, cache=cache).translate_texts(texts)
    assert len(results) == 3
    [batch] = calls(spy)  # one translate_batch call ...
    assert len(batch) == 4  # ... holding each distinct sentence once
    assert [len(tokens) for tokens in batch] == sorted(len(tokens) for tokens in batch)  # shortest first


def test_second_request_comes_from_the_cache_without_the_model(
    tiny_model: InstalledModel, cache: TranslationCache, spy: list[TranslatorSpy]
) -> None:
    texts = ["Вся власть Советам! Кадры решают всё.", "Что делать?"]
    first = TranslationEngine(tiny_model, cache=cache).translate_texts(texts)
    assert [r.cached for r in first] == [False, False]
    assert len(spy) == 1

    again = TranslationEngine(tiny_model, cache=cache)
    assert [r.translation if r else None for r in again.cached(texts)] == [r.translation for r in first]
    second = again.translate_texts(texts)
    assert [r.translation for r in second] == [r.translation for r in first]
    assert [r.cached for r in second] == [True, True]
    assert len(spy) == 1  # the second engine never even loaded the model


def test_a_partly_cached_text_is_not_marked_cached(
    tiny_model: InstalledModel, cache: TranslationCache, spy: list[TranslatorSpy]
) -> None:
    engine = TranslationEngine(tiny_model, cache=cache)
    engine.translate_texts(["Вся власть Советам!"])
    assert engine.cached(["Вся власть Советам! Что делать?"]) == [None]
    [result] = engine.translate_texts(["Вся власть Советам! Что делать?"])
    assert result.cached is False
    assert [len(call) for call in calls(spy)] == [1, 1]  # only the new sentence went to the model


def test_beam_size_is_part_of_the_cache_key(
    tiny_model: InstalledModel, cache: TranslationCache, spy: list[TranslatorSpy]
) -> None:
    TranslationEngine(tiny_model, cache=cache, beam_size=4).translate_texts(["Кадры решают всё."])
    narrow = TranslationEngine(tiny_model, cache=cache, beam_size=1)
    assert narrow.namespace != TranslationEngine(tiny_model, cache=cache, beam_size=4).namespace
    assert narrow.cached(["Кадры решают всё."]) == [None]
    [result] = narrow.translate_texts(["Кадры решают всё."])
    assert result.cached is False
    assert len(calls(spy)) == 2


def test_cancel_before_start_translates_nothing(tiny_model: InstalledModel, spy: list[TranslatorSpy]) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        TranslationEngine(tiny_model).translate_texts(["Кадры решают всё."], cancel=cancel)
    assert calls(spy) == []


def test_cancel_between_chunks_keeps_the_finished_chunk(
    tiny_model: InstalledModel, cache: TranslationCache, spy: list[TranslatorSpy]
) -> None:
    sentences = numbered_sentences(100)
    cancel = threading.Event()
    progress: list[tuple[int, int]] = []

    def on_progress(done: int, total: int) -> None:
        progress.append((done, total))
        if done > 0:
            cancel.set()

    engine = TranslationEngine(tiny_model, cache=cache)
    with pytest.raises(Cancelled):
        engine.translate_texts(sentences, cancel=cancel, on_progress=on_progress)
    assert progress == [(0, 100), (64, 100)]
    assert len(calls(spy)) == 1
    cached = engine.cached(sentences)
    assert sum(result is not None for result in cached) == 64


def test_progress_counts_up_to_the_total(tiny_model: InstalledModel, spy: list[TranslatorSpy]) -> None:
    progress: list[tuple[int, int]] = []
    results = TranslationEngine(tiny_model).translate_texts(
        numbered_sentences(70), on_progress=lambda done, total: progress.append((done, total))
    )
    assert len(results) == 70
    assert progress == [(0, 70), (64, 70), (70, 70)]
    assert [len(call) for call in calls(spy)] == [64, 6]


def test_no_texts_and_empty_texts(tiny_model: InstalledModel, spy: list[TranslatorSpy]) -> None:
    engine = TranslationEngine(tiny_model)
    assert engine.translate_texts([]) == []
    [blank] = engine.translate_texts(["  \n "])
    assert blank.translation == "  \n " and not blank.suspect
    assert calls(spy) == []


def test_glossary_term_ids_are_reported_per_passage(tiny_model: InstalledModel) -> None:
    from reader.glossary import load_glossary

    glossary = load_glossary()
    passages = detect(ESSAY).translated()
    results = TranslationEngine(tiny_model).translate_passages(passages, glossary=glossary)
    expected = [tuple(dict.fromkeys(hit.id for hit in glossary.annotate(p.text))) for p in passages]
    assert [result.terms for result in results] == expected
    assert any(expected), "the essay quotes at least one glossary term (Советам)"


def test_model_loads_once_across_threads(tiny_model: InstalledModel, spy: list[TranslatorSpy]) -> None:
    engine = TranslationEngine(tiny_model)
    results: list[object] = []
    threads = [
        threading.Thread(
            target=lambda i=i: results.append(engine.translate_texts([f"Кадры решают всё {i}."]))
        )
        for i in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4
    assert len(spy) == 1


def test_a_model_ctranslate2_cannot_load_is_bad_input(tiny_model: InstalledModel) -> None:
    (tiny_model.path / "model" / "model.bin").write_bytes(b"not a model")
    with pytest.raises(BadInput) as error:
        TranslationEngine(tiny_model).translate_texts(["Кадры решают всё."])
    assert str(tiny_model.path / "model") in str(error.value) and "\n" not in str(error.value)


def test_a_package_without_a_tokenizer_is_bad_input(tiny_model: InstalledModel) -> None:
    (tiny_model.path / "sentencepiece.model").unlink()
    with pytest.raises(BadInput, match=r"no sentencepiece\.model or bpe\.model"):
        TranslationEngine(tiny_model).translate_texts(["Кадры решают всё."])


def test_for_installed_without_a_model_says_how_to_install() -> None:
    with pytest.raises(MissingResource) as error:
        TranslationEngine.for_installed()
    assert "reader models install" in str(error.value) and ".argosmodel" in str(error.value)


def test_for_installed_uses_the_package_and_the_user_cache(tiny_model: InstalledModel) -> None:
    engine = TranslationEngine.for_installed(beam_size=2)
    try:
        assert engine.model == tiny_model and engine.beam_size == 2
        assert engine.cache is not None and engine.cache.path == paths.translation_cache_file()
        engine.translate_texts(["Кадры решают всё."])
        assert engine.cache.stats().entries == 1
    finally:
        engine.close()
