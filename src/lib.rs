//! tawfiq (توفيق, "reconciliation") finds people, places and organisations in Arabic text
//! and reconciles the spellings and transliterations of a name to one canonical entity.
//!
//! ```
//! # #[cfg(feature = "builtin")] {
//! let matcher = tawfiq::Matcher::builtin();
//! let text = "استقبل الرئيس الصيني شي جينبينغ نظيره الروسي فلاديمير بوتين في بكين، \
//!             وقال شي إن العلاقات مع روسيا قوية. والتقى لاحقاً بالرئيس شى جين بينج.";
//! let ids: Vec<&str> = matcher.find_iter(text).filter_map(|m| m.entity_id()).collect();
//! assert_eq!(
//!     ids,
//!     [
//!         "cldr:CN", // الصيني, a demonym of China
//!         "xi-jinping",
//!         "cldr:RU", // الروسي
//!         "vladimir-putin",
//!         "geonames:1816670", // Beijing
//!         "xi-jinping",
//!         "cldr:RU",
//!         "xi-jinping",
//!     ]
//! );
//! for m in matcher.find_iter(text) {
//!     assert_eq!(&text[m.start..m.end], m.surface); // spans slice the original text
//! }
//! # }
//! ```
//!
//! # Overview
//!
//! - [`Matcher`] finds mentions ([`Matcher::find_iter`] → [`Mention`]) with byte spans into
//!   the original text, the [`Entity`], a score and [`How`] the match was made. Build one
//!   with [`Matcher::builtin`] or configure a [`MatcherBuilder`].
//! - [`Gazetteer`] loads user entities from TSV or JSON; the built-in gazetteer holds
//!   the CLDR countries and territories, the GeoNames places with Arabic names, and people
//!   and organisations curated by the maintainers (see `data/README.md`).
//! - [`normalize`] is Arabic and Latin orthographic folding at explicit levels;
//!   [`token`], [`clitic`] and [`keys`] are the steps from text to lookup keys.
//!
//! # Crate features
//!
//! - `builtin` (default): the built-in gazetteer, compiled into the binary as an image read
//!   in place (about 18 MB: CLDR countries, 25,543 GeoNames places, curated people and
//!   organisations). Without it, [`Matcher::builtin`] does not exist and a matcher needs a
//!   user gazetteer (`MatcherBuilder::new().builtin(false)` is then the default); everything
//!   else works the same.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod cluster;
mod document;
mod error;
mod gazetteer;
mod index;
mod language;
mod matcher;
mod mention;
mod parallel;
mod resolve;
pub mod score;
mod text;
pub mod translit;

pub use text::{clitic, keys, normalize, token};

pub use error::{BuildError, GazetteerError};

/// The README's examples, compiled and run as doctests.
#[cfg(all(doctest, feature = "builtin"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
pub use cluster::{Cluster, ClusterOptions, Clusterer, Reconciler, cluster};
pub use gazetteer::{Entity, EntityKind, Gazetteer};
pub use matcher::{GazetteerStats, Matcher, MatcherBuilder};
pub use mention::{Folding, How, MatchKind, Mention, Mentions, Span};
pub use resolve::{Candidate, Conflict, Resolution, ResolveOptions};
