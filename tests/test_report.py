"""cleaner.report: unified diff built from decisions, explain lines, summary, JSON."""

from __future__ import annotations

import difflib
import json
import re
import shutil
import subprocess

import pytest
from hypothesis import given, settings, strategies as st

import cleaner
from cleaner.model import Decision, Result
from cleaner.report import explain, summary, unified_diff
from cleaner.rules import parse_rules

from conftest import ARTICLE
from strategies import apply_unified_diff

HUNK_RE = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(?: (.*))?$")


def make_result(lines: list[str], kept: list[bool], rule: str = "promo.test", reason: str = "a test rule") -> Result:
    decisions = tuple(
        Decision(i + 1, text, k, "rule" if not k else "score", "" if k else rule, "" if k else reason)
        for i, (text, k) in enumerate(zip(lines, kept))
    )
    return Result(text="".join(t for t, k in zip(lines, kept) if k), source="".join(lines), decisions=decisions)


def strip_headings(diff: str) -> list[str]:
    return [re.sub(r"^(@@ [^@]* @@).*$", r"\1", line) for line in diff.splitlines()]


# -- unified_diff -------------------------------------------------------------------
def test_no_change_gives_empty_diff():
    r = make_result(["a\n", "b\n"], [True, True])
    assert unified_diff(r, "x") == ""


def test_headers_and_reasons_after_hunk():
    lines = [f"line {i}\n" for i in range(1, 11)]
    kept = [True] * 10
    kept[4] = kept[5] = False
    r = make_result(lines, kept, rule="promo.trading-cta", reason="call to action")
    diff = unified_diff(r, "page.txt").splitlines()
    assert diff[0] == "--- page.txt"
    assert diff[1] == "+++ page.txt (cleaned)"
    assert diff[2] == "@@ -2,8 +2,6 @@ promo.trading-cta ×2: call to action"
    assert diff[3:] == [" line 2", " line 3", " line 4", "-line 5", "-line 6", " line 7", " line 8", " line 9"]


def test_hunks_merge_when_contexts_touch_like_difflib():
    lines = [f"l{i}\n" for i in range(20)]
    touching = [i not in (2, 9) for i in range(20)]  # 6 kept lines between: one hunk
    apart = [i not in (2, 10) for i in range(20)]  # 7 kept lines between: two hunks
    assert sum(l.startswith("@@") for l in unified_diff(make_result(lines, touching), "f").splitlines()) == 1
    assert sum(l.startswith("@@") for l in unified_diff(make_result(lines, apart), "f").splitlines()) == 2


def test_each_rule_named_once_most_lines_first_with_its_count_and_blank_lines_not_named():
    lines = ["body text here\n", "Related\n", "\n", "Open a free account\n", "Open now\n"]
    decisions = (
        Decision(1, lines[0], True, "score"),
        Decision(2, lines[1], False, "context", "context.tail", "short line"),
        Decision(3, lines[2], False, "layout", "layout.blank", "blank line left by removed lines"),
        Decision(4, lines[3], False, "rule", "promo.cta", "call to action"),
        Decision(5, lines[4], False, "rule", "promo.cta", "call to action"),
    )
    r = Result(text=lines[0], source="".join(lines), decisions=decisions)
    hunk = [l for l in unified_diff(r, "f").splitlines() if l.startswith("@@")]
    assert hunk == ["@@ -1,5 +1 @@ promo.cta ×2: call to action; context.tail: short line"]


def test_a_rules_reason_quotes_the_words_it_matched_on_a_longer_line_and_the_heading_leaves_them_out(seed_path):
    """The seed's three "forex signals" lines: two matched inside a longer line say which
    words did it, the one the phrase fills does not; the hunk names the rule once."""
    result = cleaner.clean(seed_path.read_text(encoding="utf-8"))
    reasons = {d.text.strip(): d.reason for d in result.decisions if d.rule == "promo.forex-signals"}
    assert reasons == {
        "- Check out our free forex signals": "forex signals / trading tools promotion",
        "- Follow the top economic events on FX Leaders economic calendar":
            'forex signals / trading tools promotion; matched "economic calendar"',
        "- Trade better, discover more Forex Trading Strategies":
            'forex signals / trading tools promotion; matched "trade better, discover more"',
    }
    heading = next(l for l in result.diff("seed").splitlines() if l.startswith("@@"))
    assert "promo.forex-signals ×3: forex signals / trading tools promotion;" in heading
    assert "matched" not in heading


