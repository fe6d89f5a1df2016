//! The binary image: tables written once (by `build.rs` for the built-in gazetteer, at run
//! time for a user gazetteer) and read in place, with no decoding at start-up.
//!
//! An image is a directory of tagged sections. Every integer is little-endian and read with
//! `from_le_bytes`, so a section needs no alignment and `include_bytes!` can hold it.
//!
//! - [`StrTable`]: a set of strings, or a map from strings to a `u32` or to a list of `u32`,
//!   behind a minimal perfect hash (phf's PtrHash: one SipHash-1-3 of the key, one pilot
//!   byte per three keys), each key stored once to confirm a hit;
//! - [`BlockIndex`]: the blocking keys of fuzzy resolution, one [`fst`] map per kind from the
//!   exact key to its entities, searched with an automaton that forgives one deletion on
//!   each side ([`BlockIndexRef::blocks`]);
//! - [`EntityTable`]: the entity records, their strings in one UTF-8 pool.

use std::ops::Range;

use phf_shared::ptrhash::{fast_reduct32, hash_pilot};

use crate::text::keys::{BLOCK_WHOLE, BLOCK_WORD, BLOCK_XKEY, MAX_DELETION_CHARS, with_deletions};

/// The first eight bytes of every image, with the format version.
const MAGIC: &[u8; 8] = b"TAWFIQ\x00\x01";

fn u32_at(bytes: &[u8], i: usize) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&bytes[i * 4..i * 4 + 4]);
    u32::from_le_bytes(b)
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(b)
}

fn push_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A `u32` count or offset of a table being written. Tables over four billion entries are
/// out of reach of every input the crate accepts (names are bounded in length and count).
/// Appends `n` as a LEB128 varint: seven bits a byte, low bits first, the high bit set on
/// every byte but the last.
fn push_varint(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The varint at `at` and the offset after it. Past the end of `bytes`, or on a varint too
/// long for a `usize` (bytes not written by [`push_varint`]), reads as 0 at the end.
fn read_varint(bytes: &[u8], mut at: usize) -> (usize, usize) {
    let mut n = 0usize;
    for shift in (0..usize::BITS).step_by(7) {
        let Some(&b) = bytes.get(at) else {
            return (0, bytes.len());
        };
        at += 1;
        n |= usize::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return (n, at);
        }
    }
    (0, bytes.len())
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("image tables hold fewer than 2^32 entries")
}

/// Bytes of an image: `'static` (compiled in) or shared (built at run time), with the range
/// a view reads. Views hold it instead of a borrow, so a matcher can own the image of its
/// user gazetteer and the views into it.
#[derive(Clone, Debug)]
pub struct Bytes {
    data: Data,
    range: Range<usize>,
}

#[derive(Clone, Debug)]
enum Data {
    Static(&'static [u8]),
    Shared(std::sync::Arc<[u8]>),
}

impl Bytes {
    /// Bytes compiled into the binary.
    pub fn from_static(bytes: &'static [u8]) -> Bytes {
        Bytes {
            range: 0..bytes.len(),
            data: Data::Static(bytes),
        }
    }

    /// Bytes made at run time.
    pub fn from_vec(bytes: Vec<u8>) -> Bytes {
        Bytes {
            range: 0..bytes.len(),
            data: Data::Shared(bytes.into()),
        }
    }

    /// The bytes.
    pub fn as_slice(&self) -> &[u8] {
        let all: &[u8] = match &self.data {
            Data::Static(b) => b,
            Data::Shared(b) => b,
        };
        &all[self.range.clone()]
    }

    /// The bytes, when they are compiled in.
    pub fn as_static(&self) -> Option<&'static [u8]> {
        match self.data {
            Data::Static(b) => Some(&b[self.range.clone()]),
            Data::Shared(_) => None,
        }
    }

    /// A part of these bytes; `None` when `range` is not inside them.
    fn slice(&self, range: Range<usize>) -> Option<Bytes> {
        if range.start > range.end || range.end > self.range.len() {
            return None;
        }
        Some(Bytes {
            data: self.data.clone(),
            range: self.range.start + range.start..self.range.start + range.end,
        })
    }
}

/// Cuts consecutive parts off the front of a byte slice, by length, as ranges.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(bytes: &'a [u8]) -> Cursor<'a> {
        Cursor { bytes, at: 0 }
    }

    fn take(&mut self, n: usize) -> Option<Range<usize>> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len())?;
        let range = self.at..end;
        self.at = end;
        Some(range)
    }

    fn header<const N: usize>(&mut self) -> Option<[usize; N]> {
        let head = &self.bytes[self.take(4 * N)?];
        Some(std::array::from_fn(|i| u32_at(head, i) as usize))
    }

    fn u64(&mut self) -> Option<u64> {
        let range = self.take(8)?;
        Some(u64_at(self.bytes, range.start))
    }

    fn done(&self) -> bool {
        self.at == self.bytes.len()
    }
}

/// Writes an image: sections in the order given, behind a directory.
#[derive(Debug, Default)]
pub struct Writer {
    sections: Vec<(u32, Vec<u8>)>,
}

impl Writer {
    /// An empty image.
    pub fn new() -> Writer {
        Writer::default()
    }

    /// Adds a section.
    pub fn section(&mut self, tag: u32, bytes: Vec<u8>) {
        self.sections.push((tag, bytes));
    }

    /// The image's bytes.
    pub fn finish(self) -> Vec<u8> {
        let dir_len = 8 + 4 + 12 * self.sections.len();
        let total = dir_len + self.sections.iter().map(|s| s.1.len()).sum::<usize>();
        let mut out = Vec::with_capacity(total);
        out.extend_from_slice(MAGIC);
        push_u32(&mut out, to_u32(self.sections.len()));
        let mut at = dir_len;
        for (tag, bytes) in &self.sections {
            push_u32(&mut out, *tag);
            push_u32(&mut out, to_u32(at));
            push_u32(&mut out, to_u32(bytes.len()));
            at += bytes.len();
        }
        for (_, bytes) in self.sections {
            out.extend_from_slice(&bytes);
        }
        out
    }
}

/// An image being read.
#[derive(Clone, Debug)]
pub struct Image {
    bytes: Bytes,
    count: usize,
}

impl Image {
    /// Reads the directory of an image. `None` when the bytes are not an image of this
    /// version.
    pub fn new(bytes: Bytes) -> Option<Image> {
        let mut cursor = Cursor::new(bytes.as_slice());
        if bytes.as_slice().get(cursor.take(8)?)? != MAGIC {
            return None;
        }
        let [count] = cursor.header::<1>()?;
        let image = Image { bytes, count };
        // Every section must lie inside the image.
        for i in 0..count {
            image.entry(i)?;
        }
        Some(image)
    }

