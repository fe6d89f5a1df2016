//! Words with byte offsets into the original text.
//!
//! Word boundaries are Unicode's (UAX #29, via `unicode-segmentation`): Arabic diacritics,
//! tatweel and zero-width non-joiners stay inside the word they decorate, punctuation and
//! spaces fall between words. A [`Token`] always slices the caller's `&str` exactly.
//!
//! This module depends only on `unicode-segmentation` and `unicode-normalization`:
//! `build.rs` includes it by path, so
//! gazetteer aliases are split into words exactly as running text is.

use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

/// A word of the original text: `&text[start..end] == text`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'t> {
    /// The word as written, borrowed from the caller's text.
    pub text: &'t str,
    /// Byte offset of the first byte of the word.
    pub start: usize,
    /// Byte offset one past the last byte of the word.
    pub end: usize,
}

/// Iterator over the words of a text, in order. Created by [`tokens`].
///
/// Most of a text is runs of plain Arabic or ASCII letters, digits and harakat between
/// spaces, and each such run is one word under UAX #29: those runs are taken as they are,
/// and only the rest (with the spaces before it, which a leading combining mark belongs
/// to) goes through `unicode-segmentation`. The result is the same as segmenting the whole
/// text (a property test checks it).
#[derive(Clone, Debug)]
pub struct Tokens<'t> {
    text: &'t str,
    /// Where the scan for the next run resumes.
    pos: usize,
    /// Take the plain runs directly (off: segment the whole text).
    fast: bool,
    /// Segments of the region being segmented, and the region's offset in `text`.
    inner: Option<(unicode_segmentation::UWordBoundIndices<'t>, usize)>,
    /// The word segment being split at missing spaces, its offset, and where the next part
    /// starts in it (`None` when the segment is done).
    rest: &'t str,
    rest_start: usize,
    rest_at: Option<usize>,
}

/// Bytes that separate runs: ASCII spaces, tabs and line breaks.
pub(crate) fn is_gap(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t')
}

/// The length in bytes of the character at `run[i..]` when it may continue a plain word
/// begun at `run[0]`, `None` when it may not: an ASCII letter or digit, or an Arabic letter
/// U+0621–U+063A, U+0641–U+064A (`ALetter`, `Numeric`), anywhere; harakat U+064B–U+065F,
/// U+0670 (`Extend`) after the first character. A run of such characters between gaps is
/// one UAX #29 word.
#[inline]
pub(crate) fn plain_char(run: &[u8], i: usize) -> Option<usize> {
    let b = *run.get(i)?;
    if b.is_ascii_alphanumeric() {
        return Some(1);
    }
    let next = *run.get(i + 1)?;
    let letter = matches!((b, next), (0xD8, 0xA1..=0xBA) | (0xD9, 0x81..=0x8A));
    let mark = matches!((b, next), (0xD9, 0x8B..=0x9F) | (0xD9, 0xB0));
    (letter || (mark && i > 0)).then_some(2)
}

/// Is `run` (no gap bytes in it) one plain word ([`plain_char`] throughout)?
fn is_plain_run(run: &[u8]) -> bool {
    !run.is_empty() && plain_prefix(run) == run.len()
}

/// The length of the longest start of `bytes` made of [`plain_char`]s (0 if none): where a
/// run that is one plain word ends, read in the same pass that finds the run's end.
fn plain_prefix(bytes: &[u8]) -> usize {
    let mut i = 0;
    while let Some(n) = plain_char(bytes, i) {
        i += n;
    }
    i
}

/// Opening punctuation that UAX #29 never joins to the word after it: `(`, `[`, `{`,
/// quotes, `«`. The length of the run of them that `run` starts with.
fn head_len(run: &[u8]) -> usize {
    let mut i = 0;
    loop {
        match &run[i..] {
            [b'(' | b'[' | b'{' | b'"' | b'\'', ..] => i += 1,
            [0xC2, 0xAB, ..] => i += 2,
            _ => return i,
        }
    }
}

/// Where the closing punctuation at the end of `run` starts: full stops, commas, colons,
/// question and exclamation marks, brackets, quotes, `»` and the Arabic comma, semicolon
/// and question mark. UAX #29 joins none of them to the word before when only more of them
/// follow (the ones that join, between letters or digits, need a letter or digit after).
fn tail_start(run: &[u8]) -> usize {
    let mut end = run.len();
    loop {
        match &run[..end] {
            [
                ..,
                b'.' | b',' | b':' | b';' | b'!' | b'?' | b')' | b']' | b'}' | b'"' | b'\'',
            ] => end -= 1,
            [.., 0xC2, 0xBB] | [.., 0xD8, 0x8C | 0x9B | 0x9F] => end -= 2,
            _ => return end,
        }
    }
}

