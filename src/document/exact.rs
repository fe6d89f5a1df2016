//! The exact pass: leftmost-longest names, short forms and demonyms, every proclitic reading
//! of a word tried, each extended word by word while it can still be the prefix of a name.

use std::cell::OnceCell;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use crate::clitic::{self, ARTICLE, Candidate};
use crate::gazetteer::EntityKind;
use crate::index::{EntityIdx, Index, Target};
use crate::matcher::Matcher;
use crate::mention::MatchKind;

use super::cues::{
    CITY_HEADS, COMPETITION_HEADS, CURRENCY_WORDS, DIVISION_HEADS, GOVERNOR_TITLES, LANGUAGE_WORDS,
    LEGISLATIVE_HEADS, LIST_HEADS, ORG_DESCRIPTORS, PLACE_HEADS, PLACE_PREPOSITIONS, SPORTS_WORDS,
    STOPS, is_in,
};
use super::memo::{KeyFacts, Memo};
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
#[derive(Clone)]
pub(super) struct Choice {
    target: Target,
    kind: MatchKind,
    /// The other entities the key names.
    alternatives: Vec<EntityIdx>,
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
    ambiguous: &mut Vec<EntityIdx>,
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
            alternatives: full
                .iter()
                .map(|f| f.0.entity)
                .chain(short.iter().map(|t| t.entity))
                .collect(),
            share: 1.0,
        });
    }
    // A short form counts only when it names exactly one entity; it then competes with the
    // full names on prior, discounted: `مودي` is Narendra Modi, not the hamlet Modi.
    if short_forms && short.len() > 1 && full.is_empty() {
        ambiguous.clear();
        ambiguous.extend(short.iter().map(|t| t.entity));
    }
    let short = (short_forms && short.len() == 1).then(|| {
        let t = short[0];
        (t, index.entity(t.entity).prior() * SHORT_FORM_DISCOUNT)
    });
    match (full.first(), short) {
        (Some(&(f, p)), s) if s.is_none_or(|(_, sp)| p >= sp) => Some(Choice {
            target: f,
            kind: MatchKind::Exact,
            alternatives: full[1..].iter().map(|x| x.0.entity).collect(),
            share: share(p, full.iter().map(|x| x.1)),
        }),
        (_, Some((t, p))) => Some(Choice {
            target: t,
            kind: MatchKind::ShortForm,
            alternatives: full.iter().map(|x| x.0.entity).collect(),
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

/// The readings of a word with key `first` at which a name may start (the reading is a
/// name or the start of one), as bits by their place among [`clitic::candidates`]. At a
/// reading without its bit [`best_at`] finds nothing, whatever words follow.
pub(super) fn live_readings(index: &Index, first: &str, clitics: bool) -> u16 {
    let mut stem = String::new();
    let mut live = 0;
    for (k, cand) in clitic::candidates(first).enumerate() {
        let alive = (clitics || cand.chars == 0) && reading(first, cand, &mut stem) && {
            let mut named = false;
            index.lookup(&stem, |t| named |= !t.common);
            named || index.is_prefix(&stem)
        };
        if alive {
            live |= 1 << k;
        }
    }
    live
}

/// What a key gives, read from the words of the text that make it: the entity it names,
/// the entities it names ambiguously, and whether a longer name starts with it.
#[derive(Clone)]
pub(super) struct Step {
    chosen: Option<Choice>,
    ambiguous: Vec<EntityIdx>,
    prefix: bool,
}

#[cfg(test)]
impl Step {
    /// A step that names nothing, a prefix of a longer name or not.
    pub(super) fn bare(prefix: bool) -> Step {
        Step {
            chosen: None,
            ambiguous: Vec::new(),
            prefix,
        }
    }

    /// Does a longer name start with the step's words?
    pub(super) fn is_prefix(&self) -> bool {
        self.prefix
    }
}

impl Step {
    /// The step of `key`, the words `parts` of the text joined.
    fn of(index: &Index, matcher: &Matcher, key: &str, parts: &[&str]) -> Step {
        let mut ambiguous = Vec::new();
        let chosen = choose(
            index,
            key,
            parts,
            matcher.inner.config.short_forms,
            matcher.inner.name_keys(),
            &mut ambiguous,
        );
        Step {
            chosen,
            ambiguous,
            prefix: index.is_prefix(key),
        }
    }

    /// The step of words `i..=j` of the text, the first read as `cand` (a reading that fits
    /// it): the key and its words are put together only where the choice is not known yet.
    fn of_words(matcher: &Matcher, words: &Words, cand: Candidate, i: usize, j: usize) -> Step {
        let mut stem = String::new();
        reading(words.key(i), cand, &mut stem);
        let parts: Vec<&str> = std::iter::once(stem.as_str())
            .chain((i + 1..=j).map(|w| words.key(w)))
            .collect();
        Step::of(&matcher.inner.index, matcher, &parts.concat(), &parts)
    }
}

/// What one reading of a word alone gives, the same wherever the word's key is.
#[derive(Clone)]
pub(super) struct FirstStep {
    cand: Candidate,
    step: Step,
    /// The reading stripped a proclitic off an everyday word (see [`best_at`]).
    everyday_word: bool,
}

/// The [`FirstStep`] of each live reading of the word with key `first`.
fn first_steps(index: &Index, matcher: &Matcher, first: &str, live: u16) -> Vec<FirstStep> {
    let mut steps = Vec::new();
    let mut stem = String::new();
    for (k, cand) in clitic::candidates(first).enumerate() {
        if live & 1 << k == 0 || !reading(first, cand, &mut stem) {
            continue;
        }
        // A written word that is itself an everyday word (`وكيل`, `وزيرا`) is read with a
        // proclitic stripped only to reach a prominent entity, not a town (`كيل`, Kiel).
        // Nor is `ف` ("so, then"), which leads verbs and particles far more often than a
        // place's name (`فلور` is the name Fleur, not ف + Lohr am Main), nor `ك` ("like"),
        // which foreign names start with far more often than it comes before a town's
        // (`كاوارا` is Kwara, not ك + Awara).
        let everyday_word = cand.chars > 0
            && (crate::language::zipf(first).is_some()
                || cand.prefix.starts_with('ف')
                || cand.prefix.starts_with('ك'));
        steps.push(FirstStep {
            cand,
            step: Step::of(index, matcher, &stem, &[&stem]),
            everyday_word,
        });
    }
    steps
}

/// What the exact pass keeps from word to word: the steps of the word types
/// of the text and of their pairs (by the first word's type, the reading's place among its
/// [`FirstStep`]s, and the second word's type), taken from the memo ([`Memo::first_steps`],
/// [`Memo::longer_step`]) the first time the text has them. A text repeats its words and the
/// pairs that start names (`رئيس الوزراء`, `الامم المتحده`), and so do the texts of a day.
struct Scratch<'e> {
    /// The memo's entry of each word type ([`Memo::key_entries`]).
    entries: &'e [u32],
    firsts: Vec<Option<Arc<[FirstStep]>>>,
    pairs: HashMap<(u32, u32, u32), Step>,
}

/// The best match starting at word `i`: (candidate reading, last word, choice).
fn best_at(
    words: &Words,
    matcher: &Matcher,
    i: usize,
    live: u16,
    scratch: &mut Scratch<'_>,
    memo: &mut Memo,
    shared: &mut Vec<Shared>,
) -> Option<(Candidate, usize, Choice)> {
    let index = &matcher.inner.index;
    let first = words.key(i);
    let ty = words.types[i];
    let steps = scratch.firsts[ty as usize]
        .get_or_insert_with(|| {
            memo.first_steps(scratch.entries[ty as usize], || {
                first_steps(index, matcher, first, live)
            })
        })
        .clone();
    let mut best: Option<(Candidate, usize, Choice)> = None;
    for (r, first_step) in steps.iter().enumerate() {
        let cand = first_step.cand;
        let pairs = &mut scratch.pairs;
        let mut j = i;
        let mut longer: Step;
        loop {
            let mut from_memo = || {
                let rest = (i + 1..=j).map(|w| words.key(w));
                memo.longer_step(first, r, rest, || {
                    Step::of_words(matcher, words, cand, i, j)
                })
            };
            let step = if j == i {
                &first_step.step
            } else if j == i + 1 {
                pairs
                    .entry((ty, r as u32, words.types[j]))
                    .or_insert_with(from_memo)
            } else {
                longer = from_memo();
                &longer
            };
            if step.chosen.is_none() && !step.ambiguous.is_empty() {
                shared.push(Shared {
                    first: i,
                    last: j,
                    cand,
                    entities: step.ambiguous.clone(),
                });
            }
            if let Some(choice) = &step.chosen {
                let e = index.entity(choice.target.entity);
                let minor_place = e.kind == EntityKind::Place
                    && e.id.starts_with("geonames:")
                    && e.prior() < CLITIC_PLACE_MIN_PRIOR;
                if best.as_ref().is_none_or(|b| j > b.1)
                    && !(first_step.everyday_word && j == i && minor_place)
                {
                    best = Some((cand, j, choice.clone()));
                }
            }
            let can_grow = step.prefix
                && words.words[j].joins_next
                && j + 1 < words.words.len()
                && j + 1 - i < index.max_words();
            if !can_grow {
                break;
            }
            j += 1;
        }
    }
    best
}

/// Exact pass: leftmost-longest names, short forms and demonyms.
pub(super) fn exact_pass<'m>(
    words: &Words,
    matcher: &'m Matcher,
    facts: &[KeyFacts],
    entries: &[u32],
    memo: &mut Memo,
) -> Vec<Found<'m>> {
    let index = &matcher.inner.index;
    // News names something every few words: sized so that it does not grow (and copy
    // itself) a dozen times over a long text.
    let mut found = Vec::with_capacity(words.words.len() / 4);
    let mut scratch = Scratch {
        entries,
        firsts: vec![None; words.type_words.len()],
        // Sized for the pairs a text of its length starts: a paragraph's map grew from
        // nothing three or four times.
        pairs: HashMap::with_capacity_and_hasher(words.words.len() / 8, Default::default()),
    };
    let mut shared = Vec::new();
    let mut i = 0;
    while i < words.words.len() {
        if facts[i].live == 0 {
            i += 1;
            continue;
        }
        let Some((cand, j, choice)) = best_at(
            words,
            matcher,
            i,
            facts[i].live,
            &mut scratch,
            memo,
            &mut shared,
        ) else {
            i += 1;
            continue;
        };
        // A head noun before a name is not the place it also names (`مدينة مأرب`: GeoNames
        // lists `مدينه` for Medina); a channel may be named by one (`الجزيرة`).
        let stem = {
            let k = words.key(i);
            &k[k.char_indices().nth(cand.chars).map_or(k.len(), |(b, _)| b)..]
        };
        if j == i
            && words.words[i].joins_next
            && (is_in(PLACE_HEADS, stem) || is_in(DESCRIPTORS, stem))
            && index.entity(choice.target.entity).kind == EntityKind::Place
        {
            i += 1;
            continue;
        }
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
        if j > i && !cand.article && is_in(DESCRIPTORS, f.stem(words)) {
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
    by_country(index, shared, &mut found);
    found
}

/// A short form that several entities share (`مجلس الأمة` is Kuwait's parliament and
/// Algeria's upper house), at words `first..=last`.
struct Shared {
    first: usize,
    last: usize,
    cand: Candidate,
    entities: Vec<EntityIdx>,
}

/// The document before priors, for shared short forms: one that names exactly one entity of
/// a country the text names (a place of that country, the country itself, or a person or an
/// organisation of it) is that entity (`مجلس الأمة` in a text about Kuwait). Longest first; never over a mention found.
fn by_country(index: &Index, mut shared: Vec<Shared>, found: &mut Vec<Found<'_>>) {
    if shared.is_empty() {
        return;
    }
    // The countries of the places the text names, and of its people and organisations (a
    // text that names Bahrain's king is about Bahrain).
    let countries: Vec<&str> = found
        .iter()
        .filter_map(|f| f.target.entity())
        .map(|e| index.entity(e))
        .filter_map(|e| e.country.as_deref())
        .collect();
    if countries.is_empty() {
        return;
    }
    let mut covered: Vec<bool> = vec![false; found.iter().map(|f| f.last + 1).max().unwrap_or(0)];
    let cover = |first: usize, last: usize, covered: &mut Vec<bool>| {
        if covered.len() <= last {
            covered.resize(last + 1, false);
        }
        covered[first..=last].iter_mut().for_each(|c| *c = true);
    };
    for f in found.iter() {
        cover(f.first, f.last, &mut covered);
    }
    shared.sort_by_key(|s| (std::cmp::Reverse(s.last - s.first), s.first));
    let mut added = false;
    for s in shared {
        if (s.first..=s.last).any(|w| covered.get(w).copied().unwrap_or(false)) {
            continue;
        }
        let mut here = s.entities.iter().filter(|&&e| {
            index
                .entity(e)
                .country
                .as_deref()
                .is_some_and(|c| countries.contains(&c))
        });
        let (Some(&e), None) = (here.next(), here.next()) else {
            continue;
        };
        cover(s.first, s.last, &mut covered);
        found.push(Found {
            first: s.first,
            last: s.last,
            cand: s.cand,
            target: Named::Entity(e),
            kind: MatchKind::ShortForm,
            alternatives: s.entities.iter().copied().filter(|&x| x != e).collect(),
            share: 1.0,
            antecedent: None,
            fuzzy: None,
        });
        added = true;
    }
    if added {
        found.sort_by_key(|f| f.first);
    }
}

/// Drops the demonyms that are words of a competition's name: right after its head word
/// (`الدوري البرازيلي`, `بالدوري الإنجليزي`), the demonym names the league, and a link to the
/// country would be a piece of a longer name.
/// So is one after the head and up to two words of the league's name, joined with no
/// punctuation (`دوري روشن السعودي`, `دوري الدرجة الأولى الإسباني`), none of them a word
/// of another phrase (`الدوري أمام المنتخب السعودي` is the national team's).
pub(super) fn competition_demonyms(words: &Words, found: &mut Vec<Found<'_>>) {
    let head_at = |x: usize| {
        let key = words.key(x);
        clitic::candidates(key).any(|c| is_in(COMPETITION_HEADS, c.stem(key)))
    };
    // A league's name is made of words with the article (`الدرجة الأولى`) and names no
    // dictionary has (`روشن`), not of prepositions (`أمام`) or a team's descriptor.
    let inner = |x: usize| {
        let key = words.key(x);
        (key.starts_with(ARTICLE) || crate::language::zipf(key).is_none())
            && !is_in(STOPS, key)
            && !is_in(ORG_DESCRIPTORS, key)
            && !is_in(COMPETITION_HEADS, key)
    };
    found.retain(|f| {
        let w = f.first;
        let in_name = || {
            (1..=COMPETITION_NAME_WORDS + 1).any(|back| {
                w >= back
                    && (w - back..w).all(|x| words.words[x].joins_next)
                    && head_at(w - back)
                    && (w - back + 1..w).all(inner)
            })
        };
        !(f.kind == MatchKind::Demonym && f.cand.chars == 0 && in_name())
    });
}

/// Drops the links of an organisation of one country named by its head and everyday words
/// only (`حزب العمال`, `مجلس الشيوخ`) in a text that names places, people or bodies of other countries
/// and none of its own: in news of Australia `حزب العمال` is Australia's Labor party, not
/// Britain's the gazetteer knows. So is a small GeoNames town of a country the text names by
/// nothing else: it is the namesake in the text's country the gazetteer has, if any. The
/// document before priors: with unlinked mentions on, what is left is reported as an entity
/// the gazetteer does not know, the one it resembles among its candidates. Linear in the
/// mentions: the countries are counted once.
pub(super) fn names_of_other_countries(
    words: &Words,
    index: &Index,
    found: &mut Vec<Found<'_>>,
    unlinked: bool,
) {
    let country_of = |f: &Found<'_>| {
        f.target
            .entity()
            .and_then(|e| index.entity(e).country.as_deref())
    };
    let generic = |f: &Found<'_>, e: &crate::gazetteer::Entity| {
        e.kind == EntityKind::Organisation
            && f.last > f.first
            && is_in(LEGISLATIVE_HEADS, f.stem(words))
            && (f.first + 1..=f.last).all(|w| {
                let key = words.key(w);
                // `الله` of `حزب الله` is a word of names, not an everyday description.
                crate::language::zipf(key).is_some_and(|z| z >= GENERIC_WORD_MIN_ZIPF)
                    && crate::language::bare_word(key).person < GENERIC_WORD_MAX_NAMES
            })
    };
    // A GeoNames town by one name (below about 60,000 people): the namesake of a
    // place of the text's country as often as the one the priors chose.
    let town = |f: &Found<'_>, e: &crate::gazetteer::Entity| {
        f.kind == MatchKind::Exact
            && e.kind == EntityKind::Place
            && e.id.starts_with("geonames:")
            && e.prior() < TEXT_COUNTRY_TOWN_MAX_PRIOR
    };
    // Whether each mention is such a name, and its entity's country: worked out once.
    let facts: Vec<(bool, Option<&str>)> = found
        .iter()
        .map(|f| {
            let Some(e) = f.target.entity().map(|e| index.entity(e)) else {
                return (false, None);
            };
            match e.country.as_deref() {
                Some(c) => (town(f, e) || generic(f, e), Some(c)),
                None => (false, None),
            }
        })
        .collect();
    // The mentions of each country the text names by anything but such names.
    let mut countries: HashMap<&str, usize> = HashMap::default();
    for c in facts.iter().filter(|x| !x.0).filter_map(|x| x.1) {
        *countries.entry(c).or_default() += 1;
    }
    let mentions = |c: &str| countries.get(c).copied().unwrap_or(0);
    // The text is about another country when one other country has at least
    // [`OTHER_COUNTRY_MIN_MENTIONS`] of its mentions; short texts that name few are left alone.
    // The first of equals in the order of the codes, so that runs agree.
    let Some((about, _)) = countries
        .iter()
        .map(|(&c, &n)| (c, n))
        .filter(|&(_, n)| n >= OTHER_COUNTRY_MIN_MENTIONS)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
    else {
        return;
    };
    let foreign: Vec<bool> = facts
        .iter()
        .map(|&(weak, c)| weak && c.is_some_and(|c| mentions(c) == 0))
        .collect();
    if !foreign.contains(&true) {
        return;
    }
    // A town of another country is its namesake in the text's country, where the gazetteer
    // has one (`القريات` in news of Libya).
    for (f, _) in found.iter_mut().zip(&foreign).filter(|(_, x)| **x) {
        if !f.target.entity().is_some_and(|e| town(f, index.entity(e))) {
            continue;
        }
        let here = f
            .alternatives
            .iter()
            .copied()
            .find(|&a| index.entity(a).country.as_deref() == Some(about));
        if let (Some(a), Some(e)) = (here, f.target.entity()) {
            f.alternatives.retain(|&x| x != a);
            f.alternatives.push(e);
            f.target = Named::Entity(a);
        }
    }
    // What is left of another country: switched links are of the text's country now.
    let foreign: Vec<bool> = found
        .iter()
        .zip(foreign)
        .map(|(f, x)| x && country_of(f).is_some_and(|c| mentions(c) == 0))
        .collect();
    if !unlinked {
        let mut at = 0;
        found.retain(|_| {
            at += 1;
            !foreign[at - 1]
        });
        return;
    }
    // Reported unlinked instead, one unknown entity for each entity the links named.
    let mut next_local = found
        .iter()
        .filter_map(|f| match f.target {
            Named::Unknown(_, local) => Some(local + 1),
            Named::Entity(_) => None,
        })
        .max()
        .unwrap_or(0);
    let mut locals: Vec<(EntityIdx, u32)> = Vec::new();
    for (f, _) in found.iter_mut().zip(&foreign).filter(|(_, x)| **x) {
        let Some(e) = f.target.entity() else {
            continue;
        };
        let local = match locals.iter().find(|(x, _)| *x == e) {
            Some(&(_, local)) => local,
            None => {
                locals.push((e, next_local));
                next_local += 1;
                next_local - 1
            }
        };
        f.target = Named::Unknown(index.entity(e).kind, local);
        f.kind = MatchKind::Unlinked;
        f.alternatives = vec![e];
        f.fuzzy = None;
    }
}

