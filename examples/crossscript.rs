//! Cross-script retrieval: for each Latin name token, find its Arabic spelling among all the
//! Arabic tokens of a dataset split, and measure how often the first (or one of the first
//! five) is right.
//!
//! ```sh
//! cargo run --release --example crossscript -- [--data ../shared/data] [--split test|dev|train] [--errors N] [--min-acc1 A]
//! cargo run --release --example crossscript -- --derive data/translit/alignments.tsv
//! ```
//!
//! Datasets (read-only, not shipped; each folder has a `SOURCE.md`):
//!
//! - `amazon_wikidata_person_tokens_ar/tokens.tsv`: `en_token`, `ar_token`, `count`,
//!   `paper_split` (`train`, `dev`, `test`), Wikidata person-name tokens (CC0);
//! - `google_ar2en_names/pairs.tsv`: `ar`, `en`, `split` (`train`, `eval`, `test`; `--split
//!   dev` reads `eval`), Wikipedia-mined name pairs (Apache-2.0).
//!
//! For each dataset, on the chosen split: the candidates are every distinct Arabic token of
//! the split; each distinct Latin token is a query, answered right when the top-ranked
//! candidate is one of the Arabic tokens paired with it in the split.
//!
//! Retrieval: every candidate is indexed under its cross-script key and the key's one-letter
//! deletions; a query looks up its own key and deletions, so the block holds every
//! candidate within one edit of its key. Only when the block is empty are all candidates
//! scored. The block is ranked by `xscript_similarity` (an `XScriptScorer` per query, with
//! the fifth-best score so far as its cutoff: a candidate that cannot enter the top five is
//! dropped as soon as its alignment shows it, which leaves the top five unchanged); ties go
//! to the candidate seen more often in the split (the sum of its pairs' counts: a prior,
//! not the answer), then to the lexicographically smaller.
//!
//! The baseline, in the same run: Jaro-Winkler (`strsim`) between the folded Latin token and
//! the `romanize`d Arabic one, over all candidates, with the same tie-breaking.
//!
//! Output, per dataset and method: the share of queries with a right answer among the
//! candidates looked at (`reach`, the ceiling blocking puts on accuracy), accuracy@1,
//! accuracy@5, the mean number of candidates
//! looked at per query, and queries per second of the query loop on one thread (building
//! the index, or romanising the candidates for the baseline, is done before the clock
//! starts; the index build time is printed with the pool size). `--errors N` also prints
//! the first N queries our method gets wrong, with the scores and keys involved.
//! `--min-acc1 A` exits with status 1 when our accuracy@1 on either dataset is below `A`
//! (a quality gate for CI).
//!
//! `--derive PATH` writes the alignment table of `translit` from the TRAIN splits of both
//! datasets (never dev or test), leaving out the pairs whose cross-script keys are more
//! than one edit apart (many are misaligned tokens in the data); see
//! `data/translit/README.md`.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::exit;
use std::time::Instant;

use tawfiq::keys::xkey::{xkey, xkey_deletions};
use tawfiq::normalize::{Level, normalize};
use tawfiq::translit::{XScriptScorer, derive_alignments, romanize};

const USAGE: &str = "usage: crossscript [--data DIR] [--split test|dev|train] [--errors N] [--min-acc1 A]\n       crossscript [--data DIR] --derive OUT.tsv";

/// How many of the ranked candidates count (accuracy@5).
const TOP: usize = 5;

/// EM iterations for `--derive`.
const ITERATIONS: usize = 8;

/// One (Latin, Arabic) pair of a split.
struct Pair {
    latin: String,
    arabic: String,
    count: u32,
}

/// The two datasets: a name, the file under `--data`, and a reader of one split.
struct Dataset {
    name: &'static str,
    file: &'static str,
    read: fn(&str, &str) -> Result<Vec<Pair>, String>,
}

const DATASETS: [Dataset; 2] = [
    Dataset {
        name: "wikidata person tokens",
        file: "amazon_wikidata_person_tokens_ar/tokens.tsv",
        read: read_amazon,
    },
    Dataset {
        name: "google ar2en",
        file: "google_ar2en_names/pairs.tsv",
        read: read_google,
    },
];

