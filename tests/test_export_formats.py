"""Essays of every import format, end to end: import -> the library lists it -> detect finds the Russian
passages -> export (HTML, Markdown, EPUB) keeps the essay's words in order. With the tiny real model
installed, the translations `reader translate` gives appear beside their passages in every format."""

from __future__ import annotations

import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest

from reader import paths
from tests.support.cli import run_cli
from tests.support.essay_files import MAKERS, RUSSIAN, make_cp1251_text
from tests.support.tiny_argos import install_tiny_package

WORD = re.compile(r"\w+")
XHTML = "{http://www.w3.org/1999/xhtml}"


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_words_in_order(essay_text: str, exported_text: str) -> None:
    """Every word of the essay occurs in the export, in the essay's order (other words may come between)."""
    wanted = WORD.findall(essay_text.casefold())
    position = 0
    for word in WORD.findall(exported_text.casefold()):
        if position < len(wanted) and word == wanted[position]:
            position += 1
    assert position == len(wanted), f"missing from the export, in order: {wanted[position : position + 8]}"


class _Text(HTMLParser):
    """The text a reader reads: not the stylesheet, nor the numbers pairing passages with asides or
    marking footnotes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("br", "meta", "hr"):
            skipped = tag in ("style", "title") or dict(attrs).get("class") in ("pn", "footnote-ref")
            self.skipping.append(skipped)

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("br", "meta", "hr") and self.skipping:
            self.skipping.pop()

    def handle_data(self, data: str) -> None:
        if not any(self.skipping):
            self.parts.append(data)


def html_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    return " ".join(parser.parts)


def markdown_text(source: str) -> str:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    return html_text(MarkdownIt("commonmark").use(footnote_plugin).render(source))


def epub_documents(book: Path) -> list[ElementTree.Element]:
    """The XHTML documents of the book, in spine order."""
    with zipfile.ZipFile(book) as archive:
        ns = {"opf": "http://www.idpf.org/2007/opf"}
        opf = ElementTree.fromstring(archive.read("OEBPS/content.opf"))
        hrefs = {item.attrib["id"]: item.attrib["href"] for item in opf.iterfind("opf:manifest/opf:item", ns)}
        spine = [ref.attrib["idref"] for ref in opf.iterfind("opf:spine/opf:itemref", ns)]
        return [ElementTree.fromstring(archive.read(f"OEBPS/{hrefs[idref]}")) for idref in spine]


def exported_text(path: Path, fmt: str) -> str:
    if fmt == "html":
        return html_text(path.read_text(encoding="utf-8"))
    if fmt == "md":
        return markdown_text(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(document.itertext()) for document in epub_documents(path))


def export(essay: Path, fmt: str, target: Path) -> dict:
    done = run_cli("export", str(essay), "--format", fmt, "-o", str(target), "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_import_list_detect_then_export_round_trips(tmp_path: Path, kind: str) -> None:
    source = MAKERS[kind](tmp_path)
    imported = run_cli("import", str(source), "--json")
    assert imported.returncode == 0, imported.stderr
    copy = Path(json.loads(imported.stdout)["path"])
    listing = json.loads(run_cli("library", "--json").stdout)
    assert [row for row in listing if row["path"] == str(copy)]
    detected = json.loads(run_cli("detect", str(copy), "--json").stdout)
    russian = [p for p in detected["passages"] if p["lang"] == "ru"]
    assert {p["text"] for p in russian} >= set(RUSSIAN)

    text = copy.read_text(encoding="utf-8")
    for fmt in ("html", "md", "epub"):
        target = tmp_path / "out" / f"{kind}.{fmt}"
        summary = export(copy, fmt, target)
        assert summary["path"] == str(target)
        assert summary["passages"] == len(
            [p for p in detected["passages"] if re.search("[а-яё]", p["text"], re.I)]
        )
        assert summary["translated"] == 0 and summary["model"] is None
        exported = exported_text(target, fmt)
        assert_words_in_order(text, exported)
        for passage in RUSSIAN:
            assert " ".join(passage.split()) in " ".join(exported.split())


@pytest.fixture
def tiny_installed() -> Path:
    return install_tiny_package(paths.argos_packages_dir())


def test_with_a_model_every_format_carries_the_translations(tmp_path: Path, tiny_installed: Path) -> None:
    essay = make_cp1251_text(tmp_path)
    # Translates now (progress on stderr), and fills the cache.
    done = run_cli("export", str(essay), "-o", str(tmp_path / "edition.html"), "--json")
    assert done.returncode == 0, done.stderr
    first = json.loads(done.stdout)
    assert re.search(r"^reader: translating \d+/\d+ passages$", done.stderr, re.M)
    translated = json.loads(run_cli("translate", str(essay), "--json").stdout)  # from that cache
    passages = translated["passages"]
    assert first["translated"] == len(passages) == first["passages"] >= 2
    assert first["model"] == {"name": "Russian → English", **translated["model"]}

    # HTML: each translation in the aside of its passage, beside the paragraph that holds it.
    page = (tmp_path / "edition.html").read_text(encoding="utf-8")
    pairs = re.findall(r'<div class="pair">(.*?)</aside></div>', page, re.S)
    assert len(pairs) == len(passages)
    for pair, passage in zip(pairs, passages, strict=True):
        source, aside = pair.split('<aside class="asides">')
        assert flat(passage["text"]) in flat(html_text(source))
        [translation] = re.findall(r'<p class="translation" lang="en">(.*?)</p>', aside, re.S)
        assert flat(html_text(translation)) == flat(passage["translation"])
        assert ('class="suspect"' in aside) == passage["suspect"]
    assert "translate-ru_en, version 1.0" in page

    # Markdown: the translation as a block quote after its paragraph.
    export(essay, "md", tmp_path / "edition.md")
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").render((tmp_path / "edition.md").read_text(encoding="utf-8"))
    quotes = re.findall(r"<blockquote>\s*<p>(.*?)</p>", rendered, re.S)  # its first paragraph
    assert [flat(html_text(quote)) for quote in quotes] == [flat(p["translation"]) for p in passages]

    # EPUB: the translation in the aside after its paragraph.
    export(essay, "epub", tmp_path / "edition.epub")
    essay_doc = epub_documents(tmp_path / "edition.epub")[0]
    assert "translate-ru_en, version 1.0" in " ".join(essay_doc.itertext())
    found = [
        flat("".join(element.itertext()))
        for element in essay_doc.iter(f"{XHTML}p")
        if element.attrib.get("class") == "translation"
    ]
    assert found == [flat(passage["translation"]) for passage in passages]


def test_no_translate_gives_transliterations_even_with_a_model(tmp_path: Path, tiny_installed: Path) -> None:
    essay = make_cp1251_text(tmp_path)
    done = run_cli("export", str(essay), "-o", str(tmp_path / "e.html"), "--no-translate", "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["translated"] == 0 and summary["model"] is None and summary["passages"] >= 2
    assert done.stderr == ""  # nothing translated, no progress
    page = (tmp_path / "e.html").read_text(encoding="utf-8")
    assert page.count('class="translit"') == summary["passages"] and 'class="translation"' not in page
