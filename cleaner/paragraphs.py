"""Hard-wrapped text: which physical lines make one paragraph.

Tools that dump a page as text to a fixed width (``lynx -dump``, ``w3m``,
``html2text``, ``pandoc -t plain``) break every paragraph into lines of
about 72-80 characters.  Judged line by line, such a paragraph is a run of
fragments that do not end like sentences, and its last line a short one
without a full stop: the body reads as a menu.  So a wrapped paragraph is
judged as one line (its parts joined by spaces), and each of its physical
lines gets the paragraph's verdict; the body is still a subsequence of the
input lines.

A line runs on into the next when it is full: the next line's first word
would not have fitted on it (greedy filling), or it reaches the top band of
the width (``fmt`` balances lines rather than filling each).  It does not
when the next line starts a block of its own (a list item, a heading, a
quote, a table row, a code fence or an underline), nor when it ends a
sentence.  A text is wrapped when full lines are several, few of them end
like sentences, and either the lines pile up just under the width or the
lines after them go on in lower case (the rest of a sentence).  Text
written a paragraph to a line has long lines of every length, nearly all
ending with a full stop.
"""

from __future__ import annotations

import re
from typing import Optional

from .features import BULLET_RE, UNDERLINE_RE, ends_like_sentence
from .markdown import fenced_code
from .model import Line

MIN_WIDTH = 50  # narrower "wrapping" is a column of short lines (a menu, a list), not prose
MAX_WIDTH = 160  # wider lines are paragraphs written one a line
OVER_WIDTH_SHARE = 0.02  # lines of several words longer than the width (a tool's slack)
MIN_RUN_ONS = 5
MAX_SENTENCE_ENDS = 1 / 3  # of the lines that run on
# Wrapped lines pile up just under the width: more of them end in its top band
# than in the band below, where only the last lines of paragraphs end ...
FULL_BAND, BELOW_BAND = 0.85, 0.7  # of the width
MIN_PILE_UP = 2.0
MIN_FULL_LINES = 10
# ... or the lines after them go on in lower case (where the script has case).
MIN_LOWER_CASE_GOING_ON = 1 / 4
# A line starting so begins a block of its own, never the rest of a paragraph.
BLOCK_STARTS = ("#", ">", "|", "```", "~~~", "<")
FIRST_WORD_RE = re.compile(r"\S+")


def wrap_width(texts: list) -> int:
    """The width the lines (right-stripped) are wrapped at: the length that only
    a few lines of more than one word exceed (a line of one word, a long
    address, may be longer); 0 when that is no width a text is wrapped at."""
    lengths = sorted([len(t) for t in texts if " " in t.strip()])
    if len(lengths) <= MIN_RUN_ONS:
        return 0
    width = lengths[len(lengths) - 1 - int(len(lengths) * OVER_WIDTH_SHARE)]
    return width if MIN_WIDTH <= width <= MAX_WIDTH else 0


def _starts_block(line: str) -> bool:
    return (line.startswith(BLOCK_STARTS) or BULLET_RE.match(line) is not None
            or UNDERLINE_RE.fullmatch(line) is not None)


def run_ons(texts: list, width: int) -> list:
    """For each line (right-stripped): is it full, with a next line that may go on from it?"""
    out = [False] * len(texts)
    code = fenced_code([t.lstrip() for t in texts]) if any("```" in t or "~~~" in t for t in texts) else None
    for i in range(len(texts) - 1):
        line, below = texts[i], texts[i + 1]
        if not line or not below or "\t" in line or "\t" in below or (code is not None and code[i]):
            continue
        head = below.lstrip()
        if not _starts_block(head) and (len(line) > FULL_BAND * width
                                        or len(line) + 1 + len(FIRST_WORD_RE.match(head)[0]) > width):
            out[i] = True
    return out


def looks_wrapped(texts: list, width: int, joins: list) -> bool:
    """Do the full lines (``run_ons``) say the text is wrapped at ``width``?"""
    going_on = [i for i, j in enumerate(joins) if j]
    if len(going_on) < MIN_RUN_ONS:
        return False
    if sum(ends_like_sentence(texts[i]) for i in going_on) > MAX_SENTENCE_ENDS * len(going_on):
        return False
    lower = sum(texts[i + 1].lstrip()[:1].islower() for i in going_on)
    if lower >= MIN_LOWER_CASE_GOING_ON * len(going_on):
        return True
    full = sum(1 for t in texts if FULL_BAND * width < len(t) <= width)
    below = sum(1 for t in texts if BELOW_BAND * width < len(t) <= FULL_BAND * width)
    return full >= max(MIN_PILE_UP * below, MIN_FULL_LINES)


def wrapped_paragraphs(texts: list) -> Optional[list]:
    """The paragraphs of a hard-wrapped text as ``(start, end)`` index ranges
    over ``texts`` (the lines, right-stripped), one for each line that is not
    part of a longer paragraph too; None when the text is not wrapped.
    """
    width = wrap_width(texts)
    if not width:
        return None
    joins = run_ons(texts, width)
    if not looks_wrapped(texts, width, joins):
        return None
    blocks, start = [], 0
    for i, j in enumerate(joins):
        # A full line that ends a sentence ends the paragraph as well as any:
        # wrapped text breaks into whole sentences, but a paragraph
        # followed by a line of junk does not take that line along.
        if not j or ends_like_sentence(texts[i]):
            blocks.append((start, i + 1))
            start = i + 1
    return blocks


def join_lines(lines: list) -> Line:
    """The lines of one paragraph as one ``Line``, numbered as its first."""
    if len(lines) == 1:
        return lines[0]
    return Line(lines[0].number, " ".join([l.text.strip() for l in lines]) + "\n")