    fn entry(&self, i: usize) -> Option<(u32, Bytes)> {
        let dir = self.bytes.as_slice().get(12 + 12 * i..24 + 12 * i)?;
        let (tag, at, len) = (
            u32_at(dir, 0),
            u32_at(dir, 1) as usize,
            u32_at(dir, 2) as usize,
        );
        Some((tag, self.bytes.slice(at..at.checked_add(len)?)?))
    }

    /// The bytes of the section tagged `tag`.
    pub fn section(&self, tag: u32) -> Option<Bytes> {
        (0..self.count)
            .filter_map(|i| self.entry(i))
            .find(|(t, _)| *t == tag)
            .map(|(_, bytes)| bytes)
    }
}

/// What a [`StrTable`] holds besides its keys.
const VALUES_NONE: usize = 0;
const VALUES_U32: usize = 1;
const VALUES_LISTS: usize = 2;

/// The hash of a string table's key under `seed`. Not phf's default, SipHash-1-3: a table
/// is probed for every word of running text at each of its readings, and SipHash was a
/// tenth of finding mentions. The keys of a perfect hash table need no defence against
/// flooding (a probe costs one comparison whatever the keys), only bits that spread: eight
/// bytes at a time, each folded in by the avalanche of MurmurHash3 (a bijection), so that a
/// difference in one word reaches every bit before the next word could cancel it. (A
/// multiply alone carries a difference only upwards, and Arabic keys that differ in one
/// letter then collided by the thousand.)
fn key_hash(key: &[u8], seed: u64) -> u64 {
    let mut h = seed ^ (key.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut chunks = key.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = avalanche(h ^ u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() || key.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = avalanche(h ^ u64::from_le_bytes(word));
    }
    h
}

/// MurmurHash3's finaliser: every input bit flips each output bit with probability near ½.
fn avalanche(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The perfect hash of `keys` (PtrHash, phf_generator's) under [`key_hash`].
fn perfect_hash(keys: &[&str]) -> phf_generator::ptrhash::HashState {
    phf_generator::ptrhash::generate_hash_with_hash_fn(keys, |k, seed| {
        key_hash(k.as_bytes(), *seed)
    })
}

/// Writes a string table: a set, a map to `u32`, or a map to lists of `u32`.
///
/// Layout: `seed: u64`, then `len, pilots, remap, values kind, list items, key bytes` as
/// `u32`s; the pilot bytes; the remap table; the end offset of each slot's key; the values
/// (one per slot, or list starts, one per slot and one more); the list items; the keys.
pub struct StrTable;

impl StrTable {
    /// A set of distinct strings.
    pub fn set(keys: &[&str]) -> Vec<u8> {
        Self::write(keys, VALUES_NONE, 0, |_, _| {})
    }

    /// A map from distinct strings to `u32`s.
    #[cfg_attr(not(test), allow(dead_code))] // build.rs writes the word table with it
    pub fn with_values(entries: &[(&str, u32)]) -> Vec<u8> {
        let keys: Vec<&str> = entries.iter().map(|e| e.0).collect();
        Self::write(&keys, VALUES_U32, 4 * keys.len(), |i, out| {
            push_u32(out, entries[i].1)
        })
    }

    /// A map from distinct strings to lists of `u32`s.
    pub fn with_lists(entries: &[(&str, &[u32])]) -> Vec<u8> {
        let keys: Vec<&str> = entries.iter().map(|e| e.0).collect();
        let items = entries.iter().map(|e| e.1.len()).sum::<usize>();
        Self::write(&keys, VALUES_LISTS, 4 * items, |i, out| {
            out.extend(entries[i].1.iter().flat_map(|v| v.to_le_bytes()))
        })
    }

    /// `value(i, out)` appends entry `i`'s value (or list items) to `out`, `values_len`
    /// bytes for all entries.
    fn write(
        keys: &[&str],
        kind: usize,
        values_len: usize,
        mut value: impl FnMut(usize, &mut Vec<u8>),
    ) -> Vec<u8> {
        let state = perfect_hash(keys);
        // Sized at once: grown by doubling, the parts of a million-key table took up to
        // twice their size, and so did the table they are copied into, at the peak of
        // loading a large gazetteer.
        let mut values = Vec::with_capacity(values_len);
        let mut starts = Vec::with_capacity(4 * (keys.len() + 1));
        let mut key_bytes = Vec::with_capacity(keys.iter().map(|k| k.len()).sum());
        let mut ends = Vec::with_capacity(4 * keys.len());
        for &entry in &state.map {
            key_bytes.extend_from_slice(keys[entry].as_bytes());
            push_u32(&mut ends, to_u32(key_bytes.len()));
            push_u32(&mut starts, to_u32(values.len() / 4));
            value(entry, &mut values);
        }
        push_u32(&mut starts, to_u32(values.len() / 4));
        let lists = if kind == VALUES_LISTS {
            starts.len()
        } else {
            0
        };
        let mut out = Vec::with_capacity(
            8 + 4 * 6
                + state.pilots.len()
                + 4 * state.remap.len()
                + ends.len()
                + lists
                + values.len()
                + key_bytes.len(),
        );
        out.extend_from_slice(&state.seed.to_le_bytes());
        for n in [
            keys.len(),
            state.pilots.len(),
            state.remap.len(),
            kind,
            values.len() / 4,
            key_bytes.len(),
        ] {
            push_u32(&mut out, to_u32(n));
        }
        out.extend_from_slice(&state.pilots);
        state.remap.iter().for_each(|&r| push_u32(&mut out, r));
        out.extend_from_slice(&ends);
        if kind == VALUES_LISTS {
            out.extend_from_slice(&starts);
        }
        out.extend_from_slice(&values);
        out.extend_from_slice(&key_bytes);
        out
    }
}

/// A string table read in place.
#[derive(Clone, Debug)]
pub struct StrTableRef {
    bytes: Bytes,
    seed: u64,
    len: usize,
    pilots: Range<usize>,
    remap: Range<usize>,
    ends: Range<usize>,
    starts: Range<usize>,
    values: Range<usize>,
    keys: Range<usize>,
}

impl StrTableRef {
    /// Reads a table written by [`StrTable`]. `None` when the bytes do not hold one.
    pub fn new(bytes: Bytes) -> Option<StrTableRef> {
        let mut c = Cursor::new(bytes.as_slice());
        let seed = c.u64()?;
        let [len, pilots, remap, kind, items, key_bytes] = c.header::<6>()?;
        let table = StrTableRef {
            seed,
            len,
            pilots: c.take(pilots)?,
            remap: c.take(4 * remap)?,
            ends: c.take(4 * len)?,
            starts: c.take(if kind == VALUES_LISTS {
                4 * (len + 1)
            } else {
                0
            })?,
            values: c.take(4 * items)?,
            keys: c.take(key_bytes)?,
            bytes: bytes.clone(),
        };
        // Only the layout is checked here, in constant time: images are written by this
        // module (at build time or in this process), and every read is bounds-checked.
        let values_fit = match kind {
            VALUES_NONE => items == 0,
            VALUES_U32 => items == len,
            VALUES_LISTS => true,
            _ => false,
        };
        (c.done() && values_fit && (len == 0 || pilots > 0)).then_some(table)
    }

    /// Do every key and list lie inside the table, and every remapped slot too?
    #[cfg(test)]
    pub fn is_consistent(&self) -> bool {
        let keys = self.keys.len();
        let items = self.values.len() / 4;
        let starts = self.part(&self.starts);
        let remap = self.part(&self.remap);
        (0..self.len).all(|i| self.key_range(i).is_some_and(|r| r.end <= keys))
            && (0..starts.len() / 4).all(|i| u32_at(starts, i) as usize <= items)
            && (0..remap.len() / 4).all(|i| (u32_at(remap, i) as usize) < self.len.max(1))
    }

    /// Number of keys.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.len
    }

    fn part(&self, range: &Range<usize>) -> &[u8] {
        &self.bytes.as_slice()[range.clone()]
    }

    fn key_range(&self, slot: usize) -> Option<Range<usize>> {
        let ends = self.part(&self.ends);
        let start = if slot == 0 {
            0
        } else {
            u32_at(ends, slot - 1) as usize
        };
        let end = u32_at(ends, slot) as usize;
        (start <= end).then_some(start..end)
    }

    /// The key in `slot`.
    #[cfg(test)]
    pub fn key(&self, slot: usize) -> &str {
        let range = self.key_range(slot).unwrap_or(0..0);
        std::str::from_utf8(&self.part(&self.keys)[range]).unwrap_or_default()
    }

    /// The slot of `key`, if the table holds it.
    pub fn get(&self, key: &str) -> Option<usize> {
        if self.len == 0 {
            return None;
        }
        // phf_shared's `ptrhash::get_index`, with the pilots and the remap table read in
        // place (tested against it below).
        let hash = key_hash(key.as_bytes(), self.seed);
        let (pilots, remap) = (self.part(&self.pilots), self.part(&self.remap));
        let bucket = fast_reduct32(hash as u32, pilots.len() as u32) as usize;
        let pilot = hash_pilot(self.seed, pilots[bucket]);
        let index = fast_reduct32(
            (hash >> 32) as u32 ^ (pilot >> 32) as u32 ^ pilot as u32,
            (self.len + remap.len() / 4) as u32,
        ) as usize;
        let slot = if index < self.len {
            index
        } else {
            u32_at(remap, index - self.len) as usize
        };
        let range = self.key_range(slot)?;
        (self.part(&self.keys).get(range)? == key.as_bytes()).then_some(slot)
    }

    /// The `u32` value in `slot` of a map to `u32`s.
    pub fn value(&self, slot: usize) -> u32 {
        u32_at(self.part(&self.values), slot)
    }

    /// The list in `slot` of a map to lists.
    pub fn list(&self, slot: usize) -> impl Iterator<Item = u32> + '_ {
        let starts = self.part(&self.starts);
        let values = self.part(&self.values);
        let range = u32_at(starts, slot) as usize..u32_at(starts, slot + 1) as usize;
        range.map(move |i| u32_at(values, i))
    }
}

/// Writes the blocking index: for each of three kinds, an [`fst::Map`] from exact keys to
/// their postings; the postings (entity ranks, ascending); the entity of each rank; and a
/// Bloom filter of deletion neighbourhoods ([`is_filtered`]) that rules most queries out
/// without walking a map.
///
/// Layout: `ranks, rank width (2 or 4 bytes), fst lengths ×3, postings, filter words` as
/// `u32`s; the rank table (`u32` entity per rank); the three maps; the postings; the filter.
/// A map's value is the first posting of the key shifted left by 24 bits, plus its count.
pub struct BlockIndex;

/// The blocks [`BlockIndex::write`] takes: per kind, (key, entity ranks ascending), sorted
/// by key.
pub type SortedBlocks<'a> = [KindBlocks<'a>; 3];

