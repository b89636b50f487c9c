"""Render an exported edition in headless Chromium: ``python tests/browser/export_screenshot.py``.

Exports the bundled essay that quotes Russian (with translations if a ru->en model is installed, else
transliterations and glosses) as HTML, has Chromium draw it, and writes the part of the page where the
first Russian passage sits to ``docs/screenshots/export.png`` (the README shows it). The tests use
:func:`screenshot` too, to check that a real browser renders the page.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
ESSAY = REPO_ROOT / "corpus" / "socialism-bureaucracy-and-the-market-7.txt"
OUTPUT = REPO_ROOT / "docs" / "screenshots" / "export.png"
#: The background of a Russian passage in the exported page's stylesheet (--mark).
MARK = (0xFF, 0xF2, 0xCC)


def chromium() -> str | None:
    """The Chromium binary, if the machine has one."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None


def _browser_args(browser: str, profile: str) -> list[str]:
    return [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        f"--user-data-dir={profile}",
    ]


def screenshot(page: Path, png: Path, width: int = 1200, height: int = 900) -> None:
    """Chromium's rendering of ``page`` at ``width`` x ``height`` CSS pixels, as a PNG."""
    browser = chromium()
    if browser is None:
        raise RuntimeError("no Chromium on this machine (Debian package `chromium`)")
    with tempfile.TemporaryDirectory(prefix="reader-chromium-") as profile:
        subprocess.run(
            [
                *_browser_args(browser, profile),
                f"--screenshot={png}",
                f"--window-size={width},{height}",
                page.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=180,
            stdin=subprocess.DEVNULL,
        )


def print_to_pdf(page: Path, pdf: Path) -> None:
    """Chromium's print of ``page`` (the print stylesheet applies), as a PDF."""
    browser = chromium()
    if browser is None:
        raise RuntimeError("no Chromium on this machine (Debian package `chromium`)")
    with tempfile.TemporaryDirectory(prefix="reader-chromium-") as profile:
        subprocess.run(
            [
                *_browser_args(browser, profile),
                f"--print-to-pdf={pdf}",
                "--no-pdf-header-footer",
                page.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=180,
            stdin=subprocess.DEVNULL,
        )


def export_html(essay: Path, target: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    subprocess.run(
        [sys.executable, "-m", "reader", "export", str(essay), "-o", str(target)],
        check=True,
        env=env,
        timeout=1200,
        stdin=subprocess.DEVNULL,
    )


def first_marked_row(png: Path, share: float = 0.25) -> int | None:
    """The first pixel row where passages in Russian cover ``share`` of the width (a paragraph of
    Russian prose, rather than a quoted title)."""
    from PIL import Image

    with Image.open(png) as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        for y in range(0, height, 2):
            marked = sum(1 for x in range(0, width, 4) if rgb.getpixel((x, y)) == MARK)
            if marked >= share * width / 4:
                return y
    return None


def main() -> int:
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="reader-export-shot-") as work:
        page = Path(work) / "edition.html"
        export_html(ESSAY, page)
        tall = Path(work) / "tall.png"
        screenshot(page, tall, 1200, 5000)
        top = first_marked_row(tall)
        with Image.open(tall) as image:
            start = max((top or 0) - 260, 0)
            OUTPUT.parent.mkdir(parents=True, exist_ok=True)
            image.crop((0, start, 1200, start + 900)).save(OUTPUT, optimize=True)
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
