"""Markdown (and lynx's numbered links) as scrapers write it, read as the text a reader sees.

Scrapers made for LLM pipelines (Firecrawl, Jina Reader, crawl4ai) save a
page as Markdown: a menu becomes a line of links, a picture a line of image
syntax, a link inside a paragraph drags its address along.  Judged as
written, a paragraph with two links looks like a line of URLs and a menu of
links like prose-less junk for the wrong reason.  So every line is judged by
its reader text: links become their text, images their alt text, and
emphasis around a whole line (``**bold**``, ``*italic*``, also after a ``#``
heading or a bullet mark) loses its marks, so a bold or italic sentence ends
like a sentence.  The body still keeps each line as it was written; only the
judging changes.

The links are evidence too, as in HTML: a line that is mostly link text is a
link (a menu item, a teaser title), not prose (``classify.LINK_LINE_SHARE``).

A line that is only a picture is judged by its place, not its alt text: it
is kept where the text around it is (``classify.keep_pictures``).

``lynx -dump`` numbers each link in front of its text ("[12]Home"); the
reader drops the number, so a menu item still matches its rule and repeats
its copies, and takes a line that opens with a link (after a list mark) for
link text all along, as lynx does not mark where a link ends: a menu, a
teaser's title; not a paragraph, which ends with a full stop.  An index or
a citation ("argv[1]", "founded in 1850.[1] The") is no link number.

Each line is read on its own (no document-level switch), so a line reads the
same in the page and in its cleaned body, and cleaning stays idempotent.
"""

from __future__ import annotations

import re
import tomllib
from typing import NamedTuple, Optional

# A link target may hold one level of parentheses (Wikipedia addresses) and a
# quoted title, in double quotes (html2text leaves the title's own quotes as they
# are: "In der Kategorie "Material" ...") or single; every repeat is bounded, and
# the branches are disjoint, so a long line costs linear time.
_TARGET = r"\((?:[^()\s]|\([^()\s]{0,200}\)){0,2000}(?:\s{1,5}(?:\"[^\n]{0,300}?\"|'[^'\n]{0,300}'))?\)"
# Jina Reader numbers each picture's alt text ("![Image 3: A pier at dusk](...)"):
# the number is the reader's, not the page's, and "Image 3:" would read as a credit.
IMAGE_RE = re.compile(r"!\[(?:Image \d{1,4}(?:: ?|(?=\])))?([^\[\]\n]{0,500})\]" + _TARGET)
LINK_RE = re.compile(r"\[([^\[\]\n]{0,1000})\]" + _TARGET)
# A line that is only a picture, alone or as a link's text ("[![alt](src)](href)").
PICTURE_LINE_RE = re.compile(r"(?:\[\s{0,5})?!\[[^\[\]\n]{0,500}\]" + _TARGET + r"(?:\s{0,5}\]" + _TARGET + ")?")
MARKDOWN_SIGNS = ("](", "*", "_")
# lynx -dump numbers each link in front of its text: "[12]Home", "([13]Art. 90".
# Not an index after a word or a bracket ("argv[1]", "a[0][1]"), a citation
# ("in 1850.[3] The", "[[1]](#cite)") or a Markdown reference ("[1]: https://...").
# The bracket comes first and the look behind it after, so that a search
# skips to the next "[" (36 times faster over the eval pages' texts).
_LINK_NUMBER = r"\[(?<![\w\]]\[)\d{1,6}\](?=[^\s\[\]():.,;])"
LINK_NUMBER_RE = re.compile(_LINK_NUMBER)
# Where a link ends lynx does not say; a line that starts with one (after a
# list mark) is taken for links all along: a menu ("[5]Inhalte [7]Projekte"),
# a teaser's title ("* [794]Julia Ritter gewinnt ...", "[9]Wer zahlt?").  Not
# when it ends with a full stop (before closing quotes): a paragraph that
# opens with a link.
CLOSING_QUOTES = "\"'”“’»«)"
LINKED_LINE_RE = re.compile(r"(?:[-*+o#@] {0,3}|\d{1,3}[.)] {1,3})?" + _LINK_NUMBER)
# Emphasis around a whole line, after an optional heading, quote or bullet mark:
# "**Quick overview**", "### **1 545 500 EUROS**", "*Eine Ameise in einer Bar!*".
# A bullet's "* " is not emphasis: the opening mark must touch the text.
EMPHASIS_RE = re.compile(r"^((?:#{1,6} |> |[-+*] )?)(\*\*|__|\*|_)(?=\S)(.{1,10000}?)(?<=\S)\2$")


class ReadLines(NamedTuple):
    texts: list  # the reader text of each line
    link_chars: Optional[list]  # characters of link text in each; None when no line has a link


