"""Text-mode quality on the trafilatura eval pages scraped as Markdown.

Scrapers built for LLM pipelines (Firecrawl, Jina Reader, crawl4ai) save a
page as Markdown: the menu becomes lines of links, pictures lines of image
syntax, the article's headings ``#`` lines.  Each page here becomes the
Markdown of the whole page (``markdownify``, MIT, on BeautifulSoup; scripts,
styles and the head left out, as such scrapers do), and each method cleans
that text.

    pip install -e '.[bench]'      # markdownify
    python benchmarks/markdown_quality.py [--limit N]

The snippets are plain text, so every output is rendered to plain text
before scoring (link and image syntax, emphasis and heading marks removed,
by ``render``, which is independent of the cleaner's own Markdown reading).
"""

from __future__ import annotations

import argparse
import re
import sys
import time

from common import Score, load_cases
from text_quality import c4_lines, cleaner_decode, make_justext

import cleaner

IMAGE = re.compile(r"!\[([^\]\n]{0,300})\]\([^)\n]{0,2000}\)")
LINK = re.compile(r"\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
MARKS = re.compile(r"^#{1,6} |\*\*|__")


def render(markdown: str) -> str:
    """Markdown as a reader sees it: link text without its target, no images, no marks."""
    return MARKS.sub("", LINK.sub(r"\1", IMAGE.sub("", markdown)).replace("\n#", "\n"))


INVISIBLE = ("script", "style", "noscript", "template", "svg", "head")


def page_markdown(html: str) -> str:
    """The whole page as Markdown, the way a scraper for LLMs saves it (nothing invisible)."""
    import warnings

    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
    from markdownify import MarkdownConverter

    warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)  # XHTML pages parse fine as HTML
    soup = BeautifulSoup(html, "lxml")
    for tag in soup.find_all(INVISIBLE):
        tag.decompose()
    return MarkdownConverter(heading_style="ATX", bullets="*").convert_soup(soup)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    args = ap.parse_args()
    try:
        import markdownify  # noqa: F401
    except ImportError:
        sys.exit("markdownify is needed for this benchmark: pip install markdownify")

    cases = load_cases(args.limit)
    texts = []
    for url, record, html in cases:
        try:
            texts.append((url, page_markdown(cleaner_decode(html)), record))
        except RecursionError:  # a page nested too deep for BeautifulSoup
            continue
    megabytes = sum(len(t.encode("utf-8")) for _, t, _ in texts) / 1e6
    engine = cleaner.Cleaner()
    methods = {
        "keep everything": lambda t: t,
        "C4 line rules": c4_lines,
        "jusText (lines)": make_justext(),
        "cleaner (text mode)": lambda t: engine.clean(t, format="text").text,
    }
    print(f"{len(texts)} pages as Markdown, {megabytes:.1f} MB\n")
    print("| method | precision | recall | F1 | MB/s |")
    print("|---|---:|---:|---:|---:|")
    for name, method in methods.items():
        score = Score()
        start = time.perf_counter()
        outputs = [method(text) for _, text, _ in texts]
        elapsed = time.perf_counter() - start
        for output, (_, _, record) in zip(outputs, texts):
            score.add(render(output), record)
        speed = "—" if name == "keep everything" else f"{megabytes / elapsed:.1f}"
        print(f"| {name} | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} | {speed} |")


if __name__ == "__main__":
    main()
