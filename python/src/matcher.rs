//! `tawfiq.Matcher` and `tawfiq.cluster`.

use std::path::PathBuf;

use pyo3::prelude::*;
use tawfiq::{Gazetteer, MatcherBuilder};

use crate::convert;
use crate::types::{Cluster, Mention, Resolution};

/// Finds people, places and organisations in Arabic text and resolves names to entities.
///
/// ``Matcher(builtin=True, gazetteers=(), unlinked=True)``: the built-in gazetteer (CLDR
/// countries, GeoNames places, curated people and organisations) and the user gazetteers
/// (``.tsv`` or ``.json`` files, merged with it); ``unlinked=False`` reports only names of
/// known entities. Immutable and safe to share between threads. A matcher pickles as its
/// arguments: unpickling builds it again (reading the gazetteer files where it is
/// unpickled) once per process: see ``tawfiq.shared_matcher``.
#[pyclass(module = "tawfiq", frozen)]
pub struct Matcher {
    pub(crate) inner: tawfiq::Matcher,
    builtin: bool,
    gazetteers: Vec<PathBuf>,
    unlinked: bool,
}

#[pymethods]
impl Matcher {
    #[new]
    #[pyo3(signature = (builtin = true, gazetteers = Vec::new(), unlinked = true))]
    fn new(
        py: Python<'_>,
        builtin: bool,
        gazetteers: Vec<PathBuf>,
        unlinked: bool,
    ) -> PyResult<Matcher> {
        // Reading and checking a large gazetteer takes a while: let other threads run.
        let inner = py.detach(|| -> PyResult<tawfiq::Matcher> {
            let mut builder = MatcherBuilder::new();
            builder.builtin(builtin).unlinked(unlinked);
            for path in &gazetteers {
                builder.gazetteer(Gazetteer::from_path(path).map_err(convert::gazetteer_error)?);
            }
            builder.build().map_err(convert::build_error)
        })?;
        // Kept absolute for pickling: the process that unpickles may have another working
        // directory (absolute() only fails on an empty path, which from_path refused).
        let gazetteers = gazetteers
            .into_iter()
            .map(|p| std::path::absolute(&p).unwrap_or(p))
            .collect();
        Ok(Matcher {
            inner,
            builtin,
            gazetteers,
            unlinked,
        })
    }

    /// The mentions of ``text``, in order, not overlapping.
    fn find(&self, py: Python<'_>, text: String) -> Vec<Mention> {
        py.detach(|| {
            let found: Vec<_> = self.inner.find_iter(&text).collect();
            convert::mentions(&text, &found)
        })
    }

    /// The mentions of many texts, found on all cores with the interpreter released: one
    /// list per text, in order, each what ``find`` gives for that text.
    fn find_batch(&self, py: Python<'_>, texts: &Bound<'_, PyAny>) -> PyResult<Vec<Vec<Mention>>> {
        let texts = convert::strings(texts, "texts")?;
        Ok(py.detach(|| {
            self.inner
                .find_batch(&texts)
                .iter()
                .zip(&texts)
                .map(|(found, text)| convert::mentions(text, found))
                .collect()
        }))
    }

    /// Resolves a standalone name to the entity it most likely means (among entities of
    /// ``kind`` only, when given: ``person``, ``place`` or ``organisation``).
    #[pyo3(signature = (name, kind = None))]
    fn resolve(&self, py: Python<'_>, name: String, kind: Option<&str>) -> PyResult<Resolution> {
        let kind = convert::kind(kind)?;
        Ok(py.detach(|| {
            let r = match kind {
                Some(k) => self.inner.resolve_kind(&name, k),
                None => self.inner.resolve(&name),
            };
            convert::resolution(&r)
        }))
    }

    /// Resolves many names on all cores with the interpreter released: one resolution per
    /// name, in order, each what ``resolve`` gives for that name.
    #[pyo3(signature = (names, kind = None))]
    fn resolve_batch(
        &self,
        py: Python<'_>,
        names: &Bound<'_, PyAny>,
        kind: Option<&str>,
    ) -> PyResult<Vec<Resolution>> {
        let kind = convert::kind(kind)?;
        let names = convert::strings(names, "names")?;
        Ok(py.detach(|| {
            self.inner
                .resolve_batch(&names, kind)
                .iter()
                .map(convert::resolution)
                .collect()
        }))
    }

    /// The entity with this id, or ``None`` when the matcher does not know it.
    fn entity(&self, id: &str) -> Option<crate::types::Entity> {
        self.inner.entity_by_id(id).map(convert::entity)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::py_repr!(py, "Matcher",
            "builtin" => self.builtin,
            "gazetteers" => self.gazetteer_paths(),
            "unlinked" => self.unlinked,
        )
    }

    /// Pickles as its arguments; unpickling calls ``tawfiq.shared_matcher``, which builds
    /// one matcher per process for the same arguments.
    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (bool, Vec<PathBuf>, bool))> {
        let shared = py.import("tawfiq")?.getattr("shared_matcher")?;
        Ok((
            shared,
            (self.builtin, self.gazetteers.clone(), self.unlinked),
        ))
    }
}

impl Matcher {
    fn gazetteer_paths(&self) -> Vec<String> {
        self.gazetteers
            .iter()
            .map(|p| p.display().to_string())
            .collect()
    }
}

/// Groups names (spellings, transliterations, surnames) into canonical entities; with a
/// matcher, links groups to its gazetteer first. Any order of the same names gives the same
/// clusters. Runs with the interpreter released.
#[pyfunction]
#[pyo3(signature = (names, matcher = None))]
pub fn cluster(
    py: Python<'_>,
    names: &Bound<'_, PyAny>,
    matcher: Option<PyRef<'_, Matcher>>,
) -> PyResult<Vec<Cluster>> {
    let names = convert::strings(names, "names")?;
    let matcher = matcher.as_deref().map(|m| &m.inner);
    Ok(py.detach(|| {
        tawfiq::cluster(names.iter().map(String::as_str), matcher)
            .into_iter()
            .map(|c| Cluster {
                entity: c.entity.map(|ce| {
                    // The cluster names the entity; the matcher has its full record.
                    matcher
                        .and_then(|m| m.entity_by_id(&ce.id))
                        .map(convert::entity)
                        .unwrap_or_else(|| crate::types::Entity {
                            id: ce.id,
                            kind: ce.kind.as_str().to_string(),
                            name_ar: ce.name_ar,
                            name_en: ce.name_en,
                            wikidata: None,
                        })
                }),
                canonical: c.canonical,
                members: c.members.into_iter().map(|m| (m.name, m.count)).collect(),
                count: c.count,
            })
            .collect()
    }))
}
