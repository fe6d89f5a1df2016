//! Entity ids to positions, without a copy of the ids.
//!
//! A map from `String` ids kept a second copy of every id beside the entities that hold it:
//! at a million entities, a hundred megabytes of small strings and their allocations. This
//! map keeps a 64-bit hash of each id and the position; a look-up confirms the id against
//! the entity at that position, which the caller reads through `id_of`.

use std::collections::hash_map::Entry;
use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};

/// Ids to positions; see the module documentation.
#[derive(Debug, Default)]
pub(crate) struct IdMap {
    /// The position of the first id with each hash.
    by_hash: FxHashMap<u64, usize>,
    /// Ids whose hash an earlier id already has, with a copy of the id: correct whatever
    /// the ids, and empty unless two of them collide in 64 bits.
    collided: FxHashMap<Box<str>, usize>,
}

fn hash(id: &str) -> u64 {
    let mut h = FxHasher::default();
    id.hash(&mut h);
    h.finish()
}

impl IdMap {
    /// The position of `id`, where `id_of(p)` is the id at position `p` of what the map was
    /// filled with.
    pub fn get<'a>(&self, id: &str, id_of: impl Fn(usize) -> &'a str) -> Option<usize> {
        let &p = self.by_hash.get(&hash(id))?;
        if id_of(p) == id {
            Some(p)
        } else {
            self.collided.get(id).copied()
        }
    }

    /// Records `id` at position `p`, for an id [`IdMap::get`] does not find.
    pub fn insert(&mut self, id: &str, p: usize) {
        match self.by_hash.entry(hash(id)) {
            Entry::Vacant(slot) => {
                slot.insert(p);
            }
            Entry::Occupied(_) => {
                self.collided.insert(id.into(), p);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_at_their_positions_and_others_are_not() {
        let ids: Vec<String> = (0..5000).map(|i| format!("q{i}")).collect();
        let mut map = IdMap::default();
        for (p, id) in ids.iter().enumerate() {
            assert_eq!(map.get(id, |p| &ids[p]), None);
            map.insert(id, p);
        }
        for (p, id) in ids.iter().enumerate() {
            assert_eq!(map.get(id, |p| &ids[p]), Some(p));
        }
        assert_eq!(map.get("q5000", |p| &ids[p]), None);
        assert_eq!(map.get("", |p| &ids[p]), None);
    }

    #[test]
    fn ids_with_one_hash_are_told_apart() {
        // Two ids forced into one hash slot, as a 64-bit collision would put them.
        let ids = ["first", "second", "third"];
        let mut map = IdMap::default();
        map.insert(ids[0], 0);
        map.by_hash.insert(hash(ids[1]), 0);
        assert_eq!(map.get(ids[1], |p| ids[p]), None);
        map.insert(ids[1], 1);
        assert_eq!(map.get(ids[0], |p| ids[p]), Some(0));
        assert_eq!(map.get(ids[1], |p| ids[p]), Some(1));
        map.by_hash.insert(hash(ids[2]), 0);
        assert_eq!(map.get(ids[2], |p| ids[p]), None);
    }
}
