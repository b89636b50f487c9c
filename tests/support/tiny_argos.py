"""Build a tiny but REAL Argos Translate package, so tests run the real code path without a real model.

The package holds everything argostranslate expects (``metadata.json``, a CTranslate2 ``model/`` and a
``sentencepiece.model``): a sentencepiece model trained on the few lines below, and a Transformer
with small random weights (fixed seed) whose vocabulary is the sentencepiece vocabulary. It
translates nonsense, deterministically, through exactly the code that would run a real model.

Building takes a second or two, so :func:`build_tiny_package` caches its result per process (keyed
by its arguments) and hands out copies. :func:`build_model_dir` is shared with the benchmark,
which builds an Argos-sized package the same way.
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

#: A few dozen lines of Russian and English, enough for a sentencepiece vocabulary of a few hundred pieces.
TRAINING_LINES: tuple[str, ...] = (
    "Пролетарии всех стран, соединяйтесь!",
    "Вся власть Советам!",
    "Мир хижинам, война дворцам.",
    "Кто не работает, тот не ест.",
    "Кадры решают всё.",
    "Жить стало лучше, жить стало веселее.",
    "Социализм в одной стране.",
    "Диктатура пролетариата есть государство рабочего класса.",
    "Бюрократия стала привилегированной кастой.",
    "Партия большевиков взяла власть в октябре.",
    "Новая экономическая политика началась в двадцать первом году.",
    "Коллективизация сельского хозяйства стоила миллионов жизней.",
    "Пятилетний план выполнен в четыре года.",
    "Рабочие и крестьяне строили новое общество.",
    "Революция, преданная бюрократией.",
    "Советская власть плюс электрификация всей страны.",
    "Земля крестьянам, фабрики рабочим.",
    "Мы наш, мы новый мир построим.",
    "История всех существовавших обществ есть история борьбы классов.",
    "Что делать?",
    "Государство и революция.",
    "Перманентная революция продолжается.",
    "Workers of the world, unite!",
    "All power to the Soviets!",
    "Peace to the huts, war on the palaces.",
    "He who does not work, neither shall he eat.",
    "Cadres decide everything.",
    "Life has become better, life has become more joyous.",
    "Socialism in one country.",
    "The dictatorship of the proletariat is the state of the working class.",
    "The bureaucracy became a privileged caste.",
    "The Bolshevik party took power in October.",
    "The New Economic Policy began in nineteen twenty one.",
    "The collectivisation of agriculture cost millions of lives.",
    "The five year plan was fulfilled in four years.",
    "Workers and peasants built a new society.",
    "The revolution betrayed by the bureaucracy.",
    "Soviet power plus the electrification of the whole country.",
    "Land to the peasants, factories to the workers.",
    "We will build our new world.",
    "The history of all hitherto existing society is the history of class struggles.",
    "What is to be done?",
    "The state and revolution.",
    "The permanent revolution goes on.",
)

_LANGUAGE_NAMES = {"ru": "Russian", "en": "English", "uk": "Ukrainian", "de": "German", "fr": "French"}

_BUILT: dict[tuple[object, ...], Path] = {}
_BUILD_ROOT: Path | None = None


def train_sentencepiece(lines: Iterable[str], vocab_size: int, **options: object) -> bytes:
    """A sentencepiece model (serialized) trained on ``lines``. ``hard_vocab_limit`` is off, so a
    small text yields as many pieces as it supports up to ``vocab_size``."""
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(list(lines)),
        model_writer=model,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        minloglevel=2,
        **options,
    )
    return model.getvalue()


def sentencepiece_vocabulary(model_bytes: bytes) -> list[str]:
    """The pieces of a serialized sentencepiece model, by id (``<unk>``, ``<s>``, ``</s>`` first)."""
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=model_bytes)
    return [processor.id_to_piece(index) for index in range(processor.get_piece_size())]


#: Residual dimensions the random Transformer keeps for its length control (see random_transformer_spec).
_RAMP, _TARGET_LENGTH, _SOURCE_LENGTH = 0, 1, 2
#: Rows of the position encoding table (OpenNMT-py checkpoints, which Argos models come from, store 5000).
_MAX_POSITIONS = 1024


def _position_encodings(d_model: int) -> np.ndarray:
    """OpenNMT-py's sinusoidal table, except three dimensions: a ramp (position / 10) and two zeros."""
    positions = np.arange(_MAX_POSITIONS, dtype=np.float64)[:, None]
    rates = np.exp(np.arange(0, d_model, 2) * (-np.log(10000.0) / d_model))
    table = np.zeros((_MAX_POSITIONS, d_model))
    table[:, 0::2] = np.sin(positions * rates)
    table[:, 1::2] = np.cos(positions * rates)
    table[:, _RAMP] = positions[:, 0] / 10.0
    table[:, [_TARGET_LENGTH, _SOURCE_LENGTH]] = 0.0
    return table.astype(np.float32)