def read_line(line: str) -> tuple:
    """``line`` (stripped) as a reader of the rendered Markdown sees it, and how
    many of its characters are link text.

    A line that reads as nothing (an image without alt text) keeps its
    written form: that is a line of syntax and addresses, and is judged so.
    """
    text, linked = line, 0
    if "]" in text:
        opening = LINKED_LINE_RE.match(text)
        text = LINK_NUMBER_RE.sub("", text)
        if opening is not None and not text.rstrip(CLOSING_QUOTES).endswith("."):
            linked = len(text) - opening[0].index("[")  # all but the list mark
    if "](" in text:
        text = IMAGE_RE.sub(r"\1", text)
        linked = sum(len(m[1].strip()) for m in LINK_RE.finditer(text))
        text = LINK_RE.sub(r"\1", text).strip()
    if text.endswith(("*", "_")):
        emphasis = EMPHASIS_RE.match(text)
        # One span around the whole line, not two ("*Ab Montag* ... *REWE*").
        if emphasis and emphasis[2] not in emphasis[3]:
            text = emphasis[1] + emphasis[3]
    return (text, min(linked, len(text))) if text else (line, 0)


def picture_lines(lines: list) -> Optional[list]:
    """For each (stripped) line: is it only a picture (``PICTURE_LINE_RE``)? None when none is."""
    marks = ["![" in l and PICTURE_LINE_RE.fullmatch(l) is not None for l in lines]
    return marks if any(marks) else None


def read_lines(lines: list) -> ReadLines:
    """``read_line`` of every line; a text without Markdown signs or link numbers is returned as it is."""
    joined = "\n".join(lines)
    numbered = LINK_NUMBER_RE.search(joined) is not None  # a shortcut: a line without one reads the same
    if not numbered and not any(sign in joined for sign in MARKDOWN_SIGNS):
        return ReadLines(lines, None)
    read = [read_line(l) if "](" in l or l.endswith(("*", "_")) or (numbered and "]" in l) else (l, 0) for l in lines]
    texts = [text for text, _ in read]
    link_chars = [linked for _, linked in read] if "](" in joined or numbered else None
    return ReadLines(texts, link_chars)


# A fence opens a code block: three or more backticks (with an info string
# that holds none) or tildes; it is closed by a fence of the same mark at
# least as long, with nothing after it (CommonMark, section 4.5).
FENCE_RE = re.compile(r"^(`{3,}|~{3,})(.*)$")


# A shell prompt and a command: "$ sudo make install", "$ cd /usr/src"; not a
# price ("$ 249").
PROMPT_RE = re.compile(r"\$ [a-z][\w.+-]{0,40}(?: |$)")
MIN_PROMPT_LINES = 2


def shell_sessions(lines: list) -> Optional[list]:
    """For each (stripped) line: is it one of ``MIN_PROMPT_LINES`` or more commands in a
    row after a shell prompt ("$ make"), or a command the line above introduces
    ("Check how much space is left:" / "$ df -h")?  A scrape keeps a terminal
    session unfenced; it is code as much as a fenced block.  None when there is
    no such command."""
    marks = [PROMPT_RE.match(line) is not None for line in lines]
    out: Optional[list] = None
    start = 0
    for i in range(len(marks) + 1):
        if i < len(marks) and marks[i]:
            continue
        if i - start >= MIN_PROMPT_LINES or (i > start and _introduced(lines, start)):
            if out is None:
                out = [False] * len(lines)
            out[start:i] = [True] * (i - start)
        start = i + 1
    return out


def _introduced(lines: list, i: int) -> bool:
    """Does the nearest non-blank line above line ``i`` end with a colon?"""
    above = next((lines[k] for k in range(i - 1, -1, -1) if lines[k]), "")
    return above.endswith(":")


TABLE_DELIMITER_RE = re.compile(r"\|?(?: {0,3}:?-{1,200}:? {0,3}\|){1,60}(?: {0,3}:?-{1,200}:?)?")  # "|---|:--:|", "--- | ---"


def pipe_tables(lines: list) -> list:
    """The Markdown (GFM) tables of stripped lines, as (header, last row): a row of cells
    over its delimiter row ("|---|---|"), then the rows that hold a "|", up to a blank
    line or one without."""
    tables, i, n = [], 0, len(lines)
    while i + 1 < n:
        if "|" in lines[i] and TABLE_DELIMITER_RE.fullmatch(lines[i + 1]) is not None \
                and not TABLE_DELIMITER_RE.fullmatch(lines[i]):
            end = i + 1
            while end + 1 < n and "|" in lines[end + 1]:
                end += 1
            tables.append((i, end))
            i = end + 1
        else:
            i += 1
    return tables


QUOTE_MARKS_RE = re.compile(r"(?:> ?)+")  # a block quote's marks, "> > " nested


