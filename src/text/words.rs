//! Everyday Arabic words: the Zipf frequency of each word key (wordfreq, `data/wordfreq_ar.tsv`)
//! and whether it is one of the most frequent words, as one table of the language image.
//!
//! Running text asks both of most of its words, so they share one perfect-hash probe: the
//! value is the Zipf frequency × 100 with [`FREQUENT_BIT`] set for the most frequent words.

use std::collections::HashMap;

use crate::text::image::{Bytes, Image, StrTable, StrTableRef, Writer};

/// Words at least this frequent (Zipf) are function words and the most common content
/// words; a name split or joined differently than in the gazetteer may not cut through one.
#[cfg_attr(not(test), allow(dead_code))]
pub const FREQUENT_ZIPF: f32 = 5.0;
/// Set in a word's value when its Zipf frequency is at least [`FREQUENT_ZIPF`] (Zipf × 100
/// stays below 1,000).
const FREQUENT_BIT: u32 = 1 << 15;
/// Image section tag of the table.
const ZIPF: u32 = 0x20;
/// Image section tag of the bare-word table.
const BARE: u32 = 0x21;
/// The person-name count of a bare word is stored above these bits, the Zipf frequency
/// (× 100) below.
const COUNT_SHIFT: u32 = 16;

/// The language image of `frequencies` (word key → Zipf frequency) and `bare` (bare key →
/// Zipf frequency, person-name count).
#[allow(dead_code)] // build.rs writes it
pub fn image(frequencies: &HashMap<String, f32>, bare: &HashMap<String, (f32, u32)>) -> Vec<u8> {
    let mut entries: Vec<(&str, u32)> = frequencies
        .iter()
        .map(|(key, &z)| {
            let flag = if z >= FREQUENT_ZIPF { FREQUENT_BIT } else { 0 };
            (key.as_str(), (z * 100.0).round() as u32 | flag)
        })
        .collect();
    // The perfect hash depends on the order of the keys: sorted, the image is the same on
    // every build.
    entries.sort_unstable();
    let mut image = Writer::new();
    image.section(ZIPF, StrTable::with_values(&entries));
    let mut bare: Vec<(&str, u32)> = bare
        .iter()
        .map(|(key, &(z, count))| {
            let count = count.min(u32::from(u16::MAX));
            (
                key.as_str(),
                (z * 100.0).round() as u32 | count << COUNT_SHIFT,
            )
        })
        .collect();
    bare.sort_unstable();
    image.section(BARE, StrTable::with_values(&bare));
    image.finish()
}

/// What the language knows of a word as written (its bare key).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BareWord {
    /// Its Zipf frequency as an everyday word, if it is one.
    pub zipf: Option<f32>,
    /// In how many person names (of the name lists in `data/person_tokens_ar.tsv`) it is
    /// seen, capped at 65,535.
    pub person: u32,
}

/// The word table of a language image, read in place.
#[derive(Clone, Debug)]
pub struct Words {
    table: StrTableRef,
    bare: StrTableRef,
}

impl Words {
    /// Reads the word table of an image written by [`image`].
    pub fn new(bytes: Bytes) -> Option<Words> {
        let image = Image::new(bytes)?;
        let table = StrTableRef::new(image.section(ZIPF)?)?;
        let bare = StrTableRef::new(image.section(BARE)?)?;
        Some(Words { table, bare })
    }

    /// What is known of a word by its bare key ([`crate::text::keys::bare_key`]).
    pub fn bare(&self, key: &str) -> BareWord {
        self.bare.get(key).map_or(BareWord::default(), |slot| {
            let v = self.bare.value(slot);
            let z = v & ((1 << COUNT_SHIFT) - 1);
            BareWord {
                zipf: (z > 0).then(|| z as f32 / 100.0),
                person: v >> COUNT_SHIFT,
            }
        })
    }

    /// The Zipf frequency of a word key, and whether it is one of the most frequent words;
    /// `None` for a word that is not an everyday word.
    pub fn frequency(&self, key: &str) -> Option<(f32, bool)> {
        self.table.get(key).map(|slot| {
            let v = self.table.value(slot);
            ((v & !FREQUENT_BIT) as f32 / 100.0, v & FREQUENT_BIT != 0)
        })
    }

    /// Every word key with its frequency (for tests).
    #[cfg(test)]
    pub fn iter(&self) -> impl Iterator<Item = (&str, (f32, bool))> + '_ {
        (0..self.table.len()).map(move |slot| {
            let key = self.table.key(slot);
            (key, self.frequency(key).unwrap_or_default())
        })
    }
}
