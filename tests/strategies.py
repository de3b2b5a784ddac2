"""Hypothesis strategies for scraped text and scraped HTML.

``scraped_text()`` builds documents that look like what a scraper saves: prose
lines, bullets, menu words, URLs, boilerplate phrases, blank lines, unicode
(RTL scripts, combining marks, emoji, zero-width characters), control
characters, ``\\r\\n`` and lone ``\\r`` line ends.  It never produces NUL (a NUL
makes bytes input "binary"; as ``str`` it is still cleaned, see
``any_text()``).

``scraped_html()`` builds random nested markup: block and inline tags
(p/div/ul/li/table/script/style/a/h1-h6...), class/id tokens the cleaner
treats as boilerplate (sidebar, share...), entities, comments, unclosed tags
and stray ``</html>`` in the middle of a page.
"""

from __future__ import annotations

from hypothesis import strategies as st

# -- text ---------------------------------------------------------------------

WORDS = (
    "the market rallied after officials said they had reached an agreement on tariffs "
    "analysts expect growth to slow while traders wait for details about enforcement "
    "share tweet subscribe newsletter advertisement related articles read more cookies "
    "privacy policy terms home news sports contact login sign up free trading account "
    "forex signals best brokers copyright all rights reserved follow us on facebook"
).split()
UNICODE_WORDS = [
    "Grüße", "straße", "ΣΊΣΥΦΟΣ", "Привет", "мир", "日本語", "中文字", "한국어",
    "مرحبا", "بالعالم", "שלום", "עולם",  # RTL
    "e\u0301te\u0301", "n\u0303o", "a\u0308\u0304",  # combining marks
    "😀", "👍🏽", "🇫🇷", "👨\u200d👩\u200d👧",  # emoji incl. modifiers, flags, ZWJ
    "zero\u200bwidth", "soft\xadhyphen", "\u200f", "\u202e", "\ufeff", "ﬁ", "Ⅻ",
    "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c",  # str.splitlines() breaks, not "\n"
]
BULLETS = ["- ", "* ", "• ", "· ", "> ", "» ", "→ ", "1. ", "| ", "# ", "## "]
CONTROL = [chr(c) for c in range(1, 32) if chr(c) not in "\n\r"] + ["\x7f", "\x9b"]
BOILERPLATE_LINES = [
    "Share", "Tweet", "Share on Facebook", "Subscribe to our newsletter", "Advertisement",
    "Related Articles", "Read more", "Accept cookies", "Privacy Policy", "Home | News | Sports",
    "Open a FREE Trading Account", "Check out our free forex signals", "Best Forex Brokers",
    "© 2024 Example Inc. All rights reserved.", "Sign up", "Log in", "Comments (12)",
    "— Jane Doe (@janedoe) March 4, 2024",  # (not boilerplate: an embedded post's attribution)
]
ENDINGS = ["\n", "\n", "\n", "\n", "\r\n", "\r\n", "\r", ""]


@st.composite
def urls(draw) -> str:
    scheme = draw(st.sampled_from(["http://", "https://", "", "//"]))
    host = draw(st.sampled_from(["example.com", "www.fxleaders.com", "news.example.org", "xn--bcher-kva.ch"]))
    path = "/".join(draw(st.lists(st.sampled_from(WORDS + ["2024", "a?b=1&c=2", "%20", "#top"]), max_size=4)))
    return f"{scheme}{host}/{path}"


def word() -> st.SearchStrategy:
    return st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(WORDS).map(str.capitalize),
        st.sampled_from(UNICODE_WORDS),
        urls(),
        st.integers(0, 10**6).map(str),
        st.sampled_from(CONTROL),
        # Anything but NUL, surrogates and line breaks ("\n" / "\r" are line ends here).
        st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\n\r"), min_size=1, max_size=8),
    )


@st.composite
def markdown_piece(draw) -> str:
    """Markdown as scrapers write it: links, images, linked images, emphasis, broken syntax."""
    text = " ".join(draw(st.lists(word(), min_size=0, max_size=4)))
    target = draw(st.one_of(urls(), st.sampled_from(["", "#top", "/a_(b)", "x y", "(", ")", 'u "t"'])))
    return draw(st.sampled_from([
        f"[{text}]({target})", f"![{text}]({target})", f"[![{text}]({target})]({target})",
        f"**{text}**", f"__{text}__", f"[{text}]", f"]({target}", "**", "[](", "![]()",
    ]))