/// The blocks of one kind, keys in the order given (sorted, for [`BlockIndex::write`]), the
/// ranks of every key in one vector: a vector for each of millions of keys was as many
/// allocations, for a list most often of one.
#[derive(Clone, Debug, Default)]
pub struct KindBlocks<'a> {
    keys: Vec<(&'a str, std::ops::Range<usize>)>,
    ranks: Vec<u32>,
}

impl<'a> KindBlocks<'a> {
    /// Adds `key`, after every key added so far, with `ranks` (sorted and deduplicated
    /// here).
    pub fn push(&mut self, key: &'a str, ranks: impl IntoIterator<Item = u32>) {
        let start = self.ranks.len();
        self.ranks.extend(ranks);
        let added = &mut self.ranks[start..];
        added.sort_unstable();
        let mut kept = start;
        for i in start..self.ranks.len() {
            if kept == start || self.ranks[i] != self.ranks[kept - 1] {
                self.ranks[kept] = self.ranks[i];
                kept += 1;
            }
        }
        self.ranks.truncate(kept);
        self.keys.push((key, start..kept));
    }

    /// Each key with its ranks, in the order added.
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, &[u32])> + '_ {
        self.keys
            .iter()
            .map(|(key, range)| (*key, &self.ranks[range.clone()]))
    }

    /// Room for `keys` more keys.
    pub fn reserve(&mut self, keys: usize) {
        self.keys.reserve_exact(keys);
    }
}

/// Bits of an fst value that hold a key's posting count.
const COUNT_BITS: u32 = 24;

