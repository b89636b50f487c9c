"""An Argos-sized synthetic ru->en package for the translation benchmark, built once and cached.

Same architecture and size as Argos Translate's ru->en model: a Transformer with 6 encoder and 6
decoder layers, width 512, feed-forward 2048, 8 heads, a 32,000-token shared vocabulary, int8
weights. Weights are random (tests/support/tiny_argos.py builds it, with its length control, so
outputs end about where a translation would).

The sentencepiece model is trained on the Russian and English FLORES devtest text plus the bundled
essays. That text supports fewer than 32,000 pieces, so the model's vocabulary is padded to 32,000
with tokens sentencepiece never produces, whose output logit is pushed far down: they cost what
real vocabulary costs (embedding rows, output projection, softmax) but are never emitted.

Built under tests/benchmarks/.cache/ (git-ignored); delete that folder to rebuild.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support.tiny_argos import (
    package_name,
    sentencepiece_vocabulary,
    train_sentencepiece,
    write_metadata,
)

CACHE_DIR = Path(__file__).resolve().parent / ".cache"
REPO_ROOT = Path(__file__).resolve().parent.parent.parent
FLORES_DIR = REPO_ROOT.parent / "shared" / "data" / "flores200-devtest"

VOCABULARY_SIZE = 32_000
LAYERS = (6, 6)
D_MODEL = 512
FFN_DIM = 2048
HEADS = 8
VERSION = "1.0"
#: Bump when the recipe changes, so a stale cached package is rebuilt.
RECIPE = "6"


def training_text() -> list[str]:
    lines: list[str] = []
    for name in ("rus_Cyrl.devtest", "eng_Latn.devtest"):
        lines += (FLORES_DIR / name).read_text(encoding="utf-8").splitlines()
    for essay in sorted((REPO_ROOT / "corpus").glob("*.txt")):
        lines += [
            line for line in essay.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()
        ]
    return lines


def build_argos_sized_package(cache_dir: Path = CACHE_DIR) -> Path:
    """The unzipped package directory (``translate-ru_en-1_0``), built on first call."""
    import numpy as np

    from tests.support import tiny_argos

    root = cache_dir / f"argos-sized-{RECIPE}"
    package_dir = root / package_name("ru", "en", VERSION)
    if (package_dir / "model" / "model.bin").exists():
        return package_dir
    if not FLORES_DIR.is_dir():
        raise SystemExit(f"{FLORES_DIR} is missing: the benchmark needs the FLORES devtest text")
    shutil.rmtree(root, ignore_errors=True)
    staging = root / "staging"
    staging.mkdir(parents=True)
    spm_bytes = train_sentencepiece(training_text(), vocab_size=VOCABULARY_SIZE)
    (staging / "sentencepiece.model").write_bytes(spm_bytes)
    pieces = sentencepiece_vocabulary(spm_bytes)
    padding = [f"<unused{index}>" for index in range(VOCABULARY_SIZE - len(pieces))]
    vocabulary = pieces + padding

    spec = tiny_argos.random_transformer_spec(
        vocabulary,
        num_layers=LAYERS,
        num_heads=HEADS,
        d_model=D_MODEL,
        ffn_dim=FFN_DIM,
        seed=2024,
        length_ratio=0.8,
        eos_slope=20.0,
        residual_scale=0.25,
    )
    bias = np.asarray(spec.decoder.projection.bias)
    bias[len(pieces) :] = -1e4  # padding tokens are never emitted
    spec.decoder.projection.bias = bias
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization="int8")
    (staging / "model").mkdir()
    spec.save(str(staging / "model"))
    write_metadata(staging, from_code="ru", to_code="en", version=VERSION)
    (staging / "README.md").write_text(
        f"Synthetic Argos-sized benchmark model ({len(pieces)} sentencepiece pieces, "
        f"padded to {VOCABULARY_SIZE}). Random weights.\n",
        encoding="utf-8",
    )
    staging.rename(package_dir)
    return package_dir


if __name__ == "__main__":
    print(build_argos_sized_package())