def test_the_heading_leaves_out_only_the_quote_not_what_follows_it():
    lines = ["body text here\n", "Follow the calendar today\n"]
    decisions = (Decision(1, lines[0], True, "score"),
                 Decision(2, lines[1], False, "rule", "promo.x",
                          'a promotion; matched "the calendar" (on cleaning the body again)'))
    r = Result(text=lines[0], source="".join(lines), decisions=decisions)
    hunk = [l for l in unified_diff(r, "f").splitlines() if l.startswith("@@")]
    assert hunk == ["@@ -1,2 +1 @@ promo.x: a promotion (on cleaning the body again)"]


def test_matched_words_of_each_kind_of_rule():
    rules = parse_rules("""
[[rule]]
id = "t.whole"
match = "line"
phrases = ["read more"]
[[rule]]
id = "t.prefix"
match = "prefix"
regex = "sponsored by"
[[rule]]
id = "t.contains"
match = "contains"
phrases = ["Open an Account"]
[[rule]]
id = "t.cased"
match = "suffix"
case_sensitive = true
phrases = ["via AFP"]
""")
    whole, prefix, contains, cased = rules
    assert whole.matched_words("Read more") == ""
    assert prefix.matched_words("Sponsored by ACME Bank") == "sponsored by"
    assert prefix.matched_words("Sponsored by") == ""  # the whole line: nothing to quote
    assert contains.matched_words("» Open an account today, it's free!") == "open an account"
    assert contains.matched_words("An unrelated line") == ""
    assert cased.matched_words("Photo: Jane Doe via AFP") == "via AFP"


def test_heading_escapes_control_characters_and_stays_on_one_line():
    r = make_result(["keep\n", "drop\n"], [True, False], rule="x.y", reason="bad\x1b[31m\rreason")
    diff = unified_diff(r, "f")
    heading = [l for l in diff.split("\n") if l.startswith("@@")][0]
    assert "\x1b" not in heading and "\r" not in heading
    assert apply_unified_diff(r.source, diff) == r.text


def test_last_line_without_newline_dropped_and_kept():
    dropped = make_result(["a\n", "b\n", "c"], [True, True, False])
    diff = unified_diff(dropped, "f")
    assert diff.endswith("-c\n\\ No newline at end of file\n")
    assert apply_unified_diff(dropped.source, diff) == "a\nb\n"
    kept = make_result(["a\n", "b\n", "c"], [True, False, True])
    diff = unified_diff(kept, "f")
    assert diff.endswith(" c\n\\ No newline at end of file\n")
    assert apply_unified_diff(kept.source, diff) == "a\nc"


line_text = st.sampled_from(["a\n", "b\n", "\n", "Open a free account\n", "x\r\n", "prose line\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(line_text, st.booleans()), max_size=40), st.booleans(), st.integers(0, 5))
def test_diff_always_applies_to_give_the_body(pairs, cut_last_newline, context):
    lines = [t for t, _ in pairs]
    kept = [k for _, k in pairs]
    if cut_last_newline and lines:
        lines[-1] = lines[-1].rstrip("\r\n") or "z"
    r = make_result(lines, kept)
    diff = unified_diff(r, "f", context=context)
    if r.text == r.source:
        assert diff == ""
    else:
        assert apply_unified_diff(r.source, diff) == r.text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.booleans(), max_size=40), st.integers(0, 4))
def test_same_hunks_as_difflib_for_distinct_lines(kept, context):
    lines = [f"line {i}\n" for i in range(len(kept))]
    r = make_result(lines, kept)
    ours = strip_headings(unified_diff(r, "f", context=context))
    ref = [l.rstrip("\n") for l in difflib.unified_diff(
        r.source.splitlines(True), r.text.splitlines(True), "f", "f (cleaned)", n=context)]
    assert ours == ref


def test_falls_back_to_difflib_when_body_is_not_a_subset():
    lines = ["Title\n", "body\n", "menu\n"]
    decisions = (Decision(1, lines[0], True, "score"), Decision(2, lines[1], True, "score"),
                 Decision(3, lines[2], False, "rule", "nav.menu", "menu"))
    r = Result(text="# Title\nbody\n", source="".join(lines), decisions=decisions, format="html")
    diff = unified_diff(r, "p")
    assert "+# Title" in diff and "-menu" in diff and "nav.menu: menu" in diff