impl BlockIndex {
    /// `order`: the entity of each rank; `blocks`: per kind, (key, ranks ascending) sorted by
    /// key.
    pub fn write(order: &[u32], blocks: &SortedBlocks<'_>) -> Vec<u8> {
        let width = if order.len() <= 1 << 16 { 2 } else { 4 };
        // Each kind's first posting, so that the kinds can be written apart, each on a
        // thread of its own, and joined.
        let mut first = [0u64; 3];
        for k in 1..3 {
            let kept: u64 = blocks[k - 1]
                .iter()
                .map(|(_, r)| kept(r).len() as u64)
                .sum();
            first[k] = first[k - 1] + kept;
        }
        let mut parts: Vec<KindPart> = std::thread::scope(|scope| {
            let threads: Vec<_> = (0..3)
                .map(|slot| {
                    scope.spawn(move || write_kind(slot, &blocks[slot], first[slot], width))
                })
                .collect();
            threads
                .into_iter()
                .map(|t| t.join().expect("writing a blocking kind does not panic"))
                .collect()
        });
        let count = first[2] + parts[2].count;
        // Sized by the hashes with their repeats (a skeleton shared by many names repeats
        // its neighbourhood): a little more room than needed, for no sort of millions. Each
        // kind sets its hashes' bits in a filter of its own, on its thread, and the three
        // are or-ed: setting millions of bits at random was a fiftieth of a second a 100k
        // aliases on one thread after the others.
        let blocks = Bloom::blocks(parts.iter().map(|p| p.filtered.len()).sum());
        let bits: Vec<Vec<u64>> = std::thread::scope(|scope| {
            let threads: Vec<_> = parts
                .iter_mut()
                .map(|part| {
                    // Each kind's hashes freed as soon as they are set.
                    let hashes = std::mem::take(&mut part.filtered);
                    scope.spawn(move || Bloom::bits(&hashes, blocks))
                })
                .collect();
            threads
                .into_iter()
                .map(|t| t.join().expect("setting bits does not panic"))
                .collect()
        });
        let filter = Bloom::or(bits);
        // The parts copied once, into an image sized at once.
        let parts_len: usize = parts.iter().map(|p| p.map.len() + p.postings.len()).sum();
        let mut out = Vec::with_capacity(4 * 7 + 4 * order.len() + parts_len + filter.len());
        let maps: Vec<usize> = parts.iter().map(|p| p.map.len()).collect();
        for n in [order.len(), width, maps[0], maps[1], maps[2]] {
            push_u32(&mut out, to_u32(n));
        }
        push_u32(&mut out, to_u32(count as usize));
        push_u32(&mut out, to_u32(filter.len() / 8));
        order.iter().for_each(|&e| push_u32(&mut out, e));
        parts.iter().for_each(|p| out.extend_from_slice(&p.map));
        for part in parts {
            out.extend_from_slice(&part.postings);
        }
        out.extend_from_slice(&filter);
        out
    }
}

/// The blocking kinds, in the order of the maps.
const KINDS: [u8; 3] = [BLOCK_WHOLE, BLOCK_WORD, BLOCK_XKEY];

/// The ranks of a key that are stored: a key's best-ranked entities are all a query can use
/// (blocks are cut to a few hundred), so more than 2^24 − 1 are not.
fn kept(ranks: &[u32]) -> &[u32] {
    &ranks[..ranks.len().min((1 << COUNT_BITS) - 1)]
}

/// What [`BlockIndex::write`] writes of one kind.
struct KindPart {
    /// The fst map of the kind's keys.
    map: Vec<u8>,
    /// The postings of its keys, in key order.
    postings: Vec<u8>,
    /// How many postings.
    count: u64,
    /// The Bloom filter hashes of its keys and their neighbourhoods.
    filtered: Vec<u64>,
}

/// Writes the keys of kind `slot` (sorted, distinct), their postings numbered from `first`.
fn write_kind(slot: usize, keys: &KindBlocks<'_>, first: u64, width: usize) -> KindPart {
    let kind = KINDS[slot];
    let mut map = fst::MapBuilder::memory();
    let mut postings = Vec::new();
    // Room for the hashes it will have: grown by doubling, they took up to twice their
    // size, at a million aliases a hundred megabytes more at the peak of loading.
    let hashes = keys
        .iter()
        .map(|(key, _)| {
            let mut n = 1;
            deletions(kind, key, |_, _, _| n += 2);
            n
        })
        .sum();
    let mut filtered = Vec::with_capacity(hashes);
    let mut count = 0u64;
    for (key, ranks) in keys.iter() {
        let kept = kept(ranks);
        map.insert(key, ((first + count) << COUNT_BITS) | kept.len() as u64)
            .expect("the keys of a kind are sorted and distinct");
        for &r in kept {
            postings.extend_from_slice(&r.to_le_bytes()[..width]);
        }
        count += kept.len() as u64;
        filtered.push(Poly::new(kind).feed(key.as_bytes()).finish());
        deletions(kind, key, |at, b, a| {
            filtered.push(Poly::new(kind | SHORTER).feed(b).feed(a).finish());
            filtered.push(Poly::at(kind, at).feed(b).feed(a).finish());
        });
    }
    debug_assert_eq!(filtered.len(), hashes);
    KindPart {
        map: map.into_inner().expect("writing to memory cannot fail"),
        postings,
        count,
        filtered,
    }
}

/// Calls `f(at, before, after)` for each key one character shorter than `key`, a key of
/// `kind`, that the Bloom filter holds ([`is_filtered`]): the character at byte `at`
/// deleted, with the bytes before and after it.
fn deletions(kind: u8, key: &str, mut f: impl FnMut(usize, &[u8], &[u8])) {
    let chars = key.chars().count();
    if (2..=MAX_DELETION_CHARS).contains(&chars) {
        let bytes = key.as_bytes();
        for (at, c) in key.char_indices() {
            let (b, a) = (&bytes[..at], &bytes[at + c.len_utf8()..]);
            if is_filtered(kind, &[b, a]) {
                f(at, b, a);
            }
        }
    }
}

/// Does the Bloom filter hold the keys one character shorter than this kind's keys that `d`
/// could be? It holds those of every cross-script key and of every skeleton written in
/// Arabic script, but not of Latin skeletons: the Latin alternate names of GeoNames places
/// would make it ten times larger, and running Arabic text rarely asks for them. (It holds
/// every stored key itself.)
/// `d` is given as the parts it is written in.
fn is_filtered(kind: u8, d: &[&[u8]]) -> bool {
    kind == BLOCK_XKEY || d.iter().any(|part| !part.is_ascii())
}

/// Salt of the hash of a key one character shorter than a stored key (the hash of a stored
/// key itself is salted by its kind alone).
const SHORTER: u8 = 0x80;
/// Salt of the hash of a key one character shorter than a stored key, with the byte offset
/// where the character was: a walk looks for the characters to insert only where the filter
/// says one may be missing.
const SHORTER_AT: u8 = 0x40;

/// A polynomial hash over bytes (each byte plus one, times powers of an odd constant, mod
/// 2^64), salted by a kind and finished with the splitmix64 finaliser: the hashes of the
/// Bloom filter. Polynomial, so that the hash of a key with one character inserted is
/// worked out from the hashes of its two sides in constant time while walking a map.
#[derive(Clone, Copy)]
struct Poly(u64);

