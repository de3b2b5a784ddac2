"""Text-mode quality on the trafilatura eval pages scraped in other layouts.

``text_quality.py`` gives every method the visible text one block a line.
Other scrapers break each paragraph into several lines.  Tools that dump a
page as text wrap it to a fixed width (``lynx -dump``, ``w3m``,
``html2text``, ``pandoc -t plain``), so every paragraph becomes several lines
that do not end like sentences; here the same visible text is wrapped three
ways:

* ``wrap72+blank``: greedy at 72 columns, a blank line after every block
  (pandoc's and html2text's layout);
* ``wrap78``: greedy at 78 columns, no blank lines between blocks (the hard
  case: a block that fills its last line reads on into the next block);
* ``fmt78``: ``fmt -w 78`` (coreutils), which fills lines to a goal width
  below 78 and balances them rather than filling each to the brim; skipped when
  ``fmt`` is not installed.

And BeautifulSoup's ``get_text("\n", strip=True)`` (scripts and styles
removed first) puts every text node of the page on a line of its own, so a
sentence breaks at each link or bold word (``get_text``; skipped when
``beautifulsoup4`` is not installed: ``pip install -e '.[bench]'``).

Three more layouts are what real converters save, each with its default
options (skipped when not installed; all in the ``bench`` extra):

* ``html2text``: Markdown wrapped at 78 columns, with link addresses inline
  (broken at their hyphens) and list items and tables left unwrapped.  Its
  outputs (and the page text for "keep everything") are rendered to plain
  text before scoring, as ``markdown_quality.py`` does, since the snippets
  are plain text (``render``, here with links that span lines); html2text
  itself writes some accented letters as plain ones, so even keeping
  everything misses some snippets;
* ``inscriptis``: text laid out as a browser would (tables as columns of
  spaces, indented lists);
* ``html-text``: Zyte's ``extract_text``, a block a line with its own spacing.

    python benchmarks/layout_quality.py [--limit N] [--only NAMES]

Scoring is the same as text_quality.py's: snippets are matched after
whitespace normalisation, so a snippet that spans a line break still counts.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import textwrap
import time

from common import Score, load_cases
from text_quality import c4_lines, cleaner_decode, make_justext

import cleaner
from cleaner.html import visible_text


def greedy(width: int, blank_lines: bool):
    def wrap(text: str) -> str:
        out = []
        for block in text.split("\n"):
            out.extend(textwrap.wrap(block, width, break_on_hyphens=False, break_long_words=False) or [""])
            if blank_lines:
                out.append("")
        return "\n".join(out)

    return wrap


def fmt(width: int):
    if shutil.which("fmt") is None:
        return None

    def wrap(text: str) -> str:
        # A blank line after each block, so that fmt fills each block alone.
        return subprocess.run(["fmt", "-w", str(width)], input="\n\n".join(text.split("\n")),
                              capture_output=True, text=True, check=True).stdout

    return wrap


def soup_text(html: bytes) -> str:
    import warnings

    from bs4 import BeautifulSoup

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # XMLParsedAsHTMLWarning on XHTML pages
        soup = BeautifulSoup(cleaner_decode(html), "lxml")
    for element in soup(["script", "style", "noscript", "template"]):
        element.decompose()
    return soup.get_text("\n", strip=True)


def has_bs4() -> bool:
    return has("bs4")


def has(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


# As markdown_quality.render, but a link or an image may span lines (html2text wraps them).
WRAPPED_IMAGE = re.compile(r"!\[([^\]]{0,300})\]\([^)]{0,2000}\)")
WRAPPED_LINK = re.compile(r"\[([^\]]{0,500})\]\([^)]{0,2000}\)")
MARKS = re.compile(r"^#{1,6} |\*\*|__|^\s*[*+-] ", re.MULTILINE)


def render(markdown: str) -> str:
    """Markdown as a reader sees it: link text without its target, no images, no marks."""
    return MARKS.sub("", WRAPPED_LINK.sub(r"\1", WRAPPED_IMAGE.sub("", markdown)))


def html2text_markdown(html: str) -> str:
    import html2text

    return html2text.HTML2Text().handle(html)


def inscriptis_text(html: str) -> str:
    from inscriptis import get_text

    return get_text(html)


def html_text_text(html: str) -> str:
    import html_text

    return html_text.extract_text(html)


# Real converters: layout name -> (module, convert, render before scoring).
CONVERTERS = {
    "html2text": ("html2text", html2text_markdown, True),
    "inscriptis": ("inscriptis", inscriptis_text, False),
    "html-text": ("html_text", html_text_text, False),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--only", default="", help="comma-separated method names")
    args = ap.parse_args()

    cases = load_cases(args.limit)
    pages = [(visible_text(cleaner_decode(html)), record) for _url, record, html in cases]
    soups = [(soup_text(html), record) for _url, record, html in cases] if has_bs4() else None
    converted = {name: [(convert(cleaner_decode(html)), record) for _url, record, html in cases]
                 for name, (module, convert, _) in CONVERTERS.items() if has(module)}
    engine = cleaner.Cleaner()
    justext_lines = make_justext()
    methods = {
        "keep everything": lambda t: t,
        "C4 line rules": c4_lines,
        "jusText (lines)": justext_lines,
        "cleaner (text mode)": lambda t: engine.clean(t, format="text").text,
    }
    if args.only:
        methods = {k: v for k, v in methods.items() if k in args.only.split(",")}
    layouts = {"one block a line (text_quality.py)": lambda t: t, "wrap72+blank": greedy(72, True),
               "wrap78": greedy(78, False), "fmt78": fmt(78), "get_text": None if soups is None else "soup"}
    layouts.update({name: name if name in converted else None for name in CONVERTERS})
    print(f"{len(pages)} pages\n")
    print("| layout | method | precision | recall | F1 | MB/s |")
    print("|---|---|---:|---:|---:|---:|")
    for layout, wrap in layouts.items():
        if wrap is None:
            print(f"| {layout} | (not installed: skipped) | | | | |")
            continue
        if wrap == "soup":
            texts = soups
        elif layout in CONVERTERS:
            texts = converted[layout]
        else:
            texts = [(wrap(text), record) for text, record in pages]
        scored = render if layout in CONVERTERS and CONVERTERS[layout][2] else (lambda t: t)
        megabytes = sum(len(t.encode("utf-8")) for t, _ in texts) / 1e6
        for name, method in methods.items():
            score = Score()
            start = time.perf_counter()
            outputs = [method(text) for text, _ in texts]
            seconds = time.perf_counter() - start
            for output, (_, record) in zip(outputs, texts):
                score.add(scored(output), record)
            print(f"| {layout} | {name} | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} "
                  f"| {megabytes / seconds:.1f} |", flush=True)


if __name__ == "__main__":
    main()
