//! Decisions that need the whole text: which words form mentions, and of whom.
//!
//! Mentions are found leftmost-longest: at each word, every proclitic reading of the word
//! (as written first) is extended word by word while the growing key can still be the
//! prefix of a name; the longest name wins, and scanning resumes after it. Mentions never
//! overlap.

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::OnceLock;

use crate::clitic::{self, ARTICLE, Candidate};
use crate::gazetteer::{Entity, builtin};
// Per-text maps hash short keys the text supplies: Fx is several times cheaper than
// SipHash on them, and a text cannot flood maps it only reads through.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::gazetteer::EntityKind;
use crate::index::{EntityIdx, Index, Target};
use crate::keys::word_keys;
use crate::matcher::{Folding, How, MatchKind, Matcher, Mention};
use crate::normalize::{Level, normalize, normalize_mapped};
use crate::resolve::{self, DECISION};
use crate::score::{self, Explanation, Prepared, compare};
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
    /// For each word, its type: words with the same key have the same type. A text repeats
    /// its words (a few hundred keys make up half of any news text), so what the passes
    /// ask of a key alone is worked out once per type.
    types: Vec<u32>,
    /// For each type, its first word.
    type_words: Vec<usize>,
}

impl Words {
    fn new(text: &str) -> Words {
        let mut out = Words {
            words: Vec::new(),
            keys: String::new(),
            origins: Vec::new(),
            types: Vec::new(),
            type_words: Vec::new(),
        };
        let (mut folded, mut map) = (String::new(), Vec::new());
        let mut prev_end: Option<usize> = None;
        for token in tokens(text) {
            folded.clear();
            map.clear();
            normalize_mapped(token.text, Level::Folded, &mut folded, &mut map);
            let (key_start, chars_start) = (out.keys.len(), out.origins.len());
            for (c, &at) in folded.chars().zip(&map) {
                if crate::normalize::is_alphanumeric(c) {
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
        let mut ids: HashMap<&str, u32> = HashMap::default();
        let mut types = Vec::with_capacity(out.words.len());
        let mut type_words = Vec::new();
        for (w, word) in out.words.iter().enumerate() {
            let id = *ids.entry(&out.keys[word.key.clone()]).or_insert_with(|| {
                type_words.push(w);
                (type_words.len() - 1) as u32
            });
            types.push(id);
        }
        drop(ids);
        (out.types, out.type_words) = (types, type_words);
        out
    }

    /// `f` of each word's key, computed once per type.
    fn per_type<T: Clone>(&self, mut f: impl FnMut(&str) -> T) -> Vec<T> {
        let by_type: Vec<T> = self.type_words.iter().map(|&w| f(self.key(w))).collect();
        self.types
            .iter()
            .map(|&t| by_type[t as usize].clone())
            .collect()
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

/// A full name of an entity with at least this prior beats a demonym of the same words.
const DEMONYM_BEATS_PRIOR: f32 = 0.9;

/// A proclitic is not stripped off an everyday word to reach a GeoNames place with a lower
/// prior than this (a city of about a million).
const CLITIC_PLACE_MIN_PRIOR: f32 = 0.75;

/// Countries whose people's family name comes first (`شي جين بينغ` is referred to as `شي`).
const FAMILY_NAME_FIRST: &[&str] = &[
    "CN", "TW", "HK", "MO", "KP", "KR", "JP", "VN", "SG", "HU", "KH",
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

/// One name (or short form) of an entity as the exact pass and the folding labels compare
/// it with text.
#[derive(Debug)]
struct NameKey {
    /// The orthographic key: the folded words, joined.
    key: String,
    /// The folded words ([`word_keys`]).
    words: Vec<String>,
    /// Where the words meet, in characters of `key`.
    cuts: Vec<usize>,
    /// The letters and digits of the name at [`Level::Bare`].
    bare: String,
}

impl NameKey {
    fn new(name: &str) -> NameKey {
        let words = word_keys(name);
        let mut cuts = Vec::with_capacity(words.len());
        let mut at = 0;
        for w in &words[..words.len().saturating_sub(1)] {
            at += w.chars().count();
            cuts.push(at);
        }
        NameKey {
            key: words.concat(),
            words,
            cuts,
            bare: alnum(&normalize(name, Level::Bare)),
        }
    }
}

/// Every entity's names as [`NameKey`]s, each entity's worked out the first time a text
/// names it and kept for the matcher's life: texts name the same entities again and
/// again, and an entity can have dozens of names.
#[derive(Debug)]
pub(crate) struct NameKeys {
    entities: Vec<OnceLock<Box<[NameKey]>>>,
    /// The entity index of `entities[0]`.
    first: EntityIdx,
}

impl NameKeys {
    /// Room for every entity of `index`, none worked out yet.
    pub fn new(index: &Index) -> NameKeys {
        let first = if index.has_builtin() {
            0
        } else {
            builtin::len() as EntityIdx
        };
        NameKeys {
            entities: (0..index.entities().count())
                .map(|_| OnceLock::new())
                .collect(),
            first,
        }
    }

    /// The names then short forms of entity `e`.
    fn of(&self, index: &Index, e: EntityIdx) -> &[NameKey] {
        self.entities[(e - self.first) as usize].get_or_init(|| {
            let entity = index.entity(e);
            entity
                .names()
                .chain(entity.short.iter().map(|s| s.as_ref()))
                .map(NameKey::new)
                .collect()
        })
    }
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

/// The letters and digits of `s`.
fn alnum(s: &str) -> String {
    s.chars()
        .filter(|&c| crate::normalize::is_alphanumeric(c))
        .collect()
}

/// What normalisation the match of `surface` to an entity with these names needed.
fn foldings(surface: &str, names: &[NameKey]) -> Vec<Folding> {
    let mut folded = Vec::new();
    let clean = normalize(surface, Level::Clean);
    let bare = normalize(&clean, Level::Bare);
    if clean != surface {
        folded.push(Folding::Clean);
    }
    if bare != clean {
        folded.push(Folding::Diacritics);
    }
    let bare = alnum(&bare);
    if !names.iter().any(|n| n.bare == bare) {
        folded.push(Folding::Letters);
    }
    let words = word_keys(surface);
    if !names.iter().any(|n| n.words == words) {
        folded.push(Folding::Spacing);
    }
    folded
}

/// A mention before it becomes a [`Mention`]: words of the text and what they name.
struct Found<'m> {
    /// First and last word of the mention.
    first: usize,
    last: usize,
    /// The reading of the first word (proclitic stripped, article restored).
    cand: Candidate,
    entity: EntityIdx,
    kind: MatchKind,
    alternatives: usize,
    share: f32,
    /// For a partial name: the byte offset of the full mention it refers to.
    antecedent: Option<usize>,
    /// For a fuzzy match: the name it came closest to, and what was forgiven.
    fuzzy: Option<(&'m str, Explanation)>,
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

/// Exact pass: leftmost-longest names, short forms and demonyms.
fn exact_pass<'m>(words: &Words, matcher: &'m Matcher) -> Vec<Found<'m>> {
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
            entity: choice.target.entity,
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

/// Document pass: a word left unmatched that is the family name of a person mentioned in full
/// elsewhere in the text is a partial mention of that person (`جابيف` after `ألكسندر جابيف`,
/// `يو` after `كاترينا يو`, `كيم` near `كيم جونغ أون`: the last word of the full mention, or
/// the first for countries that write the family name first). A family name shared by two
/// people mentioned in full, and the most frequent Arabic words, are not linked.
fn partial_pass(words: &Words, index: &Index, found: &mut Vec<Found<'_>>) {
    let mut covered = vec![false; words.words.len()];
    // word key → (entity, byte offsets of the full mentions that contain it)
    let mut names: HashMap<String, (Option<EntityIdx>, Vec<usize>)> = HashMap::default();
    let mut latin: Vec<LatinFamily> = Vec::new();
    // The Latin family names of an entity are the same at each of its full mentions.
    let mut latin_done: HashSet<EntityIdx> = HashSet::default();
    for f in found.iter() {
        covered[f.first..=f.last].iter_mut().for_each(|c| *c = true);
        let e = index.entity(f.entity);
        let full = matches!(f.kind, MatchKind::Exact | MatchKind::Fuzzy);
        if !full || e.kind != EntityKind::Person || f.first == f.last {
            continue;
        }
        let start = f.start(words);
        // The family name: the last word, or the first for names written family name first.
        let family_first = e
            .country
            .as_deref()
            .is_some_and(|c| FAMILY_NAME_FIRST.contains(&c));
        let w = if family_first { f.first } else { f.last };
        let key = if w == f.first {
            f.stem(words).to_string()
        } else {
            words.key(w).to_string()
        };
        let slot = names.entry(key).or_insert((Some(f.entity), Vec::new()));
        if slot.0 != Some(f.entity) {
            slot.0 = None; // two people share this family name
        }
        slot.1.push(start);
        // Its Latin spellings too: Arabic news quotes foreign names in Latin script
        // (`Gabouev` after `ألكسندر جابيف`), compared below with cheap vowels.
        if !latin_done.insert(f.entity) {
            continue;
        }
        for name in e
            .names()
            .filter(|n| n.bytes().any(|b| b.is_ascii_alphabetic()))
        {
            let keys = word_keys(name);
            let family = if family_first {
                keys.first()
            } else {
                keys.last()
            };
            if let Some(k) = family.filter(|k| k.chars().count() >= LATIN_PARTIAL_MIN_LETTERS) {
                if !latin
                    .iter()
                    .any(|l: &LatinFamily| l.key == *k && l.entity == f.entity)
                {
                    latin.push(LatinFamily {
                        key: k.clone(),
                        prepared: Prepared::new(k),
                        entity: f.entity,
                        start,
                    });
                }
            }
        }
    }
    if names.is_empty() {
        return;
    }
    // The reading of a word that is a family name, and its key: once per type.
    let readings = words.per_type(|key| {
        if key.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        clitic::candidates(key).find_map(|cand| {
            let stem = &key[key.char_indices().nth(cand.chars).map_or(0, |(b, _)| b)..];
            let named = !cand.article && matches!(names.get(stem), Some((Some(_), _)));
            (named && !crate::language::is_frequent_word(stem)).then(|| (cand, stem.to_string()))
        })
    });
    for (w, _) in words.words.iter().enumerate().filter(|(w, _)| !covered[*w]) {
        let key = words.key(w);
        if key.bytes().all(|b| b.is_ascii_alphabetic()) {
            if let Some(f) = latin_partial(key, &latin, words.origins[words.words[w].chars.start]) {
                found.push(f.found(w));
            }
            continue;
        }
        if let Some((cand, stem)) = &readings[w] {
            let Some((Some(entity), starts)) = names.get(stem) else {
                continue;
            };
            let cand = *cand;
            let here = words.origins[words.words[w].chars.start];
            // The nearest full mention before this word, else the first one after it.
            let antecedent = starts
                .iter()
                .rev()
                .find(|&&s| s < here)
                .or(starts.first())
                .copied();
            found.push(Found {
                first: w,
                last: w,
                cand,
                entity: *entity,
                kind: MatchKind::Partial,
                alternatives: 0,
                share: 1.0,
                antecedent,
                fuzzy: None,
            });
        }
    }
    found.sort_by_key(|f| f.first);
}

/// A Latin family name of a person mentioned in full (see [`partial_pass`]).
struct LatinFamily {
    key: String,
    prepared: Prepared,
    entity: EntityIdx,
    /// Byte offset of the full mention.
    start: usize,
}

/// A Latin family name is only matched when it has at least this many letters.
const LATIN_PARTIAL_MIN_LETTERS: usize = 4;
/// A Latin word is a partial mention when its distance to a family name is at most this
/// (two vowels: `Gabouev` / `Gabuev`, `Netanyahou` / `Netanyahu`).
const LATIN_PARTIAL_MAX_DISTANCE: f32 = 0.6;

/// A Latin partial mention, before it is placed at its word.
struct LatinHit {
    entity: EntityIdx,
    antecedent: usize,
}

impl LatinHit {
    fn found<'m>(&self, w: usize) -> Found<'m> {
        Found {
            first: w,
            last: w,
            cand: Candidate {
                prefix: "",
                chars: 0,
                article: false,
            },
            entity: self.entity,
            kind: MatchKind::Partial,
            alternatives: 0,
            share: 1.0,
            antecedent: Some(self.antecedent),
            fuzzy: None,
        }
    }
}

/// The person whose Latin family name the Latin word `key` (folded) spells, within
/// [`LATIN_PARTIAL_MAX_DISTANCE`]; none when two people are equally close. The antecedent
/// is the nearest full mention before `here`, else the first after it.
fn latin_partial(key: &str, latin: &[LatinFamily], here: usize) -> Option<LatinHit> {
    if key.chars().count() < LATIN_PARTIAL_MIN_LETTERS {
        return None;
    }
    let query = Prepared::new(key);
    let mut best: Option<(f32, EntityIdx)> = None;
    let mut tied = false;
    for l in latin {
        let d = compare(&query, &l.prepared, LATIN_PARTIAL_MAX_DISTANCE).distance;
        if d > LATIN_PARTIAL_MAX_DISTANCE {
            continue;
        }
        match best {
            Some((b, e)) if d == b && e != l.entity => tied = true,
            Some((b, _)) if d >= b => {}
            _ => {
                best = Some((d, l.entity));
                tied = false;
            }
        }
    }
    let (_, entity) = best.filter(|_| !tied)?;
    let starts = latin.iter().filter(|l| l.entity == entity).map(|l| l.start);
    let antecedent = starts
        .clone()
        .filter(|&s| s < here)
        .max()
        .or_else(|| starts.min())?;
    Some(LatinHit { entity, antecedent })
}

/// The longest window of words the fuzzy pass tries.
const FUZZY_MAX_WORDS: usize = 4;
/// A fuzzy window in running text scores at most this many candidate entities (those
/// sharing the most blocking keys with it, best prior first).
const FUZZY_MAX_ENTITIES: usize = 40;
/// A fuzzy mention has at least this many letters.
const FUZZY_MIN_LETTERS: usize = 5;
/// A fuzzy mention's entity takes at least this share of the decision (see
/// [`crate::resolve`]).
const FUZZY_MIN_SCORE: f32 = 0.8;
/// A fuzzy mention's similarity to the entity's closest name is at least this.
const FUZZY_MIN_SIMILARITY: f32 = 0.8;
/// A fuzzy mention of a place needs at least this prior (a town of about 60,000): a
/// village's name misspelled in running text is far less likely than a word that looks
/// like it.
const FUZZY_MIN_PLACE_PRIOR: f32 = 0.6;

/// Words (folded) that announce a name right after them, up to two words back: titles of
/// people (`الرئيس`, `وزير`), nouns for places (`مدينة`) and organisations (`وكالة`). A
/// one-word fuzzy mention needs one, or the entity named elsewhere in the text.
const CUES: &[&str] = &[
    // people
    "الرييس",
    "رييس",
    "الوزير",
    "وزير",
    "وزيره",
    "السيد",
    "السيده",
    "الملك",
    "الامير",
    "امير",
    "الشيخ",
    "المستشار",
    "المستشاره",
    "النايب",
    "السفير",
    "الجنرال",
    "الفريق",
    "اللواء",
    "العقيد",
    "الزعيم",
    "المتحدث",
    "الناطق",
    "الدكتور",
    "المحلل",
    "الباحث",
    "مدير",
    "المدير",
    "الامين",
    "نظيره",
    "نظيرته",
    "الرييسه",
    "رييسه",
    "المرشد",
    "الجنرال",
    "القايد",
    "قايد",
    "المبعوث",
    "المندوب",
    "الكاتب",
    "الصحفي",
    "الصحفيه",
    "المراسل",
    "المراسله",
    "البابا",
    // places
    "مدينه",
    "بلده",
    "قريه",
    "العاصمه",
    "عاصمه",
    "محافظه",
    "ولايه",
    "اقليم",
    "منطقه",
    "جزيره",
    "ميناء",
    "مطار",
    // organisations
    "وكاله",
    "شركه",
    "صحيفه",
    "جريده",
    "مجموعه",
    "منظمه",
    "حزب",
    "حركه",
    "قناه",
    "موقع",
    "معهد",
    "مركز",
    "جامعه",
    "مؤسسه",
    "مجله",
];

/// Is there a cue ([`CUES`]) among the two words before word `w`?
fn cued(words: &Words, w: usize) -> bool {
    (w.saturating_sub(2)..w).any(|p| {
        let key = words.key(p);
        clitic::candidates(key).any(|c| {
            let stem = &key[key.char_indices().nth(c.chars).map_or(0, |(b, _)| b)..];
            CUES.contains(&stem)
        })
    })
}

/// Does a word of the text appear among the folded words of a name (the article aside)?
fn word_in_name(word: &[char], name_words: &[Vec<char>]) -> bool {
    // `keys::without_article` on letters: `Index::may_be_name_word` must agree with it.
    fn bare(w: &[char]) -> &[char] {
        const ARTICLE: [char; 2] = ['\u{0627}', '\u{0644}'];
        match w.strip_prefix(&ARTICLE) {
            Some(rest) if rest.len() >= 2 => rest,
            _ => w,
        }
    }
    let word = bare(word);
    name_words.iter().any(|n| bare(n) == word)
}

/// What the fuzzy pass's guards ask of a word.
#[derive(Clone, Copy, Default)]
struct WordKind {
    /// One of the most frequent Arabic words.
    frequent: bool,
    /// A word wordfreq lists.
    everyday: bool,
    /// An everyday word no name has: it rules out every window that holds it (`accept`).
    unnamed: bool,
}

/// Fuzzy pass: windows of up to [`FUZZY_MAX_WORDS`] words that no exact name covers are
/// resolved like standalone names; a window is a mention when one entity clearly wins
/// ([`FUZZY_MIN_SCORE`]) with a close name ([`FUZZY_MIN_SIMILARITY`]), no word left over.
/// Guards against everyday words: no window begins or ends with one of the most frequent
/// words, nor consists of common words only, and every common word in it must be a word of
/// the matched name; a one-word window must be an uncommon word that follows a cue
/// ([`CUES`]: a title, a noun for a place or an organisation); only sizeable places are
/// matched. A window may absorb a short form or partial match inside
/// it (`ماسود` + `بيزشكيان` becomes one mention of the full name).
fn fuzzy_pass<'m>(text: &str, words: &Words, matcher: &'m Matcher, found: &mut Vec<Found<'m>>) {
    let index = &matcher.inner.index;
    let fuzzy = matcher.inner.fuzzy();
    let n = words.words.len();
    let mut hard = vec![false; n];
    let mut soft = vec![false; n];
    for f in found.iter() {
        let absorbable = matches!(f.kind, MatchKind::ShortForm | MatchKind::Partial);
        for w in f.first..=f.last {
            if absorbable {
                soft[w] = true
            } else {
                hard[w] = true
            }
        }
    }
    // Looked up once per word, not once per window that holds it.
    let letters: Vec<usize> = words.per_type(|k| k.chars().count());
    let kinds: Vec<WordKind> = words.per_type(|k| match crate::language::word_frequency(k) {
        Some((_, frequent)) => WordKind {
            frequent,
            everyday: true,
            unnamed: !index.may_be_name_word(k),
        },
        None => WordKind::default(),
    });
    let mut added: Vec<Found<'m>> = Vec::new();
    let mut w = 0;
    while w < n {
        let mut accepted: Option<Found<'m>> = None;
        for len in (1..=FUZZY_MAX_WORDS).rev() {
            let last = w + len - 1;
            if last >= n
                || (w..=last).any(|x| hard[x])
                || (w..last).any(|x| !words.words[x].joins_next)
                || (w..=last).all(|x| soft[x])
            {
                continue;
            }
            let letters: usize = letters[w..=last].iter().sum();
            if letters < FUZZY_MIN_LETTERS || kinds[w].frequent || kinds[last].frequent {
                continue;
            }
            // Cheap guards first. A window of everyday words only is not a name; a one-word
            // window must be an uncommon word with a cue or named elsewhere.
            let window = &kinds[w..=last];
            if window.iter().all(|k| k.everyday) || window.iter().any(|k| k.unnamed) {
                continue;
            }
            if len == 1 && !cued(words, w) {
                continue;
            }
            let keys: Vec<String> = (w..=last).map(|x| words.key(x).to_string()).collect();
            if !fuzzy.may_match(index, &keys) {
                continue;
            }
            let start = words.origins[words.words[w].chars.start];
            let surface = &text[start..words.words[last].end];
            // A fuzzy mention must be similar (FUZZY_MIN_SIMILARITY): about one edit in five
            // letters at most, so candidates beyond that need no exact distance.
            let budget = (1.0 - FUZZY_MIN_SIMILARITY) * letters as f32 + score::VOWEL;
            // The winner must pass `accept`, and a probe that never misses a candidate that
            // could rules out most windows without aligning most names: the same outcome
            // for a fraction of the cost.
            let everyday_words: Vec<Vec<char>> = (w..=last)
                .filter(|&x| kinds[x].everyday)
                .map(|x| words.key(x).chars().collect())
                .collect();
            let accept = accept(&everyday_words);
            if !resolve::may_accept(index, fuzzy, surface, budget, FUZZY_MAX_ENTITIES, &accept) {
                continue;
            }
            let mut cands = resolve::candidates(
                index,
                fuzzy,
                surface,
                None,
                None,
                budget,
                FUZZY_MAX_ENTITIES,
            );
            DECISION.score(&mut cands);
            let Some(best) = cands.first() else { continue };
            if best.score < FUZZY_MIN_SCORE || !accept.accepts(best) {
                continue;
            }
            let Some(entity) = index.by_id(&best.entity.id) else {
                continue;
            };
            let prefix = best.clitic.unwrap_or("");
            let cand = Candidate {
                prefix,
                chars: prefix.chars().count(),
                article: prefix.ends_with("\u{0644}\u{0644}"),
            };
            accepted = Some(Found {
                first: w,
                last,
                cand,
                entity,
                kind: MatchKind::Fuzzy,
                alternatives: cands.len().saturating_sub(1),
                share: best.score,
                antecedent: None,
                fuzzy: Some((best.name, best.explanation.clone())),
            });
            break;
        }
        match accepted {
            Some(f) => {
                w = f.last + 1;
                added.push(f);
            }
            None => w += 1,
        }
    }
    if added.is_empty() {
        return;
    }
    found.retain(|f| !added.iter().any(|a| a.first <= f.last && f.first <= a.last));
    found.extend(added);
    found.sort_by_key(|f| f.first);
}

/// What a fuzzy mention must be, whatever its score: similar enough but not equal (the
/// exact pass had its chance), every word matched, not a small place, and a name that has
/// every one of the window's `everyday` words among its own: `لقاء` may be part of a name
/// only if the name has it.
fn accept(
    everyday: &[Vec<char>],
) -> resolve::Accept<impl Fn(&Entity) -> bool, impl Fn(&[Vec<char>]) -> bool + '_> {
    resolve::Accept {
        min_similarity: FUZZY_MIN_SIMILARITY,
        entity_ok: |e: &Entity| e.kind != EntityKind::Place || e.prior() >= FUZZY_MIN_PLACE_PRIOR,
        name_ok: move |name_words: &[Vec<char>]| {
            everyday.iter().all(|w| word_in_name(w, name_words))
        },
    }
}

/// Finds the mentions of `text`.
pub(crate) fn find<'m, 't>(matcher: &'m Matcher, text: &'t str) -> Vec<Mention<'m, 't>> {
    let index = &matcher.inner.index;
    let words = Words::new(text);
    let mut found = exact_pass(&words, matcher);
    if matcher.inner.config.fuzzy {
        fuzzy_pass(text, &words, matcher, &mut found);
    }
    if matcher.inner.config.partial {
        partial_pass(&words, index, &mut found);
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
            let entity = index.entity(f.entity);
            let mut how = How {
                kind: f.kind,
                clitic: (f.cand.chars > 0).then_some(f.cand.prefix),
                article_restored: f.cand.article,
                folded: folded
                    .entry((surface, f.entity))
                    .or_insert_with(|| foldings(surface, names.of(index, f.entity)))
                    .clone(),
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
                MatchKind::Demonym => 0.95,
                MatchKind::ShortForm | MatchKind::Partial => 0.9,
                MatchKind::Fuzzy => f.share,
            };
            if how.folded.contains(&Folding::Letters) {
                score *= 0.98;
            }
            if how.folded.contains(&Folding::Spacing) {
                score *= 0.99;
            }
            if f.alternatives > 0 && f.kind != MatchKind::Fuzzy {
                score *= f.share;
            }
            Mention {
                start,
                end,
                surface,
                entity,
                score,
                how,
            }
        })
        .collect()
}
