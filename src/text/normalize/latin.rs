//! Rules for Latin script: accents (bare level), case and special letters (folded level).
//!
//! Transliterated names arrive with and without accents and in any case: `Khürelsükh`,
//! `KHURELSUKH` and `khurelsukh` are one spelling. Letters without a canonical decomposition
//! (`ø`, `ł`, `ß`, `æ`) are spelled out the way English-language media write them.

use unicode_normalization::char::decompose_canonical;

/// The base letter of an accented Latin letter (`ü` → `u`), or `None` when `c` has no
/// canonical decomposition into a letter and combining marks.
pub fn strip_accent(c: char) -> Option<char> {
    if c.is_ascii() || !is_latin(c) {
        return None;
    }
    let mut base = None;
    decompose_canonical(c, |d| {
        if base.is_none() {
            base = Some(d);
        }
    });
    base.filter(|&b| b != c)
}

/// Is `c` in one of the Latin blocks?
pub fn is_latin(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'a'..='z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
}

/// Calls `emit` with the folded form of `c`: lower case, special letters spelled out,
/// apostrophe-like modifier letters as `'`. Returns `false` (emitting nothing) when `c`
/// is not changed by this rule.
pub fn fold_latin(c: char, mut emit: impl FnMut(char)) -> bool {
    let spelled: &str = match c {
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'ı' => "i",
        'ħ' | 'Ħ' => "h",
        // ʻ ʼ ʾ ʿ ‘ ’ ` ´: romanisations write ayn and hamza with these.
        '\u{02BB}' | '\u{02BC}' | '\u{02BE}' | '\u{02BF}' | '\u{2018}' | '\u{2019}' | '`'
        | '\u{00B4}' => "'",
        _ => {
            if c.is_uppercase() {
                // The lower case of a letter outside the Latin blocks can be an accented
                // Latin letter (ANGSTROM SIGN → å): its accent goes too, as the bare level
                // would have taken it, so that folding twice changes nothing.
                for l in c.to_lowercase() {
                    emit(strip_accent(l).unwrap_or(l));
                }
                return true;
            }
            return false;
        }
    };
    spelled.chars().for_each(emit);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(c: char) -> String {
        let mut s = String::new();
        if !fold_latin(c, |d| s.push(d)) {
            s.push(c);
        }
        s
    }

    #[test]
    fn accents() {
        assert_eq!(strip_accent('ü'), Some('u'));
        assert_eq!(strip_accent('É'), Some('E'));
        assert_eq!(strip_accent('ș'), Some('s'));
        assert_eq!(strip_accent('a'), None);
        assert_eq!(
            strip_accent('ø'),
            None,
            "help: ø has no decomposition, fold_latin spells it"
        );
        assert_eq!(strip_accent('ش'), None);
    }

    #[test]
    fn case_and_specials() {
        assert_eq!(folded('K'), "k");
        assert_eq!(folded('ß'), "ss");
        assert_eq!(folded('Ø'), "o");
        assert_eq!(folded('ʻ'), "'");
        assert_eq!(folded('k'), "k");
        assert_eq!(folded('Ж'), "ж", "help: any cased script is lower-cased");
        // ANGSTROM SIGN and KELVIN SIGN lie outside the Latin blocks; their lower cases
        // are Latin letters, the first accented.
        assert_eq!(
            folded('\u{212B}'),
            "a",
            "help: found by the idempotence property"
        );
        assert_eq!(folded('\u{212A}'), "k");
    }
}
