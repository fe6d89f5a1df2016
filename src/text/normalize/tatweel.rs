//! Rule (clean level): remove tatweel (kashida), the elongation stroke of justified Arabic:
//! `بوتيـــن` is `بوتين`.

/// ARABIC TATWEEL.
pub const TATWEEL: char = '\u{0640}';

/// Is `c` the tatweel?
pub fn is_tatweel(c: char) -> bool {
    c == TATWEEL
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tatweel() {
        assert!(is_tatweel('\u{0640}'));
        assert!(!is_tatweel('\u{0644}'));
    }
}
