//! Blocking: which pairs of names are compared at all.
//!
//! Every node is filed under a few keys (its consonant skeleton and the skeletons one
//! letter shorter, its words' skeletons, its cross-script key…). Each block keeps its
//! members in a canonical order, by folded name. Every pair of a block of at most
//! [`ClusterOptions::max_block`](super::ClusterOptions::max_block) members is compared; in a
//! larger block, a node is compared with the `max_block / 2` members on either side of it in
//! that order (its *band*). A growing block so costs at most `max_block` comparisons per
//! name and still finds pairs: a block that was skipped once it grew past the limit merged
//! nothing at all (200 spellings of one skeleton made 29 clusters, 250 made 250).
//!
//! Which pairs a block gives depends only on its members, never on the order they came in;
//! when new members shift a band, the clusterer compares again the members whose band
//! changed ([`Blocks::shifted`]).

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
    /// included: all of them in a block of at most `max_block` members, else the
    /// [`half_band`] members on either side of `id` in canonical order.
    pub(super) fn compared_with(
        &self,
        key: u64,
        id: u32,
        nodes: &[Node],
        max_block: usize,
    ) -> &[u32] {
        let Some(members) = self.members.get(&key) else {
            return &[];
        };
        if members.len() <= max_block {
            return members;
        }
        // Members are sorted by key and keys are unique: a binary search finds the node.
        let k = &nodes[id as usize].key;
        let at = members
            .binary_search_by(|&m| nodes[m as usize].key.cmp(k))
            .unwrap_or_else(|i| i);
        let half = half_band(max_block);
        &members[at.saturating_sub(half)..(at + half + 1).min(members.len())]
    }

    /// The old members of the blocks `touched` whose band ([`Blocks::compared_with`])
    /// changed when the members `is_new` came:
    ///
    /// - every old member of a block that grew past `max_block` (all its pairs were
    ///   compared; now only bands are);
    /// - in a block past `max_block` already, the old members within [`half_band`] places
    ///   of a new member: two old members that were in each other's band and no longer are
    ///   have a new member between them, and the nearest such is within that many places
    ///   of each. Every other pair of old members is in a band as before.
    pub(super) fn shifted(&self, touched: &[u64], is_new: &[bool], max_block: usize) -> Vec<u32> {
        let half = half_band(max_block);
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
                continue;
            }
            // Distance to the nearest new member on the left, then on the right.
            let mut near = vec![usize::MAX; members.len()];
            let mut last: Option<usize> = None;
            for (i, &m) in members.iter().enumerate() {
                if is_new[m as usize] {
                    last = Some(i);
                }
                if let Some(l) = last {
                    near[i] = i - l;
                }
            }
            let mut next: Option<usize> = None;
            for (i, &m) in members.iter().enumerate().rev() {
                if is_new[m as usize] {
                    next = Some(i);
                }
                if let Some(r) = next {
                    near[i] = near[i].min(r - i);
                }
            }
            out.extend(
                members
                    .iter()
                    .zip(&near)
                    .filter(|&(&m, &d)| !is_new[m as usize] && d <= half)
                    .map(|(&m, _)| m),
            );
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// How many members on either side of a node it is compared with in a block of more than
/// `max_block`: `max_block` comparisons per node and block in all, as many as a full block
/// of the largest size compared in full gives.
pub(super) fn half_band(max_block: usize) -> usize {
    (max_block / 2).max(1)
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

    /// The pairs of old members one block compares (both ways, as `pairs_of` reads them).
    fn banded_pairs(b: &Blocks, nodes: &[Node], old: u32, max_block: usize) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        for id in 0..old {
            for &o in b.compared_with(0, id, nodes, max_block) {
                if o < old && o != id {
                    out.push((id.min(o), id.max(o)));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Every old pair that a block compared before new members came and no longer compares
    /// has both its members in `shifted`: the clusterer compares them again and drops the
    /// pair. (Insertions never make a pair compared that was not.)
    #[test]
    fn shifted_names_every_member_whose_band_changed() {
        let names: Vec<String> = (0..40)
            .map(|i| format!("name{:02}", (i * 17) % 40))
            .collect();
        let nodes: Vec<Node> = names.iter().map(|n| Node::new(n, word_keys(n))).collect();
        let mut left = 0;
        for max_block in [2, 4, 7, 10, 30] {
            for (old, new) in [(3u32, 37u32), (9, 1), (12, 2), (12, 28), (25, 1), (25, 4)] {
                let mut b = Blocks::default();
                for id in 0..old {
                    b.insert(0, id);
                }
                b.sort(&nodes);
                let before = banded_pairs(&b, &nodes, old, max_block);
                for id in old..old + new {
                    b.insert(0, id);
                }
                let touched = b.sort(&nodes);
                let is_new: Vec<bool> = (0..nodes.len() as u32).map(|i| i >= old).collect();
                let shifted = b.shifted(&touched, &is_new, max_block);
                let after = banded_pairs(&b, &nodes, old, max_block);
                for pair in &after {
                    assert!(
                        before.contains(pair),
                        "help: {pair:?} compared only after insertion (max_block {max_block})"
                    );
                }
                for &(x, y) in before.iter().filter(|p| !after.contains(p)) {
                    assert!(
                        shifted.contains(&x) && shifted.contains(&y),
                        "help: {x} and {y} left each other's band but are not both shifted \
                         (max_block {max_block}, {old} old members)"
                    );
                }
                left += before.iter().filter(|p| !after.contains(p)).count();
            }
        }
        assert!(
            left > 0,
            "help: no pair left a band: the test tests nothing"
        );
    }
}
