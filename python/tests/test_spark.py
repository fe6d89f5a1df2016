"""The Spark recipe (examples/spark_annotate.py) on a local Spark of two cores: the same
mentions per document and the same reconciliation as one process. Skipped, with the reason,
where pyspark or Java is missing."""

import pathlib
import shutil
import subprocess
import sys

import pytest

import tawfiq

pytest.importorskip("pyspark", reason="pyspark is not installed (python/requirements-spark.txt)")


def java_works():
    if shutil.which("java") is None:
        return False
    return subprocess.run(["java", "-version"], capture_output=True).returncode == 0


if not java_works():
    pytest.skip("no working Java (Spark needs Java 17 or later)", allow_module_level=True)

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "examples"))
import spark_annotate  # noqa: E402  (the recipe, imported from examples/)


@pytest.fixture(scope="module")
def spark():
    session = spark_annotate.local_session(cores=2)
    yield session
    session.stop()


def test_spark_equals_single_process(spark, corpus, tmp_path):
    tsv = tmp_path / "own.tsv"
    tsv.write_text("id\tkind\tname\nnahda\torganisation\tحزب النهضة الخضراء\n", encoding="utf-8")
    matcher = tawfiq.Matcher(gazetteers=[tsv])
    texts = corpus * 3

    found, rec = spark_annotate.annotate_and_reconcile(spark.sparkContext, texts, matcher, partitions=5)

    assert found == [matcher.find(t) for t in texts]
    assert rec == tawfiq.reconcile(texts, matcher)
    assert "nahda" in {m.entity_id for m in rec.mentions}
    assert any(m.is_new for m in rec.mentions)