/// A GeoNames place below this prior (a town of about 60,000) named in a text about
/// another country is a namesake there.
const TEXT_COUNTRY_TOWN_MAX_PRIOR: f32 = 0.6;

/// The mentions of one other country that make a text about it (its places, people and
/// bodies).
const OTHER_COUNTRY_MIN_MENTIONS: usize = 3;

/// A word of a body's name seen in this many person names or more is a word of names
/// (`الله`), not an everyday description.
const GENERIC_WORD_MAX_NAMES: u32 = 20;

/// A word of a name at least this frequent (Zipf) is an everyday word (`العمال`, 4.6; `مجلس`).
const GENERIC_WORD_MIN_ZIPF: f32 = 4.0;

/// Drops the demonyms that name a language or a currency, not the country: after a word for
/// a language (`اللغة الإنجليزية`, `باللغة العربية`) or a currency (`دولار أمريكي`, `جنيه
/// مصري`), and the demonyms joined to such a one by `و` (`اللغتين الإنجليزية والفرنسية`).
/// News annotation leaves languages and currencies out; a link to the country there would be
/// wrong.
pub(super) fn language_and_currency_demonyms(words: &Words, found: &mut Vec<Found<'_>>) {
    // Whether each word type is a word for a language or a currency: texts repeat the words
    // before their demonyms, so each type is asked once.
    let mut is_word_of: Vec<Option<bool>> = vec![None; words.type_words.len()];
    let mut after = |x: usize| {
        x > 0 && words.words[x - 1].joins_next && {
            let slot = &mut is_word_of[words.types[x - 1] as usize];
            *slot.get_or_insert_with(|| {
                let key = words.key(x - 1);
                clitic::candidates(key).any(|c| {
                    let stem = c.stem(key);
                    is_in(LANGUAGE_WORDS, stem) || is_in(CURRENCY_WORDS, stem)
                })
            })
        }
    };
    let mut dropped_last: Option<usize> = None;
    found.retain(|f| {
        let demonym = f.kind == MatchKind::Demonym;
        let drop = demonym
            && (after(f.first)
                || (f.cand.prefix == "و"
                    && dropped_last == Some(f.first.wrapping_sub(1))
                    && words.words[f.first - 1].joins_next));
        if drop {
            dropped_last = Some(f.last);
        }
        !drop
    });
}

