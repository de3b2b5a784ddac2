"""HTML quality and speed: cleaner against the libraries it builds on.

All methods run in one process over the same pages (the trafilatura eval
set), interleaved page by page, each call timed on its own:

- cleaner (HTML mode: our blocks + trafilatura and readability as evidence),
  by default, with ``stable=False`` (no re-clean of the body as text) and
  with ``favor_recall``
- trafilatura default, favor_precision and favor_recall (deduplicate=False)
- trafilatura's default output cleaned again by cleaner in text mode (a
  pipeline that extracts first and cleans the text after), by default and
  with ``favor_recall``
- readability-lxml (``Document.summary()``, text of the result)
- jusText (English+German+French+Spanish+Italian stoplists merged)

    python benchmarks/html_quality.py [--limit N] [--only NAME,...] [--repeat K]

Scores: snippet precision, recall and F1 (see common.py); speed in pages/s
on one core, including decoding and parsing for every method.
"""

from __future__ import annotations

import argparse
import time

from common import Score, load_cases

import cleaner
from cleaner.decode import decode_bytes


def run_trafilatura(**kwargs):
    import trafilatura

    def run(html: bytes, url: str) -> str:
        return trafilatura.extract(html, url=url, deduplicate=False, **kwargs) or ""

    return run


def then_text_mode(extract, engine):
    """``extract``, then its text cleaned by ``engine`` in text mode."""
    def run(html: bytes, url: str) -> str:
        return engine.clean(extract(html, url), format="text", url=url).text

    return run


def run_readability(html: bytes, url: str) -> str:
    import lxml.html
    from readability import Document

    try:
        summary = Document(decode_bytes(html)[0]).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content() if summary else ""
    except Exception:  # noqa: BLE001 - a failure scores as empty output
        return ""


def make_justext():
    import justext

    stoplist = frozenset().union(
        *(justext.get_stoplist(n) for n in ("English", "German", "French", "Spanish", "Italian"))
    )

    def run(html: bytes, url: str) -> str:
        try:
            paragraphs = justext.justext(html, stoplist)
        except Exception:  # noqa: BLE001
            return ""
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--only", default="", help="comma-separated method names")
    ap.add_argument("--repeat", type=int, default=1, help="timing repetitions (best is kept)")
    args = ap.parse_args()
    cases = load_cases(args.limit)
    engine = cleaner.Cleaner()
    unstable = engine.with_options(stable=False)
    recall = engine.with_options(favor_recall=True)
    methods = {
        "cleaner": lambda html, url: engine.clean(html, format="html", url=url).text,
        "cleaner (stable=False)": lambda html, url: unstable.clean(html, format="html", url=url).text,
        "cleaner (favor_recall)": lambda html, url: recall.clean(html, format="html", url=url).text,
        "trafilatura (default)": run_trafilatura(),
        "trafilatura (favor_precision)": run_trafilatura(favor_precision=True),
        "trafilatura (favor_recall)": run_trafilatura(favor_recall=True),
        "trafilatura then cleaner (text mode)": then_text_mode(run_trafilatura(), engine),
        "trafilatura then cleaner (text mode; favor_recall)": then_text_mode(run_trafilatura(), recall),
        "readability-lxml": run_readability,
        "jusText": make_justext(),
    }
    if args.only:
        methods = {k: v for k, v in methods.items() if k in args.only.split(",")}
    print(f"{len(cases)} pages\n")
    print("| method | precision | recall | F1 | pages/s |")
    print("|---|---:|---:|---:|---:|")
    # Interleaved timing: every page goes through every method in turn, and each
    # (method, page) keeps its best of --repeat runs, so drift in machine speed
    # during the run weighs on all methods alike.
    best = {name: [float("inf")] * len(cases) for name in methods}
    outputs = {name: [""] * len(cases) for name in methods}
    names = list(methods)
    for _ in range(args.repeat):
        for i, (url, _record, html) in enumerate(cases):
            for name in names[i % len(names):] + names[:i % len(names)]:  # rotate: no method is always first
                method = methods[name]
                start = time.perf_counter()
                outputs[name][i] = method(html, url)
                best[name][i] = min(best[name][i], time.perf_counter() - start)
    for name in methods:
        score = Score()
        for output, (_url, record, _html) in zip(outputs[name], cases):
            score.add(output, record)
        pages_per_s = len(cases) / sum(best[name])
        print(f"| {name} | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} | {pages_per_s:.1f} |")


if __name__ == "__main__":
    main()
