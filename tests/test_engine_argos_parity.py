"""Our engine gives exactly argostranslate's output for the same package and beam size.

argostranslate's own pipeline runs in a subprocess (it imports stanza and torch, which must not leak
into the test process), with a razdel sentence splitter injected so it runs offline.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from reader import paths
from reader.models.packages import require_ru_en
from reader.translation.engine import TranslationEngine
from tests.support.tiny_argos import install_tiny_package

SENTENCES = [
    "Вся власть Советам!",
    "Кадры решают всё.",
    "История всех существовавших обществ есть история борьбы классов.",
    "Что делать?",
    "Бюрократия стала привилегированной кастой, а рабочие — нет.",
    "Пятилетний план выполнен в четыре года, говорил Сталин в 1933 году.",
    "Привет",
]

ARGOS_SCRIPT = r"""
import json, sys
import ctranslate2
from argostranslate.package import Package
from argostranslate.translate import apply_packaged_translation

class OneSentence:
    # argostranslate's sentencizer interface; the test hands over one sentence at a time.
    def split_sentences(self, text):
        return [text]

package = Package(sys.argv[1])
translator = ctranslate2.Translator(str(package.package_path / "model"), device="cpu", compute_type="auto")
sentences = json.loads(sys.stdin.read())
out = [apply_packaged_translation(package, s, translator, OneSentence(), 1)[0].value for s in sentences]
print(json.dumps(out))
"""


def argostranslate_translations(package_dir: str, sentences: list[str], beam_size: int) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", ARGOS_SCRIPT, package_dir],
        input=json.dumps(sentences),
        capture_output=True,
        text=True,
        env={**os.environ, "ARGOS_BEAM_SIZE": str(beam_size)},
        timeout=300,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize("beam_size", [4, 2])
def test_sentence_translations_equal_argostranslate(beam_size: int) -> None:
    install_tiny_package(paths.argos_packages_dir())
    model = require_ru_en()
    ours = [r.translation for r in TranslationEngine(model, beam_size=beam_size).translate_texts(SENTENCES)]
    theirs = argostranslate_translations(str(model.path), SENTENCES, beam_size)
    assert all(translation.strip() for translation in ours)
    assert ours == theirs