/// The most words of a league's name between its head and the demonym that ends it.
const COMPETITION_NAME_WORDS: usize = 2;

/// A town's name (below a city of about a million) is a piece of a longer name when a word
/// no word list has, of at least this many letters, follows it in the same name.
const FOREIGN_NEXT_MIN_LETTERS: usize = 3;

/// Drops the one-word GeoNames towns (below a city of about a million) that a word no word
/// list has, even with an ending or a verb's prefix off, follows in the same name, with no punctuation between: `داروين نونيز` is
/// Darwin Núñez, not Darwin, Australia, and `Budi Djiwandono` no town named Budi. A wrong
/// link is worse than none; the unlinked pass may read the words as the name they are.
pub(super) fn towns_in_foreign_names(
    words: &Words,
    index: &Index,
    facts: &[KeyFacts],
    found: &mut Vec<Found<'_>>,
) {
    let n = words.words.len();
    let covered = super::covered_words(found, n);
    found.retain(|f| {
        let Named::Entity(e) = f.target else {
            return true;
        };
        let place = index.entity(e);
        let next = f.last + 1;
        !(f.first == f.last
            && f.kind == MatchKind::Exact
            && place.kind == EntityKind::Place
            && place.id.starts_with("geonames:")
            && place.prior() < CLITIC_PLACE_MIN_PRIOR
            && next < n
            && words.words[f.last].joins_next
            && !covered[next]
            && !facts[next].kind.is_everyday()
            && facts[next].letters >= FOREIGN_NEXT_MIN_LETTERS
            // Nor with an ending or a verb's prefix (`الدوحة ستستضيف`, Doha will host).
            && !super::unlinked::is_everyday(words.key(next))
            && facts[next].live == 0
            // `و` joined to a word coordinates it (`ويفرن والزاوية`, `جنين ومخيمها`).
            && !words.key(next).starts_with('\u{0648}'))
    });
}