def fenced_code(lines: list) -> Optional[list]:
    """For each (stripped) line: is it part of a fenced code block, fences
    included?  None when the text has none.

    A fence that is never closed opens no block: in a scraped page it is a
    stray mark more often than a code block that runs to the end.  A block
    quote may hold one ("> ```" ... "> ```"), closed at the same depth; each
    depth has its fences, so a quoted fence never closed (a reply quoting part
    of a traceback) leaves the page's own code blocks as they are.
    """
    inside: Optional[list] = None
    opened: dict = {}  # quote depth -> (index, fence) of its open fence
    for i, line in enumerate(lines):
        depth = 0
        if line.startswith(">"):
            marks = QUOTE_MARKS_RE.match(line)
            depth, line = marks.group().count(">"), line[marks.end():]
        if not line.startswith(("```", "~~~")):
            continue
        fence = FENCE_RE.match(line)
        if fence is None:
            continue
        open_ = opened.get(depth)
        if open_ is None:
            if fence[1][0] == "~" or "`" not in fence[2]:
                opened[depth] = (i, fence[1])
        elif fence[1][0] == open_[1][0] and len(fence[1]) >= len(open_[1]) and not fence[2].strip():
            if inside is None:
                inside = [False] * len(lines)
            inside[open_[0]:i + 1] = [True] * (i + 1 - open_[0])
            del opened[depth]
    return inside


# -- Fenced divs: Docusaurus' and MyST's admonitions, pandoc's divs ---------------
# ":::note" ... ":::", nested by fence length.
DIV_OPEN_RE = re.compile(r"(:{3,}) ?\{?[\w-][^\n]{0,200}")
DIV_CLOSE_RE = re.compile(r":{3,}")


def div_closers(lines: list, code: Optional[list] = None) -> Optional[dict]:
    """For each closing fence of a fenced div, the line of its opening one; None if there
    are none.  A closer closes the innermost open div if it is at least as long as that
    div's fence (an outer "::::info" wants "::::"); ``code``: the lines of code
    (``fenced_code``), whose ":::" are code."""
    closers, open_ = {}, []  # open_: (line, fence length)
    for i, line in enumerate(lines):
        if code is not None and code[i]:
            continue
        if DIV_CLOSE_RE.fullmatch(line):
            if open_ and open_[-1][1] <= len(line):
                closers[i] = open_.pop()[0]
        elif (m := DIV_OPEN_RE.fullmatch(line)) is not None:
            open_.append((i, len(m.group(1))))
    return closers or None


# -- Front matter: a Markdown file's metadata, fenced at its top --------------------
FRONT_MATTER_FENCES = {"---": ("---", "..."), "+++": ("+++",)}  # YAML (Jekyll, Hugo, Pandoc), TOML (Hugo)
FRONT_MATTER_MAX_LINES = 200
# "title: x", "og:image: /a.png" (not "14:05 Uhr: ...", a ticker's time), "- item", "# comment",
# indented, the end of a flow list ("]")
YAML_LINE_RE = re.compile(r"[\w\"'@$](?:[\w ./\"'@$-]|:(?=[^\W\d_])){0,60}:(?: |$)|- |#|\s|[\]}]")
TOML_LINE_RE = re.compile(r"[\w\"'][\w .\"'-]{0,60} ?=|\[|#|\s")  # "title = x", "[params]", "# comment"


def front_matter_length(lines: list) -> int:
    """The number of lines of the front matter that opens a file ("---" / "title: ..." /
    "---"), fences included; 0 when there is none.  Every line inside must read as
    YAML's keys ("og:image: ..."), list items or comments, or the whole as TOML (between
    "+++", whose arrays and strings may run over lines): a thematic break
    at the top of a page, over its text, is no front matter.  A byte-order mark before
    the fence (a file read with ``encoding="utf-8"``, not ``"utf-8-sig"``) is read past."""
    fence = lines[0].lstrip("\ufeff").strip() if lines else ""
    if fence not in FRONT_MATTER_FENCES:
        return 0
    closing = FRONT_MATTER_FENCES[fence]
    yaml = closing[0] == "---"
    for i in range(1, min(len(lines), FRONT_MATTER_MAX_LINES)):
        line = lines[i].rstrip("\r\n")
        if line.strip() in closing:
            if not yaml and not _is_toml(lines[1:i]):
                return 0
            return i + 1  # (empty, "---" / "---", too: Jekyll builds only a file that has one)
        if yaml and line.strip() and not YAML_LINE_RE.match(line):
            return 0
    return 0


def _is_toml(lines: list) -> bool:
    """Do the lines parse as TOML (Hugo's "+++" front matter: arrays and strings may
    run over several lines), or each read as a key's, a table's or a comment's
    ("title = My post", unquoted, which a scraper's tool may write)?"""
    if all(not line.strip() or TOML_LINE_RE.match(line) for line in lines):
        return True
    try:
        tomllib.loads("\n".join(line.rstrip("\r\n") for line in lines))
    except (tomllib.TOMLDecodeError, RecursionError):
        return False
    return True
