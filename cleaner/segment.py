"""Turn a parsed HTML tree into text blocks in reading order.

One block is what a reader sees as one line: a paragraph, a heading, a list
item, a table row, a caption.  Each block keeps DOM evidence (``BlockHint``)
for the classifier.  The walk is iterative (``lxml.etree.iterwalk``), so deep
nesting cannot exhaust the Python stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

# Elements whose content a browser does not show as text.
INVISIBLE_TAGS = frozenset(
    "script style noscript template head title meta link svg math iframe object "
    "embed canvas audio video map select datalist".split()
)
# Elements that start a new block (line).
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html "
    "legend li main menu nav ol p pre section summary table tbody td tfoot th thead "
    "tr ul caption option button label".split()
)
HEADING_LEVEL = {f"h{i}": i for i in range(1, 7)}
MAIN_MARKERS = ("article", "main")

# Words in class/id/role values that mark boilerplate containers (the
# vocabulary of trafilatura's and readability's negative patterns).  A value is
# split at "-", "_" and spaces, so "post-sidebar" and "share_buttons" match.
BOILERPLATE_WORDS = frozenset(
    "sidebar related recommended recommendation recommendations promo promoted promotion "
    "share sharing shares social newsletter subscribe subscription advert advertisement ad ads "
    "adslot banner sponsor sponsored cookie cookies consent gdpr footer header nav navbar "
    "navigation menu breadcrumb breadcrumbs comment comments widget widgets teaser teasers "
    "popup modal masthead toolbar pagination pager tags tagcloud authorbio bio disqus outbrain "
    "taboola trending popular mostread".split()
)
TOKEN_SPLIT_RE = re.compile(r"[-_\s]+")


@dataclass(slots=True)
class Block:
    """A block under construction; frozen into a ``Line`` by the caller."""

    text_parts: list
    tag: str
    element: object
    heading: int
    list_item: bool
    table: bool
    link_chars: int
    tokens: tuple
    in_main: bool
    text: str = ""  # the parts joined, whitespace collapsed: set when the block is complete


def _element_tokens(el) -> tuple:
    value = " ".join(v for v in (el.get("class"), el.get("id"), el.get("role")) if v)
    if not value:
        return ()
    return tuple(w for w in TOKEN_SPLIT_RE.split(value.lower()) if w in BOILERPLATE_WORDS)


def _is_hidden(el) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style) and "none" in style and "display:none" in style.replace(" ", "").lower()


def visible_blocks(root) -> list:
    """Return the visible text blocks of ``root`` in reading order."""
    return segment_page(root)[0]


def segment_page(root) -> tuple:
    """(visible blocks in reading order, deepest nesting of visible elements)."""
    blocks: list = []
    # Context stack entries: (tag, heading, list_item, table, tokens, in_main, in_link)
    stack: list = []
    skip_depth = 0
    max_depth = 0
    current: Block | None = None

    def context():
        return stack[-1] if stack else ("", 0, False, False, (), False, False)

    def start_block(el, ctx):
        nonlocal current
        flush()
        tag, heading, list_item, table, tokens, in_main, _ = ctx
        current = Block([], tag, el, heading, list_item, table, 0, tokens, in_main)

    def flush():
        nonlocal current
        if current is not None and current.text_parts:
            current.text = " ".join("".join(current.text_parts).split())
            if current.text:
                blocks.append(current)
        current = None

    def add_text(text, el):
        nonlocal current
        if not text:
            return
        if current is None:
            start_block(el, context())
        current.text_parts.append(text)
        if context()[6]:
            current.link_chars += len(text.strip())

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if skip_depth or not tag or tag in INVISIBLE_TAGS or _is_hidden(el):
                skip_depth += 1
                continue
            parent = context()
            tokens = _element_tokens(el)
            heading = HEADING_LEVEL.get(tag, parent[1])
            ctx = (
                tag,
                heading,
                parent[2] or tag in ("li", "dd", "dt"),
                parent[3] or tag in ("table", "tr", "td", "th"),
                parent[4] + tokens if tokens else parent[4],
                parent[5]
                or tag in MAIN_MARKERS
                or el.attrib.get("itemprop") == "articleBody",
                parent[6] or tag == "a",
            )
            stack.append(ctx)
            if len(stack) > max_depth:
                max_depth = len(stack)
            if tag in BLOCK_TAGS:
                start_block(el, ctx)
            elif tag == "br":
                flush()
            add_text(el.text, el)
        else:
            if skip_depth:
                skip_depth -= 1
                if skip_depth == 0 and el.tail:
                    # The tail of a skipped element is visible text again.
                    add_text(el.tail, el.getparent())
                continue
            if not tag:
                add_text(el.tail, el.getparent())
                continue
            stack.pop()
            if tag in BLOCK_TAGS:
                flush()
            add_text(el.tail, el.getparent())
    flush()
    return blocks, max_depth
