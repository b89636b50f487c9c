"""The EPUB edition: an EPUB 3 book written with :mod:`zipfile`, no EPUB library needed.

Layout: ``mimetype`` first and stored (uncompressed, as the OCF container requires),
``META-INF/container.xml`` naming ``OEBPS/content.opf``, whose manifest lists every file and whose
spine reads the essay, the glossary and the page about the edition in that order, plus a navigation
document. Each passage's translation follows its paragraph; glossary terms link into the glossary
chapter. The XHTML comes from :mod:`reader.export.markup`, which escapes every piece of text, so
each document parses as XML whatever the essay holds.
"""

from __future__ import annotations

import hashlib
import io
import time
import uuid
import zipfile

from reader.export import markup
from reader.export.credits import credits, translation_line
from reader.export.edition import Edition
from reader.export.markup import escape

MIMETYPE = "application/epub+zip"
CONTAINER = """<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""
STYLE = """body { font-family: serif; line-height: 1.5; margin: 0 4%; }
h1 { font-size: 1.6em; margin: 1em 0 .2em; } h2 { font-size: 1.3em; }
.byline, .about, .period, .sources { color: #555; }
.ru { font-style: normal; }
.asides { margin: -.4em 0 1em 1.2em; padding-left: .6em; border-left: 2px solid #99a; font-size: .95em; }
.asides p { margin: 0 0 .3em; text-indent: 0; }
.translation, .translit, .gloss { font-style: italic; }
.untranslated, .suspect { font-size: .85em; color: #8a4b00; }
.pn { font-size: .75em; vertical-align: super; }
a.term { color: inherit; text-decoration: underline dotted; }
dt { font-weight: bold; margin-top: .8em; } dd { margin: .2em 0 0 1em; } dd p { margin: 0 0 .3em; }
"""
#: (manifest id, file name, title) of the documents in reading order.
CHAPTERS = (
    ("essay", "essay.xhtml", None),
    ("glossary", "glossary.xhtml", "Glossary notes"),
    ("about", "about.xhtml", "About this edition"),
)


def note_href(number: int) -> str:
    return f"glossary.xhtml#note-{number}"


def _xhtml(title: str, body: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
        'lang="en" xml:lang="en">\n'
        f'<head><meta charset="utf-8"/><title>{escape(title)}</title>'
        '<link rel="stylesheet" type="text/css" href="style.css"/></head>\n'
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _essay(edition: Edition) -> str:
    meta = edition.meta
    byline = markup.byline(meta.author, meta.year)
    head = [f"<h1>{escape(meta.title)}</h1>"]
    if byline:
        head.append(f'<p class="byline">{byline}</p>')
    head.append(f'<p class="about">{escape(translation_line(edition))}</p>')
    blocks = (markup.block(block, note_href, side_by_side=False) for block in edition.blocks)
    return _xhtml(meta.title, "\n".join([*head, *blocks]))


def _glossary(edition: Edition) -> str:
    return _xhtml(
        "Glossary notes",
        f'<section epub:type="glossary"><h2>Glossary notes</h2>{markup.notes(edition.notes)}</section>',
    )


def _about(edition: Edition) -> str:
    return _xhtml("About this edition", f"<h2>About this edition</h2>{markup.credit_list(credits(edition))}")


def _nav(edition: Edition) -> str:
    items = "".join(
        f'<li><a href="{name}">{escape(title or edition.meta.title)}</a></li>' for _, name, title in CHAPTERS
    )
    return _xhtml("Contents", f'<nav epub:type="toc" id="toc"><h2>Contents</h2><ol>{items}</ol></nav>')


def _identifier(edition: Edition) -> str:
    """A stable identifier: the same essay and translations give the same book."""
    digest = hashlib.sha256()
    for block in edition.blocks:
        for run in block.runs:
            digest.update(run.text.encode("utf-8", "surrogatepass"))
        for aside in block.asides:
            digest.update((aside.translation or "").encode("utf-8", "surrogatepass"))
    return f"urn:uuid:{uuid.UUID(bytes=digest.digest()[:16], version=4)}"


def _opf(edition: Edition) -> str:
    meta = edition.meta
    creator = f"<dc:creator>{escape(meta.author)}</dc:creator>" if meta.author else ""
    date = f"<dc:date>{meta.year}</dc:date>" if meta.year else ""
    modified = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    manifest = "".join(
        f'<item id="{item}" href="{name}" media-type="application/xhtml+xml"/>' for item, name, _ in CHAPTERS
    )
    spine = "".join(f'<itemref idref="{item}"/>' for item, _, _ in CHAPTERS)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="en">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">{_identifier(edition)}</dc:identifier>
<dc:title>{escape(meta.title)}</dc:title>{creator}{date}
<dc:language>en</dc:language><dc:language>ru</dc:language>
<dc:description>{escape(translation_line(edition))}</dc:description>
<meta property="dcterms:modified">{modified}</meta>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="style" href="style.css" media-type="text/css"/>
{manifest}
</manifest>
<spine>{spine}</spine>
</package>
"""


def render_epub(edition: Edition) -> bytes:
    """The edition as the bytes of an EPUB 3 file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, zipfile.ZIP_STORED)
        files = {
            "META-INF/container.xml": CONTAINER,
            "OEBPS/content.opf": _opf(edition),
            "OEBPS/nav.xhtml": _nav(edition),
            "OEBPS/style.css": STYLE,
            "OEBPS/essay.xhtml": _essay(edition),
            "OEBPS/glossary.xhtml": _glossary(edition),
            "OEBPS/about.xhtml": _about(edition),
        }
        for name, text in files.items():
            book.writestr(name, text.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
