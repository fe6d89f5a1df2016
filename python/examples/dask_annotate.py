"""Annotate and reconcile a corpus with tawfiq on a Dask cluster.

    python dask_annotate.py [--scheduler ADDRESS | --workers N] [--partitions N]
                            [--gazetteer PATH]... [--no-builtin] [--lines]
                            [--out MENTIONS.jsonl] [--new-entities NEW.tsv] FILE...

Each FILE is a document (with ``--lines``, each line of each FILE is one). Without
``--scheduler``, a local cluster of N worker processes is started.

How it is spread:

1. The documents go into a Dask bag of a few partitions; each partition is annotated on a
   worker with ``Matcher.find_batch`` (all of the worker's cores, the interpreter
   released). The matcher travels as its construction arguments (a ``Matcher`` pickles as
   them) and is built once per worker process (``tawfiq.shared_matcher``), not per task.
   Gazetteer files must be readable at the same path on every worker.
2. The mentions are gathered in the corpus's order, and the unknown names are reconciled
   on the client with ``tawfiq.Reconciler.add_mentions``: clustering unknown names needs
   every document's names together, and the clustering does not depend on their order, so
   the result is exactly what ``tawfiq.reconcile`` gives in one process.

The client holds every mention (about 200 bytes each) while reconciling: a corpus of
millions of documents is reconciled in slices, or its mentions written out per partition
and only the unknown names gathered.
"""

import argparse
import json
import sys
from typing import Dict, Iterator, List, Sequence, Tuple

import dask.bag as db
from dask.distributed import Client, LocalCluster

import tawfiq


def annotate_partition(texts: Sequence[str], matcher: tawfiq.Matcher) -> List[List[tawfiq.Mention]]:
    """The mentions of one partition's documents, one list per document, in order.

    Runs on a worker. ``matcher`` arrives pickled as its arguments; unpickling it returns
    the worker process's one matcher for them.
    """
    return matcher.find_batch(list(texts))


def annotate(
    client: Client, texts: Sequence[str], matcher: tawfiq.Matcher, partitions: int
) -> List[List[tawfiq.Mention]]:
    """The mentions of every document, found on the cluster, in the corpus's order."""
    bag = db.from_sequence(texts, npartitions=max(1, min(partitions, len(texts))))
    # Each partition yields its documents' mention lists; the bag concatenates them in
    # partition order, so the result has one list per document, in order.
    found: List[List[tawfiq.Mention]] = bag.map_partitions(annotate_partition, matcher).compute(
        scheduler=client
    )
    return found


def reconcile(found: Sequence[Sequence[tawfiq.Mention]], matcher: tawfiq.Matcher) -> tawfiq.Reconciliation:
    """Every mention with its entity, known or new, from the gathered mentions."""
    r = tawfiq.Reconciler(matcher)
    for mentions in found:
        r.add_mentions(mentions)
    return r.finish()


def annotate_and_reconcile(
    client: Client, texts: Sequence[str], matcher: tawfiq.Matcher, partitions: int
) -> Tuple[List[List[tawfiq.Mention]], tawfiq.Reconciliation]:
    """The distributed equivalent of ``[matcher.find(t) for t in texts]`` and
    ``tawfiq.reconcile(texts, matcher)``."""
    found = annotate(client, texts, matcher, partitions)
    return found, reconcile(found, matcher)


def documents(paths: Sequence[str], lines: bool) -> Iterator[Tuple[str, int, str]]:
    """(file, line or 0, text) of each document."""
    for path in paths:
        with open(path, encoding="utf-8") as f:
            if lines:
                for n, line in enumerate(f, 1):
                    yield path, n, line.rstrip("\n")
            else:
                yield path, 0, f.read()


def main(argv: Sequence[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--scheduler", help="address of a running Dask scheduler")
    p.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    p.add_argument("--partitions", type=int, default=8, help="partitions of the corpus (default 8)")
    p.add_argument("--gazetteer", action="append", default=[], help="a .tsv or .json gazetteer")
    p.add_argument("--no-builtin", action="store_true", help="leave the built-in gazetteer out")
    p.add_argument("--lines", action="store_true", help="each line of a file is a document")
    p.add_argument("--out", help="write mentions here as JSON lines (default: stdout)")
    p.add_argument("--new-entities", help="write the new entities here as gazetteer rows (TSV)")
    args = p.parse_args(argv)

    docs = list(documents(args.files, args.lines))
    texts = [text for _, _, text in docs]
    matcher = tawfiq.Matcher(builtin=not args.no_builtin, gazetteers=args.gazetteer)
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        client = Client(LocalCluster(n_workers=args.workers, processes=True, threads_per_worker=1))
    with client:
        found, rec = annotate_and_reconcile(client, texts, matcher, args.partitions)

    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    try:
        new = {e.id: e for e in rec.new_entities}
        by_document: Dict[int, List[tawfiq.CorpusMention]] = {}
        for c in rec.mentions:
            by_document.setdefault(c.document, []).append(c)
        for d, (path, line, _) in enumerate(docs):
            for m, c in zip(found[d], by_document.get(d, [])):
                row = m.to_dict()
                row.update(file=path, entity_id=c.entity_id, new=c.is_new)
                if line:
                    row["line"] = line
                e = new.get(c.entity_id or "")
                if e is not None:
                    # A new entity: its id and label, where a known one has its names.
                    row["entity"] = {"id": e.id, "kind": e.kind, "canonical": e.canonical}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if args.new_entities:
        with open(args.new_entities, "w", encoding="utf-8") as f:
            f.write(rec.gazetteer_tsv())
    print(
        f"{len(texts)} documents, {len(rec.mentions)} mentions, {len(rec.new_entities)} new entities",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
