//! The words of a text: tokens with their orthographic keys and where each key character
//! came from in the text, typed so that what depends on a key alone is worked out once.

use std::ops::Range;

// Per-text maps hash short keys the text supplies: Fx is several times cheaper than
// SipHash on them, and a text cannot flood maps it only reads through.
use rustc_hash::FxHashMap as HashMap;

use crate::normalize::{Level, normalize_mapped};
use crate::token::{is_gap, is_joiner, plain_char, tokens};

/// Texts of at most this many words are sized for a word type a word (see [`Words::new`]).
const SHORT_TEXT_WORDS: usize = 4096;

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

/// Characters below this code point are folded by [`key_table`]: ASCII, Latin-1 and the
/// Arabic block, almost all of Arabic running text.
const TABLE_END: usize = 0x0700;
/// In [`key_table`]: the character leaves nothing in the key (a mark, a tatweel, a sign).
const DROP: char = '\0';
/// In [`key_table`]: the character needs the engine (it decomposes into several, or it is
/// the tanween fath, which decides whether an alef after it is dropped).
const ENGINE: char = '\u{FFFF}';

/// For each character below [`TABLE_END`], what it leaves in a word's key: the folded
/// character, [`DROP`] or [`ENGINE`]. Built once from the engine's own answer for the
/// character alone, which is its answer in any word without a tanween fath: the one rule
/// that looks at a character's neighbours (the accusative alef, dropped after or under a
/// tanween fath) needs one. A word is folded by one look-up a character instead of the
/// rules one by one, and straight into the key: the words of a text are most of the work
/// of reading it.
fn key_table() -> &'static [char; TABLE_END] {
    static TABLE: std::sync::OnceLock<[char; TABLE_END]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [ENGINE; TABLE_END];
        let (mut one, mut folded, mut map) = (String::new(), String::new(), Vec::new());
        for (cp, slot) in table.iter_mut().enumerate() {
            let Some(c) = char::from_u32(cp as u32) else {
                continue;
            };
            if c == crate::normalize::marks::FATHATAN || c == DROP || c == ENGINE {
                continue;
            }
            one.clear();
            one.push(c);
            folded.clear();
            map.clear();
            normalize_mapped(&one, Level::Folded, &mut folded, &mut map);
            let mut chars = folded.chars();
            *slot = match (chars.next(), chars.next()) {
                (None, _) => DROP,
                (Some(f), None) if crate::normalize::is_alphanumeric(f) => f,
                (Some(_), None) => DROP,
                (Some(_), Some(_)) => ENGINE,
            };
        }
        table
    })
}

/// Appends the key characters of `word` (at byte `at` of the text) to `keys` and their
/// offsets to `origins` by [`key_table`], as the engine would; false, with nothing
/// appended, when a character needs the engine.
fn fold_by_table(
    table: &[char; TABLE_END],
    word: &str,
    at: usize,
    keys: &mut String,
    origins: &mut Vec<usize>,
) -> bool {
    let (keys_len, origins_len) = (keys.len(), origins.len());
    for (i, c) in word.char_indices() {
        match table.get(c as usize).copied().unwrap_or(ENGINE) {
            DROP => {}
            ENGINE => {
                keys.truncate(keys_len);
                origins.truncate(origins_len);
                return false;
            }
            f => {
                keys.push(f);
                origins.push(at + i);
            }
        }
    }
    true
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
    /// Whether the text is sports copy, once a pass asked ([`super::exact::is_sports_text`]).
    pub(super) sports: std::cell::OnceCell<bool>,
}

/// Texts larger than this many bytes leave no buffers behind for the next text (see
/// [`Words::recycle`]): buffers of about 25 MB for a text of this size.
const RECYCLED_TEXT_MAX: usize = 1 << 21;
/// Buffers for this many key characters are kept whatever the text …
const RECYCLED_MIN_CHARS: usize = 1 << 12;
/// … and larger ones only while a text uses at least this fraction of them.
const RECYCLED_SLACK: usize = 4;

/// What [`Words::new`] keeps while it reads a text's words.
struct Reader<'t> {
    text: &'t str,
    table: &'static [char; TABLE_END],
    /// Buffers of the engine's fold.
    folded: String,
    map: Vec<usize>,
    /// The end of the last word pushed, unless a word with an empty key came after it.
    prev_end: Option<usize>,
}

