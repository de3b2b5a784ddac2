"""cleaner on distributed engines: datatrove (Local and Ray executors) and Ray Data.

Each engine cleans the same JSONL corpus (the seed article plus real pages of
the trafilatura evaluation set, as HTML and as their visible text) and must
give exactly what ``cleaner.Cleaner().clean`` gives when run directly (and
what ``cleaner batch`` gives), compared by document id.

The engines are optional extras: without datatrove / ray the tests skip.
"""

from __future__ import annotations

import gzip
import json
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cleaner
from cleaner.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(__file__).parent.parent.parent / "shared"
SEED = SHARED / "seed" / "fxleaders-us-china-preliminary-deal.txt"
EVAL = SHARED / "data" / "trafilatura-eval"
SEED_URL = "https://www.fxleaders.com/news/2025/06/10/us-china-preliminary-deal/"
PAGES = 30  # real pages; each gives an HTML and a visible-text document
FILES = 4  # input JSONL files (datatrove gives each task whole files)

# A learned site rule, scoped to the seed's host: it must reach every worker.
SITE_RULES = """
[[rule]]
id = "site.fx-overview"
description = "fxleaders summary box heading"
match = "line"
phrases = ["quick overview"]
hosts = ["fxleaders.com"]
"""


def engine_timer(name):
    started = time.monotonic()

    def done():
        print(f"\n{name}: {time.monotonic() - started:.1f}s", file=sys.stderr)

    return done