/// A text with at least this many distinct words of football copy is about football.
const SPORTS_TEXT_MIN_WORDS: usize = 3;

/// Is the text about sport: at least [`SPORTS_TEXT_MIN_WORDS`] distinct words of football
/// copy?
pub(super) fn is_sports_text(words: &Words) -> bool {
    // Several passes ask: the text is read once.
    *words.sports.get_or_init(|| sports_words_in(words))
}

/// [`is_sports_text`], worked out.
fn sports_words_in(words: &Words) -> bool {
    // Each distinct word once, and no further than the words needed.
    let mut seen: Vec<&str> = Vec::new();
    for &w in &words.type_words {
        let key = words.key(w);
        if let Some(stem) = clitic::candidates(key)
            .map(|c| c.stem(key))
            .find(|stem| is_in(SPORTS_WORDS, stem))
        {
            if !seen.contains(&stem) {
                seen.push(stem);
                if seen.len() == SPORTS_TEXT_MIN_WORDS {
                    return true;
                }
            }
        }
    }
    false
}

/// In football copy, a city's name alone that a club of the gazetteer carries as its own
/// name is the club (`وافتتح إشبيلية التسجيل`, `ليفربول`): the text before the prior. Not
/// after a preposition of place or a head for a place (`في إشبيلية`, `مدينة ليفربول`), and
/// not with a proclitic of place (`بإشبيلية`).
pub(super) fn sports_clubs(words: &Words, index: &Index, found: &mut [Found<'_>]) {
    let clubs = |f: &Found<'_>| {
        f.alternatives
            .iter()
            .copied()
            .find(|&a| index.entity(a).kind == EntityKind::Organisation)
    };
    let place_named = |f: &Found<'_>| {
        f.kind == MatchKind::Exact
            && f.target
                .entity()
                .is_some_and(|e| index.entity(e).kind == EntityKind::Place)
    };
    if !found.iter().any(|f| place_named(f) && clubs(f).is_some()) {
        return;
    }
    if !is_sports_text(words) {
        return;
    }
    // The cities the text names as their clubs, with the club.
    let mut named_clubs: Vec<(EntityIdx, EntityIdx)> = Vec::new();
    for f in found.iter_mut() {
        let Some(club) = clubs(f) else {
            continue;
        };
        let w = f.first;
        let placed = w > 0 && {
            let key = words.key(w - 1);
            clitic::candidates(key).any(|c| {
                let stem = c.stem(key);
                is_in(PLACE_PREPOSITIONS, stem) || is_in(PLACE_HEADS, stem)
            })
        };
        let place_clitic = f.cand.prefix.contains('\u{0628}')
            || f.cand.prefix.contains("\u{0627}\u{0644}\u{0649}");
        if place_named(f) && !placed && !place_clitic {
            if let Some(city) = f.target.entity() {
                named_clubs.push((city, club));
            }
            f.retarget(club);
        }
    }
    // One sense in one text: where the text names the club by the city's name alone, the
    // name after `إلى` is the club too, where a player goes (`وجهته إلى روما` once `نادي
    // العاصمة الإيطالية، روما` was named); after `في` or `ب` it is where a match is played
    // as often (`وأقيمت المباراة في إشبيلية`), and stays the city.
    if named_clubs.is_empty() {
        return;
    }
    for f in found.iter_mut() {
        let to = f.first > 0 && f.cand.chars == 0 && is_in(DESTINATIONS, words.key(f.first - 1));
        if !place_named(f) || !to {
            continue;
        }
        let city = f.target.entity();
        if let Some(&(_, club)) = named_clubs.iter().find(|(c, _)| Some(*c) == city) {
            if f.alternatives.contains(&club) {
                f.retarget(club);
            }
        }
    }
}

/// Prepositions of where one goes (folded): a club named before is where a player goes.
const DESTINATIONS: &[&str] = &["الي", "نحو"];

/// The singular of each plural head of divisions (folded), as division names carry it.
const SINGULAR_HEADS: &[(&str, &str)] = &[
    ("ولايات", "ولايه"),
    ("محافظات", "محافظه"),
    ("اقاليم", "اقليم"),
    ("مقاطعات", "مقاطعه"),
];

/// The most characters between two places of one list: a separator and a short remark in
/// parentheses (` (شمال غرب)، و"`).
const LIST_GAP_MAX_CHARS: usize = 40;

