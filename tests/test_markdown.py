"""Markdown scrapes: lines are judged by what a reader sees (cleaner.markdown)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner import classify as C
from cleaner.features import line_features
from cleaner.markdown import (LINK_NUMBER_RE, LINKED_LINE_RE, fenced_code, front_matter_length, picture_lines, read_line,
                              read_lines, shell_sessions)

from conftest import ARTICLE

PROSE = (
    "The committee agreed on Tuesday to raise the fees that small firms pay for their permits, "
    "and the new rules will apply from the first of January next year.\n"
)


@pytest.mark.parametrize("line, text, linked", [
    ("[Forex News](https://www.fxleaders.com/news/)", "Forex News", 10),
    ("* [Brokers](https://x.example/brokers) [XM](/go/xm)", "* Brokers XM", 9),
    ("![Trump and Xi](https://x.example/trump-xi.jpg)", "Trump and Xi", 0),
    ("![Image 3: A pier at dusk](https://x.example/pier.jpg)", "A pier at dusk", 0),  # Jina Reader's numbering
    ("[![FX Leaders](https://x.example/logo.png)](https://x.example/)", "FX Leaders", 10),
    ("![](https://x.example/pixel.gif)", "![](https://x.example/pixel.gif)", 0),  # reads as nothing: kept as written
    ("See [the paper](https://en.wikipedia.org/wiki/Foo_(bar) \"Foo\") for details.", "See the paper for details.", 9),
    ("**Quick overview**", "Quick overview", 0),
    ("__Note__", "Note", 0),
    ("*Eine Ameise in einer Bar!*", "Eine Ameise in einer Bar!", 0),
    ("### **1 545 500 EUROS**", "### 1 545 500 EUROS", 0),
    ("* **Bold item**", "* Bold item", 0),
    ("*Ab Montag* 10000 Produkttester *REWE Produkttest*", "*Ab Montag* 10000 Produkttester *REWE Produkttest*", 0),
    ("* a bullet with a star at its end*", "* a bullet with a star at its end*", 0),
    ("Pflichtfelder sind mit * markiert *", "Pflichtfelder sind mit * markiert *", 0),
    ("2**3 = 8 and a**b", "2**3 = 8 and a**b", 0),
    ("Not a link [x] (y)", "Not a link [x] (y)", 0),
    # html2text leaves a title's own quotes unescaped; a title may be in single quotes too.
    ('* [Material](https://x.example/material/ "In der Kategorie "Material" sind Texte")', "* Material", 8),
    ("[Archiv](https://x.example/archiv 'Alle Beiträge')", "Archiv", 6),
])
def test_a_line_reads_as_its_rendered_text(line, text, linked):
    assert read_line(line) == (text, linked)


def test_plain_text_is_read_as_it_is():
    lines = ["Plain prose.", "", "- a bullet"]
    assert read_lines(lines) == (lines, None)


def test_a_sentence_that_is_all_link_text_is_not_prose():
    """A linked teaser title reads as a short line; prose with a link inside stays prose."""
    teaser = "[The central bank kept its rates on hold as inflation cooled, officials said on Monday.](https://x.example/a)"
    paragraph = ("The central bank kept its rates on hold as inflation cooled, "
                 "[officials said](https://x.example/a) on Monday, and the markets rose.")
    classes = []
    for line in (teaser, paragraph):
        text, linked = read_line(line)
        words = text.lower().replace(",", "").replace(".", "").split()
        f = line_features(text, words, frozenset({"the", "its", "on", "as", "and"}))._replace(link_chars=linked)
        classes.append(C.classify_line(f, neutral=False))
    assert classes == [C.SHORT, C.GOOD]


PROSE2 = (
    "Several members said that they had been worried about the timing, but in the end most of them "
    "voted for the proposal because it was the only way to keep the project on its schedule.\n"
)
MENU = (
    "[Skip to content](#main)\n"
    "* [Forex Signals](https://www.fxleaders.com/forex-signals/)\n"
    "* [Forex News](https://www.fxleaders.com/news/)\n"
    "* [Brokers](https://www.fxleaders.com/forex-brokers/)\n"
    "\n"
)
TEASERS = (
    "\n### Related Articles\n\n"
    "* [EUR/USD climbs as the dollar weakens after the data](https://www.fxleaders.com/news/eurusd/)\n"
    "* [Gold hits a record high as traders look for safety](https://www.fxleaders.com/news/gold/)\n"
)


def test_a_markdown_scrape_keeps_the_article_and_drops_menus_and_teasers():
    body = (
        "# Council Backs New Budget Rules\n\n"
        + PROSE.replace("committee", "[committee](https://x.example/committee)") + "\n"
        + "![The council chamber](https://x.example/chamber.jpg)\n\n"
        + "## What Changes Next Year\n\n"
        + "**" + PROSE2.strip() + "**\n"
    )
    result = cleaner.clean(MENU + body + TEASERS, format="text")
    assert result.text == body
    assert cleaner.clean(result.text, format="text").text == result.text


def test_the_report_says_when_links_made_the_difference():
    # (Under a "related" heading the list is its teasers whatever their links: ``list.related``.)
    teasers = TEASERS.replace("### Related Articles", "### Markets today")
    result = cleaner.clean(MENU + "# Council Backs New Budget Rules\n\n" + PROSE + PROSE2 + teasers, format="text")
    teaser = next(d for d in result.decisions if "Gold hits" in d.text)
    assert not teaser.kept and "mostly link text" in teaser.reason


def test_learned_site_rules_hold_the_reader_text_of_markdown_lines():
    """A site's menu of links is learned as the words a reader sees, so the rule matches it."""
    from cleaner.learn import learn_site_rules
    from cleaner.rules import parse_rules

    chrome = "* [Market Movers Today](https://news.example/movers/)\n"
    docs = [(f"https://news.example/a{i}", chrome + f"Story {i} begins here, and it goes on for a while.\n" + PROSE2)
            for i in range(5)]
    rules = parse_rules(learn_site_rules(docs))
    assert rules and "market movers today" in rules[0].phrases


