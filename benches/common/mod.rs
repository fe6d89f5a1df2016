//! Deterministic inputs shared by the benches: names drawn from the built-in gazetteer,
//! their spelling variants and misspellings, a corpus of running text, gazetteers of a
//! chosen number of aliases, and the ratio of two criterion measurements of one run.
//!
//! Every draw comes from a fixed xorshift seed: each run measures the same inputs. The
//! running text is built from the crate's own sample texts (`data/samples/`, our writing)
//! and sentence templates written for these benches.

#![allow(dead_code)] // each bench uses part of this module

use std::collections::HashSet;

use tawfiq::normalize::{Level, normalize};
use tawfiq::{Entity, EntityKind, Gazetteer, Matcher};

/// A small deterministic generator (xorshift64*).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Fisher-Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// The Arabic canonical names of the built-in people, then of places by population: the
/// order a news desk meets them in.
pub fn base_names() -> Vec<String> {
    let m = Matcher::builtin();
    let mut people: Vec<String> = Vec::new();
    let mut places: Vec<(u64, String)> = Vec::new();
    for e in m.entities().filter(|e| !e.name_ar.is_empty()) {
        match e.kind {
            EntityKind::Person => people.push(e.name_ar.to_string()),
            EntityKind::Place => places.push((e.population.unwrap_or(0), e.name_ar.to_string())),
            EntityKind::Organisation => {}
        }
    }
    places.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    people.sort();
    people.extend(places.into_iter().map(|p| p.1));
    people
}

/// One way a newsroom writes `name`: as is, the surname alone, hamza seats, ى/ي and ة/ه
/// exchanged, a long vowel dropped or doubled, confusable consonants swapped, harakat
/// added, words reordered, the given name dropped.
pub fn variant(name: &str, rng: &mut Rng) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    match rng.below(10) {
        0 | 1 => name.to_string(),
        2 => words.last().copied().unwrap_or(name).to_string(),
        3 => name.replace('أ', "ا").replace('ي', "ى").replace('ة', "ه"),
        4 => name.replacen('ا', "", 1),
        5 => name.replacen('و', "وو", 1),
        6 => name.replace('ج', "غ").replace('ت', "ط").replace('س', "ص"),
        7 => harakat(name),
        8 if words.len() > 1 => {
            let mut w = words.clone();
            w.rotate_left(1);
            w.join(" ")
        }
        _ if words.len() > 1 => words[1..].join(" "),
        _ => name.to_string(),
    }
}

/// A fatha after the first letter of every word.
fn harakat(name: &str) -> String {
    name.split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| format!("{f}\u{064E}{}", c.as_str()))
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `n` names for clustering, drawn from `bases` (low indices more often, as news repeats
/// the prominent) and written in one of their [`variant`]s.
pub fn cluster_names(bases: &[String], n: usize) -> Vec<String> {
    let mut rng = Rng(0x7a3f_19c2_5d0e_b841);
    (0..n)
        .map(|_| {
            let a = rng.below(bases.len());
            let b = rng.below(bases.len());
            variant(&bases[a.min(b)], &mut rng)
        })
        .collect()
}

/// Confusable consonants a transliteration exchanges.
const CONFUSABLE: &[(char, char)] = &[
    ('ج', 'غ'),
    ('ت', 'ط'),
    ('س', 'ص'),
    ('ك', 'ق'),
    ('ز', 'ذ'),
    ('د', 'ض'),
];

/// One misspelling of `name` (one or two edits of the kinds the resolution issue lists):
/// harakat, hamza seats, a long vowel dropped or added, a confusable consonant, two words
/// joined or one split, words reordered, a proclitic.
pub fn misspell(name: &str, rng: &mut Rng) -> String {
    let mut out = name.to_string();
    for _ in 0..1 + rng.below(2) {
        out = match rng.below(8) {
            0 => harakat(&out),
            1 => out.replace(['أ', 'إ', 'آ'], "ا").replace('ى', "ي"),
            2 => {
                let at: Vec<usize> = out
                    .char_indices()
                    .filter(|&(i, c)| i > 0 && matches!(c, 'ا' | 'و' | 'ي'))
                    .map(|(i, _)| i)
                    .collect();
                match at.get(rng.below(at.len())) {
                    Some(&i) => format!("{}{}", &out[..i], &out[i + 2..]),
                    None => format!("{out}ا"),
                }
            }
            3 => {
                let (a, b) = *rng.pick(CONFUSABLE);
                if out.contains(a) {
                    out.replacen(a, &b.to_string(), 1)
                } else {
                    out.replacen(b, &a.to_string(), 1)
                }
            }
            4 if out.contains(' ') => out.replacen(' ', "", 1),
            4 => {
                // Split a long word after its third letter.
                match out.char_indices().nth(3) {
                    Some((i, _)) if out.chars().count() >= 7 => {
                        format!("{} {}", &out[..i], &out[i..])
                    }
                    _ => out,
                }
            }
            5 if out.contains(' ') => {
                let mut w: Vec<&str> = out.split(' ').collect();
                w.rotate_left(1);
                w.join(" ")
            }
            6 => format!("{}{out}", rng.pick(&["و", "ب", "ل", "وب"])),
            _ => {
                let at: Vec<usize> = out.char_indices().map(|(i, _)| i).skip(1).collect();
                match at.get(rng.below(at.len())) {
                    Some(&i) => format!("{}ي{}", &out[..i], &out[i..]),
                    None => out,
                }
            }
        };
    }
    out
}

/// One alias of an alias gazetteer, with the built-in entity it comes from.
pub struct Alias {
    pub name: String,
    pub source: Entity,
}

/// `n` Arabic names of distinct folded spelling, each a one-name entity of its own: first
/// the built-in gazetteer's Arabic names and aliases (people, organisations, places), then,
/// past those, made-up people (a built-in given name with a built-in family name), so that
/// 100k aliases are reachable. Shuffled deterministically before the first `n` are taken,
/// so the sizes mix kinds alike.
pub fn aliases(n: usize) -> Vec<Alias> {
    let m = Matcher::builtin();
    let mut seen: HashSet<String> = HashSet::new();
    let mut all: Vec<Alias> = Vec::new();
    let arabic = |s: &str| s.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c));
    for e in m.entities() {
        let names = std::iter::once(&e.name_ar).chain(&e.aliases);
        for name in names.filter(|s| arabic(s) && s.chars().count() >= 3) {
            if seen.insert(normalize(name, Level::Folded).into_owned()) {
                all.push(Alias {
                    name: name.to_string(),
                    source: e.clone(),
                });
            }
        }
    }
    let people: Vec<Vec<String>> = m
        .entities()
        .filter(|e| e.kind == EntityKind::Person && arabic(&e.name_ar))
        .map(|e| e.name_ar.split_whitespace().map(String::from).collect())
        .filter(|w: &Vec<String>| w.len() >= 2)
        .collect();
    let mut rng = Rng(0x51d3_a0c7_e2b4_9f61);
    let mut made = 0;
    while all.len() < n.max(100_000) && made < 10 * n.max(100_000) {
        made += 1;
        let given = &rng.pick(&people)[0];
        let family = rng.pick(&people).last().expect("two words");
        let name = format!("{given} {family}");
        if seen.insert(normalize(&name, Level::Folded).into_owned()) {
            let id = format!("made-up:{}", all.len());
            all.push(Alias {
                source: Entity::new(id, EntityKind::Person, name.clone(), ""),
                name,
            });
        }
    }
    rng.shuffle(&mut all);
    all.truncate(n);
    all
}

