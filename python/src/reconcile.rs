//! `tawfiq.Reconciler`, `tawfiq.reconcile` and what they give: every mention of a corpus
//! with its entity, known or new, and the new entities.
//!
//! The Python reconciler keeps the owned mentions of each document and hands them to the
//! Rust [`tawfiq::Reconciler`] when asked to finish ([`tawfiq::Reconciler::add_mentions`]),
//! so documents annotated here (`add_documents`) and mentions annotated in other processes
//! (`add_mentions`, the distributed recipe) go through the one reconciliation of the
//! library.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyRange;
use tawfiq::cluster::{CorpusEntity, Reconciler as RustReconciler};
use tawfiq::{EntityKind, How, MatchKind};

use crate::convert;
use crate::matcher::Matcher;
use crate::types::Mention;

/// Reconciles the mentions of many documents: each is linked to a gazetteer entity or, for
/// a name no gazetteer knows, to a new entity clustered across the documents, with a stable
/// id (``new:`` and 16 hex digits) that depends on the names, not on the order of the
/// documents.
///
/// Add documents (``add_documents``) or the mentions of documents annotated elsewhere
/// (``add_mentions``, with a matcher built with the same arguments), in the corpus's order,
/// then ``finish``. ``finish`` may be called again after adding more.
#[pyclass(module = "tawfiq")]
pub struct Reconciler {
    matcher: Py<Matcher>,
    /// The mentions of each document added, in order.
    documents: Vec<Vec<Mention>>,
}

#[pymethods]
impl Reconciler {
    #[new]
    fn new(matcher: Py<Matcher>) -> Reconciler {
        Reconciler {
            matcher,
            documents: Vec::new(),
        }
    }

    /// Finds the mentions of ``texts`` on all cores and keeps them; returns the numbers
    /// given to the documents (a ``range``, consecutive from the documents added so far).
    fn add_documents<'py>(
        &mut self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyRange>> {
        let texts = convert::strings(texts, "texts")?;
        let matcher = &self.matcher.get().inner;
        let found: Vec<Vec<Mention>> = py.detach(|| {
            matcher
                .find_batch(&texts)
                .iter()
                .zip(&texts)
                .map(|(found, text)| convert::mentions(text, found))
                .collect()
        });
        let first = self.documents.len();
        self.documents.extend(found);
        // Counts of Python objects in memory: both fit an isize.
        PyRange::new(py, first as isize, self.documents.len() as isize)
    }

    /// Keeps the mentions of one document annotated elsewhere (``Matcher.find`` or
    /// ``find_batch`` in another process, with a matcher built with the same arguments);
    /// returns the number given to the document.
    ///
    /// Raises ``ValueError`` for a mention linked to an entity this reconciler's matcher
    /// does not know (the matchers were built differently), or of an unknown kind.
    fn add_mentions(&mut self, mentions: Vec<Mention>) -> PyResult<usize> {
        // Checked now, so that the error comes from the call that brought the mention.
        rust_mentions(&self.matcher.get().inner, &mentions)?;
        self.documents.push(mentions);
        Ok(self.documents.len() - 1)
    }

    /// The number of documents added.
    fn __len__(&self) -> usize {
        self.documents.len()
    }

    /// Clusters the unlinked names of every document added and gives each mention its
    /// entity, known or new. Runs with the interpreter released.
    fn finish(&self, py: Python<'_>) -> PyResult<Reconciliation> {
        let matcher = &self.matcher.get().inner;
        let documents = &self.documents;
        py.detach(|| finish(matcher, documents))
    }
}

/// The mentions as the Rust reconciler reads them: the span, surface, kind, entity and
/// local number (checked by `add_mentions`); the match tier stands in for the rest of `how`,
/// which the reconciler does not read.
fn rust_mentions<'m, 't>(
    matcher: &'m tawfiq::Matcher,
    mentions: &'t [Mention],
) -> PyResult<Vec<tawfiq::Mention<'m, 't>>> {
    mentions
        .iter()
        .map(|m| {
            let entity = match &m.entity {
                Some(e) => Some(matcher.entity_by_id(&e.id).ok_or_else(|| {
                    PyValueError::new_err(format!(
                        "mention {:?} is linked to {:?}, which this reconciler's matcher does \
                         not know: build both matchers with the same arguments",
                        m.surface, e.id
                    ))
                })?),
                None => None,
            };
            Ok(tawfiq::Mention {
                start: m.start_byte,
                end: m.end_byte,
                surface: &m.surface,
                kind: kind(&m.kind)?,
                entity,
                local: m.local,
                score: m.score as f32,
                how: How {
                    kind: if entity.is_some() {
                        MatchKind::Exact
                    } else {
                        MatchKind::Unlinked
                    },
                    clitic: None,
                    article_restored: false,
                    folded: Vec::new(),
                    alternatives: Vec::new(),
                    antecedent: None,
                    matched_name: None,
                    forgave: None,
                },
            })
        })
        .collect()
}

fn kind(kind: &str) -> PyResult<EntityKind> {
    convert::kind(Some(kind))?.ok_or_else(|| PyValueError::new_err("no kind"))
}

