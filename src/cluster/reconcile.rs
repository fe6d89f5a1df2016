//! Reconciling a corpus: the mentions of many documents, linked to the gazetteer where it
//! knows the name, and the unlinked ones clustered across documents into new entities
//! with ids derived from their content.
//!
//! ```
//! # #[cfg(feature = "builtin")] {
//! use tawfiq::cluster::Reconciler;
//!
//! let m = tawfiq::Matcher::builtin();
//! let mut r = Reconciler::new(&m);
//! r.add_documents(&[
//!     "قال المهندس كمال برهومي إن المشروع تأخر.",
//!     "وأكد المهندس كمال برهومى أن الأعمال ستنتهي قريباً.",
//! ]);
//! let corpus = r.finish();
//! let new: Vec<&str> = corpus
//!     .mentions
//!     .iter()
//!     .filter_map(|x| corpus.new_entity(x))
//!     .map(|e| e.id.as_str())
//!     .collect();
//! assert_eq!(new.len(), 2);
//! assert_eq!(new[0], new[1]); // two spellings, one new entity
//! assert!(new[0].starts_with("new:"));
//! # }
//! ```
//!
//! # How
//!
//! 1. Every document goes through [`Matcher::find_batch`] (on all cores), or its mentions
//!    come found elsewhere ([`Reconciler::add_mentions`]: a corpus annotated on many
//!    machines). Linked mentions keep their entity.
//! 2. An unlinked mention is clustered under the fullest name its document gives its
//!    unknown entity ([`Mention::local`]): `جونسون` after `مايك جونسون` counts as a mention
//!    of `مايك جونسون`, since the document says who it is, while a bare `جونسون` in
//!    another document is a name of its own.
//! 3. Names are clustered on spelling alone, one [`Clusterer`] per kind: the gazetteer
//!    already declined them in context, and a person is never merged with a place.
//! 4. A new entity's id is `new:` and a hash of its kind and canonical label
//!    ([`stable_id`]): the same corpus, in any order of documents, gives the same ids, and
//!    an entity keeps its id when more documents add spellings that do not change its
//!    label. Two clusters never share a label, since a spelling belongs to one cluster.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use crate::Matcher;
use crate::gazetteer::{Entity, EntityKind};
use crate::mention::Mention;
use crate::resolve::is_latin;

use super::{ClusterOptions, Clusterer, Member};

/// The kinds, in the order new entities are listed.
const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Place,
    EntityKind::Organisation,
];

/// The stable id of a new entity of `kind` labelled `canonical`: `new:` and 16 hex digits
/// of a 64-bit FNV-1a hash of both, the same on every run, platform and version.
///
/// # Examples
///
/// ```
/// use tawfiq::EntityKind;
/// use tawfiq::cluster::stable_id;
///
/// let id = stable_id(EntityKind::Person, "كمال برهومي");
/// assert_eq!(id, stable_id(EntityKind::Person, "كمال برهومي"));
/// assert_ne!(id, stable_id(EntityKind::Place, "كمال برهومي"));
/// assert_eq!(id.len(), "new:".len() + 16);
/// ```
pub fn stable_id(kind: EntityKind, canonical: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = OFFSET;
    for b in kind
        .as_str()
        .bytes()
        .chain([b'\t'])
        .chain(canonical.bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(PRIME);
    }
    format!("new:{h:016x}")
}

/// An entity no gazetteer knows, made of the unlinked mentions of a corpus.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NewEntity {
    /// Its stable id ([`stable_id`]).
    pub id: String,
    /// Person, place or organisation, as the mentions were found.
    pub kind: EntityKind,
    /// The label: the cluster's most frequent well-formed full spelling.
    pub canonical: String,
    /// The canonical Arabic name: the label if it is Arabic, else the most frequent Arabic
    /// spelling (empty when there is none).
    pub name_ar: String,
    /// The most frequent Latin spelling, if any (else empty).
    pub name_en: String,
    /// The spellings, most frequent first.
    pub names: Vec<Member>,
    /// How many mentions refer to it.
    pub count: u64,
}

/// The entity of a [`CorpusMention`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CorpusEntity<'m> {
    /// An entity of the matcher's gazetteers.
    Known(&'m Entity),
    /// A new entity: an index into [`Reconciliation::new_entities`].
    New(usize),
}

/// One mention of a reconciled corpus. Owned: the documents need not outlive it.
#[derive(Clone, Debug, PartialEq)]
pub struct CorpusMention<'m> {
    /// The document, numbered from 0 in the order documents were added.
    pub document: usize,
    /// Byte offset of the first byte in the document.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The text of the span.
    pub surface: String,
    /// Person, place or organisation.
    pub kind: EntityKind,
    /// The entity, known or new; `None` only for an unlinked mention with no letters to
    /// cluster by.
    pub entity: Option<CorpusEntity<'m>>,
}

