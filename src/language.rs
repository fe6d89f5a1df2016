//! Language knowledge compiled into every build, with or without the built-in gazetteer:
//! everyday Arabic word frequencies (`data/wordfreq_ar.tsv`, see `data/README.md`).

use std::sync::OnceLock;

use crate::text::image::Bytes;
use crate::text::words::Words;

/// The language image `build.rs` writes.
static LANGUAGE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/language.bin"));

/// The word table, read in place (its directory is parsed on first use).
pub(crate) fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        Words::new(Bytes::from_static(LANGUAGE)).expect("build.rs writes a valid language image")
    })
}

/// The Zipf frequency of a word key (log10 of occurrences per billion words) and whether it
/// is one of the most frequent words (Zipf ≥ 5: function words and the commonest content
/// words); `None` for a word that is not among the frequent Arabic word forms.
pub(crate) fn word_frequency(key: &str) -> Option<(f32, bool)> {
    words().frequency(key)
}

/// The Zipf frequency of a word key, if it is an everyday word.
pub(crate) fn zipf(key: &str) -> Option<f32> {
    word_frequency(key).map(|(z, _)| z)
}

/// What the language knows of a word as written: its everyday frequency and how many
/// person names it is seen in (by its bare key, [`crate::keys::bare_key`]).
pub(crate) fn bare_word(key: &str) -> crate::text::words::BareWord {
    words().bare(key)
}

/// Is `key` one of the most frequent Arabic words?
pub(crate) fn is_frequent_word(key: &str) -> bool {
    word_frequency(key).is_some_and(|(_, frequent)| frequent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words::FREQUENT_ZIPF;

    #[test]
    fn frequent_words_are_the_zipf_5_ones() {
        let mut frequent = 0;
        for (key, (z, f)) in words().iter() {
            assert!((0.0..10.0).contains(&z), "{key}: {z}");
            assert_eq!(is_frequent_word(key), f);
            // Zipf is stored to two decimals: the flag was set on the unrounded value.
            assert!(
                if f {
                    z >= FREQUENT_ZIPF - 0.005
                } else {
                    z <= FREQUENT_ZIPF + 0.005
                },
                "{key}: {z} {f}"
            );
            frequent += usize::from(f);
        }
        assert!(frequent > 100 && is_frequent_word("في"));
        assert!(zipf("قال").is_some() && zipf("شيجينبينغ").is_none());
        // Before folding, the preposition and the name are two words.
        let (ala, ali) = (bare_word("على"), bare_word("علي"));
        assert!(ala.zipf > ali.zipf, "{ala:?} {ali:?}");
        assert!(ali.person > 100 && ala.person < ali.person);
        // Names news quotes are in wordfreq's tail, rarer than everyday words.
        assert!(bare_word("سكورسيزي").zipf.is_some_and(|z| z < 3.0));
        assert_eq!(bare_word("دوغانلي").zipf, None);
    }
}
