//! The partial pass: a family name alone refers to the person the same text named in full
//! (`جابيف` after `ألكسندر جابيف`, `Gabouev` in Latin script).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::clitic::{self, Candidate};
use crate::gazetteer::EntityKind;
use crate::index::{EntityIdx, Index};
use crate::keys::{bare_key, word_keys};
use crate::mention::MatchKind;
use crate::score::{Prepared, compare};

use super::words::Words;
use super::{Found, Named};

/// A given name seen in at most this many person names (`راهول`, `بريانكا`, `كامالا`; not
/// `عمران`, `دونالد`, `محمد`) refers alone to the person the text named in full: news names
/// some people by it, and a name that rare is not another person's in the same text.
pub(super) const RARE_GIVEN_MAX_NAMES: u32 = 10;
/// ... and has at least this many letters.
pub(super) const RARE_GIVEN_MIN_LETTERS: usize = 4;

/// Countries whose people's family name comes first (`شي جين بينغ` is referred to as `شي`).
const FAMILY_NAME_FIRST: &[&str] = &[
    "CN", "TW", "HK", "MO", "KP", "KR", "JP", "VN", "SG", "HU", "KH",
];

/// Document pass: a word left unmatched that is the family name of a person mentioned in full
/// elsewhere in the text (or a rare given name of one, [`RARE_GIVEN_MAX_NAMES`]) is a partial
/// mention of that person (`جابيف` after `ألكسندر جابيف`,
/// `يو` after `كاترينا يو`, `كيم` near `كيم جونغ أون`: the last word of the full mention, or
/// the first for countries that write the family name first). A family name shared by two
/// people mentioned in full, and the most frequent Arabic words, are not linked.
pub(super) fn partial_pass(text: &str, words: &Words, index: &Index, found: &mut Vec<Found<'_>>) {
    let mut covered = vec![false; words.words.len()];
    // One-word links that a family name of this text outranks: a short form, a partial name
    // or a demonym of another entity (`السوداني` after `محمد شياع السوداني` is the prime
    // minister, not Sudan; `جونسون` after `مايك جونسون` is not Boris Johnson).
    let mut weak: Vec<Option<usize>> = vec![None; words.words.len()];
    // word key → (entity, byte offsets of the full mentions that contain it)
    let mut names: HashMap<String, (Option<EntityIdx>, Vec<usize>)> = HashMap::default();
    // The people named in full: (entity, family name first, its first full mention).
    let mut persons: Vec<(EntityIdx, bool, usize)> = Vec::new();
    // The Latin family names of an entity are the same at each of its full mentions.
    let mut latin_done: HashSet<EntityIdx> = HashSet::default();
    for (i, f) in found.iter().enumerate() {
        let outranked = f.first == f.last
            && matches!(
                f.kind,
                MatchKind::ShortForm | MatchKind::Partial | MatchKind::Demonym
            );
        if outranked {
            weak[f.first] = Some(i);
        } else {
            covered[f.first..=f.last].iter_mut().for_each(|c| *c = true);
        }
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
        // A rare given name too (`راهول` after `راهول غاندي`).
        if !family_first {
            let given = f.stem(words);
            let word = &words.words[f.first];
            let written = &text[words.origins[word.chars.start + f.cand.chars]..word.end];
            let rare = given.chars().count() >= RARE_GIVEN_MIN_LETTERS
                && crate::language::zipf(given).is_none()
                && crate::language::bare_word(&bare_key(written)).person <= RARE_GIVEN_MAX_NAMES;
            if rare {
                let slot = names
                    .entry(given.to_string())
                    .or_insert((Some(entity), Vec::new()));
                if slot.0 != Some(entity) {
                    slot.0 = None;
                }
                slot.1.push(start);
            }
        }
        // Its Latin spellings too (below): Arabic news quotes foreign names in Latin script
        // (`Gabouev` after `ألكسندر جابيف`).
        if latin_done.insert(entity) {
            persons.push((entity, family_first, start));
        }
    }
    if names.is_empty() {
        return;
    }
    // Their Latin family names, compared with cheap vowels, when the text has a Latin word
    // that may be one.
    let latin_word = |w: usize| {
        let key = words.key(w);
        !covered[w]
            && weak[w].is_none()
            && key.bytes().all(|b| b.is_ascii_alphabetic())
            && key.len() >= LATIN_PARTIAL_MIN_LETTERS
    };
    let latin = if (0..words.words.len()).any(latin_word) {
        latin_families(index, &persons)
    } else {
        Vec::new()
    };
    // The reading of a word that is a family name, and its key: once per type. A reading
    // takes letters off the front only, so the key ends with a family name's last letter.
    let mut last_letters: Vec<char> = names.keys().filter_map(|n| n.chars().last()).collect();
    last_letters.sort_unstable();
    last_letters.dedup();
    let readings = words.per_type(|key| {
        let ends_as_one = key
            .chars()
            .last()
            .is_some_and(|c| last_letters.binary_search(&c).is_ok());
        if !ends_as_one || key.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        clitic::candidates(key).find_map(|cand| {
            let stem = cand.stem(key);
            let named = !cand.article && matches!(names.get(stem), Some((Some(_), _)));
            (named && !crate::language::is_frequent_word(stem)).then(|| (cand, stem.to_string()))
        })
    });
    let mut replaced: Vec<usize> = Vec::new();
    let before = found.len();
    for (w, _) in words.words.iter().enumerate().filter(|(w, _)| !covered[*w]) {
        let key = words.key(w);
        if key.bytes().all(|b| b.is_ascii_alphabetic()) {
            if weak[w].is_some() {
                continue;
            }
            if let Some(f) = latin_partial(key, &latin, words.origins[words.words[w].chars.start]) {
                found.push(f.found(w));
            }
            continue;
        }
        if let Some((cand, stem)) = &readings[words.types[w] as usize] {
            let Some((Some(entity), starts)) = names.get(stem) else {
                continue;
            };
            if let Some(i) = weak[w] {
                if found[i].target == Named::Entity(*entity) {
                    continue;
                }
                replaced.push(i);
            }
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
                alternatives: Vec::new(),
                share: 1.0,
                antecedent,
                fuzzy: None,
            });
        }
    }
    if !replaced.is_empty() {
        let mut i = 0;
        found.retain(|_| {
            i += 1;
            i > before || !replaced.contains(&(i - 1))
        });
    }
    found.sort_by_key(|f| f.first);
}

