"""Language-neutral features of one line, computed once per line."""

from __future__ import annotations

import re
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
