"""Pages saved by text browsers (``lynx -dump``, ``w3m -dump``): wrapped paragraphs,
numbered links, rules drawn across the page, a list of link addresses at the end.

The real dumps of one page are fixtures (``fixtures/layouts/*-lynx``, ``*-w3m``);
these tests pin each mechanism on its own.
"""

from __future__ import annotations

import time

import pytest

import cleaner
from cleaner.features import line_features
from cleaner.markdown import read_line, read_lines
from cleaner.paragraphs import paragraph_spans

MENU = """\
   #[1]Bahnpresse RSS

   [2]Anmelden
     * [3]Home
     * [4]Nachrichten
     * [5]Unternehmen & Märkte
     * [6]Impressum

"""
ARTICLE = """\
Hafen Göteborg: Umschlag auf Rekordniveau

   Der Hafen Göteborg verzeichnete im Jahr 2021 einen neuen Rekord beim
   Umschlag im Schienengüterverkehr. Mit 458.000 Containern wurden neun
   Prozent mehr als im Jahr davor bewegt, teilte die Hafengesellschaft mit.

   Der Anstieg ist unter anderem auf die Einführung von vier neuen
   Bahnshuttles zurückzuführen, die den Hafen mit mehreren Städten im
   Norden des Landes verbinden. Zudem wurde das bestehende System
   erweitert. In Göteborg werden aktuell sechzig Prozent der Container per
   Bahn transportiert. Der Hafen rechnet wegen des Ausbaus des
   Bahnanschlusses mit einer weiteren Steigerung des Bahnumschlags.
"""
TEASERS = """\

   Themenrelevante Nachrichten

     * [7]Neuer Containerzug verbindet den Hafen mit dem Hinterland im
       Süden
     * [8]Die Bahn baut das Netz rund um den Hafen für die Zukunft aus
     * [9]Wie der Güterverkehr auf der Schiene in diesem Jahr wachsen soll

     * [10]Impressum
     * [11]Datenschutz

References

""" + "".join(f"  {i:2}. https://www.bahnpresse.example/seite-{i}/\n" for i in range(1, 12))


def test_a_lynx_dump_keeps_the_article_and_drops_menus_teasers_and_link_list():
    result = cleaner.clean(MENU + ARTICLE + TEASERS, format="text")
    assert result.text == ARTICLE
    assert cleaner.clean(result.text, format="text").text == result.text
    reasons = {d.text.strip(): d for d in result.decisions}
    assert reasons["* [3]Home"].rule == "navigation.menu"  # the link's number does not hide the rule's phrase
    assert "link text" in reasons["* [8]Die Bahn baut das Netz rund um den Hafen für die Zukunft aus"].reason


@pytest.mark.parametrize("line, text, linked", [
    ("[12]Home", "Home", 4),
    ("* [794]Julia Ritter gewinnt den Titel", "* Julia Ritter gewinnt den Titel", 30),
    ("[5]Inhalte   |   [7]Projekte", "Inhalte   |   Projekte", 22),
    ("Die Bahn will das [17]Netz bis 2030 ausbauen.", "Die Bahn will das Netz bis 2030 ausbauen.", 0),
    ("1. [4]Erster Punkt", "1. Erster Punkt", 12),
    ("[9]Wer zahlt die Miete?", "Wer zahlt die Miete?", 20),
    # A paragraph that opens with a link ends with a full stop: it is no link text.
    ("[6]Angela Merkel hat am Dienstag gesagt, dass sie geht.", "Angela Merkel hat am Dienstag gesagt, dass sie geht.", 0),
    ("[6]Merkel sagte: „Ich gehe.“", "Merkel sagte: „Ich gehe.“", 0),
    # Not link numbers: citations, indexes, Markdown references and links.
    ("The city grew fast.[3] Then it shrank.", "The city grew fast.[3] Then it shrank.", 0),
    ("It was founded in 1850.[1][2]", "It was founded in 1850.[1][2]", 0),
    ("It was founded in 1850[1].", "It was founded in 1850[1].", 0),
    ("print(sys.argv[1])", "print(sys.argv[1])", 0),
    ("x = data[0][1]; y = data[2];", "x = data[0][1]; y = data[2];", 0),
    ("[1]: https://example.org/notes", "[1]: https://example.org/notes", 0),
    ("[1](/page/1) [2](/page/2)", "1 2", 2),  # Markdown links whose text is a number
])
def test_lynx_link_numbers_are_read_away_and_a_line_opening_with_one_is_link_text(line, text, linked):
    assert read_line(line) == (text, linked)


