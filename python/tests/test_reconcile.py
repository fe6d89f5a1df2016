"""Reconciling a corpus: mentions linked to known entities or to new ones with stable ids,
from documents annotated here or elsewhere."""

import pickle
import random

import pytest

import tawfiq


def ids_by_document(rec, order=None):
    """Per document (by its place in the original corpus): (start, end, entity id)."""
    out = {}
    for m in rec.mentions:
        d = order[m.document] if order else m.document
        out.setdefault(d, []).append((m.start, m.end, m.entity_id))
    return out


def test_new_entities_across_documents(matcher, corpus):
    rec = tawfiq.reconcile(corpus, matcher)
    barhoumi = [m for m in rec.mentions if "برهوم" in m.surface]
    assert len(barhoumi) >= 4
    assert all(m.is_new and m.entity_id == barhoumi[0].entity_id for m in barhoumi)
    assert barhoumi[0].entity_id.startswith("new:") and len(barhoumi[0].entity_id) == 20
    new = {e.id: e for e in rec.new_entities}
    e = new[barhoumi[0].entity_id]
    assert e.kind == "person" and e.count == len(barhoumi)
    assert {n for n, _ in e.names} >= {"كمال برهومي", "كمال برهومى"}
    known = [m for m in rec.mentions if not m.is_new and m.entity_id]
    assert "xi-jinping" in {m.entity_id for m in known}
    for m in rec.mentions:
        assert corpus[m.document][m.start : m.end] == m.surface
        assert corpus[m.document].encode()[m.start_byte : m.end_byte] == m.surface.encode()


def test_ids_do_not_depend_on_document_order(matcher, corpus):
    want = ids_by_document(tawfiq.reconcile(corpus, matcher))
    rng = random.Random(3)
    for _ in range(3):
        order = list(range(len(corpus)))
        rng.shuffle(order)
        got = ids_by_document(tawfiq.reconcile([corpus[i] for i in order], matcher), order)
        assert got == want


def test_mentions_found_elsewhere_reconcile_like_documents(matcher, corpus):
    direct = tawfiq.reconcile(corpus, matcher)
    r = tawfiq.Reconciler(matcher)
    # Annotated "elsewhere": pickled and unpickled as a worker's results would be.
    for found in pickle.loads(pickle.dumps(matcher.find_batch(corpus))):
        r.add_mentions(found)
    assert len(r) == len(corpus)
    assert r.finish() == direct


def test_reconciler_in_steps(matcher, corpus):
    r = tawfiq.Reconciler(matcher)
    assert r.add_documents(corpus[:4]) == range(0, 4)
    assert r.add_mentions(matcher.find(corpus[4])) == 4
    assert r.add_documents(corpus[5:]) == range(5, len(corpus))
    assert r.finish() == tawfiq.reconcile(corpus, matcher)
    # finish() may be called again.
    assert r.finish() == r.finish()


def test_mentions_of_another_gazetteer_are_refused(tmp_path, matcher):
    tsv = tmp_path / "own.tsv"
    tsv.write_text("id\tkind\tname\nacme\torganisation\tأكمي\n", encoding="utf-8")
    other = tawfiq.Matcher(gazetteers=[tsv])
    r = tawfiq.Reconciler(matcher)
    with pytest.raises(ValueError, match='"acme", which this reconciler.s matcher does not know'):
        r.add_mentions(other.find("وقالت أكمي"))
    assert len(r) == 0


def test_exported_rows_link_the_new_names(tmp_path, matcher, corpus):
    rec = tawfiq.reconcile(corpus, matcher)
    tsv = tmp_path / "new.tsv"
    tsv.write_text(rec.gazetteer_tsv(), encoding="utf-8")
    adopted = tawfiq.Matcher(gazetteers=[tsv])
    new_ids = {e.id for e in rec.new_entities}
    relinked = {m.entity_id for doc in adopted.find_batch(corpus) for m in doc} & new_ids
    barhoumi = next(m.entity_id for m in rec.mentions if "برهوم" in m.surface)
    assert barhoumi in relinked


def test_empty_corpus(matcher):
    rec = tawfiq.reconcile([], matcher)
    assert rec.mentions == [] and rec.new_entities == []
    assert rec.gazetteer_tsv() == "id\tkind\tname\tname_ar\tname_en\n"
    assert tawfiq.reconcile(["", "لا أسماء هنا"], matcher).mentions == []
