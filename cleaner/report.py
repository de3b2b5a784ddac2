"""Human- and machine-readable views of a ``Result``'s decisions.

* ``unified_diff``: a unified diff from ``result.source`` to ``result.text``,
  built straight from the decisions.  Cleaning text is a pure deletion, so
  every hunk only removes lines; hunks are grouped like ``difflib`` does (a run
  of dropped lines plus ``context`` lines around it, merged when the contexts
  touch).  The reasons for a hunk go after its closing ``@@`` (the "section
  heading" slot ``git diff`` uses for function names), which ``patch`` and
  ``git apply`` ignore::

      --- page.txt
      +++ page.txt (cleaned)
      @@ -22,5 +21,0 @@ promo.forex-signals: forex signals promotion; promo.trading-cta: ...

  The diff applies with ``patch -p0`` and ``git apply -p0`` (or plain
  ``patch`` in the file's directory).
* ``explain``: one lint line per dropped non-blank line, ruff "concise" style
  (``name:LINE: rule-id  reason  | text``), then the ``summary`` line.
* JSON: ``result.to_dict()`` / ``result.to_json()`` (``json.dumps`` escapes
  control characters, so a record is always one line).
"""

from __future__ import annotations

import difflib
import os
import re

from .model import MATCHED

NO_NEWLINE = "\\ No newline at end of file\n"
HEADING_MAX = 200  # characters of reasons after the closing "@@"
TEXT_MAX = 100  # characters of line text in explain output
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _oneline(text: str, limit: int) -> str:
    """``text`` on one line: control characters escaped, cut to ``limit``."""
    text = text.rstrip("\r\n")
    text = _CONTROL_RE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    text = text.replace("\n", "\\n").replace("\r", "\\r")
    if len(text) > limit:
        text = text[: limit - 3].rstrip() + "..."
    return text


def _label(d) -> str:
    return d.rule or d.stage or "dropped"


def _without_quote(reason: str) -> str:
    """A rule's reason without the words it matched (``model.MATCHED``), keeping what follows them."""
    head, sep, tail = reason.partition(MATCHED)
    return head + tail[tail.rfind('"') + 1:] if sep else reason


def _reasons(decisions) -> str:
    """The heading after a hunk's ``@@``: each rule once with the reason of its first
    line, the rules that dropped most lines first (then in order), counted when more
    than one line went by them ("context.outside-body ×12: ...")."""
    decisions = list(decisions)
    dropped = [d for d in decisions if not d.kept and d.text.strip()]  # blank lines follow the lines around them
    seen: dict = {}
    for d in dropped or [d for d in decisions if not d.kept]:
        label = _label(d)
        count, reason = seen.get(label, (0, _without_quote(d.reason)))  # one rule, several phrases
        seen[label] = (count + 1, reason)
    parts = [f"{rule}{f' ×{count}' if count > 1 else ''}{f': {reason}' if reason else ''}"
             for rule, (count, reason) in sorted(seen.items(), key=lambda item: -item[1][0])]
    return _oneline("; ".join(parts), HEADING_MAX)


def _range(start: int, length: int) -> str:
    """``difflib``'s unified range: 1-based start, ``,length`` unless it is 1."""
    beginning = start + 1
    if length == 1:
        return str(beginning)
    if not length:
        beginning -= 1
    return f"{beginning},{length}"


def _line(prefix: str, text: str) -> str:
    if text.endswith("\n"):
        return prefix + text
    return prefix + text + "\n" + NO_NEWLINE


def _is_pure_deletion(result) -> bool:
    decisions = result.decisions
    return (
        "".join(d.text for d in decisions) == result.source
        and "".join(d.text for d in decisions if d.kept) == result.text
    )


def unified_diff(result, name: str = "input", context: int = 3) -> str:
    """A unified diff from ``result.source`` to ``result.text``; ``""`` if nothing changed."""
    if isinstance(context, bool) or not isinstance(context, int) or context < 0:
        raise ValueError(f"context must be a count of lines, 0 or more, not {context!r}")
    if result.text == result.source:
        return ""
    if "\n" not in result.source:
        return _one_line_diff(result, name)
    if not _is_pure_deletion(result) or "\r" in result.source[result.source.rfind("\n") + 1:-1]:
        # (Past the last line feed, lines end at "\r", which ``patch`` reads as one line.)
        return _difflib_diff(result, name, context)
    decisions = list(result.decisions)
    dropped = [i for i, d in enumerate(decisions) if not d.kept]
    # Group dropped lines: a new group starts when the gap of kept lines is
    # longer than 2*context (then the two contexts would not touch).
    groups: list = []
    for i in dropped:
        if groups and i - groups[-1][-1] - 1 <= 2 * context:
            groups[-1].append(i)
        else:
            groups.append([i])
    # new_index[i]: number of kept lines before line i.
    new_index = []
    kept_so_far = 0
    for d in decisions:
        new_index.append(kept_so_far)
        kept_so_far += d.kept
    out = diff_headers(name)
    n = len(decisions)
    for group in groups:
        lo = max(0, group[0] - context)
        hi = min(n, group[-1] + context + 1)
        hunk = decisions[lo:hi]
        old_len = hi - lo
        new_len = sum(1 for d in hunk if d.kept)
        heading = _reasons(d for d in hunk)
        out.append(
            f"@@ -{_range(lo, old_len)} +{_range(new_index[lo], new_len)} @@"
            + (f" {heading}" if heading else "")
            + "\n"
        )
        for d in hunk:
            out.append(_line(" " if d.kept else "-", d.text))
    return "".join(out)


