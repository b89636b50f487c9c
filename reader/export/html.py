"""The HTML edition: one self-contained page that reads well in a browser and prints well.

Inline CSS only: no script, no font, image or stylesheet fetched (a Content-Security-Policy says so
too, should anything slip in). Each paragraph with Russian in it is a two-column block, the essay on the
left and the translations on the right, which becomes one column on a narrow screen and on paper.
Glossary terms link to numbered notes at the end; the model and the data credits close the page.
"""

from __future__ import annotations

from reader.export import markup
from reader.export.credits import credits, translation_line
from reader.export.edition import Edition
from reader.export.markup import escape

STYLE = """
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5a5a66; --rule: #c9d2e3; --mark: #fff2cc; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 70rem; padding: 2rem 1.5rem 4rem; color: var(--ink); background: #fff;
  font: 1.06rem/1.62 Charter, "Bitstream Charter", Georgia, "Times New Roman", serif; }
header { border-bottom: 2px solid var(--ink); margin-bottom: 1.5rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .3rem; }
.byline { color: var(--muted); margin: 0 0 .6rem; }
.about { color: var(--muted); font-size: .9rem; margin: 0 0 1rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .8rem; border-bottom: 1px solid var(--rule); }
p { margin: 0 0 1rem; overflow-wrap: break-word; }
.asides, dd { overflow-wrap: anywhere; }
.pair { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.75rem; margin: 0 0 1rem; }
.pair > .text { margin: 0; }
.asides { border-left: 3px solid var(--rule); padding-left: 1rem; font-size: .95rem; }
.aside + .aside { margin-top: .7rem; }
.aside p { margin: 0 0 .3rem; }
.ru { background: var(--mark); border-radius: 2px; }
.pn { font: bold .75rem/1 system-ui, sans-serif; color: var(--muted); }
.translation { font-style: italic; }
.translit { font-style: italic; color: var(--muted); }
.untranslated, .suspect { font-size: .85rem; color: #8a4b00; }
.glosses { margin: .2rem 0 0; padding-left: 1.1rem; font-size: .9rem; }
a.term { color: inherit; text-decoration: underline dotted #6b7db3; text-underline-offset: .18em; }
a.term:hover { background: #e8eefc; }
dl { margin: 0; }
dt { font-weight: bold; margin-top: 1rem; }
dd { margin: .2rem 0 0 1.2rem; }
dd p { margin: 0 0 .3rem; }
.gloss { font-style: italic; }
.period, .sources { color: var(--muted); font-size: .9rem; }
footer { margin-top: 3rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .88rem; }
@media (max-width: 48rem) {
  body { padding: 1rem; }
  .pair { grid-template-columns: 1fr; gap: .5rem; }
  .asides { border-left: 0; border-top: 1px solid var(--rule); padding: .5rem 0 0 .8rem; }
}
@media print {
  @page { margin: 18mm 16mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; line-height: 1.45; }
  .pair { grid-template-columns: 1fr; gap: .25rem; break-inside: avoid; }
  .asides { border-left: 2px solid #999; padding-left: .6rem; }
  .ru { background: none; border-bottom: 1px solid #999; }
  a.term { text-decoration: none; border-bottom: 1px dotted #666; }
  a.term::after { content: "*"; font-size: .7em; vertical-align: super; }
  h2 { break-after: avoid; }
  dt { break-after: avoid; }
  dd { break-inside: avoid; }
  .notes { break-before: page; }
}
"""

#: Nothing may run or load: styles inline, images only from data URLs (there are none).
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def note_href(number: int) -> str:
    return f"#note-{number}"


def render_html(edition: Edition) -> str:
    """The edition as one HTML5 document."""
    meta = edition.meta
    body = "\n".join(markup.block(block, note_href, side_by_side=True) for block in edition.blocks)
    byline = markup.byline(meta.author, meta.year)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<meta http-equiv="Content-Security-Policy" content="{CSP}"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<meta name="generator" content="reader"/>
<title>{escape(meta.title)}</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>{escape(meta.title)}</h1>
{f'<p class="byline">{byline}</p>' if byline else ""}
<p class="about">A bilingual edition made with reader. {escape(translation_line(edition))}</p>
</header>
<main>
{body}
</main>
<section class="notes" id="notes">
<h2>Glossary notes</h2>
{markup.notes(edition.notes)}
</section>
<footer>
<h2>About this edition</h2>
{markup.credit_list(credits(edition))}
</footer>
</body>
</html>
"""
