"""Mention finding: offsets in Python characters and UTF-8 bytes, batches equal to single
calls, empty and odd input, and the interpreter released during batches."""

import threading
import time

import pytest

import tawfiq
from conftest import sample_paragraphs

# Texts whose characters are not all one code unit wide in every encoding: emoji outside the
# BMP (4 bytes in UTF-8, 2 units in UTF-16), a ZWJ sequence, harakat and other combining
# marks, a flag, tatweel, Latin with accents, CRLF line ends.
TRICKY = [
    "😀 التقى شي جين بينغ ولبوتين في بكين",
    "👨‍👩‍👧 وصل فلاديمير بوتين 🇷🇺 إلى القاهرة 🎉🎉 ثم زار دمشق",
    "ماسود بيزِشكيان في طهران، وقال مَسْعُود بِزِشْكِيَان إن العلاقات مع الصين قوية",
    "e\u0301te\u0301 في بكين 𝐀𝐁𝐂 ثم في موسكو\r\nوقال بوتيــــن إن",
    "قال المهندس كريم دوغانلي 🙂 إن بلدية أنقرة ستبدأ العمل",
]


def check_offsets(text, mentions):
    encoded = text.encode("utf-8")
    for m in mentions:
        assert text[m.start : m.end] == m.surface, m
        assert encoded[m.start_byte : m.end_byte] == m.surface.encode("utf-8"), m
        assert len(text[: m.start].encode("utf-8")) == m.start_byte, m
        assert m.start < m.end and m.start_byte < m.end_byte
    # In order and not overlapping.
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start


@pytest.mark.parametrize("text", TRICKY + sample_paragraphs())
def test_offsets_slice_python_str_and_utf8_bytes(matcher, text):
    found = matcher.find(text)
    assert found, "help: every test text names someone or somewhere"
    check_offsets(text, found)


def test_offsets_after_non_bmp_characters_differ_from_bytes(matcher):
    text = TRICKY[0]
    (xi, putin, beijing) = matcher.find(text)
    assert (xi.entity_id, putin.entity_id, beijing.entity_id) == (
        "xi-jinping",
        "vladimir-putin",
        "geonames:1816670",
    )
    # The emoji is one Python character and four bytes.
    assert xi.start == text.index("شي")
    assert xi.start_byte == len(text[: xi.start].encode("utf-8"))
    assert putin.surface == "بوتين" and "clitic" in putin.how


def test_mention_fields(matcher):
    text = "وقال المهندس كريم دوغانلي إن بلدية أنقرة ستبدأ العمل، وأكد دوغانلي أن الخطة جاهزة. التقى شي جين بينغ"
    found = matcher.find(text)
    linked = [m for m in found if m.entity is not None]
    unlinked = [m for m in found if m.entity is None]
    assert [m.surface for m in unlinked] == ["كريم دوغانلي", "بلدية أنقرة", "دوغانلي"]
    assert [m.kind for m in unlinked] == ["person", "organisation", "person"]
    assert all(m.entity_id is None and m.match_kind == "unlinked" for m in unlinked)
    # The engineer's two mentions are one unknown person within the text.
    assert unlinked[0].local == unlinked[2].local != unlinked[1].local
    xi = linked[-1]
    assert xi.entity == tawfiq.Entity("xi-jinping", "person", "شي جين بينغ", "Xi Jinping", "Q15031")
    assert xi.entity.to_dict()["wikidata"] == "Q15031"
    assert (xi.score, xi.how, xi.match_kind, xi.local) == (1.0, "exact", "exact", None)
    d = xi.to_dict()
    assert d["entity"]["id"] == "xi-jinping" and d["start"] == xi.start
    assert "Mention(" in repr(xi) and "'xi-jinping'" in repr(xi)


def test_batch_equals_single(matcher, corpus):
    texts = corpus + TRICKY
    assert matcher.find_batch(texts) == [matcher.find(t) for t in texts]


def test_batch_takes_any_iterable_of_str(matcher):
    texts = ["زار بوتين الصين.", "لا أسماء هنا.", "وصل شي جين بينغ إلى موسكو."]
    want = matcher.find_batch(texts)
    assert matcher.find_batch(tuple(texts)) == want
    assert matcher.find_batch(t for t in texts) == want
    assert len(want) == 3 and want[1] == []


def test_empty_input(matcher):
    assert matcher.find("") == []
    assert matcher.find("   \n\t ") == []
    assert matcher.find_batch([]) == []
    assert matcher.find_batch(["", ""]) == [[], []]
    assert matcher.resolve("").best is None
    assert matcher.resolve_batch([]) == []
    assert tawfiq.cluster([]) == []


def test_bad_arguments_raise_python_errors(matcher):
    with pytest.raises(TypeError, match="not a str"):
        matcher.find_batch("بوتين")  # one str, not a list of texts
    with pytest.raises(TypeError, match=r"texts\[1\] must be a str, not int"):
        matcher.find_batch(["بوتين", 7])
    with pytest.raises(TypeError):
        matcher.find(b"bytes")
    # A lone surrogate is no UTF-8 text.
    with pytest.raises(UnicodeEncodeError):
        matcher.find("بوتين \ud800")


def test_big_text_and_many_texts(matcher):
    text = "\n".join(sample_paragraphs()) * 50
    found = matcher.find(text)
    check_offsets(text, found)
    assert len(found) > 500


def test_find_batch_releases_the_interpreter(matcher):
    # While the batch runs in Rust, another Python thread keeps running: it could not if
    # the call held the interpreter lock throughout.
    text = "\n".join(sample_paragraphs())
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=tick)
    t.start()
    try:
        time.sleep(0.01)
        # The matcher remembers words and windows from text to text, so repeated texts get
        # cheap: the batch grows until it takes long enough to observe.
        count = 400
        while True:
            start = time.perf_counter()
            matcher.find_batch([text] * count)
            end = time.perf_counter()
            if end - start > 0.2 or count >= 400 * 4**5:
                break
            count *= 4
    finally:
        stop.set()
        t.join()
    assert end - start > 0.1, "help: the batch must take long enough to observe"
    third = (end - start) / 3
    during = [x for x in ticks if start + third < x < end - third]
    assert len(during) > 5, f"help: only {len(during)} ticks in the middle of the batch"


def test_package_docstring_examples():
    import doctest

    result = doctest.testmod(tawfiq)
    assert result.attempted > 0 and result.failed == 0