fn finish(matcher: &tawfiq::Matcher, documents: &[Vec<Mention>]) -> PyResult<Reconciliation> {
    let mut r = RustReconciler::new(matcher);
    for mentions in documents {
        r.add_mentions(&rust_mentions(matcher, mentions)?);
    }
    let done = r.finish();
    let new_entities: Vec<NewEntity> = done
        .new_entities
        .iter()
        .map(|e| NewEntity {
            id: e.id.clone(),
            kind: e.kind.as_str().to_string(),
            canonical: e.canonical.clone(),
            name_ar: e.name_ar.clone(),
            name_en: e.name_en.clone(),
            names: e.names.iter().map(|m| (m.name.clone(), m.count)).collect(),
            count: e.count,
        })
        .collect();
    // The reconciler gives the mentions back in the order they were added: document by
    // document, each in text order; the Python mentions add the code-point offsets.
    let given = documents
        .iter()
        .enumerate()
        .flat_map(|(d, ms)| ms.iter().map(move |m| (d, m)));
    let mentions = done
        .mentions
        .iter()
        .zip(given)
        .map(|(c, (document, m))| {
            debug_assert_eq!((c.document, c.start), (document, m.start_byte));
            CorpusMention {
                document,
                start: m.start,
                end: m.end,
                start_byte: m.start_byte,
                end_byte: m.end_byte,
                surface: m.surface.clone(),
                kind: m.kind.clone(),
                entity_id: done.entity_id(c).map(str::to_string),
                is_new: matches!(c.entity, Some(CorpusEntity::New(_))),
            }
        })
        .collect();
    Ok(Reconciliation {
        mentions,
        new_entities,
        gazetteer_tsv: done.gazetteer_tsv(),
    })
}

/// Reconciles ``texts`` with ``matcher``: ``Reconciler(matcher)``, ``add_documents(texts)``,
/// ``finish()``.
#[pyfunction]
pub fn reconcile(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    matcher: Py<Matcher>,
) -> PyResult<Reconciliation> {
    let mut r = Reconciler::new(matcher);
    r.add_documents(py, texts)?;
    r.finish(py)
}

/// One mention of a reconciled corpus.
#[pyclass(module = "tawfiq", frozen, eq, get_all)]
#[derive(Clone, Debug, PartialEq)]
pub struct CorpusMention {
    /// The document, numbered from 0 in the order documents were added.
    pub document: usize,
    /// Offset of the first character in the document, in code points.
    pub start: usize,
    /// Offset one past the last character, in code points.
    pub end: usize,
    /// Offset of the first byte in the document's UTF-8 encoding.
    pub start_byte: usize,
    /// Offset one past the last byte.
    pub end_byte: usize,
    /// The text of the span.
    pub surface: String,
    /// `person`, `place` or `organisation`.
    pub kind: String,
    /// The entity's id: a gazetteer id, or a new entity's `new:…` id; `None` only for an
    /// unlinked mention with no letters to cluster by.
    pub entity_id: Option<String>,
    /// Whether the entity is a new one (in `Reconciliation.new_entities`).
    pub is_new: bool,
}

#[pymethods]
impl CorpusMention {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::py_repr!(py, "CorpusMention",
            "document" => self.document,
            "start" => self.start,
            "end" => self.end,
            "surface" => &self.surface,
            "kind" => &self.kind,
            "entity_id" => &self.entity_id,
            "is_new" => self.is_new,
        )
    }
}

/// An entity no gazetteer knows, made of the unlinked mentions of a corpus.
#[pyclass(module = "tawfiq", frozen, eq, get_all, from_py_object)]
#[derive(Clone, Debug, PartialEq)]
pub struct NewEntity {
    /// Its stable id: `new:` and a hash of its kind and canonical label.
    pub id: String,
    /// `person`, `place` or `organisation`.
    pub kind: String,
    /// The label: the most frequent well-formed full spelling.
    pub canonical: String,
    /// The canonical Arabic name (empty when no spelling is Arabic).
    pub name_ar: String,
    /// The most frequent Latin spelling (empty when there is none).
    pub name_en: String,
    /// The spellings and how many mentions each has, most frequent first.
    pub names: Vec<(String, u64)>,
    /// How many mentions refer to it.
    pub count: u64,
}

#[pymethods]
impl NewEntity {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::py_repr!(py, "NewEntity",
            "id" => &self.id,
            "kind" => &self.kind,
            "canonical" => &self.canonical,
            "count" => self.count,
        )
    }
}

/// A corpus reconciled: every mention with its entity, and the new entities.
#[pyclass(module = "tawfiq", frozen, eq)]
#[derive(Clone, Debug, PartialEq)]
pub struct Reconciliation {
    /// The mentions, by document, then in text order.
    #[pyo3(get)]
    pub mentions: Vec<CorpusMention>,
    /// The new entities: people, then places, then organisations, each largest first.
    #[pyo3(get)]
    pub new_entities: Vec<NewEntity>,
    gazetteer_tsv: String,
}

#[pymethods]
impl Reconciliation {
    /// The new entities as rows of a user gazetteer (TSV with a header: `id`, `kind`,
    /// `name`, `name_ar`, `name_en`), one row per spelling: save it as a `.tsv` file and
    /// pass it to `Matcher(gazetteers=[...])` to link these names from now on.
    fn gazetteer_tsv(&self) -> String {
        self.gazetteer_tsv.clone()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::py_repr!(py, "Reconciliation",
            "mentions" => self.mentions.len(),
            "new_entities" => self.new_entities.len(),
        )
    }
}