/// A corpus reconciled: every mention with its entity, and the new entities.
#[derive(Clone, Debug)]
pub struct Reconciliation<'m> {
    /// The mentions, by document, then in text order.
    pub mentions: Vec<CorpusMention<'m>>,
    /// The new entities: people, then places, then organisations, each largest first
    /// (then by label).
    pub new_entities: Vec<NewEntity>,
}

impl<'m> Reconciliation<'m> {
    /// The id of a mention's entity, known or new.
    pub fn entity_id<'a>(&'a self, m: &'a CorpusMention<'m>) -> Option<&'a str> {
        match m.entity? {
            CorpusEntity::Known(e) => Some(&e.id),
            CorpusEntity::New(i) => Some(&self.new_entities[i].id),
        }
    }

    /// The new entity of a mention, if it is one.
    pub fn new_entity(&self, m: &CorpusMention<'m>) -> Option<&NewEntity> {
        match m.entity? {
            CorpusEntity::New(i) => Some(&self.new_entities[i]),
            CorpusEntity::Known(_) => None,
        }
    }

    /// The new entities as rows of a user gazetteer (the TSV format of
    /// [`crate::Gazetteer::from_tsv_str`]), one row per spelling, for a person to review
    /// and adopt.
    pub fn gazetteer_tsv(&self) -> String {
        let mut out = String::from(TSV_HEADER);
        for e in &self.new_entities {
            for m in &e.names {
                tsv_row(&mut out, &e.id, e.kind, &m.name, &e.name_ar, &e.name_en);
            }
        }
        out
    }
}

/// The header of exported gazetteer rows.
pub(super) const TSV_HEADER: &str = "id\tkind\tname\tname_ar\tname_en\n";

/// Appends one exported gazetteer row (tabs and line breaks in names become spaces).
pub(super) fn tsv_row(
    out: &mut String,
    id: &str,
    kind: EntityKind,
    name: &str,
    name_ar: &str,
    name_en: &str,
) {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    out.push_str(&format!(
        "{id}\t{kind}\t{}\t{}\t{}\n",
        clean(name),
        clean(name_ar),
        clean(name_en)
    ));
}

/// A mention as kept between [`Reconciler::add_documents`] and [`Reconciler::finish`].
#[derive(Debug)]
struct Kept<'m> {
    mention: CorpusMention<'m>,
    /// For an unlinked mention, the name it is clustered under (trimmed, as the clusterer
    /// keeps it).
    name: Option<String>,
}

/// Reconciles the mentions of many documents; see the module documentation.
#[derive(Debug)]
pub struct Reconciler<'m> {
    matcher: &'m Matcher,
    documents: usize,
    kept: Vec<Kept<'m>>,
    /// The unlinked names, one clusterer per kind (in [`KINDS`] order).
    unknown: [Clusterer<'static>; 3],
}

