//! The exact pass: leftmost-longest names, short forms and demonyms, every proclitic reading
//! of a word tried, each extended word by word while it can still be the prefix of a name.

use std::cell::OnceCell;

use crate::clitic::{self, ARTICLE, Candidate};
use crate::gazetteer::EntityKind;
use crate::index::{Index, Target};
use crate::matcher::Matcher;
use crate::mention::MatchKind;

use super::names::{NameKey, NameKeys};
use super::words::Words;
use super::{AS_WRITTEN, Found, Named};

/// Generic nouns that introduce a name (folded): `وكالة رويترز`, `منصة إكس`, `مدينة سمرقند`.
/// When the words after one are themselves a name of the same entity, the mention is those
/// words: the descriptor says what kind of thing is named, it is not part of the name.
pub(super) const DESCRIPTORS: &[&str] = &[
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

/// A full name of an entity with at least this prior beats a demonym of the same words.
const DEMONYM_BEATS_PRIOR: f32 = 0.9;

/// A proclitic is not stripped off an everyday word to reach a GeoNames place with a lower
/// prior than this (a city of about a million).
const CLITIC_PLACE_MIN_PRIOR: f32 = 0.75;

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

/// The places, in characters of `key`, where the text cuts a key next to one of the most
/// frequent Arabic words: the cuts a name must have for the text to spell it
/// ([`boundaries_fit`]).
fn frequent_cuts(text_words: &[&str]) -> Vec<usize> {
    if text_words.len() < 2 {
        return Vec::new();
    }
    let frequent: Vec<bool> = text_words
        .iter()
        .map(|w| crate::language::is_frequent_word(w))
        .collect();
    let mut cuts = Vec::new();
    let mut at = 0;
    for i in 1..text_words.len() {
        at += text_words[i - 1].chars().count();
        if frequent[i - 1] || frequent[i] {
            cuts.push(at);
        }
    }
    cuts
}

/// Do the text's word boundaries fit a name of entity `e` with orthographic key `key`?
///
/// Text may split a name's word (`جين بينغ` for `جينبينغ`) or join two (`جينبينغ` for
/// `جين بينغ`), but a split the name does not have must not cut off one of the most
/// frequent Arabic words (`cuts`, from [`frequent_cuts`]): `شي إن` is not a spelling of
/// `شيان` (Xi'an).
fn boundaries_fit(names: &[NameKey], key: &str, cuts: &[usize]) -> bool {
    if cuts.is_empty() {
        return true;
    }
    let mut any = false;
    for name in names.iter().filter(|n| n.key == key) {
        any = true;
        if cuts.iter().all(|cut| name.cuts.contains(cut)) {
            return true;
        }
    }
    !any
}

/// Chooses the entity a key names: a full name beats a short form; among full names the
/// best prior wins; a short form counts only when it names exactly one entity. Names that
/// are everyday words for this entity, and names whose word boundaries do not fit the text
/// ([`boundaries_fit`]), are not candidates.
fn choose(
    index: &Index,
    key: &str,
    text_words: &[&str],
    short_forms: bool,
    names: &NameKeys,
) -> Option<Choice> {
    let mut full: Vec<(Target, f32)> = Vec::new();
    let mut short: Vec<Target> = Vec::new();
    let mut demonym: Vec<Target> = Vec::new();
    let cuts = OnceCell::new();
    index.lookup(key, |t| {
        if t.common
            || !boundaries_fit(
                names.of(index, t.entity),
                key,
                cuts.get_or_init(|| frequent_cuts(text_words)),
            )
        {
            return;
        }
        if t.demonym {
            demonym.push(t);
        } else if t.short {
            short.push(t);
        } else {
            full.push((t, index.entity(t.entity).prior()));
        }
    });
    full.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.entity.cmp(&b.0.entity)));
    // A demonym of one country outranks names of lesser entities (`الهندية` is Indian, not
    // the Iraqi town of that name) and every short form (`السوداني`).
    if demonym.len() == 1 && full.first().is_none_or(|f| f.1 < DEMONYM_BEATS_PRIOR) {
        return Some(Choice {
            target: demonym[0],
            kind: MatchKind::Demonym,
            alternatives: full.len() + short.len(),
            share: 1.0,
        });
    }
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

