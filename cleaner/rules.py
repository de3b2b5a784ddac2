"""Rule sets: phrase rules loaded from TOML data files and compiled once.

A rule file holds ``[[rule]]`` tables::

    [[rule]]
    id = "promo.open-trading-account"      # family.name; the family is reported
    description = "Broker call to action"
    match = "contains"                     # line | prefix | suffix | contains
    phrases = ["open a free trading account"]   # literal phrases, or:
    # regex = "open an? (?:free )?(?:demo|trading) account"
    lang = ["en"]                          # optional: only for these languages
    hosts = ["fxleaders.com"]              # optional: only for these hosts (and subdomains)
    max_words = 12                         # optional: only lines of at most this many words
    case_sensitive = false                 # optional, default false

Lines are compared in a normalised form (see ``normalize``): case-folded,
whitespace collapsed, bullets, quotes and edge punctuation stripped.  So
phrases and regexes are written in lower case (a regex is matched as written,
without IGNORECASE, which keeps the combined patterns fast; note that
case-folding turns "ß" into "ss").  TOML is
read with the standard library's ``tomllib``: no dependency, and unlike YAML it
has no object tags, so a rule file is data and nothing else.

Every regex is linted when loaded (``check_regex``): repeats must be bounded
and not nested deeply, and backreferences are refused, so a rule cannot make
the cleaner crawl on a long or hostile line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable

try:  # Python 3.11+
    from re import _parser as sre_parse  # type: ignore[attr-defined]
    from re import _constants as sre_constants  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]
    import sre_constants  # type: ignore[no-redef]

MATCH_KINDS = ("line", "prefix", "suffix", "contains")
DEFAULT_MAX_WORDS = 40
RULE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$")
# Characters stripped from both ends before matching: bullets, quotes, arrows,
# pipes and punctuation that menus and CTAs wrap around their words.
EDGE_CHARS = "".join(
    sorted(set(" \t\r\n-–—•·*+>»«›‹|/\\:;,.!?¡¿…\"'“”„‘’()[]{}#=_~^→←↑↓►▶▸◂◀✓✔☰®™"))
)
SPACE_RE = re.compile(r"\s+")


class RuleError(ValueError):
    """A rule file is malformed; the message names the file and the rule."""


def normalize(text: str) -> str:
    """The form rules are matched against (also used by ``cleaner learn``)."""
    if "\xad" in text:  # soft hyphens split words invisibly ("Kon\xadtakt")
        text = text.replace("\xad", "")
    return " ".join(text.split()).strip(EDGE_CHARS).casefold()


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    description: str
    match: str
    phrases: tuple = ()
    regex: str = ""
    lang: frozenset = frozenset()
    hosts: tuple = ()
    max_words: int = DEFAULT_MAX_WORDS
    case_sensitive: bool = False
    source: str = ""

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]

    def pattern(self) -> str:
        """The rule as one regex body (literals escaped)."""
        if self.regex:
            return self.regex
        return "|".join(re.escape(p if self.case_sensitive else p.casefold()) for p in self.phrases)

    def applies_to(self, words: int, language: str) -> bool:
        if self.max_words and words > self.max_words:
            return False
        return not self.lang or not language or language in self.lang


MAX_REPEAT_BOUND = 200  # longest repeat a rule regex may use ({0,200})
MAX_NESTED_REPEATS = 1000  # product of the bounds of nested repeats


def check_regex(pattern: str) -> None:
    """Refuse patterns that can backtrack badly on long or hostile lines.

    Python's ``re`` backtracks, so the linter is the guarantee:

    - every repeat is bounded (``{0,40}``, not ``*`` or ``+``): an unbounded
      repeat makes a search quadratic on a long run of matching characters;
    - nested repeats may not multiply to more than ``MAX_NESTED_REPEATS``
      (``(a{1,40}){1,40}`` is refused, ``(?:\\w{1,40} ){0,3}`` is fine);
    - no backreferences.

    Not caught: alternatives that match the same text inside a repeat
    (``(a|a){1,50}``); the shipped rules are timed against hostile lines in
    tests/test_robustness.py for that.
    """
    try:
        parsed = sre_parse.parse(pattern)
    except re.error as err:
        raise RuleError(f"invalid regex {pattern!r}: {err}") from None
    repeats = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)

    def walk(items, outer: int) -> None:
        for op, arg in items:
            if op in repeats:
                low, high, body = arg
                if high == sre_constants.MAXREPEAT or high > MAX_REPEAT_BOUND:
                    raise RuleError(
                        f"regex {pattern!r} has an unbounded repeat: write {{0,{MAX_REPEAT_BOUND}}} or less, not * or +"
                    )
                if outer * high > MAX_NESTED_REPEATS and outer > 1 and high > 1:
                    raise RuleError(f"regex {pattern!r} nests repeats too deeply (catastrophic backtracking)")
                walk(body, outer * max(high, 1))
            elif op in (sre_constants.GROUPREF, sre_constants.GROUPREF_EXISTS):
                raise RuleError(f"regex {pattern!r} uses a backreference")
            elif op == sre_constants.SUBPATTERN:
                walk(arg[-1], outer)
            elif op == sre_constants.BRANCH:
                for branch in arg[1]:
                    walk(branch, outer)
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                walk(arg[1], outer)
            elif op == sre_constants.ATOMIC_GROUP:
                walk(arg, outer)

    walk(parsed, 1)


def _rule_from_table(table: dict, source: str) -> Rule:
    rule_id = table.get("id", "")
    where = f"{source}: rule {rule_id or '(no id)'}"
    if not isinstance(rule_id, str) or not RULE_ID_RE.match(rule_id):
        raise RuleError(f"{where}: id must look like 'family.name' (lowercase, dots)")
    unknown = set(table) - {
        "id", "description", "match", "phrases", "regex", "lang", "hosts", "max_words", "case_sensitive",
    }
    if unknown:
        raise RuleError(f"{where}: unknown keys {sorted(unknown)}")
    match = table.get("match", "line")
    if match not in MATCH_KINDS:
        raise RuleError(f"{where}: match must be one of {MATCH_KINDS}")
    phrases = table.get("phrases", [])
    regex = table.get("regex", "")
    if bool(phrases) == bool(regex):
        raise RuleError(f"{where}: give either 'phrases' or 'regex'")
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise RuleError(f"{where}: 'phrases' must be a list of non-empty strings")
    case_sensitive = bool(table.get("case_sensitive", False))
    if regex:
        try:
            check_regex(regex)
        except RuleError as err:
            raise RuleError(f"{where}: {err}") from None
        if not case_sensitive and regex != regex.casefold() and not re.search(r"\\[A-Z]", regex):
            raise RuleError(f"{where}: write the regex in lower case (lines are matched case-folded)")
    else:
        # Phrases are compared in normalised form, like the lines.
        phrases = [normalize(p) if not case_sensitive else " ".join(p.split()).strip(EDGE_CHARS) for p in phrases]
    max_words = table.get("max_words", DEFAULT_MAX_WORDS)
    if not isinstance(max_words, int) or max_words < 0:
        raise RuleError(f"{where}: max_words must be a whole number >= 0 (0 = no limit)")
    hosts = tuple(h.lower().lstrip(".") for h in table.get("hosts", []))
    return Rule(
        id=rule_id,
        description=str(table.get("description", "")),
        match=match,
        phrases=tuple(phrases),
        regex=regex,
        lang=frozenset(table.get("lang", [])),
        hosts=hosts,
        max_words=max_words,
        case_sensitive=case_sensitive,
        source=source,
    )


def parse_rules(text: str, source: str = "<string>") -> list[Rule]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise RuleError(f"{source}: not valid TOML: {err}") from None
    tables = data.get("rule", [])
    if not isinstance(tables, list):
        raise RuleError(f"{source}: expected [[rule]] tables")
    return [_rule_from_table(t, source) for t in tables]


def builtin_rule_files() -> list:
    folder = resources.files("cleaner") / "rules"
    return sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)


def load_rules(paths: Iterable = (), builtin: bool = True) -> "RuleSet":
    """Load the shipped rule files (unless ``builtin=False``) plus ``paths``."""
    rules: list[Rule] = []
    if builtin:
        for f in builtin_rule_files():
            rules += parse_rules(f.read_text(encoding="utf-8"), f"cleaner/rules/{f.name}")
    for path in paths:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise RuleError(f"{path}: cannot read rule file: {err}") from None
        rules += parse_rules(text, str(path))
    return RuleSet(rules)


def trie_pattern(phrases) -> str:
    """One regex for many literal phrases, prefixes shared (``(?:ab(?:c|d))``).

    Python's ``re`` tries alternatives one by one; factoring common prefixes
    turns hundreds of phrases into a walk down a trie.  No quantifier other
    than ``?`` is produced, so the pattern is linear.
    """
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alternatives = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


MIN_FACTOR_CHARS = 4


def required_literals(pattern: str) -> frozenset | None:
    """Strings of which every match of ``pattern`` contains at least one.

    A cheap literal search for them tells which lines cannot match, so the
    combined regex runs only on the few lines that might (the prefilter idea of
    RE2 and Hyperscan, in a few lines).  ``None`` when no such set of strings
    of at least ``MIN_FACTOR_CHARS`` characters is found.
    """

    def of_sequence(items) -> frozenset | None:
        candidates, run = [], ""
        for op, arg in items:
            if op == sre_constants.LITERAL:
                run += chr(arg)
                continue
            if run:
                candidates.append(frozenset([run]))
                run = ""
            found = None
            if op == sre_constants.SUBPATTERN:
                found = of_sequence(arg[-1])
            elif op == sre_constants.BRANCH:
                parts = [of_sequence(branch) for branch in arg[1]]
                if all(parts):
                    found = frozenset().union(*parts)
            elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and arg[0] >= 1:
                found = of_sequence(arg[2])
            if found:
                candidates.append(found)
        if run:
            candidates.append(frozenset([run]))
        # Spaces and punctuation make poor anchors (" on " is everywhere): rank
        # a set by its shortest member's letters and digits.
        def strength(c):
            return min(sum(ch.isalnum() for ch in f) for f in c)

        usable = [c for c in candidates if strength(c) >= MIN_FACTOR_CHARS]
        return max(usable, key=lambda c: (strength(c), -len(c))) if usable else None

    return of_sequence(sre_parse.parse(pattern))


_ANCHORS = {
    # kind: (template, method name)
    "line": ("(?:{})\\Z", "match"),
    "prefix": ("(?:{})(?!\\w)", "match"),
    "suffix": ("(?<!\\w)(?:{})\\Z", "search"),
    "contains": ("(?<!\\w)(?:{})(?!\\w)", "search"),
}


WORD_BUCKETS = (8, 16, 40)


def _word_bucket(max_words: int) -> int:
    """The smallest bucket that holds a rule's word limit (0 = no limit)."""
    for bucket in WORD_BUCKETS:
        if max_words and max_words <= bucket:
            return bucket
    return max_words or 10**9


