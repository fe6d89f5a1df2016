//! Maps from strings that keep each string once, in one buffer.
//!
//! The alias-table builder keys millions of names, and a hash map from `String` holds each
//! key as an allocation of its own beside a 24-byte slot: at a million aliases, hundreds of
//! megabytes and as many calls to the allocator to make them and to free them. A
//! [`KeyMap`] appends its keys to one string and finds them through [`Positions`]: a hash
//! of each key and its position, confirmed against the key stored there.

use std::collections::hash_map::Entry;
use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};

/// Strings to positions, without a copy of the strings: a 64-bit hash of each and its
/// position; a look-up confirms the string against the one at that position, which the
/// caller reads through `key_of`.
#[derive(Clone, Debug, Default)]
pub struct Positions {
    /// The position of the first string with each hash.
    by_hash: FxHashMap<u64, usize>,
    /// Strings whose hash an earlier one already has, with a copy: correct whatever the
    /// strings, and empty unless two of them collide in 64 bits.
    collided: FxHashMap<Box<str>, usize>,
}

fn hash(key: &str) -> u64 {
    let mut h = FxHasher::default();
    key.hash(&mut h);
    h.finish()
}

impl Positions {
    /// The position of `key`, where `key_of(p)` is the string at position `p` of what
    /// was recorded.
    pub fn get<'a>(&self, key: &str, key_of: impl Fn(usize) -> &'a str) -> Option<usize> {
        let &p = self.by_hash.get(&hash(key))?;
        if key_of(p) == key {
            Some(p)
        } else {
            self.collided.get(key).copied()
        }
    }

    /// The position of `key` and false, or, when it is not recorded, `new` (now recorded
    /// for it) and true: one hash and one probe, where a look-up then an insertion took two
    /// of each (a million of them loading a large gazetteer).
    pub fn get_or_insert<'a>(
        &mut self,
        key: &str,
        new: usize,
        key_of: impl Fn(usize) -> &'a str,
    ) -> (usize, bool) {
        match self.by_hash.entry(hash(key)) {
            Entry::Vacant(slot) => {
                slot.insert(new);
                (new, true)
            }
            Entry::Occupied(slot) if key_of(*slot.get()) == key => (*slot.get(), false),
            Entry::Occupied(_) => match self.collided.get(key) {
                Some(&p) => (p, false),
                None => {
                    self.collided.insert(key.into(), new);
                    (new, true)
                }
            },
        }
    }
}

/// A map from strings to `V`, the keys in one buffer, iterated in the order they were
/// first inserted.
#[derive(Clone, Debug)]
pub struct KeyMap<V> {
    keys: String,
    /// Where each key ends in `keys` (it starts where the one before ends).
    ends: Vec<usize>,
    values: Vec<V>,
    positions: Positions,
}

/// Key `p` of a [`KeyMap`]'s `keys`, ended at `ends`.
fn key_at<'a>(keys: &'a str, ends: &[usize], p: usize) -> &'a str {
    let start = p.checked_sub(1).map_or(0, |q| ends[q]);
    &keys[start..ends[p]]
}

impl<V> Default for KeyMap<V> {
    fn default() -> KeyMap<V> {
        KeyMap {
            keys: String::new(),
            ends: Vec::new(),
            values: Vec::new(),
            positions: Positions::default(),
        }
    }
}

impl<V> KeyMap<V> {
    /// How many keys.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// No key?
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn key(&self, p: usize) -> &str {
        key_at(&self.keys, &self.ends, p)
    }

    fn position(&self, key: &str) -> Option<usize> {
        self.positions.get(key, |p| self.key(p))
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.position(key).map(|p| &self.values[p])
    }

    /// The value of `key`, to change.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.position(key).map(|p| &mut self.values[p])
    }

    /// Is `key` in the map?
    #[cfg(test)]
    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_some()
    }

    /// The value of `key`, inserted as `value()` first when the key is new.
    pub fn get_or_insert_with(&mut self, key: &str, value: impl FnOnce() -> V) -> &mut V {
        let KeyMap {
            keys,
            ends,
            values,
            positions,
        } = self;
        let (p, new) = positions.get_or_insert(key, values.len(), |p| key_at(keys, ends, p));
        if new {
            keys.push_str(key);
            ends.push(keys.len());
            values.push(value());
        }
        &mut values[p]
    }

    /// Each key with its value, in the order the keys were first inserted.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> + '_ {
        (0..self.len()).map(|p| (self.key(p), &self.values[p]))
    }

    /// The keys, in the order they were first inserted.
    pub fn keys(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|p| self.key(p))
    }
}

