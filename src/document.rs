//! Decisions that need the whole text: which words form mentions, and of whom.
//!
//! Mentions are found leftmost-longest: at each word, every proclitic reading of the word
//! (as written first) is extended word by word while the growing key can still be the
//! prefix of a name; the longest name wins, and scanning resumes after it. Mentions never
//! overlap.

use std::ops::Range;

use crate::clitic::{self, ARTICLE, Candidate};
use crate::gazetteer::{Entity, builtin};
use crate::index::{Index, Target};
use crate::keys::word_keys;
use crate::matcher::{Folding, How, MatchKind, Matcher, Mention};
use crate::normalize::{Level, normalize, normalize_mapped};
use crate::token::{is_joiner, tokens};

/// A word of the text with its orthographic key.
struct Word {
    /// Byte offset one past the end of the word in the text.
    end: usize,
    /// Range of the word's key in [`Words::keys`].
    key: Range<usize>,
    /// Range of the key's characters in [`Words::origins`].
    chars: Range<usize>,
    /// Can a name continue from this word to the next one?
    joins_next: bool,
}

/// The words of a text and their keys, in shared buffers.
struct Words {
    words: Vec<Word>,
    keys: String,
    /// For each key character, the byte offset in the text of the character behind it.
    origins: Vec<usize>,
}

impl Words {
    fn new(text: &str) -> Words {
        let mut out = Words {
            words: Vec::new(),
            keys: String::new(),
            origins: Vec::new(),
        };
        let (mut folded, mut map) = (String::new(), Vec::new());
        let mut prev_end: Option<usize> = None;
        for token in tokens(text) {
            folded.clear();
            map.clear();
            normalize_mapped(token.text, Level::Folded, &mut folded, &mut map);
            let (key_start, chars_start) = (out.keys.len(), out.origins.len());
            for (c, &at) in folded.chars().zip(&map) {
                if c.is_alphanumeric() {
                    out.keys.push(c);
                    out.origins.push(token.start + at);
                }
            }
            if let (Some(last), Some(end)) = (out.words.last_mut(), prev_end) {
                last.joins_next = is_joiner(&text[end..token.start]);
            }
            if out.keys.len() == key_start {
                // Nothing left after folding (a lone accusative alef): the word breaks names.
                if let Some(last) = out.words.last_mut() {
                    last.joins_next = false;
                }
                prev_end = None;
                continue;
            }
            out.words.push(Word {
                end: token.end,
                key: key_start..out.keys.len(),
                chars: chars_start..out.origins.len(),
                joins_next: false,
            });
            prev_end = Some(token.end);
        }
        out
    }

    fn key(&self, w: usize) -> &str {
        &self.keys[self.words[w].key.clone()]
    }
}

/// Generic nouns that introduce a name (folded): `وكالة رويترز`, `منصة إكس`, `مدينة سمرقند`.
/// When the words after one are themselves a name of the same entity, the mention is those
/// words: the descriptor says what kind of thing is named, it is not part of the name.
const DESCRIPTORS: &[&str] = &[
    "وكاله",
    "شركه",
    "منصه",
    "منطقه",
    "مدينه",
    "قناه",
    "صحيفه",
    "جريده",
    "موقع",
    "مجله",
    "شبكه",
];

/// How much a short form's prior is discounted against full names of other entities.
const SHORT_FORM_DISCOUNT: f32 = 0.9;

/// The entity chosen for a key, if the key is usable.
struct Choice {
    target: Target,
    kind: MatchKind,
    alternatives: usize,
    /// The chosen entity's share of the candidates' weight (see [`share`]).
    share: f32,
}

/// How sharply priors separate candidates: a prior higher by 0.1 weighs e times more. A
/// prior of 0.1 is 0.8 orders of magnitude of population, or half a prominence step.
const PRIOR_SHARPNESS: f32 = 10.0;

