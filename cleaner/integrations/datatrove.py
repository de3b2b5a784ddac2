"""``CleanerStep``: clean datatrove ``Document``s (HTML or scraped text) in a pipeline.

::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import CleanerStep

    LocalPipelineExecutor(
        pipeline=[
            JsonlReader("raw/"),                       # {"id", "text" (HTML or text), "url", ...}
            CleanerStep(rules=["site-rules.toml"]),    # doc.text <- body; metadata["cleaner"]
            JsonlWriter("clean/"),
        ],
        tasks=8, workers=2, logging_dir="logs/clean",
    ).run()

The step is a datatrove filter: it replaces ``doc.text`` with the body, records
``doc.metadata["cleaner"] = {"status", "format", "language", "stats",
"removed": [[line, rule, text], ...]}`` and drops documents in which no body
was found (``drop_empty=True``), writing them to ``exclusion_writer`` if one is
given (with their original text and ``metadata["filter_reason"] = "no_body"``).
Stats (``stats.json`` of the run): ``total``, ``forwarded``, ``dropped``,
``dropped_no_body``, ``status_ok`` / ``status_no_body`` / ``status_passthrough``,
``removed_lines`` and ``removed_<family>`` (``removed_promo``, ``removed_score``...)
and ``chars_removed``.

The step is picklable (datatrove ships it with dill to Slurm jobs and Ray
actors): it holds only a ``CleanerSpec`` (options plus the *text* of the extra
rule files, read when the step is built), and each worker process builds its
``Cleaner`` once, when the step first runs there.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Optional, Union

try:
    from datatrove.data import Document
    from datatrove.pipeline.filters.base_filter import BaseFilter
    from datatrove.pipeline.writers.disk_base import DiskWriter
except ImportError as _err:  # pragma: no cover - exercised by a test with datatrove hidden
    raise ImportError(
        "cleaner.integrations.datatrove needs datatrove, which is not installed: "
        "pip install 'scrape-cleaner[datatrove]'"
    ) from _err

from ..core import InputError, Options, url_text
from . import CleanerSpec, check_format, record_for

__all__ = ["CleanerStep"]


class CleanerStep(BaseFilter):
    """Replace each document's text with its cleaned body; drop documents without one.

    Args:
        rules: extra rule files (e.g. learned ``site-rules.toml``), read and
            checked now; the workers get their text, not the paths.
        builtin_rules: also use the shipped rule files (default True).
        url_key: ``doc.metadata`` key holding the page URL, for host-scoped rules
            (default ``"url"``; ``None`` to ignore URLs).
        format: ``"html"``, ``"text"`` or ``None``/``"auto"`` to detect per document.
        drop_empty: drop documents where no body was found (default True).
        exclusion_writer: a datatrove writer for the dropped documents.
        metadata_key: where the summary goes in ``doc.metadata`` (``None``: nowhere).
        record_removed: include the removed lines in the summary (default True).
        on_error: ``"drop"`` (default) drops a document the cleaner fails on,
            counted as ``dropped_clean_error``; ``"raise"`` fails the task.
        options: an ``Options`` (or dict); ``**option_fields`` override its
            fields (``keep_title``, ``tables``, ``markdown``, ``max_bytes``,
            ``time_limit``, ``extractors``).
    """

    name = "🧹 Cleaner"

    def __init__(
        self,
        rules: Iterable = (),
        *,
        builtin_rules: bool = True,
        url_key: Optional[str] = "url",
        format: Optional[str] = None,
        drop_empty: bool = True,
        exclusion_writer: Optional[DiskWriter] = None,
        metadata_key: Optional[str] = "cleaner",
        record_removed: bool = True,
        on_error: str = "drop",
        options: Union[Options, Mapping, None] = None,
        **option_fields,
    ):
        super().__init__(exclusion_writer=exclusion_writer)
        if on_error not in ("drop", "raise"):
            raise ValueError("on_error must be 'drop' or 'raise'")
        self.spec = CleanerSpec.from_paths(rules, builtin_rules=builtin_rules, options=options, **option_fields)
        self.url_key = url_key
        self.format = check_format(format)
        self.drop_empty = drop_empty
        self.metadata_key = metadata_key
        self.record_removed = record_removed
        self.on_error = on_error
        self._cleaner = None
        self._warned = False

    # The Cleaner is per process: never pickled, rebuilt (once) where the step runs.
    def __getstate__(self):
        state = self.__dict__.copy()
        state["_cleaner"] = None
        return state

    @property
    def cleaner(self):
        if self._cleaner is None:
            self._cleaner = self.spec.cleaner()
        return self._cleaner

    def filter(self, doc: Document):
        url = url_text(doc.metadata.get(self.url_key)) if self.url_key else None
        cleaner = self.cleaner  # (outside the try: a Cleaner that cannot be built fails the task, no document)
        try:
            result = cleaner.clean(doc.text, format=self.format, url=url)
        except Exception as err:  # noqa: BLE001 - one bad document must not stop a task
            if self.on_error == "raise":
                raise
            reason = "input_error" if isinstance(err, InputError) else "clean_error"
            if not self._warned:
                from datatrove.utils.logging import logger

                logger.warning(f"cleaner: {type(err).__name__} on document {doc.id!r}: {err} "
                               "(dropping it; this message appears once per task)")
                self._warned = True
            if self.metadata_key:
                doc.metadata[self.metadata_key] = {"status": "error", "message": f"{type(err).__name__}: {err}"}
            return False, reason

        self.stat_update(f"status_{result.status.replace('-', '_')}")
        stats = result.stats or {}
        self.stat_update("removed_lines", value=stats.get("lines_dropped", 0))
        for family, count in (stats.get("dropped_by_family") or {}).items():
            self.stat_update(f"removed_{family}", value=count)
        self.stat_update("chars_removed", value=max(0, len(doc.text) - len(result.text)))
        if self.metadata_key:
            doc.metadata[self.metadata_key] = record_for(result, removed=self.record_removed)
        if self.drop_empty and (result.status == "no-body" or not result.text.strip()):
            return False, "no_body"  # the original text stays, for the exclusion writer
        doc.text = result.text
        return True
