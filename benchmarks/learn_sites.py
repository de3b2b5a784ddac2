"""Learned site rules (``cleaner learn``) on same-site corpora: what they add, what they cost.

    python benchmarks/learn_sites.py [--limit N] [--jobs N]

The question (issue 4): on real same-site corpora, do learned rules raise the
share of repeated promo lines dropped without dropping body lines?

Part A -- real groups.  The trafilatura eval set is mostly one page per site.
Pages are grouped by URL host (``www.`` dropped; the ``hard::`` pseudo-URLs
by the site named in the file name, Wayback URLs kept as ``web.archive.org``,
i.e. the host a crawler saw) and by registered domain.  Every group with at
least ``MIN_PAGES`` pages is a same-site corpus: leave-one-out, learn on the
other pages (text = ``visible_text`` of the page, default thresholds; the
group's key is the rule's host), clean the held-out page's visible text in
text mode with and without the learned rules, and compare.  ``without``
snippets present in the visible text: removed by the baseline vs with the
learned rules; ``with`` snippets the baseline keeps but the learned rules lose.

Part B -- a realistic corpus, half real and half synthetic.  Real: the article
pages of the eval set (their whole visible text, with their own chrome) and
the sidebar/CTA lines of the seed page
(``../shared/seed/fxleaders-us-china-preliminary-deal.txt``, fxleaders.com).
Synthetic: the combination -- every eval page is treated as a document of
fxleaders.com, with the seed's CTA block inserted after the middle body
paragraph and its sidebar block appended, as a site template would.  No text
is invented.  Two folds (learn on one half, clean the other) report the share
of injected promo lines dropped, with and without the learned rules, and the
``with`` snippets lost.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, load_cases, normalize as ws  # noqa: E402
from cleaner import Cleaner  # noqa: E402
from cleaner.decode import decode_bytes  # noqa: E402
from cleaner.html import visible_text  # noqa: E402
from cleaner.learn import learn_site_rules, registered_domain, site_of_url  # noqa: E402
from cleaner.rules import RuleSet, load_rules, normalize, parse_rules  # noqa: E402

MIN_PAGES = 3
SEED = ROOT.parent / "shared" / "seed" / "fxleaders-us-china-preliminary-deal.txt"
SYNTHETIC_HOST = "fxleaders.com"


HARD_FILE_SITE = re.compile(r"^(.+?\.(?:com|net|org|gov|de|cu|hn|vc|jm|pa)(?:\.(?:pa|jm))?)(?=[-.])")


def page_site(url: str, file: str) -> str:
    """The site of an eval page; ``hard::`` pages name it in the file name (``nationnews.com-schools.html``)."""
    if url.startswith("hard::"):
        m = HARD_FILE_SITE.match(file)
        return site_of_url(m.group(1) if m else file)
    return site_of_url(url)


def _visible(item):
    url, record, raw = item
    return url, record, visible_text(decode_bytes(raw)[0])


def load_pages(limit, jobs):
    cases = load_cases(limit)
    with ProcessPoolExecutor(jobs) as pool:
        return list(pool.map(_visible, cases, chunksize=8))


# -- scoring -----------------------------------------------------------------------------
def present(snippet: str, text: str) -> bool:
    return ws(snippet) in text


class Tally:
    def __init__(self):
        self.pages = self.learned = self.site_drops = self.newly_dropped = 0
        self.without_in = self.without_base = self.without_learned = 0
        self.with_in = self.with_base = self.with_lost = 0
        self.lost_examples = []
        self.injected = self.injected_base = self.injected_learned = 0

    def add(self, record, source, base, learned, learned_lines=0, injected=()):
        self.pages += 1
        self.learned += learned_lines
        src, out_b, out_l = ws(source), ws(base.text), ws(learned.text)
        for s in record.get("without", []):
            if present(s, src):
                self.without_in += 1
                self.without_base += not present(s, out_b)
                self.without_learned += not present(s, out_l)
        for s in record.get("with", []):
            if present(s, src):
                self.with_in += 1
                kept_b = present(s, out_b)
                self.with_base += kept_b
                if kept_b and not present(s, out_l):
                    self.with_lost += 1
                    self.lost_examples.append(s[:80])
        for db, dl in zip(base.decisions, learned.decisions):
            if not dl.kept and dl.rule and dl.rule.startswith("site."):
                self.site_drops += 1
            if db.kept and not dl.kept and db.text.strip():
                self.newly_dropped += 1
        if injected:
            for db, dl in zip(base.decisions, learned.decisions):
                if db.line in injected:
                    self.injected += 1
                    self.injected_base += not db.kept
                    self.injected_learned += not dl.kept


def pct(a, b):
    return f"{100 * a / b:.0f}%" if b else "-"


# -- part A --------------------------------------------------------------------------------
def part_a(pages, cleaner: Cleaner):
    by_host, by_domain = defaultdict(list), defaultdict(list)
    for url, record, text in pages:
        host = page_site(url, record["file"])
        by_host[host].append((url, record, text))
        by_domain[registered_domain(host)].append((url, record, text))
    groups = []
    for kind, table in (("host", by_host), ("domain", by_domain)):
        for key, members in sorted(table.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            if len(members) >= MIN_PAGES and not (kind == "domain" and key in by_host and len(by_host[key]) == len(members)):
                groups.append((kind, key, members))
    small = sorted((k, len(v)) for k, v in by_host.items() if 1 < len(v) < MIN_PAGES)
    rows = []
    for kind, key, members in groups:
        tally = Tally()
        for i, (url, record, text) in enumerate(members):
            train = [(f"https://{key}/{j}", t) for j, (_, _, t) in enumerate(members) if j != i]
            toml_text = learn_site_rules(train)
            rules = parse_rules(toml_text)
            learned_cleaner = Cleaner(RuleSet(list(cleaner.rules.rules) + rules), cleaner.options, cleaner.stoplists)
            page_url = f"https://{key}/held-out"  # the group key is the site, whatever the page's own URL
            base = cleaner.clean(text, format="text", url=page_url)
            learned = learned_cleaner.clean(text, format="text", url=page_url)
            tally.add(record, text, base, learned, sum(len(r.phrases) for r in rules))
        rows.append((kind, key, tally))
    return rows, small


# -- part B --------------------------------------------------------------------------------
def seed_chrome():
    """The seed page's CTA block (bullets after the body) and sidebar block (after 'Related Articles')."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    cta = [l for l in lines if l.startswith("- ") and any(w in l for w in ("forex", "Forex", "Trading", "calendar"))]
    start = lines.index("Related Articles")
    sidebar = [l for l in lines[start:] if l.strip()]
    return cta, sidebar


