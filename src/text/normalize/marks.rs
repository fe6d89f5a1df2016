//! Rule (bare level): remove Arabic diacritics and the accusative alef of tanween.
//!
//! Harakat (fatha, damma, kasra), tanween, shadda, sukun, the superscript (dagger) alef,
//! the combining hamza and madda, Quranic annotation signs and generic combining marks
//! are optional in Arabic writing: `خُوريلسوخ` and `خوريلسوخ` are one spelling.
//!
//! The accusative ending `ـًا` writes an alef that only carries the tanween: `شيًّا` is
//! `شي` + `ًّا`. Once the tanween is gone, a bare `شيا` would be a different word, so the
//! alef goes with it. A word-final alef goes only when a tanween fath is written on it or on
//! the letter before it; a plain final alef (`روسيا`, `آسيا`) is a letter and stays.

/// ARABIC FATHATAN (tanween fath).
pub const FATHATAN: char = '\u{064B}';
/// ARABIC LETTER ALEF.
pub const ALEF: char = '\u{0627}';

/// Is `c` an Arabic diacritic or a generic combining mark that bare normalisation drops?
pub fn is_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}' // combining diacritical marks (also lone ones)
            | '\u{0610}'..='\u{061A}' // honorific and Quranic signs above letters
            | '\u{064B}'..='\u{065F}' // tanween, harakat, shadda, sukun, combining hamza/madda
            | '\u{0670}' // SUPERSCRIPT ALEF
            | '\u{06D6}'..='\u{06DC}' // Quranic small high ligatures
            | '\u{06DF}'..='\u{06E4}' // Quranic small high marks
            | '\u{06E7}'..='\u{06E8}'
            | '\u{06EA}'..='\u{06ED}'
            | '\u{08D3}'..='\u{08E1}' // extended Arabic marks
            | '\u{08E3}'..='\u{08FF}'
    )
}

/// After a word-final alef at the start of `rest` (the text right after the alef), is the
/// alef the seat of an accusative tanween? `tanween_before` says whether a tanween fath was
/// written on the letter before the alef.
///
/// The alef is a seat when the word ends after it (skipping marks and invisible characters)
/// and a tanween fath is written either before or on it.
pub fn is_tanween_seat(tanween_before: bool, rest: &str) -> bool {
    let mut tanween_after = false;
    for c in rest.chars() {
        if c == FATHATAN {
            tanween_after = true;
        } else if is_mark(c) || super::invisible::is_invisible(c) || super::tatweel::is_tatweel(c) {
            continue;
        } else {
            // Another letter follows: the alef is inside the word, not an ending.
            if super::is_alphanumeric(c) {
                return false;
            }
            break;
        }
    }
    tanween_before || tanween_after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks() {
        for c in [
            '\u{064E}', '\u{064F}', '\u{0650}', '\u{064B}', '\u{0651}', '\u{0652}', '\u{0670}',
            '\u{0654}', '\u{0301}',
        ] {
            assert!(is_mark(c), "help: U+{:04X} is a diacritic", c as u32);
        }
        for c in ['\u{0621}', '\u{0627}', '\u{0640}', 'a'] {
            assert!(!is_mark(c), "help: U+{:04X} is not a diacritic", c as u32);
        }
    }

    #[test]
    fn tanween_seat() {
        // شيًّا: the tanween is written on ي, before the alef.
        assert!(is_tanween_seat(true, ""));
        // شياً: the tanween is written on the alef itself.
        assert!(is_tanween_seat(false, "\u{064B} "));
        // روسيا: a plain final alef.
        assert!(!is_tanween_seat(false, " "));
        // An alef followed by more letters is not an ending.
        assert!(!is_tanween_seat(true, "ب"));
    }
}