def _one_line_diff(result, name: str) -> str:
    """A text without a line feed is one line to ``patch`` (classic Mac OS line ends,
    ``\\r``, are not line ends to it): the diff replaces that line by the body."""
    heading = _reasons(result.decisions)
    out = diff_headers(name)
    out.append(f"@@ -1 +{1 if result.text else '0,0'} @@" + (f" {heading}" if heading else "") + "\n")
    out.append(_line("-", result.source))
    if result.text:
        out.append(_line("+", result.text))
    return "".join(out)


def diff_headers(name: str) -> list:
    """The ``---``/``+++`` lines.  A name with a space ends with a tab, as in
    git's and GNU diff's output, so ``patch`` reads the whole name; one with a
    tab, a line break, another control character, a quote or a backslash, or
    a space at either end (which ``patch`` would strip), is C-quoted as they
    write it ("tab\\tname.txt"), and so is one whose bytes are not UTF-8 (a
    lone surrogate here), its bytes past ASCII in octal ("bad\\377.txt")."""
    if any("\udc80" <= c <= "\udcff" for c in name):
        name = '"' + "".join(_QUOTED.get(chr(b), chr(b)) if b < 128 else f"\\{b:03o}" for b in os.fsencode(name)) + '"'
    elif any(c in _QUOTED for c in name) or name[:1].isspace() or name[-1:].isspace():
        name = '"' + "".join(_QUOTED.get(c, c) for c in name) + '"'
    if any(c.isspace() for c in name):
        return [f"--- {name}\t\n", f"+++ {name}\t(cleaned)\n"]
    return [f"--- {name}\n", f"+++ {name} (cleaned)\n"]


_QUOTED = {**{chr(c): f"\\{c:03o}" for c in (*range(32), 127)},
           "\t": "\\t", "\n": "\\n", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def _difflib_diff(result, name: str, context: int) -> str:
    """Fallback when the body is not a subset of the source lines (e.g. markdown), or
    when they are not ``patch``'s lines, which end at ``\\n`` only."""
    a = _patch_lines(result.source)
    b = _patch_lines(result.text)
    by_line = {d.line: d for d in result.decisions}
    out: list = []
    for k, line in enumerate(difflib.unified_diff(a, b, name, name, n=context, lineterm="\n")):
        if k < 2:  # difflib's own ---/+++ lines (it yields nothing at all when nothing changed)
            out += diff_headers(name) if k == 0 else []
            continue
        if line.startswith("@@"):
            m = re.match(r"@@ -(\d+)(?:,(\d+))? ", line)
            start = int(m.group(1))
            length = int(m.group(2)) if m.group(2) is not None else 1
            start = start if length else start + 1
            heading = _reasons(by_line[k] for k in range(start, start + length) if k in by_line)
            line = line.rstrip("\n") + (f" {heading}" if heading else "") + "\n"
            out.append(line)
        else:
            out.append(_line(line[0], line[1:]))
    return "".join(out)


def _patch_lines(text: str) -> list:
    """``text`` split as ``patch`` reads it: after each ``\\n`` (not at ``\\r``, form
    feeds or U+2028, where ``str.splitlines`` splits too)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def explain(result, name: str = "input") -> str:
    """Lint lines ``name:LINE: rule-id  reason  | text`` plus a summary line."""
    lines = []
    for d in result.decisions:
        if d.kept or not d.text.strip():
            continue
        reason = d.reason or ""
        if d.score is not None:
            reason = f"{reason} (score {d.score:.2f})" if reason else f"score {d.score:.2f}"
        lines.append(f"{name}:{d.line}: {_label(d)}  {_oneline(reason, 120)}  | {_oneline(d.text.strip(), TEXT_MAX)}\n")
    lines.append(summary(result, name) + "\n")
    return "".join(lines)


def summary(result, name: str = "input") -> str:
    """One line: what was dropped, by rule family, and the status."""
    stats = result.stats or {}
    lines_in = stats.get("lines_in", len(result.decisions))
    dropped = stats.get("lines_dropped", sum(1 for d in result.decisions if not d.kept and d.text.strip()))
    chars_in = stats.get("chars_in", len(result.source))
    chars_out = stats.get("chars_out", len(result.text))
    blank = stats.get("blank_lines_dropped", 0)
    text = (
        f"{name}: {dropped} of {lines_in} lines dropped"
        + (f" and {plural(blank, 'blank line')}" if blank else "")
        + f" ({chars_in - chars_out:,} of {chars_in:,} chars)"
    )
    families = stats.get("dropped_by_family") or {}
    if families:
        text += " [" + ", ".join(f"{fam} {count}" for fam, count in families.items()) + "]"
    if result.status != "ok":
        text += f"; {result.status}" + (f": {result.message}" if result.message else "")
    return text


def plural(n: int, word: str) -> str:
    """"1 document", "2 documents": for the summaries on stderr."""
    return f"{n} {word}{'' if n == 1 else 's'}"