@pytest.mark.parametrize("line", [
    "[a](" + "x" * 100_000, "[a](" * 25_000, "](" * 50_000, "[" * 50_000 + "](", "![a](" + "(" * 50_000,
    "[a](u \"" + "t" * 100_000, "*" + "a*" * 50_000, "[x](y) " * 20_000, ("[" + "a" * 999 + "](") * 100,
])
def test_hostile_markdown_is_read_in_linear_time(line):
    import time

    started = time.perf_counter()
    text, linked = read_line(line)
    picture_lines([line, "![" + line, "[![a](b)" + line])
    assert time.perf_counter() - started < 0.5
    assert 0 <= linked <= len(text)


# -- fenced code blocks --------------------------------------------------------
CODE = (
    "```python\n"
    "import json\n"
    "\n"
    "def load(path):\n"
    "    with open(path) as f:\n"
    "        return json.load(f)\n"
    "}\n"
    "}\n"
    "# Subscribe to our newsletter\n"
    "```\n"
)


@pytest.mark.parametrize("lines, expected", [
    (["a", "```", "x", "```", "b"], [False, True, True, True, False]),
    (["```py", "x", "~~~", "y", "```"], [True] * 5),  # a tilde line does not close a backtick fence
    (["~~~~", "x", "~~~", "~~~~~"], [True] * 4),  # nor does a shorter fence
    (["```", "x", "``` not a close", "```"], [True] * 4),
    (["``` a`b", "x", "```"], None),  # a backtick in the info string: not a fence, so the last one opens
    (["```", "never closed", "more"], None),
    (["plain", "text"], None),
])
def test_fenced_code_blocks_are_found_as_commonmark_reads_them(lines, expected):
    assert fenced_code(lines) == expected


def test_a_code_block_in_the_body_is_kept_whole():
    """Its lines would read as menu lines, a rule hit and repeats one by one; as a block they stay."""
    body = "# Parsing JSON in Python\n\n" + PROSE + "\n" + CODE + "\n" + PROSE2
    result = cleaner.clean(MENU + body + TEASERS, format="text")
    assert result.text == body
    code = [d for d in result.decisions if d.rule == "context.code-block"]
    assert len(code) == CODE.count("\n") - 1 and all(d.kept for d in code)  # the blank line is layout's
    assert cleaner.clean(result.text, format="text").text == result.text


def test_a_code_block_at_the_end_of_the_article_goes_with_it():
    body = "# Parsing JSON in Python\n\n" + PROSE + "\nThe whole script:\n\n" + CODE
    result = cleaner.clean(MENU + body + TEASERS, format="text")
    assert result.text == body


