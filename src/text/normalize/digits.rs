//! Rule (clean level): Arabic-Indic (U+0660–U+0669) and Extended Arabic-Indic / Persian
//! (U+06F0–U+06F9) digits become ASCII digits, so `كوفيد-١٩` and `COVID-19` share digits.

/// The ASCII digit for an Arabic-Indic or Persian digit, or `None`.
pub fn fold_digit(c: char) -> Option<char> {
    let base = match c {
        '\u{0660}'..='\u{0669}' => 0x0660,
        '\u{06F0}'..='\u{06F9}' => 0x06F0,
        _ => return None,
    };
    char::from_u32('0' as u32 + (c as u32 - base))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits() {
        assert_eq!(fold_digit('\u{0661}'), Some('1'));
        assert_eq!(fold_digit('\u{0669}'), Some('9'));
        assert_eq!(fold_digit('\u{06F4}'), Some('4'), "help: Persian four");
        assert_eq!(fold_digit('4'), None);
    }
}
