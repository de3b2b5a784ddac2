"""Long-running fuzzing of the same invariants as tests/test_properties.py.

The hypothesis profile ``cleaner-fuzz`` (tests/strategies.py) takes its size
from the environment, default 50 examples per test so CI stays fast::

    CLEANER_FUZZ_EXAMPLES=10000 python -m pytest tests/test_fuzz.py -p no:randomly -q

Failures print a ``@reproduce_failure`` blob and are saved in the local
hypothesis database (``.hypothesis/``), so the next run replays them first.
See docs/reliability.md.
"""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from strategies import (
    FUZZ, any_text, check_html_document, check_idempotent_html, check_idempotent_text, check_never_raises,
    check_text_document, scraped_html, scraped_text,
)


@settings(FUZZ)
@given(any_text())
def test_fuzz_never_raises_on_any_str(data):
    check_never_raises(data)


@settings(FUZZ)
@given(scraped_html())
def test_fuzz_never_raises_on_html(html):
    check_never_raises(html)


@settings(FUZZ)
@given(st.binary(max_size=2000))
def test_fuzz_bytes_either_clean_or_input_error(data):
    import cleaner

    try:
        r = cleaner.clean(data)
    except cleaner.InputError:
        return
    r.diff()
    r.to_json()


@settings(FUZZ)
@given(st.one_of(scraped_text(max_lines=80), st.text()), st.lists(scraped_text(max_lines=10), max_size=3))
def test_fuzz_text_invariants(text, others):
    check_text_document(text, others)


@settings(FUZZ)
@given(scraped_html(), st.lists(st.one_of(scraped_text(max_lines=10), scraped_html()), max_size=2))
def test_fuzz_html_invariants(html, others):
    check_html_document(html, others)


@settings(FUZZ)
@given(st.one_of(scraped_text(max_lines=80), st.text()), st.booleans())
def test_fuzz_text_idempotent(text, favor_recall):
    check_idempotent_text(text, favor_recall=favor_recall)


@settings(FUZZ)
@given(scraped_html(), st.booleans())
def test_fuzz_html_body_is_stable_as_text(html, favor_recall):
    check_idempotent_html(html, favor_recall=favor_recall)
