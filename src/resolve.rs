//! Resolution of a standalone name to an entity: candidate generation by blocking on
//! consonant skeletons, scoring with [`crate::score`], and a decision that weighs
//! similarity against the entities' priors.
//!
//! # The decision
//!
//! Each candidate entity `e` gets `z(e) = −KAPPA · distance(e) + GAMMA · ln(size(e))`, where
//! `distance` is the weighted edit distance of the query to the entity's closest name and
//! `ln(size)` is its prior in log units (`Entity::prior() · 8 · ln 10`: the natural log of a
//! place's population, or its prominence on the same scale). The score of a candidate is its
//! share of `exp(z)` among all candidates and a *none of these* hypothesis with distance
//! [`NULL_DISTANCE`] and prior [`NULL_PRIOR`]: a bare `دلهي` is Delhi of eleven million, one
//! transposition away, rather than a village spelled exactly so, while a name far from
//! every candidate is left unresolved. The constants were chosen on the even-numbered half of
//! the GeoNames leave-one-out queries and are reported on the odd half (see the
//! `leave_one_out` test).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::Serialize;
use serde::ser::SerializeStruct;

use crate::clitic;
use crate::gazetteer::Entity;
use crate::index::{EntityIdx, Index};
use crate::keys::{ortho_key, skeleton, word_keys};
use crate::score::{Explanation, Prepared, compare};

/// Weight of one edit of distance.
pub const KAPPA: f32 = 3.0;
/// Weight of the prior, per natural-log unit of population.
pub const GAMMA: f32 = 0.3;
/// Distance of the *none of these* hypothesis.
pub const NULL_DISTANCE: f32 = 1.6;
/// Prior of the *none of these* hypothesis (a place of about 10,000 people).
pub const NULL_PRIOR: f32 = 0.5;
/// A resolution is returned only when the best candidate's score reaches this.
pub const DEFAULT_THRESHOLD: f32 = 0.5;
/// Penalty, in edits, for reading the query's first word without a proclitic.
const CLITIC_DISTANCE: f32 = 0.1;
/// At most this many aliases are scored per query.
const MAX_SCORED: usize = 400;
/// Blocks with more aliases than this carry no information (a common word of many names).
const MAX_BLOCK: usize = 2_000;
/// How many candidates a resolution reports.
const REPORTED: usize = 5;

/// `ln` of the size behind a prior of 1.0 (10^8).
const PRIOR_LN_SCALE: f32 = 8.0 * std::f32::consts::LN_10;

/// Hasher for keys that are already hashes.
#[derive(Default)]
pub(crate) struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used; fold anything else in.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Blocks = HashMap<u64, Vec<u32>, BuildHasherDefault<PassThrough>>;