/// The base of [`Poly`].
const POLY_BASE: u64 = 0x9E37_79B9_7F4A_7C15;

impl Poly {
    fn new(salt: u8) -> Poly {
        Poly(u64::from(salt) + 1)
    }

    /// The start of the hash of a key one character shorter than a stored key of `kind`,
    /// the character missing at byte offset `at`.
    fn at(kind: u8, at: usize) -> Poly {
        Poly::new(kind | SHORTER_AT).feed(&(at as u32).to_le_bytes())
    }

    fn feed(mut self, bytes: &[u8]) -> Poly {
        for &b in bytes {
            self.0 = self
                .0
                .wrapping_mul(POLY_BASE)
                .wrapping_add(u64::from(b) + 1);
        }
        self
    }

    /// `self` followed by bytes of length `len` whose unsalted hash is `tail`.
    fn join(self, tail: u64, len: usize) -> Poly {
        Poly(
            self.0
                .wrapping_mul(POLY_BASE.wrapping_pow(len as u32))
                .wrapping_add(tail),
        )
    }

    fn finish(self) -> u64 {
        let mut h = self.0;
        h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        h ^ (h >> 31)
    }
}

/// A split-block Bloom filter: one 512-bit block per key, one bit set in each of its eight
/// words, about twelve bits per key (false positives about 0.3 %).
struct Bloom;

/// Bits of filter per key.
const BLOOM_BITS_PER_KEY: usize = 12;

impl Bloom {
    /// The number of 512-bit blocks of a filter of `hashes` hashes.
    fn blocks(hashes: usize) -> usize {
        (hashes * BLOOM_BITS_PER_KEY).div_ceil(512).max(1)
    }

    /// The words of a filter of `blocks` blocks holding `hashes`.
    fn bits(hashes: &[u64], blocks: usize) -> Vec<u64> {
        let mut words = vec![0u64; blocks * 8];
        for &h in hashes {
            let (block, bits) = Bloom::place(h, blocks);
            for (j, bit) in bits.iter().enumerate() {
                words[block * 8 + j] |= bit;
            }
        }
        words
    }

    /// The filter holding the hashes of all of `parts` (words of filters of one size), as
    /// bytes.
    fn or(parts: Vec<Vec<u64>>) -> Vec<u8> {
        let mut parts = parts.into_iter();
        let mut words = parts.next().unwrap_or_default();
        for part in parts {
            words.iter_mut().zip(part).for_each(|(w, p)| *w |= p);
        }
        let mut out = Vec::with_capacity(words.len() * 8);
        words
            .iter()
            .for_each(|w| out.extend_from_slice(&w.to_le_bytes()));
        out
    }

    /// The block of a hash and the bit it sets in each of the block's words.
    fn place(h: u64, blocks: usize) -> (usize, [u64; 8]) {
        let block = (((h >> 32) * blocks as u64) >> 32) as usize;
        (
            block,
            std::array::from_fn(|j| 1u64 << ((h >> (6 * j)) & 63)),
        )
    }

    /// May the filter `words` (little-endian `u64`s) hold the hash?
    fn contains(words: &[u8], h: u64) -> bool {
        let blocks = words.len() / 64;
        if blocks == 0 {
            return true;
        }
        let (block, bits) = Bloom::place(h, blocks);
        bits.iter()
            .enumerate()
            .all(|(j, bit)| u64_at(words, (block * 8 + j) * 8) & bit != 0)
    }
}

/// The blocking index read in place.
#[derive(Clone, Debug)]
pub struct BlockIndexRef {
    bytes: Bytes,
    order: Range<usize>,
    width: usize,
    maps: [Range<usize>; 3],
    postings: Range<usize>,
    filter: Range<usize>,
}

impl BlockIndexRef {
    /// Reads an index written by [`BlockIndex::write`]. `None` when the bytes do not hold
    /// one.
    pub fn new(bytes: Bytes) -> Option<BlockIndexRef> {
        let mut c = Cursor::new(bytes.as_slice());
        let [ranks, width, m0, m1, m2, count, filter] = c.header::<7>()?;
        if width != 2 && width != 4 {
            return None;
        }
        let index = BlockIndexRef {
            order: c.take(4 * ranks)?,
            width,
            maps: [c.take(m0)?, c.take(m1)?, c.take(m2)?],
            postings: c.take(width * count)?,
            filter: c.take(8 * filter)?,
            bytes: bytes.clone(),
        };
        let b = bytes.as_slice();
        let maps_ok = index
            .maps
            .iter()
            .all(|m| fst::raw::Fst::new(&b[m.clone()]).is_ok());
        (c.done() && maps_ok).then_some(index)
    }

    fn fst(&self, kind: u8) -> fst::raw::Fst<&[u8]> {
        let slot = KINDS.iter().position(|&k| k == kind).unwrap_or(2);
        let bytes = &self.bytes.as_slice()[self.maps[slot].clone()];
        fst::raw::Fst::new(bytes).expect("checked when the index was read")
    }

