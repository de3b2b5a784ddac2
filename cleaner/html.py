"""HTML front end: parse once, segment into visible blocks, classify.

(The classifier part lands with the HTML issue; ``visible_text`` is the
page-as-noisy-scrape view that text-mode benchmarks and HTML reports share.)
"""

from __future__ import annotations

import lxml.html
from lxml import etree

from .segment import visible_blocks

PARSER = None


def parse_html(text: str):
    """Parse ``text`` into an lxml tree; never raises on malformed markup."""
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    data = text.encode("utf-8", errors="replace")
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):
        root = None
    if root is None:
        root = lxml.html.Element("html")
    return root


def visible_text(html: str) -> str:
    """The page's visible text, one block per line (what a naive scraper saves)."""
    return "".join(b.text + "\n" for b in visible_blocks(parse_html(html)))


def clean_html(cleaner, html: str, url=None):
    from .core import Line

    lines = [Line(i + 1, b.text + "\n") for i, b in enumerate(visible_blocks(parse_html(html)))]
    return cleaner.clean_lines(lines, url=url, format="html")
