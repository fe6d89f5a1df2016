//! Resolution at scale: a user gazetteer of N aliases (the `resolve` bench's: built-in Arabic
//! names, then made-up people who share given and family names, as watch-lists do) written
//! as a TSV file, loaded and indexed as the `tawfiq --gazetteer` option does, then misspelt
//! queries of its names and impostors (misspelt made-up names that no alias has) resolved on
//! one core, with [`tawfiq::Matcher::resolve_batch`], and on one core again (warm).
//!
//! ```text
//! cargo run --release --example scale -- [--aliases N] [--queries Q]
//! ```
//!
//! The TSV file is removed at the end unless `TAWFIQ_KEEP_TSV` is set (to time the
//! `tawfiq` tool on it). `TAWFIQ_SHOW_MISSES` prints to stderr each query of an alias that
//! was not answered with it, with its first four candidates.
//!
//! Prints the load time (reading and checking the file, then building the matcher), the
//! process's peak memory after loading and after resolving (`VmHWM` from `/proc`), names/s,
//! accuracy@1 on the queries that name an alias and the share of impostors given an entity
//! (wrong answers). A figure of one run on a shared machine: compare sizes within one run,
//! and use the `resolve` bench for ratios.

#[path = "../benches/common/mod.rs"]
mod common;

use std::io::Write;
use std::time::Instant;

use tawfiq::{Gazetteer, MatcherBuilder};

