//! Rule (clean level): remove characters that have no visible form.
//!
//! Zero-width joiners and non-joiners, the byte-order mark, word joiners, soft hyphens and
//! bidirectional controls change how text is shaped or ordered, never which word it is.
//! Copy-pasted Arabic carries them often (RLM after a name, ZWNJ inside a Persian-style
//! compound such as `جين‌بينغ`), and a key that kept them would never match.

/// Is `c` an invisible formatting character that normalisation drops?
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' // SOFT HYPHEN
            | '\u{061C}' // ARABIC LETTER MARK
            | '\u{180E}' // MONGOLIAN VOWEL SEPARATOR
            | '\u{200B}'..='\u{200F}' // ZWSP, ZWNJ, ZWJ, LRM, RLM
            | '\u{202A}'..='\u{202E}' // LRE, RLE, PDF, LRO, RLO
            | '\u{2060}'..='\u{2064}' // WORD JOINER, invisible operators
            | '\u{2066}'..='\u{2069}' // LRI, RLI, FSI, PDI
            | '\u{FEFF}' // BYTE ORDER MARK / ZWNBSP
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters() {
        for c in [
            '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{FEFF}', '\u{061C}', '\u{2067}',
        ] {
            assert!(
                is_invisible(c),
                "help: U+{:04X} should be dropped",
                c as u32
            );
        }
        for c in ['a', ' ', 'ش', '\u{064B}', '-'] {
            assert!(!is_invisible(c), "help: U+{:04X} is visible", c as u32);
        }
    }
}
