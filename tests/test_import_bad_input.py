"""Files ``reader import`` refuses: corrupt, encrypted, scanned, unsafe archives, pages without an article.

Each is one line naming the file, exit status 1, and nothing written to the essays folder.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from reader import paths
from tests.support.cli import run_cli
from tests.support.essay_files import RUSSIAN, epub_bytes, make_docx, make_pdf, unicode_font


def _corrupt_epub(folder: Path) -> Path:
    path = folder / "broken.epub"
    path.write_bytes(b"PK\x03\x04" + random.Random(1).randbytes(2000))
    return path


def _zip_posing_as_epub(folder: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("notes.txt", RUSSIAN[0])
    path = folder / "fake.epub"
    path.write_bytes(buffer.getvalue())
    return path


def _zip_slip_epub(folder: Path) -> Path:
    path = folder / "slip.epub"
    path.write_bytes(epub_bytes([("One", f"<p>{RUSSIAN[0]}</p>")], {"../../evil.xhtml": b"<p>x</p>"}))
    return path


def _zip_bomb_epub(folder: Path) -> Path:
    path = folder / "bomb.epub"
    filler = {"OEBPS/filler.xhtml": b"\0" * (64 * 1024 * 1024)}  # 64 MB, deflated to about 64 KB
    path.write_bytes(epub_bytes([("One", f"<p>{RUSSIAN[0]}</p>")], filler))
    return path


def _too_many_entries_epub(folder: Path) -> Path:
    path = folder / "many.epub"
    extra = {f"OEBPS/x/{i}.txt": b"" for i in range(10_001)}
    path.write_bytes(epub_bytes([("One", f"<p>{RUSSIAN[0]}</p>")], extra))
    return path


def _encrypted_pdf(folder: Path) -> Path:
    import pypdf

    plain = make_pdf(folder)
    writer = pypdf.PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    path = folder / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def _scanned_pdf(folder: Path) -> Path:
    from fpdf import FPDF

    unicode_font()
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 150, style="F")  # a page with marks but no text layer, like a scan
    path = folder / "scan.pdf"
    pdf.output(str(path))
    return path


def _corrupt_pdf(folder: Path) -> Path:
    path = folder / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + random.Random(2).randbytes(3000))
    return path


def _corrupt_docx(folder: Path) -> Path:
    good = make_docx(folder).read_bytes()
    path = folder / "broken.docx"
    path.write_bytes(good[: len(good) // 2])
    return path


def _page_without_article(folder: Path) -> Path:
    path = folder / "empty.html"
    path.write_text(
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav>"
        "<footer>© 2020</footer></body></html>",
        encoding="utf-8",
    )
    return path


def _random_bytes(folder: Path) -> Path:
    path = folder / "noise.txt"
    path.write_bytes(random.Random(3).randbytes(3000))
    return path


def _random_bytes_without_nul(folder: Path) -> Path:
    path = folder / "noise2.txt"
    generator = random.Random(4)
    path.write_bytes(bytes(generator.randrange(1, 256) for _ in range(3000)))
    return path


CASES = {
    "corrupt epub": (_corrupt_epub, "corrupt EPUB"),
    "zip posing as epub": (_zip_posing_as_epub, "not an EPUB"),
    "zip slip": (_zip_slip_epub, "escapes"),
    "zip bomb": (_zip_bomb_epub, "zip bomb"),
    "too many entries": (_too_many_entries_epub, "more than the 10000 allowed"),
    "encrypted pdf": (_encrypted_pdf, "encrypted"),
    "scanned pdf": (_scanned_pdf, "no text layer"),
    "corrupt pdf": (_corrupt_pdf, "PDF"),
    "corrupt docx": (_corrupt_docx, "DOCX"),
    "no main text": (_page_without_article, "no main text"),
    "random bytes": (_random_bytes, "binary"),
    "random bytes without NUL": (_random_bytes_without_nul, "undecodable"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_refused_in_one_line_exit_1_nothing_written(tmp_path: Path, case: str) -> None:
    make, fragment = CASES[case]
    path = make(tmp_path)
    for args in (["import", str(path)], ["import", str(path), "--json"], ["detect", str(path)]):
        result = run_cli(*args)
        assert result.returncode == 1, (args, result.stdout, result.stderr)
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith(f"reader: {path}: ") and fragment in lines[0], lines[0]
        assert not paths.user_essays_dir().exists()


def test_a_malformed_index_is_not_replaced(tmp_path: Path) -> None:
    from tests.support.essay_files import make_html

    essays = paths.user_essays_dir()
    essays.mkdir(parents=True)
    index = essays / "index.yaml"
    index.write_text("mine.txt: [unclosed\n", encoding="utf-8")
    result = run_cli("import", str(make_html(tmp_path)))
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in essays.iterdir()) == ["index.yaml"]
    assert index.read_text(encoding="utf-8") == "mine.txt: [unclosed\n"


def test_a_file_over_the_format_cap_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.errors import BadInput
    from reader.essay.formats import pdf
    from reader.essay.importing import import_essay

    path = make_pdf(tmp_path)
    monkeypatch.setattr(pdf, "MAX_BYTES", 1024)
    with pytest.raises(BadInput, match="too large"):
        import_essay(path)
    assert not paths.user_essays_dir().exists()
