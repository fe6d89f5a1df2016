//! The values Python receives: entities, mentions, resolutions and clusters, all owned and
//! immutable (`frozen`), comparable with `==` and picklable, so that results can cross
//! process boundaries (Dask, Spark, multiprocessing) and be compared in tests.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};

/// An entity of the gazetteer, as mentions and resolutions report it: its identity and
/// canonical names, not every alias.
#[pyclass(module = "tawfiq", frozen, eq, get_all, from_py_object)]
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// The stable id (`xi-jinping`, `cldr:CN`, `geonames:1816670`, or a user id).
    pub id: String,
    /// `person`, `place` or `organisation`.
    pub kind: String,
    /// The canonical Arabic name.
    pub name_ar: String,
    /// The canonical English name.
    pub name_en: String,
    /// The Wikidata QID (`Q7747`), where the gazetteer has a verified one.
    pub wikidata: Option<String>,
}

#[pymethods]
impl Entity {
    /// An entity summary (also what unpickling calls).
    #[new]
    #[pyo3(signature = (id, kind, name_ar = String::new(), name_en = String::new(), wikidata = None))]
    fn new(
        id: String,
        kind: String,
        name_ar: String,
        name_en: String,
        wikidata: Option<String>,
    ) -> Entity {
        Entity {
            id,
            kind,
            name_ar,
            name_en,
            wikidata,
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::py_repr!(py, "Entity",
            "id" => &self.id,
            "kind" => &self.kind,
            "name_ar" => &self.name_ar,
            "name_en" => &self.name_en,
            "wikidata" => &self.wikidata,
        )
    }

    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> (
        Bound<'py, PyType>,
        (String, String, String, String, Option<String>),
    ) {
        (
            py.get_type::<Entity>(),
            (
                self.id.clone(),
                self.kind.clone(),
                self.name_ar.clone(),
                self.name_en.clone(),
                self.wikidata.clone(),
            ),
        )
    }

    /// The entity as a dict (`id`, `kind`, `name_ar`, `name_en`, `wikidata`), the shape of
    /// the `entity` field of the `tawfiq annotate` tool's JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("id", &self.id)?;
        d.set_item("kind", &self.kind)?;
        d.set_item("name_ar", &self.name_ar)?;
        d.set_item("name_en", &self.name_en)?;
        d.set_item("wikidata", &self.wikidata)?;
        Ok(d)
    }
}

/// A mention of a person, place or organisation in a text.
#[pyclass(module = "tawfiq", frozen, eq, from_py_object)]
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Offset of the first character, in code points: `text[start:end] == surface`.
    #[pyo3(get)]
    pub start: usize,
    /// Offset one past the last character, in code points.
    #[pyo3(get)]
    pub end: usize,
    /// Offset of the first byte in the text's UTF-8 encoding.
    #[pyo3(get)]
    pub start_byte: usize,
    /// Offset one past the last byte in the text's UTF-8 encoding.
    #[pyo3(get)]
    pub end_byte: usize,
    /// The text of the span.
    #[pyo3(get)]
    pub surface: String,
    /// `person`, `place` or `organisation`.
    #[pyo3(get)]
    pub kind: String,
    /// The linked entity; `None` for a name the gazetteer does not know.
    #[pyo3(get)]
    pub entity: Option<Entity>,
    /// For an unlinked mention, the number of its unknown entity within the text (the
    /// mentions of one unknown person share it); `None` for a linked mention.
    #[pyo3(get)]
    pub local: Option<u32>,
    /// Confidence in `0.0..=1.0`.
    #[pyo3(get)]
    pub score: f64,
    /// How the mention was matched, for people: the tier, the proclitic stripped, the
    /// foldings, the other entities sharing the name, what a fuzzy match forgave.
    #[pyo3(get)]
    pub how: String,
    /// The tier alone: `exact`, `short_form`, `demonym`, `fuzzy`, `partial`, `unlinked` or `gloss`.
    #[pyo3(get)]
    pub match_kind: String,
}

