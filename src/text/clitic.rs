//! Proclitics: the candidate stems of a written word.
//!
//! Arabic attaches conjunctions and prepositions to the next word: `وبوتين` is و + بوتين,
//! `بأوزبكستان` is ب + أوزبكستان, `والصين` is و + الصين. The definite article stays with
//! the name (`الصين`), except after the preposition لِ, where its alef is not written:
//! `للصين` is ل + الصين, and the stem written in the text is `صين` (its article is restored
//! to look it up).
//!
//! Many names begin with these letters (`بكين`, `بوتين`, `ليبيا`, `فرنسا`, `كندا`), so the
//! word as written is always the first candidate, and a stem must keep at least two letters.
//! The future prefix س only attaches to verbs, never to names, so it is not a candidate.

/// One way to read a written word: strip `prefix`, and restore the article if `article`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The proclitic letters stripped from the front of the word (folded form), `""` for the
    /// word as written.
    pub prefix: &'static str,
    /// Number of characters of the folded word that `prefix` covers.
    pub chars: usize,
    /// Whether the stem is looked up with the article `ال` restored (after `لل`).
    pub article: bool,
}

impl Candidate {
    /// The folded word `folded` without this reading's proclitic (the article, if
    /// restored, is not added): `لبوتين` read as ل + بوتين gives `بوتين`.
    ///
    /// # Examples
    ///
    /// ```
    /// use tawfiq::clitic::candidates;
    ///
    /// let stems: Vec<&str> = candidates("لبوتين").map(|c| c.stem("لبوتين")).collect();
    /// assert_eq!(stems, ["لبوتين", "بوتين"]);
    /// ```
    pub fn stem(self, folded: &str) -> &str {
        &folded[folded.char_indices().nth(self.chars).map_or(0, |(b, _)| b)..]
    }
}

/// The candidate readings, in order of preference: as written, then one proclitic, then
/// combinations. `(prefix, its length in characters, article restored)`.
const PROCLITICS: &[(&str, usize, bool)] = &[
    ("و", 1, false),
    ("ف", 1, false),
    ("ب", 1, false),
    ("ل", 1, false),
    ("ك", 1, false),
    ("لل", 2, true),
    ("وب", 2, false),
    ("ول", 2, false),
    ("وك", 2, false),
    ("فب", 2, false),
    ("فل", 2, false),
    ("فك", 2, false),
    ("ولل", 3, true),
    ("فلل", 3, true),
];

/// The definite article, in folded form.
pub const ARTICLE: &str = "ال";

/// A stem must keep at least this many letters: `ول` is not و + ل.
const MIN_STEM_CHARS: usize = 2;

/// The candidate readings of a word in [`Level::Folded`](crate::text::normalize::Level::Folded)
/// form, the word as written first.
///
/// # Examples
///
/// ```
/// use tawfiq::clitic::candidates;
///
/// let stems: Vec<(&str, bool)> = candidates("للصين").map(|c| (c.prefix, c.article)).collect();
/// assert_eq!(stems, [("", false), ("ل", false), ("لل", true)]);
/// ```
pub fn candidates(folded: &str) -> impl Iterator<Item = Candidate> + '_ {
    let as_written = Candidate {
        prefix: "",
        chars: 0,
        article: false,
    };
    // Every proclitic starts with one of these: most words need no further test.
    let attaches = folded.starts_with(['و', 'ف', 'ب', 'ل', 'ك']);
    let proclitics = if attaches { PROCLITICS } else { &[] };
    std::iter::once(as_written).chain(proclitics.iter().filter_map(
        move |&(prefix, chars, article)| {
            (folded.starts_with(prefix) && folded.chars().nth(chars + MIN_STEM_CHARS - 1).is_some())
                .then_some(Candidate {
                    prefix,
                    chars,
                    article,
                })
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefixes(word: &str) -> Vec<&'static str> {
        candidates(word).map(|c| c.prefix).collect()
    }

    #[test]
    fn as_written_comes_first() {
        assert_eq!(prefixes("بكين"), ["", "ب"]);
        assert_eq!(prefixes("بوتين"), ["", "ب"]);
        assert_eq!(prefixes("ليبيا"), ["", "ل"]);
    }

    #[test]
    fn combinations() {
        assert_eq!(prefixes("وبالصين"), ["", "و", "وب"]);
        assert_eq!(prefixes("فللكرملين"), ["", "ف", "فل", "فلل"]);
        assert_eq!(prefixes("ولشي"), ["", "و", "ول"]);
        assert_eq!(prefixes("وك"), [""], "help: a stem keeps two letters");
        assert_eq!(prefixes("وكم"), ["", "و"]);
        assert_eq!(prefixes("وشي"), ["", "و"]);
        assert_eq!(prefixes("شي"), [""]);
        assert_eq!(prefixes(""), [""]);
    }

    #[test]
    fn proclitic_lengths_are_their_characters() {
        for &(prefix, chars, article) in PROCLITICS {
            assert_eq!(prefix.chars().count(), chars, "{prefix}");
            assert_eq!(article, prefix.ends_with("لل"), "{prefix}");
        }
    }

    #[test]
    fn lam_lam_restores_the_article() {
        let c: Vec<Candidate> = candidates("للحزب").collect();
        assert!(
            c.iter()
                .any(|c| c.prefix == "لل" && c.article && c.chars == 2)
        );
    }
}