@pytest.mark.parametrize("lines, expected", [
    (["$ cd /usr/src", "$ make", "done"], [True, True, False]),
    (["$ make", "text", "$ make install"], None),  # one command alone is no session
    (["$ 249", "$ 199"], None),  # prices, not prompts
    (["Price:", "$ 249 at Amazon", "$ sudo make install", "$ ls"], [False, False, True, True]),
    # One command the line above introduces is a session too ("... is left:").
    (["Check how much space is left:", "", "$ df -h", "Then:", "$ du -sh ~/*"], [False, False, True, False, True]),
])
def test_a_shell_session_is_two_or_more_commands_after_a_prompt(lines, expected):
    assert shell_sessions(lines) == expected


def test_a_how_to_of_single_commands_each_introduced_is_kept():
    steps = ["Check how much space is left:", "$ df -h", "Find the largest folders in your home directory:",
             "$ du -sh ~/* | sort -h", "Remove old packages:", "$ sudo apt autoremove", "Finally, empty the trash."]
    text = ("Docs\nLog in\nSign up free\nHow to free up disk space on Ubuntu\n" + PROSE + "\n".join(steps)
            + "\nWas this page helpful?\n© 2025 DevDocs\n")
    assert "\n".join(steps) in cleaner.clean(text, format="text").text


def test_an_unfenced_shell_session_in_the_body_is_kept_whole():
    """A line of it with an address reads as junk alone ("$ git clone https://..."); as a
    block of code between two paragraphs it stays."""
    session = ("$ sudo mkdir /usr/src/teensy-xum1541\n$ cd /usr/src\n"
               "$ git clone https://github.com/thomask77/teensy-xum1541.git\n$ make -f LINUX/Makefile\n")
    text = MENU + "# Parsing JSON in Python\n\n" + PROSE + session + PROSE2 + TEASERS
    result = cleaner.clean(text, format="text")
    assert session in result.text


def test_a_markdown_heading_over_kept_prose_below_a_recipe_box_is_kept():
    """After the ingredient list (a box of short lines) the context reads "### Method" at a
    part's edge; its author marked it a heading, and the steps below it are kept."""
    ingredients = "### Ingredients\n\n* 800 g potatoes\n* 7 eggs\n* 300 ml olive oil\n* Salt\n\n"
    steps = ("1. **Fry the potatoes.** Heat the oil in a wide pan over a medium heat and add the potatoes with a "
             "pinch of salt, then fry them slowly for about twenty minutes, until they are soft.\n"
             "2. **Mix and rest.** Beat the eggs with a little salt in a large bowl, add the potatoes while they are "
             "still warm and leave the mixture to rest for ten minutes before you cook it.\n")
    text = (MENU + "# Spanish omelette\n\n" + PROSE + "\nRead also: Patatas bravas, the way Madrid makes them\n\n"
            "## Recipe\n\n**Prep:** 15 minutes · **Cook:** 50 minutes\n\n" + ingredients + "### Method\n\n" + steps + TEASERS)
    by_text = {d.text.strip(): d for d in cleaner.clean(text, format="text").decisions if d.text.strip()}
    assert by_text["### Method"].rule == "context.marked-heading"
    assert by_text["### Ingredients"].kept


def test_a_code_block_among_boilerplate_goes_with_it():
    """Code next to nothing kept (a share widget in a fence, below the teasers) is dropped whole."""
    stray = "\n```\nShare on Twitter\n```\n"
    result = cleaner.clean(MENU + "# Parsing JSON in Python\n\n" + PROSE + PROSE2 + TEASERS + stray, format="text")
    assert "Share on Twitter" not in result.text
    dropped = [d for d in result.decisions if d.rule == "context.code-outside"]
    assert [d.text for d in dropped] == ["```\n", "Share on Twitter\n", "```\n"]


def test_a_line_of_links_above_the_headline_is_not_part_of_the_title():
    menu = "[Home](/) [Blog](/blog) [About](/about)\n"
    result = cleaner.clean(menu + "# Council Backs New Budget Rules\n\n" + PROSE + PROSE2 + TEASERS, format="text")
    assert not result.decisions[0].kept
    assert result.text.startswith("# Council Backs New Budget Rules\n")


def test_a_short_last_section_of_a_heading_and_code_stays():
    """"## Disabling retries" has two words, a menu item's length; marked as a heading, it is not one."""
    body = "# Parsing JSON in Python\n\n" + PROSE + PROSE2 + "\n## Writing it back\n\n```python\njson.dump(data, f)\n```\n"
    result = cleaner.clean(MENU + body + TEASERS, format="text")
    assert result.text == body


