//! The text layer shared with `build.rs`: everything that turns names into the built-in
//! gazetteer's tables, and nothing else.
//!
//! `build.rs` includes this folder by path (`#[path = "src/text/mod.rs"] mod text;`) and the
//! library declares it as `crate::text`, so every module here is compiled twice from the same
//! source: the keys in the binary image are computed by the very code that computes them at
//! run time, and the tables of a user gazetteer are built by the very builder that built the
//! built-in ones. Modules here may only reach each other (`crate::text::…`); a path to the
//! rest of the crate would not compile in `build.rs`.
//!
//! - [`normalize`], [`token`], [`clitic`], [`keys`], [`demonym`], [`prior`]: the steps from a
//!   name to its lookup keys and its disambiguation prior;
//! - [`table`]: the one alias-table builder (keys → entities, word prefixes, blocking keys);
//! - [`image`]: the binary image those tables are written to and read from in place;
//! - [`words`]: everyday word frequencies, the language image.

pub mod clitic;
pub mod demonym;
pub mod image;
pub mod keymap;
pub mod keys;
pub mod normalize;
pub mod prior;
pub mod table;
pub mod token;
pub mod words;

/// Reads `data/` into the built-in gazetteer's records. Used by `build.rs`, which includes
/// it by path, and by the test that checks the image against the data.
#[cfg(all(test, feature = "builtin"))]
pub mod source;
