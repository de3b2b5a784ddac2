"""Decide, line by line, what is article body: jusText's algorithm, adapted.

Three passes over immutable per-line records:

1. ``classify_line``: a context-free class from the line alone.  ``rule``
   (a phrase rule matched), ``good`` (long prose: many stopwords), ``neargood``,
   ``short`` or ``bad``.
2. ``revise``: short and near-good lines take the class of their context, as in
   jusText's ``revise_paragraph_classification``: a short line between body
   paragraphs is body, between junk is junk; a short line that a good paragraph
   follows closely is a heading.  Rule hits count as junk neighbours, so a CTA
   can never prop up the line next to it.
3. ``select_body``: the body is the run of lines with the greatest weight of
   good prose (a maximum-sum segment, as in Finn et al.'s Body Text
   Extraction); prose far outside it (footers, comment forms, teasers) goes.

Every tunable is a module constant; the reason strings name them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .features import Features

LENGTH_LOW = 70  # chars: below this a line is "short" and judged by context
LENGTH_HIGH = 200  # chars: above this (and enough stopwords) a line is "good"
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32
# Short lines within this many characters before a good paragraph are headings.
MAX_HEADING_DISTANCE = 200
HEADING_MAX_WORDS = 15
MAX_URL_SHARE = 0.5
# In language-neutral mode (no stoplist fits) sentence-like lines get this density.
NEUTRAL_PROSE_DENSITY = 0.33

GOOD, NEARGOOD, SHORT, BAD, RULE, BLANK = "good", "neargood", "short", "bad", "rule", "blank"


@dataclass(frozen=True, slots=True)
class Verdict:
    kept: bool
    stage: str
    label: str
    reason: str
    score: Optional[float] = None


def prose_score(f: Features, density: float) -> float:
    """0..1: how much a line looks like body prose (length x stopword density)."""
    return round(min(1.0, f.chars / LENGTH_HIGH) * min(1.0, density / STOPWORDS_HIGH), 3)


def effective_density(f: Features, neutral: bool) -> float:
    if not neutral:
        return f.stop_density
    return NEUTRAL_PROSE_DENSITY if f.terminal else 0.0


def classify_line(f: Features, neutral: bool, hint=None) -> str:
    if f.url_share > MAX_URL_SHARE:
        return BAD
    if f.chars < LENGTH_LOW:
        return SHORT
    density = effective_density(f, neutral)
    if density >= STOPWORDS_HIGH:
        return GOOD if f.chars > LENGTH_HIGH else NEARGOOD
    if density >= STOPWORDS_LOW:
        return NEARGOOD
    return BAD


def is_heading_like(f: Features, stripped: str) -> bool:
    return 0 < f.words <= HEADING_MAX_WORDS and not f.bullet and not stripped.endswith((".", ",", ";"))


def _neighbour(classes: list, i: int, step: int, ignore_neargood: bool) -> str:
    i += step
    while 0 <= i < len(classes):
        c = classes[i]
        if c in (GOOD, BAD, RULE):
            return BAD if c == RULE else c
        if c == NEARGOOD and not ignore_neargood:
            return c
        i += step
    return BAD


def revise(classes: list, features: list, headings: list) -> list:
    """jusText's context pass; returns the revised classes (input untouched)."""
    n = len(classes)
    out = list(classes)
    # Headings: a short heading-like line closely followed by prose.
    for i in range(n):
        if out[i] != SHORT or not headings[i]:
            continue
        distance = 0
        for j in range(i + 1, n):
            if out[j] in (GOOD, NEARGOOD):
                out[i] = NEARGOOD
                break
            if out[j] in (RULE, BAD):
                break
            distance += features[j].chars
            if distance > MAX_HEADING_DISTANCE:
                break
    # Short lines take the class of their neighbours.
    new = {}
    for i in range(n):
        if out[i] != SHORT:
            continue
        prev = _neighbour(out, i, -1, True)
        nxt = _neighbour(out, i, 1, True)
        if prev == GOOD and nxt == GOOD:
            new[i] = GOOD
        elif prev == BAD and nxt == BAD:
            new[i] = BAD
        elif (prev == BAD and _neighbour(out, i, -1, False) == NEARGOOD) or (
            nxt == BAD and _neighbour(out, i, 1, False) == NEARGOOD
        ):
            new[i] = GOOD
        else:
            new[i] = BAD
    for i, c in new.items():
        out[i] = c
    # Near-good lines are body unless junk surrounds them.
    for i in range(n):
        if out[i] != NEARGOOD:
            continue
        prev = _neighbour(out, i, -1, True)
        nxt = _neighbour(out, i, 1, True)
        out[i] = BAD if (prev, nxt) == (BAD, BAD) else GOOD
    return out


def decide(scored: list, neutral: bool, options) -> list:
    """One ``Verdict`` per line (``None`` for blank lines, settled by layout)."""
    idx = [i for i, s in enumerate(scored) if s.cls != BLANK]
    items = [scored[i] for i in idx]
    feats = [s.features for s in items]
    classes = [s.cls for s in items]
    headings = [is_heading_like(s.features, s.stripped) for s in items]
    revised = revise(classes, feats, headings)
    verdicts: list = [None] * len(scored)
    for k, i in enumerate(idx):
        s = items[k]
        f = s.features
        score = prose_score(f, effective_density(f, neutral))
        if s.cls == RULE:
            verdicts[i] = Verdict(False, "rule", s.rule.id, s.rule.description or "phrase rule")
        elif revised[k] == GOOD:
            if s.cls == GOOD:
                verdicts[i] = Verdict(True, "score", "score.prose", "body prose", score)
            else:
                verdicts[i] = Verdict(True, "context", f"context.{s.cls}-in-body", f"{s.cls} line kept by its context", score)
        else:
            if s.cls == BAD:
                verdicts[i] = Verdict(False, "score", "score.low", _why_bad(f, neutral), score)
            else:
                verdicts[i] = Verdict(False, "context", f"context.{s.cls}-outside-body", f"{s.cls} line among boilerplate", score)
    return verdicts


def _why_bad(f: Features, neutral: bool) -> str:
    if f.url_share > MAX_URL_SHARE:
        return f"mostly URLs ({f.url_share:.0%})"
    return f"few stopwords ({f.stop_density:.2f} < {STOPWORDS_LOW})"
