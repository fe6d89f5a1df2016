"""The Dask recipe (examples/dask_annotate.py) on a local cluster of two worker processes:
the same mentions per document and the same reconciliation as one process."""

import os
import pathlib
import sys

import pytest

import tawfiq

distributed = pytest.importorskip("dask.distributed")
import dask.bag  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "examples"))
import dask_annotate  # noqa: E402  (the recipe, imported from examples/)


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_distributed_equals_single_process(client, corpus, tmp_path):
    # A user gazetteer too, to check that the workers build the same matcher.
    tsv = tmp_path / "own.tsv"
    tsv.write_text("id\tkind\tname\nnahda\torganisation\tحزب النهضة الخضراء\n", encoding="utf-8")
    matcher = tawfiq.Matcher(gazetteers=[tsv])
    texts = corpus * 3  # more documents than partitions, each name more than once

    found, rec = dask_annotate.annotate_and_reconcile(client, texts, matcher, partitions=5)

    assert found == [matcher.find(t) for t in texts]
    single = tawfiq.reconcile(texts, matcher)
    assert rec == single
    assert [(m.document, m.start, m.end, m.entity_id) for m in rec.mentions] == [
        (m.document, m.start, m.end, m.entity_id) for m in single.mentions
    ]
    assert "nahda" in {m.entity_id for m in rec.mentions}
    assert any(m.is_new for m in rec.mentions)


def matcher_in_task(texts, matcher):
    """Which process ran the task, and which matcher object it was given."""
    return [(os.getpid(), id(matcher))]


def test_workers_build_one_matcher_each(client):
    matcher = tawfiq.Matcher(unlinked=False)
    bag = dask.bag.from_sequence(["زار بوتين الصين."] * 20, npartitions=10)
    seen = bag.map_partitions(matcher_in_task, matcher).compute(scheduler=client)
    by_process = {}
    for pid, matcher_id in seen:
        by_process.setdefault(pid, set()).add(matcher_id)
    # Ten tasks, two processes, one matcher per process.
    assert len(seen) == 10 and len(by_process) == 2, by_process
    assert all(len(ids) == 1 for ids in by_process.values()), by_process


def test_the_script_writes_mentions_and_new_entities(client, tmp_path, corpus):
    docs = tmp_path / "corpus.txt"
    docs.write_text("\n".join(t.replace("\n", " ") for t in corpus), encoding="utf-8")
    out, new = tmp_path / "mentions.jsonl", tmp_path / "new.tsv"
    address = client.scheduler.address
    args = ["--scheduler", address, "--lines", "--out", str(out), "--new-entities", str(new), str(docs)]
    assert dask_annotate.main(args) == 0
    rows = [__import__("json").loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and all(r["file"] == str(docs) and r["line"] >= 1 for r in rows)
    assert any(r["new"] for r in rows) and any(r["entity_id"] == "xi-jinping" for r in rows)
    assert new.read_text(encoding="utf-8").startswith("id\tkind\tname\tname_ar\tname_en\n")