def test_a_short_markdown_heading_over_the_body_is_its_title():
    """The nearest marked heading is the title, not a reader's header further up, which reads as one too."""
    header = "Title: Retry policies - Ferrylink Docs\n\nURL Source: https://docs.example/retry\n\nMarkdown Content:\n"
    result = cleaner.clean(header + MENU + "# Retry policies\n\n" + PROSE + PROSE2 + TEASERS, format="text")
    assert result.text.startswith("# Retry policies\n")
    assert not result.decisions[0].kept


def test_a_hashtag_is_not_a_marked_heading():
    from cleaner.features import heading_level

    assert heading_level("## Disabling retries") == 2 and heading_level("# x") == 1
    assert heading_level("#Kultur") == heading_level("#") == heading_level("a # b") == heading_level("####### x") == 0


def test_a_marked_headline_is_the_title_over_a_nearer_line_that_reads_as_one():
    """A byline with a job title reads as a headline; the line marked as one is the title."""
    head = ("# How we cut our CI time in half with test sharding\n\n"
            "[![Nadia Petrov](https://x.example/img/np.jpg)](https://x.example/authors/np/)\n"
            "[Nadia Petrov](https://x.example/authors/np/) · Staff Engineer, Developer Productivity\n"
            "September 30, 2025 · 7 min read\n\n")
    result = cleaner.clean(MENU + head + PROSE + PROSE2 + TEASERS, format="text")
    assert result.text.startswith("# How we cut our CI time in half")


def test_a_setext_heading_is_a_heading_and_its_underline_goes_with_it():
    """"Title" over "=====" or "-----" is a heading, read past the underline, here after a teaser."""
    body = ("Moore wieder vernässen\n======================\n\n" + PROSE
            + "\nEin unterschätzter Klimafaktor\n------------------------------\n\n" + PROSE2)
    text = MENU + body.replace(PROSE + "\n", PROSE + "\n**Lesen Sie auch:** [Biber helfen](https://x.example/b)\n\n")
    result = cleaner.clean(text + TEASERS, format="text")
    assert result.text == body
    underline = next(d for d in result.decisions if d.text.startswith("-----"))
    assert underline.rule == "layout.heading-underline" and "line" in underline.reason


def test_a_thematic_break_is_no_underline():
    from cleaner.features import setext_underlines

    assert setext_underlines(["Title", "=====", "", "---", "text", "- item", "---"]) == [
        False, True, False, False, False, False, False]
    assert setext_underlines(["no", "underline here"]) is None
    assert setext_underlines(["Retry policies", "-", "text", "--verbose"]) is None  # a lone "-" is a placeholder
    assert setext_underlines(["---", "title: x", "layout: post", "---", "", "Text"]) is None  # front matter
    assert setext_underlines(["```", "code", "```", "---", "> a quote", "---"]) is None


# -- pictures ------------------------------------------------------------------
@pytest.mark.parametrize("line, picture", [
    ("![The council chamber](https://x.example/chamber.jpg)", True),
    ("![](https://x.example/chamber.jpg)", True),
    ("[![](https://x.example/thumb.jpg)](https://x.example/chamber.jpg)", True),
    ("[ ![Logo](/img/logo.svg) ](/)", True),
    ("![](https://x.example/chamber.jpg)The council chamber, seen from the gallery.", False),  # a caption
    ("See ![](https://x.example/icon.png) here", False),
    ("Not a picture [x](y)", False),
])
def test_a_line_that_is_only_a_picture_is_found(line, picture):
    assert (picture_lines([line]) is not None) == picture


def test_a_picture_is_kept_where_the_text_around_it_is_kept():
    inside = "[![The council chamber](https://x.example/thumb.jpg)](https://x.example/chamber.jpg)\n"
    vote = "![](https://x.example/vote.jpg)\n"
    body = "# Council Backs New Budget Rules\n\n" + PROSE + "\n" + inside + "\n" + vote + "\n" + PROSE2
    logo = "[ ![FX Leaders](https://x.example/logo.png) ](https://x.example/)\n\n"
    ad = "\n![Anzeige](https://ads.example/banner.gif)\n"
    result = cleaner.clean(logo + MENU + body + ad + TEASERS, format="text")
    assert result.text == body
    picture = next(d for d in result.decisions if d.text == inside)
    assert picture.rule == "context.picture" and "between kept lines" in picture.reason
    assert cleaner.clean(result.text, format="text").text == result.text