@st.composite
def text_line(draw) -> str:
    kind = draw(st.sampled_from(["prose", "prose", "prose", "bullet", "boiler", "blank", "space", "url", "markdown"]))
    if kind == "prose":
        body = " ".join(draw(st.lists(word(), min_size=1, max_size=40)))
        body = body[:1].upper() + body[1:] + draw(st.sampled_from([".", ".", "!", "?", ":", ""]))
    elif kind == "bullet":
        body = draw(st.sampled_from(BULLETS)) + " ".join(draw(st.lists(word(), min_size=1, max_size=6)))
    elif kind == "boiler":
        body = draw(st.sampled_from(BOILERPLATE_LINES))
    elif kind == "url":
        body = draw(urls())
    elif kind == "markdown":
        body = " ".join(draw(st.lists(st.one_of(markdown_piece(), word()), min_size=1, max_size=12)))
    elif kind == "space":
        body = draw(st.sampled_from([" ", "\t", "   ", "\u00a0", "\u3000", " \t "]))
    else:
        body = ""
    indent = draw(st.sampled_from(["", "", "", " ", "  ", "\t"]))
    return indent + body


@st.composite
def scraped_text(draw, max_lines: int = 40) -> str:
    """A scraped-text document (``str``, no NUL)."""
    lines = draw(st.lists(text_line(), max_size=max_lines))
    # Repeat some lines: repeated lines are what dedup and menu detection see.
    if lines and draw(st.booleans()):
        lines += draw(st.lists(st.sampled_from(lines), max_size=5))
        lines = draw(st.permutations(lines))
    out = []
    for line in lines:
        out.append(line + draw(st.sampled_from(ENDINGS)))
    prefix = draw(st.sampled_from(["", "", "", "\ufeff"]))
    return prefix + "".join(out)


def any_text() -> st.SearchStrategy:
    """Scraped-looking text, or arbitrary unicode (NUL and lone surrogates included)."""
    return st.one_of(scraped_text(), st.text(max_size=300), st.text(st.characters(codec="utf-8"), max_size=300))


# -- html -----------------------------------------------------------------------

BLOCK_TAGS = ["p", "div", "ul", "ol", "li", "table", "tr", "td", "th", "section", "article", "main",
              "aside", "nav", "header", "footer", "blockquote", "pre", "form", "span", "em", "b",
              "h1", "h2", "h3", "h4", "h5", "h6", "a", "label", "button", "figure", "figcaption"]
RAW_TAGS = ["script", "style", "noscript", "template", "textarea", "title", "svg"]
TOKENS = ["sidebar", "share", "social", "related", "ad", "ads", "advert", "promo", "newsletter",
          "cookie-banner", "nav", "menu", "footer", "comments", "content", "article-body", "main",
          "post", "entry", "x", "-", "_", "side-bar2", "AD_slot"]
ENTITIES = ["&amp;", "&lt;", "&gt;", "&nbsp;", "&quot;", "&#39;", "&#x27;", "&#8212;", "&hellip;",
            "&copy;", "&unknown;", "&#0;", "&#xD800;", "&#1114112;", "&", "&#", "&amp"]


@st.composite
def attrs(draw) -> str:
    out = []
    for _ in range(draw(st.integers(0, 3))):
        name = draw(st.sampled_from(["class", "id", "role", "href", "style", "hidden", "aria-hidden",
                                     "itemprop", "data-x", "CLASS", "on click"]))
        if name in ("class", "id", "role", "CLASS"):
            value = " ".join(draw(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=3)))
        elif name == "href":
            value = draw(urls())
        elif name == "style":
            value = draw(st.sampled_from(["display:none", "display: none", "color:red", ""]))
        elif name == "itemprop":
            value = "articleBody"
        elif name == "aria-hidden":
            value = "true"
        else:
            value = draw(st.text(max_size=5))
        quote = draw(st.sampled_from(['"', "'", ""]))
        if not quote:
            value = value.replace(" ", "")
        out.append(f" {name}={quote}{value}{quote}" if name != "hidden" else " hidden")
    return "".join(out)


def html_text() -> st.SearchStrategy:
    return st.one_of(
        st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(UNICODE_WORDS), st.sampled_from(ENTITIES)),
                 min_size=1, max_size=30).map(" ".join),
        st.sampled_from(BOILERPLATE_LINES),
        st.text(max_size=20),
    )


