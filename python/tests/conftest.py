"""Shared fixtures: one built-in matcher per test session, and a corpus of our own writing
(the repository's sample article and sentences written for these tests; no third-party
text)."""

import pathlib

import pytest

import tawfiq

REPO = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = REPO / "data" / "samples" / "news_ar.txt"

# Written for these tests: made-up people, a made-up party, and names of the built-in
# gazetteer, some spelled differently or with proclitics.
SENTENCES = [
    "قال المهندس كمال برهومي إن مشروع الجسر الجديد سيكتمل في الربيع. وأضاف برهومي أن التمويل مضمون.",
    "أكد المهندس كمال برهومى أن الأعمال تسير وفق الخطة في بيروت.",
    "وصرحت الناشطة سلمى الدباغ بأن الفريق سيشارك في البطولة. وقالت الدباغ إن اللاعبين مستعدون.",
    "التقى المدرب رامز القصاب بالناشطة سلمى الدباغ، وتحدث القصاب عن استعدادات الموسم.",
    "وأعلن حزب النهضة الخضراء دعمه للمشروع في دمشق.",
    "ورحب حزب النهضه الخضراء بالخطوة، وقال المهندس كمال برهومي إن العمل بدأ.",
    "التقى الرئيس شى جين بينج بنظيره الروسي في بكين، وقال لبوتين إن العلاقات قوية.",
    "وقال المهندس كريم دوغانلي إن بلدية أنقرة ستبدأ العمل، وأكد دوغانلي أن الخطة جاهزة.",
    "لا أسماء في هذه الجملة.",
    "",
]


def sample_paragraphs():
    """The sample article's paragraphs (our own writing, shipped in data/samples)."""
    text = SAMPLE.read_text(encoding="utf-8")
    return [p for p in text.split("\n\n") if p.strip()]


@pytest.fixture(scope="session")
def matcher():
    return tawfiq.Matcher()


@pytest.fixture(scope="session")
def corpus():
    """Documents for batch, reconciliation and distributed runs."""
    return SENTENCES + sample_paragraphs()
