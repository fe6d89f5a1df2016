//! Each entity's names as mention finding compares them with text, worked out once per
//! matcher, and the foldings a match needed.

use std::sync::OnceLock;

use crate::gazetteer::builtin;
use crate::index::{EntityIdx, Index};
use crate::keys::word_keys;
use crate::mention::Folding;
use crate::normalize::{Level, normalize};

/// One name (or short form) of an entity as the exact pass and the folding labels compare
/// it with text.
#[derive(Debug)]
pub(super) struct NameKey {
    /// The orthographic key: the folded words, joined.
    pub(super) key: String,
    /// The folded words ([`word_keys`]).
    pub(super) words: Vec<String>,
    /// Where the words meet, in characters of `key`.
    pub(super) cuts: Vec<usize>,
    /// The letters and digits of the name at [`Level::Bare`].
    pub(super) bare: String,
}

impl NameKey {
    fn new(name: &str) -> NameKey {
        let words = word_keys(name);
        let mut cuts = Vec::with_capacity(words.len());
        let mut at = 0;
        for w in &words[..words.len().saturating_sub(1)] {
            at += w.chars().count();
            cuts.push(at);
        }
        NameKey {
            key: words.concat(),
            words,
            cuts,
            bare: alnum(&normalize(name, Level::Bare)),
        }
    }
}

/// Every entity's names as [`NameKey`]s, each entity's worked out the first time a text
/// names it and kept for the matcher's life: texts name the same entities again and
/// again, and an entity can have dozens of names.
#[derive(Debug)]
pub(crate) struct NameKeys {
    entities: Vec<OnceLock<Box<[NameKey]>>>,
    /// The entity index of `entities[0]`.
    first: EntityIdx,
}

impl NameKeys {
    /// Room for every entity of `index`, none worked out yet.
    pub fn new(index: &Index) -> NameKeys {
        let first = if index.has_builtin() {
            0
        } else {
            builtin::len() as EntityIdx
        };
        NameKeys {
            entities: (0..index.entities().count())
                .map(|_| OnceLock::new())
                .collect(),
            first,
        }
    }

    /// The names then short forms of entity `e`.
    pub(super) fn of(&self, index: &Index, e: EntityIdx) -> &[NameKey] {
        self.entities[(e - self.first) as usize].get_or_init(|| {
            let entity = index.entity(e);
            entity
                .names()
                .chain(entity.short.iter().map(|s| s.as_ref()))
                .map(NameKey::new)
                .collect()
        })
    }
}

/// The letters and digits of `s`.
pub(super) fn alnum(s: &str) -> String {
    s.chars()
        .filter(|&c| crate::normalize::is_alphanumeric(c))
        .collect()
}

/// What normalisation the match of `surface` to an entity with these names needed.
pub(super) fn foldings(surface: &str, names: &[NameKey]) -> Vec<Folding> {
    let mut folded = Vec::new();
    let clean = normalize(surface, Level::Clean);
    let bare = normalize(&clean, Level::Bare);
    if clean != surface {
        folded.push(Folding::Clean);
    }
    if bare != clean {
        folded.push(Folding::Diacritics);
    }
    let bare = alnum(&bare);
    if !names.iter().any(|n| n.bare == bare) {
        folded.push(Folding::Letters);
    }
    let words = word_keys(surface);
    if !names.iter().any(|n| n.words == words) {
        folded.push(Folding::Spacing);
    }
    folded
}
