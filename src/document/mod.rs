//! Decisions that need the whole text: which words form mentions, and of whom.
//!
//! Mentions are found leftmost-longest: at each word, every proclitic reading of the word
//! (as written first) is extended word by word while the growing key can still be the
//! prefix of a name; the longest name wins, and scanning resumes after it. Mentions never
//! overlap.
//!
//! One file per pass: [`exact`], [`fuzzy`], [`partial`], [`unlinked`]; the words of the text in
//! [`words`], the entities' names as the passes compare them in [`names`], cue words in
//! [`cues`].

pub(crate) mod cues;
mod exact;
mod fuzzy;
mod glosses;
mod memo;
mod names;
mod partial;
mod unlinked;
mod words;

use crate::clitic::Candidate;
use crate::gazetteer::EntityKind;
use crate::index::EntityIdx;
use crate::matcher::Matcher;
use crate::mention::{Folding, How, MatchKind, Mention};
use crate::score::Explanation;

pub(crate) use memo::Memos;
pub(crate) use names::NameKeys;
use words::Words;

/// The score of a demonym: it names its country for sure, but says less than a name.
const DEMONYM_SCORE: f32 = 0.95;
/// The score of a short form or a partial name: one word that could, rarely, be someone
/// else's.
const SHORT_SCORE: f32 = 0.9;
/// A match that needed letter variants (hamza, ى/ي, ة/ه) is slightly less sure …
const LETTERS_FACTOR: f32 = 0.98;
/// … as is one whose words were split or joined differently than the name's.
const SPACING_FACTOR: f32 = 0.99;

/// A mention before it becomes a [`Mention`]: words of the text and what they name.
#[derive(Clone)]
struct Found<'m> {
    /// First and last word of the mention.
    first: usize,
    last: usize,
    /// The reading of the first word (proclitic stripped, article restored).
    cand: Candidate,
    /// What the words name: a gazetteer entity, or an unknown one.
    target: Named,
    kind: MatchKind,
    /// The other entities the same words name.
    alternatives: Vec<EntityIdx>,
    share: f32,
    /// For a partial name or a gloss: the byte offset of the mention it refers to.
    antecedent: Option<usize>,
    /// For a fuzzy match: the name it came closest to, and what was forgiven. Boxed: few
    /// mentions are fuzzy, and a text's mentions are moved about as they are found.
    fuzzy: Option<Box<(&'m str, Explanation)>>,
}

/// What a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Named {
    /// A gazetteer entity.
    Entity(EntityIdx),
    /// An entity the gazetteer does not know: its kind, and its number within the text.
    Unknown(EntityKind, u32),
}

impl Named {
    /// The gazetteer entity, if the mention is linked.
    fn entity(self) -> Option<EntityIdx> {
        match self {
            Named::Entity(e) => Some(e),
            Named::Unknown(..) => None,
        }
    }
}

impl Found<'_> {
    /// Points the mention at `e`, another entity its words (or the context) name: the one
    /// it named becomes an alternative, and `e` is one no longer.
    fn retarget(&mut self, e: EntityIdx) {
        if let Named::Entity(old) = self.target {
            if old != e {
                self.alternatives.retain(|&x| x != e);
                self.alternatives.push(old);
            }
        }
        self.target = Named::Entity(e);
    }

    fn start(&self, words: &Words) -> usize {
        words.origins[words.words[self.first].chars.start + self.cand.chars]
    }

    /// The key of the first word after the proclitic.
    fn stem<'w>(&self, words: &'w Words) -> &'w str {
        let k = words.key(self.first);
        self.cand.stem(k)
    }
}