def html_nodes(max_leaves: int = 30) -> st.SearchStrategy:
    leaf = st.one_of(
        html_text(),
        st.sampled_from(["<br>", "<br/>", "<hr>", "<img src=x.png alt='a'>", "<!-- a comment -->",
                         "<!-- <p>hidden</p> -->", "</html>", "</body>", "<p>", "</div>", "</p>",
                         "<![CDATA[x]]>", "<?php echo 1 ?>", "<", ">", "<!---->", "<!DOCTYPE html>"]),
        st.builds(lambda tag, body: f"<{tag}>{body}</{tag}>", st.sampled_from(RAW_TAGS),
                  st.sampled_from(["var a = '<p>not text</p>';", "body{color:red}", "<div>x</div>", "", "</scr"])),
    )

    def extend(children):
        return st.builds(
            lambda tag, a, kids, close: f"<{tag}{a}>" + "".join(kids) + (f"</{tag}>" if close else ""),
            st.sampled_from(BLOCK_TAGS), attrs(), st.lists(children, max_size=4),
            st.sampled_from([True, True, True, True, False]),  # sometimes unclosed
        )

    return st.recursive(leaf, extend, max_leaves=max_leaves)


@st.composite
def scraped_html(draw) -> str:
    """A (often malformed) HTML page as ``str``."""
    body = "".join(draw(st.lists(html_nodes(), max_size=6)))
    head = draw(st.sampled_from([
        "", "<title>Page title</title>", "<meta charset='utf-8'>",
        "<style>p{}</style><script>document.write('<p>x</p>')</script>",
    ]))
    shape = draw(st.sampled_from(["full", "full", "body", "fragment", "unclosed-comment"]))
    if shape == "full":
        return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    if shape == "body":
        return f"<html><body>{body}"
    if shape == "unclosed-comment":
        return f"<html><body><p>Before the comment.</p>{body}<!-- never closed {body}"
    return f"<div>{body}</div>"


# -- invariant checks shared by test_properties and test_fuzz --------------------

import re as _re

HUNK_RE = _re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
NO_NEWLINE = "\\ No newline at end of file\n"


