"""Batch mode: throughput on 1 vs 2 cores, and peak memory vs input length.

The input is JSONL made from the eval pages' visible text (real scraped
text, cut to documents of about ``--doc-chars`` characters), repeated to the
requested number of documents.  Each run is a separate ``cleaner batch``
process, so peak RSS (the process and its workers, from
``resource.getrusage(RUSAGE_CHILDREN)``) is measured per run.

    python benchmarks/batch_scaling.py [--docs 2000] [--memory-docs 10000,100000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

from common import load_cases

from cleaner.decode import decode_bytes
from cleaner.html import visible_text


def make_corpus(path: str, n_docs: int, doc_chars: int) -> int:
    texts = [visible_text(decode_bytes(html)[0]) for _url, _rec, html in load_cases(200)]
    pieces = [t[:doc_chars] for t in texts if len(t) > doc_chars // 2]
    size = 0
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n_docs):
            line = json.dumps({"id": i, "url": f"https://example{i % 50}.org/{i}", "text": pieces[i % len(pieces)]})
            out.write(line + "\n")
            size += len(line)
    return size


def run(corpus: str, jobs: int) -> tuple[float, float]:
    """(seconds, peak RSS in MB of the batch process tree)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "cleaner", "batch", corpus, "--jobs", str(jobs), "-o", os.devnull],
        check=True, stderr=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=2000, help="documents for the throughput runs")
    ap.add_argument("--doc-chars", type=int, default=4000)
    ap.add_argument("--memory-docs", default="10000,100000", help="document counts for the memory runs")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus.jsonl")
        size = make_corpus(corpus, args.docs, args.doc_chars)
        print(f"throughput: {args.docs} documents, {size / 1e6:.1f} MB of JSONL\n")
        print("| jobs | seconds | docs/s | MB/s | speed-up |")
        print("|---:|---:|---:|---:|---:|")
        base = None
        for jobs in (1, 2):
            seconds, _ = run(corpus, jobs)
            base = base or seconds
            print(f"| {jobs} | {seconds:.1f} | {args.docs / seconds:.0f} | {size / 1e6 / seconds:.2f} | {base / seconds:.2f}x |",
                  flush=True)
        print("\nmemory (each a fresh process; ru_maxrss is the largest single process):\n")
        print("| documents | MB of JSONL | seconds | peak RSS (MB) |")
        print("|---:|---:|---:|---:|")
        for n in (int(x) for x in args.memory_docs.split(",")):
            size = make_corpus(corpus, n, 1000)
            code = (
                "import resource, subprocess, sys;"
                f"subprocess.run([sys.executable, '-m', 'cleaner', 'batch', {corpus!r}, '--jobs', '2', '-o', '/dev/null'],"
                " check=True, stderr=subprocess.DEVNULL);"
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)"
            )
            start = time.perf_counter()
            peak = float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
            print(f"| {n} | {size / 1e6:.1f} | {time.perf_counter() - start:.0f} | {peak:.0f} |", flush=True)


if __name__ == "__main__":
    main()
