"""User gazetteers: loading TSV and JSON files, and the errors a bad file or configuration
gives (file:line:column, never a crash)."""

import json
import pickle

import pytest

import tawfiq


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_tsv_and_json_gazetteers_merge_with_the_builtin_one(tmp_path):
    tsv = write(
        tmp_path,
        "own.tsv",
        "id\tkind\tname\tname_en\tname_ar\n"
        "acme\torganisation\tأكمي للتقنية\tAcme Technology\tأكمي للتقنية\n"
        "acme\torganisation\tأكمي\tAcme Technology\tأكمي للتقنية\n",
    )
    js = write(
        tmp_path,
        "own.json",
        json.dumps([{"id": "wadi-x", "kind": "place", "name_ar": "وادي الزيزفون", "name_en": "Wadi Zayzafun"}]),
    )
    m = tawfiq.Matcher(gazetteers=[tsv, str(js)])
    found = m.find("وقالت أكمي للتقنية إن فرعها في وادي الزيزفون افتتح، وزار بوتين المكان.")
    assert [x.entity_id for x in found] == ["acme", "wadi-x", "vladimir-putin"]
    assert found[0].entity.name_en == "Acme Technology"
    assert m.resolve("أكمى للتقنية").entity.id == "acme"


def test_without_the_builtin_gazetteer(tmp_path):
    tsv = write(tmp_path, "own.tsv", "id\tkind\tname\nacme\torganisation\tأكمي\n")
    m = tawfiq.Matcher(builtin=False, gazetteers=[tsv], unlinked=False)
    assert [x.entity_id for x in m.find("وقالت أكمي إن بوتين زار بكين")] == ["acme"]
    assert m.entity("vladimir-putin") is None


def test_unlinked_off():
    m = tawfiq.Matcher(unlinked=False)
    text = "وقال المهندس كريم دوغانلي إن بوتين سيزور أنقرة"
    assert all(x.entity is not None for x in m.find(text))
    assert any(x.entity is None for x in tawfiq.Matcher().find(text))


def test_bad_row_names_file_line_and_column(tmp_path):
    bad = write(tmp_path, "bad.tsv", "id\tkind\tname\nacme\torganisation\tأكمي\nzoo\tanimal\tحديقة\n")
    with pytest.raises(tawfiq.GazetteerError) as err:
        tawfiq.Matcher(gazetteers=[bad])
    assert str(err.value) == f'{bad}:3:2: kind "animal" is not person, place or organisation'
    assert isinstance(err.value, ValueError)


def test_bad_json_names_file_line_and_column(tmp_path):
    bad = write(tmp_path, "bad.json", '[{"id": "acme", "kind": "organisation", "nmae_en": "Acme"}]')
    with pytest.raises(tawfiq.GazetteerError, match=r"bad\.json:1:41: unknown field \"nmae_en\""):
        tawfiq.Matcher(gazetteers=[bad])
    broken = write(tmp_path, "broken.json", '[{"id": "acme",\n "kind": }]')
    with pytest.raises(tawfiq.GazetteerError, match=r"broken\.json:2:"):
        tawfiq.Matcher(gazetteers=[broken])


def test_missing_file_and_unknown_format(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere.tsv"):
        tawfiq.Matcher(gazetteers=[tmp_path / "nowhere.tsv"])
    odd = write(tmp_path, "names.csv", "id,kind,name\n")
    with pytest.raises(tawfiq.GazetteerError, match="unknown gazetteer format"):
        tawfiq.Matcher(gazetteers=[odd])
    not_utf8 = tmp_path / "latin1.tsv"
    not_utf8.write_bytes(b"id\tkind\tname\nx\tperson\tJos\xe9\n")
    with pytest.raises(tawfiq.GazetteerError, match=r"latin1\.tsv:2:\d+: invalid UTF-8"):
        tawfiq.Matcher(gazetteers=[not_utf8])


def test_configurations_that_cannot_build(tmp_path):
    with pytest.raises(tawfiq.BuildError, match="no gazetteer"):
        tawfiq.Matcher(builtin=False)
    clash = write(tmp_path, "clash.tsv", "id\tkind\tname\nvladimir-putin\tplace\tبوتينستان\n")
    with pytest.raises(tawfiq.BuildError, match="vladimir-putin"):
        tawfiq.Matcher(gazetteers=[clash])
    with pytest.raises(TypeError):
        tawfiq.Matcher(gazetteers="one.tsv")  # a str, not a list of paths


def test_matcher_pickles_as_its_arguments(tmp_path, monkeypatch):
    tsv = write(tmp_path, "own.tsv", "id\tkind\tname\nacme\torganisation\tأكمي\n")
    monkeypatch.chdir(tmp_path)
    m = tawfiq.Matcher(gazetteers=["own.tsv"], unlinked=False)  # relative to the cwd
    monkeypatch.chdir("/")
    again = pickle.loads(pickle.dumps(m))
    assert repr(again) == repr(m) == f"Matcher(builtin=True, gazetteers=[{str(tsv)!r}], unlinked=False)"
    assert again.find("وقالت أكمي") == m.find("وقالت أكمي")
    # One matcher per process for the same arguments.
    assert pickle.loads(pickle.dumps(m)) is again
    assert tawfiq.shared_matcher(gazetteers=[tsv], unlinked=False) is again


def test_values_pickle_and_compare(matcher):
    found = matcher.find("التقى شي جين بينغ بالمهندس كريم دوغانلي في بكين")
    assert pickle.loads(pickle.dumps(found)) == found
    e = found[0].entity
    assert pickle.loads(pickle.dumps(e)) == e
    assert tawfiq.Mention(**{k: v for k, v in found[0].to_dict().items() if k != "entity"}, entity=e) == found[0]
