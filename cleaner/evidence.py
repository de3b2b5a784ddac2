"""trafilatura and readability-lxml as evidence about which blocks are body.

Each extractor runs on the tree we already parsed (trafilatura copies it,
readability gets its own copy, since both prune in place), and its output text
is mapped back onto our blocks: a block is "inside" an extractor's content
when its normalised text occurs in that extractor's normalised output.  The
extractors never decide alone; their votes are features for the classifier.

trafilatura always runs with ``deduplicate=False``: its dedup cache is
process-global and would make output depend on earlier documents.  It runs
with ``fast=True`` because its slow path compares against its own copies of
readability and jusText, and we consult readability ourselves.
"""

from __future__ import annotations

import copy
import logging
import re

WHITESPACE_RE = re.compile(r"\s+")
MIN_MATCH_CHARS = 3

# trafilatura and readability log failures at WARNING/ERROR on odd pages;
# a library must not print on stderr for them.
for _name in ("trafilatura", "readability", "readability.readability", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def squash(text: str) -> str:
    return WHITESPACE_RE.sub(" ", text).strip()


def trafilatura_text(tree, *, tables: bool = True, url=None) -> str | None:
    """Main-content text by trafilatura, or None if it failed or found nothing."""
    import trafilatura

    try:
        text = trafilatura.extract(
            tree,
            url=url,
            fast=True,
            deduplicate=False,
            include_comments=False,
            include_tables=tables,
            include_images=False,
            include_links=False,
            with_metadata=False,
            output_format="txt",
        )
    except Exception:  # noqa: BLE001 - a third-party failure is missing evidence, not our crash
        return None
    return text or None


def readability_text(tree) -> str | None:
    """Best-candidate text by readability-lxml's scoring, or None."""
    from lxml import html as lxml_html
    from readability import Document

    try:
        summary = Document(copy.deepcopy(tree)).summary(html_partial=True)
        if not summary:
            return None
        return lxml_html.fromstring(summary).text_content() or None
    except Exception:  # noqa: BLE001
        return None


def inside(block_texts: list, extracted: str | None) -> list:
    """For each block: is its text part of the extractor's output (None if no output)?"""
    if not extracted:
        return [None] * len(block_texts)
    haystack = squash(extracted)
    return [len(t) >= MIN_MATCH_CHARS and squash(t) in haystack for t in block_texts]