def split_keepends(text: str, end: str = "\n") -> list:
    """Split at ``\\n`` only (like the cleaner and ``patch``), terminators kept."""
    parts = text.split(end)
    lines = [p + end for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def apply_unified_diff(source: str, diff: str) -> str:
    """A tiny strict ``patch``: apply a unified diff to ``source``.

    Lines are split at ``\\n`` only, as ``patch`` does, so ``\\r``, ``\\x0b``,
    ``\\u2028`` etc. stay inside a line.  Every context and removed line must
    match the source exactly and the hunk counts must be right.
    """
    if not diff:
        return source
    old = split_keepends(source)
    lines = split_keepends(diff)
    assert lines[0].startswith("--- ") and lines[1].startswith("+++ "), lines[:2]
    out: list = []
    pos = 0
    i = 2
    while i < len(lines):
        m = HUNK_RE.match(lines[i])
        assert m, f"not a hunk header: {lines[i]!r}"
        start = int(m.group(1))
        old_len = int(m.group(2)) if m.group(2) is not None else 1
        new_len = int(m.group(4)) if m.group(4) is not None else 1
        first = start - 1 if old_len else start
        assert first >= pos, "hunks out of order"
        out.extend(old[pos:first])
        pos = first
        i += 1
        seen_old = seen_new = 0
        while i < len(lines) and not lines[i].startswith("@@"):
            tag, body = lines[i][0], lines[i][1:]
            i += 1
            if i < len(lines) and lines[i] == NO_NEWLINE:
                assert body.endswith("\n")
                body = body[:-1]
                i += 1
            if tag in " -":
                assert pos < len(old) and old[pos] == body, (pos, old[pos] if pos < len(old) else None, body)
                pos += 1
                seen_old += 1
            if tag == " ":
                out.append(body)
                seen_new += 1
            elif tag == "+":
                out.append(body)
                seen_new += 1
            elif tag != "-":
                raise AssertionError(f"bad diff line {tag + body!r}")
        assert (seen_old, seen_new) == (old_len, new_len), ((seen_old, seen_new), (old_len, new_len))
    out.extend(old[pos:])
    return "".join(out)


def text_lines(text: str) -> list:
    """The lines of a text as the README defines them: they end at ``\\n``, and what
    follows the last ``\\n`` (all of a text without one: classic Mac OS) at ``\\r``."""
    cut = text.rfind("\n") + 1
    return split_keepends(text[:cut], "\n") + split_keepends(text[cut:], "\r")


def is_line_subsequence(body: str, source: str) -> bool:
    """``body`` is a concatenation of a subsequence of ``source``'s lines, in order
    (``text_lines``; the body's own lines read the same way)."""
    src = iter(text_lines(source))
    return all(any(line == s for s in src) for line in text_lines(body))


def check_result_shape(result, source=None) -> None:
    """Invariants every Result must satisfy."""
    assert result.status in ("ok", "no-body", "passthrough")
    assert isinstance(result.text, str) and isinstance(result.source, str)
    if source is not None:
        assert result.source == source
    assert "".join(d.text for d in result.decisions) == result.source
    assert [d.line for d in result.decisions] == list(range(1, len(result.decisions) + 1))
    assert "".join(d.text for d in result.decisions if d.kept) == result.text
    if result.status == "no-body":
        assert not result.text.strip()


def fingerprint(result) -> tuple:
    """Everything observable about a result (for determinism checks)."""
    return (result.text, result.source, result.decisions, result.status, result.message,
            result.language, result.format, result.to_json())


# -- the properties themselves (run by test_properties with a short profile and
# by test_fuzz with a long one) --------------------------------------------------

def check_idempotent_text(text: str, **options) -> None:
    import cleaner

    body = cleaner.clean(text, format="text", **options).text
    assert cleaner.clean(body, format="text", **options).text == body, "cleaning the body again changed it"


def check_idempotent_html(html: str, **options) -> None:
    import cleaner

    body = cleaner.clean(html, format="html", **options).text
    assert cleaner.clean(body, format="text", **options).text == body, "cleaning the HTML body as text changed it"


def check_text_document(text: str, others=(), **options) -> None:
    """The text-mode invariants for one document (idempotence is checked apart)."""
    import cleaner

    r = cleaner.clean(text, format="text", **options)
    check_result_shape(r, text)
    # The body is a subsequence of the input lines (terminators and \r kept).
    assert is_line_subsequence(r.text, text)
    # The diff applied to the input gives the body.
    assert apply_unified_diff(text, r.diff("doc.txt")) == r.text
    # Deterministic, also after other documents were cleaned in between.
    assert fingerprint(cleaner.clean(text, format="text", **options)) == fingerprint(r)
    for other in others:
        cleaner.clean(other)
    assert fingerprint(cleaner.clean(text, format="text", **options)) == fingerprint(r)
    r.to_json()
    r.explain("doc.txt")


def check_html_document(html: str, others=(), **options) -> None:
    """The HTML-mode invariants for one page (idempotence is checked apart)."""
    import cleaner

    r = cleaner.clean(html, format="html", **options)
    check_result_shape(r)
    assert r.format == "html"
    # The body is made of the page's visible-text lines.
    assert is_line_subsequence(r.text, r.source)
    assert apply_unified_diff(r.source, r.diff("page.html")) == r.text
    assert fingerprint(cleaner.clean(html, format="html", **options)) == fingerprint(r)
    for other in others:
        cleaner.clean(other)
    assert fingerprint(cleaner.clean(html, format="html", **options)) == fingerprint(r)
    r.to_json()


def check_never_raises(data: str) -> None:
    """Any ``str`` is cleaned in every mode without an exception."""
    import cleaner

    for fmt in (None, "text", "html"):
        r = cleaner.clean(data, format=fmt)
        check_result_shape(r)
        r.diff()
        r.to_json()


# Hypothesis profiles: "cleaner-ci" for tests/test_properties.py, "cleaner-fuzz"
# for tests/test_fuzz.py (CLEANER_FUZZ_EXAMPLES sets its size).
import os as _os

from hypothesis import HealthCheck, settings as _settings

_SUPPRESS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
_settings.register_profile("cleaner-ci", max_examples=200, deadline=None, suppress_health_check=_SUPPRESS,
                           print_blob=True)
_settings.register_profile(
    "cleaner-fuzz",
    max_examples=int(_os.environ.get("CLEANER_FUZZ_EXAMPLES", "50")),
    deadline=None,
    suppress_health_check=_SUPPRESS,
    print_blob=True,
    derandomize=False,
)
CI = _settings.get_profile("cleaner-ci")
FUZZ = _settings.get_profile("cleaner-fuzz")
