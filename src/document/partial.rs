//! The partial pass: a family name alone refers to the person the same text named in full
//! (`جابيف` after `ألكسندر جابيف`, `Gabouev` in Latin script).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::clitic::{self, Candidate};
use crate::gazetteer::EntityKind;
use crate::index::{EntityIdx, Index};
use crate::keys::word_keys;
use crate::mention::MatchKind;
use crate::score::{Prepared, compare};

use super::words::Words;
use super::{Found, Named};

/// Countries whose people's family name comes first (`شي جين بينغ` is referred to as `شي`).
const FAMILY_NAME_FIRST: &[&str] = &[
    "CN", "TW", "HK", "MO", "KP", "KR", "JP", "VN", "SG", "HU", "KH",
];

/// Document pass: a word left unmatched that is the family name of a person mentioned in full
/// elsewhere in the text is a partial mention of that person (`جابيف` after `ألكسندر جابيف`,
/// `يو` after `كاترينا يو`, `كيم` near `كيم جونغ أون`: the last word of the full mention, or
/// the first for countries that write the family name first). A family name shared by two
/// people mentioned in full, and the most frequent Arabic words, are not linked.
pub(super) fn partial_pass(words: &Words, index: &Index, found: &mut Vec<Found<'_>>) {
    let mut covered = vec![false; words.words.len()];
    // word key → (entity, byte offsets of the full mentions that contain it)
    let mut names: HashMap<String, (Option<EntityIdx>, Vec<usize>)> = HashMap::default();
    let mut latin: Vec<LatinFamily> = Vec::new();
    // The Latin family names of an entity are the same at each of its full mentions.
    let mut latin_done: HashSet<EntityIdx> = HashSet::default();
    for f in found.iter() {
        covered[f.first..=f.last].iter_mut().for_each(|c| *c = true);
        let Some(entity) = f.target.entity() else {
            continue;
        };
        let e = index.entity(entity);
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
        let slot = names.entry(key).or_insert((Some(entity), Vec::new()));
        if slot.0 != Some(entity) {
            slot.0 = None; // two people share this family name
        }
        slot.1.push(start);
        // Its Latin spellings too: Arabic news quotes foreign names in Latin script
        // (`Gabouev` after `ألكسندر جابيف`), compared below with cheap vowels.
        if !latin_done.insert(entity) {
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
                    .any(|l: &LatinFamily| l.key == *k && l.entity == entity)
                {
                    latin.push(LatinFamily {
                        key: k.clone(),
                        prepared: Prepared::new(k),
                        entity,
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
                target: Named::Entity(*entity),
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
            target: Named::Entity(self.entity),
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
