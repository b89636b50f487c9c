"""Small essays in every format reader imports, made on the spot, each quoting the same Russian passages.

Each maker writes one file and returns its path; ``repeat`` makes the body longer (the benchmark builds
~5 MB files with it). PDFs are made with fpdf2 and a DejaVu font, which the machine's fonts-dejavu package
provides; :func:`unicode_font` finds it.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

TITLE = "Collectivisation and the Village"
AUTHOR = "Anna Smirnova"
YEAR = 2019
RUSSIAN = (
    "Нас загоняют в колхоз силой, а кто не идёт, того объявляют кулаком и выселяют вместе с семьёй.",
    "Что же изменилось в Советском Союзе в послевоенный период, и почему труд перестал быть эффективным?",
)
ENGLISH = (
    "Collectivisation transformed the Soviet countryside between 1929 and 1933. Millions of peasants were "
    "forced into collective farms, and the families called kulaks were deported to distant regions.",
    "Such letters reached the Central Committee by the thousand, and most of them were never answered. The "
    "historian must read them against the official record of the campaign.",
)
_FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/usr/local/share/fonts/DejaVuSans.ttf"),
)


def unicode_font() -> Path:
    """A TrueType font with Cyrillic letters, or the test is skipped (fpdf2 needs one for Russian)."""
    for candidate in _FONT_CANDIDATES:
        if candidate.is_file():
            return candidate
    pytest.skip("no DejaVu Sans font on this machine (Debian package fonts-dejavu-core)")


def sections(repeat: int = 1) -> list[tuple[str, list[str]]]:
    """The essay as (heading, paragraphs) sections: English prose with the Russian passages between."""
    result = []
    for number in range(repeat):
        suffix = f" ({number + 1})" if repeat > 1 else ""
        result.append((f"What the peasants wrote{suffix}", [ENGLISH[0], RUSSIAN[0]]))
        result.append((f"The official view{suffix}", [ENGLISH[1], RUSSIAN[1]]))
    return result


def make_markdown(folder: Path, repeat: int = 1) -> Path:
    lines = [
        "---",
        f"author: {AUTHOR}",
        f"date: {YEAR}-03-14",
        "source: Soviet History Notes",
        "---",
        f"# {TITLE}: the **NEP** and after",
        "",
    ]
    for heading, (english, russian) in sections(repeat):
        lines += [f"## {heading}", "", f"*Note:* {english}", "", f"> {russian}", "", "- first item", ""]
    path = folder / "notes.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def make_html(folder: Path, repeat: int = 1) -> Path:
    body = "".join(
        f"<h2>{heading}</h2><p>{english}</p><blockquote><p>{russian}</p></blockquote>"
        for heading, (english, russian) in sections(repeat)
    )
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | Soviet History Blog</title>
<meta name="author" content="{AUTHOR}">
<meta property="article:published_time" content="{YEAR}-03-14T10:00:00Z">
<script>document.write("<p>SCRIPT RAN</p>"); fetch("http://127.0.0.1:9/track");</script>
<link rel="stylesheet" href="http://127.0.0.1:9/style.css"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul></nav>
<article><h1>{TITLE}</h1>{body}<img src="http://127.0.0.1:9/pixel.gif"></article>
<div class="share"><a href="https://twitter.com/share">Share on Twitter</a></div>
<section id="comments" class="comments"><h3>3 Comments</h3><div class="comment">
<p>Great post! Thanks for writing this, I learned a lot from it.</p></div></section>
<footer><p>Copyright 2019 Soviet History Blog. All rights reserved.</p></footer>
</body></html>"""
    path = folder / "page.html"
    path.write_text(page, encoding="utf-8")
    return path


def epub_bytes(chapters: list[tuple[str, str]], extra: dict[str, bytes] | None = None) -> bytes:
    """An EPUB 3 book of (title, XHTML body) chapters, with a navigation document; ``extra`` adds entries."""
    manifest = "".join(
        f'<item id="c{i}" href="text/ch{i}.xhtml" media-type="application/xhtml+xml"/>'
        for i in range(len(chapters))
    )
    spine = "".join(f'<itemref idref="c{i}"/>' for i in range(len(chapters)))
    nav_links = "".join(
        f'<li><a href="text/ch{i}.xhtml">{title}</a></li>' for i, (title, _) in enumerate(chapters)
    )
    opf = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:x</dc:identifier>
<dc:title>{TITLE}</dc:title><dc:creator>{AUTHOR}</dc:creator><dc:date>{YEAR}-03-14</dc:date>
<dc:language>en</dc:language><dc:publisher>Soviet History Press</dc:publisher></metadata>
<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
{manifest}</manifest>
<spine>{spine}</spine></package>"""
    container = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""
    nav = f"""<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"
xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol>{nav_links}</ol></nav>
</body></html>"""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        zf.writestr("META-INF/container.xml", container, zipfile.ZIP_DEFLATED)
        zf.writestr("OEBPS/content.opf", opf, zipfile.ZIP_DEFLATED)
        zf.writestr("OEBPS/nav.xhtml", nav, zipfile.ZIP_DEFLATED)
        for i, (_title, body) in enumerate(chapters):
            chapter = (
                '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
                f"<head><title>ch{i}</title><style>p {{ margin: 0 }}</style></head><body>{body}</body></html>"
            )
            zf.writestr(f"OEBPS/text/ch{i}.xhtml", chapter, zipfile.ZIP_DEFLATED)
        for name, data in (extra or {}).items():
            zf.writestr(name, data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def make_epub(folder: Path, repeat: int = 1, sections_per_chapter: int = 40) -> Path:
    """A book whose chapters hold up to ``sections_per_chapter`` sections; each chapter's first title
    comes from the navigation document only, the others are headings in the chapter."""
    chapters = []
    all_sections = sections(repeat)
    for first in range(0, len(all_sections), sections_per_chapter):
        group = all_sections[first : first + sections_per_chapter]
        body = "".join(
            (f"<h2>{heading}</h2>" if index else "")
            + f"<p>{english}</p><blockquote><p>{russian}</p></blockquote>"
            for index, (heading, (english, russian)) in enumerate(group)
        )
        chapters.append((group[0][0], body))
    path = folder / "book.epub"
    path.write_bytes(epub_bytes(chapters))
    return path


def make_pdf(folder: Path, repeat: int = 1, compress: bool = True) -> Path:
    from fpdf import FPDF

    font = unicode_font()

    class Essay(FPDF):
        def header(self) -> None:
            self.set_font("Body", size=9)
            self.cell(0, 5, "Journal of Soviet Studies, vol. 12", align="C")
            self.ln(12)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Body", size=9)
            self.cell(0, 5, f"Page {self.page_no()}", align="C")

    pdf = Essay()
    pdf.set_compression(compress)
    pdf.add_font("Body", "", str(font))
    pdf.set_title(TITLE)
    pdf.set_author(AUTHOR)
    import datetime

    pdf.set_creation_date(datetime.datetime(YEAR, 3, 14, tzinfo=datetime.UTC))
    for heading, (english, russian) in sections(repeat):
        pdf.add_page()
        pdf.set_font("Body", size=16)
        pdf.multi_cell(0, 8, heading)
        pdf.ln(4)
        pdf.set_font("Body", size=11)
        # An explicit line break after a hyphen: a word hyphenated at a line end, as typesetters do.
        pdf.multi_cell(0, 6, english + " The policy of collectivi-\nzation was announced in 1929.")
        pdf.ln(6)
        pdf.multi_cell(0, 6, russian)
    path = folder / "article.pdf"
    pdf.output(str(path))
    return path


def make_docx(folder: Path, repeat: int = 1) -> Path:
    import datetime

    import docx

    document = docx.Document()
    document.core_properties.title = TITLE
    document.core_properties.author = AUTHOR
    document.core_properties.created = datetime.datetime(YEAR, 3, 14)
    document.add_heading(TITLE, level=0)
    for heading, (english, russian) in sections(repeat):
        document.add_heading(heading, level=1)
        document.add_paragraph(english)
        document.add_paragraph(russian, style="Quote")
        document.add_paragraph("a point in a list", style="List Bullet")
    path = folder / "paper.docx"
    document.save(str(path))
    return path


def make_latin1_text(folder: Path, repeat: int = 1) -> Path:
    """An English essay in Latin-1 (curly quotes in Windows-1252) quoting Russian in transliteration only:
    a Western code page holds no Cyrillic, so its Russian is the Latin-1 café and à la text itself."""
    paragraph = (
        "The café on the Nevsky served \u201cstrong\u201d coffee \u2014 \u00e0 la russe, as the na\u00efve "
        "visitors said \u2014 to students who argued about the NEP and the kulaks until dawn."
    )
    path = folder / "latin1.txt"
    path.write_bytes((f"{TITLE}\n\n" + "\n\n".join([paragraph] * repeat * 2) + "\n").encode("cp1252"))
    return path


def make_cp1251_text(folder: Path, repeat: int = 1) -> Path:
    """An essay in Windows-1251, the code page of many Russian texts on the web."""
    body = "\n\n".join(f"{english}\n\n{russian}" for _heading, (english, russian) in sections(repeat))
    path = folder / "cyrillic.txt"
    path.write_bytes(f"{TITLE}\n\n{body}\n".encode("cp1251"))
    return path


MAKERS = {
    "markdown": make_markdown,
    "html": make_html,
    "epub": make_epub,
    "pdf": make_pdf,
    "docx": make_docx,
    "text": make_cp1251_text,
}