/// The chosen candidate's share of the total weight `exp(PRIOR_SHARPNESS · prior)` of all
/// candidates: close to 1 when it dominates (Moscow, Russia against Moscow, Idaho), 0.5
/// for two equally likely entities.
fn share(chosen: f32, all: impl Iterator<Item = f32>) -> f32 {
    let total: f32 = all.map(|p| (PRIOR_SHARPNESS * (p - chosen)).exp()).sum();
    if total > 0.0 { 1.0 / total } else { 1.0 }
}

/// Do the text's word boundaries fit a name of `entity` with orthographic key `key`?
///
/// `lens` are the character lengths of the text words that make up `key`. Text may split a
/// name's word (`جين بينغ` for `جينبينغ`) or join two (`جينبينغ` for `جين بينغ`), but a
/// split the name does not have must not cut off one of the most frequent Arabic words:
/// `شي إن` is not a spelling of `شيان` (Xi'an).
fn boundaries_fit(entity: &Entity, key: &str, text_words: &[&str]) -> bool {
    if text_words.len() < 2 {
        return true;
    }
    let mut text_cuts = Vec::with_capacity(text_words.len());
    let mut at = 0;
    for w in &text_words[..text_words.len() - 1] {
        at += w.chars().count();
        text_cuts.push(at);
    }
    let names = entity
        .names()
        .chain(entity.short.iter().map(|s| s.as_ref()));
    let mut any = false;
    for name in names {
        let words = word_keys(name);
        if words.concat() != key {
            continue;
        }
        any = true;
        let mut name_cuts = Vec::with_capacity(words.len());
        let mut at = 0;
        for w in &words[..words.len().saturating_sub(1)] {
            at += w.chars().count();
            name_cuts.push(at);
        }
        let fits = text_cuts.iter().enumerate().all(|(i, cut)| {
            name_cuts.contains(cut)
                || !(builtin::is_frequent_word(text_words[i])
                    || builtin::is_frequent_word(text_words[i + 1]))
        });
        if fits {
            return true;
        }
    }
    !any
}

/// Chooses the entity a key names: a full name beats a short form; among full names the
/// best prior wins; a short form counts only when it names exactly one entity. Names that
/// are everyday words for this entity, and names whose word boundaries do not fit the text
/// ([`boundaries_fit`]), are not candidates.
fn choose(index: &Index, key: &str, text_words: &[&str], short_forms: bool) -> Option<Choice> {
    let mut full: Vec<(Target, f32)> = Vec::new();
    let mut short: Vec<Target> = Vec::new();
    index.lookup(key, |t| {
        if t.common || !boundaries_fit(index.entity(t.entity), key, text_words) {
            return;
        }
        if t.short {
            short.push(t);
        } else {
            full.push((t, index.entity(t.entity).prior()));
        }
    });
    full.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.entity.cmp(&b.0.entity)));
    // A short form counts only when it names exactly one entity; it then competes with the
    // full names on prior, discounted: `مودي` is Narendra Modi, not the hamlet Modi.
    let short = (short_forms && short.len() == 1).then(|| {
        let t = short[0];
        (t, index.entity(t.entity).prior() * SHORT_FORM_DISCOUNT)
    });
    match (full.first(), short) {
        (Some(&(f, p)), s) if s.is_none_or(|(_, sp)| p >= sp) => Some(Choice {
            target: f,
            kind: MatchKind::Exact,
            alternatives: full.len() - 1,
            share: share(p, full.iter().map(|x| x.1)),
        }),
        (_, Some((t, p))) => Some(Choice {
            target: t,
            kind: MatchKind::ShortForm,
            alternatives: full.len(),
            share: share(p, full.iter().map(|x| x.1).chain([p])),
        }),
        _ => None,
    }
}