impl Reader<'_> {
    /// Appends the key of `word` (at byte `at`) by the engine.
    fn by_engine(&mut self, word: &str, at: usize, out: &mut Words) {
        self.folded.clear();
        self.map.clear();
        normalize_mapped(word, Level::Folded, &mut self.folded, &mut self.map);
        for (c, &o) in self.folded.chars().zip(&self.map) {
            if crate::normalize::is_alphanumeric(c) {
                out.keys.push(c);
                out.origins.push(at + o);
            }
        }
    }

    /// Ends the word `start..end` of the text, whose key was appended from `key_start` and
    /// `chars_start` on.
    fn push(
        &mut self,
        out: &mut Words,
        start: usize,
        end: usize,
        key_start: usize,
        chars_start: usize,
    ) {
        if let (Some(last), Some(prev)) = (out.words.last_mut(), self.prev_end) {
            last.joins_next = is_joiner(&self.text[prev..start]);
        }
        if out.keys.len() == key_start {
            // Nothing left after folding (a lone accusative alef): the word breaks names.
            if let Some(last) = out.words.last_mut() {
                last.joins_next = false;
            }
            self.prev_end = None;
            return;
        }
        out.words.push(Word {
            end,
            key: key_start..out.keys.len(),
            chars: chars_start..out.origins.len(),
            joins_next: false,
        });
        self.prev_end = Some(end);
    }
}