def test_a_picture_that_hits_a_rule_goes_even_inside_the_body():
    ad = "![Anzeige](https://ads.example/banner.gif)\n"
    body = "# Council Backs New Budget Rules\n\n" + PROSE + "\n" + ad + "\n" + PROSE2
    result = cleaner.clean(MENU + body + TEASERS, format="text")
    decision = next(d for d in result.decisions if d.text == ad)
    assert not decision.kept and decision.rule.startswith("ads.")
    assert PROSE in result.text and PROSE2 in result.text


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["[", "]", "1", "12", "[7]", "][8]", "a", " ", "(", ".", "*", "- ", "3. ", "\n", "]("]),
                max_size=12).map("".join))
def test_link_numbers_are_found_as_with_the_look_behind_first(text):
    """The bracket first (a faster search), the same matches as the plain regex."""
    plain = r"(?<![\w\]])\[\d{1,6}\](?=[^\s\[\]():.,;])"
    assert [m.span() for m in LINK_NUMBER_RE.finditer(text)] == [m.span() for m in re.finditer(plain, text)]
    linked = re.match(r"(?:[-*+o#@] {0,3}|\d{1,3}[.)] {1,3})?" + plain, text)
    assert (LINKED_LINE_RE.match(text) is None) == (linked is None)


def test_markdown_headings_and_table_headers_the_author_repeats_all_stay():
    """Each "### Pros" names its product's list, and each table needs its header row:
    they are no copies to drop (a repeated plain line still is)."""
    review = (
        "# The two best budget headphones of the year\n\n"
        "We tested a dozen pairs of headphones under a hundred dollars over three months, and two of them "
        "stood out from the rest of the field.\n\n"
        "## Sony WH-CH520\n\n"
        "The Sony pair is light, its battery lasts for days, and it connects to two phones at once "
        "without any trouble at all.\n\n"
        "### Pros\n\n- Fifty hours of battery\n- Light on the head\n\n### Cons\n\n- No noise cancelling\n\n"
        "| measure | Sony | JBL |\n|---|---|---|\n| weight | 147 g | 160 g |\n\n"
        "## JBL Tune 510BT\n\n"
        "The JBL pair sounds warmer than the Sony, but it is heavier, and its ear cushions get warm "
        "after an hour or so of listening.\n\n"
        "### Pros\n\n- Warm sound\n- Folds flat\n\n### Cons\n\n- Heavy\n\n"
        "| measure | Sony | JBL |\n| :--- | ---: | ---: |\n| battery | 50 h | 40 h |\n\n"
        "Both pairs are good value for the money, and which of them to buy depends mostly on whether you "
        "would rather have the longer battery life or the warmer sound.\n"
    )
    result = cleaner.clean(review, format="text")
    assert result.text == review
    # A plain line the text repeats is still kept once.
    repeated = review.replace("- Heavy\n", "- Heavy\n\nWarm sound\n")
    assert cleaner.clean(repeated, format="text").text.count("Warm sound") == 1


def test_front_matter_is_kept_as_it_is_and_not_read_as_the_page():
    """A Markdown file's metadata (YAML between "---", TOML between "+++") is no boilerplate:
    "tags: [a, b]" stays, and the text below it is cleaned as it would be alone."""
    for front in ('---\ntitle: "My post"\ndate: 2024-01-01\ntags: [a, b]\nauthors:\n  - Ann\n---\n\n',
                  '+++\ntitle = "My post"\n[params]\ntags = ["a", "b"]\n+++\n\n',
                  # (keys with a colon, a flow list over lines; TOML's arrays and strings over lines: bug 42)
                  '---\ntitle: GIL\nog:image: /img/gil.png\n"twitter:card": summary\ntags: [\n  python,\n]\n---\n\n',
                  '+++\ntitle = "GIL"\ntags = [\n  "python",\n  "threads",\n]\nsummary = """\nThe lock.\n"""\n+++\n\n'):
        result = cleaner.clean(front + ARTICLE, format="text")
        assert result.text == front + cleaner.clean(ARTICLE, format="text").text != front + ARTICLE
        assert {d.rule for d in result.decisions[:front.count("\n") - 1]} == {"layout.front-matter"}
        assert cleaner.clean(result.text, format="text").text == result.text
    # A file read as "utf-8" (not "utf-8-sig") keeps its byte-order mark: the fence is still one.
    front = '---\ntitle: "My post"\ntags: [a, b]\n---\n\n'
    result = cleaner.clean("\ufeff" + front + ARTICLE)
    assert result.text == "\ufeff" + front + cleaner.clean(ARTICLE, format="text").text
    # A thematic break at the top, over text, is no front matter; nor is metadata a body.
    assert front_matter_length(["---\n", "Home\n", "---\n"]) == 0
    assert front_matter_length(["---\n", "title: x\n"]) == 0  # never closed
    assert front_matter_length(["+++\n", "Home\n", "News\n", "+++\n"]) == 0  # no TOML
    assert front_matter_length(["+++\n", "title = My post\n", "+++\n"]) == 3  # (unquoted: no TOML, but keys)
    assert front_matter_length(["---\n", "14:05 Uhr: Anpfiff\n", "14:32 Uhr: Tor\n", "---\n"]) == 0  # a ticker
    # An empty front matter is one (Jekyll builds only a file that has one): fix keeps it.
    assert front_matter_length(["---\n", "---\n", "Text\n"]) == 2
    assert cleaner.clean("---\n---\n" + ARTICLE, format="text").text.startswith("---\n---\n")
    alone = cleaner.clean("---\ntitle: x\n---\nHome\nNews\nContact\n", format="text")
    assert alone.status == "no-body" and alone.text == ""


