//! Clustering evaluations against the team's data in `../shared` (third-party, never
//! shipped): run by `.ci/run`, ignored by a plain `cargo test`.
//!
//! - The seed articles' variant groups (`eval/seeds/variant_groups.tsv`), clustered with the
//!   built-in gazetteer off: B-cubed precision and recall.
//! - The GeoNames spelling pool: every Arabic spelling of the places of
//!   `data/geonames_places_ar/places.tsv` with two or more spellings that belong to that
//!   place only (spellings compared folded), clustered with the gazetteer off: pairwise
//!   precision and recall against place identity, on the half of the places with even ids
//!   (on which `ClusterOptions::default()` was chosen) and on the odd half.
//!
//! - A timing: near-identical spellings of made-up names (no gazetteer knows them) clustered
//!   with the built-in gazetteer on: `TAWFIQ_CLUSTER_N` names (10,000 unless told) of
//!   `TAWFIQ_CLUSTER_BASES` names (one per ten names unless told).
//!
//! - A timing: blocks of spellings sharing one skeleton, from 100 to 10,000 names.
//!
//! `TAWFIQ_SHARED` overrides the `../shared` folder; `TAWFIQ_CLUSTER_GRID=1` also prints a
//! grid of options on the even half.

mod common;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use tawfiq::cluster::{ClusterOptions, Clusterer};
use tawfiq::keys::word_keys;

fn shared() -> PathBuf {
    std::env::var_os("TAWFIQ_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

fn read(path: &PathBuf) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "help: {} is missing ({e}); the evaluations need ../shared beside the checkout",
            path.display()
        )
    })
}

fn folded(name: &str) -> String {
    word_keys(name).join(" ")
}

/// Pairwise precision and recall of `clusters` (lists of item ids) against `truth`
/// (item → class).
fn pairwise(clusters: &[Vec<usize>], truth: &[usize]) -> (f64, f64) {
    let mut same_cluster = 0u64;
    let mut both = 0u64;
    for c in clusters {
        let n = c.len() as u64;
        same_cluster += n * n.saturating_sub(1) / 2;
        let mut by_class: HashMap<usize, u64> = HashMap::new();
        for &i in c {
            *by_class.entry(truth[i]).or_default() += 1;
        }
        both += by_class
            .values()
            .map(|k| k * k.saturating_sub(1) / 2)
            .sum::<u64>();
    }
    let mut class_sizes: HashMap<usize, u64> = HashMap::new();
    for &t in truth {
        *class_sizes.entry(t).or_default() += 1;
    }
    let same_class: u64 = class_sizes
        .values()
        .map(|k| k * k.saturating_sub(1) / 2)
        .sum();
    (
        both as f64 / same_cluster.max(1) as f64,
        both as f64 / same_class.max(1) as f64,
    )
}

/// The GeoNames pool: `(folded spelling, a spelling as written, place id)`.
fn geonames_pool() -> Vec<(String, String, u64)> {
    let text = read(&shared().join("data/geonames_places_ar/places.tsv"));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("a header").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let (id_col, names_col) = (col("geonameid"), col("arabic_names"));
    let mut places: Vec<(u64, BTreeMap<String, String>)> = Vec::new();
    let mut owners: HashMap<String, HashSet<u64>> = HashMap::new();
    for line in lines {
        let cols: Vec<&str> = line.split('\t').collect();
        let id: u64 = cols[id_col].parse().expect("a numeric geonameid");
        let mut spellings = BTreeMap::new();
        for s in cols[names_col].split('|').filter(|s| !s.is_empty()) {
            let f = folded(s);
            if !f.is_empty() {
                owners.entry(f.clone()).or_default().insert(id);
                spellings.entry(f).or_insert_with(|| s.to_string());
            }
        }
        places.push((id, spellings));
    }
    let mut pool = Vec::new();
    for (id, spellings) in places {
        if spellings.len() >= 2 && spellings.keys().all(|f| owners[f].len() == 1) {
            pool.extend(spellings.into_iter().map(|(f, s)| (f, s, id)));
        }
    }
    pool
}