impl KeyMap<()> {
    /// Adds `key` to the set; true if it was not there.
    pub fn insert_key(&mut self, key: &str) -> bool {
        let before = self.len();
        self.get_or_insert_with(key, || ());
        self.len() > before
    }
}

impl<V> std::ops::Index<&str> for KeyMap<V> {
    type Output = V;

    /// Panics when `key` is not in the map.
    fn index(&self, key: &str) -> &V {
        self.get(key).expect("the key is in the map")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_found_at_their_positions_and_others_are_not() {
        let ids: Vec<String> = (0..5000).map(|i| format!("q{i}")).collect();
        let mut map = Positions::default();
        for (p, id) in ids.iter().enumerate() {
            assert_eq!(map.get(id, |p| &ids[p]), None);
            assert_eq!(map.get_or_insert(id, p, |p| &ids[p]), (p, true));
        }
        for (p, id) in ids.iter().enumerate() {
            assert_eq!(map.get(id, |p| &ids[p]), Some(p));
        }
        assert_eq!(map.get("q5000", |p| &ids[p]), None);
        assert_eq!(map.get("", |p| &ids[p]), None);
    }

    #[test]
    fn strings_with_one_hash_are_told_apart() {
        // A second string forced into the first one's hash slot, as a 64-bit collision
        // would put it.
        let ids = ["first", "second", "third"];
        let mut map = Positions::default();
        map.get_or_insert(ids[0], 0, |p| ids[p]);
        map.by_hash.insert(hash(ids[1]), 0);
        assert_eq!(map.get(ids[1], |p| ids[p]), None);
        map.get_or_insert(ids[1], 1, |p| ids[p]);
        assert_eq!(map.get(ids[0], |p| ids[p]), Some(0));
        assert_eq!(map.get(ids[1], |p| ids[p]), Some(1));
        map.by_hash.insert(hash(ids[2]), 0);
        assert_eq!(map.get(ids[2], |p| ids[p]), None);
        // The same in one probe.
        let more = ["first", "second", "third", "fourth"];
        assert_eq!(map.get_or_insert(more[1], 9, |p| more[p]), (1, false));
        assert_eq!(map.get_or_insert(more[0], 9, |p| more[p]), (0, false));
        assert_eq!(map.get_or_insert(more[2], 2, |p| more[p]), (2, true));
        assert_eq!(map.get(more[2], |p| more[p]), Some(2));
        assert_eq!(map.get_or_insert(more[3], 3, |p| more[p]), (3, true));
        assert_eq!(map.get_or_insert(more[3], 9, |p| more[p]), (3, false));
    }

    #[test]
    fn a_key_map_keeps_values_by_key_and_keys_in_order() {
        let mut map: KeyMap<Vec<u32>> = KeyMap::default();
        let words = ["موسكو", "", "Moscow", "موسكو", "م", "Moscow"];
        for (i, w) in words.iter().enumerate() {
            map.get_or_insert_with(w, Vec::new).push(i as u32);
        }
        assert_eq!(map.len(), 4);
        assert_eq!(map["موسكو"], [0, 3]);
        assert_eq!(map[""], [1]);
        assert_eq!(map["Moscow"], [2, 5]);
        assert_eq!(map.get("موس"), None);
        map.get_mut("م").unwrap().push(9);
        let all: Vec<(&str, &Vec<u32>)> = map.iter().collect();
        assert_eq!(
            all,
            [
                ("موسكو", &vec![0, 3]),
                ("", &vec![1]),
                ("Moscow", &vec![2, 5]),
                ("م", &vec![4, 9])
            ]
        );
        let mut set: KeyMap<()> = KeyMap::default();
        assert!(set.insert_key("a") && set.insert_key("ab") && !set.insert_key("a"));
        assert_eq!(set.keys().collect::<Vec<_>>(), ["a", "ab"]);
    }
}