def test_code_lines_that_differ_in_an_index_are_no_copies():
    """lynx prints a <pre> block unfenced; "argv[1]" is an index, not a link number,
    so the lines stay apart and neither is dropped as a repeat of the other."""
    code = "print(sys.argv[1])\nprint(sys.argv[2])\nprint(sys.argv[3])\n"
    first, rest = ARTICLE.split("\n\n   Der Anstieg")
    text = MENU + first + "\n\n" + code + "\n   Der Anstieg" + rest + TEASERS
    decisions = {d.text.strip(): d for d in cleaner.clean(text, format="text").decisions}
    assert [decisions[line].kept for line in code.splitlines()] == [True, True, True]


def test_link_numbers_are_read_in_a_text_without_markdown():
    assert read_lines(["[12]Home", "Plain prose."]) == (["Home", "Plain prose."], [4, 0])


def test_wrapped_german_paragraphs_read_as_wrapped():
    """German capitalises its nouns, so few lines go on in lower case (one of
    seven here); the lines still read as wrapped paragraphs."""
    lines = ARTICLE.split("\n")
    full = [line for line in lines[2:] if line.strip() and not line.endswith(".")]
    going_on_lower = [line for line, after in zip(lines, lines[1:]) if line in full and after.lstrip()[:1].islower()]
    assert len(going_on_lower) == 1 and len(full) == 7
    blocks = paragraph_spans(lines)
    assert blocks is not None
    assert [end - start for start, end in blocks if end - start > 1] == [3, 6]


@pytest.mark.parametrize("rule", ["     " + "_" * 66, "━" * 80, "* * *", "- - - - -"])
def test_a_rule_across_the_page_is_a_block_of_its_own(rule):
    lines = ARTICLE.split("\n")[:5] + [rule, rule] + ARTICLE.split("\n")[6:]
    blocks = paragraph_spans(lines)
    assert blocks is not None
    assert (5, 6) in blocks and (6, 7) in blocks


def test_rules_are_no_repeated_text():
    """Two rules between the dek and the first paragraph stay, as the page's layout; a
    rule has no words, so the second is no copy of the first (``core.keep_once``)."""
    rule = "━" * 78
    text = ("Hafen Göteborg: Umschlag auf Rekordniveau\n\nDer Hafen meldet einen neuen Rekord.\n\n"
            f"{rule}\n{rule}\n\n" + ARTICLE.split("\n", 2)[2])
    result = cleaner.clean(MENU + text + TEASERS, format="text")
    assert result.text.count(rule) == 2


def test_the_language_is_told_without_the_words_of_addresses():
    """"www.uibk.ac.at": "ac" and "at" are on the Finnish list; forty of them in a
    list of links outweighed a German paragraph."""
    body = ("Die Messreihen reichen bis zu 250 Jahre in die Vergangenheit zurück und werden nach "
            "strengen Kriterien geprüft, bevor sie in die Sammlung aufgenommen werden.\n")
    links = "".join(f"  {i}. https://www.uibk.ac.at/p/{i}\n" for i in range(1, 41))
    assert cleaner.clean(body + "\nReferences\n\n" + links, format="text").language == "de"


@pytest.mark.parametrize("line, share", [
    ("12. file:///Simmental/Bei-den-vergangenen-Wahlen-konnte-er-neu-in-den-Rat", 0.9),
    ("3. ftp://ftp.example.org/pub/the-list-of-all-files-in-the-archive.txt", 0.9),
    ("Read the list at ftp://ftp.example.org/pub/ before you ask.", 0.3),
])
def test_an_address_of_any_scheme_counts_as_an_address(line, share):
    f = line_features(line, line.lower().replace("/", " ").replace("-", " ").split(), frozenset({"the", "den", "in"}))
    assert f.url_share >= share


@pytest.mark.parametrize("line", [
    "[1]a" * 100_000, "[1]" * 100_000, "* " + "[12]a " * 50_000, "1. [" + "1" * 300_000,
    "_ " * 100_000, "━" * 200_000 + "a", "x" * 200_000 + "://y", "a." * 100_000 + "://",
])
def test_dump_marks_are_read_in_linear_time(line):
    engine = cleaner.Cleaner()
    started = time.perf_counter()
    result = engine.clean("a b\n" * 4 + line + "\n" + "a b\n", format="text")
    assert time.perf_counter() - started < 2.0
    assert result.text is not None
