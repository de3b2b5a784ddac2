"""Text-mode quality on the trafilatura eval pages as hard-wrapped scrapes.

``text_quality.py`` gives every method the visible text one block a line.
Many tools that dump a page as text wrap it to a fixed width instead
(``lynx -dump``, ``w3m``, ``html2text``, ``pandoc -t plain``), so every
paragraph becomes several lines that do not end like sentences.  Here the same
visible text is wrapped three ways, and each method cleans it:

* ``wrap72+blank``: greedy at 72 columns, a blank line after every block
  (pandoc's and html2text's layout);
* ``wrap78``: greedy at 78 columns, no blank lines between blocks (the hard
  case: a block that fills its last line reads on into the next block);
* ``fmt78``: ``fmt -w 78`` (coreutils), which fills lines to a goal width
  below 78 and balances them rather than filling each to the brim; skipped when
  ``fmt`` is not installed.

    python benchmarks/wrapped_quality.py [--limit N] [--only NAMES]

Scoring is the same as text_quality.py's: snippets are matched after
whitespace normalisation, so a snippet that spans a line break still counts.
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--only", default="", help="comma-separated method names")
    args = ap.parse_args()

    cases = load_cases(args.limit)
    pages = [(visible_text(cleaner_decode(html)), record) for _url, record, html in cases]
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
               "wrap78": greedy(78, False), "fmt78": fmt(78)}
    print(f"{len(pages)} pages\n")
    print("| layout | method | precision | recall | F1 | MB/s |")
    print("|---|---|---:|---:|---:|---:|")
    for layout, wrap in layouts.items():
        if wrap is None:
            print(f"| {layout} | (fmt not installed: skipped) | | | | |")
            continue
        texts = [(wrap(text), record) for text, record in pages]
        megabytes = sum(len(t.encode("utf-8")) for t, _ in texts) / 1e6
        for name, method in methods.items():
            score = Score()
            start = time.perf_counter()
            outputs = [method(text) for text, _ in texts]
            seconds = time.perf_counter() - start
            for output, (_, record) in zip(outputs, texts):
                score.add(output, record)
            print(f"| {layout} | {name} | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} "
                  f"| {megabytes / seconds:.1f} |", flush=True)


if __name__ == "__main__":
    main()
