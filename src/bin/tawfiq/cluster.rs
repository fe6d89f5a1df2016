//! Clusters names, one per line on stdin, into canonical entities.
//!
//! ```text
//! tawfiq cluster [--gazetteer PATH]... [--no-builtin] [--export KIND] < names.txt
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

use crate::common;

use tawfiq::EntityKind;
use tawfiq::cluster::Clusterer;

fn usage() -> String {
    format!(
        "usage: tawfiq cluster [--gazetteer PATH]... [--no-builtin] [--export KIND] < names\n\n\
         Prints one JSON object per cluster, largest first: canonical, entity (or null),\n\
         members, count. --export person|place|organisation prints the unlinked clusters\n\
         as user gazetteer rows (TSV) instead.\n\n{}\n\
         That object, {{\"line\": N, \"error\": \"...\"}}, is printed as the line is read,\n\
         before the clusters (on stderr with --export); the run goes on without it.\n\n{}",
        common::names_help(),
        common::EXIT_STATUS_HELP
    )
}

/// Runs the command with its arguments (after the command name).
pub fn run(args: Vec<String>) {
    let usage = usage();
    let common = common::parse_common(args.into_iter(), &usage);
    let mut export = None;
    let mut rest = common.rest.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--export" => {
                export = Some(match rest.next().map(String::as_str) {
                    Some("person") => EntityKind::Person,
                    Some("place") => EntityKind::Place,
                    Some("organisation") => EntityKind::Organisation,
                    _ => common::fail("--export takes person, place or organisation"),
                })
            }
            a => common::fail(&format!(
                "unexpected argument {a:?}; names are read from stdin\n{usage}"
            )),
        }
    }
    let matcher =
        (common.builtin || !common.gazetteers.is_empty()).then(|| common::build_matcher(&common));
    let mut clusterer = Clusterer::new(matcher.as_ref());
    let mut out = common::Output::stdout();
    for (n, name) in common::names() {
        match name {
            Ok(name) => clusterer.add(&name),
            Err(e) if export.is_some() => {
                out.failed = true;
                eprintln!("<stdin>:{n}: {e}");
            }
            Err(e) => out.line_error(n, &e),
        }
    }
    match export {
        Some(kind) => out.write(clusterer.new_entities_tsv(kind).as_bytes()),
        None => {
            for c in clusterer.clusters() {
                out.json(&c);
            }
        }
    }
    out.finish()
}