SCHEDULE_PAGE = '[Home](/) [Wiki](/wiki) [Log in](/login)\n\n# Penny\n\nPenny lives with her mother Pam in the trailer just east of the town square, and she spends most of her days reading or teaching the children.\n\n## Schedule\n\n### Spring\n\n| Time | Location |\n| --- | --- |\n| 8:00 AM | Wakes up and leaves her trailer to read under the tree. |\n| 12:30 PM | Returns to the trailer to wash the dishes. |\n| 7:00 PM | Arrives at the trailer for the evening. |\n\n### Summer\n\n| Time | Location |\n| --- | --- |\n| 9:00 AM | Leaves the trailer and walks to the museum with the children. |\n| 12:30 PM | Returns to the trailer to wash the dishes. |\n| 7:00 PM | Arrives at the trailer for the evening. |\n\nOn rainy days she stays inside the trailer all day, and she can be found in the kitchen reading a book or cooking for her mother.\n\nShare this page\n\nPrivacy policy'


def test_a_tables_row_that_another_table_repeats_stays_in_both():
    """Each day's schedule is a table of its own; a row it shares with another
    ("| 7:00 PM | Arrives at the trailer ... |") is no copy to drop."""
    result = cleaner.clean(SCHEDULE_PAGE, format="text")
    rows = [line for line in SCHEDULE_PAGE.splitlines() if line.startswith("| ") and "M |" in line]
    assert len(rows) == 6 and all(result.text.count(row + "\n") == SCHEDULE_PAGE.count(row + "\n") for row in rows)


def test_a_section_its_author_marked_under_the_body_is_kept():
    """After the last paragraph short lines read as a footer's; a Markdown heading
    over a list says the article goes on (a README's features, a changelog's
    versions), even past a code block.  A list of links under one does not."""
    body = ("# Tinyq\n\nTinyq is a small job queue for Python services that need durable background work "
            "without running a separate broker process.\n\n```python\nq = Queue(\"jobs.db\")\n```\n\n")
    features = "## Features\n\n- At-least-once delivery\n- Retries with backoff\n- A web dashboard\n\n"
    changelog = "## 3.1.2 – 2025-02-20\n\n### Fixed\n\n- Timeout when uploading files over 50 MB.\n\n"
    links = "## More from us\n\n- [Pricing](https://example.com/pricing)\n- [Blog](https://example.com/blog)\n\n"
    result = cleaner.clean(body + features + changelog + links + "© 2025 Example Inc.\n", format="text")
    kept = [d.text.strip() for d in result.decisions if d.kept and d.text.strip()]
    for line in (features + changelog).splitlines():
        assert not line or line in kept
    assert not any(line and line in kept for line in links.splitlines())
    # Nor a list of other pages' titles, nor what follows it.
    teasers = ("## What to read next\n\n- My home office tour, part two\n- Ten books I read this winter\n"
               "- How I plan my week on Sunday evenings\n\n## Company\n\n- Careers\n- Press kit\n\n")
    menus = "## Quick links\n\n- Transport\n- Weather\n- Obituaries\n\n## Our network\n\n- Harbour Gazette\n- Coast Radio\n\n"
    result = cleaner.clean(body + menus + "© 2025 Example Inc.\n", format="text")
    assert not any(d.kept for d in result.decisions if d.text.strip() and d.text.strip() in menus)
    result = cleaner.clean(body + teasers + "© 2025 Example Inc.\n", format="text")
    assert not any(d.kept for d in result.decisions if d.text.strip() and d.text.strip() in teasers)


