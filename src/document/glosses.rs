//! Names glossed in parentheses: news gives a foreign name in the Latin script after its
//! Arabic spelling (`أوريدو (Ooredoo)`, `جهاز أبوظبي للاستثمار (ADIA)`), and an
//! organisation's full name after its short one (`حركة "إنصاف" (الحركة الوطنية من أجل
//! العدالة في باكستان)`). The gloss names what the mention before it names, known to the
//! gazetteer or not.

use crate::gazetteer::EntityKind;
use crate::index::Index;
use crate::mention::MatchKind;

use super::words::Words;
use super::{AS_WRITTEN, Found, Named};

/// The most words a gloss has.
const MAX_GLOSS_WORDS: usize = 6;
/// The most words an organisation's full name in parentheses has after the words the
/// unlinked pass found (`في باكستان`): what it says of where it is.
const MAX_FULL_NAME_TAIL: usize = 3;

/// Is `word` written in Latin letters (and digits, `&`, `'`, `.`, `-`), with one letter at
/// least?
fn is_latin_word(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_alphabetic())
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '&' | '\'' | '.' | '-'))
}

/// Adds a mention for each Latin gloss in parentheses right after a mention: the same
/// entity (or the same unknown one), [`MatchKind::Gloss`], pointing back at the mention it
/// glosses. A gloss has a capital letter (a name, not `(bank)`); a demonym's gloss is left
/// alone (`الأمريكية (US)` is an adjective's), and so are words another mention covers.
pub(super) fn latin_glosses(text: &str, words: &Words, found: &mut Vec<Found<'_>>) {
    let n = words.words.len();
    let start = |w: usize| words.origins[words.words[w].chars.start];
    let covered = super::covered_words(found, n);
    let mut glosses = Vec::new();
    for f in found.iter() {
        let first = f.last + 1;
        if f.kind == MatchKind::Demonym || first >= n || covered[first] {
            continue;
        }
        let opening = &text[words.words[f.last].end..start(first)];
        if opening.trim() != "(" {
            continue;
        }
        let word = |w: usize| &text[start(w)..words.words[w].end];
        if !is_latin_word(word(first)) {
            continue;
        }
        let mut last = first;
        while last + 1 < n
            && last + 1 - first < MAX_GLOSS_WORDS
            && !covered[last + 1]
            && is_latin_word(word(last + 1))
            && text[words.words[last].end..start(last + 1)]
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, '-' | '&'))
        {
            last += 1;
        }
        let closed = text[words.words[last].end..].trim_start().starts_with(')');
        let capital = (first..=last).any(|w| word(w).chars().any(|c| c.is_ascii_uppercase()));
        if !closed || !capital {
            continue;
        }
        glosses.push(Found {
            first,
            last,
            cand: AS_WRITTEN,
            target: f.target,
            kind: MatchKind::Gloss,
            alternatives: Vec::new(),
            share: if f.kind == MatchKind::Exact {
                1.0
            } else {
                f.share
            },
            antecedent: Some(f.start(words)),
            fuzzy: None,
        });
    }
    if glosses.is_empty() {
        return;
    }
    found.extend(glosses);
    found.sort_by_key(|f| f.first);
}

