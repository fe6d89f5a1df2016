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

mod cues;
mod exact;
mod fuzzy;
mod names;
mod partial;
mod unlinked;
mod words;

// Per-text maps hash short keys the text supplies: Fx is several times cheaper than
// SipHash on them, and a text cannot flood maps it only reads through.
use rustc_hash::FxHashMap as HashMap;

use crate::clitic::Candidate;
use crate::gazetteer::EntityKind;
use crate::index::EntityIdx;
use crate::matcher::Matcher;
use crate::mention::{Folding, How, MatchKind, Mention};
use crate::score::Explanation;

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
struct Found<'m> {
    /// First and last word of the mention.
    first: usize,
    last: usize,
    /// The reading of the first word (proclitic stripped, article restored).
    cand: Candidate,
    /// What the words name: a gazetteer entity, or an unknown one.
    target: Named,
    kind: MatchKind,
    alternatives: usize,
    share: f32,
    /// For a partial name: the byte offset of the full mention it refers to.
    antecedent: Option<usize>,
    /// For a fuzzy match: the name it came closest to, and what was forgiven.
    fuzzy: Option<(&'m str, Explanation)>,
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
    fn start(&self, words: &Words) -> usize {
        words.origins[words.words[self.first].chars.start + self.cand.chars]
    }

    /// The key of the first word after the proclitic.
    fn stem<'w>(&self, words: &'w Words) -> &'w str {
        let k = words.key(self.first);
        &k[k.char_indices().nth(self.cand.chars).map_or(0, |(b, _)| b)..]
    }
}

const AS_WRITTEN: Candidate = Candidate {
    prefix: "",
    chars: 0,
    article: false,
};

/// Finds the mentions of `text`.
pub(crate) fn find<'m, 't>(matcher: &'m Matcher, text: &'t str) -> Vec<Mention<'m, 't>> {
    let index = &matcher.inner.index;
    let words = Words::new(text);
    let mut found = exact::exact_pass(&words, matcher);
    if matcher.inner.config.fuzzy {
        fuzzy::fuzzy_pass(text, &words, matcher, &mut found);
    }
    if matcher.inner.config.partial {
        partial::partial_pass(&words, index, &mut found);
    }
    if matcher.inner.config.unlinked {
        unlinked::unlinked_pass(text, &words, index, &mut found);
    }
    let names = matcher.inner.name_keys();
    // A text names an entity the same way again and again: the foldings of a surface are
    // worked out once per text.
    let mut folded: HashMap<(&str, EntityIdx), Vec<Folding>> = HashMap::default();
    found
        .into_iter()
        .map(|f| {
            let start = f.start(&words);
            let end = words.words[f.last].end;
            let surface = &text[start..end];
            let entity = f.target.entity();
            let mut how = How {
                kind: f.kind,
                clitic: (f.cand.chars > 0).then_some(f.cand.prefix),
                article_restored: f.cand.article,
                folded: match entity {
                    Some(e) => folded
                        .entry((surface, e))
                        .or_insert_with(|| names::foldings(surface, names.of(index, e)))
                        .clone(),
                    None => Vec::new(),
                },
                alternatives: f.alternatives,
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
                MatchKind::Fuzzy | MatchKind::Unlinked => f.share,
            };
            if how.folded.contains(&Folding::Letters) {
                score *= LETTERS_FACTOR;
            }
            if how.folded.contains(&Folding::Spacing) {
                score *= SPACING_FACTOR;
            }
            if f.alternatives > 0 && f.kind != MatchKind::Fuzzy {
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
        .collect()
}