fn main() {
    let mut data = PathBuf::from("../shared/data");
    let mut split = "test".to_string();
    let mut derive = None;
    let mut errors = 0usize;
    let mut min_acc1: Option<f64> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .unwrap_or_else(|| fail(&format!("{name} needs a value\n{USAGE}")))
        };
        match arg.as_str() {
            "--data" => data = PathBuf::from(value("--data")),
            "--split" => split = value("--split"),
            "--derive" => derive = Some(PathBuf::from(value("--derive"))),
            "--errors" => {
                errors = value("--errors")
                    .parse()
                    .unwrap_or_else(|_| fail("--errors needs a number"))
            }
            "--min-acc1" => {
                min_acc1 = Some(
                    value("--min-acc1")
                        .parse()
                        .unwrap_or_else(|_| fail("--min-acc1 needs a number")),
                )
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return;
            }
            _ => fail(&format!("unknown argument {arg:?}\n{USAGE}")),
        }
    }
    if let Some(out) = derive {
        derive_table(&data, &out);
        return;
    }
    if !matches!(split.as_str(), "test" | "dev" | "train") {
        fail(&format!(
            "--split must be test, dev or train, not {split:?}"
        ));
    }
    println!("split: {split}");
    println!(
        "{:<24} {:<22} {:>7} {:>7} {:>7} {:>7} {:>10} {:>10}",
        "dataset", "method", "queries", "reach", "acc@1", "acc@5", "mean cands", "queries/s"
    );
    let mut notes = Vec::new();
    let mut below = Vec::new();
    for dataset in &DATASETS {
        let path = data.join(dataset.file);
        let pairs = read_file(&path, &split, dataset.read);
        let split_data = Split::new(&pairs);
        let (index, seconds) = split_data.index();
        notes.push(format!(
            "{}: {} pairs, {} Arabic candidates, index built in {:.0} ms",
            dataset.name,
            pairs.len(),
            split_data.candidates.len(),
            seconds * 1000.0
        ));
        let ours = split_data.evaluate_xscript(&index, errors);
        ours.print(dataset.name, "xkey block + xscript");
        let acc1 = ours.at1 as f64 / ours.queries.max(1) as f64;
        if min_acc1.is_some_and(|min| acc1 < min) {
            below.push(format!("{}: accuracy@1 {acc1:.3}", dataset.name));
        }
        let base = split_data.evaluate_baseline();
        base.print(dataset.name, "jaro-winkler/romanize");
    }
    for note in notes {
        println!("{note}");
    }
    if !below.is_empty() {
        eprintln!(
            "error: below the accuracy@1 floor {}: {}",
            min_acc1.unwrap_or_default(),
            below.join("; ")
        );
        exit(1);
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    exit(2);
}

fn read_file(
    path: &Path,
    split: &str,
    read: fn(&str, &str) -> Result<Vec<Pair>, String>,
) -> Vec<Pair> {
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    read(&text, split).unwrap_or_else(|e| fail(&format!("{}:{e}", path.display())))
}

/// `en_token ar_token count paper_split`.
fn read_amazon(text: &str, split: &str) -> Result<Vec<Pair>, String> {
    let mut pairs = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [en, ar, count, s] = cols[..] else {
            return Err(format!("{}: expected 4 columns", n + 1));
        };
        if s == split {
            let count = count
                .parse()
                .map_err(|_| format!("{}:3: bad count {count:?}", n + 1))?;
            pairs.push(Pair {
                latin: en.to_string(),
                arabic: ar.to_string(),
                count,
            });
        }
    }
    Ok(pairs)
}

/// `ar en split`, where the development split is called `eval`.
fn read_google(text: &str, split: &str) -> Result<Vec<Pair>, String> {
    let split = if split == "dev" { "eval" } else { split };
    let mut pairs = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [ar, en, s] = cols[..] else {
            return Err(format!("{}: expected 3 columns", n + 1));
        };
        if s == split {
            pairs.push(Pair {
                latin: en.to_string(),
                arabic: ar.to_string(),
                count: 1,
            });
        }
    }
    Ok(pairs)
}

/// One split of a dataset, ready to query.
struct Split {
    /// Distinct Arabic tokens, sorted.
    candidates: Vec<String>,
    /// How often each candidate was seen in the split (the sum of its pairs' counts).
    frequency: Vec<u32>,
    /// Distinct Latin tokens, sorted, with the candidates paired with them.
    queries: Vec<(String, HashSet<u32>)>,
}