# -- the corpus ------------------------------------------------------------------------------
def build_corpus() -> list:
    if not SEED.is_file() or not (EVAL / "html").is_dir():
        pytest.skip(f"the shared corpus is absent ({SHARED} with seed/ and data/trafilatura-eval/html/)")
    from cleaner.html import visible_text

    urls = {}
    meta = EVAL / "evaldata.json"
    if meta.is_file():
        urls = {v.get("file"): u for u, v in json.loads(meta.read_text(encoding="utf-8")).items()}
    seed = SEED.read_text(encoding="utf-8")
    records = [
        {"id": "seed", "url": SEED_URL, "text": seed},
        {"id": "seed-other-host", "url": "https://news.example.org/deal", "text": seed},
        {"id": "no-body", "url": "https://news.example.org/menu", "text": "Home\nLogin\nShare on Facebook\n"},
    ]
    pages = sorted(p for p in (EVAL / "html").glob("*.html.gz") if 4_000 < p.stat().st_size < 40_000)
    step = max(1, len(pages) // PAGES)
    for path in pages[::step][:PAGES]:
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        stem = path.name[: -len(".html.gz")]
        url = urls.get(path.name[: -len(".gz")]) or f"https://{stem}.example/"
        records.append({"id": f"html-{stem}", "url": url, "text": html})
        records.append({"id": f"text-{stem}", "url": url, "text": visible_text(html)})
    return records


@pytest.fixture(scope="module")
def corpus():
    return build_corpus()


@pytest.fixture(scope="module")
def site_rules(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("rules") / "site-rules.toml"
    path.write_text(SITE_RULES, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def input_dir(corpus, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("raw")
    for n in range(FILES):
        with open(folder / f"part-{n}.jsonl", "w", encoding="utf-8") as fh:
            for record in corpus[n::FILES]:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return folder


@pytest.fixture(scope="module")
def expected(corpus, site_rules) -> dict:
    """id -> what cleaning directly gives: {text, status, removed, stats}."""
    direct = cleaner.Cleaner(load_rules([site_rules]))
    out = {}
    for record in corpus:
        result = direct.clean(record["text"], url=record["url"])
        out[record["id"]] = {
            "text": result.text,
            "status": result.status,
            "removed": [[d.line, d.rule or d.stage, d.text.rstrip("\r\n")]
                        for d in result.decisions if not d.kept and d.text.strip()],
            "stats": result.stats,
        }
    return out


def test_corpus_exercises_the_cleaner(expected):
    """The comparison means something: HTML and text documents, drops, a no-body one, the site rule."""
    assert len(expected) == 3 + 2 * PAGES
    assert expected["no-body"]["status"] == "no-body"
    assert sum(1 for e in expected.values() if e["status"] == "ok") >= 2 * PAGES
    assert sum(len(e["removed"]) for e in expected.values()) > 100
    seed_rules = {rule for _, rule, _ in expected["seed"]["removed"]}
    assert "site.fx-overview" in seed_rules
    assert "site.fx-overview" not in {rule for _, rule, _ in expected["seed-other-host"]["removed"]}


def kept(expected) -> dict:
    return {k: v for k, v in expected.items() if v["status"] != "no-body" and v["text"].strip()}


def read_datatrove_output(folder: Path) -> dict:
    docs = {}
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                assert doc["id"] not in docs, f"{doc['id']} written twice"
                docs[doc["id"]] = doc
    return docs


def assert_datatrove_matches(folder: Path, expected: dict, corpus: list):
    docs = read_datatrove_output(folder)
    want = kept(expected)
    assert sorted(docs) == sorted(want)
    urls = {r["id"]: r["url"] for r in corpus}
    for ident, doc in docs.items():
        meta = doc["metadata"]["cleaner"]
        assert doc["text"] == want[ident]["text"], ident
        assert meta["status"] == want[ident]["status"], ident
        assert meta["removed"] == want[ident]["removed"], ident
        assert meta["stats"] == want[ident]["stats"], ident
        assert doc["metadata"]["url"] == urls[ident]


def assert_stats(logging_dir: Path, expected: dict):
    stats = json.loads((logging_dir / "stats.json").read_text())
    step = next(s for s in stats if "Cleaner" in s["name"])["stats"]
    want = kept(expected)

    def total(key):  # datatrove saves a plain counter as an int, a metric as a dict
        value = step.get(key, 0)
        return value["total"] if isinstance(value, dict) else value

    assert total("total") == len(expected)
    assert total("forwarded") == len(want)
    assert total("dropped_no_body") == len(expected) - len(want)
    assert total("removed_lines") == sum(len(e["removed"]) for e in expected.values())
    assert total("removed_site") == sum(1 for e in expected.values() for r in e["removed"] if r[1].startswith("site."))


# -- the step itself ---------------------------------------------------------------------------
def test_step_is_picklable_and_builds_its_cleaner_once_per_process(site_rules):
    pytest.importorskip("datatrove")
    import dill
    from datatrove.data import Document

    from cleaner.integrations import _CLEANERS
    from cleaner.integrations.datatrove import CleanerStep

    step = CleanerStep(rules=[site_rules], keep_title=True)
    assert step._cleaner is None  # nothing built on the driver
    for dumps, loads in ((pickle.dumps, pickle.loads), (dill.dumps, dill.loads)):
        copy = loads(dumps(step))
        assert copy.spec == step.spec and copy._cleaner is None
    # The rule text travels with the step: the file is not needed on the workers.
    site_rules_text = site_rules.read_text(encoding="utf-8")
    assert step.spec.rule_sources == ((str(site_rules), site_rules_text),)

    docs = [Document(text="Quick overview\n" + "A sentence of real prose, long enough to count. " * 8 + "\n",
                     id=str(i), metadata={"url": SEED_URL}) for i in range(3)]
    out = list(step.run(iter(docs)))
    assert step._cleaner is step.spec.cleaner() is _CLEANERS[step.spec]
    again = loads(dumps(step))  # after running: the Cleaner is not pickled
    assert again._cleaner is None and again.cleaner is step._cleaner  # same process: shared
    assert len(out) == 3 and all(not d.text.startswith("Quick overview") for d in out)
    assert out[0].metadata["cleaner"]["removed"][0][1] == "site.fx-overview"
    assert step.stats["removed_site"].total == 3


def test_step_options_and_errors(tmp_path):
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from cleaner.integrations.datatrove import CleanerStep

    with pytest.raises(TypeError, match="unknown cleaner option"):
        CleanerStep(keep_tittle=False)
    bad = tmp_path / "bad.toml"
    bad.write_text("[[rule]]\nid = 'nofamily'\n", encoding="utf-8")
    with pytest.raises(cleaner.RuleError):
        CleanerStep(rules=[bad])
    with pytest.raises(ValueError):
        CleanerStep(format="pdf")

    text = "Home\nLogin\n"
    kept_step = CleanerStep(drop_empty=False, format="text", metadata_key="clean", record_removed=False)
    [doc] = kept_step.run(iter([Document(text=text, id="x")]))
    assert doc.text == "" and doc.metadata["clean"]["status"] == "no-body" and "removed" not in doc.metadata["clean"]

    failing = CleanerStep()
    out = list(failing.run(iter([Document(text=None, id="bad"), Document(text=text, id="menu")])))
    assert out == []
    assert failing.stats["dropped_no_body"].total == 1
    assert failing.stats["dropped_input_error"].total == 1
    with pytest.raises(cleaner.InputError):
        list(CleanerStep(on_error="raise").run(iter([Document(text=None, id="bad")])))


def test_import_without_datatrove_says_what_to_install():
    code = (
        "import sys; sys.modules['datatrove'] = None\n"
        "try:\n    import cleaner.integrations.datatrove\n"
        "except ImportError as err:\n    print(err)\n"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert "pip install 'scrape-cleaner[datatrove]'" in out.stdout, out.stderr
    # cleaner itself and the shared helpers do not need the extra.
    code = "import sys; sys.modules['datatrove'] = sys.modules['ray'] = None\nimport cleaner.integrations, cleaner.integrations.ray"
    assert subprocess.run([sys.executable, "-c", code], env=env, timeout=60).returncode == 0


# -- (a) datatrove, LocalPipelineExecutor --------------------------------------------------------
def datatrove_pipeline(input_dir, out_dir, site_rules, excluded=None):
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.integrations.datatrove import CleanerStep

    return [
        JsonlReader(str(input_dir)),
        CleanerStep(rules=[site_rules], exclusion_writer=JsonlWriter(str(excluded)) if excluded else None),
        JsonlWriter(str(out_dir)),
    ]


def test_datatrove_local_executor_matches_direct_cleaning(input_dir, site_rules, expected, corpus, tmp_path):
    pytest.importorskip("datatrove")
    pytest.importorskip("orjson")
    from datatrove.executor import LocalPipelineExecutor

    done = engine_timer("datatrove LocalPipelineExecutor")
    out, excluded, logs = tmp_path / "out", tmp_path / "excluded", tmp_path / "logs"
    executor = LocalPipelineExecutor(
        pipeline=datatrove_pipeline(input_dir, out, site_rules, excluded),
        tasks=FILES, workers=2, logging_dir=str(logs),
    )
    executor.run()
    done()
    assert len(list(out.glob("*.jsonl.gz"))) >= 2  # several tasks wrote output
    assert_datatrove_matches(out, expected, corpus)
    assert_stats(logs, expected)
    dropped = read_datatrove_output(excluded)
    assert sorted(dropped) == sorted(set(expected) - set(kept(expected)))
    by_id = {r["id"]: r["text"] for r in corpus}
    for ident, doc in dropped.items():  # the original text, for inspection
        assert doc["text"] == by_id[ident]
        assert doc["metadata"]["filter_reason"] == "no_body"


# -- datatrove, SlurmPipelineExecutor (sbatch faked) --------------------------------------------
def test_datatrove_slurm_executor_jobs_match_direct_cleaning(input_dir, site_rules, expected, corpus, tmp_path,
                                                             monkeypatch):
    """What a Slurm array job runs: the dill-pickled executor, loaded by launch_pickled_pipeline per task."""
    pytest.importorskip("datatrove")
    pytest.importorskip("orjson")
    import datatrove.executor.slurm as slurm

    scripts = []
    monkeypatch.setattr(slurm, "launch_slurm_job", lambda script, retriever, *args: scripts.append(script) or "1")
    done = engine_timer("datatrove SlurmPipelineExecutor (fake sbatch)")
    out, logs = tmp_path / "out", tmp_path / "logs"
    slurm.SlurmPipelineExecutor(
        pipeline=datatrove_pipeline(input_dir, out, site_rules),
        tasks=FILES, time="00:10:00", partition="cpu", workers=2, logging_dir=str(logs),
    ).run()
    assert "launch_pickled_pipeline" in scripts[0] and (logs / "executor.pik").is_file()
    fake_bin = tmp_path / "bin"  # the job asks `scontrol show hostnames $SLURM_NODELIST`
    fake_bin.mkdir()
    (fake_bin / "scontrol").write_text('#!/bin/sh\n[ "$1" = show ] && echo "$3"\nexit 0\n')
    (fake_bin / "scontrol").chmod(0o755)
    env = dict(os.environ, SLURM_NODELIST="localhost", SLURM_JOB_ID="1",
               PATH=os.pathsep.join([str(fake_bin), os.environ.get("PATH", "")]),
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    command = [sys.executable, "-m", "datatrove.tools.launch_pickled_pipeline", str(logs / "executor.pik")]
    for first in range(0, FILES, 2):  # two array tasks at a time, as on 2 cores
        jobs = [subprocess.Popen(command, env=dict(env, SLURM_ARRAY_TASK_ID=str(task)), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True) for task in range(first, min(first + 2, FILES))]
        for job in jobs:
            _, err = job.communicate(timeout=300)
            assert job.returncode == 0, err[-3000:]
    done()
    assert len(list((logs / "completions").iterdir())) == FILES
    assert_datatrove_matches(out, expected, corpus)


# -- Ray: one local session for the module -------------------------------------------------------
@pytest.fixture(scope="module")
def ray_session():
    ray = pytest.importorskip("ray")
    # Workers import cleaner from this checkout even when it is not pip-installed.
    old = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), old]))
    started = time.monotonic()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    print(f"\nray.init: {time.monotonic() - started:.1f}s", file=sys.stderr)
    try:
        yield ray
    finally:
        ray.shutdown()
        if old is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = old


# -- (b) datatrove, RayPipelineExecutor ---------------------------------------------------------
def test_datatrove_ray_executor_matches_direct_cleaning(ray_session, input_dir, site_rules, expected, corpus, tmp_path):
    pytest.importorskip("datatrove")
    pytest.importorskip("orjson")
    from datatrove.executor import RayPipelineExecutor

    done = engine_timer("datatrove RayPipelineExecutor")
    out, logs = tmp_path / "out", tmp_path / "logs"
    executor = RayPipelineExecutor(
        pipeline=datatrove_pipeline(input_dir, out, site_rules),
        tasks=FILES, workers=2, cpus_per_task=1, mem_per_cpu_gb=1, logging_dir=str(logs),
    )
    executor.run()
    done()
    assert len(list(out.glob("*.jsonl.gz"))) >= 2
    assert_datatrove_matches(out, expected, corpus)
    assert_stats(logs, expected)


# -- (c) Ray Data map_batches -------------------------------------------------------------------
@pytest.mark.parametrize("batch_format", ["pandas", "numpy"])
def test_ray_data_map_batches_matches_direct_cleaning(ray_session, batch_format, input_dir, site_rules, expected):
    pytest.importorskip("pandas")
    import ray.data

    from cleaner.integrations.ray import CleanBatch

    done = engine_timer(f"Ray Data map_batches ({batch_format})")
    ray.data.DataContext.get_current().enable_progress_bars = False
    ds = ray.data.read_json(str(input_dir))
    ds = ds.map_batches(
        CleanBatch,
        fn_constructor_kwargs={"rules": [str(site_rules)]},
        batch_format=batch_format,
        batch_size=8,
        compute=ray.data.ActorPoolStrategy(size=2),
        num_cpus=0.5,  # leave room for the read tasks on 2 CPUs
    )
    rows = ds.take_all()
    done()
    got = {row["id"]: row for row in rows}
    assert len(rows) == len(got) == len(expected)
    for ident, want in expected.items():
        row = got[ident]
        assert row["text"] == want["text"], ident
        assert row["status"] == want["status"], ident
        assert json.loads(row["removed"]) == want["removed"], ident
        assert json.loads(row["stats"]) == want["stats"], ident
    assert got["no-body"]["message"] == "no article body found"


def test_clean_batch_without_ray(site_rules):
    """The recipe is plain Python: pandas and dict-of-arrays batches, html column, bad rows."""
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    from cleaner.integrations.ray import CleanBatch

    prose = "A sentence of real prose, long enough to count as a paragraph. " * 6
    text = f"Quick overview\n{prose}\nShare on Facebook\n"
    clean = CleanBatch(rules=[site_rules])
    frame = pd.DataFrame({"id": ["a", "b", "c"], "text": [text, text, None],
                          "url": [SEED_URL, None, "https://x.example/"]})
    out = clean(frame)
    assert list(out["id"]) == ["a", "b", "c"]
    assert list(out["status"]) == ["ok", "ok", "error"]
    assert [r[1] for r in json.loads(out["removed"][0])][0] == "site.fx-overview"
    assert "site.fx-overview" not in out["removed"][1]  # no URL: the host rule does not apply
    assert out["text"][0] == cleaner.Cleaner(load_rules([site_rules])).clean(text, url=SEED_URL).text
    assert "no 'text' or 'html' value" in out["message"][2]

    html = f"<html><body><nav><a href='/'>Home</a></nav><article><p>{prose}</p></article></body></html>"
    batch = {"id": np.array(["h"]), "html": np.array([html], dtype=object)}
    result = CleanBatch(output_column="body", extractors=False)(batch)
    assert result["body"][0].strip() == prose.strip() and result["status"][0] == "ok"
    assert set(result) == {"id", "html", "body", "status", "removed", "stats", "message"}
    with pytest.raises(KeyError, match="neither"):
        clean({"id": np.array(["z"])})


# -- `cleaner batch` gives the same -----------------------------------------------------------
def test_cli_batch_matches_direct_cleaning(input_dir, site_rules, expected, tmp_path):
    pytest.importorskip("cleaner.batch")
    done = engine_timer("cleaner batch")
    out = tmp_path / "out.jsonl"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner", "batch", *sorted(map(str, input_dir.glob("*.jsonl"))),
         "-o", str(out), "--rules", str(site_rules), "--no-config", "-j", "2"],
        capture_output=True, text=True, env=env, timeout=300,
    )
    done()
    assert proc.returncode == 0, proc.stderr
    records = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert sorted(records) == sorted(expected)
    for ident, want in expected.items():
        record = records[ident]
        assert (record["text"], record["status"], record["removed"], record["stats"]) == (
            want["text"], want["status"], want["removed"], want["stats"]), ident