def random_transformer_spec(
    vocabulary: Sequence[str],
    *,
    num_layers: tuple[int, int],
    num_heads: int,
    d_model: int,
    ffn_dim: int,
    seed: int,
    length_ratio: float,
    eos_slope: float,
    residual_scale: float = 1.0,
):  # -> ctranslate2.specs.TransformerSpec
    """A pre-norm Transformer spec of random weights (fixed seed) that still ends its outputs sensibly.

    Random weights alone never choose ``</s>`` (or always do). So one head of the first decoder
    layer attends uniformly to the target so far and one cross-attention head uniformly to the source,
    each averaging the ramp dimension of the position encodings: their outputs, kept in two residual
    dimensions nothing else writes to, grow with the target and source lengths. The ``</s>`` logit is
    their scaled difference: very unlikely early, certain once the output is about ``length_ratio``
    times the source length. Everything else is noise. ``residual_scale`` shrinks what each layer adds
    to the residual stream, so that in a deep stack the length signals are not drowned.
    """
    from ctranslate2.specs import TransformerSpec

    rng = np.random.default_rng(seed)
    vocab_size = len(vocabulary)
    head_dim = d_model // num_heads
    reserved = [_RAMP, _TARGET_LENGTH, _SOURCE_LENGTH]
    spec = TransformerSpec.from_config(num_layers, num_heads)

    def normal(*shape: int, scale: float) -> np.ndarray:
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    def fill(layer: Any, out_features: int, in_features: int, *, keep_clean: bool = False) -> None:
        """Random weights; ``keep_clean`` zeroes the rows that write to the reserved residual dimensions."""
        layer.weight = normal(out_features, in_features, scale=1.0 / np.sqrt(in_features))
        layer.bias = normal(out_features, scale=0.02)
        if keep_clean:
            layer.weight *= residual_scale  # deep stacks: keep the residual stream near unit scale
            layer.weight[reserved] = 0.0
            layer.bias[reserved] = 0.0

    def fill_norm(norm: Any) -> None:
        norm.gamma = np.ones(d_model, dtype=np.float32)
        norm.beta = np.zeros(d_model, dtype=np.float32)

    def fill_attention(attention: Any, self_attention: bool) -> None:
        fill_norm(attention.layer_norm)
        linears = attention.linear
        if self_attention:
            fill(linears[0], 3 * d_model, d_model)
            fill(linears[1], d_model, d_model, keep_clean=True)
        else:
            fill(linears[0], d_model, d_model)
            fill(linears[1], 2 * d_model, d_model)
            fill(linears[2], d_model, d_model, keep_clean=True)

    def uniform_head_reading_ramp(query: Any, values: Any, value_offset: int, output: Any, into: int) -> None:
        """Head 0 attends uniformly (zero queries) and carries the ramp into residual dimension ``into``."""
        query.weight[:head_dim] = 0.0
        query.bias[:head_dim] = 0.0
        values.weight[value_offset : value_offset + head_dim] = 0.0
        values.bias[value_offset : value_offset + head_dim] = 0.0
        values.weight[value_offset, _RAMP] = 1.0
        output.weight[into] = 0.0
        output.weight[into, 0] = 1.0
        output.bias[into] = 0.0

    def fill_ffn(ffn: Any) -> None:
        fill_norm(ffn.layer_norm)
        fill(ffn.linear_0, ffn_dim, d_model)
        fill(ffn.linear_1, d_model, ffn_dim, keep_clean=True)

    def embeddings() -> np.ndarray:
        weight = normal(vocab_size, d_model, scale=1.0 / np.sqrt(d_model))
        weight[:, reserved] = 0.0
        return weight

    for source_embeddings in spec.encoder.embeddings:
        source_embeddings.weight = embeddings()
    spec.encoder.position_encodings.encodings = _position_encodings(d_model)
    for layer in spec.encoder.layer:
        fill_attention(layer.self_attention, True)
        fill_ffn(layer.ffn)
    fill_norm(spec.encoder.layer_norm)

    spec.decoder.embeddings.weight = embeddings()
    spec.decoder.position_encodings.encodings = _position_encodings(d_model)
    for layer in spec.decoder.layer:
        fill_attention(layer.self_attention, True)
        fill_attention(layer.attention, False)
        fill_ffn(layer.ffn)
    first = spec.decoder.layer[0]
    qkv = first.self_attention.linear[0]
    uniform_head_reading_ramp(qkv, qkv, 2 * d_model, first.self_attention.linear[1], _TARGET_LENGTH)
    cross = first.attention.linear
    uniform_head_reading_ramp(cross[0], cross[1], d_model, cross[2], _SOURCE_LENGTH)
    fill_norm(spec.decoder.layer_norm)

    projection = normal(vocab_size, d_model, scale=3.0 / np.sqrt(d_model))
    eos = vocabulary.index("</s>")
    projection[eos] = 0.0
    projection[eos, _TARGET_LENGTH] = eos_slope
    projection[eos, _SOURCE_LENGTH] = -eos_slope * length_ratio
    spec.decoder.projection.weight = projection
    spec.decoder.projection.bias = np.zeros(vocab_size, dtype=np.float32)
    return spec


