//! The built-in gazetteer, compiled from `data/` by `build.rs`.
//!
//! The alias map and the prefix set are static perfect-hash maps: looking a key up costs no
//! start-up work. Entity records are parsed from a static table on first use; their strings
//! borrow from the table, so parsing allocates only the per-entity vectors.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::{Entity, EntityKind};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/builtin.rs"));
}

pub(crate) use generated::{COMMON_FLAG, DEMONYM_FLAG, MAX_WORDS, SHORT_FLAG};

/// The entity records, parsed once.
pub(crate) fn entities() -> &'static [Entity] {
    static ENTITIES: OnceLock<Vec<Entity>> = OnceLock::new();
    ENTITIES.get_or_init(|| {
        let entities: Vec<Entity> = generated::ENTITY_TABLE.lines().map(parse_line).collect();
        debug_assert_eq!(entities.len(), generated::ENTITY_COUNT);
        entities
    })
}

/// The packed targets of an orthographic key: entity index, with [`SHORT_FLAG`] set when
/// the key comes only from a short form of that entity.
pub(crate) fn targets(key: &str) -> &'static [u32] {
    generated::ALIASES.get(key).copied().unwrap_or(&[])
}

/// Can a longer built-in name continue after `key`?
pub(crate) fn is_prefix(key: &str) -> bool {
    generated::PREFIXES.contains(key)
}

/// Is `key` one of the most frequent Arabic words (Zipf ≥ 5: function words and the
/// commonest content words)? Derived from wordfreq (see `data/README.md`).
pub(crate) fn is_frequent_word(key: &str) -> bool {
    word_frequency(key).is_some_and(|(_, frequent)| frequent)
}

/// The Zipf frequency of a word key (log10 of occurrences per billion words), if it is
/// among the frequent Arabic word forms shipped in `data/wordfreq_ar.tsv`.
#[allow(dead_code)] // the priors of the resolution tier use it
pub(crate) fn zipf(key: &str) -> Option<f32> {
    word_frequency(key).map(|(z, _)| z)
}

/// [`zipf`] and [`is_frequent_word`] in one lookup.
pub(crate) fn word_frequency(key: &str) -> Option<(f32, bool)> {
    generated::ZIPF_X100.get(key).map(|&z| {
        let frequent = z & generated::FREQUENT_BIT != 0;
        (f32::from(z & !generated::FREQUENT_BIT) / 100.0, frequent)
    })
}

/// Is `bare` (a word key without its article, [`crate::keys::without_article`]) a word of
/// a built-in name that is also an everyday word (with or without the article)?
pub(crate) fn is_everyday_name_word(bare: &str) -> bool {
    generated::EVERYDAY_NAME_WORDS.contains(bare)
}

fn read_u32(bytes: &[u8], i: usize) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&bytes[i * 4..i * 4 + 4]);
    u32::from_le_bytes(b)
}

fn read_u64(bytes: &[u8], i: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&bytes[i * 8..i * 8 + 8]);
    u64::from_le_bytes(b)
}

/// The entities of the built-in blocking index under a key hash
/// ([`crate::keys::block_hash`]), best prior first. The index is three little-endian arrays
/// written by `build.rs` (sorted key hashes, offsets, entity postings), searched in place:
/// no start-up work.
pub(crate) fn block(hash: u64) -> impl Iterator<Item = u32> {
    let keys = generated::BLOCK_KEYS;
    let n = keys.len() / 8;
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if read_u64(keys, mid) < hash {
            lo = mid + 1
        } else {
            hi = mid
        }
    }
    let range = if lo < n && read_u64(keys, lo) == hash {
        read_u32(generated::BLOCK_OFFSETS, lo) as usize
            ..read_u32(generated::BLOCK_OFFSETS, lo + 1) as usize
    } else {
        0..0
    };
    range.map(|i| read_u32(generated::BLOCK_POSTINGS, i))
}

/// Number of built-in entities, without parsing them.
pub(crate) const fn len() -> usize {
    generated::ENTITY_COUNT
}

fn list(cell: &'static str) -> Vec<Cow<'static, str>> {
    cell.split('|')
        .filter(|s| !s.is_empty())
        .map(Cow::Borrowed)
        .collect()
}

fn optional(cell: &'static str) -> Option<Cow<'static, str>> {
    (!cell.is_empty()).then_some(Cow::Borrowed(cell))
}

/// Parses one line of the generated table. The table is written and validated by
/// `build.rs`, so a malformed line is a broken build invariant.
fn parse_line(line: &'static str) -> Entity {
    let mut cells = line.split('\t');
    let mut next = || cells.next().expect("build.rs writes 11 cells per entity");
    let id = next();
    let kind = match next() {
        "person" => EntityKind::Person,
        "organisation" => EntityKind::Organisation,
        _ => EntityKind::Place,
    };
    let name_ar = next();
    let name_en = next();
    let wikidata = optional(next());
    let country = optional(next());
    let population = next().parse::<u64>().ok().filter(|&p| p > 0);
    let prominence = next().parse::<u8>().unwrap_or(0);
    let aliases = list(next());
    let short = list(next());
    let demonyms = list(next());
    Entity {
        id: Cow::Borrowed(id),
        kind,
        name_ar: Cow::Borrowed(name_ar),
        name_en: Cow::Borrowed(name_en),
        wikidata,
        country,
        population,
        prominence,
        aliases,
        short,
        demonyms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::ortho_key;

    #[test]
    fn keys_are_stored_normalised() {
        for (key, targets) in generated::ALIASES.entries() {
            assert_eq!(
                ortho_key(key),
                *key,
                "help: build.rs stored an unnormalised key"
            );
            assert!(!targets.is_empty());
            for &t in *targets {
                let i = (t & !(SHORT_FLAG | COMMON_FLAG | DEMONYM_FLAG)) as usize;
                assert!(i < generated::ENTITY_COUNT);
            }
        }
        for key in generated::PREFIXES.iter() {
            assert_eq!(ortho_key(key), *key);
        }
    }

    #[test]
    fn frequent_words_are_the_zipf_5_ones() {
        let mut frequent = 0;
        for key in generated::ZIPF_X100.keys() {
            let (z, f) = word_frequency(key).unwrap();
            assert!((0.0..10.0).contains(&z), "{key}: {z}");
            assert_eq!(is_frequent_word(key), f);
            // Zipf is stored to two decimals: the flag was set on the unrounded value.
            assert!(if f { z >= 4.995 } else { z <= 5.005 }, "{key}: {z} {f}");
            frequent += usize::from(f);
        }
        assert!(frequent > 100 && is_frequent_word("في"));
    }

    #[test]
    fn entity_table_parses() {
        assert_eq!(entities().len(), len());
        assert!(entities().iter().all(|e| !e.id.is_empty()));
    }
}