impl<'t> Tokens<'t> {
    /// The next word of the region being segmented, if any is left.
    fn next_segmented(&mut self) -> Option<Token<'t>> {
        loop {
            if let Some(start) = self.rest_at {
                let rest = &self.rest[start..];
                match split_point(rest) {
                    Some((end, next)) => {
                        self.rest_at = Some(start + next);
                        let text = &rest[..end];
                        if is_word(text) {
                            let at = self.rest_start + start;
                            return Some(Token {
                                text,
                                start: at,
                                end: at + end,
                            });
                        }
                    }
                    None => {
                        self.rest_at = None;
                        if is_word(rest) {
                            let at = self.rest_start + start;
                            return Some(Token {
                                text: rest,
                                start: at,
                                end: at + rest.len(),
                            });
                        }
                    }
                }
                continue;
            }
            let (inner, offset) = self.inner.as_mut()?;
            let Some((start, segment)) = inner.next() else {
                self.inner = None;
                return None;
            };
            if !is_word(segment) {
                continue;
            }
            self.rest = segment;
            self.rest_start = *offset + start;
            self.rest_at = Some(0);
        }
    }
}

impl<'t> Iterator for Tokens<'t> {
    type Item = Token<'t>;

    fn next(&mut self) -> Option<Token<'t>> {
        loop {
            if let Some(token) = self.next_segmented() {
                return Some(token);
            }
            let bytes = self.text.as_bytes();
            if self.pos >= bytes.len() {
                return None;
            }
            if !self.fast {
                self.inner = Some((self.text.split_word_bound_indices(), 0));
                self.pos = bytes.len();
                continue;
            }
            let gap = self.pos;
            let mut start = gap;
            while start < bytes.len() && is_gap(bytes[start]) {
                start += 1;
            }
            // Most runs are a plain word: read as one while the run is found, and taken as
            // it is when it is (`plain_prefix` reads what `is_plain_run` would accept).
            let mut end = start + plain_prefix(&bytes[start..]);
            if end > start && bytes.get(end).is_none_or(|&b| is_gap(b)) {
                self.pos = end;
                return Some(Token {
                    text: &self.text[start..end],
                    start,
                    end,
                });
            }
            while end < bytes.len() && !is_gap(bytes[end]) {
                end += 1;
            }
            self.pos = end;
            if start == end {
                return None;
            }
            // A plain word, perhaps in brackets or quotes or before a comma or full stop.
            let run = &bytes[start..end];
            let (from, to) = (start + head_len(run), start + tail_start(run));
            if from < to && is_plain_run(&bytes[from..to]) {
                return Some(Token {
                    text: &self.text[from..to],
                    start: from,
                    end: to,
                });
            }
            // Gap bytes are ASCII, so both ends are character boundaries.
            self.inner = Some((self.text[gap..end].split_word_bound_indices(), gap));
        }
    }
}

/// In a word segment, the first full stop or colon written between two Arabic letters with
/// no space (`الشمالية.حليف`): UAX #29 keeps `U.S` together, which is right for Latin
/// abbreviations, but in Arabic such a stop is a missing space. Returns the end of the part
/// before it and the start of the part after it.
fn split_point(segment: &str) -> Option<(usize, usize)> {
    let mut prev_arabic = false;
    let mut chars = segment.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | ':' | '\u{060C}' | '\u{061B}')
            && prev_arabic
            && chars.peek().is_some_and(|&(_, n)| is_arabic_letter(n))
        {
            return Some((i, i + c.len_utf8()));
        }
        // Harakat and tatweel written on a letter keep it the letter before the stop.
        prev_arabic = is_arabic_letter(c)
            || (prev_arabic && matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'));
    }
    None
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

/// The words of `text`: segments between Unicode word boundaries that hold a letter or a
/// digit. Everything else (spaces, punctuation, lone combining marks) lies between tokens.
///
/// # Examples
///
/// ```
/// use tawfiq::token::tokens;
///
/// let text = "قال شي: «الصين‑روسيا».";
/// let words: Vec<&str> = tokens(text).map(|t| t.text).collect();
/// assert_eq!(words, ["قال", "شي", "الصين", "روسيا"]);
/// for t in tokens(text) {
///     assert_eq!(&text[t.start..t.end], t.text);
/// }
/// ```
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens {
        text,
        pos: 0,
        fast: true,
        inner: None,
        rest: "",
        rest_start: 0,
        rest_at: None,
    }
}

/// Does a word-boundary segment hold a word (a letter or a digit)?
///
/// Combining marks do not count, although many Arabic harakat have the Unicode
/// `Alphabetic` property: a lone `ً` is not a word.
pub fn is_word(segment: &str) -> bool {
    segment
        .chars()
        .any(|c| crate::text::normalize::is_alphanumeric(c) && !is_combining_mark(c))
}