impl<'m> Reconciler<'m> {
    /// A reconciler that finds mentions with `matcher` and clusters with default options.
    pub fn new(matcher: &'m Matcher) -> Reconciler<'m> {
        Reconciler::with_options(matcher, ClusterOptions::default())
    }

    /// A reconciler that clusters unlinked names with `options`.
    pub fn with_options(matcher: &'m Matcher, options: ClusterOptions) -> Reconciler<'m> {
        Reconciler {
            matcher,
            documents: 0,
            kept: Vec::new(),
            // The unlinked names are clustered on spelling alone, under the matcher's cap.
            unknown: KINDS.map(|_| {
                let mut c = Clusterer::with_options(None, options);
                c.threads(matcher.threads());
                c
            }),
        }
    }

    /// Finds the mentions of `texts` (on all cores, or as many as the matcher's
    /// [`threads`](crate::MatcherBuilder::threads) allow) and keeps them; returns the numbers
    /// given to the documents (consecutive, from the number of documents added so far).
    /// Add documents in batches to bound memory: only their mentions are kept.
    pub fn add_documents<T: AsRef<str> + Sync>(&mut self, texts: &[T]) -> Range<usize> {
        let first = self.documents;
        for (i, mentions) in self.matcher.find_batch(texts).into_iter().enumerate() {
            self.keep(first + i, &mentions);
        }
        self.documents += texts.len();
        first..self.documents
    }

    /// Keeps the mentions of one document found elsewhere, and returns the number given to
    /// the document (the number of documents added so far).
    ///
    /// This is how a corpus annotated on many machines is reconciled: each worker finds the
    /// mentions of its documents with a matcher built like this one (same gazetteers, same
    /// settings), and the mentions are gathered here, one document at a time, in the
    /// corpus's order. Given the mentions that [`Matcher::find_iter`] finds in a document,
    /// it does exactly what [`Reconciler::add_documents`] does for that document. Only the
    /// span, surface, kind, entity and [`Mention::local`] of each mention are read.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "builtin")] {
    /// use tawfiq::cluster::Reconciler;
    ///
    /// let m = tawfiq::Matcher::builtin();
    /// let docs = ["قال المهندس كمال برهومي إن المشروع تأخر.", "وأكد المهندس كمال برهومى ذلك."];
    /// // Found elsewhere (another thread, process or machine), gathered here in order.
    /// let found = m.find_batch(&docs);
    /// let mut r = Reconciler::new(&m);
    /// for mentions in &found {
    ///     r.add_mentions(mentions);
    /// }
    /// let mut direct = Reconciler::new(&m);
    /// direct.add_documents(&docs);
    /// assert_eq!(r.finish().mentions, direct.finish().mentions);
    /// # }
    /// ```
    pub fn add_mentions(&mut self, mentions: &[Mention<'m, '_>]) -> usize {
        let document = self.documents;
        self.keep(document, mentions);
        self.documents += 1;
        document
    }

    /// Keeps the mentions of one document and counts its unlinked names.
    fn keep(&mut self, document: usize, mentions: &[Mention<'m, '_>]) {
        // The fullest surface of each unknown entity of the document: most words, then
        // most characters, then the smallest string (order-free within the document).
        let mut fullest: HashMap<u32, &str> = HashMap::new();
        for m in mentions.iter().filter(|m| m.entity.is_none()) {
            if let Some(l) = m.local {
                let rank = |s: &str| (s.split_whitespace().count(), s.chars().count());
                fullest
                    .entry(l)
                    .and_modify(|f| {
                        let (a, b) = (rank(m.surface.trim()), rank(f.trim()));
                        if a > b || (a == b && m.surface.trim() < f.trim()) {
                            *f = m.surface;
                        }
                    })
                    .or_insert(m.surface);
            }
        }
        for m in mentions {
            let name = match m.entity {
                Some(_) => None,
                None => {
                    let n = m.local.and_then(|l| fullest.get(&l)).unwrap_or(&m.surface);
                    let n = n.trim();
                    self.unknown[kind_slot(m.kind)].add(n);
                    Some(n.to_string())
                }
            };
            self.kept.push(Kept {
                mention: CorpusMention {
                    document,
                    start: m.start,
                    end: m.end,
                    surface: m.surface.to_string(),
                    kind: m.kind,
                    entity: m.entity.map(CorpusEntity::Known),
                },
                name,
            });
        }
    }

    /// Clusters the unlinked names of every document added and gives each mention its
    /// entity, known or new.
    pub fn finish(mut self) -> Reconciliation<'m> {
        let mut new_entities: Vec<NewEntity> = Vec::new();
        // (kind slot, spelling) → new entity.
        let mut by_name: HashMap<(usize, String), usize> = HashMap::new();
        for (slot, kind) in KINDS.into_iter().enumerate() {
            for c in self.unknown[slot].clusters() {
                let index = new_entities.len();
                for m in &c.members {
                    by_name.insert((slot, m.name.clone()), index);
                }
                let first = |latin: bool| {
                    c.members
                        .iter()
                        .find(|m| is_latin(&m.name) == latin)
                        .map(|m| m.name.clone())
                        .unwrap_or_default()
                };
                let name_ar = if is_latin(&c.canonical) {
                    first(false)
                } else {
                    c.canonical.clone()
                };
                new_entities.push(NewEntity {
                    id: stable_id(kind, &c.canonical),
                    kind,
                    name_en: first(true),
                    name_ar,
                    canonical: c.canonical,
                    names: c.members,
                    count: c.count,
                });
            }
        }
        let mentions = self
            .kept
            .drain(..)
            .map(|k| {
                let mut m = k.mention;
                if let Some(name) = k.name {
                    m.entity = by_name
                        .get(&(kind_slot(m.kind), name))
                        .map(|&i| CorpusEntity::New(i));
                }
                m
            })
            .collect();
        Reconciliation {
            mentions,
            new_entities,
        }
    }
}

/// The place of `kind` in [`KINDS`].
fn kind_slot(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        EntityKind::Organisation => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_ids_are_fixed() {
        // The id is part of the output contract: it must not change between versions.
        let a = stable_id(EntityKind::Person, "كمال برهومي");
        assert_eq!(a, stable_id(EntityKind::Person, "كمال برهومي"));
        assert_ne!(a, stable_id(EntityKind::Organisation, "كمال برهومي"));
        assert_ne!(a, stable_id(EntityKind::Person, "كمال برهومى"));
        // Pinned: the ids in exported gazetteers and in users' data must not change between
        // versions (a changed hash gives every new entity a new id).
        assert_eq!(stable_id(EntityKind::Person, "x"), "new:223f9d256775b3c9");
    }

    #[test]
    fn rows_have_no_stray_tabs_or_lines() {
        let mut out = String::new();
        tsv_row(&mut out, "new:1", EntityKind::Place, "a\tb\nc", "ا", "");
        assert_eq!(out, "new:1\tplace\ta b c\tا\t\n");
    }
}
