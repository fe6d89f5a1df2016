//! Rule (folded level): letters of Persian, Urdu, Pashto, Kurdish and Maghrebi orthography
//! folded to the Arabic letter of the same class.
//!
//! Names reach Arabic text through Persian and Urdu sources (`پزشکیان` for `بزشكيان`) and
//! through keyboards that emit Persian kaf and yeh (`ک`, `ی`) for Arabic ones. Letters that
//! write a sound Arabic lacks fold to the Arabic letter used to transliterate it: پ → ب,
//! چ → ج, ژ → ز, ڤ → ف, گ → ك (the same shape without its second stroke).

/// The Arabic letter for a Persian/Urdu/Pashto/Kurdish/Maghrebi letter, or `None`.
pub fn fold_persian(c: char) -> Option<char> {
    Some(match c {
        '\u{06A9}' | '\u{06AA}' | '\u{06AB}' | '\u{06AC}' | '\u{06AD}' | '\u{06AE}' // ک ڪ ګ ڬ ڭ ڮ
        | '\u{06AF}'..='\u{06B4}' // گ and its variants
        => '\u{0643}', // KAF
        '\u{06CC}' | '\u{06CD}' | '\u{06CE}' | '\u{06D0}' | '\u{06D2}' | '\u{06D3}' // ی ۍ ێ ې ے ۓ
        => '\u{064A}', // YEH
        '\u{06BE}' | '\u{06C0}' | '\u{06C1}' | '\u{06C2}' | '\u{06C3}' | '\u{06D5}' // ھ ۀ ہ ۂ ۃ ە
        => '\u{0647}', // HEH
        '\u{067B}' | '\u{067E}' | '\u{0680}' => '\u{0628}', // ٻ پ ڀ → BEH
        '\u{0683}' | '\u{0684}' | '\u{0686}' | '\u{0687}' => '\u{062C}', // ڃ ڄ چ ڇ → JEEM
        '\u{0696}' | '\u{0698}' | '\u{0699}' => '\u{0632}', // ږ ژ ڙ → ZAIN
        '\u{06A4}' | '\u{06A5}' | '\u{06A6}' => '\u{0641}', // ڤ ڥ ڦ → FEH
        '\u{06A7}' | '\u{06A8}' => '\u{0642}', // ڧ ڨ (Maghrebi) → QAF
        '\u{0679}' | '\u{067A}' | '\u{067C}' | '\u{067D}' | '\u{067F}' => '\u{062A}', // ٹ ٺ ټ ٽ ٿ → TEH
        '\u{0688}'..='\u{0690}' => '\u{062F}', // ڈ ډ ڊ … → DAL
        '\u{0691}'..='\u{0695}' | '\u{0697}' => '\u{0631}', // ڑ ڒ ړ ڔ ڕ ڗ → REH
        '\u{069A}'..='\u{069C}' => '\u{0633}', // ښ ڛ ڜ → SEEN
        '\u{06A0}' => '\u{063A}', // ڠ → GHAIN
        '\u{06B5}'..='\u{06B8}' => '\u{0644}', // ڵ ڶ ڷ ڸ → LAM
        '\u{06BA}'..='\u{06BD}' => '\u{0646}', // ں ڻ ڼ ڽ → NOON
        '\u{06C4}'..='\u{06CB}' | '\u{06CF}' => '\u{0648}', // ۄ ۅ ۆ ۇ ۈ ۉ ۊ ۋ ۏ → WAW
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persian_letters() {
        assert_eq!(fold_persian('ک'), Some('ك'));
        assert_eq!(fold_persian('ی'), Some('ي'));
        assert_eq!(fold_persian('گ'), Some('ك'));
        assert_eq!(fold_persian('پ'), Some('ب'));
        assert_eq!(fold_persian('چ'), Some('ج'));
        assert_eq!(fold_persian('ژ'), Some('ز'));
        assert_eq!(fold_persian('ڤ'), Some('ف'));
        assert_eq!(fold_persian('ہ'), Some('ه'));
        assert_eq!(
            fold_persian('ك'),
            None,
            "help: Arabic letters are not folded here"
        );
    }
}