/// Is `gap`, the text between two places, what separates the items of a list: spaces,
/// commas, quotes, the conjunction `و` and remarks in parentheses?
fn is_list_gap(gap: &str) -> bool {
    let mut depth = 0u32;
    let mut chars = 0;
    for c in gap.chars() {
        chars += 1;
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return false,
            ')' => depth -= 1,
            _ if depth > 0 => {}
            '،' | ',' | '"' | '“' | '”' | '«' | '»' | '\u{0648}' => {}
            c if c.is_whitespace() => {}
            _ => return false,
        }
    }
    depth == 0 && chars <= LIST_GAP_MAX_CHARS
}

/// A small place (below the prior of a town of about 60,000) whose name another place of
/// like size shares is no link: its share of the namesakes' weight ([`share`]) below this
/// means a namesake within about an order of magnitude of population, and the text does not
/// say which (`أميتي`: Amity, Oregon, 1,641, or Amity, Arkansas).
const SMALL_NAMESAKE_MAX_PRIOR: f32 = 0.6;
/// See [`SMALL_NAMESAKE_MAX_PRIOR`].
const SMALL_NAMESAKE_MIN_SHARE: f32 = 0.75;

/// Drops the links to small GeoNames places that GeoNames namesakes of like size make a guess
/// ([`SMALL_NAMESAKE_MAX_PRIOR`]), unless a head word before the name ranked them
/// ([`head_ranks`]): a wrong link is worse than none, and the unlinked pass may still report
/// the name as a place after a head (`دائرة أميتي`).
pub(super) fn ambiguous_small_places(words: &Words, index: &Index, found: &mut Vec<Found<'_>>) {
    found.retain(|f| {
        let Named::Entity(e) = f.target else {
            return true;
        };
        let place = index.entity(e);
        let headed = f.first > 0 && {
            let head = words.key(f.first - 1);
            is_in(CITY_HEADS, head) || is_in(DIVISION_HEADS, head)
        };
        // A GeoNames place's prior is its population's; a curated place's (`اسكتلندا`) says
        // how prominent it is.
        !(f.kind == MatchKind::Exact
            && place.kind == EntityKind::Place
            && place.id.starts_with("geonames:")
            && f.alternatives
                .iter()
                .all(|&a| index.entity(a).id.starts_with("geonames:"))
            && place.prior() < SMALL_NAMESAKE_MAX_PRIOR
            && f.share < SMALL_NAMESAKE_MIN_SHARE
            && !headed)
    });
}

