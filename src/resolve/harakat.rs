//! The vocalisation a writer gave a name: harakat and shadda written on its letters are
//! evidence, not noise. `عمّان` (a shadda on the mim) is Amman, `عُمان` (a damma on the ayn)
//! Oman; folded, both are `عمان`.
//!
//! A query's marks are compared with the marks of an entity's vocalised names that have
//! the same letters (alef and hamza forms, alef maqsura and ta marbuta folded; spaces and
//! tatweel ignored). On a letter the query marks, a name that writes the same vowel, or a
//! shadda where the query has one, agrees; a name that writes another vowel, or a
//! vocalised name without the shadda the query writes, contradicts (a writer who vocalises a
//! name writes its shadda first). A letter the query or the name leaves bare is no evidence,
//! nor is a name written without any mark.

use crate::normalize::letters::fold_letter;
use crate::normalize::tatweel::is_tatweel;

/// ARABIC SHADDA.
const SHADDA: char = '\u{0651}';

/// Distance, in edits, that each contradicted mark adds to a candidate: the writer wrote
/// another vowel, or a shadda the name does not have.
pub(crate) const CONTRADICTED: f32 = 1.0;
/// Distance, in edits, that each agreeing mark takes off (the best vocalised name counts).
pub(crate) const AGREED: f32 = 0.25;

/// Is `c` a vowel mark: fatha, damma, kasra, sukun or a tanween?
fn is_vowel_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0650}' | '\u{0652}')
}

/// The marks written on one letter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Marks {
    vowel: Option<char>,
    shadda: bool,
}

/// A name's letters with the marks written on each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Vocalised {
    letters: Vec<char>,
    marks: Vec<Marks>,
}

/// The letters and marks of a name that carries at least one haraka or shadda; `None` for a
/// name written bare (most are).
pub(crate) fn vocalised(name: &str) -> Option<Vocalised> {
    if !name.chars().any(|c| c == SHADDA || is_vowel_mark(c)) {
        return None;
    }
    let mut v = Vocalised {
        letters: Vec::new(),
        marks: Vec::new(),
    };
    for c in name.chars() {
        if c == SHADDA || is_vowel_mark(c) {
            if let Some(m) = v.marks.last_mut() {
                if c == SHADDA {
                    m.shadda = true;
                } else {
                    m.vowel = Some(c);
                }
            }
        } else if c.is_alphabetic() && !is_tatweel(c) {
            v.letters.push(fold_letter(c).unwrap_or(c));
            v.marks.push(Marks::default());
        }
    }
    Some(v)
}

/// How many of the query's marks a vocalised name agrees with and contradicts, or `None`
/// when the two are not the same letters.
pub(crate) fn agreement(query: &Vocalised, name: &Vocalised) -> Option<(u32, u32)> {
    if query.letters != name.letters {
        return None;
    }
    let (mut agree, mut contradict) = (0, 0);
    for (q, n) in query.marks.iter().zip(&name.marks) {
        if q.shadda {
            if n.shadda {
                agree += 1;
            } else {
                contradict += 1;
            }
        }
        if let (Some(a), Some(b)) = (q.vowel, n.vowel) {
            if a == b {
                agree += 1;
            } else {
                contradict += 1;
            }
        }
    }
    Some((agree, contradict))
}

/// The distance, in edits, that the query's marks add to (or take off) an entity with these
/// names: the most favourable of its vocalised names with the query's letters; 0.0 when it
/// has none.
pub(crate) fn vocalisation_distance<'a>(
    query: &Vocalised,
    names: impl Iterator<Item = &'a str>,
) -> f32 {
    names
        .filter_map(vocalised)
        .filter_map(|n| agreement(query, &n))
        .map(|(a, c)| CONTRADICTED * c as f32 - AGREED * a as f32)
        .reduce(f32::min)
        .unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (agreeing marks, contradicted marks), or `None` when the letters differ.
    type Agreement = Option<(u32, u32)>;

    /// (query, name, agreement)
    const CASES: &[(&str, &str, Agreement)] = &[
        // Amman: a shadda on the mim.
        ("عمّان", "عَمّان", Some((1, 0))),
        // Oman's vocalised name has no shadda: the writer's shadda contradicts it.
        ("عمّان", "عُمان", Some((0, 1))),
        ("عُمان", "عُمان", Some((1, 0))),
        // A damma where Amman has a fatha.
        ("عُمان", "عَمّان", Some((0, 1))),
        // A bare query letter is no evidence.
        ("عمان", "عَمّان", None),
        // Alef and ta marbuta forms are one letter; other letters are not.
        ("أُسامة", "اُسامه", Some((1, 0))),
        ("عُمار", "عُمان", None),
    ];

    #[test]
    fn marks_agree_or_contradict() {
        for &(q, n, want) in CASES {
            let got = vocalised(q).and_then(|q| agreement(&q, &vocalised(n)?));
            assert_eq!(
                got, want,
                "{q} / {n}\nhelp: see the rules in the module docs"
            );
        }
    }

    #[test]
    fn the_best_vocalised_name_counts() {
        let q = vocalised("عمّان").unwrap();
        // Amman has a bare and a vocalised name; Oman only its vocalised one.
        let amman = vocalisation_distance(&q, ["عمان", "عَمّان"].into_iter());
        let oman = vocalisation_distance(&q, ["عُمان", "سلطنة عمان"].into_iter());
        assert_eq!(amman, -AGREED);
        assert_eq!(oman, CONTRADICTED);
        assert_eq!(vocalisation_distance(&q, ["Amman"].into_iter()), 0.0);
    }
}
