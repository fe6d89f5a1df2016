//! Conversions between the Rust library's borrowed results and the owned Python values,
//! and of Python arguments and errors.

use std::io;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use tawfiq::EntityKind;

use crate::types::{Candidate, Entity, Mention, Resolution};

/// A float for Python, written as the `f32` reads: `0.95f32` is 0.949999988079071 as an
/// `f64`, and users compare scores with the figures the CLI's JSON prints.
pub fn py_float(x: f32) -> f64 {
    // Display of an f32 is its shortest round-trip decimal, which always parses as f64
    // ("NaN" and "inf" included); the fallback is never taken.
    x.to_string().parse().unwrap_or(f64::from(x))
}

/// An entity's summary.
pub fn entity(e: &tawfiq::Entity) -> Entity {
    Entity {
        id: e.id.to_string(),
        kind: e.kind.as_str().to_string(),
        name_ar: e.name_ar.to_string(),
        name_en: e.name_en.to_string(),
        wikidata: e.wikidata.as_ref().map(|q| q.to_string()),
    }
}

/// Code-point offsets of byte offsets into one text, asked in increasing order (as a
/// text's mentions give them): each byte of the text is looked at once in all.
struct CharOffsets<'t> {
    bytes: &'t [u8],
    byte: usize,
    char: usize,
}

impl<'t> CharOffsets<'t> {
    fn new(text: &'t str) -> CharOffsets<'t> {
        CharOffsets {
            bytes: text.as_bytes(),
            byte: 0,
            char: 0,
        }
    }

    /// The code-point offset of byte offset `byte` (a char boundary, as every span is).
    fn at(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        if byte < self.byte {
            // Out of order: count again from the start rather than assume the order.
            self.byte = 0;
            self.char = 0;
        }
        // A code point starts at every byte that is not a UTF-8 continuation byte.
        self.char += self.bytes[self.byte..byte]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count();
        self.byte = byte;
        self.char
    }
}

/// The mentions of `text`, owned, with code-point and byte offsets.
pub fn mentions(text: &str, found: &[tawfiq::Mention<'_, '_>]) -> Vec<Mention> {
    let mut chars = CharOffsets::new(text);
    found
        .iter()
        .map(|m| Mention {
            start: chars.at(m.start),
            end: chars.at(m.end),
            start_byte: m.start,
            end_byte: m.end,
            surface: m.surface.to_string(),
            kind: m.kind.as_str().to_string(),
            entity: m.entity.map(entity),
            local: m.local,
            score: py_float(m.score),
            how: m.how.to_string(),
            match_kind: m.how.kind.as_str().to_string(),
        })
        .collect()
}

fn candidate(c: &tawfiq::Candidate<'_>) -> Candidate {
    Candidate {
        entity: entity(c.entity),
        score: py_float(c.score),
        similarity: py_float(c.similarity),
        distance: py_float(c.distance),
        cross_script: py_float(c.cross_script),
        matched_name: c.name.to_string(),
        clitic: c.clitic.map(str::to_string),
        explanation: c.explanation.to_string(),
        conflict: c.conflict.as_ref().map(ToString::to_string),
    }
}

/// A resolution, owned.
pub fn resolution(r: &tawfiq::Resolution<'_>) -> Resolution {
    Resolution {
        query: r.query.clone(),
        best: r.best.as_ref().map(candidate),
        candidates: r.candidates.iter().map(candidate).collect(),
    }
}

/// The `kind` argument of the resolve methods: `None`, or a kind's name.
pub fn kind(kind: Option<&str>) -> PyResult<Option<EntityKind>> {
    kind.map(|k| {
        EntityKind::parse(k).ok_or_else(|| {
            pyo3::exceptions::PyValueError::new_err(format!(
                "kind {k:?} is not person, place or organisation"
            ))
        })
    })
    .transpose()
}

/// The strings of an iterable of `str` (a list, a tuple, a generator, a pandas Series). A
/// lone `str` is refused: iterating it would give its characters, never what was meant.
pub fn strings(items: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<String>> {
    if items.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be an iterable of str, not a str"
        )));
    }
    let mut out = Vec::new();
    for (i, item) in items.try_iter()?.enumerate() {
        let item = item?;
        if !item.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(format!(
                "{what}[{i}] must be a str, not {}",
                item.get_type().name()?
            )));
        }
        // A str with lone surrogates is no UTF-8 text: this raises UnicodeEncodeError.
        out.push(item.extract::<String>()?);
    }
    Ok(out)
}

/// A gazetteer that could not be read: a missing or unreadable file is an `OSError`
/// (`FileNotFoundError`, `PermissionError`…), anything else a `tawfiq.GazetteerError`; the
/// message names the file, and the line and column where there are some.
pub fn gazetteer_error(e: tawfiq::GazetteerError) -> PyErr {
    match &e {
        tawfiq::GazetteerError::Io { source, .. } => {
            PyErr::from(io::Error::new(source.kind(), e.to_string()))
        }
        _ => crate::GazetteerError::new_err(e.to_string()),
    }
}

/// A configuration that cannot make a matcher: `tawfiq.BuildError`.
pub fn build_error(e: tawfiq::BuildError) -> PyErr {
    crate::BuildError::new_err(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points() {
        // Arabic (2 bytes), an emoji (4 bytes, non-BMP), a combining mark (2 bytes).
        let text = "a😀بَ z";
        let mut c = CharOffsets::new(text);
        let want: Vec<(usize, usize)> = text
            .char_indices()
            .enumerate()
            .map(|(n, (b, _))| (b, n))
            .chain([(text.len(), text.chars().count())])
            .collect();
        for &(byte, char) in &want {
            assert_eq!(c.at(byte), char, "help: byte {byte}");
        }
        // Asked out of order, it counts again.
        assert_eq!(c.at(1), 1);
        assert_eq!(c.at(0), 0);
    }

    #[test]
    fn floats_read_as_written() {
        assert_eq!(py_float(0.95), 0.95);
        assert_eq!(py_float(1.0), 1.0);
        assert_eq!(py_float(0.0), 0.0);
        assert!(py_float(f32::NAN).is_nan());
    }
}
