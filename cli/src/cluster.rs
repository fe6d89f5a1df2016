//! Clusters names, one per line on stdin, into canonical entities.
//!
//! ```text
//! tawfiq cluster [--export KIND] [--gazetteer PATH]... [--no-builtin] [--threads N] < names.txt
//! ```
//!
//! Prints one JSON object per cluster and line, largest first: `canonical`, `entity` (`id`,
//! `kind`, `name_ar`, `name_en`, or null when no gazetteer entity was linked), `members`
//! (`name`, `count`) and `count`. With `--no-builtin` and no `--gazetteer`, names are
//! clustered on spelling alone. `--export person|place|organisation` prints instead the
//! unlinked clusters as rows of a user gazetteer (TSV) to review and adopt.
//!
//! A line that is blank, not UTF-8, or too long to be a name is left out of the clusters
//! and gets `{"line": N, "error": "..."}`, printed as it is read (on stderr with
//! `--export`); the exit status is then 1.

use crate::common::{self, Common, Kind};
use crate::progress::Progress;

use clap::Args;
use tawfiq::cluster::Clusterer;

/// Group names, one per line on stdin, into canonical entities.
///
/// Prints one JSON object per cluster, largest first: canonical, entity ({id, kind,
/// name_ar, name_en, wikidata} or null when no gazetteer entity was linked), members ({name,
/// count}) and count. With --no-builtin and no --gazetteer, names are clustered on their
/// spelling alone.
#[derive(Args, Debug)]
#[command(after_help = after_help())]
pub struct Options {
    /// Print instead the clusters of this kind that no gazetteer entity links, as rows of a
    /// user gazetteer (TSV) to review and adopt with --gazetteer
    #[arg(long, value_enum, value_name = "KIND")]
    export: Option<Kind>,
    #[command(flatten)]
    common: Common,
}

fn after_help() -> String {
    format!(
        "{}\n\
         That object, {{\"line\": N, \"error\": \"...\"}}, is printed as the line is read,\n\
         before the clusters (on stderr with --export); the run goes on without it.\n\n{}",
        common::names_help(),
        common::EXIT_STATUS_HELP
    )
}

/// Runs the command.
pub fn run(options: Options) {
    let Options { export, common } = options;
    let matcher =
        (common.builtin() || !common.gazetteers.is_empty()).then(|| common::build_matcher(&common));
    let mut clusterer = Clusterer::new(matcher.as_ref());
    clusterer.threads(common.threads());
    let mut out = common::Output::stdout();
    let progress = Progress::counter("names");
    for (n, name) in common::names() {
        match name {
            Ok(name) => clusterer.add(&name),
            Err(e) if export.is_some() => {
                out.failed = true;
                eprintln!("<stdin>:{n}: {e}");
            }
            Err(e) => out.line_error(n, &e),
        }
        progress.inc(1);
    }
    progress.message("clustering");
    // The bar is cleared before the clusters are printed, all at the end.
    let tsv = export.map(|kind| clusterer.new_entities_tsv(kind.into()));
    let clusters = if tsv.is_none() {
        clusterer.clusters()
    } else {
        Vec::new()
    };
    progress.finish();
    match tsv {
        Some(tsv) => out.write(tsv.as_bytes()),
        None => {
            for c in clusters {
                out.json(&c);
            }
        }
    }
    out.finish()
}