def test_a_fenced_divs_closing_fence_goes_with_its_opening_one():
    """":::note" ... ":::" (Docusaurus', MyST's admonitions): the closing fence, a short
    line after the body's last paragraph, read as the footer's; it goes where its
    opening fence goes, so the kept Markdown stays whole."""
    text = ("# Configuration\n\n" + PROSE + "\n:::note\nVariables set in a `.env` file are read only when you run "
            "`ferry dev`, never in production.\n:::\n\n[Edit this page](https://github.com/ferry/docs/edit/main/x.md)\n"
            "\nLast updated on Jan 12, 2025\n")
    result = cleaner.clean(text, format="text")
    assert ":::note\n" in result.text and result.text.rstrip().endswith(":::")
    closer = next(d for d in result.decisions if d.text == ":::\n")
    assert closer.kept and closer.rule == "layout.div-close"
    assert cleaner.clean(result.text, format="text").text == result.text
    # A ":::" shown in a code sample is code, and closes nothing.
    from cleaner.markdown import div_closers, fenced_code

    lines = [":::tip", "Use the sample below.", "```", ":::", "```", ":::"]
    assert div_closers(lines, fenced_code(lines)) == {5: 0}
    # Nested by fence length: an outer "::::info" is closed by "::::", not by an inner's ":::".
    assert div_closers(["::::info", "a", ":::tip", "b", ":::", "c", "::::"]) == {4: 2, 6: 0}
    assert div_closers(["::::info", "a", ":::", "c", "::::"]) == {4: 0}


def test_the_title_its_author_marked_over_a_buy_box_is_kept_with_the_sections_heading():
    """"# Ridgeline 28L Daypack" over a price, a buy button and "## Description" over
    the prose: the document's title is the first-level heading, and the section's
    heading stays too; the price and the button between them go."""
    title, section = "# Ridgeline 28L Daypack", "## Description"
    text = ("- [Packs](https://example.com/packs)\n- [Tents](https://example.com/tents)\n\n"
            f"{title}\n\n$129.00\n\n[Add to cart](#)\n\nShips in 1–3 business days\n\n{section}\n\n"
            "The Ridgeline is a light pack for long days on the trail, with a frame sheet that keeps its shape "
            "and a hip belt that carries most of the load.\n\nIts lid holds a map, a phone and snacks, and the side "
            "pockets take a litre bottle each, within reach while you walk.\n\nThe fabric is a recycled nylon "
            "that sheds rain for an hour or two, and the seams are taped, so a cover is only needed in a storm.\n\n"
            "- [Privacy](https://example.com/privacy)\n- [Terms](https://example.com/terms)\n")
    kept = {d.text.strip(): d for d in cleaner.clean(text, format="text").decisions if d.kept}
    assert kept[title].rule == "context.title" and section in kept
    assert "$129.00" not in kept and "[Add to cart](#)" not in kept
    # A first-level heading whose words the body never uses is the site's logo, not the title.
    logo = "# The Daily Harbour"
    kept = {d.text.strip() for d in cleaner.clean(text.replace(title, logo), format="text").decisions if d.kept}
    assert logo not in kept and section in kept


FORUM_THREAD = """[![](https://forum.example.org/avatar/kmiller.png)](https://forum.example.org/u/kmiller)

[kmiller](https://forum.example.org/u/kmiller)

[Jan 14](https://forum.example.org/t/pi5-nvme-boot/48211/1)

After running `sudo rpi-eeprom-update -a` and rebooting, my Pi 5 only shows the rainbow screen and then the boot diagnostics. It was booting fine from a Samsung 980 on a Pimoroni base for months.

Things I tried:

*   Reseating the ribbon cable
*   Booting from SD card (works)
*   `BOOT_ORDER=0xf416` in the EEPROM config

Any ideas?

[![](https://forum.example.org/avatar/dgreen.png)](https://forum.example.org/u/dgreen)

[dgreen](https://forum.example.org/u/dgreen)

[Jan 14](https://forum.example.org/t/pi5-nvme-boot/48211/2)

The January firmware changed the default PCIe settings. Add this to `/boot/firmware/config.txt`:

```
dtparam=pciex1
dtparam=pciex1_gen=2
```

Some drives also need `PCIE_PROBE=1` in the EEPROM config.

3 Likes

[![](https://forum.example.org/avatar/kmiller.png)](https://forum.example.org/u/kmiller)

[kmiller](https://forum.example.org/u/kmiller)

[Jan 15](https://forum.example.org/t/pi5-nvme-boot/48211/3)

That was it, thanks! `PCIE_PROBE=1` did the trick.

Solution

1 Like
"""


