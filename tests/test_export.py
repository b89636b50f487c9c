"""`reader export`: what each format holds, that no essay or glossary text can inject markup, the EPUB's
structure, and bad input (one line, exit 1, nothing written)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest

from reader.essay.library import load_document
from reader.export.prepare import export_essay
from reader.reading.settings import Settings
from tests.support.cli import REPO_ROOT, run_cli

#: Hostile text in English prose, in a Russian passage and (below) in a glossary overlay entry.
ATTACKS = ('<script>alert("essay")</script>', '"><img src=x onerror=alert(1)>', "Tom & Jerry &amp; co")
TITLE = "The Zorkograd Affair </title><script>alert(0)</script> & more"
ESSAY = f"""{TITLE}

An English paragraph: {ATTACKS[0]} then {ATTACKS[1]} and {ATTACKS[2]}. The Zorkograd plant was praised.

Кадры решают всё. <b onclick="x()">Жить стало лучше</b> & веселее.

* not a list item _nor emphasis_ [not a link](http://127.0.0.1:9/) `nor code`
# not a heading
1. not a numbered item
> not a quotation

A control character \x0b here, and the end of the essay.
"""
OVERLAY = """\
- id: zorkograd
  term: Zorkograd
  russian: Зоркоград
  forms: []
  transliterations: [Zorkograd]
  gloss: '<script>alert("gloss")</script> a "><img src=x onerror=alert(2)> town & plant'
  definition: 'A made-up town. <iframe src="http://127.0.0.1:9/"></iframe> Its plant made &lt;nothing&gt;.'
  category: economy
  period: '<style>body{display:none}</style>1930s'
  see_also: []
  sources:
    - author: 'A. <a href="javascript:alert(3)">Writer</a>'
      title: 'A & B <svg onload=alert(4)>'
      year: 2001
"""


@pytest.fixture
def essay(tmp_path: Path) -> Path:
    path = tmp_path / "zorkograd.txt"
    path.write_text(ESSAY, encoding="utf-8")
    return path


@pytest.fixture
def overlay(tmp_path: Path) -> Path:
    folder = tmp_path / "overlay"
    folder.mkdir()
    (folder / "zorkograd.yaml").write_text(OVERLAY, encoding="utf-8")
    return folder


def export(essay: Path, fmt: str, overlay: Path, tmp_path: Path) -> Path:
    target = tmp_path / "out" / f"edition.{fmt}"
    result = export_essay(essay, fmt, output=target, settings=Settings(glossary_dirs=(overlay,)))
    assert result.path == target and target.is_file()
    assert result.terms >= 1  # the overlay's entry is noted
    return target


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(markup: str) -> Elements:
    parser = Elements()
    parser.feed(markup)
    parser.close()
    return parser


def assert_inert(parsed: Elements, *, allowed_hrefs: tuple[str, ...]) -> None:
    """No element that runs or fetches anything, no event handler, links only to the edition's notes."""
    names = {tag for tag, _ in parsed.tags}
    assert not names & {"script", "img", "iframe", "svg", "object", "embed", "link", "b", "base", "form"}
    for tag, attrs in parsed.tags:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        assert "src" not in attrs, (tag, attrs)
        if "href" in attrs:
            assert str(attrs["href"]).startswith(allowed_hrefs), (tag, attrs)
    assert sum(1 for tag, _ in parsed.tags if tag == "style") <= 1  # the edition's own stylesheet only


def test_html_shows_every_attack_as_text_and_runs_nothing(essay: Path, overlay: Path, tmp_path: Path) -> None:
    page = export(essay, "html", overlay, tmp_path).read_text(encoding="utf-8")
    parsed = parse(page)
    assert_inert(parsed, allowed_hrefs=("#note-",))
    text = " ".join("".join(parsed.text).split())
    for attack in (*ATTACKS, TITLE):
        assert attack in text  # shown literally, as the essay has it
    assert '<b onclick="x()">Жить стало лучше2</b> & веселее3.' in text  # numbered: three passages
    assert '<script>alert("gloss")</script>' in text and "<svg onload=alert(4)>" in text
    assert "\x0b" not in page  # no character XML forbids (the EPUB shares these fragments)
    # Self-contained: nothing fetched, one inline stylesheet, a CSP that forbids scripts; prints well.
    assert "default-src 'none'" in page and "@media print" in page
    csp = [attrs for tag, attrs in parsed.tags if tag == "meta" and attrs.get("http-equiv")]
    assert csp and "script-src" not in str(csp[0]["content"])
    # The term links to its note, and the note is there.
    links = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    ids = {attrs["id"] for _, attrs in parsed.tags if attrs.get("id")}
    assert links and all(str(link)[1:] in ids for link in links)


def test_html_without_a_model_gives_transliterations_and_glosses(
    essay: Path, overlay: Path, tmp_path: Path
) -> None:
    page = export(essay, "html", overlay, tmp_path).read_text(encoding="utf-8")
    parsed = parse(page)
    classes = [attrs.get("class") for _, attrs in parsed.tags]
    assert classes.count("pair") == 1  # the paragraph with Russian, side by side with its asides
    assert classes.count("translit") == 3 and "translation" not in classes
    assert "Kadry reshayut vsyo." in page  # the Wikipedia transliteration of the first passage
    assert "No translation model was installed" in page
    assert "OpenRussian.org" in page and "Wiktionary" in page  # the data credits


def test_markdown_escapes_structure_and_html(essay: Path, overlay: Path, tmp_path: Path) -> None:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    source = export(essay, "md", overlay, tmp_path).read_text(encoding="utf-8")
    rendered = MarkdownIt("commonmark").use(footnote_plugin).render(source)  # raw HTML allowed, as GitHub
    parsed = parse(rendered)
    assert_inert(parsed, allowed_hrefs=("#fn", "#fnref"))
    names = [tag for tag, _ in parsed.tags]
    # The essay's would-be list, heading, quotation, link and code stay text: the only list is the
    # edition's own credits and footnotes, the only block quote the passages' asides.
    assert names.count("h1") == 1 and names.count("code") == 0 and names.count("em") >= 1
    assert names.count("blockquote") == 1 and names.count("ol") == 1  # the footnotes
    text = " ".join("".join(parsed.text).split())
    for attack in ATTACKS:
        assert attack in text
    for literal in (
        "* not a list item _nor emphasis_ [not a link](http://127.0.0.1:9/) `nor code`",
        "# not a heading",
        "1. not a numbered item",
        "> not a quotation",
    ):
        assert literal in text
    assert "[^1]" in source and "\n[^1]: **Zorkograd** (Зоркоград)" in source  # the term's note


def test_epub_structure(essay: Path, overlay: Path, tmp_path: Path) -> None:
    book = export(essay, "epub", overlay, tmp_path)
    with zipfile.ZipFile(book) as archive:
        infos = archive.infolist()
        assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/epub+zip" and not infos[0].extra
        container = ElementTree.fromstring(archive.read("META-INF/container.xml"))
        [rootfile] = container.iter("{urn:oasis:names:tc:opendocument:xmlns:container}rootfile")
        opf_path = rootfile.attrib["full-path"]
        base = opf_path.rpartition("/")[0]
        opf = ElementTree.fromstring(archive.read(opf_path))
        ns = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
        assert opf.findtext("opf:metadata/dc:title", namespaces=ns) == TITLE
        assert opf.find("opf:metadata/dc:identifier", ns) is not None
        items = {item.attrib["id"]: item.attrib for item in opf.iterfind("opf:manifest/opf:item", ns)}
        names = set(archive.namelist())
        assert all(f"{base}/{item['href']}" in names for item in items.values())
        assert any("nav" in item.get("properties", "") for item in items.values())
        spine = [ref.attrib["idref"] for ref in opf.iterfind("opf:spine/opf:itemref", ns)]
        assert spine and all(idref in items for idref in spine)
        documents = {}
        for name in names:
            if name.endswith((".xhtml", ".opf", ".xml")):
                documents[name] = ElementTree.fromstring(archive.read(name))  # every one parses as XML
        xhtml = "{http://www.w3.org/1999/xhtml}"
        ids = {
            f"{name.rpartition('/')[2]}#{element.attrib['id']}"
            for name, root in documents.items()
            for element in root.iter()
            if "id" in element.attrib
        }
        essay_doc = documents[f"{base}/essay.xhtml"]
        term_links = [a.attrib["href"] for a in essay_doc.iter(f"{xhtml}a")]
        assert term_links and all(
            link.startswith("glossary.xhtml#note-") and link in ids for link in term_links
        )
        glossary_text = "".join(documents[f"{base}/glossary.xhtml"].itertext())
        assert '<script>alert("gloss")</script>' in glossary_text
        assert not list(essay_doc.iter(f"{xhtml}script")) and not list(essay_doc.iter(f"{xhtml}img"))
        essay_text = "".join(essay_doc.itertext())
        assert all(attack in essay_text for attack in ATTACKS)


def test_json_summary_and_default_name_in_the_current_directory(essay: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "reader", "export", str(essay), "--format", "md", "--json"],
        capture_output=True,
        text=True,
        cwd=work,
        stdin=subprocess.DEVNULL,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data == {
        "path": str(work / "zorkograd.md"),
        "format": "md",
        "passages": 3,
        "translated": 0,
        "terms": data["terms"],
        "model": None,
    }
    assert sorted(path.name for path in work.iterdir()) == ["zorkograd.md"]
    assert (work / "zorkograd.md").stat().st_mode & 0o777 == 0o644


def test_the_format_follows_the_output_name_and_never_overwrites_the_essay(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article><h1>A page</h1><p>Кадры решают всё, said the paper, "
        "and the workers repeated the slogan for years afterwards.</p></article></body></html>",
        encoding="utf-8",
    )
    before = page.read_bytes()
    refused = run_cli("export", str(page), "-o", str(page))
    assert refused.returncode == 1 and refused.stdout == ""
    [line] = refused.stderr.splitlines()
    assert "the essay itself" in line and str(page) in line
    assert page.read_bytes() == before
    # The default name beside the essay would be the essay: it steps aside instead.
    done = run_cli("export", str(page), "-o", str(tmp_path), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["path"] == str(tmp_path / "page.bilingual.html")
    assert page.read_bytes() == before
    book = run_cli("export", str(page), "-o", str(tmp_path / "book.epub"))
    assert book.returncode == 0, book.stderr
    assert zipfile.is_zipfile(tmp_path / "book.epub")


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["{tmp}/missing.txt"], "missing.txt"),
        (["{essay}", "--format", "pdf"], "invalid choice: 'pdf'"),
        (["{essay}", "-o", "{essay}/out.html"], "cannot write the export"),
    ],
    ids=["missing essay", "bad format", "unwritable output"],
)
def test_bad_input_is_one_line_exit_1_and_writes_nothing(
    essay: Path, tmp_path: Path, args: list[str], problem: str
) -> None:
    args = [arg.format(essay=essay, tmp=tmp_path) for arg in args]
    before = sorted(tmp_path.rglob("*"))
    done = run_cli("export", *args)
    assert done.returncode == 1
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith("reader: ") and problem in line
    assert sorted(tmp_path.rglob("*")) == before  # nothing written, not even a temporary file


def test_an_unwritable_folder_leaves_no_partial_file(essay: Path, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "edition.html"
    target.write_text("an earlier edition", encoding="utf-8")
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
        done = run_cli("export", str(essay), "-o", str(target))
        assert done.returncode == 1 and "cannot write the export" in done.stderr
        assert target.read_text(encoding="utf-8") == "an earlier edition"
        assert sorted(path.name for path in folder.iterdir()) == ["edition.html"]
    finally:
        folder.chmod(0o700)


def test_words_of_the_essay_appear_in_order(essay: Path, overlay: Path, tmp_path: Path) -> None:
    """The HTML keeps every paragraph of the essay, in order (the asides and notes come in between)."""
    from tests.test_export_formats import assert_words_in_order, html_text

    page = export(essay, "html", overlay, tmp_path).read_text(encoding="utf-8")
    assert_words_in_order(load_document(essay).text, html_text(page))
