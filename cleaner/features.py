"""Language-neutral features of one line, computed once per line."""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD_RE = re.compile(r"\w+")
BULLET_RE = re.compile(r"^\s*(?:[-*•·‣▪▸►◦–—+]|\d{1,3}[.)]|[a-z][.)])\s+")
URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w{2,}")
TERMINAL_PUNCT = tuple(".!?:;\"'”’»)…。！？")


@dataclass(frozen=True, slots=True)
class Features:
    chars: int  # length of the stripped line
    words: int
    stopwords: int
    terminal: bool  # ends like a sentence
    bullet: bool
    url_chars: int
    digits: int
    upper_words: int  # words starting with an upper-case letter

    @property
    def stop_density(self) -> float:
        return self.stopwords / self.words if self.words else 0.0

    @property
    def url_share(self) -> float:
        return self.url_chars / self.chars if self.chars else 0.0


def line_features(stripped: str, lowered_words: list, stoplist: frozenset) -> Features:
    words = len(lowered_words)
    stopwords = sum(1 for w in lowered_words if w in stoplist) if stoplist else 0
    url_chars = sum(len(m) for m in URL_RE.findall(stripped)) if ("://" in stripped or "www." in stripped or "@" in stripped) else 0
    return Features(
        chars=len(stripped),
        words=words,
        stopwords=stopwords,
        terminal=stripped.endswith(TERMINAL_PUNCT),
        bullet=bool(BULLET_RE.match(stripped)),
        url_chars=url_chars,
        digits=sum(c.isdigit() for c in stripped) if words < 40 else 0,
        upper_words=sum(1 for w in stripped.split() if w[:1].isupper()),
    )
