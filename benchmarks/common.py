"""Shared helpers for the benchmarks: the eval data and snippet scoring.

Scoring follows trafilatura's evaluation: after whitespace normalisation, a
``with`` snippet found in the output is a true positive (missing: false
negative); a ``without`` snippet found is a false positive (missing: true
negative).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT.parent / "shared" / "data" / "trafilatura-eval"
WHITESPACE = re.compile(r"\s+")


def require_eval_data() -> Path:
    if not (EVAL_DIR / "evaldata.json").exists():
        sys.exit(f"benchmark data not found at {EVAL_DIR} (expected ../shared/data/trafilatura-eval)")
    return EVAL_DIR


def load_cases(limit: int | None = None) -> list:
    """[(url, record, html_bytes)] in a stable order."""
    folder = require_eval_data()
    evaldata = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    cases = []
    for url, record in sorted(evaldata.items()):
        path = folder / "html" / (record["file"] + ".gz")
        if path.exists():
            cases.append((url, record, gzip.decompress(path.read_bytes())))
        if limit and len(cases) >= limit:
            break
    return cases


def normalize(text: str) -> str:
    return WHITESPACE.sub(" ", text or "").strip()


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, output: str, record: dict) -> None:
        text = normalize(output)
        for snippet in record.get("with", []):
            if normalize(snippet) in text:
                self.tp += 1
            else:
                self.fn += 1
        for snippet in record.get("without", []):
            if normalize(snippet) in text:
                self.fp += 1
            else:
                self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
