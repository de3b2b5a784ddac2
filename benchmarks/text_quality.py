"""Text-mode quality and speed on the trafilatura eval pages as noisy scrapes.

Each page becomes its full visible text (one block per line, via
``cleaner.html.visible_text``: what a naive scraper saves), and each method
cleans that text.  Methods: keep everything, C4's line rules, jusText's
classifier run on the lines, and cleaner in text mode.

    python benchmarks/text_quality.py [--limit N] [--repeat K]

Throughput is MB of input text per second on one core, all methods timed in
the same run over the same texts.
"""

from __future__ import annotations

import argparse
import time

from common import Score, load_cases

import cleaner
from cleaner.html import visible_text

# -- C4 line rules (Raffel et al. 2020; datatrove C4QualityFilter, line part) --
C4_END_PUNCT = (".", "?", "!", '"', "'")
C4_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")


def c4_lines(text: str) -> str:
    kept = []
    for line in text.split("\n"):
        line = line.strip()
        if not line.endswith(C4_END_PUNCT) or line.endswith("..."):
            continue
        words = line.split()
        if len(words) < 3 or any(len(w) > 1000 for w in words):
            continue
        lower = line.lower()
        if "javascript" in lower or any(p in lower for p in C4_POLICY):
            continue
        kept.append(line)
    return "\n".join(kept)


def datatrove_c4():
    """datatrove's own C4QualityFilter, line rules only (its document-level drops
    and the sentence count, which needs spaCy, switched off); None if datatrove
    is not installed."""
    try:
        from datatrove.data import Document
        from datatrove.pipeline.filters.c4_filters import C4QualityFilter
    except ImportError:
        return None
    step = C4QualityFilter(min_num_sentences=-1, filter_lorem_ipsum=False, filter_curly_bracket=False)

    def run(text: str, url) -> str:
        doc = Document(text=text, id="")
        step.filter(doc)
        return doc.text

    return run


# -- jusText's classifier on text lines (no DOM: link density 0, no heading flag) --
class _Paragraph:
    def __init__(self, text):
        self.text = text
        self.chars_count_in_links = 0
        self.dom_path = ""
        self.is_heading = False

    def __len__(self):
        return len(self.text)

    def links_density(self):
        return 0.0

    def stopwords_density(self, stoplist):
        words = self.text.split()
        if not words:
            return 0
        return sum(1 for w in words if w.lower() in stoplist) / len(words)


def make_justext(stoplist_names=("English", "German", "French", "Spanish", "Italian")):
    import justext

    stoplist = frozenset().union(*(justext.get_stoplist(n) for n in stoplist_names))

    def run(text: str) -> str:
        paragraphs = [_Paragraph(l.strip()) for l in text.split("\n") if l.strip()]
        justext.core.classify_paragraphs(paragraphs, stoplist)
        justext.core.revise_paragraph_classification(paragraphs)
        return "\n".join(p.text for p in paragraphs if p.class_type == "good")

    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--repeat", type=int, default=1, help="timing repetitions (best is kept)")
    ap.add_argument("--only", default="", help="comma-separated method names")
    args = ap.parse_args()

    cases = load_cases(args.limit)
    texts = [(visible_text(cleaner_decode(html)), record) for _url, record, html in cases]
    urls = [url for url, _r, _h in cases]
    megabytes = sum(len(t.encode("utf-8")) for t, _ in texts) / 1e6
    engine = cleaner.Cleaner()
    recall = engine.with_options(favor_recall=True)
    methods = {
        "keep everything": lambda t, u: t,
        "C4 line rules": lambda t, u: c4_lines(t),
        "C4 line rules (datatrove)": datatrove_c4(),
        "jusText (lines)": (lambda run: lambda t, u: run(t))(make_justext()),
        "cleaner (text mode)": lambda t, u: engine.clean(t, format="text").text,
        "cleaner (text, url)": lambda t, u: engine.clean(t, format="text", url=u).text,
        "cleaner (text, favor_recall)": lambda t, u: recall.clean(t, format="text").text,
        # Where the time goes: cleaner's analysis alone (lines, words, normal
        # forms, language, rule scan), with no scoring and no report (quality
        # not applicable).  Internal API, on purpose.
        "cleaner: analysis only": lambda t, u: analyse(engine, t),
        "cleaner: analysis + line features": lambda t, u: analyse(engine, t, features=True),
    }
    methods = {k: v for k, v in methods.items() if v is not None}
    if args.only:
        methods = {k: v for k, v in methods.items() if k in args.only.split(",")}
    print(f"{len(texts)} pages, {megabytes:.1f} MB of visible text\n")
    print("| method | precision | recall | F1 | MB/s |")
    print("|---|---:|---:|---:|---:|")
    for name, method in methods.items():
        best = float("inf")
        for _ in range(args.repeat):
            score = Score()
            start = time.perf_counter()
            outputs = [method(text, url) for (text, _), url in zip(texts, urls)]
            best = min(best, time.perf_counter() - start)
        if any(output is None for output in outputs):
            print(f"| {name} | — | — | — | {megabytes / best:.1f} |")
            continue
        for output, (_, record) in zip(outputs, texts):
            score.add(output, record)
        print(f"| {name} | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} | {megabytes / best:.1f} |")


def analyse(engine, text: str, features: bool = False) -> None:
    """The steps every text goes through before any line is scored."""
    from cleaner.core import split_lines
    from cleaner.features import document_features

    found = engine._analyse(split_lines(text), None, None)
    if features:
        document_features(found.stripped, found.words, found.stoplist)
    return None


def cleaner_decode(data: bytes) -> str:
    from cleaner.decode import decode_bytes

    return decode_bytes(data)[0]


if __name__ == "__main__":
    main()
