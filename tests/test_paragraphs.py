"""Paragraphs broken into several lines (cleaner.paragraphs): hard-wrapped, or
split at links; each is judged as one line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import cleaner
from cleaner.paragraphs import paragraph_spans

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "text" / "fxleaders-us-china-preliminary-deal.txt"

PARAGRAPHS = [
    "The committee met on Tuesday to discuss the budget for the coming year, and after a long debate "
    "it agreed to raise the spending on schools by a tenth while cutting the money for new roads.",
    "Several members said that the decision had been expected for months, but the mayor warned that the "
    "city would have to borrow more if the tax income did not grow as fast as the plan assumed.",
    "A final vote is planned for the end of the month, when the council will also decide whether the "
    "new library can open in the spring as it was promised to the residents of the old town.",
]


def wrap(paragraphs: list, width: int = 72) -> list:
    return [line for p in paragraphs for line in textwrap.wrap(p, width, break_on_hyphens=False)]


def spans(blocks: list, lines: list) -> list:
    return [" ".join(lines[start:end]) for start, end in blocks]


def test_a_paragraph_a_line_is_not_wrapped():
    lines = SEED.read_text(encoding="utf-8").split("\n")
    assert paragraph_spans(lines) is None
    assert paragraph_spans(PARAGRAPHS) is None


def test_wrapped_paragraphs_are_found_again():
    lines = wrap(PARAGRAPHS)
    assert len(lines) > 2 * len(PARAGRAPHS)
    blocks = paragraph_spans(lines)
    assert blocks is not None
    # Every paragraph comes back whole (or in whole sentences), none runs into the next.
    assert " ".join(spans(blocks, lines)) == " ".join(PARAGRAPHS)
    for text in spans(blocks, lines):
        assert any(text in p for p in PARAGRAPHS)
    assert len(blocks) == len(PARAGRAPHS)


def test_a_short_line_list_item_heading_or_code_is_a_block_of_its_own():
    lines = ["Budget news"] + wrap(PARAGRAPHS[:2]) + [
        "- a list item that starts a block of its own even right after a full line",
        "## A heading",
        "```",
        "x = compute_the_total_of_every_line_in_this_very_long_example_table(rows)",
        "print(x)",
        "```",
    ] + wrap(PARAGRAPHS[2:])
    blocks = paragraph_spans(lines)
    texts = spans(blocks, lines)
    for own in ("Budget news", "## A heading", "```", "print(x)"):
        assert own in texts
    assert any(t.startswith("- a list item") for t in texts)
    assert "x = compute_the_total_of_every_line_in_this_very_long_example_table(rows)" in texts


def test_a_menu_of_short_lines_is_not_wrapped():
    menu = ["Home", "News", "Politics", "Business and Economy of the Region", "Sport", "Contact"] * 5
    assert paragraph_spans(menu) is None


def test_wrapped_body_is_kept_whole_and_reported_per_line():
    body = wrap(PARAGRAPHS)
    text = "\n".join(["Home", "News", "Sport", "Contact", "", "Council raises school budget", ""] + body
                     + ["", "Share on Facebook", "Related Articles", "Home", "News", "Sport", "Contact"]) + "\n"
    result = cleaner.clean(text, format="text")
    assert result.text.splitlines() == ["Council raises school budget", ""] + body
    kept = [d for d in result.decisions if d.kept and d.text.strip()]
    assert [d.line for d in kept][1:] == list(range(8, 8 + len(body)))
    # The lines of one paragraph share its verdict.
    first, second = kept[1], kept[2]
    assert (first.rule, first.reason) == (second.rule, second.reason)
    assert cleaner.clean(result.text, format="text").text == result.text



def test_a_column_of_narrow_rows_is_not_wrapped():
    rows = [f"Mustermann, Anna {1990 + i % 5}; Beispiel, Lena {1991 + i % 3}" for i in range(40)]
    assert 40 <= max(map(len, rows)) < 50
    assert paragraph_spans(rows) is None


def test_a_full_line_that_ends_a_sentence_ends_its_paragraph():
    lines = wrap(PARAGRAPHS)
    # The last line of the text fills the width and ends a sentence; a short title follows.
    filled = "A final vote is planned for the end of the month, the mayor said today."
    assert len(filled) + len(" Council") > max(map(len, lines))
    lines[-1] = filled
    lines.append("Council news")
    blocks = paragraph_spans(lines)
    texts = spans(blocks, lines)
    assert "Council news" in texts
    assert any(t.endswith(filled) for t in texts)


# BeautifulSoup's get_text("\n") puts every text node on a line of its own.
SPLIT = [
    "The committee met on Tuesday to discuss the budget, and after a long debate the",
    "City Council",
    "agreed to raise the spending on schools by a tenth.",
    "Several members said that the decision had been expected for months",
    ", but the mayor warned that the",
    "tax income",
    "might not grow as fast as the plan assumed",
    ".",
    "A final vote is planned for the end of the month",
    ", when the",
    "Library Board",
    "will also decide whether the new library can open in the spring.",
]


def test_a_text_split_at_its_links_is_joined_at_breaks_inside_sentences():
    spans = paragraph_spans(SPLIT)
    assert spans is not None
    texts = [" ".join(SPLIT[a:b]) for a, b in spans]
    # A line going on in lower case or with ", " / "." joins the line above it;
    # a capitalised link text after a line that does not end a sentence does not.
    assert "City Council agreed to raise the spending on schools by a tenth." in texts
    assert ("Several members said that the decision had been expected for months , but the mayor warned that "
            "the tax income might not grow as fast as the plan assumed .") in texts
    assert "A final vote is planned for the end of the month , when the" in texts
    assert "Library Board will also decide whether the new library can open in the spring." in texts


def test_two_lines_going_on_with_punctuation_are_not_yet_a_split_text():
    lines = ["Home", "News", ". more", "Sport", ", contact", "An article line that ends."]
    assert paragraph_spans(lines) is None


def test_a_split_body_is_kept_with_the_lines_of_its_sentences():
    text = "\n".join(["Home", "News", "Sport", "Contact", "", "Council raises school budget", ""] + SPLIT
                     + ["", "Share on Facebook", "Related Articles", "Home", "News", "Sport", "Contact"]) + "\n"
    result = cleaner.clean(text, format="text")
    assert result.text.splitlines() == ["Council raises school budget", ""] + SPLIT


def test_paragraphs_off_judges_every_line_alone():
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "layouts"
    text = (fixture / "en-fxleaders-us-china-preliminary-deal-wrapped72.txt").read_text(encoding="utf-8")
    expected = (fixture / "en-fxleaders-us-china-preliminary-deal-wrapped72.expected.txt").read_text(encoding="utf-8")
    assert cleaner.clean(text, format="text").text == expected
    alone = cleaner.clean(text, format="text", paragraphs=False)
    assert alone.text != expected
    assert set(alone.text.splitlines()) < set(text.splitlines())


def test_markdown_definitions_are_no_lines_going_on():
    # markdownify writes <dd> as ":   ..."; a definition is a block of its own.
    lines = ["IBAN", ":   DE49 4306 0967 0000 0334 01", "BIC", ":   GENODEM1GLS", "Bank", ":   GLS Bank",
             "Name", ":   Example e.V."]
    assert paragraph_spans(lines) is None
    assert paragraph_spans(lines + ["Text before a link", ", after it", ". Then", ") more"]) is not None