/// The Latin family names of `persons` (entity, family name first, its first full
/// mention), each once per person.
fn latin_families(index: &Index, persons: &[(EntityIdx, bool, usize)]) -> Vec<LatinFamily> {
    let mut latin: Vec<LatinFamily> = Vec::new();
    for &(entity, family_first, start) in persons {
        for name in index
            .entity(entity)
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
    latin
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
            alternatives: Vec::new(),
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

#[cfg(all(test, feature = "builtin"))]
mod tests {
    use crate::Matcher;

    /// (surface, entity id or "-") of each mention.
    fn found(text: &str) -> Vec<(String, String)> {
        Matcher::builtin()
            .find_iter(text)
            .map(|m| {
                (
                    m.surface.to_string(),
                    m.entity_id().unwrap_or("-").to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_rare_given_name_refers_to_the_person_the_text_named_in_full() {
        let got = found("وقال راهول غاندي إن الحزب سيفوز، وأضاف راهول أن الحملة بدأت.");
        assert_eq!(got[1], ("راهول".into(), "rahul-gandhi".into()), "{got:?}");
        // A common given name alone is no reference to one person.
        let got = found("وقال محمد بن سلمان إن الرؤية تتقدم، وحضر محمد الاجتماع.");
        assert!(got.iter().all(|(s, _)| s != "محمد"), "{got:?}");
    }

    #[test]
    fn a_family_name_refers_to_the_person_the_text_named_in_full() {
        // A nisba that is also a demonym, and a surname that is another person's short form.
        let got = found("استقبل محمد شياع السوداني الوفد، وأكد السوداني دعمه.");
        assert_eq!(
            got[1],
            ("السوداني".into(), "mohammed-shia-al-sudani".into())
        );
        let got = found("وقال مايك جونسون إن التصويت غدا، وأضاف جونسون أن الحزب موحد.");
        assert_eq!(got[1], ("جونسون".into(), "mike-johnson".into()));
        // Without the full name, the demonym and the short form stand.
        assert_eq!(found("وأكد السوداني دعمه.")[0].1, "cldr:SD");
    }

    #[test]
    fn a_place_named_with_its_head_word_is_meant_by_the_bare_name_too() {
        let alone = found("وقال سكان لويزيانا إن الأضرار كبيرة.");
        let text = "وضرب الإعصار ولاية لويزيانا، وقال حاكم لويزيانا إن الأضرار كبيرة.";
        let got = found(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[0].1, got[1].1,
            "help: the bare name is the state the text named"
        );
        assert!(got[0].1.starts_with("iso:US"), "{got:?}");
        assert_ne!(
            alone[0].1, got[0].1,
            "alone, the bare name is GeoNames' town"
        );
        // A governor's title says it too (`حاكم لويزيانا` governs the state).
        assert_eq!(found("وقال حاكم لويزيانا إن الأضرار كبيرة.")[0].1, got[0].1);
        // A big city keeps its bare name: البصرة is the city of 1.3 million.
        let got = found("وعقد مجلس محافظة البصرة جلسته في البصرة.");
        assert_eq!(
            got.last().map(|x| x.1.as_str()),
            Some("geonames:99532"),
            "{got:?}"
        );
    }

    #[test]
    fn head_words_rank_namesakes_and_a_shared_short_form_follows_the_country() {
        let got = found("وصلت القوات إلى مدينة مأرب، وسيطرت على أجزاء من محافظة مأرب.");
        let ids: Vec<&str> = got.iter().map(|x| x.1.as_str()).collect();
        assert!(
            ids[0].starts_with("geonames:") && ids[1].starts_with("iso:"),
            "{got:?}"
        );
        // Several legislatures are `مجلس الأمة`: alone it is none of them.
        assert!(found("صوت مجلس الأمة على الميزانية.").is_empty());
        let got = found("وفي الكويت، صوت مجلس الأمة على الميزانية.");
        assert_eq!(
            got[1],
            ("مجلس الأمة".into(), "kuwait-national-assembly".into())
        );
        // Turkey's ruling party and Morocco's share their name in Arabic news.
        let got = found("وفي تركيا، خسر حزب العدالة والتنمية بلديات كبرى.");
        assert_eq!(got[1], ("حزب العدالة والتنمية".into(), "akp".into()));
        let got = found("وفي المغرب، خسر حزب العدالة والتنمية مقاعد كثيرة.");
        assert_eq!(
            got[1],
            ("حزب العدالة والتنمية".into(), "pjd-morocco".into())
        );
    }

    #[test]
    fn a_head_noun_before_a_name_is_not_a_place() {
        let got = found("وصلت القوات إلى مدينة مأرب.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "مأرب");
    }
}