/// Which of the text's `n` words a found mention covers.
fn covered_words(found: &[Found<'_>], n: usize) -> Vec<bool> {
    let mut covered = vec![false; n];
    for f in found {
        covered[f.first..=f.last].iter_mut().for_each(|c| *c = true);
    }
    covered
}

const AS_WRITTEN: Candidate = Candidate {
    prefix: "",
    chars: 0,
    article: false,
};

/// Can `c` not be the first or last character of a mention: a space of any kind, an
/// invisible mark (ZWJ, ZWNJ, ZWSP, word joiner, soft hyphen, BOM), a bidi control or a
/// tatweel? Word segmentation keeps such characters inside the word they follow
/// (`أميركي` + U+202F is one word under UAX #29), but they are not part of the name.
fn is_edge_filler(c: char) -> bool {
    use crate::normalize::{invisible::is_invisible, spacing::fold_spacing, tatweel::is_tatweel};
    c.is_whitespace() || is_invisible(c) || is_tatweel(c) || fold_spacing(c) == Some(' ')
}

/// The span `start..end` of `text` without the [edge fillers](is_edge_filler) it begins or
/// ends with. A mention's words hold at least one letter or digit, so the span stays
/// non-empty.
fn trim_edges(text: &str, start: usize, end: usize) -> (usize, usize) {
    let span = &text[start..end];
    let trimmed = span.trim_start_matches(is_edge_filler);
    let start = start + (span.len() - trimmed.len());
    let end = start + trimmed.trim_end_matches(is_edge_filler).len();
    debug_assert!(start < end, "a mention keeps a letter");
    (start, end)
}

/// A word written as it is must be at least this frequent (Zipf) to be read as the everyday
/// word it spells rather than a short form it folds into.
const EVERYDAY_SPELLING_MIN_ZIPF: f32 = 3.2;

/// Drops the one-word short forms that the text spells as an everyday word, with letters no
/// name of the entity has: `شئ` ("thing", written with its hamza) folds into `شي`, Xi
/// Jinping's short form, but is the word. A short form is one word that could be several
/// things; the letters the writer chose are evidence. So does a word that ends in alef
/// maqsura where a demonym, a nisba, ends in yeh: `مجرى` ("course", of a river) folds into
/// `مجري`, Hungarian, but no adjective of origin is written with `ى`.
fn drop_everyday_spellings(
    text: &str,
    words: &Words,
    matcher: &Matcher,
    found: &mut Vec<Found<'_>>,
) {
    let index = &matcher.inner.index;
    let names = matcher.inner.name_keys();
    found.retain(|f| {
        let Named::Entity(e) = f.target else {
            return true;
        };
        let surface = &text[f.start(words)..words.words[f.last].end];
        if f.kind == MatchKind::Demonym {
            return !crate::keys::bare_key(surface).ends_with('\u{0649}');
        }
        if f.kind != MatchKind::ShortForm || f.first != f.last {
            return true;
        }
        let everyday = crate::language::bare_word(&crate::keys::bare_key(surface))
            .zipf
            .is_some_and(|z| z >= EVERYDAY_SPELLING_MIN_ZIPF);
        !(everyday && names::foldings(surface, names.of(index, e)).contains(&Folding::Letters))
    });
}

/// Finds the mentions of `text`.
pub(crate) fn find<'m, 't>(matcher: &'m Matcher, text: &'t str) -> Vec<Mention<'m, 't>> {
    let index = &matcher.inner.index;
    let mut memo = matcher.inner.memos.take();
    let words = Words::new(text, memo.words.take());
    let clitics = matcher.inner.config.clitics;
    let entries = memo.key_entries(&words, |key| memo::KeyFacts {
        live: exact::live_readings(index, key, clitics),
        kind: fuzzy::WordKind::of(index, key),
        letters: key.chars().count(),
    });
    let facts: Vec<memo::KeyFacts> = words
        .types
        .iter()
        .map(|&t| memo.entries[entries[t as usize] as usize].facts)
        .collect();
    let mut found = exact::exact_pass(&words, matcher, &facts, &entries, &mut memo);
    drop_everyday_spellings(text, &words, matcher, &mut found);
    exact::head_ranks(text, &words, index, &mut found);
    exact::headed_places(&words, index, &mut found);
    exact::competition_demonyms(&words, &mut found);
    exact::language_and_currency_demonyms(&words, &mut found);
    exact::sports_clubs(&words, index, &mut found);
    exact::people_named_in_full(&words, index, &mut found);
    exact::headed_organisations(&words, index, &mut found);
    exact::ambiguous_small_places(&words, index, &mut found);
    exact::towns_in_foreign_names(&words, index, &facts, &mut found);
    if matcher.inner.config.fuzzy {
        fuzzy::fuzzy_pass(text, &words, matcher, &facts, &mut memo, &mut found);
    }
    if matcher.inner.config.partial {
        partial::partial_pass(text, &words, index, &mut found);
    }
    if matcher.inner.config.unlinked {
        unlinked::unlinked_pass(text, &words, index, &entries, &mut memo, &mut found);
        if matcher.inner.config.fuzzy {
            fuzzy::link_unlinked(text, &words, matcher, &mut memo, &mut found);
        }
    }
    exact::names_of_other_countries(&words, index, &mut found, matcher.inner.config.unlinked);
    glosses::full_name_glosses(text, &words, index, &mut found);
    glosses::latin_glosses(text, &words, &mut found);
    let names = matcher.inner.name_keys();
    let mentions = found
        .into_iter()
        .map(|f| {
            let (start, end) = trim_edges(text, f.start(&words), words.words[f.last].end);
            let surface = &text[start..end];
            let entity = f.target.entity();
            let mut how = How {
                kind: f.kind,
                clitic: (f.cand.chars > 0).then_some(f.cand.prefix),
                article_restored: f.cand.article,
                // Texts name an entity the same way again and again: the foldings of a
                // surface are worked out once for as many texts as the memo serves.
                folded: match entity {
                    Some(e) => {
                        memo.foldings(surface, e, || names::foldings(surface, names.of(index, e)))
                    }
                    None => Vec::new(),
                },
                alternatives: f
                    .alternatives
                    .iter()
                    .map(|&a| index.entity(a).id.as_ref())
                    .collect(),
                antecedent: f.antecedent,
                matched_name: f.fuzzy.as_ref().map(|x| x.0),
                forgave: f.fuzzy.map(|x| x.1),
            };
            if f.cand.article || f.kind == MatchKind::Partial {
                // After لل the surface lacks the article by design; a partial name is not a
                // spelling of the entity's names.
                how.folded
                    .retain(|x| *x != Folding::Spacing && *x != Folding::Letters);
            }
            let mut score: f32 = match how.kind {
                MatchKind::Exact => 1.0,
                MatchKind::Demonym => DEMONYM_SCORE,
                MatchKind::ShortForm | MatchKind::Partial => SHORT_SCORE,
                MatchKind::Fuzzy | MatchKind::Unlinked | MatchKind::Gloss => f.share,
            };
            if how.folded.contains(&Folding::Letters) {
                score *= LETTERS_FACTOR;
            }
            if how.folded.contains(&Folding::Spacing) {
                score *= SPACING_FACTOR;
            }
            if !f.alternatives.is_empty() && f.kind != MatchKind::Fuzzy {
                score *= f.share;
            }
            let (kind, entity, local) = match f.target {
                Named::Entity(e) => {
                    let e = index.entity(e);
                    (e.kind, Some(e), None)
                }
                Named::Unknown(kind, local) => (kind, None, Some(local)),
            };
            Mention {
                start,
                end,
                surface,
                kind,
                entity,
                local,
                score,
                how,
            }
        })
        .collect();
    // The entries of keys too long to keep are this text's alone, whichever passes ran.
    for (&w, &e) in words.type_words.iter().zip(&entries) {
        memo.forget_long(words.key(w), e);
    }
    memo.words = words.recycle(text);
    matcher.inner.memos.give(memo);
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `trim_edges` on the whole of each input: (input, what is left).
    macro_rules! trims {
        ($($input:expr => $left:expr),* $(,)?) => {$(
            let text: &str = $input;
            let (start, end) = trim_edges(text, 0, text.len());
            assert_eq!(
                &text[start..end], $left,
                "help: {:?} should lose its spaces, invisible marks, bidi controls and tatweel \
                 at both edges, and nothing inside",
                text
            );
        )*};
    }

    #[test]
    fn edges_lose_fillers_only() {
        trims! {
            "أميركي\u{202F}" => "أميركي", // NARROW NO-BREAK SPACE
            "بوتين\u{200D}" => "بوتين", // ZERO WIDTH JOINER
            "\u{200F}بكين\u{202C}" => "بكين", // RLM, POP DIRECTIONAL FORMATTING
            "\u{2067}شي\u{2069}" => "شي", // RLI, PDI
            "بوتيــن\u{0640}\u{0640}" => "بوتيــن", // TATWEEL inside stays
            "\u{FEFF}\u{00AD}روسيا\u{00A0}\u{061C}" => "روسيا", // BOM, SOFT HYPHEN, NBSP, ALM
            "جين\u{200C}بينغ" => "جين\u{200C}بينغ", // ZWNJ inside stays
            "مُحَمَّدٌ" => "مُحَمَّدٌ", // harakat are part of the word
        }
    }

    #[cfg(feature = "builtin")]
    #[test]
    fn mentions_do_not_end_in_fillers() {
        let m = Matcher::builtin();
        let text = "قال الرئيس الأميركي\u{202F} إن بوتين\u{200D}\u{200F} زار بكينـ";
        let surfaces: Vec<&str> = find(&m, text).iter().map(|x| x.surface).collect();
        assert!(surfaces.contains(&"الأميركي"), "help: got {surfaces:?}");
        assert!(surfaces.contains(&"بوتين"), "help: got {surfaces:?}");
        assert!(surfaces.contains(&"بكين"), "help: got {surfaces:?}");
    }

    #[cfg(feature = "builtin")]
    #[test]
    fn an_everyday_spelling_is_not_a_short_form() {
        let m = Matcher::builtin();
        let ids: Vec<_> = m
            .find_iter("لم يحدث شئ من ذلك، وقال شي إن الصين مستعدة.")
            .map(|x| (x.surface, x.entity_id()))
            .collect();
        assert_eq!(
            ids,
            [("شي", Some("xi-jinping")), ("الصين", Some("cldr:CN"))],
            "help: شئ (thing) folds into شي but is written as the word"
        );
        let ids: Vec<_> = m
            .find_iter("وتغير مجرى النهر، وقال الوزير المجري إن السد جاهز.")
            .map(|x| (x.surface, x.entity_id()))
            .collect();
        assert_eq!(
            ids,
            [("المجري", Some("cldr:HU"))],
            "help: مجرى (course) folds into مجري (Hungarian) but no demonym ends in ى"
        );
    }
}
