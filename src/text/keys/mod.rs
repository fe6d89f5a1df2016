//! Matching keys.
//!
//! The orthographic key of a name is its [`Level::Folded`] normalisation with everything
//! but letters and digits removed: `شي جين بينغ`, `شي جينبينغ` and `شى جين‌بينج`-style
//! spacing variants meet on one key, as do `COVID-19` and `covid 19`.
//!
//! The consonant skeleton of a name written in Arabic script drops what transliteration of
//! foreign names varies most: long vowels, ع and ء, the article, doubled letters, and folds
//! consonants that stand for one foreign sound (see [`skeleton_class`]): `ماسود بيزشكيان` and
//! `مسعود بزشكيان` share `مسد بزشكن`, `جابيف` and `غابويف` share `كبف`.
//!
//! This module depends only on [`crate::text::normalize`] and [`crate::text::token`]: `build.rs`
//! includes all three by path, so the built-in keys are computed by this very code.

pub mod xkey;

use crate::text::normalize::{Level, normalize};
use crate::text::token::tokens;

/// The orthographic key of a name: folded, letters and digits only.
///
/// # Examples
///
/// ```
/// use tawfiq::keys::ortho_key;
///
/// assert_eq!(ortho_key("شي جين بينغ"), ortho_key("شي جينبينغ"));
/// assert_eq!(ortho_key("أوكرانيا"), ortho_key("اوكرانيا"));
/// assert_eq!(ortho_key("COVID-19"), "covid19");
/// ```
pub fn ortho_key(name: &str) -> String {
    word_keys(name).concat()
}

/// The keys of the words of a name, in order; words whose key is empty are left out.
///
/// The orthographic key is their concatenation; the concatenations of the first `k` of them
/// are the points where a longer name can continue.
pub fn word_keys(name: &str) -> Vec<String> {
    tokens(name)
        .map(|t| word_key(t.text))
        .filter(|k| !k.is_empty())
        .collect()
}

/// The key of one token of a name ([`word_keys`] keys each token alone, so a builder may
/// remember the key of a token it has met).
pub fn word_key(token: &str) -> String {
    let mut key = String::with_capacity(token.len());
    push_word_key(token, &mut key);
    key
}

/// Appends the [`word_key`] of `token` to `out`.
pub fn push_word_key(token: &str, out: &mut String) {
    let folded = normalize(token, Level::Folded);
    let keep = crate::text::normalize::is_alphanumeric;
    if folded.chars().all(keep) {
        out.push_str(&folded);
    } else {
        out.extend(folded.chars().filter(|&c| keep(c)));
    }
}

/// The bare key of a word: its [`Level::Bare`] normalisation (harakat and tatweel out,
/// letters as written: `على` and `علي` stay apart), letters and digits only. Everyday words and
/// person-name words are told apart at this level, before folding makes them meet.
pub fn bare_key(word: &str) -> String {
    let mut key = normalize(word, Level::Bare).into_owned();
    key.retain(crate::text::normalize::is_alphanumeric);
    key
}

/// A word key without its definite article (`الجزيره` → `جزيره`), when at least two
/// letters are left: two words that differ only by the article are the same word of a name.
pub fn without_article(word: &str) -> &str {
    word.strip_prefix("\u{0627}\u{0644}")
        .filter(|rest| rest.chars().nth(1).is_some())
        .unwrap_or(word)
}

/// The skeleton class of an Arabic consonant: the letter that stands for every letter
/// Arabic writers use for the same foreign sound. Letters not listed are their own class.
///
/// | class | letters | why |
/// |---|---|---|
/// | ك | ج غ ق ك (گ folds to ك earlier) | /g/ is written ج (Egypt), غ (Levant, Gulf), ق or ك: `جوتيريش` / `غوتيريش` |
/// | ت | ت ط | /t/: `تيانجين` / `طيانجين` |
/// | س | س ص ث | /s/ and /θ/: `سيول` / `صيول` |
/// | ز | ز ذ ظ | /z/ and /ð/ |
/// | د | د ض | /d/ |
/// | ه | ه ح (ة folds to ه earlier) | /h/ |
///
/// Persian letters (پ چ ژ ڤ) are folded to ب ج ز ف by normalisation before this.
pub fn skeleton_class(c: char) -> char {
    match c {
        '\u{062C}' | '\u{063A}' | '\u{0642}' | '\u{0643}' => '\u{0643}', // ج غ ق ك → ك
        '\u{062A}' | '\u{0637}' => '\u{062A}',                           // ت ط → ت
        '\u{0633}' | '\u{0635}' | '\u{062B}' => '\u{0633}',              // س ص ث → س
        '\u{0632}' | '\u{0630}' | '\u{0638}' => '\u{0632}',              // ز ذ ظ → ز
        '\u{062F}' | '\u{0636}' => '\u{062F}',                           // د ض → د
        '\u{0647}' | '\u{062D}' => '\u{0647}',                           // ه ح → ه
        other => other,
    }
}

