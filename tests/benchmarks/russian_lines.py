"""Russian sentences for the benchmarks' synthetic essays: a few dense with glossary terms, and FLORES-200's
Russian devtest sentences when ../shared is beside the repository."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FLORES_RU = REPO.parent / "shared" / "data" / "flores200-devtest" / "rus_Cyrl.devtest"
RUSSIAN_QUOTES = [
    "В годы коллективизации колхозов стало больше, а кулаками называли всех, кто сопротивлялся.",
    "Номенклатуру назначали решением Политбюро и Центрального комитета, а ВЧК охраняла власть большевиков.",
    "При новой экономической политике нэпманы торговали открыто, но Госплан уже готовил первую пятилетку.",
    "Перестройка и гласность начались с лозунга ускорения; самиздат читали тайно, а по блату доставали всё.",
]


def russian_lines() -> list[str]:
    """The quotes above, then every non-empty FLORES Russian sentence available."""
    lines = list(RUSSIAN_QUOTES)
    if FLORES_RU.is_file():
        lines += [line for line in FLORES_RU.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines
