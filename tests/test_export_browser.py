"""The exported HTML in a real browser: headless Chromium draws it (not blank) and prints it to PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.export_screenshot import ESSAY, chromium, export_html, print_to_pdf, screenshot

pytestmark = pytest.mark.slow


@pytest.fixture
def page(tmp_path: Path) -> Path:
    if chromium() is None:
        pytest.skip("no Chromium on this machine (Debian package `chromium`)")
    target = tmp_path / "edition.html"
    export_html(ESSAY, target)
    return target


def test_chromium_renders_the_exported_page(page: Path, tmp_path: Path) -> None:
    from PIL import Image

    png = tmp_path / "edition.png"
    screenshot(page, png, 1000, 800)
    with Image.open(png) as image:
        assert image.size == (1000, 800)
        gray = image.convert("L")
        low, high = gray.getextrema()
        assert high - low > 128  # dark text on a light page, not a blank or uniform image
        dark = sum(count for value, count in enumerate(gray.histogram()) if value < 100)
        assert dark > 1000  # many pixels of text


def test_chromium_prints_the_page(page: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "edition.pdf"
    print_to_pdf(page, pdf)
    from pypdf import PdfReader

    assert pdf.read_bytes().startswith(b"%PDF-")
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 2  # the essay, then the notes on a page of their own
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Glossary notes" in text and "About this edition" in text
