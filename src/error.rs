//! Errors. One `#[non_exhaustive]` enum per phase, each variant carrying what was wrong and
//! where, so a user can fix a gazetteer file without reading our code.

use std::path::{Path, PathBuf};

use crate::gazetteer::EntityKind;

/// A user gazetteer could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GazetteerError {
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid UTF-8.
    #[error("{path}:{line}:{column}: invalid UTF-8 (byte offset {offset})")]
    Utf8 {
        /// The file (or `<input>` for in-memory text).
        path: PathBuf,
        /// 1-based line of the first invalid byte.
        line: usize,
        /// 1-based column (in characters) of the first invalid byte.
        column: usize,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A JSON file is not well-formed JSON (a syntax error, reported by the JSON parser).
    #[error("{path}:{line}:{column}: {message}")]
    Json {
        /// The file (or `<input>` for in-memory text).
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// The parser's message, without its position.
        message: String,
    },
    /// A row of a TSV file or an object of a JSON file breaks a rule of the gazetteer format:
    /// an unknown, duplicate or missing field, an empty or malformed value, a second kind for
    /// one id. Both formats go through the same validation and give the same messages.
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        /// The file (or `<input>` for in-memory text).
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column of the offending value: in a TSV file the field number, in a JSON
        /// file the character where the offending field or value begins.
        column: usize,
        /// What is wrong, quoting the bad value.
        message: String,
    },
    /// The file name has no `.tsv` or `.json` extension, so its format is unknown.
    #[error("{path}: unknown gazetteer format (expected a .tsv or .json file)")]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
}

/// A [`MatcherBuilder`](crate::MatcherBuilder) configuration cannot produce a matcher.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The built-in gazetteer is switched off and no user gazetteer was given.
    #[error("no gazetteer: the built-in one is off and no user gazetteer was added")]
    NoGazetteer,
    /// The built-in gazetteer was asked for, but the crate was built without the `builtin`
    /// feature that compiles it in.
    #[error("the built-in gazetteer is not compiled in (enable the `builtin` feature)")]
    BuiltinNotCompiled,
    /// A user entity has the id of a built-in entity of another kind. A user entity with a
    /// built-in id adds its names to that entity, so both must say what it is.
    #[error(
        "{}entity {id:?} is {kind} in the user gazetteer but {builtin_kind} in the built-in one \
         (a user entity with a built-in id adds names to it; use another id for another entity)",
        origin(path.as_deref())
    )]
    BuiltinKindConflict {
        /// The shared id.
        id: String,
        /// The kind the user gazetteer gives it.
        kind: EntityKind,
        /// The kind of the built-in entity.
        builtin_kind: EntityKind,
        /// The user gazetteer's file, when it was read from one.
        path: Option<PathBuf>,
    },
    /// Two user entities share an id but not a kind: in two gazetteers, or twice in one
    /// gazetteer put together in code (a file with such rows is a [`GazetteerError`]).
    #[error(
        "{}entity {id:?} is {kind} here but {earlier_kind} {}",
        origin(path.as_deref()),
        earlier_path.as_deref().map_or_else(|| "earlier".to_string(), |p| format!("in {}", p.display()))
    )]
    KindConflict {
        /// The shared id.
        id: String,
        /// The kind of the later entity.
        kind: EntityKind,
        /// The file of the later entity's gazetteer, when it was read from one.
        path: Option<PathBuf>,
        /// The kind of the earlier entity.
        earlier_kind: EntityKind,
        /// The file of the earlier entity's gazetteer, when it was read from one.
        earlier_path: Option<PathBuf>,
    },
}

/// `"path: "` for an error about a gazetteer read from a file, nothing otherwise.
fn origin(path: Option<&Path>) -> String {
    path.map_or_else(String::new, |p| format!("{}: ", p.display()))
}
