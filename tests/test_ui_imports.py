"""Import hygiene: the core never imports Textual, and the app never imports torch, stanza or
argostranslate.translate (each costs seconds on the path a reader waits on).

Every check runs in a fresh interpreter, because this test process has long since imported everything.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.support.tiny_argos import install_tiny_package

REPO_ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("torch", "stanza", "argostranslate.translate")


def run_python(code: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=dict(os.environ),
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def core_modules() -> list[str]:
    """Every module of reader/ outside reader/ui (``__main__`` runs the CLI on import, so it is left out)."""
    package = REPO_ROOT / "reader"
    names = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package).with_suffix("").parts
        if parts[0] == "ui" or parts[-1] == "__main__" or "__pycache__" in parts:
            continue
        names.append(".".join(("reader", *parts)).removesuffix(".__init__"))
    return names


def test_core_modules_are_found() -> None:
    modules = core_modules()
    assert {"reader.essay.document", "reader.essay.library", "reader.cli", "reader.glossary"} <= set(modules)
    assert not any(name.startswith("reader.ui") for name in modules)


def test_core_never_imports_textual() -> None:
    def check(module: str) -> str | None:
        result = run_python(
            f"import {module}, sys; "
            "bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]; "
            "assert not bad, bad"
        )
        return None if result.returncode == 0 else f"{module}: {result.stderr.strip().splitlines()[-1:]}"

    with ThreadPoolExecutor(max_workers=4) as pool:
        failures = [failure for failure in pool.map(check, core_modules()) if failure]
    assert not failures, "core modules that import textual (or fail to import):\n" + "\n".join(failures)


APP_SCRIPT = """
import asyncio, sys
from pathlib import Path
from reader.ui.app import ReaderApp

HEAVY = {heavy!r}
ESSAY = {essay!r}


async def main() -> None:
    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        print("screen:", type(app.screen).__name__)
        print("heavy at start:", sorted(m for m in HEAVY if m in sys.modules))
        if ESSAY:
            app.open_essay(Path(ESSAY))
            for _ in range(3):
                await pilot.pause()
                await app.workers.wait_for_complete()
            print("screen:", type(app.screen).__name__)
            print("heavy after opening:", sorted(m for m in HEAVY if m in sys.modules))


asyncio.run(main())
"""


def run_app_script(essay: Path | None) -> list[str]:
    script = APP_SCRIPT.format(heavy=HEAVY, essay=str(essay) if essay else "")
    result = run_python(script, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_app_start_imports_no_heavy_module() -> None:
    lines = run_app_script(None)
    assert "screen: LibraryScreen" in lines
    assert "heavy at start: []" in lines


@pytest.mark.slow
def test_opening_an_essay_imports_no_heavy_module() -> None:
    """With a (tiny, real) model installed, opening an essay translates it without the heavy modules."""
    install_tiny_package(Path(os.environ["ARGOS_PACKAGES_DIR"]))
    essay = REPO_ROOT / "corpus" / "socialism-bureaucracy-and-the-market-7.txt"
    lines = run_app_script(essay)
    assert "heavy at start: []" in lines
    assert "screen: ReaderScreen" in lines
    assert "heavy after opening: []" in lines
