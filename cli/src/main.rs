//! `tawfiq`: find and reconcile the names of people, places and organisations in Arabic
//! text from the command line.
//!
//! ```text
//! tawfiq annotate [--format jsonl|pretty|html] [FILE...]   mentions in text
//! tawfiq resolve [--kind KIND] < names                      one name per line → entity
//! tawfiq cluster [--export KIND] < names                    names → canonical entities
//! tawfiq reconcile [--export FILE] FILE|DIR...              a corpus → known and new entities
//! tawfiq evaluate GOLD_DIR                                  precision, recall, F1
//! tawfiq stats [--format text|json]                         the gazetteer's size
//! ```
//!
//! Every command takes `--gazetteer PATH` (repeatable, `.tsv` or `.json`), `--no-builtin`
//! and `--threads N`; `tawfiq COMMAND --help` prints its usage. Output is written and
//! flushed one whole line at a time. Exit status: 0 when every input line was processed, 1
//! when some were not (each has a JSON object with an `error` field in its place, and the
//! run goes on), 2 when the run could not start or go on (bad arguments, unreadable files).
//! The arguments are parsed by clap (derive); the library itself does not depend on it.

#![forbid(unsafe_code)]

mod annotate;
mod cluster;
mod common;
mod evaluate;
mod html;
mod progress;
mod reconcile;
mod resolve;
mod stats;

use clap::{Parser, Subcommand};

/// Find people, places and organisations in Arabic text and reconcile every spelling of a
/// name to one entity.
///
/// Every command takes --gazetteer PATH (repeatable; a user gazetteer in TSV or JSON, by
/// extension), --no-builtin (leave the built-in gazetteer out) and --threads N. Run
/// `tawfiq COMMAND --help` for a command's input, output and options.
#[derive(Parser, Debug)]
#[command(name = "tawfiq", version, after_help = common::EXIT_STATUS_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    Annotate(annotate::Options),
    Resolve(resolve::Options),
    Cluster(cluster::Options),
    Reconcile(reconcile::Options),
    Evaluate(evaluate::Options),
    Stats(stats::Options),
}

fn main() {
    // A usage error exits with status 2 (clap's own), --help and --version with 0.
    match Cli::parse().command {
        Command::Annotate(o) => annotate::run(o),
        Command::Resolve(o) => resolve::run(o),
        Command::Cluster(o) => cluster::run(o),
        Command::Reconcile(o) => reconcile::run(o),
        Command::Evaluate(o) => evaluate::run(o),
        Command::Stats(o) => stats::run(o),
    }
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn the_arguments_are_consistent() {
        Cli::command().debug_assert();
    }
}