/// Accuracy and speed of one method on one split.
struct Outcome {
    queries: usize,
    /// Queries with a right answer among the candidates looked at.
    reachable: usize,
    at1: usize,
    at5: usize,
    candidates_scored: usize,
    seconds: f64,
}

impl Outcome {
    fn new(queries: usize) -> Outcome {
        Outcome {
            queries,
            reachable: 0,
            at1: 0,
            at5: 0,
            candidates_scored: 0,
            seconds: 0.0,
        }
    }

    fn print(&self, dataset: &str, method: &str) {
        let q = self.queries.max(1) as f64;
        println!(
            "{:<24} {:<22} {:>7} {:>7.3} {:>7.3} {:>7.3} {:>10.1} {:>10.0}",
            dataset,
            method,
            self.queries,
            self.reachable as f64 / q,
            self.at1 as f64 / q,
            self.at5 as f64 / q,
            self.candidates_scored as f64 / q,
            q / self.seconds.max(1e-9),
        );
    }
}

impl Split {
    fn new(pairs: &[Pair]) -> Split {
        let mut candidates: Vec<String> = pairs.iter().map(|p| p.arabic.clone()).collect();
        candidates.sort();
        candidates.dedup();
        let id = |a: &str| candidates.binary_search_by(|c| c.as_str().cmp(a)).unwrap() as u32;
        let mut frequency = vec![0u32; candidates.len()];
        let mut gold: HashMap<&str, HashSet<u32>> = HashMap::new();
        for p in pairs {
            let c = id(&p.arabic);
            frequency[c as usize] += p.count;
            gold.entry(&p.latin).or_default().insert(c);
        }
        let mut queries: Vec<(String, HashSet<u32>)> =
            gold.into_iter().map(|(l, g)| (l.to_string(), g)).collect();
        queries.sort_by(|a, b| a.0.cmp(&b.0));
        Split {
            candidates,
            frequency,
            queries,
        }
    }

    /// Puts the best five of `scored` (candidate, score) first, best first: by score, then
    /// frequency, then text.
    fn rank(&self, scored: &mut [(u32, f32)]) {
        let order = |&(a, sa): &(u32, f32), &(b, sb): &(u32, f32)| {
            sb.total_cmp(&sa)
                .then(self.frequency[b as usize].cmp(&self.frequency[a as usize]))
                .then(self.candidates[a as usize].cmp(&self.candidates[b as usize]))
        };
        if scored.len() > TOP {
            scored.select_nth_unstable_by(TOP - 1, order);
        }
        let top = scored.len().min(TOP);
        scored[..top].sort_by(order);
    }

