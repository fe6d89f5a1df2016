//! Blocking: which pairs of names are compared at all.
//!
//! Every node is filed under a few keys (its consonant skeleton and the skeletons one
//! letter shorter, its words' skeletons, its cross-script key…). Each block keeps its
//! members in a canonical order, by folded name, and every pair of a block of at most
//! [`ClusterOptions::max_block`](super::ClusterOptions::max_block) members is compared; a
//! larger block is not used (a skeleton shared by thousands of names says little).
//!
//! Which pairs a block gives depends only on its members, never on the order they came in:
//! when a block grows past the limit, the pairs found through it before are judged again
//! ([`Blocks::shifted`]).

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::clitic::ARTICLE;
use crate::keys::xkey::xkey;
use crate::keys::{BLOCK_WHOLE, BLOCK_XKEY, block_hash, skeleton, with_deletions};
use crate::resolve::PassThrough;

use super::Node;

/// What a blocking key pairs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum KeyKind {
    /// Whole-name skeletons and folded names: any two names.
    Whole,
    /// The skeleton of a one-word name, or of the first or last word of a longer one: a
    /// one-word name with a longer name (`بوتين`, `فلاديمير بوتين`).
    WordEnd,
    /// The first two words, articles aside: names of different lengths (`منظمة شنغهاي`,
    /// `منظمة شنغهاي للتعاون`).
    Prefix,
    /// Cross-script keys: a Latin name with an Arabic one.
    Cross,
}

impl KeyKind {
    /// Does a block of this kind pair `a` and `b`? Symmetric in the two.
    pub(super) fn pairs(self, a: &Node, b: &Node) -> bool {
        match self {
            KeyKind::Whole => true,
            KeyKind::WordEnd => (a.words.len() == 1) != (b.words.len() == 1),
            KeyKind::Prefix => a.words.len() != b.words.len(),
            KeyKind::Cross => a.latin != b.latin,
        }
    }
}

/// Salts of the block hashes of the kinds [`crate::keys`] does not define.
const BLOCK_WORD_END: u8 = 11;
const BLOCK_PREFIX: u8 = 12;
const BLOCK_SORTED: u8 = 13;

/// The blocking keys of a name given as its folded words, with what each may pair (see
/// [`KeyKind`]), without duplicates. Deletion neighbourhoods (one edit forgiven) are taken
/// for whole skeletons of three letters or more and for cross-script keys; word keys are
/// exact, since a word's blocks are large.
pub(super) fn block_keys(words: &[String]) -> Vec<(u64, KeyKind)> {
    let skeletons: Vec<String> = words.iter().map(|w| skeleton(w)).collect();
    let whole: String = skeletons.concat();
    let mut keys = Vec::new();
    if whole.chars().count() >= 3 {
        with_deletions(&whole, |d| {
            keys.push((block_hash(BLOCK_WHOLE, d), KeyKind::Whole))
        });
    } else if !whole.is_empty() {
        keys.push((block_hash(BLOCK_WHOLE, &whole), KeyKind::Whole));
    }
    if skeletons.len() > 1 {
        // Words in another order (`خوريلسوخ أوخنا` / `أوخنا خورلسوخ`).
        let mut sorted = skeletons.clone();
        sorted.sort();
        let sorted = sorted.concat();
        if sorted.chars().count() >= 3 {
            with_deletions(&sorted, |d| {
                keys.push((block_hash(BLOCK_SORTED, d), KeyKind::Whole))
            });
        }
    }
    let mut ends = vec![skeletons.first(), skeletons.last()];
    ends.dedup();
    for s in ends.into_iter().flatten().filter(|s| !s.is_empty()) {
        keys.push((block_hash(BLOCK_WORD_END, s), KeyKind::WordEnd));
    }
    if words.len() >= 2 {
        let bare = |w: &str| skeleton(w.strip_prefix(ARTICLE).unwrap_or(w));
        let prefix = format!("{} {}", bare(&words[0]), bare(&words[1]));
        keys.push((block_hash(BLOCK_PREFIX, &prefix), KeyKind::Prefix));
    }
    let x = xkey(&words.join(" "));
    if x.chars().count() >= 2 {
        with_deletions(&x, |d| {
            keys.push((block_hash(BLOCK_XKEY, d), KeyKind::Cross))
        });
    }
    if words.len() > 1 {
        // A one-word Latin surname meets an Arabic full name through its end words' keys.
        let mut ends = vec![words.first(), words.last()];
        ends.dedup();
        for w in ends.into_iter().flatten() {
            let x = xkey(w);
            if x.chars().count() >= 2 {
                keys.push((block_hash(BLOCK_XKEY, &x), KeyKind::Cross));
            }
        }
    }
    keys.sort_unstable_by_key(|k| k.0);
    keys.dedup_by_key(|k| k.0);
    keys
}

