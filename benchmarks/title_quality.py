"""Does text mode keep the headline?  Measured on the eval pages as noisy scrapes.

The snippets of the eval set seldom test the headline, so this benchmark
finds it from the page itself: a page's headline is its ``<h1>`` when the
page's ``<title>`` (or ``og:title``) agrees with it (at least 80 % of the
h1's words are in the title, and the h1 holds at least 60 % of the title's
words: a blog whose h1 is the blog's name does not count).  The headline's
line is the line of the visible text that reads the same (words, case-folded).
A method keeps the headline when that line, or a copy of it, is in its output.

    python benchmarks/title_quality.py [--limit N]

Also counted, for cleaner: pages whose title (``context.title``) is another line,
or the headline and another (its dek).  "(text, url)" is given the page's URL,
whose slug may spell the headline.
"""

from __future__ import annotations

import argparse
import re

from common import load_cases
from text_quality import c4_lines, cleaner_decode, make_justext

import cleaner
from cleaner.html import visible_text

WORD_RE = re.compile(r"\w+")
H1_IN_TITLE = 0.8  # share of the h1's words that the title holds
TITLE_IN_H1 = 0.6  # share of the title's words that the h1 holds


def words(text: str) -> list:
    return WORD_RE.findall(text.lower())


def headline(html: str):
    """The page's headline (its words joined), or None when the page does not say."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    titles = [words(t.text_content()) for t in tree.xpath("//title")]
    titles += [words(t) for t in tree.xpath('//meta[@property="og:title"]/@content')]
    title_words = {w for t in titles for w in t}
    for h1 in tree.xpath("//h1"):
        h1_words = words(h1.text_content())
        if len(h1_words) < 2 or not title_words:
            continue
        if sum(w in title_words for w in h1_words) / len(h1_words) < H1_IN_TITLE:
            continue
        held = set(h1_words)
        if max(sum(w in held for w in t) / max(1, len(t)) for t in titles) < TITLE_IN_H1:
            continue
        return " ".join(h1_words)
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    args = ap.parse_args()
    pages = []
    for url, _record, data in load_cases(args.limit):
        html = cleaner_decode(data)
        key = headline(html)
        if key is None:
            continue
        text = visible_text(html)
        lines = text.splitlines()
        if any(" ".join(words(l)) == key for l in lines):
            pages.append((text, key, url, html))
    engine = cleaner.Cleaner()
    justext = make_justext()
    methods = {
        "keep everything": lambda t, u: t,
        "C4 line rules": lambda t, u: c4_lines(t),
        "jusText (lines)": lambda t, u: justext(t),
        "cleaner (text mode)": lambda t, u: engine.clean(t, format="text").text,
        "cleaner (text, url)": lambda t, u: engine.clean(t, format="text", url=u).text,
        "cleaner (HTML mode, on the page)": None,
    }
    print(f"{len(pages)} pages whose <h1> and <title> agree on the headline\n")
    print("| method | headline kept | share |")
    print("|---|---:|---:|")
    for name, method in methods.items():
        if method is None:  # HTML mode cleans the page, whose blocks are the visible text's lines
            outputs = [engine.clean(html, format="html", url=url).text for _text, _key, url, html in pages]
        else:
            outputs = [method(text, url) for text, _key, url, _html in pages]
        kept = sum(any(" ".join(words(l)) == key for l in output.splitlines())
                   for output, (_text, key, _url, _html) in zip(outputs, pages))
        print(f"| {name} | {kept} | {kept / len(pages):.3f} |")
    for given in (False, True):
        other = 0
        for text, key, url, _html in pages:
            decisions = engine.clean(text, format="text", url=url if given else None).decisions
            other += any(" ".join(words(d.text)) != key for d in decisions if d.rule == "context.title")
        print(f"\ncleaner took another line for the title (too) on {other} pages"
              f"{', given the URL' if given else ''}.")


if __name__ == "__main__":
    main()