def _compile(kind: str, body: str, flags: int = 0):
    template, method = _ANCHORS[kind]
    return getattr(re.compile(template.format(body), flags), method)


class Matcher:
    """All rules of one scope compiled into a few combined patterns.

    Whole-line phrases are a dict lookup.  For the other kinds, all literal
    phrases form one trie regex (the matched text names its rule) and all
    regex rules one alternation with a named group per rule.  Lines are
    matched in normalised (case-folded) form, so literals need no IGNORECASE.
    """

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        self.exact: dict[str, Rule] = {}
        self.exact_cased: dict[str, Rule] = {}
        literals: dict[str, dict[str, Rule]] = {k: {} for k in MATCH_KINDS}
        regexes: dict[str, list[str]] = {k: [] for k in MATCH_KINDS}
        cased: dict[str, list[str]] = {k: [] for k in MATCH_KINDS}
        self.by_group: dict[str, Rule] = {}
        self.single: dict[str, object] = {}  # rule id -> its own matcher, for the slow path
        for i, rule in enumerate(rules):
            if rule.match == "line" and not rule.regex:
                table = self.exact_cased if rule.case_sensitive else self.exact
                for phrase in rule.phrases:
                    table.setdefault(phrase, rule)
                continue
            self.single[rule.id] = _compile(rule.match, rule.pattern())
            if rule.regex or rule.case_sensitive:
                name = f"r{i}"
                self.by_group[name] = rule
                factors = required_literals(rule.pattern())
                group = cased if rule.case_sensitive else regexes
                group[rule.match].append((f"(?P<{name}>{rule.pattern()})", factors, rule))
            else:
                for phrase in rule.phrases:
                    literals[rule.match].setdefault(phrase, rule)
        # Longest line (in words) any pattern rule applies to: longer lines skip the patterns.
        pattern_rules = [r for r in rules if r.id in self.single]
        self.max_words = max((r.max_words or 10**9 for r in pattern_rules), default=0)
        # Steps: (kind, method, phrase table or None, matches the case-kept line,
        # prefilter or None, longest line in words it applies to).  Regex rules are
        # grouped by their word limit, so a long line skips the groups of short-line
        # rules; searching (not anchored) groups get a literal prefilter.
        self.steps = []
        for kind in MATCH_KINDS:
            if literals[kind]:
                limit = max((r.max_words or 10**9) for r in literals[kind].values())
                self.steps.append((kind, _compile(kind, trie_pattern(literals[kind])), literals[kind], False, None, limit))
            for keeps_case, group in ((False, regexes[kind]), (True, cased[kind])):
                for limit in sorted({_word_bucket(rule.max_words) for _, _, rule in group}):
                    members = [(body, factors) for body, factors, rule in group if _word_bucket(rule.max_words) == limit]
                    searching = kind in ("contains", "suffix")
                    filtered = [body for body, factors in members if factors and searching]
                    unfiltered = [body for body, factors in members if not (factors and searching)]
                    if filtered:
                        anchors = set().union(*(factors for _, factors in members if factors))
                        prefilter = re.compile(trie_pattern(anchors)).search
                        self.steps.append((kind, _compile(kind, "|".join(filtered)), None, keeps_case, prefilter, limit))
                    if unfiltered:
                        self.steps.append((kind, _compile(kind, "|".join(unfiltered)), None, keeps_case, None, limit))

    def match(self, norm: str, stripped: str, words: int, language: str) -> Rule | None:
        rule = self.exact.get(norm)
        if rule is None and self.exact_cased:
            rule = self.exact_cased.get(" ".join(stripped.split()).strip(EDGE_CHARS))
        if rule is not None and rule.applies_to(words, language):
            return rule
        if words > self.max_words:
            return None
        for kind, method, phrases, keeps_case, prefilter, limit in self.steps:
            if words > limit:
                continue
            subject = " ".join(stripped.split()).strip(EDGE_CHARS) if keeps_case else norm
            if prefilter is not None and prefilter(subject) is None:
                continue
            m = method(subject)
            if m is None:
                continue
            rule = phrases[m.group()] if phrases is not None else self.by_group[m.lastgroup]
            if rule.applies_to(words, language):
                return rule
            # The first hit does not apply here (word limit, language): try the rules one by one.
            for candidate in self.rules:
                if candidate.match == kind and candidate.id in self.single and candidate.applies_to(words, language):
                    if self.single[candidate.id](subject):
                        return candidate
        return None


class RuleSet:
    """Immutable collection of rules with matchers compiled once."""

    def __init__(self, rules: list[Rule]):
        seen: dict[str, Rule] = {}
        for rule in rules:
            if rule.id in seen and seen[rule.id].source == rule.source:
                raise RuleError(f"{rule.source}: duplicate rule id {rule.id}")
            seen[rule.id] = rule
        self.rules = tuple(rules)
        self.global_matcher = Matcher([r for r in rules if not r.hosts])
        by_host: dict[str, list[Rule]] = {}
        for rule in rules:
            for host in rule.hosts:
                by_host.setdefault(host, []).append(rule)
        self.host_matchers = {h: Matcher(rs) for h, rs in by_host.items()}

    def __len__(self) -> int:
        return len(self.rules)

    def matchers_for(self, host: str) -> tuple:
        """Global matcher plus the matchers of ``host`` and its parent domains."""
        found = [self.global_matcher]
        host = (host or "").lower().rstrip(".")
        if host.startswith("www."):
            host = host[4:]
        while host:
            m = self.host_matchers.get(host)
            if m is not None:
                found.append(m)
            host = host.partition(".")[2]
        return tuple(found)