/// FNV-1a over a string, with a salt per key kind.
fn hash(kind: u8, key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(kind);
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

const WHOLE: u8 = 1;
const WORD: u8 = 2;

/// Calls `f` with `key` and each key one character shorter.
fn with_deletions(key: &str, mut f: impl FnMut(&str)) {
    f(key);
    let chars: Vec<(usize, char)> = key.char_indices().collect();
    if chars.len() < 3 {
        return;
    }
    let mut buf = String::with_capacity(key.len());
    for &(at, c) in &chars {
        buf.clear();
        buf.push_str(&key[..at]);
        buf.push_str(&key[at + c.len_utf8()..]);
        f(&buf);
    }
}

/// One name of one entity, as the fuzzy index knows it.
#[derive(Clone, Copy, Debug)]
struct AliasRef {
    entity: EntityIdx,
    /// Position in `entity.names()` followed by `entity.short`.
    name: u16,
}

/// The blocking index over every name of a matcher's entities.
#[derive(Debug, Default)]
pub(crate) struct FuzzyIndex {
    aliases: Vec<AliasRef>,
    blocks: Blocks,
}

fn all_names(e: &Entity) -> impl Iterator<Item = &str> {
    e.names().chain(e.short.iter().map(|s| s.as_ref()))
}

impl FuzzyIndex {
    pub fn new(index: &Index) -> FuzzyIndex {
        let mut fuzzy = FuzzyIndex::default();
        let mut seen: Vec<String> = Vec::new();
        for (idx, e) in index.entities_with_idx() {
            seen.clear();
            for (k, name) in all_names(e).enumerate() {
                let words = word_keys(name);
                let skeletons: Vec<String> = words.iter().map(|w| skeleton(w)).collect();
                let whole: String = skeletons.concat();
                if whole.chars().count() < 2 || seen.contains(&whole) || k > usize::from(u16::MAX) {
                    continue;
                }
                seen.push(whole.clone());
                let alias = fuzzy.aliases.len() as u32;
                fuzzy.aliases.push(AliasRef { entity: idx, name: k as u16 });
                let mut keys: Vec<u64> = Vec::new();
                with_deletions(&whole, |d| keys.push(hash(WHOLE, d)));
                if skeletons.len() > 1 {
                    for s in skeletons.iter().filter(|s| s.chars().count() >= 3) {
                        with_deletions(s, |d| keys.push(hash(WORD, d)));
                    }
                }
                keys.sort_unstable();
                keys.dedup();
                for key in keys {
                    fuzzy.blocks.entry(key).or_default().push(alias);
                }
            }
        }
        fuzzy.blocks.retain(|_, v| v.len() <= MAX_BLOCK);
        fuzzy
    }

    /// Aliases sharing a whole-name or word skeleton (within one deletion) with the query,
    /// most shared keys first.
    fn candidates(&self, query_words: &[String]) -> Vec<(u32, u32)> {
        let skeletons: Vec<String> = query_words.iter().map(|w| skeleton(w)).collect();
        let whole: String = skeletons.concat();
        let mut hits: HashMap<u32, u32> = HashMap::new();
        let mut add = |kind: u8, key: &str, weight: u32| {
            if let Some(block) = self.blocks.get(&hash(kind, key)) {
                for &a in block {
                    *hits.entry(a).or_default() += weight;
                }
            }
        };
        let mut seen: Vec<u64> = Vec::new();
        with_deletions(&whole, |d| {
            let h = hash(WHOLE, d);
            if !seen.contains(&h) {
                seen.push(h);
                add(WHOLE, d, 4);
            }
        });
        for s in skeletons.iter().filter(|s| s.chars().count() >= 3) {
            seen.clear();
            with_deletions(s, |d| {
                let h = hash(WORD, d);
                if !seen.contains(&h) {
                    seen.push(h);
                    add(WORD, d, 1);
                }
            });
        }
        let mut out: Vec<(u32, u32)> = hits.into_iter().collect();
        out.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }
}

/// One entity a name may refer to, with the evidence.
#[derive(Clone, Debug)]
pub struct Candidate<'m> {
    /// The entity.
    pub entity: &'m Entity,
    /// Share of the decision weight, in `0.0..=1.0` (see the module documentation).
    pub score: f32,
    /// Similarity of the query to `name`, in `0.0..=1.0`.
    pub similarity: f32,
    /// Weighted edit distance to `name`.
    pub distance: f32,
    /// The entity's name the query came closest to.
    pub name: &'m str,
    /// The proclitic read off the query's first word, if any.
    pub clitic: Option<&'static str>,
    /// What the comparison forgave.
    pub explanation: Explanation,
}

impl Serialize for Candidate<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("Candidate", 9)?;
        m.serialize_field("id", &self.entity.id)?;
        m.serialize_field("kind", &self.entity.kind)?;
        m.serialize_field("name_ar", &self.entity.name_ar)?;
        m.serialize_field("name_en", &self.entity.name_en)?;
        m.serialize_field("score", &self.score)?;
        m.serialize_field("similarity", &self.similarity)?;
        m.serialize_field("matched_name", &self.name)?;
        m.serialize_field("clitic", &self.clitic)?;
        m.serialize_field("explanation", &self.explanation)?;
        m.end()
    }
}

/// The answer to [`Matcher::resolve`](crate::Matcher::resolve).
#[derive(Clone, Debug, Serialize)]
pub struct Resolution<'m> {
    /// The name asked for.
    pub query: String,
    /// The best candidate, when its score reaches the threshold.
    #[serde(skip)]
    pub best: Option<Candidate<'m>>,
    /// The top candidates, best first, whether or not they reach the threshold.
    pub candidates: Vec<Candidate<'m>>,
}

