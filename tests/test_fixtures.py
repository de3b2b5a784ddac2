"""Input/expected-output pairs under ``fixtures/`` (see fixtures/README.md).

For every ``fixtures/**/<name>.txt`` with a sibling ``<name>.expected.txt``:

* ``test_fixture``: ``clean(input, format="text", url=url).text`` equals the
  expected body byte for byte;
* ``test_expected_is_fixed_point``: cleaning the expected body changes nothing;
* ``test_output_is_stable``: cleaning the output again gives the same output.

The expectations are human judgements, not recordings of the cleaner.  Cases
where the current cleaner disagrees are listed in
``fixtures/known-differences.toml`` and run as strict xfails, so both a fix
(XPASS -> failure: remove the entry) and a regression elsewhere are visible.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT))

import cleaner  # noqa: E402

FIXTURES = ROOT / "fixtures"
KNOWN = FIXTURES / "known-differences.toml"
EXPECTED_SUFFIX = ".expected.txt"


def _read(path: Path) -> str:
    # newline="" keeps line endings as they are: the comparison is byte-exact.
    with path.open(encoding="utf-8", newline="") as fh:
        return fh.read()


def _load_toml(path: Path) -> dict:
    try:
        import tomllib  # Python 3.11+
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        try:
            import tomli as tomllib
        except ModuleNotFoundError:
            return _mini_toml(path.read_text(encoding="utf-8"))
    with path.open("rb") as fh:
        return tomllib.load(fh)


def _mini_toml(text: str) -> dict:
    """Just enough TOML for known-differences.toml: ``[[case]]`` tables of
    ``key = "string"`` / ``key = true|false`` pairs (used only without tomllib/tomli)."""
    cases: list = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line == "[[case]]":
            cases.append({})
            continue
        m = re.fullmatch(r'(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|(true|false))\s*(?:#.*)?', line)
        if not m or not cases:
            raise ValueError(f"{KNOWN.name}: cannot parse {raw!r}")
        key, string, boolean = m.groups()
        cases[-1][key] = (boolean == "true") if boolean else re.sub(r'\\(["\\])', r"\1", string)
    return {"case": cases}


def discover() -> list:
    """(name, input path, expected path, url or None) for every pair, sorted by name."""
    pairs = []
    for inp in sorted(FIXTURES.rglob("*.txt")):
        if inp.name.endswith(EXPECTED_SUFFIX):
            continue
        stem = inp.name[: -len(".txt")]
        expected = inp.with_name(stem + EXPECTED_SUFFIX)
        if not expected.exists():
            continue
        url_file = inp.with_name(stem + ".url")
        url = None
        if url_file.exists():
            url = url_file.read_text(encoding="utf-8").strip() or None
        name = inp.relative_to(FIXTURES).with_name(stem).as_posix()
        pairs.append((name, inp, expected, url))
    return pairs


def known_differences() -> dict:
    """name -> entry (``reason``, optional ``expected_changes`` = true)."""
    if not KNOWN.exists():
        return {}
    entries = {}
    for case in _load_toml(KNOWN).get("case", []):
        name = case["name"]
        if name in entries:
            raise ValueError(f"{KNOWN.name}: {name} listed twice")
        entries[name] = case
    return entries


PAIRS = discover()
KNOWN_CASES = known_differences()


def _short_name(name: str) -> str:
    return name.rsplit("/", 1)[-1]


def _entry(name: str):
    return KNOWN_CASES.get(name) or KNOWN_CASES.get(_short_name(name))


def _params(flag: str | None = None):
    params = []
    for name, inp, expected, url in PAIRS:
        entry = _entry(name)
        marks = ()
        if entry is not None and (flag is None or entry.get(flag)):
            reason = entry.get("reason", "known difference")
            if flag:
                reason = entry.get(flag + "_reason", reason)
            marks = (pytest.mark.xfail(strict=True, reason=reason),)
        params.append(pytest.param(inp, expected, url, id=name, marks=marks))
    return params


def _kept_lines(source: list, kept: list) -> list:
    """1-based numbers of ``source`` lines that form ``kept`` (greedy subsequence match)."""
    numbers, j = [], 0
    for i, line in enumerate(source, 1):
        if j < len(kept) and line == kept[j]:
            numbers.append(i)
            j += 1
    return numbers if j == len(kept) else None


def _clip(text: str, width: int = 90) -> str:
    text = text.rstrip("\r\n")
    return text if len(text) <= width else text[: width - 1] + "…"


def explain(text: str, expected: str, result) -> str:
    """Compact per-line diff: which input lines differ, and the cleaner's reason for each."""
    source = text.splitlines(keepends=True)
    want = _kept_lines(source, expected.splitlines(keepends=True))
    got = _kept_lines(source, result.text.splitlines(keepends=True))
    if want is None or got is None:  # not subsequences: fall back to a plain diff
        import difflib

        return "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), result.text.splitlines(keepends=True),
            "expected", "actual", n=1))
    decisions = {d.line: d for d in result.decisions}
    want, got = set(want), set(got)
    out = []
    for n in sorted(want ^ got):
        d = decisions.get(n)
        why = f"{d.rule or '-'}: {d.reason}" if d is not None else "no decision"
        tag = "MISSING (should keep)" if n in want else "EXTRA   (should drop)"
        out.append(f"  line {n:4d} {tag} [{why}] | {_clip(source[n - 1])}")
    if not out:  # same lines, different bytes (e.g. a blank line)
        out.append("  same kept lines but different text; repr of the tails: "
                   f"{expected[-80:]!r} vs {result.text[-80:]!r}")
    return f"{len(want - got)} missing, {len(got - want)} extra:\n" + "\n".join(out)


def test_fixtures_found():
    assert len(PAIRS) >= 2, f"no fixture pairs under {FIXTURES}"
    stale = sorted(n for n in KNOWN_CASES
                   if n not in {name for name, *_ in PAIRS} | {_short_name(name) for name, *_ in PAIRS})
    assert not stale, f"{KNOWN.name} lists cases without fixtures: {stale}"


@pytest.mark.parametrize("inp, expected, url", _params())
def test_fixture(inp, expected, url):
    text, want = _read(inp), _read(expected)
    result = cleaner.clean(text, format="text", url=url)
    if result.text != want:
        pytest.fail(f"{inp.name}: output differs from {expected.name}; "
                    + explain(text, want, result), pytrace=False)


@pytest.mark.parametrize("inp, expected, url", _params("expected_changes"))
def test_expected_is_fixed_point(inp, expected, url):
    want = _read(expected)
    result = cleaner.clean(want, format="text", url=url)
    if result.text != want:
        pytest.fail(f"{expected.name}: cleaning the expected body changes it; "
                    + explain(want, want, result), pytrace=False)


@pytest.mark.parametrize("inp, expected, url", _params("output_unstable"))
def test_output_is_stable(inp, expected, url):
    once = cleaner.clean(_read(inp), format="text", url=url).text
    twice = cleaner.clean(once, format="text", url=url)
    if twice.text != once:
        pytest.fail(f"{inp.name}: cleaning the output again changes it; "
                    + explain(once, once, twice), pytrace=False)
