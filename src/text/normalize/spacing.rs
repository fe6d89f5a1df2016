//! Rule (clean level): odd spaces become a plain space, odd hyphens a hyphen-minus.
//!
//! News sites end paragraphs with NO-BREAK SPACE and join compound adjectives with
//! NON-BREAKING HYPHEN (U+2011): `الروسية‑الصينية`. Both must behave like their plain forms,
//! or `كوريا الشمالية` written with U+00A0 is a different key.

/// The replacement of an odd space or hyphen, or `None` when `c` is neither.
pub fn fold_spacing(c: char) -> Option<char> {
    match c {
        '\u{00A0}' // NO-BREAK SPACE
        | '\u{1680}' // OGHAM SPACE MARK
        | '\u{2000}'..='\u{200A}' // EN QUAD … HAIR SPACE
        | '\u{202F}' // NARROW NO-BREAK SPACE
        | '\u{205F}' // MEDIUM MATHEMATICAL SPACE
        | '\u{3000}' // IDEOGRAPHIC SPACE
        => Some(' '),
        '\u{2010}' // HYPHEN
        | '\u{2011}' // NON-BREAKING HYPHEN
        | '\u{2012}' // FIGURE DASH
        | '\u{2043}' // HYPHEN BULLET
        | '\u{2212}' // MINUS SIGN
        | '\u{FE63}' // SMALL HYPHEN-MINUS
        => Some('-'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_and_hyphens() {
        assert_eq!(fold_spacing('\u{00A0}'), Some(' '));
        assert_eq!(fold_spacing('\u{202F}'), Some(' '));
        assert_eq!(fold_spacing('\u{2011}'), Some('-'));
        assert_eq!(fold_spacing('\u{2212}'), Some('-'));
        assert_eq!(
            fold_spacing(' '),
            None,
            "help: a plain space is already plain"
        );
        assert_eq!(
            fold_spacing('\u{2014}'),
            None,
            "help: an em dash is punctuation, not a hyphen"
        );
    }
}