impl<'m> Resolution<'m> {
    /// The resolved entity, if any.
    pub fn entity(&self) -> Option<&'m Entity> {
        self.best.as_ref().map(|c| c.entity)
    }
}

/// An entity to leave out of a resolution, by one of its names: the leave-one-out
/// evaluation asks for a place by a spelling the gazetteer is made to forget.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Forget<'a> {
    pub entity: EntityIdx,
    pub name: &'a str,
}

/// Resolves `name` against `index`.
pub(crate) fn resolve<'m>(
    index: &'m Index,
    fuzzy: &FuzzyIndex,
    name: &str,
    threshold: f32,
    forget: Option<Forget<'_>>,
) -> Resolution<'m> {
    let words = word_keys(name);
    let mut best_by_entity: HashMap<EntityIdx, Candidate<'m>> = HashMap::new();
    let mut consider = |entity: EntityIdx, name_pos: usize, query: &Prepared, penalty: f32, clitic: Option<&'static str>| {
        let e = index.entity(entity);
        let Some(alias) = all_names(e).nth(name_pos) else { return };
        if forget.is_some_and(|f| f.entity == entity && f.name == alias) {
            return;
        }
        let sim = compare(query, &Prepared::new(alias));
        let distance = sim.distance + penalty;
        let slot = best_by_entity.get(&entity);
        if slot.is_none_or(|c| distance < c.distance) {
            best_by_entity.insert(
                entity,
                Candidate {
                    entity: e,
                    score: 0.0,
                    similarity: sim.score,
                    distance,
                    name: alias,
                    clitic,
                    explanation: sim.explanation,
                },
            );
        }
    };
    // Readings of the query: as written, then without a proclitic on its first word.
    let mut readings: Vec<(Vec<String>, f32, Option<&'static str>)> = vec![(words.clone(), 0.0, None)];
    if let Some(first) = words.first() {
        for c in clitic::candidates(first).skip(1) {
            let mut w = words.clone();
            let stem: String = first.chars().skip(c.chars).collect();
            w[0] = if c.article { format!("{}{stem}", clitic::ARTICLE) } else { stem };
            readings.push((w, CLITIC_DISTANCE, Some(c.prefix)));
        }
    }
    for (reading, penalty, clitic) in &readings {
        let joined = reading.join(" ");
        let query = Prepared::new(&joined);
        // Exact keys first: every entity with a name of the same orthographic key.
        index.lookup(&ortho_key(&joined), |t| {
            let e = index.entity(t.entity);
            let key = ortho_key(&joined);
            for (k, alias) in all_names(e).enumerate() {
                if ortho_key(alias) == key {
                    consider(t.entity, k, &query, *penalty, *clitic);
                }
            }
        });
        let mut scored = 0;
        for (alias, _) in fuzzy.candidates(reading) {
            let a = fuzzy.aliases[alias as usize];
            consider(a.entity, usize::from(a.name), &query, *penalty, *clitic);
            scored += 1;
            if scored >= MAX_SCORED {
                break;
            }
        }
    }
    decide(name, best_by_entity.into_values().collect(), threshold)
}

fn weight(distance: f32, prior: f32) -> f32 {
    -KAPPA * distance + GAMMA * PRIOR_LN_SCALE * prior
}

fn decide<'m>(query: &str, mut candidates: Vec<Candidate<'m>>, threshold: f32) -> Resolution<'m> {
    let null = weight(NULL_DISTANCE, NULL_PRIOR);
    let z: Vec<f32> = candidates.iter().map(|c| weight(c.distance, c.entity.prior())).collect();
    let top = z.iter().copied().fold(null, f32::max);
    let total: f32 = z.iter().map(|w| (w - top).exp()).sum::<f32>() + (null - top).exp();
    for (c, w) in candidates.iter_mut().zip(&z) {
        c.score = (w - top).exp() / total;
    }
    candidates.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.entity.id.cmp(&b.entity.id)));
    candidates.truncate(REPORTED);
    let best = candidates.first().filter(|c| c.score >= threshold).cloned();
    Resolution { query: query.to_string(), best, candidates }
}