/// Clusters a pool with the gazetteer off; pairwise (precision, recall) and cluster count.
fn cluster_pool(pool: &[(String, String, u64)], options: ClusterOptions) -> (f64, f64, usize) {
    let mut c = Clusterer::with_options(None, options);
    for (_, s, _) in pool {
        c.add(s);
    }
    let item: HashMap<&str, usize> = pool
        .iter()
        .enumerate()
        .map(|(i, (_, s, _))| (s.as_str(), i))
        .collect();
    let clusters: Vec<Vec<usize>> = c
        .clusters()
        .iter()
        .map(|k| k.members.iter().map(|m| item[m.name.as_str()]).collect())
        .collect();
    let mut class: HashMap<u64, usize> = HashMap::new();
    let truth: Vec<usize> = pool
        .iter()
        .map(|(_, _, id)| {
            let n = class.len();
            *class.entry(*id).or_insert(n)
        })
        .collect();
    let (p, r) = pairwise(&clusters, &truth);
    (p, r, clusters.len())
}

#[test]
#[ignore = "needs ../shared/data; run by .ci/run"]
fn geonames_spelling_pool() {
    let pool = geonames_pool();
    let places: HashSet<u64> = pool.iter().map(|p| p.2).collect();
    println!(
        "GeoNames pool: {} spellings of {} places",
        pool.len(),
        places.len()
    );
    let half = |odd: bool| -> Vec<(String, String, u64)> {
        pool.iter()
            .filter(|p| (p.2 % 2 == 1) == odd)
            .cloned()
            .collect()
    };
    let (even, odd) = (half(false), half(true));
    if std::env::var_os("TAWFIQ_CLUSTER_GRID").is_some() {
        for per_letter in [0.2, 0.25] {
            for other in [0.1, 0.15, 0.2, 1.0] {
                let o = ClusterOptions {
                    max_distance_per_letter: per_letter,
                    max_other_edits_per_letter: other,
                    ..ClusterOptions::default()
                };
                let (p, r, _) = cluster_pool(&even, o);
                println!("grid per letter {per_letter}, other edits {other}: P {p:.3} R {r:.3}");
            }
        }
    }
    for (name, half) in [
        ("even ids (development)", &even),
        ("odd ids (held out)", &odd),
        ("whole pool", &pool),
    ] {
        let (p, r, n) = cluster_pool(half, ClusterOptions::default());
        println!(
            "{name}: {} spellings -> {n} clusters; pairwise P {p:.3} R {r:.3}",
            half.len()
        );
        // Floors just under the lowest measured (P 0.787 whole pool, R 0.570 odd ids).
        assert!(
            p >= 0.78 && r >= 0.56,
            "{name}: P {p:.3} R {r:.3} (floors 0.78 / 0.56)"
        );
    }
}

/// B-cubed precision and recall of `clusters` against `truth` (item → class).
fn b_cubed(clusters: &[Vec<usize>], truth: &[usize]) -> (f64, f64) {
    let mut cluster_of = vec![usize::MAX; truth.len()];
    for (k, c) in clusters.iter().enumerate() {
        for &i in c {
            cluster_of[i] = k;
        }
    }
    let n = truth.len() as f64;
    let (mut p, mut r) = (0.0, 0.0);
    for i in 0..truth.len() {
        let same_cluster: Vec<usize> = (0..truth.len())
            .filter(|&j| cluster_of[j] == cluster_of[i])
            .collect();
        let same_class = (0..truth.len()).filter(|&j| truth[j] == truth[i]).count();
        let both = same_cluster
            .iter()
            .filter(|&&j| truth[j] == truth[i])
            .count();
        p += both as f64 / same_cluster.len() as f64;
        r += both as f64 / same_class as f64;
    }
    (p / n, r / n)
}

