//! Python bindings of tawfiq: the extension module `tawfiq._tawfiq`, which the Python
//! package `tawfiq` (`python/tawfiq/__init__.py`) re-exports, with its type stubs beside it.
//!
//! Everything a Python caller gets is owned by Python: mentions, resolutions and clusters
//! are copied out of the borrowed Rust results (their strings and their entity's summary),
//! so nothing here keeps a Rust lifetime across the boundary. The long calls (`find`,
//! `find_batch`, `resolve_batch`, `cluster`, reconciliation, loading gazetteers) run with
//! the interpreter detached, so other Python threads go on meanwhile and the batch calls
//! use every core.
//!
//! Offsets: the Rust library gives byte offsets into UTF-8; Python slices `str` by code
//! point. Each mention carries both (`start`/`end` for `text[start:end]`,
//! `start_byte`/`end_byte` for `text.encode()[start_byte:end_byte]`), counted here once per
//! text in one pass over its mentions in order.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// `Name(field=value, ...)` with each value written by Python's own `repr`, so that reprs
/// read as Python (`None`, `'text'`, `1.0`), not as Rust's `Debug`.
#[macro_export]
macro_rules! py_repr {
    ($py:expr, $name:literal, $($field:literal => $value:expr),* $(,)?) => {{
        let parts: Vec<String> = vec![$(
            format!(
                "{}={}",
                $field,
                pyo3::IntoPyObjectExt::into_bound_py_any($value, $py)?.repr()?
            ),
        )*];
        Ok::<String, pyo3::PyErr>(format!("{}({})", $name, parts.join(", ")))
    }};
}

mod convert;
mod matcher;
mod reconcile;
mod types;

use pyo3::prelude::*;

pyo3::create_exception!(
    tawfiq,
    GazetteerError,
    pyo3::exceptions::PyValueError,
    "A gazetteer file breaks a rule of its format; the message names file:line:column."
);

pyo3::create_exception!(
    tawfiq,
    BuildError,
    pyo3::exceptions::PyValueError,
    "The matcher's configuration cannot produce a matcher (no gazetteer at all, or an id given two kinds)."
);

/// Find people, places and organisations in Arabic text and reconcile every spelling and
/// transliteration of a name to one entity (the compiled part of the `tawfiq` package).
#[pymodule(name = "_tawfiq")]
mod tawfiq_module {
    #[pymodule_export]
    use super::{BuildError, GazetteerError};
    #[pymodule_export]
    use crate::matcher::{Matcher, cluster};
    #[pymodule_export]
    use crate::reconcile::{CorpusMention, NewEntity, Reconciler, Reconciliation, reconcile};
    #[pymodule_export]
    use crate::types::{Candidate, Cluster, Entity, Mention, Resolution};
}