    /// The ranks of a key's postings, at most `limit`.
    fn ranks(&self, value: u64, limit: usize) -> impl Iterator<Item = u32> + '_ {
        let (start, count) = (
            (value >> COUNT_BITS) as usize,
            (value & ((1 << COUNT_BITS) - 1)) as usize,
        );
        let postings = &self.bytes.as_slice()[self.postings.clone()];
        let width = self.width;
        (start..start + count.min(limit)).map(move |i| {
            let mut b = [0u8; 4];
            b[..width].copy_from_slice(&postings[i * width..(i + 1) * width]);
            u32::from_le_bytes(b)
        })
    }

    /// Calls `f` with the value of every key of `kind` whose deletion neighbourhood holds
    /// `d`: `d` itself, and `d` with one character inserted (a key of 2 to
    /// [`MAX_DELETION_CHARS`] characters), each once.
    fn keys_around(&self, kind: u8, d: &str, values: &mut Vec<u64>) {
        values.clear();
        let filter = &self.bytes.as_slice()[self.filter.clone()];
        let stored = |hash: Poly| Bloom::contains(filter, hash.finish());
        let fst = self.fst(kind);
        if stored(Poly::new(kind).feed(d.as_bytes())) {
            if let Some(out) = fst.get(d) {
                values.push(out.value());
            }
        }
        let chars = d.chars().count();
        let filtered = is_filtered(kind, &[d.as_bytes()]);
        let shorter = !filtered || stored(Poly::new(kind | SHORTER).feed(d.as_bytes()));
        if !shorter || !(1..MAX_DELETION_CHARS).contains(&chars) {
            return;
        }
        // Walk `d`; at each character boundary, every character the map continues with is
        // a possible insertion: the key it would make is looked up in the filter first, and
        // only keys the filter may hold are followed to the end. `tails[i]` is the unsalted
        // hash of `d[i..]`.
        let d = d.as_bytes();
        let mut tails = vec![0u64; d.len() + 1];
        for i in (0..d.len()).rev() {
            tails[i] = Poly(0).feed(&[d[i]]).join(tails[i + 1], d.len() - i - 1).0;
        }
        let mut node = fst.root();
        let mut out = fst::raw::Output::zero();
        let mut prefix = Poly::new(kind);
        for i in 0..=d.len() {
            let (rest, tail) = (&d[i..], tails[i]);
            if is_boundary(d, i) && (!filtered || stored(Poly::at(kind, i).feed(d))) {
                for t in node.transitions() {
                    let after = prefix.feed(&[t.inp]);
                    match char_len(t.inp) {
                        _ if is_continuation(t.inp) => {}
                        1 => {
                            if stored(after.join(tail, rest.len())) {
                                let child = fst.node(t.addr);
                                inserted(&fst, child, out.cat(t.out), 0, rest, values);
                            }
                        }
                        2 => {
                            let lead = fst.node(t.addr);
                            for t2 in lead.transitions().filter(|t2| is_continuation(t2.inp)) {
                                if stored(after.feed(&[t2.inp]).join(tail, rest.len())) {
                                    let child = fst.node(t2.addr);
                                    let out = out.cat(t.out).cat(t2.out);
                                    inserted(&fst, child, out, 0, rest, values);
                                }
                            }
                        }
                        n => {
                            // Three- and four-byte characters are rare in keys: followed
                            // without the filter.
                            let child = fst.node(t.addr);
                            inserted(&fst, child, out.cat(t.out), n - 1, rest, values);
                        }
                    }
                }
            }
            if i == d.len() {
                break;
            }
            let Some(j) = node.find_input(d[i]) else {
                break;
            };
            let t = node.transition(j);
            out = out.cat(t.out);
            node = fst.node(t.addr);
            prefix = prefix.feed(&[d[i]]);
        }
        // A run of equal characters gives one key by insertion at several places.
        values.sort_unstable();
        values.dedup();
    }

    /// The blocks of `query`: for each key of `neighbours` (keys in the deletion
    /// neighbourhood of `query`: itself or one character shorter), the entities with a key
    /// of `kind` whose deletion neighbourhood holds it, best prior first, at most `limit`.
    /// Calls `f` once per neighbour, in order, empty blocks included.
    ///
    /// Two keys within one substitution, insertion, deletion or transposition of each other
    /// meet in some block: this is the deletion-neighbourhood blocking of SymSpell, with only
    /// the exact keys stored and the neighbourhood walked in the map.
    pub fn blocks(&self, kind: u8, neighbours: &[String], limit: usize, mut f: impl FnMut(&[u32])) {
        let order = &self.bytes.as_slice()[self.order.clone()];
        let mut values = Vec::new();
        let mut ranks: Vec<u32> = Vec::new();
        let mut entities: Vec<u32> = Vec::new();
        let mut lists = Vec::new();
        for d in neighbours {
            self.keys_around(kind, d, &mut values);
            entities.clear();
            if let [value] = values[..] {
                entities.extend(self.ranks(value, limit).map(|r| u32_at(order, r as usize)));
            } else if !values.is_empty() {
                // Each key's ranks are ascending: merge the keys' lists lazily (a heap of
                // their heads), each rank once, until the block is full. A skeleton shared
                // by many names may be one deletion from dozens of keys of hundreds of
                // entities each; only about `limit` postings are read.
                ranks.clear();
                let mut heads = std::collections::BinaryHeap::new();
                for &v in &values {
                    let mut list = self.ranks(v, limit);
                    if let Some(r) = list.next() {
                        heads.push(std::cmp::Reverse((r, lists.len())));
                    }
                    lists.push(list);
                }
                while let Some(std::cmp::Reverse((r, i))) = heads.pop() {
                    if ranks.last() != Some(&r) {
                        if ranks.len() == limit {
                            break;
                        }
                        ranks.push(r);
                    }
                    if let Some(next) = lists[i].next() {
                        heads.push(std::cmp::Reverse((next, i)));
                    }
                }
                lists.clear();
                entities.extend(ranks.iter().map(|&r| u32_at(order, r as usize)));
            }
            f(&entities);
        }
    }

    /// Is any block of `query` ([`BlockIndexRef::blocks`], over its whole neighbourhood)
    /// non-empty?
    pub fn any(&self, kind: u8, query: &str) -> bool {
        let mut values = Vec::new();
        let mut found = false;
        with_deletions(query, |d| {
            if !found {
                self.keys_around(kind, d, &mut values);
                found = !values.is_empty();
            }
        });
        found
    }

    /// The entity of each rank, and per kind each key's ranks (for tests).
    #[cfg(all(test, feature = "builtin"))]
    pub fn to_blocks(&self) -> (Vec<u32>, [std::collections::BTreeMap<String, Vec<u32>>; 3]) {
        use fst::Streamer;
        let order = &self.bytes.as_slice()[self.order.clone()];
        let order = (0..order.len() / 4).map(|r| u32_at(order, r)).collect();
        let blocks = KINDS.map(|kind| {
            let mut out = std::collections::BTreeMap::new();
            let fst = self.fst(kind);
            let mut stream = fst.stream();
            while let Some((key, value)) = stream.next() {
                let key = String::from_utf8_lossy(key).into_owned();
                out.insert(key, self.ranks(value.value(), usize::MAX).collect());
            }
            out
        });
        (order, blocks)
    }
}

/// Completes a character inserted in a key (`pending` continuation bytes still to read
/// from `node`), then reads `rest` exactly: pushes the value of every key reached.
fn inserted(
    fst: &fst::raw::Fst<&[u8]>,
    node: fst::raw::Node<'_>,
    out: fst::raw::Output,
    pending: usize,
    rest: &[u8],
    values: &mut Vec<u64>,
) {
    if pending > 0 {
        for t in node.transitions().filter(|t| is_continuation(t.inp)) {
            inserted(
                fst,
                fst.node(t.addr),
                out.cat(t.out),
                pending - 1,
                rest,
                values,
            );
        }
        return;
    }
    let (mut node, mut out) = (node, out);
    for &b in rest {
        let Some(j) = node.find_input(b) else {
            return;
        };
        let t = node.transition(j);
        out = out.cat(t.out);
        node = fst.node(t.addr);
    }
    if node.is_final() {
        values.push(out.cat(node.final_output()).value());
    }
}