def wrap(text: str, record: dict, cta: list, sidebar: list):
    """The page's lines with the CTA block after the middle body line and the sidebar at the end.

    Returns (document text, set of injected line numbers).
    """
    lines = text.splitlines()
    body = [i for i, l in enumerate(lines) if any(ws(s) and ws(s) in ws(l) for s in record.get("with", []))]
    at = body[len(body) // 2] + 1 if body else len(lines) // 2
    out = lines[:at] + cta + lines[at:] + sidebar
    injected = set(range(at + 1, at + 1 + len(cta))) | set(range(len(out) - len(sidebar) + 1, len(out) + 1))
    return "\n".join(out) + "\n", injected


def part_b(pages, cleaner: Cleaner):
    cta, sidebar = seed_chrome()
    docs = []
    for url, record, text in pages:
        if not record.get("with"):
            continue
        doc, injected = wrap(text, record, cta, sidebar)
        docs.append((record, doc, injected))
    tally = Tally()
    learned_sets = []
    halves = (docs[0::2], docs[1::2])
    for train, test in ((halves[0], halves[1]), (halves[1], halves[0])):
        toml_text = learn_site_rules([(f"https://www.{SYNTHETIC_HOST}/n/{i}", d) for i, (_, d, _) in enumerate(train)])
        rules = parse_rules(toml_text)
        learned_sets.append(sorted(p for r in rules for p in r.phrases))
        learned_cleaner = Cleaner(RuleSet(list(cleaner.rules.rules) + rules), cleaner.options, cleaner.stoplists)
        for record, doc, injected in test:
            url = f"https://www.{SYNTHETIC_HOST}/news/held-out"
            base = cleaner.clean(doc, format="text", url=url)
            learned = learned_cleaner.clean(doc, format="text", url=url)
            tally.add(record, doc, base, learned, len(learned_sets[-1]), injected)
    return tally, learned_sets, cta, sidebar


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N eval pages")
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    args = ap.parse_args()
    pages = load_pages(args.limit, args.jobs)
    cleaner = Cleaner(load_rules())
    rows, small = part_a(pages, cleaner)

    print(f"## Learned site rules (`cleaner learn`), {len(pages)} eval pages\n")
    print("### A. Real same-site groups of the eval set (leave-one-out, default thresholds)\n")
    print("| group | pages | learned lines/fold | lines dropped by learned rules | newly dropped lines "
          "| `without` removed: baseline → learned | `with` kept by baseline, lost with learned |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for kind, key, t in rows:
        print(f"| {key} (by {kind}) | {t.pages} | {t.learned / max(t.pages, 1):.1f} | {t.site_drops} | {t.newly_dropped} "
              f"| {t.without_base}/{t.without_in} ({pct(t.without_base, t.without_in)}) → "
              f"{t.without_learned}/{t.without_in} ({pct(t.without_learned, t.without_in)}) "
              f"| {t.with_lost}/{t.with_base} |")
    print()
    print(f"Groups with 2 pages (too few for leave-one-out: 1 training page): "
          + (", ".join(f"{k}" for k, _ in small) or "none") + ".")
    for kind, key, t in rows:
        for example in t.lost_examples:
            print(f"- lost in {key}: {example!r}")
    print()

    tally, learned_sets, cta, sidebar = part_b(pages, cleaner)
    t = tally
    print("### B. Real article pages + real fxleaders.com chrome (the combination is synthetic)\n")
    print(f"Real: {t.pages} eval pages with `with` snippets (whole visible text, own chrome included); "
          f"the seed page's {len(cta)} CTA lines (inserted after the middle body line) and "
          f"{len(sidebar)} sidebar lines (appended). Synthetic: treating them all as fxleaders.com "
          f"documents. Two folds: learn on one half, clean the other.\n")
    print("| | baseline (built-in rules) | + learned rules |")
    print("|---|---:|---:|")
    print(f"| injected promo lines dropped | {t.injected_base}/{t.injected} ({pct(t.injected_base, t.injected)}) "
          f"| {t.injected_learned}/{t.injected} ({pct(t.injected_learned, t.injected)}) |")
    print(f"| `without` snippets removed | {t.without_base}/{t.without_in} ({pct(t.without_base, t.without_in)}) "
          f"| {t.without_learned}/{t.without_in} ({pct(t.without_learned, t.without_in)}) |")
    print(f"| `with` snippets kept | {t.with_base}/{t.with_in} | {t.with_base - t.with_lost}/{t.with_in} "
          f"({t.with_lost} lost) |")
    print(f"| lines newly dropped (all by learned rules: {t.site_drops}) | | {t.newly_dropped} |")
    print()
    for i, phrases in enumerate(learned_sets, 1):
        print(f"Fold {i} learned {len(phrases)} lines: " + ", ".join(f"`{p}`" for p in phrases))
    for example in t.lost_examples:
        print(f"- lost: {example!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