    /// The blocking index: each candidate under its cross-script key and the key's
    /// one-letter deletions; and the seconds it took to build.
    fn index(&self) -> (HashMap<String, Vec<u32>>, f64) {
        let start = Instant::now();
        let mut index: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, c) in self.candidates.iter().enumerate() {
            let key = xkey(c);
            for k in xkey_deletions(&key).chain(std::iter::once(key.clone())) {
                let ids = index.entry(k).or_default();
                if ids.last() != Some(&(i as u32)) {
                    ids.push(i as u32);
                }
            }
        }
        (index, start.elapsed().as_secs_f64())
    }

    fn evaluate_xscript(&self, index: &HashMap<String, Vec<u32>>, show_errors: usize) -> Outcome {
        let start = Instant::now();
        let mut outcome = Outcome::new(self.queries.len());
        let mut seen = vec![u32::MAX; self.candidates.len()];
        let mut block: Vec<u32> = Vec::new();
        let mut scored: Vec<(u32, f32)> = Vec::new();
        let mut shown = 0;
        for (q, (latin, gold)) in self.queries.iter().enumerate() {
            let key = xkey(latin);
            block.clear();
            // The key itself first: the likeliest candidates raise the cutoff early.
            for k in std::iter::once(key.clone()).chain(xkey_deletions(&key)) {
                for &c in index.get(&k).map(Vec::as_slice).unwrap_or_default() {
                    if seen[c as usize] != q as u32 {
                        seen[c as usize] = q as u32;
                        block.push(c);
                    }
                }
            }
            if block.is_empty() {
                block.extend(0..self.candidates.len() as u32);
            }
            let scorer = XScriptScorer::latin(latin);
            scored.clear();
            // The best TOP scores so far, best first: a candidate below the last cannot
            // enter the top, so its alignment may stop early.
            let mut best: Vec<f32> = Vec::with_capacity(TOP + 1);
            for &c in &block {
                let cutoff = if best.len() == TOP {
                    best[TOP - 1]
                } else {
                    0.0
                };
                if let Some(score) = scorer.score_cutoff(&self.candidates[c as usize], cutoff) {
                    scored.push((c, score));
                    let at = best.partition_point(|&b| b >= score);
                    best.insert(at, score);
                    best.truncate(TOP);
                }
            }
            outcome.candidates_scored += block.len();
            if block.iter().any(|c| gold.contains(c)) {
                outcome.reachable += 1;
            }
            self.rank(&mut scored);
            if scored.first().is_some_and(|(c, _)| gold.contains(c)) {
                outcome.at1 += 1;
            } else if shown < show_errors {
                shown += 1;
                let want: Vec<&str> = gold
                    .iter()
                    .map(|&g| self.candidates[g as usize].as_str())
                    .collect();
                let got: Vec<String> = scored
                    .iter()
                    .take(3)
                    .map(|&(c, s)| format!("{} {s:.3}", self.candidates[c as usize]))
                    .collect();
                let gold_scores: Vec<String> = want
                    .iter()
                    .map(|w| format!("{w} {:.3} {}", scorer.score(w), xkey(w)))
                    .collect();
                println!("  miss {latin} [{key}] want {gold_scores:?} got {got:?}");
            }
            if scored.iter().take(TOP).any(|(c, _)| gold.contains(c)) {
                outcome.at5 += 1;
            }
        }
        outcome.seconds = start.elapsed().as_secs_f64();
        outcome
    }

    fn evaluate_baseline(&self) -> Outcome {
        let romanized: Vec<String> = self.candidates.iter().map(|c| romanize(c)).collect();
        let start = Instant::now();
        let mut outcome = Outcome::new(self.queries.len());
        let mut scored: Vec<(u32, f32)> = Vec::with_capacity(self.candidates.len());
        for (latin, gold) in &self.queries {
            let latin = normalize(latin, Level::Folded);
            scored.clear();
            scored.extend(
                romanized
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (i as u32, strsim::jaro_winkler(&latin, r) as f32)),
            );
            outcome.candidates_scored += scored.len();
            outcome.reachable += 1;
            self.rank(&mut scored);
            if scored.first().is_some_and(|(c, _)| gold.contains(c)) {
                outcome.at1 += 1;
            }
            if scored.iter().take(TOP).any(|(c, _)| gold.contains(c)) {
                outcome.at5 += 1;
            }
        }
        outcome.seconds = start.elapsed().as_secs_f64();
        outcome
    }
}

/// `--derive`: the alignment table from the train splits of both datasets.
fn derive_table(data: &Path, out: &Path) {
    let mut pairs = Vec::new();
    let (mut kept, mut dropped) = (0usize, 0usize);
    for dataset in &DATASETS {
        for p in read_file(&data.join(dataset.file), "train", dataset.read) {
            if keys_within_one(&xkey(&p.latin), &xkey(&p.arabic)) {
                pairs.push((p.latin, p.arabic));
                kept += 1;
            } else {
                dropped += 1;
            }
        }
    }
    let start = Instant::now();
    let tsv = derive_alignments(
        pairs.iter().map(|(l, a)| (l.as_str(), a.as_str())),
        ITERATIONS,
    );
    fs::write(out, &tsv).unwrap_or_else(|e| fail(&format!("{}: {e}", out.display())));
    eprintln!(
        "{}: {} steps from {kept} train pairs ({dropped} with keys more than one edit apart left out), {ITERATIONS} EM iterations, {:.1}s",
        out.display(),
        tsv.lines().count() - 1,
        start.elapsed().as_secs_f64()
    );
}

/// Are two cross-script keys within each other's deletion neighbourhood?
fn keys_within_one(a: &str, b: &str) -> bool {
    let na: HashSet<String> = xkey_deletions(a).chain([a.to_string()]).collect();
    xkey_deletions(b)
        .chain([b.to_string()])
        .any(|k| na.contains(&k))
}