/// Is `b` a UTF-8 continuation byte?
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Is `at` the start of a character of the UTF-8 `bytes` (or their end)?
fn is_boundary(bytes: &[u8], at: usize) -> bool {
    bytes.get(at).is_none_or(|&b| !is_continuation(b))
}

/// The length of the UTF-8 character whose first byte is `lead`.
fn char_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Writes the entity table of the built-in gazetteer.
///
/// Layout: `entities, pool bytes` as `u32`s; a 16-byte record per entity (kind,
/// prominence, numbers of aliases, short forms and demonyms, population); the pool. An
/// entity's strings follow those of the entity before it: id, Arabic name, English name,
/// Wikidata QID, country, aliases, short forms, demonyms (empty strings for absent values),
/// each behind its length in bytes as a LEB128 varint. The table is only ever read in
/// order, and most strings are shorter than 128 bytes: one byte of length each rather than
/// a four-byte offset saves about 1.4 MB of the built-in image (half a million strings).
#[cfg_attr(not(test), allow(dead_code))] // written by build.rs
pub struct EntityTable;

/// Image section tag of the entity table.
pub const ENTITIES: u32 = 0x30;

/// One entity of an [`EntityTable`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EntityRecord<'a> {
    /// Stable id.
    pub id: &'a str,
    /// 0 person, 1 place, 2 organisation.
    pub kind: u8,
    /// Canonical Arabic name.
    pub name_ar: &'a str,
    /// Canonical English name.
    pub name_en: &'a str,
    /// Wikidata QID, or empty.
    pub wikidata: &'a str,
    /// ISO country code, or empty.
    pub country: &'a str,
    /// Population, 0 when unknown.
    pub population: u64,
    /// Prominence 1–5, 0 when unknown.
    pub prominence: u8,
    /// Other full names.
    pub aliases: Vec<&'a str>,
    /// Short forms.
    pub short: Vec<&'a str>,
    /// Demonym bases and forms.
    pub demonyms: Vec<&'a str>,
}

#[cfg_attr(not(test), allow(dead_code))]
impl EntityTable {
    /// The table of `records`.
    pub fn write(records: &[EntityRecord<'_>]) -> Vec<u8> {
        let mut head = Vec::new();
        let mut pool = Vec::new();
        for r in records {
            head.push(r.kind);
            head.push(r.prominence);
            for n in [r.aliases.len(), r.short.len(), r.demonyms.len()] {
                head.extend_from_slice(&u16::try_from(n).unwrap_or(u16::MAX).to_le_bytes());
            }
            head.extend_from_slice(&r.population.to_le_bytes());
            let fixed = [r.id, r.name_ar, r.name_en, r.wikidata, r.country];
            let lists = r.aliases.iter().chain(&r.short).chain(&r.demonyms);
            let counts = [r.aliases.len(), r.short.len(), r.demonyms.len()];
            let kept = lists.take(counts.iter().map(|&n| n.min(u16::MAX as usize)).sum());
            for s in fixed.into_iter().chain(kept.copied()) {
                push_varint(&mut pool, s.len());
                pool.extend_from_slice(s.as_bytes());
            }
        }
        let mut out = Vec::new();
        for n in [records.len(), pool.len()] {
            push_u32(&mut out, to_u32(n));
        }
        out.extend_from_slice(&head);
        out.extend_from_slice(&pool);
        out
    }
}

/// An entity table read in place.
#[derive(Clone, Copy, Debug)]
pub struct EntityTableRef<'a> {
    count: usize,
    head: &'a [u8],
    pool: &'a [u8],
}