/// A field of `/proc/self/status` in megabytes (`VmRSS`, `VmHWM`).
fn status_mb(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn mb(x: Option<f64>) -> String {
    x.map_or("n/a".to_string(), |x| format!("{x:.0} MB"))
}

fn usage() -> ! {
    eprintln!("usage: scale [--aliases N] [--queries Q]");
    std::process::exit(2);
}

fn main() {
    let mut aliases_n = 100_000usize;
    let mut queries_n = 2_000usize;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().and_then(|v| v.parse().ok());
        match (flag.as_str(), value) {
            ("--aliases", Some(n)) => aliases_n = n,
            ("--queries", Some(n)) => queries_n = n,
            _ => usage(),
        }
    }

    // The gazetteer file, written once (untimed).
    let aliases = common::aliases(aliases_n);
    let path = std::env::temp_dir().join(format!("tawfiq-scale-{aliases_n}.tsv"));
    {
        let file = std::fs::File::create(&path).expect("the temporary directory is writable");
        let mut out = std::io::BufWriter::new(file);
        writeln!(out, "id\tkind\tname\tpopulation\tprominence").expect("write");
        for (i, a) in aliases.iter().enumerate() {
            let s = &a.source;
            let num = |x: Option<String>| x.unwrap_or_default();
            writeln!(
                out,
                "alias:{i}\t{}\t{}\t{}\t{}",
                s.kind,
                a.name,
                num(s.population.map(|p| p.to_string())),
                s.prominence,
            )
            .expect("write");
        }
    }
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    println!(
        "scale: {} aliases, {:.1} MB of TSV at {}",
        aliases.len(),
        bytes as f64 / 1e6,
        path.display()
    );

    let rss_before = status_mb("VmRSS");
    let t = Instant::now();
    let gazetteer = match Gazetteer::from_path(&path) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let read = t.elapsed();
    let read_peak = status_mb("VmHWM");
    let matcher = MatcherBuilder::new()
        .builtin(false)
        .gazetteer(gazetteer)
        .build()
        .expect("the generated gazetteer builds");
    let loaded = t.elapsed();
    println!(
        "load: read {:.2} s, matcher built {:.2} s in all; memory {} before, {} peak after \
         reading, {} peak after building, {} held",
        read.as_secs_f64(),
        loaded.as_secs_f64(),
        mb(rss_before),
        mb(read_peak),
        mb(status_mb("VmHWM")),
        mb(status_mb("VmRSS"))
    );

    // Queries: misspellings of aliases, and one in five an impostor (named by no alias).
    let mut rng = common::Rng(0x0dd_ba11 ^ aliases_n as u64);
    let mut impostors = common::impostors(&aliases, queries_n / 5, &mut rng).into_iter();
    let mut queries: Vec<(String, Option<usize>)> = Vec::new();
    while queries.len() < queries_n {
        let impostor = if queries.len() % 5 == 4 {
            impostors.next()
        } else {
            None
        };
        match impostor {
            Some(name) => queries.push((name, None)),
            None => {
                let i = rng.below(aliases.len());
                queries.push((common::misspell(&aliases[i].name, &mut rng), Some(i)));
            }
        }
    }

    let t = Instant::now();
    let first = matcher.resolve(&queries[0].0);
    let first_ms = t.elapsed().as_secs_f64() * 1e3;
    drop(first);
    let t = Instant::now();
    let one: Vec<Option<String>> = queries
        .iter()
        .map(|(q, _)| matcher.resolve(q).entity().map(|e| e.id.to_string()))
        .collect();
    let one_core = queries.len() as f64 / t.elapsed().as_secs_f64();
    let t = Instant::now();
    let names: Vec<&str> = queries.iter().map(|(q, _)| q.as_str()).collect();
    let batch = matcher.resolve_batch(&names, None);
    let all_cores = queries.len() as f64 / t.elapsed().as_secs_f64();
    let same = batch
        .iter()
        .zip(&one)
        .all(|(r, o)| r.entity().map(|e| e.id.as_ref()) == o.as_deref());
    // One core again, now that the matcher has met the names and blocks of these queries
    // (as a process that resolves list after list has): the first pass pays for them.
    let t = Instant::now();
    let again = queries
        .iter()
        .filter(|(q, _)| matcher.resolve(q).best.is_some())
        .count();
    let one_core_again = queries.len() as f64 / t.elapsed().as_secs_f64();
    let same = same && again == one.iter().filter(|o| o.is_some()).count();

    // The queries of an alias not answered with it, with their first candidates: what a
    // change of the decision should look at.
    if std::env::var_os("TAWFIQ_SHOW_MISSES").is_some() {
        for ((q, i), got) in queries.iter().zip(&one) {
            let Some(i) = i else { continue };
            if got.as_deref() == Some(&format!("alias:{i}")) {
                continue;
            }
            let r = matcher.resolve(q);
            eprintln!(
                "MISS {q} (true {} = alias:{i}) got {:?}",
                aliases[*i].name, got
            );
            for c in r.candidates.iter().take(4) {
                eprintln!(
                    "   {} {} score {:.3} sim {:.3} dist {:.2} {} {:?}",
                    c.entity.id,
                    c.name,
                    c.score,
                    c.similarity,
                    c.distance,
                    c.explanation,
                    c.conflict.as_ref().map(|c| c.to_string())
                );
            }
        }
    }
    let named = queries.iter().filter(|q| q.1.is_some()).count();
    let right = queries
        .iter()
        .zip(&one)
        .filter(|((_, i), got)| i.is_some_and(|i| got.as_deref() == Some(&format!("alias:{i}"))))
        .count();
    let wrong_named = queries
        .iter()
        .zip(&one)
        .filter(|((_, i), got)| i.is_some() && got.is_some())
        .count()
        - right;
    let impostors = queries.len() - named;
    let impostor_linked = queries
        .iter()
        .zip(&one)
        .filter(|((_, i), got)| i.is_none() && got.is_some())
        .count();
    println!(
        "resolve: first {first_ms:.0} ms; {one_core:.0} names/s on one core, {all_cores:.0} \
         names/s with resolve_batch ({} threads), {one_core_again:.0} names/s on one core again{}",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        if same { "" } else { " — BATCH DIFFERS" }
    );
    println!(
        "accuracy@1 {:.3} ({right}/{named}), wrong {:.3}; impostors given an entity {:.3} \
         ({impostor_linked}/{impostors}); memory peak {}",
        right as f64 / named.max(1) as f64,
        wrong_named as f64 / named.max(1) as f64,
        impostor_linked as f64 / impostors.max(1) as f64,
        mb(status_mb("VmHWM"))
    );
    if std::env::var_os("TAWFIQ_KEEP_TSV").is_none() {
        let _ = std::fs::remove_file(&path);
    }
}
