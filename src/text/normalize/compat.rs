//! Rule (clean level): compatibility decomposition (NFKC) of presentation forms.
//!
//! Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) are positional glyphs that
//! old software and PDF extraction emit instead of letters: `ﻻ` is `لا`, `ﺷﻲ` is `شي`.
//! Full-width Latin (U+FF01–U+FF5E) and Latin ligatures (U+FB00–U+FB06) are the same kind
//! of noise. Only these blocks are decomposed: running full NFKC over every character would
//! also decompose `آ` or `é`, which later rules fold on purpose, and would cost time on the
//! common path.

use unicode_normalization::char::decompose_compatible;

/// Does `c` belong to a block whose compatibility decomposition normalisation applies?
pub fn is_compat(c: char) -> bool {
    matches!(
        c,
        '\u{FB00}'..='\u{FB06}' // Latin ligatures ﬀ ﬁ ﬂ …
            | '\u{FB50}'..='\u{FDFF}' // Arabic Presentation Forms-A
            | '\u{FE70}'..='\u{FEFF}' // Arabic Presentation Forms-B
            | '\u{FF01}'..='\u{FF5E}' // full-width ASCII
    )
}

/// Calls `emit` with each character of the compatibility decomposition of `c`, recomposed
/// where a hamza or madda was split off (so `ﺋ` gives `ئ`, as NFKC would).
pub fn decompose(c: char, mut emit: impl FnMut(char)) {
    let mut prev: Option<char> = None;
    decompose_compatible(c, |d| {
        if let Some(p) = prev {
            if let Some(composed) = unicode_normalization::char::compose(p, d) {
                prev = Some(composed);
                return;
            }
            emit(p);
        }
        prev = Some(d);
    });
    if let Some(p) = prev {
        emit(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decomposed(c: char) -> String {
        let mut s = String::new();
        decompose(c, |d| s.push(d));
        s
    }

    #[test]
    fn presentation_forms() {
        assert_eq!(
            decomposed('\u{FEFB}'),
            "\u{0644}\u{0627}",
            "help: LAM-ALEF ligature is لا"
        );
        assert_eq!(
            decomposed('\u{FEF7}'),
            "\u{0644}\u{0623}",
            "help: LAM-ALEF WITH HAMZA is لأ"
        );
        assert_eq!(
            decomposed('\u{FEB7}'),
            "\u{0634}",
            "help: SHEEN initial form is ش"
        );
        assert_eq!(
            decomposed('\u{FE8B}'),
            "\u{0626}",
            "help: YEH WITH HAMZA initial is ئ"
        );
        assert_eq!(decomposed('\u{FF21}'), "A");
        assert_eq!(decomposed('\u{FB01}'), "fi");
        assert!(is_compat('\u{FEFB}') && !is_compat('\u{0644}'));
    }
}