/// Can the text between two words sit inside one multi-word name?
///
/// Spaces (with at most one line break), hyphens and invisible characters can: `هونغ كونغ`,
/// `COVID-19`, a name wrapped at the end of a line. Any other punctuation ends a name: a
/// comma, a full stop, a colon, quotes, brackets, a blank line.
pub fn is_joiner(gap: &str) -> bool {
    if gap.is_empty() {
        // Two words with nothing between them can only come from a boundary inside a
        // word-like run (digits after letters); they stay joinable.
        return true;
    }
    let mut newlines = 0;
    for c in gap.chars() {
        match c {
            '\n' => newlines += 1,
            '\r' => {}
            c if c.is_whitespace() => {}
            '-'
            | '\u{2010}'
            | '\u{2011}'
            | '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{061C}'
            | '\u{0640}' => {}
            _ => return false,
        }
    }
    newlines <= 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The words of `text` with every character through `unicode-segmentation`.
    fn segmented(text: &str) -> Vec<Token<'_>> {
        let mut t = tokens(text);
        t.fast = false;
        t.collect()
    }

    /// Characters whose word-break properties meet at run edges: Arabic letters, harakat,
    /// tatweel, joiners, Latin with accents, digits, spaces of several kinds, line breaks,
    /// the punctuation between words and inside numbers and abbreviations, emoji, CJK.
    const ALPHABET: &[char] = &[
        'ب',
        'و',
        'ت',
        'ي',
        'ن',
        'ء',
        'ؤ',
        'ى',
        'ة',
        'پ',
        'ک',
        '\u{0620}',
        '\u{064B}',
        '\u{0651}',
        '\u{0670}',
        '\u{0640}',
        '\u{200C}',
        '\u{200D}',
        '\u{200F}',
        'a',
        'Z',
        'é',
        '\u{0301}',
        '1',
        '٣',
        ' ',
        ' ',
        '\u{00A0}',
        '\n',
        '\r',
        '\t',
        '.',
        ':',
        ',',
        '،',
        '؛',
        '-',
        '\'',
        '"',
        '«',
        '(',
        ')',
        '[',
        '?',
        '!',
        '»',
        '؟',
        '😀',
        '\u{1F1EB}',
        '中',
        '_',
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 8192, .. ProptestConfig::default() })]

        /// Taking plain runs directly gives the words of segmenting the whole text.
        #[test]
        fn plain_runs_segment_like_uax29(chars in proptest::collection::vec(proptest::sample::select(ALPHABET), 0..24)) {
            let text: String = chars.into_iter().collect();
            let fast: Vec<Token<'_>> = tokens(&text).collect();
            prop_assert_eq!(fast, segmented(&text), "{:?}", text);
        }
    }

    fn words(text: &str) -> Vec<&str> {
        tokens(text).map(|t| t.text).collect()
    }

    #[test]
    fn arabic_words_keep_their_marks() {
        assert_eq!(words("لقاء شيًّا وبوتين"), ["لقاء", "شيًّا", "وبوتين"]);
        assert_eq!(
            words("بوتيـــن"),
            ["بوتيـــن"],
            "help: tatweel stays inside the word"
        );
        assert_eq!(
            words("جين\u{200C}بينغ"),
            ["جين\u{200C}بينغ"],
            "help: ZWNJ joins"
        );
    }

    #[test]
    fn punctuation_splits() {
        assert_eq!(
            words("(بوتين)، «شي» قال: نعم؟ 'X'."),
            ["بوتين", "شي", "قال", "نعم", "X"]
        );
        assert_eq!(
            tokens("«شي»،").collect::<Vec<_>>(),
            segmented("«شي»،"),
            "help: brackets, quotes and commas are taken off plain words"
        );
        assert_eq!(words("كوريا الشمالية.حليف"), ["كوريا", "الشمالية", "حليف"]);
        assert_eq!(
            words("قالَ.حليفٌ"),
            ["قالَ", "حليفٌ"],
            "help: a stop after a haraka is still between letters"
        );
        assert_eq!(
            words("U.S. and 3.5"),
            ["U.S", "and", "3.5"],
            "help: Latin abbreviations and numbers stay whole"
        );
        assert_eq!(words("الروسية\u{2011}الصينية"), ["الروسية", "الصينية"]);
        assert_eq!(words("شي جين بينغ ،"), ["شي", "جين", "بينغ"]);
        assert_eq!(words("قال Gabouev."), ["قال", "Gabouev"]);
        assert_eq!(words("COVID-19"), ["COVID", "19"]);
        assert!(words("").is_empty());
        assert!(words("\u{064B}\u{0651} ،.").is_empty());
    }

    #[test]
    fn joiners() {
        assert!(is_joiner(" "));
        assert!(is_joiner("\u{00A0}"));
        assert!(is_joiner("-"));
        assert!(is_joiner(" \n "));
        assert!(!is_joiner("\n\n"), "help: a blank line ends a name");
        assert!(!is_joiner("، "));
        assert!(!is_joiner("."));
    }
}
