"""Language-neutral features of each line, computed once per line."""

from __future__ import annotations

import re
from itertools import repeat
from operator import methodcaller
from typing import NamedTuple

WORD_RE = re.compile(r"\w+")
BULLET_RE = re.compile(r"^\s*(?:[-*•·‣▪▸►◦–—+]|\d{1,3}[.)]|[a-z][.)])\s+")
URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w{2,}")
TERMINAL_PUNCT = tuple(".!?:;\"'”’»)…。！？")


class Features(NamedTuple):
    chars: int  # length of the stripped line
    words: int
    stopwords: int
    terminal: bool  # ends like a sentence
    bullet: bool
    url_chars: int

    @property
    def stop_density(self) -> float:
        return self.stopwords / self.words if self.words else 0.0

    @property
    def url_share(self) -> float:
        return self.url_chars / self.chars if self.chars else 0.0


def line_features(stripped: str, lowered_words: list, stoplist: frozenset) -> Features:
    words = len(lowered_words)
    stopwords = sum(map(stoplist.__contains__, lowered_words)) if stoplist else 0
    url_chars = 0
    if "://" in stripped or "www." in stripped or "@" in stripped:
        url_chars = sum(len(m) for m in URL_RE.findall(stripped))
    return Features(
        chars=len(stripped),
        words=words,
        stopwords=stopwords,
        terminal=stripped.endswith(TERMINAL_PUNCT),
        bullet=bool(BULLET_RE.match(stripped)),
        url_chars=url_chars,
    )


URL_MARKERS = ("://", "www.", "@")


def word_lists(stripped: list) -> list:
    """The lower-cased words of each line (lines hold no line break), in one pass."""
    return list(map(WORD_RE.findall, "\n".join(stripped).lower().split("\n")))


def document_features(stripped: list, words: list, stoplist: frozenset) -> list:
    """``line_features`` of every line, column by column (one C-level pass per feature)."""
    if stoplist:
        counts = stoplist.__contains__
        stopwords = [sum(map(counts, ws)) for ws in words]
    else:
        stopwords = repeat(0)
    joined = "\n".join(stripped)
    if any(marker in joined for marker in URL_MARKERS):
        url_chars = [sum(map(len, URL_RE.findall(s))) if any(m in s for m in URL_MARKERS) else 0 for s in stripped]
    else:
        url_chars = repeat(0)
    return list(map(
        Features,
        map(len, stripped),
        map(len, words),
        stopwords,
        map(methodcaller("endswith", TERMINAL_PUNCT), stripped),
        [m is not None for m in map(BULLET_RE.match, stripped)],
        url_chars,
    ))