impl Words {
    /// The words of `text`, in `buffers` left by an earlier text ([`Words::recycle`]) or in
    /// new ones.
    pub(super) fn new(text: &str, buffers: Option<Words>) -> Words {
        // Sized for Arabic news, where a word and its space take about 11 bytes and a key
        // character 2: growing these buffers from empty copied them a dozen times.
        let mut out = match buffers {
            Some(mut b) => {
                b.words.clear();
                b.keys.clear();
                b.origins.clear();
                b.types.clear();
                b.type_words.clear();
                b.sports = std::cell::OnceCell::new();
                b
            }
            None => Words {
                words: Vec::with_capacity(text.len() / 8),
                keys: String::with_capacity(text.len()),
                origins: Vec::with_capacity(text.len() / 2),
                types: Vec::new(),
                type_words: Vec::new(),
                sports: std::cell::OnceCell::new(),
            },
        };
        let mut reader = Reader {
            text,
            table: key_table(),
            folded: String::new(),
            map: Vec::new(),
            prev_end: None,
        };
        // Runs between gap bytes (spaces, line breaks). Most are one plain word, folded by
        // table as the scan that finds their end reads them; the rest are split by the
        // tokenizer as it would split them in the whole text (its runs are the same).
        let bytes = text.as_bytes();
        let mut pos = 0;
        while pos < bytes.len() {
            let gap = pos;
            while pos < bytes.len() && is_gap(bytes[pos]) {
                pos += 1;
            }
            if pos == bytes.len() {
                break;
            }
            let start = pos;
            let run = &bytes[start..];
            let (key_start, chars_start) = (out.keys.len(), out.origins.len());
            let mut by_table = true;
            let mut i = 0;
            while let Some(n) = plain_char(run, i) {
                if by_table {
                    let c = match n {
                        1 => usize::from(run[i]),
                        _ => usize::from(run[i] & 0x1F) << 6 | usize::from(run[i + 1] & 0x3F),
                    };
                    match reader.table[c] {
                        DROP => {}
                        ENGINE => by_table = false,
                        f => {
                            out.keys.push(f);
                            out.origins.push(start + i);
                        }
                    }
                }
                i += n;
            }
            let end = start + i;
            if i > 0 && bytes.get(end).is_none_or(|&b| is_gap(b)) {
                if !by_table {
                    out.keys.truncate(key_start);
                    out.origins.truncate(chars_start);
                    reader.by_engine(&text[start..end], start, &mut out);
                }
                reader.push(&mut out, start, end, key_start, chars_start);
                pos = end;
                continue;
            }
            out.keys.truncate(key_start);
            out.origins.truncate(chars_start);
            let mut end = end;
            while end < bytes.len() && !is_gap(bytes[end]) {
                end += 1;
            }
            for token in tokens(&text[gap..end]) {
                let at = gap + token.start;
                let (key_start, chars_start) = (out.keys.len(), out.origins.len());
                if !fold_by_table(
                    reader.table,
                    token.text,
                    at,
                    &mut out.keys,
                    &mut out.origins,
                ) {
                    reader.by_engine(token.text, at, &mut out);
                }
                reader.push(&mut out, at, gap + token.end, key_start, chars_start);
            }
            pos = end;
        }
        // A long text repeats its words (a megabyte of news has a word type for every six
        // words); a paragraph hardly does, and its map must not grow from half its words.
        let n = out.words.len();
        let capacity = if n <= SHORT_TEXT_WORDS { n } else { n / 2 };
        let mut ids: HashMap<&str, u32> =
            HashMap::with_capacity_and_hasher(capacity, Default::default());
        let (mut types, mut type_words) = (
            std::mem::take(&mut out.types),
            std::mem::take(&mut out.type_words),
        );
        types.reserve(out.words.len());
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

    /// `f` of the key of each word type, to be read at word `w` as `[types[w]]`: a value a
    /// word would be a copy of its type's, and copies of every word's took more memory than
    /// the text.
    pub(super) fn per_type<T>(&self, mut f: impl FnMut(&str) -> T) -> Vec<T> {
        self.type_words.iter().map(|&w| f(self.key(w))).collect()
    }

    /// The buffers of these words, for the next text's ([`Words::new`]), unless the text
    /// was too large to keep its buffers' memory for ([`RECYCLED_TEXT_MAX`]). A text's
    /// words take several times its size, and buffers taken anew for each text come as
    /// fresh pages from the system, their price in page faults more than the reading.
    ///
    /// Buffers much larger than this text needed (left by a larger text before it) are
    /// given back to the allocator instead: a memo holds on to what its texts need, not to
    /// what one large text once did.
    pub(super) fn recycle(self, text: &str) -> Option<Words> {
        let used = self.origins.len().max(RECYCLED_MIN_CHARS);
        let oversized = self.origins.capacity() > RECYCLED_SLACK * used;
        (text.len() <= RECYCLED_TEXT_MAX && !oversized).then_some(self)
    }

    pub(super) fn key(&self, w: usize) -> &str {
        &self.keys[self.words[w].key.clone()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words' keys and offsets by the engine alone, character by character.
    fn by_engine(text: &str) -> (String, Vec<usize>) {
        let (mut keys, mut origins) = (String::new(), Vec::new());
        let (mut folded, mut map) = (String::new(), Vec::new());
        for token in tokens(text) {
            folded.clear();
            map.clear();
            normalize_mapped(token.text, Level::Folded, &mut folded, &mut map);
            for (c, &at) in folded.chars().zip(&map) {
                if crate::normalize::is_alphanumeric(c) {
                    keys.push(c);
                    origins.push(token.start + at);
                }
            }
        }
        (keys, origins)
    }

    #[test]
    fn buffers_are_kept_for_texts_of_their_size_only() {
        let long = "قال الرئيس إن الوفد وصل إلى العاصمة. ".repeat(2_000);
        let kept = Words::new(&long, None).recycle(&long);
        assert!(kept.is_some(), "help: a text's buffers serve the next text");
        // The next text reads as it would with new buffers, in the kept ones.
        let short = "وصل شي جين بينغ إلى موسكو";
        let reused = Words::new(short, kept);
        let fresh = Words::new(short, None);
        assert_eq!(
            (
                &reused.keys,
                &reused.origins,
                &reused.types,
                &reused.type_words
            ),
            (&fresh.keys, &fresh.origins, &fresh.types, &fresh.type_words)
        );
        assert!(
            reused.recycle(short).is_none(),
            "help: buffers a much longer text left are given back after a short one"
        );
        let huge = "ا".repeat(RECYCLED_TEXT_MAX + 1);
        assert!(Words::new(&huge, None).recycle(&huge).is_none());
    }

    #[test]
    fn the_table_folds_words_as_the_engine_does() {
        for text in [
            "قالَ الرئيسُ إنّ شيئًا جديدًا حدث في «بكين»، وأكّد ذلك.",
            "شياً شيًّا ٱلله گاندي ڤيينا ۱۴۰۳ Khürelsükh Straße İstanbul ＸＩ",
            "\u{0675}\u{0676} اَ ًا ا ً \u{0651}\u{064B}",
        ] {
            let words = Words::new(text, None);
            assert_eq!(
                (words.keys.clone(), words.origins.clone()),
                by_engine(text),
                "{text}"
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 2048, .. proptest::prelude::ProptestConfig::default()
        })]

        /// The table is a shortcut: every key and offset is the engine's.
        #[test]
        fn the_table_agrees_with_the_engine(text in crate::normalize::tests::folding_texts()) {
            let words = Words::new(&text, None);
            proptest::prop_assert_eq!((words.keys, words.origins), by_engine(&text));
        }
    }
}