/// Every block's members, each block in canonical order (by folded name) once
/// [`Blocks::sort`] has run.
#[derive(Debug, Default)]
pub(super) struct Blocks {
    members: HashMap<u64, Vec<u32>, BuildHasherDefault<PassThrough>>,
    /// Blocks given members since the last [`Blocks::sort`].
    touched: Vec<u64>,
}

impl Blocks {
    /// Files `node` under `key` (in canonical order after the next [`Blocks::sort`]).
    pub(super) fn insert(&mut self, key: u64, node: u32) {
        self.members.entry(key).or_default().push(node);
        self.touched.push(key);
    }

    /// Puts the blocks given members since the last call back in canonical order, and
    /// returns them.
    pub(super) fn sort(&mut self, nodes: &[Node]) -> Vec<u64> {
        let mut touched = std::mem::take(&mut self.touched);
        touched.sort_unstable();
        touched.dedup();
        for key in &touched {
            if let Some(members) = self.members.get_mut(key) {
                // The old members are in order already and the new ones at the end: a
                // stable sort merges the two runs in linear time.
                members.sort_by(|&a, &b| nodes[a as usize].key.cmp(&nodes[b as usize].key));
            }
        }
        touched
    }

    /// The members of block `key` compared with node `id` (a member), `id` itself
    /// included: all of them in a block of at most `max_block` members, else none.
    pub(super) fn compared_with(
        &self,
        key: u64,
        _id: u32,
        _nodes: &[Node],
        max_block: usize,
    ) -> &[u32] {
        match self.members.get(&key) {
            Some(members) if members.len() <= max_block => members,
            _ => &[],
        }
    }

    /// The old members of the blocks `touched` compared with other members
    /// ([`Blocks::compared_with`]) no longer as before the members `is_new` came: every old
    /// member of a block that grew past `max_block` (its pairs were compared; now none are).
    pub(super) fn shifted(&self, touched: &[u64], is_new: &[bool], max_block: usize) -> Vec<u32> {
        let mut out = Vec::new();
        for key in touched {
            let Some(members) = self.members.get(key) else {
                continue;
            };
            if members.len() <= max_block {
                continue;
            }
            let new = members.iter().filter(|&&m| is_new[m as usize]).count();
            if members.len() - new <= max_block {
                out.extend(members.iter().filter(|&&m| !is_new[m as usize]));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::word_keys;

    fn keys(name: &str) -> Vec<(u64, KeyKind)> {
        block_keys(&word_keys(name))
    }

    fn share(a: &str, b: &str, kind: KeyKind) -> bool {
        let kb = keys(b);
        keys(a)
            .iter()
            .any(|&(k, ka)| ka == kind && kb.iter().any(|&(l, lb)| l == k && lb == kind))
    }

    macro_rules! blocking {
        ($($a:literal ~ $b:literal : $kind:ident => $yes:literal),* $(,)?) => {$(
            assert_eq!(
                share($a, $b, KeyKind::$kind),
                $yes,
                "help: {} and {} should {}share a {:?} block",
                $a, $b, if $yes { "" } else { "not " }, KeyKind::$kind
            );
        )*};
    }

    #[test]
    fn variants_meet_in_blocks() {
        blocking! {
            "ماسود بيزِشكيان" ~ "مسعود بزشكيان": Whole => true,
            "خُوريلسوخ أوخنا" ~ "أوخنا خورلسوخ": Whole => true,
            "بوتين" ~ "فلاديمير بوتين": WordEnd => true,
            "منظمة شنغهاي" ~ "منظمة شنغهاي للتعاون": Prefix => true,
            "Gabouev" ~ "غابويف": Cross => true,
            "سمرقند" ~ "بوتين": Whole => false,
        }
    }
}