# -- applying with the real tools ------------------------------------------------------------
def _apply_with_tools(tmp_path, source_bytes: bytes, result, name="page.txt"):
    diff = unified_diff(result, name).encode("utf-8")
    assert diff
    expected = result.text.encode("utf-8")
    tools = []
    if shutil.which("patch"):
        tools += [["patch", "-p0", "--silent", "-i", "d.patch"], ["patch", "--silent", "-i", "d.patch"]]
    if shutil.which("git"):
        tools.append(["git", "apply", "-p0", "d.patch"])
    assert tools, "neither patch nor git is installed"
    for i, cmd in enumerate(tools):
        work = tmp_path / f"w{i}"
        work.mkdir()
        (work / name).write_bytes(source_bytes)
        (work / "d.patch").write_bytes(diff)
        proc = subprocess.run(cmd, cwd=work, capture_output=True, timeout=60)
        assert proc.returncode == 0, (cmd, proc.stdout, proc.stderr)
        assert (work / name).read_bytes() == expected, cmd


def test_seed_diff_applies_with_patch_and_git_apply(tmp_path, seed_path):
    data = seed_path.read_bytes()
    result = cleaner.clean(data.decode("utf-8"), format="text")
    assert result.changed
    _apply_with_tools(tmp_path, data, result)


@pytest.mark.parametrize("variant", ["lf", "crlf", "no-final-newline", "crlf-no-final-newline"])
def test_article_diff_applies_with_patch_and_git_apply(tmp_path, variant):
    text = ARTICLE
    if variant.startswith("crlf"):
        text = text.replace("\n", "\r\n")
    if variant.endswith("no-final-newline"):
        text = text.rstrip("\r\n")
    result = cleaner.clean(text, format="text")
    assert result.changed
    _apply_with_tools(tmp_path, text.encode("utf-8"), result)


# -- explain / summary / JSON ----------------------------------------------------------------
def test_explain_lines_match_dropped_lines():
    result = cleaner.clean(ARTICLE, format="text")
    out = explain(result, "a.txt").splitlines()
    dropped = [d for d in result.decisions if not d.kept and d.text.strip()]
    assert dropped
    assert len(out) == len(dropped) + 1
    for line, d in zip(out, dropped):
        m = re.match(r"^a\.txt:(\d+): (\S+)  (.*)  \| (.*)$", line)
        assert m, line
        assert int(m.group(1)) == d.line
        assert m.group(2) == (d.rule or d.stage)
        assert m.group(4) == d.text.strip()
    assert out[-1] == summary(result, "a.txt")
    assert out[-1].startswith(f"a.txt: {len(dropped)} of {len(result.decisions)} lines dropped")


def test_summary_mentions_status_when_not_ok():
    r = Result(text="", source="menu\n", decisions=(Decision(1, "menu\n", False, "context", "context.x", "menu"),),
               status="no-body", message="no article body found")
    assert summary(r, "f").endswith("; no-body: no article body found")


def test_json_record_escapes_control_characters():
    text = ARTICLE.replace("Stocks climbed", "Stocks\x00 \x1b[1mclimbed\x07\u2029")
    line = cleaner.clean(text, format="text").to_json()
    assert "\n" not in line and "\x00" not in line and "\x1b" not in line and len(line.splitlines()) == 1
    assert "\\u0000" in line and "\\u001b" in line
    record = json.loads(line)
    assert "\x1b[1mclimbed" in record["text"]


def test_decisions_are_built_when_read_and_behave_like_a_tuple():
    """``clean`` builds the decisions only when the report asks for them; they read, compare
    and pickle like the tuple they stand for."""
    import pickle

    from cleaner.model import Decisions

    result = cleaner.clean(ARTICLE, format="text")
    assert isinstance(result.decisions, Decisions)
    built = tuple(result.decisions)
    assert result.decisions == built and built == tuple(result.decisions)
    assert len(result.decisions) == len(built) and result.decisions[-1] == built[-1]
    assert result.decisions[1:3] == built[1:3]
    copy = pickle.loads(pickle.dumps(result))
    assert isinstance(copy.decisions, tuple) and copy.decisions == result.decisions
    assert copy == result
    assert Decisions(lambda: iter(())) == ()


def test_a_diffs_context_is_a_count_of_lines():
    result = cleaner.clean(ARTICLE, format="text")
    for context in (-1, -2, 1.5, True):
        with pytest.raises(ValueError, match="context must be a count of lines"):
            result.diff(context=context)
    assert result.diff(context=0).startswith("--- input")