/// An organisation's full name in parentheses right after its mention names the same
/// organisation: the name the unlinked pass found at the opening parenthesis becomes a
/// [`MatchKind::Gloss`] of the mention before it, up to the closing parenthesis, and the
/// places named inside it are words of the name (`باكستان` in `(الحركة الوطنية من أجل
/// العدالة في باكستان)` is no mention of Pakistan). Only a name the pass found, so one a
/// head opens: a description in parentheses is left alone.
pub(super) fn full_name_glosses(
    text: &str,
    words: &Words,
    index: &Index,
    found: &mut Vec<Found<'_>>,
) {
    let n = words.words.len();
    let start = |w: usize| words.origins[words.words[w].chars.start];
    let organisation = |f: &Found<'_>| {
        f.kind != MatchKind::Demonym
            && match f.target {
                Named::Entity(e) => index.entity(e).kind == EntityKind::Organisation,
                Named::Unknown(kind, _) => kind == EntityKind::Organisation,
            }
    };
    // (the mention glossed, the gloss, its last word)
    let mut glosses = Vec::new();
    for (i, pair) in found.windows(2).enumerate() {
        let (f, g) = (&pair[0], &pair[1]);
        if !organisation(f)
            || g.first != f.last + 1
            || g.cand.chars != 0
            || !matches!(g.target, Named::Unknown(EntityKind::Organisation, _))
        {
            continue;
        }
        let opening: String = text[words.words[f.last].end..start(g.first)]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let Some(quotes) = opening.strip_suffix('(') else {
            continue;
        };
        if !quotes.chars().all(super::unlinked::is_quote) {
            continue;
        }
        let mut last = g.last;
        let closed = loop {
            if text[words.words[last].end..].trim_start().starts_with(')') {
                break true;
            }
            if last + 1 >= n || last - g.last >= MAX_FULL_NAME_TAIL || !words.words[last].joins_next
            {
                break false;
            }
            last += 1;
        };
        if closed {
            glosses.push((i, i + 1, last));
        }
    }
    if glosses.is_empty() {
        return;
    }
    let mut dropped = vec![false; found.len()];
    for &(i, j, last) in &glosses {
        let (target, share, antecedent) = {
            let f = &found[i];
            let share = if f.kind == MatchKind::Exact {
                1.0
            } else {
                f.share
            };
            (f.target, share, f.start(words))
        };
        let old = found[j].target;
        let first = found[j].first;
        for (k, h) in found.iter_mut().enumerate() {
            if k == j {
                continue;
            }
            if h.first > first && h.first <= last {
                dropped[k] = true;
            } else if h.target == old {
                // The same organisation named again by the name it was glossed with.
                h.target = target;
            }
        }
        let g = &mut found[j];
        g.last = last;
        g.target = target;
        g.kind = MatchKind::Gloss;
        g.alternatives.clear();
        g.share = share;
        g.antecedent = Some(antecedent);
    }
    let mut k = 0;
    found.retain(|_| {
        k += 1;
        !dropped[k - 1]
    });
}

#[cfg(all(test, feature = "builtin"))]
mod tests {
    use crate::{MatchKind, Matcher};

    /// (surface, match kind, entity id or local number) of each mention.
    fn found(text: &str) -> Vec<(String, MatchKind, String)> {
        Matcher::builtin()
            .find_iter(text)
            .map(|m| {
                let id = match (m.entity_id(), m.local) {
                    (Some(id), _) => id.to_string(),
                    (None, Some(local)) => format!("local {local}"),
                    (None, None) => "-".to_string(),
                };
                (m.surface.to_string(), m.how.kind, id)
            })
            .collect()
    }

    #[test]
    fn a_latin_gloss_names_what_the_mention_before_it_names() {
        let got = found("وقال جهاز أبوظبي للاستثمار (ADIA) إن حصته تراجعت.");
        let org = got[0].2.clone();
        assert!(org.starts_with("local"), "{got:?}");
        assert_eq!(
            got[1],
            ("ADIA".to_string(), MatchKind::Gloss, org),
            "help: the gloss is the unknown organisation before it"
        );
        let got = found("وصرح الرئيس شي جين بينغ (Xi Jinping) بذلك.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|g| g.2 == "xi-jinping"), "{got:?}");
    }

    #[test]
    fn words_in_parentheses_that_are_no_gloss_are_left_alone() {
        for text in [
            // Not closed, not capitalised, not Latin, after a demonym, after no mention.
            "وقال جهاز أبوظبي للاستثمار (ADIA إن حصته تراجعت.",
            "وقال جهاز أبوظبي للاستثمار (fund) إن حصته تراجعت.",
            "وقال جهاز أبوظبي للاستثمار (2024) إن حصته تراجعت.",
            "وقالت الحكومة الأمريكية (US) إنها ستدرس الأمر.",
            "وقال المسؤول (CEO) إن الشركة ستدرس الأمر.",
            "(ADIA)",
            "",
        ] {
            let got = found(text);
            assert!(
                got.iter().all(|g| g.1 != MatchKind::Gloss),
                "help: no gloss in {text:?}: {got:?}"
            );
        }
    }

    #[test]
    fn an_organisations_full_name_in_parentheses_names_it() {
        let got = found(
            "وأقصت المحكمة زعيم حركة \"إنصاف\" (الحركة الوطنية من أجل العدالة في باكستان) أمس.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[1],
            (
                "الحركة الوطنية من أجل العدالة في باكستان".to_string(),
                MatchKind::Gloss,
                "pti".to_string()
            ),
            "help: the full name glosses the party, Pakistan is a word of it"
        );
        // A description in parentheses is no name: nothing glosses the party.
        let got = found("وقال حزب الأمة (الحزب الحاكم) إنه رفض.");
        assert!(got.iter().all(|g| g.1 != MatchKind::Gloss), "{got:?}");
        // Nor is a name the parenthesis does not close.
        let got =
            found("وأقصت المحكمة زعيم حركة \"إنصاف\" (الحركة الوطنية من أجل العدالة، وغيرها) أمس.");
        assert!(got.iter().all(|g| g.1 != MatchKind::Gloss), "{got:?}");
    }
}
