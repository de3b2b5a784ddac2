"""Run ``cleaner`` on existing distributed engines (no scheduler of our own).

* ``cleaner.integrations.datatrove``: ``CleanerStep``, a datatrove pipeline step
  (works unchanged under ``LocalPipelineExecutor``, ``SlurmPipelineExecutor``
  and ``RayPipelineExecutor``).  Needs ``pip install 'scrape-cleaner[datatrove]'``.
* ``cleaner.integrations.ray``: ``CleanBatch``, a callable class for Ray Data's
  ``Dataset.map_batches``.  Needs ``pip install 'ray[data]'``.

This module holds what both share and imports neither engine: ``CleanerSpec``,
a small picklable recipe for a ``Cleaner`` that carries the *text* of the extra
rule files (so workers on other machines need no access to the files), and
``compact_removed``, the ``[[line, rule, text], ...]`` form of the dropped lines
(the same as the ``removed`` field of ``cleaner batch``).

A worker process builds each distinct ``Cleaner`` once (``CleanerSpec.cleaner()``
caches it per process), never per document and never at import time.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass
from typing import Iterable, Mapping, Optional, Union

from ..core import Cleaner, Options
from ..rules import RuleSet, check_rule_ids, load_rules, parse_rules, read_rule_file, unique_rule_paths
from ..rules import builtin_rules as shipped_rules

__all__ = ["CleanerSpec", "compact_removed", "make_options", "record_for"]

FORMATS = (None, "html", "text")

# One Cleaner per distinct spec per process (a worker may run many tasks).
_CLEANERS: dict = {}


def make_options(options: Union[Options, Mapping, None] = None, **fields) -> Options:
    """An ``Options`` from an ``Options``/dict plus keyword fields; unknown names raise ``TypeError``."""
    if options is None:
        base = Options()
    elif isinstance(options, Options):
        base = options
    elif isinstance(options, Mapping):
        base = Options(**options)
    else:
        raise TypeError(f"options must be an Options or a dict, got {type(options).__name__}")
    if fields:
        known = {f.name for f in dataclasses.fields(Options)}
        unknown = sorted(set(fields) - known)
        if unknown:
            raise TypeError(f"unknown cleaner option(s) {', '.join(unknown)} (known: {', '.join(sorted(known))})")
        base = dataclasses.replace(base, **fields)
    return base


def check_format(format: Optional[str]) -> Optional[str]:
    if format == "auto":
        return None
    if format not in FORMATS:
        raise ValueError(f"format must be 'html', 'text' or None (detect), got {format!r}")
    return format


@dataclass(frozen=True)
class CleanerSpec:
    """A picklable recipe for a ``Cleaner``: rule texts, built-in rules on/off, options.

    ``CleanerSpec.from_paths(paths)`` reads the rule files and checks them at
    once, with each other and with the built-in rules, so a bad rule file (or
    two that clash) fails where the spec is made, as the CLI would fail, before
    any job is launched; it keeps their text, so the spec is self-contained when
    it is shipped to workers.
    """

    rule_sources: tuple = ()  # ((source name, TOML text), ...), in load order
    builtin_rules: bool = True
    options: Options = Options()

    @classmethod
    def from_paths(cls, rules: Iterable = (), *, builtin_rules: bool = True,
                   options: Union[Options, Mapping, None] = None, **option_fields) -> "CleanerSpec":
        if isinstance(rules, (str, os.PathLike)):
            rules = [rules]
        # Read as load_rules reads them (each file once, past a byte-order mark), and
        # checked together: a clash between files, or with a built-in rule, fails now,
        # not on every worker.  (Parsed, not compiled: the workers build the Cleaner.)
        sources = tuple((str(path), read_rule_file(path)) for path in unique_rule_paths(rules))
        parsed = [rule for source, text in sources for rule in parse_rules(text, source)]
        check_rule_ids((shipped_rules() if builtin_rules else []) + parsed)
        return cls(sources, builtin_rules, make_options(options, **option_fields))

    def build(self) -> Cleaner:
        """A new ``Cleaner`` (rules: built-ins, then the extra files in order, as ``load_rules``)."""
        if not self.rule_sources and self.builtin_rules and self.options == Options():
            from .. import default_cleaner

            return default_cleaner()
        rules = list(load_rules(builtin=self.builtin_rules).rules)
        for source, text in self.rule_sources:
            rules += parse_rules(text, source)
        return Cleaner(RuleSet(rules), self.options)

    def cleaner(self) -> Cleaner:
        """This process's ``Cleaner`` for the spec, built on first use."""
        found = _CLEANERS.get(self)
        if found is None:
            found = _CLEANERS[self] = self.build()
        return found


def compact_removed(result) -> list:
    """Dropped non-blank lines as ``[line number, rule or stage, text]`` (as ``cleaner batch``)."""
    return [
        [d.line, d.rule or d.stage, d.text.rstrip("\r\n")]
        for d in result.decisions
        if not d.kept and d.text.strip()
    ]


def record_for(result, removed: bool = True) -> dict:
    """The compact, JSON-ready summary of a ``Result`` stored next to the body."""
    record = {
        "status": result.status,
        "format": result.format,
        "language": result.language,
        "stats": dict(result.stats),
    }
    if removed:
        record["removed"] = compact_removed(result)
    if result.message:
        record["message"] = result.message
    return record


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)
