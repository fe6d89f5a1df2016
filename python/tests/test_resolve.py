"""Resolution of standalone names, alone and in batches."""

import pytest

import tawfiq

NAMES = [
    "ماسود بيزشكيان",
    "مسعود بزشكيان",
    "خُوريلسوخ أوخنا",
    "Xi Jinping",
    "Si Jinping",
    "شي جين بينج",
    "دلهي",
    "Jill Biden",
    "قرية لا توجد",
    "لبوتين",
    "",
    "بوتين " * 200,  # a paragraph, not a name
]


def test_resolve_finds_the_entity(matcher):
    r = matcher.resolve("ماسود بيزشكيان")
    assert r.entity.name_en == "Masoud Pezeshkian"
    assert r.best.entity == r.entity
    assert 0.5 <= r.score <= 1.0
    assert "vowel" in r.explanation
    assert r.candidates[0] == r.best
    assert r.query == "ماسود بيزشكيان"
    assert matcher.resolve("Xi Jinping").entity.id == "xi-jinping"


def test_no_entity_with_a_reason(matcher):
    r = matcher.resolve("Jill Biden")
    assert r.entity is None and r.best is None and r.score == 0.0
    assert r.explanation == "not joe-biden: given name jill ≠ joe"
    assert r.candidates[0].conflict == "given name jill ≠ joe"
    nothing = matcher.resolve("قرية لا توجد")
    assert nothing.entity is None
    long = matcher.resolve("بوتين " * 200)
    assert long.candidates == [] and long.explanation is None


def test_kind(matcher):
    assert matcher.resolve("دلهي", kind="place").entity.name_en == "Delhi"
    assert matcher.resolve("دلهي", kind="person").entity is None
    assert matcher.resolve("ناتو", kind="organization").entity is not None
    with pytest.raises(ValueError, match='kind "animal" is not person, place or organisation'):
        matcher.resolve("دلهي", kind="animal")
    with pytest.raises(ValueError):
        matcher.resolve_batch(["دلهي"], kind="city")


@pytest.mark.parametrize("kind", [None, "person", "place", "organisation"])
def test_batch_equals_single(matcher, kind):
    assert matcher.resolve_batch(NAMES, kind=kind) == [matcher.resolve(n, kind=kind) for n in NAMES]


def test_batch_takes_any_iterable(matcher):
    want = matcher.resolve_batch(NAMES)
    assert matcher.resolve_batch(n for n in NAMES) == want
    assert matcher.resolve_batch(tuple(NAMES)) == want
    with pytest.raises(TypeError, match="not a str"):
        matcher.resolve_batch("دلهي")


def test_entity_by_id(matcher):
    assert matcher.entity("cldr:CN").name_en == "China"
    assert matcher.entity("no-such-id") is None


def test_candidate_fields(matcher):
    c = matcher.resolve("لبوتين").best
    assert c.entity.id == "vladimir-putin"
    assert c.clitic == "ل"
    assert isinstance(c.similarity, float) and isinstance(c.distance, float)
    assert 0.0 <= c.cross_script <= 1.0
    assert c.matched_name
    assert "Candidate(" in repr(c)