# -- rule files are read and checked as the CLI reads them (bug 41) ------------------------------
PROSE = "A sentence of real prose, long enough to count as a paragraph of the article. " * 6 + "\n"


def test_spec_reads_rule_files_as_load_rules_does_and_checks_them_together(tmp_path):
    from cleaner.integrations import CleanerSpec

    bom = tmp_path / "bom.toml"
    bom.write_bytes(b"\xef\xbb\xbf[[rule]]\nid = 'site.overview'\ndescription = 'x'\nphrases = ['quick overview']\n")
    spec = CleanerSpec.from_paths([bom, bom])  # a byte-order mark, as Notepad writes; named twice: read once
    assert len(spec.rule_sources) == 1
    assert [d.rule for d in spec.build().clean("Quick overview\n" + PROSE).dropped] == ["site.overview"]
    clash = tmp_path / "clash.toml"  # fine alone, refused beside the built-in rules
    clash.write_text("[[rule]]\nid = 'promo.trading-cta'\ndescription = 'x'\nphrases = ['zzz yyy']\n", encoding="utf-8")
    with pytest.raises(cleaner.RuleError, match="promo.trading-cta"):
        CleanerSpec.from_paths([clash])
    assert CleanerSpec.from_paths([clash], builtin_rules=False).rule_sources  # alone it is a rule file like any