/// A gazetteer of one entity per alias (the source's id, kind and priors, the alias as its
/// Arabic name).
pub fn gazetteer(aliases: &[Alias]) -> Gazetteer {
    let mut g = Gazetteer::new();
    for a in aliases {
        let s = &a.source;
        let mut e = Entity::new(format!("{}#{}", s.id, a.name), s.kind, a.name.clone(), "");
        e.population = s.population;
        e.prominence = s.prominence;
        g.push(e);
    }
    g
}

/// The `resolve` bench's workload at `n` aliases: the gazetteer's matcher, `queries`
/// misspelt aliases and the generator they were drawn from (impostors are drawn from it
/// next, as the bench does).
pub struct ResolveWorkload {
    pub aliases: Vec<Alias>,
    pub matcher: Matcher,
    /// `(query, index of the alias it misspells)`.
    pub queries: Vec<(String, usize)>,
    /// The id each alias has in the matcher, by index.
    pub ids: Vec<String>,
    pub rng: Rng,
}

impl ResolveWorkload {
    pub fn new(n: usize, queries: usize) -> ResolveWorkload {
        ResolveWorkload::drawn(n, queries, 0)
    }

    /// [`ResolveWorkload::new`] with other queries and impostors: draw `draw` of them (0 is
    /// the bench's), for tuning on queries the bench's figures are not taken on.
    pub fn drawn(n: usize, queries: usize, draw: u64) -> ResolveWorkload {
        let aliases = aliases(n);
        let gazetteer = gazetteer(&aliases);
        let ids = gazetteer
            .entities()
            .iter()
            .map(|e| e.id.to_string())
            .collect();
        let matcher = tawfiq::MatcherBuilder::new()
            .builtin(false)
            .gazetteer(gazetteer)
            .build()
            .expect("the alias gazetteer builds");
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ n as u64 ^ draw);
        let queries = (0..queries)
            .map(|_| {
                let i = rng.below(aliases.len());
                (misspell(&aliases[i].name, &mut rng), i)
            })
            .collect();
        ResolveWorkload {
            aliases,
            matcher,
            queries,
            ids,
            rng,
        }
    }
}

