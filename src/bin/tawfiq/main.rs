//! `tawfiq`: find and reconcile the names of people, places and organisations in Arabic
//! text from the command line.
//!
//! ```text
//! tawfiq annotate [--format jsonl|pretty|html] [FILE...]   mentions in text
//! tawfiq resolve < names                                    one name per line → entity
//! tawfiq cluster [--export KIND] < names                    names → canonical entities
//! tawfiq reconcile [--export FILE] FILE|DIR...              a corpus → known and new entities
//! tawfiq evaluate GOLD_DIR                                  precision, recall, F1
//! tawfiq stats                                              the gazetteer's size
//! ```
//!
//! Every command takes `--gazetteer PATH` (repeatable, `.tsv` or `.json`) and
//! `--no-builtin`; `tawfiq COMMAND --help` prints its usage. Output is written and flushed
//! one whole line at a time. Exit status: 0 when every input line was processed, 1 when
//! some were not (each has a JSON object with an `error` field in its place, and the run
//! goes on), 2 when the run could not start or go on (bad arguments, unreadable files).

#![forbid(unsafe_code)]

mod annotate;
mod cluster;
mod common;
mod evaluate;
mod reconcile;
mod resolve;
mod stats;

const USAGE: &str = "usage: tawfiq COMMAND [OPTIONS]

commands:
  annotate [--format jsonl|pretty|html] [FILE...]  find mentions in text files (stdin without FILE)
  resolve                                          resolve names, one per line on stdin
  cluster [--export KIND]                          group names (one per line on stdin) into entities
  reconcile [--export FILE] FILE|DIR...            link a corpus's mentions, cluster the unknown
                                                   names into new entities with stable ids
  evaluate GOLD_DIR [--kinds ...] [--min-f1 F]     score mentions against a gold folder
  stats                                            count the gazetteer's entities

options of every command:
  --gazetteer PATH   add a user gazetteer (.tsv or .json; repeatable)
  --no-builtin       leave the built-in gazetteer out
  -h, --help         the command's usage

exit status:
  0  every input line was processed
  1  some were not: each bad line (not UTF-8, blank or too long where a name is
     expected) has a JSON object with an \"error\" field in its place, and the run goes
     on (evaluate: a floor was not met)
  2  the run could not start or go on (a bad argument, an unreadable file or gazetteer)";

fn main() {
    let mut args = std::env::args().skip(1);
    let command = args.next();
    let rest: Vec<String> = args.collect();
    match command.as_deref() {
        Some("annotate") => annotate::run(rest),
        Some("resolve") => resolve::run(rest),
        Some("cluster") => cluster::run(rest),
        Some("reconcile") => reconcile::run(rest),
        Some("evaluate") => evaluate::run(rest),
        Some("stats") => stats::run(rest),
        Some("-h" | "--help") => println!("{USAGE}"),
        Some(other) => common::fail(&format!("unknown command {other:?}\n{USAGE}")),
        None => common::fail(USAGE),
    }
}
