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

Six more layouts are what real converters save, each with its default
options (skipped when not installed; the Python ones are in the ``bench``
extra):

* ``html2text``: Markdown wrapped at 78 columns, with link addresses inline
  (broken at their hyphens) and list items and tables left unwrapped.  Its
  outputs (and the page text for "keep everything") are rendered to plain
  text before scoring, as ``markdown_quality.py`` does, since the snippets
  are plain text (``render``, here with links that span lines); html2text
  itself writes some accented letters as plain ones, so even keeping
  everything misses some snippets;
* ``inscriptis``: text laid out as a browser would (tables as columns of
  spaces, indented lists);
* ``html-text``: Zyte's ``extract_text``, a block a line with its own spacing;
* ``pandoc -t plain``: plain text wrapped at 72 columns, a blank line after
  every block, headings and some links left whole (skipped unless ``pandoc``
  is installed);
* ``lynx -dump`` and ``w3m -dump``: the text browsers' dumps of the page's
  bytes, wrapped at about 76 and 80 columns with indented, marked lists
  (lynx numbers every link, "[12]Home", and lists their addresses under
  "References" at the end).  They take a charset from the page, else UTF-8.
  Skipped unless the commands are installed (Debian: ``apt-get install lynx
  w3m``).

    python benchmarks/layout_quality.py [--limit N] [--only METHODS] [--layouts LAYOUTS]

Scoring is the same as text_quality.py's: snippets are matched after
whitespace normalisation, so a snippet that spans a line break still counts.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import tempfile
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


def html2text_markdown(html: bytes) -> str:
    import html2text

    return html2text.HTML2Text().handle(cleaner_decode(html))


def inscriptis_text(html: bytes) -> str:
    from inscriptis import get_text

    return get_text(cleaner_decode(html))


def html_text_text(html: bytes) -> str:
    import html_text

    return html_text.extract_text(cleaner_decode(html))


def run(command: list, data: bytes = None) -> str:
    """The command's output, or "" when it fails (scored as a page that lost everything)."""
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=60, check=True)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.decode("utf-8", "replace")


def dump(command: list):
    """A text browser's dump of the page as saved (its bytes: the browser reads
    the charset), as ``lynx -dump page.html > page.txt`` makes it."""
    def convert(html: bytes) -> str:
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "page.html")
            with open(path, "wb") as f:
                f.write(html)
            return run(command + [path])

    return convert


def pandoc_plain(html: bytes) -> str:
    return run(["pandoc", "-f", "html", "-t", "plain"], cleaner_decode(html).encode("utf-8"))


def has_command(name: str):
    return lambda: shutil.which(name) is not None


def has_module(name: str):
    return lambda: has(name)


# Real converters: layout name -> (is it installed, convert the page's bytes, render before scoring).
# lynx and w3m read a page without a declared charset as UTF-8, and write UTF-8.
CONVERTERS = {
    "html2text": (has_module("html2text"), html2text_markdown, True),
    "inscriptis": (has_module("inscriptis"), inscriptis_text, False),
    "html-text": (has_module("html_text"), html_text_text, False),
    "lynx -dump": (has_command("lynx"), dump(["lynx", "-dump", "-force_html", "-assume_charset=utf-8",
                                              "-display_charset=utf-8"]), False),
    "w3m -dump": (has_command("w3m"), dump(["w3m", "-dump", "-T", "text/html", "-O", "UTF-8"]), False),
    "pandoc -t plain": (has_command("pandoc"), pandoc_plain, False),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--only", default="", help="comma-separated method names")
    ap.add_argument("--layouts", default="", help="comma-separated layout names (default: all)")
    args = ap.parse_args()
    wanted = set(args.layouts.split(",")) if args.layouts else None

    cases = load_cases(args.limit)
    pages = [(visible_text(cleaner_decode(html)), record) for _url, record, html in cases]

    def chosen(layout: str) -> bool:
        return wanted is None or layout in wanted

    soups = [(soup_text(html), record) for _url, record, html in cases] if has_bs4() and chosen("get_text") else None
    converted = {name: [(convert(html), record) for _url, record, html in cases]
                 for name, (installed, convert, _) in CONVERTERS.items() if chosen(name) and installed()}
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
    layouts = {name: wrap for name, wrap in layouts.items() if chosen(name)}
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
