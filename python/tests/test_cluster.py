"""Clustering names into entities."""

import random

import tawfiq

VARIANTS = ["ماسود بيزِشكيان", "مسعود بزشكيان", "مسعود بزشكيان", "بزشكيان", "مسعود بارزاني"]


def as_sets(clusters):
    return sorted((c.canonical, frozenset(c.members), c.count) for c in clusters)


def test_spellings_come_together_without_a_gazetteer():
    clusters = tawfiq.cluster(VARIANTS)
    assert len(clusters) == 2
    (p,) = [c for c in clusters if c.canonical == "مسعود بزشكيان"]
    assert p.entity is None
    assert dict(p.members) == {"مسعود بزشكيان": 2, "بزشكيان": 1, "ماسود بيزِشكيان": 1}
    assert p.count == 4
    assert "Cluster(" in repr(p)


def test_order_does_not_matter():
    names = VARIANTS + ["كمال برهومي", "كمال برهومى", "برهومي", "Kamal Barhoumi", "سلمى الدباغ"]
    want = as_sets(tawfiq.cluster(names))
    rng = random.Random(7)
    for _ in range(5):
        shuffled = names[:]
        rng.shuffle(shuffled)
        assert as_sets(tawfiq.cluster(shuffled)) == want


def test_with_a_matcher_groups_link_to_entities(matcher):
    clusters = tawfiq.cluster(["بوتين", "فلاديمير بوتين", "Vladimir Putin", "كمال برهومي"], matcher)
    linked = {c.entity.id: c for c in clusters if c.entity is not None}
    assert set(linked) == {"vladimir-putin"}
    putin = linked["vladimir-putin"]
    assert putin.entity.wikidata == "Q7747"
    assert putin.count == 3
    assert [c.canonical for c in clusters if c.entity is None] == ["كمال برهومي"]


def test_iterables():
    assert as_sets(tawfiq.cluster(n for n in VARIANTS)) == as_sets(tawfiq.cluster(VARIANTS))
