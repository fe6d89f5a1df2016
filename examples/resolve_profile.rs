//! Resolution over the `resolve` bench's 100k-alias workload, for a profiler: the bench's
//! 1,000 misspelt queries and 250 impostors resolved once to warm the matcher (the names it
//! prepares on first use), then `RUNS` more times in [`profiled`], the function to count.
//!
//! ```sh
//! cargo build --release --example resolve_profile
//! valgrind --tool=callgrind --toggle-collect='resolve_profile::profiled' \
//!     target/release/examples/resolve_profile [ALIASES] [RUNS] [--dump] [--draw D]
//! ```
//!
//! Prints accuracy@1 on the queries, the share of them given another entity and the
//! impostors given one; with `--dump`, each query's answer, its first candidates' scores
//! and the entity it was made from (`-` for an impostor), to check that a change of speed
//! leaves the decisions as they were and to score any part of the queries (the bench's
//! accuracy is over the first 250).
//!
//! `--draw D` resolves another draw of queries and impostors from the same aliases (0, the
//! default, is the bench's): a development set for the decision's constants, whose figures
//! the bench's are not (the weight of *none of these* was chosen on draw 1).
//!
//! With `--min-acc1 A`, `--min-acc1-bench A`, `--max-wrong W` or `--max-impostors N`, exits
//! with status 1 when accuracy@1 over the 1,000 queries or over the bench's first 250, the
//! share of queries given another entity or the impostors given one miss them (`.ci/run`
//! gates the resolve bench's workload so).

#[path = "../benches/common/mod.rs"]
mod common;

use tawfiq::{Matcher, Resolution};

fn main() {
    let mut dump = false;
    let mut draw = 0;
    let mut numbers = Vec::new();
    // The floors and ceilings asked: (flag, value).
    let mut floors: Vec<(String, f64)> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--dump" {
            dump = true;
        } else if a == "--draw" {
            let Some(d) = args.next().and_then(|v| v.parse::<u64>().ok()) else {
                eprintln!("error: --draw needs a number");
                std::process::exit(2);
            };
            draw = d;
        } else if a.starts_with("--") {
            if !LIMITS.contains(&a.as_str()) {
                eprintln!("error: unknown option {a}");
                std::process::exit(2);
            }
            let value = args.next().and_then(|v| v.parse::<f64>().ok());
            let Some(value) = value else {
                eprintln!("error: {a} needs a number");
                std::process::exit(2);
            };
            floors.push((a, value));
        } else if let Ok(x) = a.parse::<usize>() {
            numbers.push(x);
        }
    }
    let n = numbers.first().copied().unwrap_or(100_000);
    let runs = numbers.get(1).copied().unwrap_or(1);
    let common::ResolveWorkload {
        aliases,
        matcher,
        queries,
        ids,
        mut rng,
    } = common::ResolveWorkload::drawn(n, 1000, draw);
    let impostors = common::impostors(&aliases, 250, &mut rng);
    let queries: Vec<(String, Option<usize>)> = queries
        .into_iter()
        .map(|(q, i)| (q, Some(i)))
        .chain(impostors.into_iter().map(|q| (q, None)))
        .collect();

    let names: Vec<&str> = queries.iter().map(|(q, _)| q.as_str()).collect();
    let warm = resolve_all(&matcher, &names);
    let mut linked = 0;
    for _ in 0..runs {
        linked = profiled(&matcher, &names);
    }
    let (mut right, mut wrong, mut fooled, mut right_bench) = (0, 0, 0, 0);
    for (k, ((q, truth), r)) in queries.iter().zip(&warm).enumerate() {
        let got = r.entity().map(|e| e.id.as_ref());
        match (truth, got) {
            (Some(i), Some(id)) if id == ids[*i] => {
                right += 1;
                right_bench += usize::from(k < BENCH_QUERIES);
            }
            (Some(_), Some(_)) => wrong += 1,
            (None, Some(_)) => fooled += 1,
            _ => {}
        }
        if dump {
            let top: Vec<String> = r
                .candidates
                .iter()
                .take(3)
                .map(|c| format!("{} {:.4}", c.entity.id, c.score))
                .collect();
            let expected = truth.map_or("-", |i| ids[i].as_ref());
            println!("{q}\t{}\t{}\t{expected}", got.unwrap_or("-"), top.join(" "));
        }
    }
    let (acc1, acc1_bench, wrong) = (
        right as f64 / 1000.0,
        right_bench as f64 / BENCH_QUERIES as f64,
        wrong as f64 / 1000.0,
    );
    println!(
        "{n} aliases: accuracy@1 {acc1:.3} ({right}/1000; {acc1_bench:.3} over the bench's first \
         {BENCH_QUERIES}), wrong {wrong:.3}, impostors given an entity {fooled}/250; {linked} \
         linked in the last run"
    );
    let mut failed = false;
    for (flag, limit) in &floors {
        let (value, ceiling) = match flag.as_str() {
            "--min-acc1" => (acc1, false),
            "--min-acc1-bench" => (acc1_bench, false),
            "--max-wrong" => (wrong, true),
            "--max-impostors" => (fooled as f64, true),
            other => unreachable!("{other} was checked against LIMITS"),
        };
        if (ceiling && value > *limit) || (!ceiling && value < *limit) {
            eprintln!("FAILED {flag} {limit}: measured {value:.3}");
            failed = true;
        }
    }
    if failed {
        std::process::exit(1);
    }
}

/// The options that set a floor or a ceiling, each followed by its value.
const LIMITS: [&str; 4] = [
    "--min-acc1",
    "--min-acc1-bench",
    "--max-wrong",
    "--max-impostors",
];

/// The queries the `resolve` bench's accuracy is over: the first of the workload's.
const BENCH_QUERIES: usize = 250;

fn resolve_all<'m>(matcher: &'m Matcher, names: &[&str]) -> Vec<Resolution<'m>> {
    names.iter().map(|q| matcher.resolve(q)).collect()
}

/// The function a profiler counts: every query resolved once.
#[inline(never)]
fn profiled(matcher: &Matcher, names: &[&str]) -> usize {
    names
        .iter()
        .filter(|q| matcher.resolve(q).best.is_some())
        .count()
}
