//! `resolve`: names/s of [`Matcher::resolve`] against gazetteers of 1k, 10k and 100k
//! aliases (built-in Arabic names, then made-up people past those), on misspelled queries
//! generated deterministically (harakat, hamza, long vowels, confusable consonants, split
//! or joined words, reordering, proclitics), with accuracy@1 printed beside the speed, and
//! the wrong-answer rate: queries given another entity, and impostors (misspelt names of
//! nobody in the gazetteer, a given and a family name of its people put together) given
//! any entity.
//! The baseline in the same run is what RapidFuzz `extractOne` does: Jaro-Winkler
//! (`strsim`) of the folded query against every folded alias, best kept.
//!
//! ```sh
//! cargo bench --bench resolve
//! ```

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tawfiq::normalize::{Level, normalize};

/// Queries timed for tawfiq, and for the brute-force baseline (a hundred times slower at
/// 100k aliases; fewer keep a criterion sample within seconds).
const QUERIES: usize = 1000;
const BASELINE_QUERIES: usize = 50;
/// Queries on which both are scored for accuracy@1 (once, outside the timing).
const ACCURACY_QUERIES: usize = 250;
/// Impostor queries, scored once outside the timing.
const IMPOSTORS: usize = 250;

/// The brute-force nearest alias by Jaro-Winkler: its index.
fn brute_force(query: &str, aliases: &[String]) -> usize {
    let mut best = (f64::MIN, 0);
    for (i, a) in aliases.iter().enumerate() {
        let s = strsim::jaro_winkler(query, a);
        if s > best.0 {
            best = (s, i);
        }
    }
    best.1
}

fn bench(c: &mut Criterion) {
    let started = std::time::SystemTime::now();
    let mut group = c.benchmark_group("resolve");
    group.sample_size(10);
    for n in [1_000usize, 10_000, 100_000] {
        let common::ResolveWorkload {
            aliases,
            matcher,
            queries,
            ids,
            mut rng,
        } = common::ResolveWorkload::new(n, QUERIES);
        let folded: Vec<String> = aliases
            .iter()
            .map(|a| normalize(&a.name, Level::Folded).into_owned())
            .collect();
        let fold = |q: &str| normalize(q, Level::Folded).into_owned();
        // Accuracy@1 over the baseline's queries for both, and over all for tawfiq.
        let ours = |qs: &[(String, usize)]| {
            qs.iter()
                .filter(|(q, i)| matcher.resolve(q).entity().is_some_and(|e| e.id == ids[*i]))
                .count() as f64
                / qs.len() as f64
        };
        let few = &queries[..BASELINE_QUERIES];
        let judged = &queries[..ACCURACY_QUERIES];
        let theirs = judged
            .iter()
            .filter(|(q, i)| brute_force(&fold(q), &folded) == *i)
            .count() as f64
            / judged.len() as f64;
        let wrong = queries
            .iter()
            .filter(|(q, i)| matcher.resolve(q).entity().is_some_and(|e| e.id != ids[*i]))
            .count() as f64
            / queries.len() as f64;
        let impostors = common::impostors(&aliases, IMPOSTORS, &mut rng);
        let fooled = impostors
            .iter()
            .filter(|q| matcher.resolve(q).best.is_some())
            .count();
        // The baseline always answers: every impostor gets an alias.
        println!(
            "resolve/{n}: accuracy@1 tawfiq {:.3} ({} queries), wrong {wrong:.3}, impostors given \
             an entity {fooled}/{}; on the baseline's {}: tawfiq {:.3}, brute-force Jaro-Winkler \
             {theirs:.3} (it gives every impostor an alias)",
            ours(&queries),
            queries.len(),
            impostors.len(),
            judged.len(),
            ours(judged),
        );
        group.throughput(Throughput::Elements(queries.len() as u64));
        group.bench_with_input(BenchmarkId::new("tawfiq", n), &queries, |b, qs| {
            b.iter(|| {
                qs.iter()
                    .filter(|(q, _)| matcher.resolve(q).best.is_some())
                    .count()
            })
        });
        group.throughput(Throughput::Elements(few.len() as u64));
        group.bench_with_input(BenchmarkId::new("jaro-winkler", n), few, |b, qs| {
            b.iter(|| {
                qs.iter()
                    .map(|(q, _)| brute_force(&fold(q), &folded))
                    .sum::<usize>()
            })
        });
        let t = common::mean_ns("resolve", "tawfiq", &n.to_string(), started);
        let j = common::mean_ns("resolve", "jaro-winkler", &n.to_string(), started);
        if let (Some(t), Some(j)) = (t, j) {
            let (ours, theirs) = (queries.len() as f64 / t * 1e9, few.len() as f64 / j * 1e9);
            println!(
                "resolve/{n}: tawfiq {ours:.0} names/s, brute force {theirs:.1} names/s: {:.0}x",
                ours / theirs
            );
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