#[test]
#[ignore = "needs ../shared/eval/seeds; run by .ci/run"]
fn seed_variant_groups() {
    let text = read(&shared().join("eval/seeds/variant_groups.tsv"));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("a header").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let (id_col, scope_col, raw_col) = (col("entity_id"), col("scope"), col("raw_surfaces"));
    // (surface, group): each distinct folded spelling once, as the gold writes it.
    let mut items: Vec<(String, usize)> = Vec::new();
    let mut groups: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    for line in lines {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols[scope_col] != "name" {
            continue;
        }
        groups.push(cols[id_col].to_string());
        for s in cols[raw_col]
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            if seen.insert(folded(s)) {
                items.push((s.to_string(), groups.len() - 1));
            }
        }
    }
    let mut c = Clusterer::new(None);
    for (s, _) in &items {
        c.add(s);
    }
    let clusters = c.clusters();
    let index: HashMap<&str, usize> = items
        .iter()
        .enumerate()
        .map(|(i, (s, _))| (s.as_str(), i))
        .collect();
    let as_items: Vec<Vec<usize>> = clusters
        .iter()
        .map(|k| k.members.iter().map(|m| index[m.name.as_str()]).collect())
        .collect();
    let truth: Vec<usize> = items.iter().map(|i| i.1).collect();
    let (p, r) = b_cubed(&as_items, &truth);
    let whole = (0..groups.len())
        .filter(|&g| {
            as_items.iter().any(|k| {
                k.iter().filter(|&&i| truth[i] == g).count()
                    == truth.iter().filter(|&&t| t == g).count()
            })
        })
        .count();
    println!(
        "variant groups (scope name, gazetteer off): {} groups, {} spellings -> {} clusters; \
         {whole} groups whole; B-cubed P {p:.3} R {r:.3}",
        groups.len(),
        items.len(),
        clusters.len()
    );
    for k in &clusters {
        let names: Vec<&str> = k.members.iter().map(|m| m.name.as_str()).collect();
        let gs: HashSet<&str> = k
            .members
            .iter()
            .map(|m| groups[truth[index[m.name.as_str()]]].as_str())
            .collect();
        println!("  {} <- {names:?} (gold: {gs:?})", k.canonical);
    }
    // Different entities are never merged; the recall floor sits under what was measured.
    assert_eq!(p, 1.0, "two variant groups were merged");
    assert!(
        r >= 0.89,
        "B-cubed recall {r:.3} (floor 0.89, measured 0.892)"
    );
}

/// Clustering unknown names with the built-in gazetteer on: every distinct spelling is
/// looked up in the gazetteer, and none is found. Prints the time per name.
#[cfg(feature = "builtin")]
#[test]
#[ignore = "a timing; run in release mode"]
fn near_identical_unknown_names_with_the_builtin_gazetteer() {
    let var = |name: &str| -> Option<usize> { std::env::var(name).ok()?.parse().ok() };
    let n = var("TAWFIQ_CLUSTER_N").unwrap_or(10_000);
    let base_count = var("TAWFIQ_CLUSTER_BASES").unwrap_or(n.div_ceil(10)).max(1);
    let m = tawfiq::Matcher::builtin();
    let mut rng = common::Rng::new(0x5eed);
    // Each base checked to be unknown (untimed).
    let mut bases: Vec<String> = Vec::new();
    while bases.len() < base_count {
        let b = common::made_up(&mut rng);
        if m.resolve(&b).best.is_none() {
            bases.push(b);
        }
    }
    let bases: Vec<&str> = bases.iter().map(String::as_str).collect();
    let names = common::near_identical(&bases, n, &mut rng);
    let distinct = names.iter().collect::<HashSet<_>>().len();
    let folded = names
        .iter()
        .map(|s| folded(s))
        .collect::<HashSet<_>>()
        .len();
    let start = std::time::Instant::now();
    let mut c = Clusterer::new(Some(&m));
    c.extend(names.iter().map(String::as_str));
    let clusters = c.clusters();
    let took = start.elapsed().as_secs_f64();
    let linked = clusters.iter().filter(|k| k.entity.is_some()).count();
    println!(
        "near-identical unknown names, built-in gazetteer on: {n} names ({distinct} spellings, \
         {folded} folded) of {} bases -> {} clusters ({linked} linked) in {took:.2} s, \
         {:.3} ms per name",
        bases.len(),
        clusters.len(),
        1000.0 * took / n as f64
    );
}

/// Spellings sharing one consonant skeleton ([`common::one_skeleton`]), clustered with the
/// gazetteer off, for blocks from half to fifty times `ClusterOptions::max_block`: the share
/// of names merged away and the time. A block past `max_block` is compared in bands, so
/// the share grows with the block instead of falling to nothing.
#[test]
#[ignore = "a timing; run in release mode"]
fn one_skeleton_blocks_of_growing_size() {
    for n in [100usize, 200, 201, 250, 400, 1000, 2000, 10_000] {
        let names = common::one_skeleton(n, 7);
        let start = std::time::Instant::now();
        let clusters = tawfiq::cluster(names.iter().map(String::as_str), None).len();
        println!(
            "{n} spellings of one skeleton -> {clusters} clusters (share merged away {:.3}) in {:.2} s",
            1.0 - clusters as f64 / n as f64,
            start.elapsed().as_secs_f64()
        );
    }
}