/// `n` misspelt names of nobody in `aliases`: a given name and a family name of its
/// people put together as no alias has them (as a watch-list query for someone not on it
/// reads), then misspelt like the queries that name an alias.
pub fn impostors(aliases: &[Alias], n: usize, rng: &mut Rng) -> Vec<String> {
    let folded: HashSet<String> = aliases
        .iter()
        .map(|a| normalize(&a.name, Level::Folded).into_owned())
        .collect();
    let two_words = || {
        aliases
            .iter()
            .filter(|a| a.name.split_whitespace().count() >= 2)
    };
    let given: Vec<&str> = two_words()
        .filter_map(|a| a.name.split_whitespace().next())
        .collect();
    let family: Vec<&str> = two_words()
        .filter_map(|a| a.name.split_whitespace().last())
        .collect();
    let mut out = Vec::with_capacity(n);
    // Bounded: a tiny alias list may not have n names of nobody.
    for _ in 0..100 * n.max(1) {
        if out.len() == n || given.is_empty() {
            break;
        }
        let name = format!("{} {}", rng.pick(&given), rng.pick(&family));
        if !folded.contains(normalize(&name, Level::Folded).as_ref()) {
            out.push(misspell(&name, rng));
        }
    }
    out
}

/// Sentences written for the benches; `{P}` is a person, `{L}` a place, `{O}` an
/// organisation, each drawn with a proclitic now and then.
const TEMPLATES: &[&str] = &[
    "وقال {P} في مؤتمر صحفي إن المحادثات مع {O} ستستمر الأسبوع المقبل.",
    "ووصل {P} إلى {L} في زيارة رسمية تستغرق يومين يلتقي خلالها {P}.",
    "وأعلنت {O} أنها سترسل فريقاً من خبرائها إلى {L} لتقييم الأضرار.",
    "وتشهد {L} منذ أيام أمطاراً غزيرة أدت إلى إغلاق الطرق المؤدية إلى {L}.",
    "وفي اتصال هاتفي، بحث {P} مع {P} سبل تعزيز التعاون الاقتصادي.",
    "ونقلت وسائل إعلام محلية عن مصدر في {O} قوله إن الاجتماع سيعقد في {L}.",
    "وكان {P} قد زار {L} العام الماضي، والتقى ممثلين عن {O}.",
    "ويرى محللون أن قرار {O} سيؤثر في أسعار الغذاء في {L} و{L}.",
];

/// A corpus of at least `bytes` bytes of Arabic running text: the sample texts' paragraphs
/// alternating with template sentences filled with built-in names (people and
/// organisations as named, places by population), a fifth of them with a proclitic.
pub fn corpus(bytes: usize) -> String {
    let samples: Vec<String> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data/samples"))
            .expect("data/samples is in the repository")
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
    let paragraphs: Vec<&str> = samples
        .iter()
        .flat_map(|s| s.split("\n\n"))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let m = Matcher::builtin();
    let named = |kind: EntityKind| -> Vec<String> {
        m.entities()
            .filter(|e| e.kind == kind && !e.name_ar.is_empty())
            .map(|e| e.name_ar.to_string())
            .collect()
    };
    let (people, orgs) = (named(EntityKind::Person), named(EntityKind::Organisation));
    let mut places: Vec<(u64, String)> = m
        .entities()
        .filter(|e| e.kind == EntityKind::Place && !e.name_ar.is_empty())
        .map(|e| (e.population.unwrap_or(0), e.name_ar.to_string()))
        .collect();
    places.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let places: Vec<String> = places.into_iter().take(2000).map(|p| p.1).collect();
    let mut rng = Rng(0x2b7e_1516_28ae_d2a6);
    let mut out = String::with_capacity(bytes + 4096);
    let mut p = 0;
    while out.len() < bytes {
        out.push_str(paragraphs[p % paragraphs.len()]);
        p += 1;
        out.push_str("\n\n");
        for _ in 0..4 {
            let mut sentence = String::new();
            let template = *rng.pick(TEMPLATES);
            let mut rest = template;
            while let Some(at) = rest.find('{') {
                sentence.push_str(&rest[..at]);
                let pool = match &rest[at + 1..at + 2] {
                    "P" => &people,
                    "L" => &places,
                    _ => &orgs,
                };
                // Low indices more often: the prominent are named most.
                let i = rng.below(pool.len()).min(rng.below(pool.len()));
                if rng.below(5) == 0 && !sentence.ends_with('و') {
                    let clitic: &&str = rng.pick(&["و", "ب", "ل"]);
                    sentence.push_str(clitic);
                }
                sentence.push_str(&pool[i]);
                rest = &rest[at + 3..];
            }
            sentence.push_str(rest);
            out.push_str(&sentence);
            out.push(' ');
        }
        out.push_str("\n\n");
    }
    out
}

/// The mean time of a criterion measurement, in nanoseconds, read from `target/criterion`
/// when it was written after `since` (so never a figure of an earlier run: `--test` runs
/// and filtered runs write none).
pub fn mean_ns(
    group: &str,
    function: &str,
    parameter: &str,
    since: std::time::SystemTime,
) -> Option<f64> {
    let dir = std::env::var("CARGO_TARGET_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/target").to_string());
    let path = format!("{dir}/criterion/{group}/{function}/{parameter}/new/estimates.json");
    if std::fs::metadata(&path).ok()?.modified().ok()? < since {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v["mean"]["point_estimate"].as_f64()
}