#[pymethods]
impl Mention {
    /// A mention from its fields (what unpickling calls; mentions normally come from
    /// `Matcher.find`).
    #[new]
    #[pyo3(signature = (start, end, start_byte, end_byte, surface, kind, entity, local, score, how, match_kind))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        start: usize,
        end: usize,
        start_byte: usize,
        end_byte: usize,
        surface: String,
        kind: String,
        entity: Option<Entity>,
        local: Option<u32>,
        score: f64,
        how: String,
        match_kind: String,
    ) -> Mention {
        Mention {
            start,
            end,
            start_byte,
            end_byte,
            surface,
            kind,
            entity,
            local,
            score,
            how,
            match_kind,
        }
    }

    /// The id of the linked entity, or `None` for an unlinked mention.
    #[getter]
    fn entity_id(&self) -> Option<String> {
        self.entity.as_ref().map(|e| e.id.clone())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::py_repr!(py, "Mention",
            "start" => self.start,
            "end" => self.end,
            "surface" => &self.surface,
            "kind" => &self.kind,
            "entity_id" => self.entity.as_ref().map(|e| &e.id),
            "score" => self.score,
            "how" => &self.how,
        )
    }

    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> (
        Bound<'py, PyType>,
        (
            usize,
            usize,
            usize,
            usize,
            String,
            String,
            Option<Entity>,
            Option<u32>,
            f64,
            String,
            String,
        ),
    ) {
        let m = self.clone();
        (
            py.get_type::<Mention>(),
            (
                m.start,
                m.end,
                m.start_byte,
                m.end_byte,
                m.surface,
                m.kind,
                m.entity,
                m.local,
                m.score,
                m.how,
                m.match_kind,
            ),
        )
    }

    /// The mention as a dict of plain values (the entity as a dict or `None`), for JSON,
    /// pandas or a message queue.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("start_byte", self.start_byte)?;
        d.set_item("end_byte", self.end_byte)?;
        d.set_item("surface", &self.surface)?;
        d.set_item("kind", &self.kind)?;
        let entity = self.entity.as_ref().map(|e| e.to_dict(py)).transpose()?;
        d.set_item("entity", entity)?;
        d.set_item("local", self.local)?;
        d.set_item("score", self.score)?;
        d.set_item("how", &self.how)?;
        d.set_item("match_kind", &self.match_kind)?;
        Ok(d)
    }
}

/// One entity a name may refer to, with the evidence.
#[pyclass(module = "tawfiq", frozen, eq, get_all)]
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The entity.
    pub entity: Entity,
    /// Share of the decision weight, in `0.0..=1.0`.
    pub score: f64,
    /// Similarity of the name asked for to `matched_name`, in `0.0..=1.0`.
    pub similarity: f64,
    /// Weighted edit distance to the entity's closest name in the query's script.
    pub distance: f64,
    /// Cross-script similarity to the entity's closest name in the other script.
    pub cross_script: f64,
    /// The entity's name the query came closest to.
    pub matched_name: String,
    /// The proclitic read off the query's first word, if any.
    pub clitic: Option<String>,
    /// What the comparison forgave (`exact`, `1 vowel edit(s)`, `reordered`…).
    pub explanation: String,
    /// Why the query names someone or something else, when it does (such a candidate is
    /// reported, never chosen): `given name jill ≠ joe`.
    pub conflict: Option<String>,
}

#[pymethods]
impl Candidate {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::py_repr!(py, "Candidate",
            "entity_id" => &self.entity.id,
            "score" => self.score,
            "matched_name" => &self.matched_name,
            "explanation" => &self.explanation,
            "conflict" => &self.conflict,
        )
    }
}

/// The answer to `Matcher.resolve`: the best entity (or none), its score, why, and the
/// top candidates.
#[pyclass(module = "tawfiq", frozen, eq, get_all)]
#[derive(Clone, Debug, PartialEq)]
pub struct Resolution {
    /// The name asked for.
    pub query: String,
    /// The chosen candidate, or `None` when no candidate is convincing or the likeliest
    /// one is someone else.
    pub best: Option<Candidate>,
    /// The top candidates, best first, whether or not they were chosen.
    pub candidates: Vec<Candidate>,
}

#[pymethods]
impl Resolution {
    /// The resolved entity, or `None`.
    #[getter]
    fn entity(&self) -> Option<Entity> {
        self.best.as_ref().map(|c| c.entity.clone())
    }

    /// The score of the resolved entity, or 0.0 when there is none.
    #[getter]
    fn score(&self) -> f64 {
        self.best.as_ref().map_or(0.0, |c| c.score)
    }

    /// Why: what the comparison with the chosen entity's name forgave; when nothing was
    /// chosen because the likeliest candidate is someone else, who and why
    /// (`not joe-biden: given name jill ≠ joe`); `None` when nothing came close.
    #[getter]
    fn explanation(&self) -> Option<String> {
        match (&self.best, self.candidates.first()) {
            (Some(best), _) => Some(best.explanation.clone()),
            (None, Some(first)) => first
                .conflict
                .as_ref()
                .map(|why| format!("not {}: {why}", first.entity.id)),
            (None, None) => None,
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::py_repr!(py, "Resolution",
            "query" => &self.query,
            "entity_id" => self.best.as_ref().map(|c| &c.entity.id),
            "score" => self.score(),
            "explanation" => self.explanation(),
            "candidates" => self.candidates.len(),
        )
    }
}

/// A group of names judged to be one entity, from `cluster`.
#[pyclass(module = "tawfiq", frozen, eq, get_all)]
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// The label: the gazetteer's Arabic name when linked, else the most frequent
    /// well-formed full spelling.
    pub canonical: String,
    /// The gazetteer entity the group was linked to (only with a matcher), or `None`.
    pub entity: Option<Entity>,
    /// The spellings and how many times each was given, most frequent first.
    pub members: Vec<(String, u64)>,
    /// How many names of the input the group holds.
    pub count: u64,
}

#[pymethods]
impl Cluster {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::py_repr!(py, "Cluster",
            "canonical" => &self.canonical,
            "entity_id" => self.entity.as_ref().map(|e| &e.id),
            "members" => &self.members,
            "count" => self.count,
        )
    }
}
