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
#[derive(Clone, Debug)]
pub struct Tokens<'t> {
    inner: unicode_segmentation::UWordBoundIndices<'t>,
    /// The word segment being split at missing spaces, its offset, and where the next part
    /// starts in it (`None` when the segment is done).
    rest: &'t str,
    rest_start: usize,
    rest_at: Option<usize>,
}

impl<'t> Iterator for Tokens<'t> {
    type Item = Token<'t>;

    fn next(&mut self) -> Option<Token<'t>> {
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
            let (start, segment) = self.inner.next()?;
            if !is_word(segment) {
                continue;
            }
            self.rest = segment;
            self.rest_start = start;
            self.rest_at = Some(0);
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
        inner: text.split_word_bound_indices(),
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
        .any(|c| crate::normalize::is_alphanumeric(c) && !is_combining_mark(c))
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