def test_step_fails_its_task_when_its_cleaner_cannot_be_built_and_reads_bytes_urls(site_rules):
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from cleaner.integrations import CleanerSpec
    from cleaner.integrations.datatrove import CleanerStep

    step = CleanerStep()
    step.spec = CleanerSpec(rule_sources=(("broken.toml", "[[rule]]\nid = 'x'\n"),))
    with pytest.raises(cleaner.RuleError):  # not every document dropped as a "clean_error"
        list(step.run(iter([Document(text="Quick overview\n" + PROSE, id="1")])))
    doc = Document(text="Quick overview\n" + PROSE, id="2", metadata={"url": SEED_URL.encode()})
    [out] = CleanerStep(rules=[site_rules]).run(iter([doc]))  # a binary column's URL
    assert out.metadata["cleaner"]["removed"][0][1] == "site.fx-overview"


def test_clean_batch_reads_bytes_urls_and_refuses_an_output_column_it_overwrites(site_rules):
    pytest.importorskip("numpy")
    from cleaner.integrations.ray import CleanBatch

    out = CleanBatch(rules=[site_rules]).clean_one("Quick overview\n" + PROSE, url=SEED_URL.encode())
    assert json.loads(out[2])[0][1] == "site.fx-overview"
    for column in ("status", "removed", "stats", "message"):
        with pytest.raises(ValueError, match="overwritten"):
            CleanBatch(output_column=column)
