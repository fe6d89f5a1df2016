//! `annotate`: bytes/s of [`Matcher::find_iter`] over a 1 MB Arabic corpus (our sample
//! texts and template sentences filled with built-in names, some with proclitics), with
//! the built-in gazetteer and with a 100k-alias gazetteer; beside each, the scanning
//! ceiling: the `aho-corasick` crate over the same text already folded, with the same
//! names folded (no clitics, no spans into the original, no decisions). Also the batch
//! API on the corpus cut into documents, on one core and on all.
//!
//! ```sh
//! cargo bench --bench annotate
//! ```

mod common;

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tawfiq::normalize::{Level, normalize};
use tawfiq::{Matcher, MatcherBuilder};

/// The corpus size: at least a megabyte.
const CORPUS_BYTES: usize = 1 << 20;

/// Every name of the matcher's entities, folded: what a plain scanner would look for.
fn folded_names(m: &Matcher) -> Vec<String> {
    let mut names: Vec<String> = m
        .entities()
        .flat_map(|e| {
            e.names()
                .chain(e.short.iter().map(|s| s.as_ref()))
                .chain(e.demonyms.iter().map(|s| s.as_ref()))
                .map(|n| normalize(n, Level::Folded).into_owned())
                .collect::<Vec<_>>()
        })
        .filter(|n| !n.is_empty())
        .collect();
    names.sort();
    names.dedup();
    names
}

fn bench(c: &mut Criterion) {
    let started = std::time::SystemTime::now();
    let corpus = common::corpus(CORPUS_BYTES);
    let folded = normalize(&corpus, Level::Folded).into_owned();
    let builtin = Matcher::builtin();
    let aliases = common::aliases(100_000);
    let big = MatcherBuilder::new()
        .builtin(false)
        .gazetteer(common::gazetteer(&aliases))
        .build()
        .expect("the alias gazetteer builds");
    let mut group = c.benchmark_group("annotate");
    group.sample_size(10);
    for (label, matcher) in [("builtin", &builtin), ("100k-aliases", &big)] {
        let names = folded_names(matcher);
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&names)
            .expect("the automaton builds");
        println!(
            "annotate/{label}: {} bytes of text ({} folded), {} names; {} mentions, {} scanner matches",
            corpus.len(),
            folded.len(),
            names.len(),
            matcher.find_iter(&corpus).count(),
            ac.find_iter(&folded).count(),
        );
        group.throughput(Throughput::Bytes(corpus.len() as u64));
        group.bench_with_input(BenchmarkId::new("find_iter", label), &corpus, |b, text| {
            b.iter(|| matcher.find_iter(text).count())
        });
        group.throughput(Throughput::Bytes(folded.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("aho-corasick", label),
            &folded,
            |b, text| b.iter(|| ac.find_iter(text).count()),
        );
        ratio(started, label, corpus.len(), folded.len());
    }
    // A day of news: the corpus cut into documents of a few paragraphs.
    let documents: Vec<&str> = corpus.split("\n\n").collect();
    group.throughput(Throughput::Bytes(corpus.len() as u64));
    group.bench_with_input(
        BenchmarkId::new("documents", "one-core"),
        &documents,
        |b, d| {
            b.iter(|| {
                d.iter()
                    .map(|d| builtin.find_iter(d).count())
                    .sum::<usize>()
            })
        },
    );
    group.bench_with_input(
        BenchmarkId::new("documents", "find_batch"),
        &documents,
        |b, d| b.iter(|| builtin.find_batch(d).iter().map(Vec::len).sum::<usize>()),
    );
    group.finish();
    if let (Some(one), Some(all)) = (
        common::mean_ns("annotate", "documents", "one-core", started),
        common::mean_ns("annotate", "documents", "find_batch", started),
    ) {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        println!(
            "annotate/documents: find_batch {:.2}x one core on {cores} cores",
            one / all
        );
    }
}

/// Prints find_iter's throughput as a share of the scanner's (both measured in this run).
fn ratio(started: std::time::SystemTime, label: &str, text: usize, folded: usize) {
    let ours = common::mean_ns("annotate", "find_iter", label, started);
    let ceiling = common::mean_ns("annotate", "aho-corasick", label, started);
    if let (Some(ours), Some(ceiling)) = (ours, ceiling) {
        // Bytes per nanosecond times 1000 is MB/s.
        let (ours, ceiling) = (text as f64 / ours * 1e3, folded as f64 / ceiling * 1e3);
        println!(
            "annotate/{label}: find_iter {ours:.2} MB/s, {:.4}x the aho-corasick ceiling of {ceiling:.1} MB/s",
            ours / ceiling
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
