//! Matching keys.
//!
//! The orthographic key of a name is its [`Level::Folded`] normalisation with everything
//! but letters and digits removed: `شي جين بينغ`, `شي جينبينغ` and `شى جين‌بينج`-style
//! spacing variants meet on one key, as do `COVID-19` and `covid 19`.
//!
//! This module depends only on [`crate::normalize`] and [`crate::token`]: `build.rs`
//! includes all three by path, so the built-in keys are computed by this very code.

pub(crate) mod xkey;

use crate::normalize::{Level, normalize};
use crate::token::tokens;

/// The orthographic key of a name: folded, letters and digits only.
///
/// # Examples
///
/// ```
/// use tawfiq::keys::ortho_key;
///
/// assert_eq!(ortho_key("شي جين بينغ"), ortho_key("شي جينبينغ"));
/// assert_eq!(ortho_key("أوكرانيا"), ortho_key("اوكرانيا"));
/// assert_eq!(ortho_key("COVID-19"), "covid19");
/// ```
pub fn ortho_key(name: &str) -> String {
    word_keys(name).concat()
}

/// The keys of the words of a name, in order; words whose key is empty are left out.
///
/// The orthographic key is their concatenation; the concatenations of the first `k` of them
/// are the points where a longer name can continue.
pub fn word_keys(name: &str) -> Vec<String> {
    tokens(name)
        .map(|t| {
            let mut key = normalize(t.text, Level::Folded).into_owned();
            key.retain(char::is_alphanumeric);
            key
        })
        .filter(|k| !k.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacing_and_spelling_meet() {
        let xi = ortho_key("شي جين بينغ");
        assert_eq!(xi, "شيجينبينغ");
        assert_eq!(ortho_key("شي جينبينغ"), xi);
        assert_eq!(ortho_key("شي جين\u{200C}بينغ"), xi);
        assert_eq!(ortho_key("شِي جِين بِينْغ"), xi);
        assert_eq!(ortho_key("Xi  Jinping"), "xijinping");
        assert_eq!(ortho_key(""), "");
        assert_eq!(
            word_keys("منظمة شنغهاي للتعاون"),
            ["منظمه", "شنغهاي", "للتعاون"]
        );
    }
}