/// The best match starting at word `i`: (candidate reading, last word, choice).
fn best_at(
    words: &Words,
    index: &Index,
    matcher: &Matcher,
    i: usize,
    key: &mut String,
) -> Option<(Candidate, usize, Choice)> {
    let config = matcher.inner.config;
    let first = words.key(i);
    let mut best: Option<(Candidate, usize, Choice)> = None;
    let candidates = clitic::candidates(first).filter(|c| config.clitics || c.chars == 0);
    for cand in candidates {
        let Some((stem_at, _)) = first.char_indices().nth(cand.chars) else {
            continue;
        };
        let mut stem = String::new();
        if cand.article {
            stem.push_str(ARTICLE);
        }
        stem.push_str(&first[stem_at..]);
        let mut parts: Vec<&str> = vec![&stem];
        key.clear();
        key.push_str(&stem);
        let mut j = i;
        loop {
            if let Some(choice) = choose(index, key, &parts, config.short_forms) {
                if best.as_ref().is_none_or(|b| j > b.1) {
                    best = Some((cand, j, choice));
                }
            }
            let can_grow = words.words[j].joins_next
                && j + 1 < words.words.len()
                && j + 1 - i < index.max_words()
                && index.is_prefix(key);
            if !can_grow {
                break;
            }
            j += 1;
            key.push_str(words.key(j));
            parts.push(words.key(j));
        }
    }
    best
}

/// What normalisation the match of `surface` to `entity` needed.
fn foldings(surface: &str, names: &[&str]) -> Vec<Folding> {
    let mut folded = Vec::new();
    let clean = normalize(surface, Level::Clean);
    let bare = normalize(&clean, Level::Bare);
    if clean != surface {
        folded.push(Folding::Clean);
    }
    if bare != clean {
        folded.push(Folding::Diacritics);
    }
    let alnum = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let bare_key = alnum(&bare);
    if !names
        .iter()
        .any(|n| alnum(&normalize(n, Level::Bare)) == bare_key)
    {
        folded.push(Folding::Letters);
    }
    let words = word_keys(surface);
    if !names.iter().any(|n| word_keys(n) == words) {
        folded.push(Folding::Spacing);
    }
    folded
}

/// Finds the mentions of `text`.
pub(crate) fn find<'m, 't>(matcher: &'m Matcher, text: &'t str) -> Vec<Mention<'m, 't>> {
    let index = &matcher.inner.index;
    let words = Words::new(text);
    let mut mentions = Vec::new();
    let mut key = String::new();
    let mut i = 0;
    while i < words.words.len() {
        let Some((cand, j, choice)) = best_at(&words, index, matcher, i, &mut key) else {
            i += 1;
            continue;
        };
        let (mut i_start, mut cand) = (i, cand);
        let stem = &words.key(i)[words
            .key(i)
            .char_indices()
            .nth(cand.chars)
            .map_or(0, |(b, _)| b)..];
        if j > i && !cand.article && DESCRIPTORS.contains(&stem) {
            let rest: String = (i + 1..=j).map(|w| words.key(w)).collect();
            let mut same = false;
            index.lookup(&rest, |t| {
                same |= t.entity == choice.target.entity && !t.common
            });
            if same {
                i_start = i + 1;
                cand = Candidate {
                    prefix: "",
                    chars: 0,
                    article: false,
                };
            }
        }
        let start = words.origins[words.words[i_start].chars.start + cand.chars];
        let end = words.words[j].end;
        let surface = &text[start..end];
        let entity = index.entity(choice.target.entity);
        let mut names: Vec<&str> = entity.names().collect();
        names.extend(entity.short.iter().map(|s| s.as_ref()));
        let mut how = How {
            kind: choice.kind,
            clitic: (cand.chars > 0).then_some(cand.prefix),
            article_restored: cand.article,
            folded: foldings(surface, &names),
            alternatives: choice.alternatives,
        };
        if cand.article {
            // The stem was looked up as `ال` + stem: the surface lacks the article by design.
            how.folded
                .retain(|f| *f != Folding::Spacing && *f != Folding::Letters);
        }
        let mut score: f32 = match how.kind {
            MatchKind::Exact => 1.0,
            MatchKind::ShortForm => 0.9,
        };
        if how.folded.contains(&Folding::Letters) {
            score *= 0.98;
        }
        if how.folded.contains(&Folding::Spacing) {
            score *= 0.99;
        }
        if choice.alternatives > 0 {
            score *= choice.share;
        }
        mentions.push(Mention {
            start,
            end,
            surface,
            entity,
            score,
            how,
        });
        i = j + 1;
    }
    mentions
}