def build_model_dir(
    model_dir: Path,
    vocabulary: Sequence[str],
    *,
    num_layers: tuple[int, int] = (1, 1),
    num_heads: int = 2,
    d_model: int = 32,
    ffn_dim: int = 64,
    seed: int = 0,
    length_ratio: float = 1.0,
    eos_slope: float = 20.0,
    quantization: str | None = None,
) -> Path:
    """Write a CTranslate2 Transformer model (model.bin, config.json, shared_vocabulary.json) to
    ``model_dir``, the way ``ct2-opennmt-py-converter`` would: validate, optimize, save."""
    spec = random_transformer_spec(
        vocabulary,
        num_layers=num_layers,
        num_heads=num_heads,
        d_model=d_model,
        ffn_dim=ffn_dim,
        seed=seed,
        length_ratio=length_ratio,
        eos_slope=eos_slope,
    )
    spec.register_source_vocabulary(list(vocabulary))
    spec.register_target_vocabulary(list(vocabulary))
    spec.validate()
    spec.optimize(quantization=quantization)
    model_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(model_dir))
    return model_dir


def package_name(from_code: str, to_code: str, version: str) -> str:
    """The directory name argospm uses for a package, e.g. ``translate-ru_en-1_0``."""
    return f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"


def write_metadata(package_dir: Path, *, from_code: str, to_code: str, version: str, **extra: object) -> None:
    metadata = {
        "package_version": version,
        "argos_version": "1.9",
        "from_code": from_code,
        "from_name": _LANGUAGE_NAMES.get(from_code, from_code),
        "to_code": to_code,
        "to_name": _LANGUAGE_NAMES.get(to_code, to_code),
        "type": "translate",
        "links": [],
        **extra,
    }
    (package_dir / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")


def zip_package(package_dir: Path, archive: Path) -> Path:
    """Zip ``package_dir`` as an ``.argosmodel``: one top-level folder named like the package."""
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(package_dir.rglob("*")):
            arcname = Path(package_dir.name) / path.relative_to(package_dir)
            if path.is_dir():
                zipped.writestr(arcname.as_posix() + "/", "")
            else:
                zipped.write(path, arcname.as_posix())
    return archive


def _build(root: Path, from_code: str, to_code: str, version: str) -> Path:
    """The package directory ``root/<name>`` (unzipped)."""
    package_dir = root / package_name(from_code, to_code, version)
    package_dir.mkdir(parents=True)
    spm_bytes = train_sentencepiece(TRAINING_LINES, vocab_size=300)
    (package_dir / "sentencepiece.model").write_bytes(spm_bytes)
    build_model_dir(package_dir / "model", sentencepiece_vocabulary(spm_bytes), seed=1234)
    write_metadata(package_dir, from_code=from_code, to_code=to_code, version=version)
    (package_dir / "README.md").write_text(
        "A tiny random Transformer for tests. It translates nonsense.\n", encoding="utf-8"
    )
    return package_dir


def build_tiny_package(
    dest_dir: Path, *, from_code: str = "ru", to_code: str = "en", version: str = "1.0", zipped: bool = True
) -> Path:
    """A real Argos package in ``dest_dir``: ``<name>.argosmodel`` if ``zipped``, else the ``<name>/``
    folder (ready to copy into ``ARGOS_PACKAGES_DIR``). Returns the path of what it made.

    The first build for given codes and version is cached for the rest of the process; later calls copy it.
    """
    global _BUILD_ROOT
    key = (from_code, to_code, version)
    if key not in _BUILT:
        if _BUILD_ROOT is None:
            _BUILD_ROOT = Path(tempfile.mkdtemp(prefix="reader-tiny-argos-"))
        built = _build(_BUILD_ROOT / f"{len(_BUILT)}", from_code, to_code, version)
        zip_package(built, built.parent / f"{built.name}.argosmodel")
        _BUILT[key] = built
    built = _BUILT[key]
    dest_dir.mkdir(parents=True, exist_ok=True)
    if zipped:
        archive = dest_dir / f"{built.name}.argosmodel"
        shutil.copyfile(built.parent / f"{built.name}.argosmodel", archive)
        return archive
    target = dest_dir / built.name
    shutil.copytree(built, target)
    return target


def install_tiny_package(packages_dir: Path, **kwargs: str) -> Path:
    """Copy the tiny package, unzipped, into an Argos packages directory; returns its folder."""
    return build_tiny_package(packages_dir, zipped=False, **kwargs)
