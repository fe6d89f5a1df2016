"""Annotate and reconcile a corpus with tawfiq on Spark (PySpark; needs Java 17 or later).

    spark-submit spark_annotate.py [--gazetteer PATH]... [--no-builtin] [--partitions N]
                                   [--out FILE] [--new-entities NEW.tsv] FILE...

or ``python spark_annotate.py ...`` with pyspark installed (a local Spark of all cores).
Each line of each FILE is a document.

How it is spread, as in the Dask recipe:

1. The documents, numbered, go into an RDD; ``mapPartitions`` annotates each partition
   with ``Matcher.find_batch``. The matcher is shipped in the task closure as its
   construction arguments (a ``Matcher`` pickles as them) and built once per Python worker
   process of each executor (``tawfiq.shared_matcher``). Gazetteer files must be readable
   at the same path on every executor. The executors' Python must have tawfiq installed.
2. The mentions are collected in document order and reconciled on the driver with
   ``tawfiq.Reconciler.add_mentions``, which gives exactly what ``tawfiq.reconcile`` gives
   in one process (the clustering of unknown names does not depend on the order).
"""

import argparse
import json
import os
import sys
from typing import Callable, Iterable, Iterator, List, Sequence, Tuple

import tawfiq


Rows = Iterable[Tuple[int, str]]
Annotated = Iterator[Tuple[int, List[tawfiq.Mention]]]


def annotate_partition(matcher: tawfiq.Matcher) -> Callable[[Rows], Annotated]:
    """The function ``mapPartitions`` runs on each partition of ``(number, text)`` rows:
    the partition's texts annotated in one ``find_batch`` call (all the executor's cores),
    each result kept with its document's number."""

    def run(rows: Rows) -> Annotated:
        rows = list(rows)
        found = matcher.find_batch([text for _, text in rows])
        return iter([(number, mentions) for (number, _), mentions in zip(rows, found)])

    return run


def annotate(spark_context, texts: Sequence[str], matcher: tawfiq.Matcher, partitions: int) -> List[List[tawfiq.Mention]]:
    """The mentions of every document, found on the executors, in the corpus's order."""
    rdd = spark_context.parallelize(list(enumerate(texts)), max(1, min(partitions, len(texts))))
    by_number = dict(rdd.mapPartitions(annotate_partition(matcher)).collect())
    return [by_number[i] for i in range(len(texts))]


def annotate_and_reconcile(
    spark_context, texts: Sequence[str], matcher: tawfiq.Matcher, partitions: int
) -> Tuple[List[List[tawfiq.Mention]], tawfiq.Reconciliation]:
    """The Spark equivalent of ``[matcher.find(t) for t in texts]`` and
    ``tawfiq.reconcile(texts, matcher)``."""
    found = annotate(spark_context, texts, matcher, partitions)
    r = tawfiq.Reconciler(matcher)
    for mentions in found:
        r.add_mentions(mentions)
    return found, r.finish()


def local_session(cores: int = 2):
    """A local Spark session whose Python workers run this interpreter (so they import
    the same tawfiq)."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    return (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("tawfiq")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        # Python workers are reused between tasks, so each keeps its one matcher.
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )


def main(argv: Sequence[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--partitions", type=int, default=8)
    p.add_argument("--gazetteer", action="append", default=[])
    p.add_argument("--no-builtin", action="store_true")
    p.add_argument("--out", help="write mentions here as JSON lines (default: stdout)")
    p.add_argument("--new-entities", help="write the new entities here as gazetteer rows (TSV)")
    args = p.parse_args(argv)

    texts: List[str] = []
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            texts.extend(line.rstrip("\n") for line in f)
    matcher = tawfiq.Matcher(builtin=not args.no_builtin, gazetteers=args.gazetteer)
    spark = local_session(os.cpu_count() or 2)
    try:
        found, rec = annotate_and_reconcile(spark.sparkContext, texts, matcher, args.partitions)
    finally:
        spark.stop()
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    try:
        mentions = iter(rec.mentions)
        for d, doc in enumerate(found):
            for m in doc:
                c = next(mentions)
                row = m.to_dict()
                row.update(document=d, entity_id=c.entity_id, new=c.is_new)
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if args.new_entities:
        with open(args.new_entities, "w", encoding="utf-8") as f:
            f.write(rec.gazetteer_tsv())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
