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
import unicodedata

import ahocorasick

WHITESPACE_RE = re.compile(r"\s+")
MIN_MATCH_CHARS = 3

# trafilatura and readability log failures at WARNING/ERROR on odd pages;
# a library must not print on stderr for them.
for _name in ("trafilatura", "readability", "readability.readability", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def squash(text: str) -> str:
    return WHITESPACE_RE.sub(" ", text).strip()


def comparable(text: str, squashed: bool = False) -> str:
    """``text`` as trafilatura writes it, to find a block in its output: in NFC, and
    without the characters it drops, those neither printable nor spaces (a soft
    hyphen, a zero-width space or joiner, a direction mark, a private-use glyph).
    A block holding one would otherwise never be found, and an article's
    paragraph with a soft hyphen in it read as outside trafilatura's content."""
    if not text.isprintable():
        text = squash("".join(c for c in text if c.isprintable() or c.isspace()))  # (after: "a \ufeff b" is "a b")
    elif not squashed:  # (``squashed``: its whitespace is one space already)
        text = squash(text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def trafilatura_text(tree, *, tables: bool = True, url=None, favor_recall: bool = False) -> str | None:
    """Main-content text by trafilatura, or None if it failed or found nothing."""
    import trafilatura

    try:
        text = trafilatura.extract(
            tree,
            url=url,
            fast=True,
            favor_recall=favor_recall,
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
    """Text of readability-lxml's best candidate and its related siblings, or None.

    This is readability's own candidate scoring (``score_paragraphs``,
    ``select_best_candidate``, ``get_article``) run on a copy of our tree.  We
    skip what ``summary()`` adds around it: re-parsing through lxml's HTML
    cleaner and the final ``sanitize`` pass, which rewrites markup we never
    show.  That halves its cost; the scores are the same.
    """
    from readability import Document

    try:
        for ruthless in (True, False):
            doc = Document("")
            doc.html = copy.deepcopy(tree)
            for element in doc.tags(doc.html, "script", "style", "noscript"):
                element.drop_tree()
            if ruthless:
                doc.remove_unlikely_candidates()
            doc.transform_misused_divs_into_paragraphs()
            candidates = doc.score_paragraphs()
            best = doc.select_best_candidate(candidates)
            if best is None:
                continue
            best = doc.get_semantic_article_candidate(candidates, best)
            best = doc.get_semantic_main_candidate(candidates, best)
            text = doc.get_article(candidates, best, html_partial=True).text_content()
            if ruthless and len(text) < doc.retry_length:
                continue
            return text or None
    except Exception:  # noqa: BLE001 - a third-party failure is missing evidence, not our crash
        return None
    return None


def inside(block_texts: list, extracted: str | None) -> list:
    """For each block: is its text part of the extractor's output (None if no output)?

    One Aho-Corasick pass over the output finds every block in it: asking
    ``text in output`` block by block costs blocks x output, minutes on a
    page of a few megabytes.
    """
    if not extracted:
        return [None] * len(block_texts)
    forms = [comparable(t, squashed=True) for t in block_texts]  # (squashed by cleaner.segment, or html.page_lines)
    wanted = {key for f in forms if len(f) >= MIN_MATCH_CHARS for key in _match_keys(f)}
    if not wanted:
        return [False] * len(block_texts)
    edges = {key for f in forms if len(f) > 2 * MATCH_EDGE_CHARS for key in _match_keys(f)}
    automaton = ahocorasick.Automaton()
    for key in wanted:
        automaton.add_word(key, key)
    automaton.make_automaton()
    text = comparable(extracted)
    budget = MATCHES_PER_CHAR * len(text) + MIN_MATCH_BUDGET
    ends: dict = {}  # a long block's head or tail -> where it ends in the text, each time
    seen: set = set()  # the keys found (a short block's whole text: found is all it takes)
    for count, (end, key) in enumerate(automaton.iter(text)):
        if count > budget:
            return [None] * len(block_texts)  # periodic junk: no evidence, as with no output
        seen.add(key)
        if key in edges:
            ends.setdefault(key, set()).add(end)
    return [len(f) >= MIN_MATCH_CHARS and _found(f, ends, seen) for f in forms]


# Every key that ends at a place is reported there: in periodic text ("-" * 300,000
# under blocks of 20, 21, ... 511 dashes, each a suffix of the next) that is hundreds
# of matches a character (26 million, 34 s and 5 GB for a 235 kB page).  A page's
# blocks match a tenth of a time a character at most (the 884 eval pages), so past this
# budget the output is junk, and the extractor's vote is left out, as when it finds nothing.
MATCHES_PER_CHAR = 8
MIN_MATCH_BUDGET = 100_000


MATCH_EDGE_CHARS = 256  # a long block is looked for by its head and its tail, each this long


def _match_keys(form: str) -> tuple:
    """What the automaton looks for to find ``form``: the block, or, for a long one, its
    first and last ``MATCH_EDGE_CHARS`` characters.  At each place in the text the
    automaton walks back along the pattern it is in; a long periodic block
    ("----...", "abab...") made that walk as long as the block, so the pass was
    quadratic (200,000 dashes: 31 s)."""
    if len(form) <= 2 * MATCH_EDGE_CHARS:
        return (form,)
    return form[:MATCH_EDGE_CHARS], form[-MATCH_EDGE_CHARS:]


def _found(form: str, ends: dict, seen: set) -> bool:
    """Is ``form`` in the text: found whole, or its head and its tail found as far
    apart as they are in it (a comment quoting an article's first and last paragraphs
    around words of its own is not the article)?"""
    keys = _match_keys(form)
    if len(keys) == 1:
        return keys[0] in seen
    head, tail = (ends.get(key, ()) for key in keys)
    gap = len(form) - MATCH_EDGE_CHARS
    return any(end + gap in tail for end in head)
