//! Start-up time and memory: how long `Matcher::builtin()` takes to be ready and how much
//! memory the built matcher holds; with `--cluster N`, the time and peak memory of
//! clustering N generated names (the `cluster` bench's names).
//!
//! ```text
//! cargo run --release --example footprint -- [--cluster N]
//! ```
//!
//! Memory is the process's resident set (`VmRSS`, and its peak `VmHWM`) read from
//! `/proc/self/status`: it counts the gazetteer's static tables as they are paged in, which
//! a heap count would miss. On systems without `/proc` it prints `n/a`.

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::Instant;

use tawfiq::Matcher;

/// A field of `/proc/self/status` in megabytes (`VmRSS`, `VmHWM`).
fn status_mb(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn mb(x: Option<f64>) -> String {
    x.map_or("n/a".to_string(), |x| format!("{x:.1} MB"))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cluster: Option<usize> = match args.as_slice() {
        [] => None,
        [flag, n] if flag == "--cluster" => match n.parse() {
            Ok(n) => Some(n),
            Err(_) => {
                eprintln!("--cluster needs a number of names, got {n:?}");
                std::process::exit(2);
            }
        },
        _ => {
            eprintln!("usage: footprint [--cluster N]");
            std::process::exit(2);
        }
    };
    let before = status_mb("VmRSS");
    let t = Instant::now();
    let m = Matcher::builtin();
    let built = t.elapsed();
    let after = status_mb("VmRSS");
    let t = Instant::now();
    let found = m.find_iter("قال بوتين إن شي جين بينغ سيزور موسكو").count();
    let first_find = t.elapsed();
    let t = Instant::now();
    let resolved = m.resolve("ماسود بيزشكيان").best.is_some();
    let first_resolve = t.elapsed();
    println!(
        "Matcher::builtin(): ready in {:.1} ms, {} entities",
        built.as_secs_f64() * 1e3,
        m.stats().entities
    );
    println!(
        "memory: {} resident after building (+{} for the matcher)",
        mb(after),
        mb(after.zip(before).map(|(a, b)| a - b))
    );
    println!(
        "first find_iter: {:.2} ms ({found} mentions); first resolve: {:.2} ms (resolved: {resolved})",
        first_find.as_secs_f64() * 1e3,
        first_resolve.as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let again =
        m.resolve("مسعود بزشكيان").best.is_some() && m.find_iter("زار بوتين بكين").count() == 2;
    let second = t.elapsed();
    println!(
        "then: {:.2} ms for a resolve and a find_iter (as expected: {again})",
        second.as_secs_f64() * 1e3
    );
    println!("memory after first use: {}", mb(status_mb("VmRSS")));
    if let Some(n) = cluster {
        let names = common::cluster_names(&common::base_names(), n);
        let before = status_mb("VmRSS");
        let t = Instant::now();
        let clusters = tawfiq::cluster(names.iter().map(String::as_str), None);
        let took = t.elapsed();
        let mut distinct: Vec<&String> = names.iter().collect();
        distinct.sort();
        distinct.dedup();
        println!(
            "cluster: {n} names ({} distinct) -> {} clusters in {:.2} s, {:.0} names/s",
            distinct.len(),
            clusters.len(),
            took.as_secs_f64(),
            n as f64 / took.as_secs_f64()
        );
        println!(
            "memory: {} resident before clustering (the input names included), peak {}",
            mb(before),
            mb(status_mb("VmHWM"))
        );
    }
}
