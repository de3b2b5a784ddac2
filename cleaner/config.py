"""Configuration file for the ``cleaner`` command line.

Lookup order (the first one found wins; files are not merged):

1. ``--config FILE`` (an error if it does not exist; a ``pyproject.toml``: its
   ``[tool.cleaner]`` table);
2. ``cleaner.toml``, then ``.cleaner.toml``, in the current directory;
3. the ``[tool.cleaner]`` table of ``pyproject.toml`` in the current directory
   (only if that table exists);
4. ``$XDG_CONFIG_HOME/cleaner/config.toml`` (``~/.config/cleaner/config.toml``
   when ``XDG_CONFIG_HOME`` is unset).

``--no-config`` skips the lookup.  Keys (all optional)::

    rules = ["rules/site.toml"]   # extra rule files, relative to the config file
    builtin_rules = true          # also load the built-in rules
    keep_title = true             # Options fields, see cleaner.core.Options
    tables = true
    markdown = false
    favor_recall = false
    paragraphs = true
    captions = true
    max_bytes = 67108864
    time_limit = 60.0

Command-line flags override the file: ``--rules`` adds rule files to the
file's list, ``--no-builtin-rules``, ``--no-title``, ``--no-tables``,
``--markdown``, ``--favor-recall``, ``--no-paragraphs``, ``--no-captions``, ``--max-bytes`` and ``--time-limit``
replace its values.
Unknown keys and wrong types are errors (``ConfigError``) that name the file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .core import option_problem

# Options fields a config file may set (their values are checked as Options checks them).
OPTION_KEYS = ("keep_title", "tables", "markdown", "favor_recall", "paragraphs", "captions", "max_bytes", "time_limit")
KNOWN_KEYS = {"rules", "builtin_rules", *OPTION_KEYS}
LOCAL_NAMES = ("cleaner.toml", ".cleaner.toml")


class ConfigError(ValueError):
    """A configuration file is missing, malformed or has a bad key."""


@dataclass
class Config:
    path: Optional[Path] = None  # where it was read from; None: defaults
    rules: list = field(default_factory=list)  # resolved Paths
    builtin_rules: bool = True
    options: dict = field(default_factory=dict)  # Options field -> value


def user_config_path(env=None) -> Path:
    env = os.environ if env is None else env
    base = env.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "cleaner" / "config.toml"


def _read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        # (a byte-order mark, as Notepad writes one, is no TOML)
        return tomllib.loads(data.decode("utf-8")[1:] if data.startswith(b"\xef\xbb\xbf") else data.decode("utf-8"))
    except OSError as err:
        raise ConfigError(f"{path}: cannot read config: {err.strerror or err}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:  # TOML is UTF-8
        raise ConfigError(f"{path}: invalid TOML: {err}") from None
    except RecursionError:  # ("a=[[[[...]]]]" thousands deep: the decoder recurses)
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None


def _is_file(path: Path) -> bool:
    """``path.is_file()``, but a folder we may not look into is an error, not "no config"."""
    try:
        return path.is_file()
    except OSError as err:
        raise ConfigError(f"{path}: cannot read config: {err.strerror or err}") from None


def _tool_table(pyproject: Path) -> Optional[dict]:
    """The ``[tool.cleaner]`` table of a ``pyproject.toml``, or None if it has none."""
    tool = _read_toml(pyproject).get("tool", {})
    table = tool.get("cleaner") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{pyproject}: [tool.cleaner] must be a table")
    return table


def _current_folder() -> Optional[Path]:
    """The working folder; None when it was deleted under us (it holds no config then)."""
    try:
        return Path.cwd()
    except OSError:
        return None


def find_config(explicit=None, cwd=None, env=None) -> tuple[Optional[Path], dict]:
    """``(path, table)`` of the configuration in force, or ``(None, {})``."""
    if explicit is not None:
        path = Path(explicit)
        if not _is_file(path):
            raise ConfigError(f"{path}: config file {'is not a regular file' if path.exists() else 'not found'}")
        if path.name == "pyproject.toml":  # its [tool.cleaner] table, as when it is found
            table = _tool_table(path)
            if table is None:
                raise ConfigError(f"{path}: no [tool.cleaner] table")
            return path, table
        return path, _read_toml(path)
    cwd = _current_folder() if cwd is None else Path(cwd)
    for name in LOCAL_NAMES if cwd is not None else ():
        path = cwd / name
        if _is_file(path):
            return path, _read_toml(path)
    pyproject = cwd / "pyproject.toml" if cwd is not None else None
    if pyproject is not None and _is_file(pyproject):
        table = _tool_table(pyproject)
        if table is not None:
            return pyproject, table
    path = user_config_path(env)
    if _is_file(path):
        return path, _read_toml(path)
    return None, {}


def parse_config(table: dict, path: Optional[Path] = None) -> Config:
    where = str(path) if path else "config"
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s): {', '.join(unknown)} (known: {', '.join(sorted(KNOWN_KEYS))})")
    base = path.parent if path else (_current_folder() or Path("."))
    rules = table.get("rules", [])
    if isinstance(rules, str):
        rules = [rules]
    if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
        raise ConfigError(f"{where}: 'rules' must be a list of paths")
    builtin = table.get("builtin_rules", True)
    if not isinstance(builtin, bool):
        raise ConfigError(f"{where}: 'builtin_rules' must be true or false")
    options = {}
    for key in OPTION_KEYS:
        if key not in table:
            continue
        value = table[key]
        problem = option_problem(key, value)
        if problem is not None:
            raise ConfigError(f"{where}: '{key}' {problem[1]}")
        options[key] = value
    return Config(
        path=path,
        rules=[base / _expanded(r, where) for r in rules],
        builtin_rules=builtin,
        options=options,
    )


def _expanded(rule_path: str, where: str) -> Path:
    """``~`` and ``~user`` expanded; an unknown user (or no home) is the file's error."""
    try:
        return Path(rule_path).expanduser()
    except RuntimeError as err:  # "Could not determine home directory."
        raise ConfigError(f"{where}: rule file {rule_path!r}: {err}") from None


def load_config(explicit=None, cwd=None, env=None, enabled: bool = True) -> Config:
    """Find and parse the configuration (see the module docstring)."""
    if not enabled:
        if explicit is not None:
            raise ConfigError("--config and --no-config: give one of them")
        return Config()
    path, table = find_config(explicit, cwd, env)
    return parse_config(table, path)
