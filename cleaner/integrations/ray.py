"""``CleanBatch``: a Ray Data ``map_batches`` recipe (a callable class holding a Cleaner).

Ray Data runs a callable class on a pool of actors, and each actor builds its
``Cleaner`` once in ``__init__``; the batches are pandas DataFrames or dicts of
numpy arrays with a ``text`` column (HTML or scraped text; or an ``html``
column) and optionally ``url``::

    import ray
    from ray.data import ActorPoolStrategy
    from cleaner.integrations.ray import CleanBatch

    ds = ray.data.read_json("raw/")                        # {"id", "text" or "html", "url"}
    ds = ds.map_batches(
        CleanBatch,
        fn_constructor_kwargs={"rules": ["site-rules.toml"], "format": None},
        batch_format="pandas",                             # or "numpy"
        compute=ActorPoolStrategy(size=2),                 # older Ray: concurrency=2
        num_cpus=1,                                        # per actor
        batch_size=64,
    )
    ds = ds.filter(lambda row: row["status"] in ("ok", "passthrough"))   # drop no-body / error rows
    ds.write_json("clean/")

The actors hold their CPUs for the whole run: leave some for the read and
write tasks (``size * num_cpus`` below the cluster's CPUs; on a 2-CPU machine
``size=2, num_cpus=0.5``), or the dataset stalls.

Each output row keeps the input columns, with the body in ``text`` (see
``output_column``) and these added: ``status`` (``ok``, ``no-body``,
``passthrough`` or ``error``), ``removed`` (JSON ``[[line, rule, text], ...]``,
the same as ``cleaner batch``), ``stats`` (JSON) and ``message`` (why a
document was passed through or failed; else empty); an input column of one of
these names (an earlier run's) is replaced.  Columns hold strings so every batch
has the same Arrow schema.

Ray itself is not imported here: the class works on any pandas or
dict-of-arrays batch, so it can be unit-tested and reused without Ray.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Optional, Union

from ..core import Options, url_text
from . import CleanerSpec, check_format, compact_removed, dumps

__all__ = ["CleanBatch", "OUTPUT_COLUMNS"]

OUTPUT_COLUMNS = ("status", "removed", "stats", "message")


class CleanBatch:
    """Clean the documents of a Ray Data batch (``map_batches`` callable class).

    Args:
        rules: extra rule files (e.g. learned ``site-rules.toml``).
        builtin_rules: also use the shipped rules (default True).
        format: ``"html"``, ``"text"`` or ``None``/``"auto"`` (detect per row).
            A non-empty value in ``html_column`` is always cleaned as HTML.
        text_column, html_column, url_column: input column names.
        output_column: where the body goes (default ``"text"``, replacing the input).
        on_error: ``"record"`` (default: status ``error`` and the message in
            ``message``) or ``"raise"``.
        options / ``**option_fields``: cleaner ``Options`` (``keep_title``, ``tables``...).
    """

    def __init__(
        self,
        rules: Iterable = (),
        *,
        builtin_rules: bool = True,
        format: Optional[str] = None,
        text_column: str = "text",
        html_column: str = "html",
        url_column: Optional[str] = "url",
        output_column: str = "text",
        on_error: str = "record",
        options: Union[Options, Mapping, None] = None,
        **option_fields,
    ):
        if on_error not in ("record", "raise"):
            raise ValueError("on_error must be 'record' or 'raise'")
        if output_column in OUTPUT_COLUMNS:
            raise ValueError(f"output_column {output_column!r} would be overwritten by the column of that name "
                             f"the cleaner adds ({', '.join(OUTPUT_COLUMNS)})")
        self.spec = CleanerSpec.from_paths(rules, builtin_rules=builtin_rules, options=options, **option_fields)
        self.format = check_format(format)
        self.text_column = text_column
        self.html_column = html_column
        self.url_column = url_column
        self.output_column = output_column
        self.on_error = on_error
        self.cleaner = self.spec.cleaner()  # once per actor

    def clean_one(self, text, html=None, url=None) -> tuple:
        """(body, status, removed JSON, stats JSON, message) for one row."""
        url = url_text(url) if isinstance(url, (str, bytes)) and url else None  # (bytes: a binary column)
        try:
            if isinstance(html, (str, bytes)) and html:
                result = self.cleaner.clean(html, format="html", url=url)
            elif isinstance(text, (str, bytes)):
                result = self.cleaner.clean(text, format=self.format, url=url)
            else:
                from ..core import InputError

                raise InputError(f"no {self.text_column!r} or {self.html_column!r} value")
        except Exception as err:  # noqa: BLE001 - one bad row must not fail the dataset
            if self.on_error == "raise":
                raise
            return "", "error", "[]", "{}", f"{type(err).__name__}: {err}"
        return result.text, result.status, dumps(compact_removed(result)), dumps(result.stats), result.message

    def __call__(self, batch):
        pandas = _is_dataframe(batch)
        if pandas:
            columns = {name: batch[name].tolist() for name in batch.columns}
            n = len(batch)
        else:
            if hasattr(batch, "to_pydict"):  # pyarrow.Table
                batch = batch.to_pydict()
            columns = dict(batch)
            n = len(next(iter(columns.values()))) if columns else 0
        texts = columns.get(self.text_column)
        htmls = columns.get(self.html_column)
        if texts is None and htmls is None:
            raise KeyError(f"the batch has neither a {self.text_column!r} nor an {self.html_column!r} column "
                           f"(columns: {', '.join(map(str, columns))})")
        urls = columns.get(self.url_column) if self.url_column else None
        out = [self.clean_one(texts[i] if texts is not None else None,
                              htmls[i] if htmls is not None else None,
                              urls[i] if urls is not None else None) for i in range(n)]
        results = dict(zip((self.output_column,) + OUTPUT_COLUMNS, map(list, zip(*out)))) if out else {
            name: [] for name in (self.output_column,) + OUTPUT_COLUMNS}
        if pandas:
            return batch.assign(**results)
        import numpy as np

        merged = dict(batch)
        for name, values in results.items():
            array = np.empty(len(values), dtype=object)
            array[:] = values
            merged[name] = array
        return merged


def _is_dataframe(batch) -> bool:
    module = type(batch).__module__ or ""
    return module.startswith("pandas") and hasattr(batch, "columns") and hasattr(batch, "assign")