def test_a_list_kept_in_part_is_kept_whole():
    """A forum post's list ("Things I tried:" over three items) between two posts'
    prose: the item that reads as a sentence was kept, the others not, and the list
    came out broken.  A list is one block: kept in part, it is kept whole."""
    items = ["*   Reseating the ribbon cable", "*   Booting from SD card (works)",
             "*   `BOOT_ORDER=0xf416` in the EEPROM config"]
    kept = [d.text.strip() for d in cleaner.clean(FORUM_THREAD, format="text").decisions if d.kept]
    assert all(item in kept for item in items)


GIL_1 = ("The global interpreter lock, or GIL, is a mutex that protects access to Python objects, preventing "
         "multiple threads from executing bytecode at once.")
GIL_2 = ("In this article we look at what the lock does, why it exists, and what the proposal changes for people "
         "who write threaded code every day.")


def test_a_markdown_table_is_kept_whole_between_kept_lines_and_never_left_a_header_without_rows():
    """Rows of dates read as bylines one by one, and "|---|---|" has no word: judged a line
    at a time a table came apart, a header over no rows, or rows without the delimiter
    row that makes them a table (bug 42)."""
    rows = [f"| 2024-03-{d:02d} | 172.{d} |" for d in range(1, 11)]
    table = "| Date | Close |\n|---|---|\n" + "\n".join(rows) + "\n"
    text = f"# Title of the post here\n\n{GIL_1}\n\n{table}\n{GIL_2}\n\n© 2024 Example.\n"
    result = cleaner.clean(text, format="text")
    assert table in result.text
    assert cleaner.clean(result.text, format="text").text == result.text
    share = "[Twitter](https://t.co) [Facebook](https://fb.com)"
    rows = "".join(f"| {i}.0 | {i}.1 |\n" for i in range(14))
    table = "| Col0 | Col1 |\n|---|---|\n" + rows
    quote = ("Researchers at the university said the new method could cut the cost of the treatment by half, "
             "although more trials are needed before it is approved.")
    result = cleaner.clean(f"{GIL_2}\n\n{share}\n\n{table}\n{share}\n\n{quote}\n", format="text", favor_recall=True)
    assert table in result.text  # the delimiter row too
    # Introduced by the body's last line, the table goes on from it, however it ends.
    dated = "| Date | Close |\n|---|---|\n" + "".join(f"| 2024-03-{d:02d} | 172.{d} |\n" for d in range(1, 11))
    text = f"# Title of the post here\n\n{GIL_1}\n\n{GIL_2}\n\nThe closing prices were:\n\n{dated}\nShare this\n"
    assert dated in cleaner.clean(text, format="text").text
    # A table none of whose rows is kept leaves no header behind.
    from cleaner.classify import BLANK, MENU, SHORT, Verdict, settle_pipe_tables
    from cleaner.core import Scored
    from cleaner.model import Line

    lines = ["Home", "| A | B |", "|---|---|", "| 1 | 2 |", "| 3 | 4 |", "Share"]
    scored = [Scored(Line(i + 1, t + "\n"), t, None, None, MENU if i else SHORT) for i, t in enumerate(lines)]
    keep, drop = Verdict(True, "context", "x", ""), Verdict(False, "context", "y", "")
    out = settle_pipe_tables(scored, [drop, keep, keep, drop, drop, drop], [(1, 4)])
    assert [v.kept for v in out] == [False] * 6 and out[1].label == "context.table-without-rows"
    assert BLANK not in {s.cls for s in scored}


def test_a_code_block_inside_a_block_quote_is_code():
    """"> ```" opens a fence inside a quote, closed at the same depth: its lines are code,
    kept or dropped whole, not menu lines judged one by one (bug 42)."""
    quoted = "> ```\n> $ git clone https://github.com/x/y\n> $ cd y\n> ```\n"
    text = f"# Title of the post here\n\n{GIL_1}\n\n{quoted}\n{GIL_2}\n\nShare this\n"
    assert quoted in cleaner.clean(text, format="text").text
    assert fenced_code(["> ```", "> x = 1", "```", "> ```"]) == [True, True, True, True]  # ("```" at depth 0 closes none)
    assert fenced_code(["> > ```", "> > x = 1", "> ```", "> > ```"]) == [True] * 4
    # A quoted fence never closed (a reply quoting part of a traceback) is a stray mark:
    # the code blocks below it are still code.
    assert fenced_code(["> ```", "> Traceback (most recent call last):", "```", "import x", "```"]) \
        == [False, False, True, True, True]