impl<'a> EntityTableRef<'a> {
    /// Reads a table written by [`EntityTable::write`]. `None` when the bytes do not hold
    /// one.
    pub fn new(bytes: &'a [u8]) -> Option<EntityTableRef<'a>> {
        let mut c = Cursor::new(bytes);
        let [count, pool] = c.header::<2>()?;
        let table = EntityTableRef {
            count,
            head: &bytes[c.take(16 * count)?],
            pool: &bytes[c.take(pool)?],
        };
        c.done().then_some(table)
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.count
    }

    /// The records, in order. A string that does not fit the pool or is not UTF-8 (a table
    /// not written by [`EntityTable::write`]) reads as empty.
    pub fn records(&self) -> impl Iterator<Item = EntityRecord<'a>> + 'a {
        let table = *self;
        let mut at = 0usize;
        (0..self.count).map(move |i| {
            let h = &table.head[16 * i..16 * i + 16];
            let n = |at: usize| u16::from_le_bytes([h[at], h[at + 1]]) as usize;
            let (aliases, short, demonyms) = (n(2), n(4), n(6));
            let mut string = || {
                let (len, start) = read_varint(table.pool, at);
                let end = start.saturating_add(len).min(table.pool.len());
                at = end;
                let bytes = table.pool.get(start..end).unwrap_or_default();
                std::str::from_utf8(bytes).unwrap_or_default()
            };
            let mut record = EntityRecord {
                id: string(),
                kind: h[0],
                name_ar: string(),
                name_en: string(),
                wikidata: string(),
                country: string(),
                population: u64_at(h, 8),
                prominence: h[1],
                ..EntityRecord::default()
            };
            record.aliases = (0..aliases).map(|_| string()).collect();
            record.short = (0..short).map(|_| string()).collect();
            record.demonyms = (0..demonyms).map(|_| string()).collect();
            record
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn varints_read_back_and_bad_ones_read_as_empty() {
        let values = [
            0usize,
            1,
            127,
            128,
            300,
            16_383,
            16_384,
            u32::MAX as usize,
            usize::MAX,
        ];
        let mut bytes = Vec::new();
        values.iter().for_each(|&v| push_varint(&mut bytes, v));
        let mut at = 0;
        for &v in &values {
            let (n, next) = read_varint(&bytes, at);
            assert_eq!(n, v);
            at = next;
        }
        assert_eq!(at, bytes.len());
        assert_eq!(read_varint(&bytes, bytes.len()), (0, bytes.len()));
        // Cut short, or longer than a usize: nothing is read and nothing panics.
        assert_eq!(read_varint(&[0x80, 0x80], 0), (0, 2));
        assert_eq!(read_varint(&[0xff; 20], 0), (0, 20));
    }

    #[test]
    fn string_tables_find_every_key_and_nothing_else() {
        for n in [0usize, 1, 2, 3, 10, 1000] {
            let owned: Vec<String> = (0..n).map(|i| format!("مفتاح{i}")).collect();
            let keys: Vec<&str> = owned.iter().map(String::as_str).collect();
            let entries: Vec<(&str, u32)> = keys.iter().map(|&k| (k, k.len() as u32)).collect();
            let bytes = StrTable::with_values(&entries);
            let table = StrTableRef::new(Bytes::from_vec(bytes.clone())).expect("a table");
            assert_eq!(table.len(), n);
            for (k, v) in &entries {
                let slot = table.get(k).expect("help: a stored key is missing");
                assert_eq!(table.key(slot), *k);
                assert_eq!(table.value(slot), *v);
            }
            for absent in ["", "مفتاح", "x", "مفتاح1000000"] {
                assert_eq!(table.get(absent), None, "{absent}");
            }
        }
    }

    /// Keys that differ in a letter or two, as the words of a language do, get distinct
    /// hashes under any seed: 27,000 words of seven Arabic letters (two words of eight
    /// bytes; `الاجازه` and `الاشاره` collided under a multiply-only hash), under three
    /// seeds.
    #[test]
    fn words_a_letter_apart_do_not_share_a_hash() {
        let letters: Vec<char> = ('\u{0627}'..='\u{063A}')
            .chain('\u{0641}'..='\u{064A}')
            .collect();
        let letters = &letters[..30];
        for seed in [0, 1, 0xdead_beef_u64 << 17] {
            let mut seen = std::collections::HashSet::new();
            for a in letters {
                for b in letters {
                    for c in letters {
                        let key = format!("الا{a}{b}{c}ه");
                        assert!(seen.insert(key_hash(key.as_bytes(), seed)), "{key}");
                    }
                }
            }
            assert_ne!(key_hash(b"", seed), key_hash(b"\0", seed));
        }
    }

    #[test]
    fn lookups_agree_with_phf_shared() {
        let owned: Vec<String> = (0..5000).map(|i| format!("k{i}")).collect();
        let keys: Vec<&str> = owned.iter().map(String::as_str).collect();
        let state = perfect_hash(&keys);
        let bytes = StrTable::set(&keys);
        let table = StrTableRef::new(Bytes::from_vec(bytes.clone())).unwrap();
        for k in &keys {
            let hash = key_hash(k.as_bytes(), state.seed);
            let index = phf_shared::ptrhash::get_index(
                state.seed,
                hash,
                &state.pilots,
                &state.remap,
                keys.len(),
            );
            assert_eq!(table.get(k), Some(index as usize));
        }
    }

    #[test]
    fn lists_round_trip() {
        let entries: Vec<(&str, &[u32])> = vec![("a", &[1, 2, 3]), ("b", &[]), ("ج", &[7])];
        let bytes = StrTable::with_lists(&entries);
        let table = StrTableRef::new(Bytes::from_vec(bytes.clone())).unwrap();
        for (k, list) in &entries {
            let got: Vec<u32> = table.list(table.get(k).unwrap()).collect();
            assert_eq!(got, *list);
        }
    }

    #[test]
    fn malformed_bytes_are_refused() {
        let bytes = StrTable::set(&["a", "b"]);
        for cut in 0..bytes.len() {
            let table = StrTableRef::new(Bytes::from_vec(bytes[..cut].to_vec()));
            assert!(table.is_none(), "cut at {cut}");
        }
        assert!(
            StrTableRef::new(Bytes::from_vec(bytes))
                .unwrap()
                .is_consistent()
        );
        assert!(Image::new(Bytes::from_static(b"not an image")).is_none());
        assert!(EntityTableRef::new(&[1, 0, 0]).is_none());
    }

    /// The neighbourhood of a key: itself and, for 2..=64 characters, each deletion.
    fn neighbourhood(key: &str) -> Vec<String> {
        let mut out = Vec::new();
        with_deletions(key, |d| out.push(d.to_string()));
        out
    }

    /// Blocks found by the automaton equal those of a brute-force deletion index.
    #[test]
    fn blocks_match_a_deletion_index() {
        let keys = [
            "كبف",
            "كبوف",
            "بف",
            "مسدبزشكن",
            "مسدبزشك",
            "ab",
            "abc",
            "bca",
            "aé",
            "é",
            "ééé",
            "شيجينبينغ",
            "x",
            "aaaa",
            "aaa",
            "中文",
            "中文字",
        ];
        let mut sorted: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
        for (i, k) in keys.iter().enumerate() {
            sorted.insert(k, vec![i as u32]);
        }
        let mut blocks = SortedBlocks::default();
        for (k, ranks) in sorted {
            blocks[0].push(k, ranks);
        }
        let order: Vec<u32> = (0..keys.len() as u32).map(|r| 100 + r).collect();
        let bytes = BlockIndex::write(&order, &blocks);
        let index = BlockIndexRef::new(Bytes::from_vec(bytes)).unwrap();
        let queries = keys
            .iter()
            .copied()
            .chain(["كف", "بوف", "abd", "cab", "aéé", "", "z"]);
        for q in queries {
            let mut expected: Vec<Vec<u32>> = Vec::new();
            let mut seen = Vec::new();
            with_deletions(q, |d| {
                if seen.contains(&d.to_string()) {
                    return;
                }
                seen.push(d.to_string());
                let block: Vec<u32> = keys
                    .iter()
                    .enumerate()
                    .filter(|(_, k)| neighbourhood(k).iter().any(|n| n == d))
                    .map(|(i, _)| 100 + i as u32)
                    .collect();
                expected.push(block);
            });
            let mut got: Vec<Vec<u32>> = Vec::new();
            index.blocks(BLOCK_WHOLE, &seen, 100, |b| got.push(b.to_vec()));
            assert_eq!(got, expected, "query {q:?}");
            let any = expected.iter().any(|b| !b.is_empty());
            assert_eq!(index.any(BLOCK_WHOLE, q), any, "query {q:?}");
        }
    }

    #[test]
    fn entity_records_round_trip() {
        let records = vec![
            EntityRecord {
                id: "a",
                kind: 2,
                name_ar: "أ",
                name_en: "A",
                population: 12,
                prominence: 3,
                aliases: vec!["x", "y"],
                demonyms: vec!["ي"],
                ..EntityRecord::default()
            },
            EntityRecord {
                id: "b",
                wikidata: "Q1",
                country: "CN",
                short: vec!["بي"],
                ..EntityRecord::default()
            },
        ];
        let bytes = EntityTable::write(&records);
        let table = EntityTableRef::new(&bytes).unwrap();
        assert_eq!(table.records().collect::<Vec<_>>(), records);
    }
}
