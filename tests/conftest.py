"""Shared fixtures for the CLI / report / file / batch / pre-commit tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "fxleaders-us-china-preliminary-deal.txt"

if str(ROOT) not in sys.path:  # run from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT))

# A scraped article: a title, three prose paragraphs, then promo/sidebar lines.
ARTICLE = (
    "Markets rally as trade talks resume\n"
    "\n"
    "Stocks climbed on Tuesday after officials from both countries said they had reached a preliminary "
    "agreement on tariffs, easing fears of a prolonged dispute that had weighed on global growth forecasts "
    "for months.\n"
    "Analysts said the deal, while limited in scope, removes one of the biggest uncertainties hanging over "
    "exporters, and several banks raised their targets for the main indexes before the close of trading.\n"
    "The currency markets reacted more cautiously, with the dollar little changed against the yen as traders "
    "waited for details on how the agreement would be enforced and when the first tariff cuts would apply.\n"
    "\n"
    "- Open a FREE Trading Account\n"
    "- Check out our free forex signals\n"
    "Related Articles\n"
    "Best Forex Brokers\n"
    "XM\n"
)

# An article split by an ad: the short line after the ad goes by default and
# stays with favor_recall.
AD_SPLIT_PARAGRAPHS = (
    "The harbour bridge reopened on Monday after two years of repairs, and the first buses crossed it at dawn.\n",
    "Engineers said that the new deck is built to last for a century, and that the old steel was replaced.\n",
    "The council will hold a festival on the bridge in the summer, when the scaffolding has been taken down.\n",
)
AD_SPLIT_ARTICLE = (
    "Home\nNews\nThe Harbour Bridge Reopens After Repairs\n" + AD_SPLIT_PARAGRAPHS[0] + "Advertisement\nTickets: see below.\n"
    + AD_SPLIT_PARAGRAPHS[1] + AD_SPLIT_PARAGRAPHS[2] + "Related Articles\nTen Things To Do This Weekend\n"
)
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


def subprocess_env(**extra) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.update(extra)
    return env


@pytest.fixture(autouse=True)
def _isolated_user_config(tmp_path_factory, monkeypatch):
    """No test reads the developer's ~/.config/cleaner/config.toml."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg")))


@pytest.fixture
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip(f"seed file {SEED} is absent")
    return SEED


@pytest.fixture
def article_file(tmp_path) -> Path:
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    return path


@pytest.fixture
def run_cli():
    """Run ``python -m cleaner ARGS`` in a subprocess; returns CompletedProcess (bytes)."""

    def run(*args, input: bytes | None = None, cwd=None, **env) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "cleaner", *map(str, args)],
            input=input if input is not None else b"",
            capture_output=True,
            cwd=cwd,
            env=subprocess_env(**env),
            timeout=120,
        )

    return run