/// Is `c` (folded) a letter the skeleton drops: a long vowel or its seat (ا و ي) or a
/// guttural that transliteration of foreign names adds and drops freely (ع ء)?
pub fn is_skeleton_vowel(c: char) -> bool {
    matches!(
        c,
        '\u{0627}' | '\u{0648}' | '\u{064A}' | '\u{0639}' | '\u{0621}'
    )
}

/// The consonant skeleton of one folded word (a [`word_keys`] item): the article dropped,
/// long vowels, ع and ء dropped (an initial و or ي is a consonant and stays), confusable
/// consonants folded to their [`skeleton_class`], doubled letters collapsed. Characters
/// outside the Arabic letters (Latin, digits) are kept as they are.
///
/// # Examples
///
/// ```
/// use tawfiq::keys::{skeleton, word_keys};
///
/// let sk = |name: &str| word_keys(name).iter().map(|w| skeleton(w)).collect::<Vec<_>>();
/// assert_eq!(sk("ماسود بيزشكيان"), sk("مسعود بزشكيان"));
/// assert_eq!(sk("جابيف"), sk("غابويف"));
/// assert_eq!(sk("القاهرة"), sk("قاهره"));
/// ```
pub fn skeleton(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    push_skeleton(word, &mut out);
    out
}

/// Appends the [`skeleton`] of `word` to `out`.
pub fn push_skeleton(word: &str, out: &mut String) {
    let body = match word.strip_prefix("\u{0627}\u{0644}") {
        // The article, when something is left after it (`الي` is not ال + ي).
        Some(rest) if rest.chars().count() >= 2 => rest,
        _ => word,
    };
    let mut last = None;
    for (i, c) in body.chars().enumerate() {
        let initial_consonant = i == 0 && matches!(c, '\u{0648}' | '\u{064A}');
        if is_skeleton_vowel(c) && !initial_consonant {
            continue;
        }
        let class = skeleton_class(c);
        if last != Some(class) {
            out.push(class);
            last = Some(class);
        }
    }
}

/// Kind of a blocking key: the skeleton of a whole name.
pub(crate) const BLOCK_WHOLE: u8 = 1;
/// Kind of a blocking key: the skeleton of one word of a multi-word name.
pub(crate) const BLOCK_WORD: u8 = 2;
/// Kind of a blocking key: the cross-script key of a whole name ([`xkey::xkey`]).
pub(crate) const BLOCK_XKEY: u8 = 3;

/// The hash of a blocking key (FNV-1a, salted by the kind). The blocking index stores
/// hashes, not strings: a collision only adds a candidate, which scoring then rejects.
pub(crate) fn block_hash(kind: u8, key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(kind);
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Keys longer than this many characters get no deletion neighbourhood: it would cost time
/// and memory quadratic in the key (a megabyte-long "name" from a broken input file), and no
/// real name is that long.
pub(crate) const MAX_DELETION_CHARS: usize = 64;

/// Calls `f` with `key` and, for keys of two to [`MAX_DELETION_CHARS`] characters, each key
/// one character shorter: the deletion neighbourhood that makes blocking forgive one edit.
pub(crate) fn with_deletions(key: &str, mut f: impl FnMut(&str)) {
    f(key);
    let chars: Vec<(usize, char)> = key.char_indices().take(MAX_DELETION_CHARS + 1).collect();
    if chars.len() < 2 || chars.len() > MAX_DELETION_CHARS {
        return;
    }
    let mut buf = String::with_capacity(key.len());
    for &(at, c) in &chars {
        buf.clear();
        buf.push_str(&key[..at]);
        buf.push_str(&key[at + c.len_utf8()..]);
        f(&buf);
    }
}

/// The skeleton of a whole name: the skeletons of its words, concatenated.
pub fn name_skeleton(name: &str) -> String {
    word_keys(name).iter().map(|w| skeleton(w)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacing_and_spelling_meet() {
        let xi = ortho_key("شي جين بينغ");
        assert_eq!(xi, "شيجينبينغ");
        assert_eq!(ortho_key("شي جينبينغ"), xi);
        assert_eq!(ortho_key("شي جين\u{200C}بينغ"), xi);
        assert_eq!(ortho_key("شِي جِين بِينْغ"), xi);
        assert_eq!(ortho_key("Xi  Jinping"), "xijinping");
        assert_eq!(ortho_key(""), "");
        assert_eq!(
            word_keys("منظمة شنغهاي للتعاون"),
            ["منظمه", "شنغهاي", "للتعاون"]
        );
    }
}
