//! The words of a text: tokens with their orthographic keys and where each key character
//! came from in the text, typed so that what depends on a key alone is worked out once.

use std::ops::Range;

// Per-text maps hash short keys the text supplies: Fx is several times cheaper than
// SipHash on them, and a text cannot flood maps it only reads through.
use rustc_hash::FxHashMap as HashMap;

use crate::normalize::{Level, normalize_mapped};
use crate::token::{is_joiner, tokens};

/// A word of the text with its orthographic key.
pub(super) struct Word {
    /// Byte offset one past the end of the word in the text.
    pub(super) end: usize,
    /// Range of the word's key in [`Words::keys`].
    pub(super) key: Range<usize>,
    /// Range of the key's characters in [`Words::origins`].
    pub(super) chars: Range<usize>,
    /// Can a name continue from this word to the next one?
    pub(super) joins_next: bool,
}

/// The words of a text and their keys, in shared buffers.
pub(super) struct Words {
    pub(super) words: Vec<Word>,
    pub(super) keys: String,
    /// For each key character, the byte offset in the text of the character behind it.
    pub(super) origins: Vec<usize>,
    /// For each word, its type: words with the same key have the same type. A text repeats
    /// its words (a few hundred keys make up half of any news text), so what the passes
    /// ask of a key alone is worked out once per type.
    pub(super) types: Vec<u32>,
    /// For each type, its first word.
    pub(super) type_words: Vec<usize>,
}

impl Words {
    pub(super) fn new(text: &str) -> Words {
        let mut out = Words {
            words: Vec::new(),
            keys: String::new(),
            origins: Vec::new(),
            types: Vec::new(),
            type_words: Vec::new(),
        };
        let (mut folded, mut map) = (String::new(), Vec::new());
        let mut prev_end: Option<usize> = None;
        for token in tokens(text) {
            folded.clear();
            map.clear();
            normalize_mapped(token.text, Level::Folded, &mut folded, &mut map);
            let (key_start, chars_start) = (out.keys.len(), out.origins.len());
            for (c, &at) in folded.chars().zip(&map) {
                if crate::normalize::is_alphanumeric(c) {
                    out.keys.push(c);
                    out.origins.push(token.start + at);
                }
            }
            if let (Some(last), Some(end)) = (out.words.last_mut(), prev_end) {
                last.joins_next = is_joiner(&text[end..token.start]);
            }
            if out.keys.len() == key_start {
                // Nothing left after folding (a lone accusative alef): the word breaks names.
                if let Some(last) = out.words.last_mut() {
                    last.joins_next = false;
                }
                prev_end = None;
                continue;
            }
            out.words.push(Word {
                end: token.end,
                key: key_start..out.keys.len(),
                chars: chars_start..out.origins.len(),
                joins_next: false,
            });
            prev_end = Some(token.end);
        }
        let mut ids: HashMap<&str, u32> = HashMap::default();
        let mut types = Vec::with_capacity(out.words.len());
        let mut type_words = Vec::new();
        for (w, word) in out.words.iter().enumerate() {
            let id = *ids.entry(&out.keys[word.key.clone()]).or_insert_with(|| {
                type_words.push(w);
                (type_words.len() - 1) as u32
            });
            types.push(id);
        }
        drop(ids);
        (out.types, out.type_words) = (types, type_words);
        out
    }

    /// `f` of each word's key, computed once per type.
    pub(super) fn per_type<T: Clone>(&self, mut f: impl FnMut(&str) -> T) -> Vec<T> {
        let by_type: Vec<T> = self.type_words.iter().map(|&w| f(self.key(w))).collect();
        self.types
            .iter()
            .map(|&t| by_type[t as usize].clone())
            .collect()
    }

    pub(super) fn key(&self, w: usize) -> &str {
        &self.keys[self.words[w].key.clone()]
    }
}