/// The document before priors, for people: a one-word mention that is a short form of a
/// person the text names in full is that person, whatever else the word names
/// (`بخاري` after `محمد بخاري` is Muhammadu Buhari, not Bukhara, which folds to it). The
/// mention becomes a partial mention of the first full one.
pub(super) fn people_named_in_full(words: &Words, index: &Index, found: &mut [Found<'_>]) {
    let person = |e: EntityIdx| index.entity(e).kind == EntityKind::Person;
    // The keys of their short forms, each with the first person named in full who has it,
    // and where.
    let mut people: rustc_hash::FxHashSet<EntityIdx> = Default::default();
    let mut shorts: HashMap<String, (EntityIdx, usize)> = HashMap::default();
    for f in found.iter() {
        let Named::Entity(e) = f.target else { continue };
        if f.last > f.first
            && matches!(f.kind, MatchKind::Exact | MatchKind::Fuzzy)
            && person(e)
            && people.insert(e)
        {
            let start = f.start(words);
            for s in &index.entity(e).short {
                shorts
                    .entry(crate::keys::ortho_key(s))
                    .or_insert((e, start));
            }
        }
    }
    if shorts.is_empty() {
        return;
    }
    for f in found.iter_mut() {
        let Named::Entity(e) = f.target else { continue };
        if f.first != f.last
            || !matches!(f.kind, MatchKind::Exact | MatchKind::ShortForm)
            || person(e)
        {
            continue;
        }
        let named = shorts.get(f.stem(words)).copied();
        if let Some((p, start)) = named {
            f.retarget(p);
            f.kind = MatchKind::Partial;
            f.antecedent = Some(start);
            f.share = 1.0;
        }
    }
}

/// The document before priors, for parties and movements: a text that names one with its
/// head (`حزب بهاراتيا جاناتا`) names it by the rest of its name too (`مرشح بهاراتيا جاناتا`);
/// so does sports copy a club by the word before its city's adjective (`الرجاء` after `الرجاء
/// البيضاوي`).
/// The rest is a partial mention of the party where no other mention covers it; one word
/// alone only when it is no everyday word (`حركة أمل` does not make every `أمل`, "hope", the
/// movement).
pub(super) fn headed_organisations(words: &Words, index: &Index, found: &mut Vec<Found<'_>>) {
    let mut rests: Vec<(Vec<&str>, EntityIdx, usize)> = Vec::new();
    // The word type of each rest's first word.
    let mut first_types: Vec<u32> = Vec::new();
    // The first mention of each name: a long text names a party again and again.
    let mut seen: rustc_hash::FxHashSet<(Vec<&str>, EntityIdx)> = Default::default();
    let sports = OnceCell::new();
    for f in found.iter() {
        let Named::Entity(e) = f.target else { continue };
        // In sports copy, a club named by a word and its city's adjective (`الرجاء
        // البيضاوي`) is named by the word alone too (`الرجاء يبحث عن الفوز`).
        if f.last == f.first + 1
            && f.kind == MatchKind::Exact
            && f.cand.chars == 0
            && words.key(f.first).starts_with(ARTICLE)
            && words.key(f.last).ends_with('\u{064A}')
            && index.entity(e).kind == EntityKind::Organisation
            && *sports.get_or_init(|| is_sports_text(words))
        {
            let first = vec![words.key(f.first)];
            if seen.insert((first.clone(), e)) {
                rests.push((first, e, f.start(words)));
                first_types.push(words.types[f.first]);
            }
            continue;
        }
        if f.last > f.first
            && f.kind == MatchKind::Exact
            && is_in(MOVEMENT_HEADS, f.stem(words))
            && index.entity(e).kind == EntityKind::Organisation
        {
            let rest: Vec<&str> = (f.first + 1..=f.last).map(|w| words.key(w)).collect();
            let plain = rest.len() > 1
                || crate::language::zipf(rest[0]).is_none_or(|z| z < DICTIONARY_WORD_ZIPF);
            if plain && seen.insert((rest.clone(), e)) {
                rests.push((rest, e, f.start(words)));
                first_types.push(words.types[f.first + 1]);
            }
        }
    }
    if rests.is_empty() {
        return;
    }
    let n = words.words.len();
    let mut covered = super::covered_words(found, n);
    // The rests by the word type of their first word: each word of the text asks a table
    // by its type's number, without hashing its letters.
    let mut by_first: HashMap<u32, Vec<usize>> = HashMap::default();
    for (i, &t) in first_types.iter().enumerate() {
        by_first.entry(t).or_default().push(i);
    }
    let mut first_type = vec![false; words.type_words.len()];
    for &t in &first_types {
        first_type[t as usize] = true;
    }
    let mut added = false;
    let mut w = 0;
    while w < n {
        let t = words.types[w];
        let Some(candidates) = first_type[t as usize].then(|| by_first.get(&t)).flatten() else {
            w += 1;
            continue;
        };
        let hit = candidates.iter().map(|&i| &rests[i]).find(|(rest, _, _)| {
            let last = w + rest.len() - 1;
            last < n
                && (w..=last).all(|x| !covered[x])
                && (w..last).all(|x| words.words[x].joins_next)
                && rest.iter().enumerate().all(|(i, k)| words.key(w + i) == *k)
        });
        match hit {
            Some((rest, e, start)) => {
                let last = w + rest.len() - 1;
                covered[w..=last].iter_mut().for_each(|c| *c = true);
                found.push(Found {
                    first: w,
                    last,
                    cand: AS_WRITTEN,
                    target: Named::Entity(*e),
                    kind: MatchKind::Partial,
                    alternatives: Vec::new(),
                    share: 1.0,
                    antecedent: Some(*start),
                    fuzzy: None,
                });
                added = true;
                w = last + 1;
            }
            None => w += 1,
        }
    }
    if added {
        found.sort_by_key(|f| f.first);
    }
}

/// Heads of the names of parties and movements (folded), which the text may leave out once
/// it has named one with its head.
const MOVEMENT_HEADS: &[&str] = &["حزب", "حركه", "جبهه", "تيار"];

/// A word at least this frequent (Zipf) is an everyday word: alone it names no party.
const DICTIONARY_WORD_ZIPF: f32 = 3.2;

/// A place linked by its bare name yields to the place the text names with a head word only
/// when its prior is below this (a town of about 60,000): `البصرة` after `محافظة البصرة` is
/// still the city of 1.3 million.
const HEADED_PLACE_OVER_PRIOR: f32 = 0.6;

/// The document before priors, for places: a text that names a place with its head word
/// (`ولاية لويزيانا`, the state) means it by the bare name too, here and elsewhere in the
/// text; `لويزيانا` alone is then not the town of 3,296 in Missouri that GeoNames knows by
/// that name. The bare mention becomes a partial mention of the headed place.
pub(super) fn headed_places(words: &Words, index: &Index, found: &mut [Found<'_>]) {
    // Bare key → (place, byte offset of its headed mention); `None` when two places share it.
    let mut headed: HashMap<String, Option<(EntityIdx, usize)>> = HashMap::default();
    for f in found.iter() {
        let Named::Entity(e) = f.target else { continue };
        if f.last > f.first
            && index.entity(e).kind == EntityKind::Place
            && is_in(PLACE_HEADS, f.stem(words))
        {
            let key: String = (f.first + 1..=f.last).map(|w| words.key(w)).collect();
            let slot = headed.entry(key).or_insert(Some((e, f.start(words))));
            if slot.is_some_and(|(x, _)| x != e) {
                *slot = None;
            }
        }
    }
    if headed.is_empty() {
        return;
    }
    for f in found.iter_mut() {
        let Named::Entity(e) = f.target else { continue };
        let place = index.entity(e);
        // A head word of its own says which namesake it is ([`head_ranks`]).
        let own_head = f.first > 0 && {
            let head = words.key(f.first - 1);
            is_in(CITY_HEADS, head) || is_in(DIVISION_HEADS, head)
        };
        if own_head
            || place.kind != EntityKind::Place
            || !matches!(f.kind, MatchKind::Exact | MatchKind::ShortForm)
            || place.prior() >= HEADED_PLACE_OVER_PRIOR
        {
            continue;
        }
        let mut key = f.stem(words).to_string();
        (f.first + 1..=f.last).for_each(|w| key.push_str(words.key(w)));
        if let Some(Some((h, start))) = headed.get(&key) {
            if *h != e {
                f.retarget(*h);
                f.kind = MatchKind::Partial;
                f.antecedent = Some(*start);
                f.share = 1.0;
            }
        }
    }
}

/// Head words rank namesakes: after `مدينة` a name shared by a city and a division is the
/// city (GeoNames), after `ولاية` or `محافظة`, or a governor's title (`محافظ الإسكندرية`),
/// the division (`iso:` ids), whatever their priors say.
pub(super) fn head_ranks(text: &str, words: &Words, index: &Index, found: &mut [Found<'_>]) {
    // A plural head governs the list after it (`ولايات "أويو"، "لاغوس" (جنوب غرب)، و"كانو"`):
    // the head of the list, and where the last place of the list ends.
    let mut list: Option<(&str, usize)> = None;
    for f in found.iter_mut() {
        let Named::Entity(e) = f.target else { continue };
        let place = index.entity(e).kind == EntityKind::Place;
        let own = (f.first > 0).then(|| words.key(f.first - 1));
        let start = f.start(words);
        let end = words.words[f.last].end;
        let listed = list.filter(|&(_, last_end)| {
            own.is_none_or(|h| !is_in(LIST_HEADS, h))
                && last_end <= start
                && is_list_gap(&text[last_end..start])
        });
        let head = match (own, listed) {
            (Some(h), _) if is_in(LIST_HEADS, h) => {
                list = place.then_some((h, end));
                h
            }
            (_, Some((h, _))) if place => {
                list = Some((h, end));
                h
            }
            (Some(h), _) => {
                list = None;
                h
            }
            (None, _) => {
                list = None;
                continue;
            }
        };
        // A listed place may carry the `و` of the list (`وكادونا`).
        let in_list = listed.is_some() && f.cand.prefix == "و";
        if f.kind != MatchKind::Exact || (f.cand.chars > 0 && !in_list) || !place {
            continue;
        }
        // Only a division and a GeoNames place trade places: a country or territory
        // (`مدينة هونغ كونغ`) stays what it is.
        let id = &index.entity(e).id;
        let wanted: fn(&str) -> bool = if is_in(CITY_HEADS, head) && id.starts_with("iso:") {
            |id| id.starts_with("geonames:")
        } else if (is_in(DIVISION_HEADS, head) || is_in(GOVERNOR_TITLES, head))
            && id.starts_with("geonames:")
        {
            |id| id.starts_with("iso:")
        } else {
            continue;
        };
        let mut key = f.stem(words).to_string();
        (f.first + 1..=f.last).for_each(|w| key.push_str(words.key(w)));
        let best_of = |key: &str| {
            let mut best: Option<(f32, EntityIdx)> = None;
            index.lookup(key, |t| {
                let c = index.entity(t.entity);
                if !t.common
                    && !t.short
                    && !t.demonym
                    && c.kind == EntityKind::Place
                    && wanted(&c.id)
                {
                    let p = c.prior();
                    if best.is_none_or(|(b, x)| p > b || (p == b && t.entity < x)) {
                        best = Some((p, t.entity));
                    }
                }
            });
            best
        };
        // After a plural head, the division is the one named with that head in the singular
        // (`ولاية لاغوس`): a division named like a big city has its bare name only as the
        // city's, and the head is the one its country names divisions with.
        // After a governor's title, the division is named with any of the heads countries
        // name them with (`محافظ طولكرم` governs `محافظة طولكرم`).
        let singular = SINGULAR_HEADS.iter().find(|(plural, _)| *plural == head);
        let governed = || {
            is_in(GOVERNOR_TITLES, head)
                .then(|| {
                    DIVISION_HEADS
                        .iter()
                        .filter(|h| !h.starts_with("ال") && h.ends_with('ه') || **h == "اقليم")
                        .find_map(|h| best_of(&format!("{h}{key}")))
                })
                .flatten()
        };
        let best = singular
            .and_then(|(_, singular)| best_of(&format!("{singular}{key}")))
            .or_else(governed)
            .or_else(|| best_of(&key));
        if let Some((_, better)) = best {
            f.retarget(better);
        }
    }
}

#[cfg(all(test, feature = "builtin"))]
mod tests {
    use crate::{MatchKind, Matcher};

    #[test]
    fn a_shared_short_form_follows_the_country_of_the_people_named() {
        // No place names Bahrain here, but its king does: `مجلس النواب` is Bahrain's, and
        // the office of the council is no organisation of its own.
        let text = "وعقدت هيئة مكتب مجلس النواب اجتماعها، ورفع رئيس مجلس النواب الشكر إلى \
                    الملك حمد بن عيسى آل خليفة.";
        let matcher = Matcher::builtin();
        let got: Vec<(&str, Option<&str>)> = matcher
            .find_iter(text)
            .map(|m| (m.surface, m.entity_id()))
            .collect();
        let council = Some("bahrain-council-of-representatives");
        assert_eq!(
            got,
            [
                ("مجلس النواب", council),
                ("مجلس النواب", council),
                ("حمد بن عيسى آل خليفة", Some("hamad-bin-isa-al-khalifa"))
            ]
        );
        // Without the king, the short form names no one parliament.
        let alone = matcher.find_iter("ورفع رئيس مجلس النواب الشكر.").count();
        assert_eq!(alone, 0);
    }

    #[test]
    fn a_governors_place_is_the_division() {
        let text = "وتفقد محافظ الإسكندرية المشروع، وقال والي الخرطوم إن الوضع هادئ في الخرطوم.";
        let got: Vec<(&str, Option<&str>)> = Matcher::builtin()
            .find_iter(text)
            .map(|m| (m.surface, m.entity_id()))
            .collect::<Vec<_>>()
            .into_iter()
            .map(|(s, id)| {
                (
                    s,
                    id.map(|i| {
                        if i.starts_with("iso:") {
                            "division"
                        } else {
                            "city"
                        }
                    }),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("الإسكندرية", Some("division")),
                ("الخرطوم", Some("division")),
                ("الخرطوم", Some("city"))
            ]
        );
    }

    #[test]
    fn a_demonym_in_a_competitions_name_is_no_mention_of_the_country() {
        let text = "وفاز النادي بالدوري البرازيلي، وتصدر الدوري المغربي الممتاز، وقال المدرب البرازيلي \
                    إن اللاعب المغربي جاهز.";
        let matcher = Matcher::builtin();
        let coach = text.find("المدرب البرازيلي").unwrap();
        let demonyms: Vec<(&str, Option<&str>, bool)> = matcher
            .find_iter(text)
            .filter(|m| m.how.kind == MatchKind::Demonym)
            .map(|m| (m.surface, m.entity_id(), m.start > coach))
            .collect();
        assert_eq!(
            demonyms,
            [
                ("البرازيلي", Some("cldr:BR"), true),
                ("المغربي", Some("cldr:MA"), true)
            ],
            "help: only the coach's and the player's demonyms name their countries, not the \
             leagues'"
        );
        // Further into the league's name too, but not past a word no name runs over.
        let text = "وتصدر دوري روشن السعودي، وهبط من دوري الدرجة الأولى الإسباني، ولعب في \
                    الدوري أمام المنتخب السعودي.";
        let demonyms: Vec<&str> = matcher
            .find_iter(text)
            .filter(|m| m.how.kind == MatchKind::Demonym)
            .map(|m| m.surface)
            .collect();
        assert_eq!(demonyms, ["السعودي"]);
        assert!(text.ends_with(&format!("{}.", demonyms[0])));
    }

    #[test]
    fn a_small_place_with_namesakes_of_like_size_is_no_link() {
        // Two towns of the United States, of 1,641 and about 700 people, are `أميتي`; Moscow
        // has small namesakes too, but none of its size.
        let text = "وخسر المرشح مقعده عن أميتي، وزار موسكو الأسبوع الماضي.";
        let matcher = Matcher::builtin();
        let got: Vec<(&str, Option<&str>)> = matcher
            .find_iter(text)
            .map(|m| (m.surface, m.entity_id()))
            .collect();
        assert!(
            got.iter().all(|(s, _)| *s != "أميتي"),
            "help: which Amity the text means is a guess: {got:?}"
        );
        assert!(got.contains(&("موسكو", Some("geonames:524901"))), "{got:?}");
    }

    #[test]
    fn fa_and_kaf_are_not_taken_off_a_word_to_reach_a_town() {
        // `لور` is Lohr am Main (16,000 people); `فلور` is the name Fleur.
        let matcher = Matcher::builtin();
        let got: Vec<Option<&str>> = matcher
            .find_iter("وقالت فلور إن المعرض يفتح غدا.")
            .map(|m| m.entity_id())
            .collect();
        assert!(!got.contains(&Some("geonames:2876147")), "{got:?}");
        // Nor is `ك`: `كاوارا` is Kwara, not ك + Awara (Japan, 40,000 people).
        let got: Vec<Option<&str>> = matcher
            .find_iter("وفاز الحزب في كاوارا أمس.")
            .map(|m| m.entity_id())
            .collect();
        assert!(!got.contains(&Some("geonames:1864894")), "{got:?}");
        // A city of a million or more is still reached: `فبغداد` is ف + Baghdad.
        let got: Vec<Option<&str>> = matcher
            .find_iter("فبغداد مدينة كبيرة.")
            .map(|m| m.entity_id())
            .collect();
        assert_eq!(got, [Some("geonames:98182")]);
    }

    #[test]
    fn a_plural_head_governs_the_list_after_it() {
        let text = "وجرت الانتخابات في ولايات \"كانو\"، \"لاغوس\" (جنوب غرب) وكادونا. وزار الوفد \
                    لاغوس بعدها.";
        let matcher = Matcher::builtin();
        let got: Vec<(&str, Option<&str>)> = matcher
            .find_iter(text)
            .map(|m| (m.surface, m.entity_id()))
            .collect();
        assert_eq!(
            got,
            [
                ("كانو", Some("iso:NG-KN")),
                ("لاغوس", Some("iso:NG-LA")),
                ("كادونا", Some("iso:NG-KD")),
                ("لاغوس", Some("geonames:2332459"))
            ],
            "help: the states of the list, then the city"
        );
    }

    #[test]
    fn a_city_alone_in_football_copy_is_its_club() {
        let matcher = Matcher::builtin();
        let ids = |text: &str| -> Vec<Option<String>> {
            matcher
                .find_iter(text)
                .filter(|m| m.surface.contains("إشبيلية"))
                .map(|m| m.entity_id().map(str::to_string))
                .collect()
        };
        let club = Some("sevilla-fc".to_string());
        let city = Some("geonames:2510911".to_string());
        let football = "وافتتح إشبيلية التسجيل في الدقيقة 12 قبل أن يعادل الفريق الضيف، \
                        وأقيمت المباراة في إشبيلية.";
        assert_eq!(
            ids(football),
            [club, city.clone()],
            "help: the club in football copy, the city after في"
        );
        assert_eq!(
            ids("وافتتح إشبيلية مهرجانه السنوي للموسيقى أمس."),
            [city],
            "help: with no word of football, the city"
        );
    }

    #[test]
    fn a_short_form_of_a_person_named_in_full_is_that_person() {
        let matcher = Matcher::builtin();
        let text = "وقال الرئيس محمد بخاري إن الانتخابات نزيهة، ويسميه أنصاره \"تأثير بخاري\".";
        let got: Vec<(&str, Option<&str>, MatchKind)> = matcher
            .find_iter(text)
            .map(|m| (m.surface, m.entity_id(), m.how.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("محمد بخاري", Some("muhammadu-buhari"), MatchKind::Exact),
                ("بخاري", Some("muhammadu-buhari"), MatchKind::Partial)
            ],
            "help: بخاري folds into Bukhara's name, but the text named Buhari in full"
        );
        // Without the full name, the prior decides.
        let got: Vec<Option<&str>> = matcher
            .find_iter("وزار الوفد بخارى وسمرقند.")
            .map(|m| m.entity_id())
            .collect();
        assert_eq!(got.first().copied().flatten(), Some("geonames:1217662"));
    }

    #[test]
    fn a_demonym_naming_a_language_or_a_currency_is_no_mention() {
        let matcher = crate::Matcher::builtin();
        let ids = |text: &str| -> Vec<Option<String>> {
            matcher
                .find_iter(text)
                .map(|m| m.entity_id().map(str::to_string))
                .collect()
        };
        assert!(ids("وستترجم الرواية إلى اللغة الإنجليزية والفرنسية.").is_empty());
        assert!(ids("وبلغت قيمتها عشرة ملايين دولار أمريكي.").is_empty());
        // Elsewhere the demonym is the country's.
        assert_eq!(
            ids("وزار الوفد الأمريكي المصنع."),
            [Some("cldr:US".to_string())]
        );
    }

    #[test]
    fn a_body_or_a_small_town_of_another_country_is_not_linked() {
        let matcher = crate::Matcher::builtin();
        let got: Vec<(String, Option<String>)> = matcher
            .find_iter(
                "وفاز حزب العمال بقيادة أنطوني ألبانيزي في انتخابات أستراليا واحتفل في سيدني.",
            )
            .map(|m| (m.surface.to_string(), m.entity_id().map(str::to_string)))
            .collect();
        assert!(
            got.contains(&("حزب العمال".to_string(), None)),
            "help: Australia's Labor is not Britain's: {got:?}"
        );
        // A name with a word of names is no description (`حزب الله`).
        let got: Vec<Option<String>> = matcher
            .find_iter("وقصفت إسرائيل مواقع حزب الله وقال نتنياهو إن الجيش الإسرائيلي سيواصل.")
            .map(|m| m.entity_id().map(str::to_string))
            .collect();
        assert!(got.contains(&Some("hezbollah".to_string())), "{got:?}");
        // A small town of another country in news of one country is a namesake there.
        let got: Vec<(String, Option<String>)> = matcher
            .find_iter("وفي كوت ديفوار حل ميلو رابعا، وقال مراقبون في أبيدجان وياموسوكرو إن النتائج نهائية.")
            .map(|m| (m.surface.to_string(), m.entity_id().map(str::to_string)))
            .collect();
        assert!(got.contains(&("ميلو".to_string(), None)), "{got:?}");
        // In news of Britain it is Britain's.
        let got: Vec<Option<String>> = matcher
            .find_iter("وفاز حزب العمال في انتخابات بريطانيا.")
            .map(|m| m.entity_id().map(str::to_string))
            .collect();
        assert!(
            got.contains(&Some("uk-labour-party".to_string())),
            "{got:?}"
        );
    }

    #[test]
    fn a_city_the_text_names_as_its_club_is_the_club_a_player_goes_to() {
        let matcher = crate::Matcher::builtin();
        let text = "وتوصل المهاجم إلى اتفاق مع نادي العاصمة الإيطالية، روما، بعد أن سجل هدفين في الدوري. \
                    وحول اللاعب وجهته إلى روما، وسيقيم في روما مع عائلته.";
        let got: Vec<(String, Option<String>)> = matcher
            .find_iter(text)
            .map(|m| (m.surface.to_string(), m.entity_id().map(str::to_string)))
            .collect();
        let roma: Vec<&Option<String>> = got
            .iter()
            .filter(|(s, _)| s == "روما")
            .map(|(_, e)| e)
            .collect();
        assert_eq!(
            roma,
            [
                &Some("as-roma".to_string()),
                &Some("as-roma".to_string()),
                &Some("geonames:3169070".to_string())
            ],
            "{got:?}"
        );
    }

    #[test]
    fn in_sports_copy_a_club_is_named_by_the_word_before_its_citys_adjective() {
        let matcher = crate::Matcher::builtin();
        let text = "وانتهت المباراة بين نادي “الرجاء البيضاوي” وضيفه بهدف في الدقيقة 80، \
                    بينما كان الرجاء يبحث عن الفوز في الشوط الثاني من المباراة.";
        let got: Vec<(String, Option<String>)> = matcher
            .find_iter(text)
            .map(|m| (m.surface.to_string(), m.entity_id().map(str::to_string)))
            .collect();
        assert!(
            got.contains(&("الرجاء".to_string(), Some("raja-ca".to_string()))),
            "{got:?}"
        );
    }

    #[test]
    fn a_party_named_with_its_head_is_named_without_it_too() {
        let matcher = crate::Matcher::builtin();
        let text = "ويواجه مرشحين من حزب بهاراتيا جاناتا. ووجه مرشح بهاراتيا جاناتا انتقادات.";
        let got: Vec<(String, Option<String>, MatchKind)> = matcher
            .find_iter(text)
            .map(|m| {
                (
                    m.surface.to_string(),
                    m.entity_id().map(str::to_string),
                    m.how.kind,
                )
            })
            .collect();
        assert_eq!(
            got[1],
            (
                "بهاراتيا جاناتا".to_string(),
                Some("bjp".to_string()),
                MatchKind::Partial
            )
        );
    }

    #[test]
    fn a_town_before_a_word_no_list_has_is_a_piece_of_a_name() {
        let matcher = Matcher::builtin();
        let ids = |text: &str| -> Vec<Option<String>> {
            matcher
                .find_iter(text)
                .map(|m| m.entity_id().map(str::to_string))
                .collect()
        };
        let darwin = Some("geonames:2073124".to_string());
        assert!(
            !ids("وسجل داروين نونيز هدفا.").contains(&darwin),
            "help: Darwin Núñez is no town in Australia"
        );
        assert!(
            !ids("وقال Budi Djiwandono إن الخطة جاهزة.")
                .contains(&Some("geonames:711268".to_string()))
        );
        // The town alone, before an everyday word or a coordinated one, is the town.
        assert!(ids("وزار الوفد داروين الأسترالية.").contains(&darwin));
        assert!(ids("وزار الوفد داروين وكانبيرا.").contains(&darwin));
        // A verb with its prefixes is an everyday word: Doha will host.
        assert!(
            ids("وقالت الوكالة إن الدوحة ستستضيف المؤتمر.")
                .contains(&Some("geonames:290030".to_string()))
        );
    }
}