/// Writes into `stem` the key `first` reads as with proclitic reading `cand` (the article
/// restored after `لل`); false when the word is too short for it.
fn reading(first: &str, cand: Candidate, stem: &mut String) -> bool {
    let Some((stem_at, _)) = first.char_indices().nth(cand.chars) else {
        return false;
    };
    stem.clear();
    if cand.article {
        stem.push_str(ARTICLE);
    }
    stem.push_str(&first[stem_at..]);
    true
}

/// Can a name start at a word with key `first`: is a reading of it a name or the start
/// of one? When not, [`best_at`] finds nothing there, whatever words follow.
fn may_start(index: &Index, first: &str, clitics: bool) -> bool {
    let mut stem = String::new();
    clitic::candidates(first)
        .filter(|c| clitics || c.chars == 0)
        .any(|cand| {
            reading(first, cand, &mut stem) && {
                let mut named = false;
                index.lookup(&stem, |t| named |= !t.common);
                named || index.is_prefix(&stem)
            }
        })
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
    let names = matcher.inner.name_keys();
    let first = words.key(i);
    let mut best: Option<(Candidate, usize, Choice)> = None;
    let candidates = clitic::candidates(first).filter(|c| config.clitics || c.chars == 0);
    for cand in candidates {
        let mut stem = String::new();
        if !reading(first, cand, &mut stem) {
            continue;
        }
        let mut parts: Vec<&str> = vec![&stem];
        key.clear();
        key.push_str(&stem);
        let mut j = i;
        // A written word that is itself an everyday word (`وكيل`, `وزيرا`) is read with a
        // proclitic stripped only to reach a prominent entity, not a town (`كيل`, Kiel).
        let everyday_word = cand.chars > 0 && crate::language::zipf(first).is_some();
        loop {
            if let Some(choice) = choose(index, key, &parts, config.short_forms, names) {
                let e = index.entity(choice.target.entity);
                let minor_place = e.kind == EntityKind::Place
                    && e.id.starts_with("geonames:")
                    && e.prior() < CLITIC_PLACE_MIN_PRIOR;
                if best.as_ref().is_none_or(|b| j > b.1)
                    && !(everyday_word && j == i && minor_place)
                {
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

/// Exact pass: leftmost-longest names, short forms and demonyms.
pub(super) fn exact_pass<'m>(words: &Words, matcher: &'m Matcher) -> Vec<Found<'m>> {
    let index = &matcher.inner.index;
    let mut found = Vec::new();
    let mut key = String::new();
    let clitics = matcher.inner.config.clitics;
    let live = words.per_type(|first| may_start(index, first, clitics));
    let mut i = 0;
    while i < words.words.len() {
        if !live[i] {
            i += 1;
            continue;
        }
        let Some((cand, j, choice)) = best_at(words, index, matcher, i, &mut key) else {
            i += 1;
            continue;
        };
        let mut f = Found {
            first: i,
            last: j,
            cand,
            target: Named::Entity(choice.target.entity),
            kind: choice.kind,
            alternatives: choice.alternatives,
            share: choice.share,
            antecedent: None,
            fuzzy: None,
        };
        if j > i && !cand.article && DESCRIPTORS.contains(&f.stem(words)) {
            let rest: String = (i + 1..=j).map(|w| words.key(w)).collect();
            let mut same = false;
            index.lookup(&rest, |t| {
                same |= t.entity == choice.target.entity && !t.common
            });
            if same {
                f.first = i + 1;
                f.cand = AS_WRITTEN;
            }
        }
        found.push(f);
        i = j + 1;
    }
    found
}
