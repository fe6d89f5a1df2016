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

use crate::common;

use std::io::{BufRead, BufWriter, Write};

use tawfiq::EntityKind;
use tawfiq::cluster::Clusterer;

const USAGE: &str =
    "usage: tawfiq cluster [--gazetteer PATH]... [--no-builtin] [--export KIND] < names";

/// Runs the command with its arguments (after the command name).
pub fn run(args: Vec<String>) {
    let common = common::parse_common(args.into_iter(), USAGE);
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
                "unexpected argument {a:?}; names are read from stdin\n{USAGE}"
            )),
        }
    }
    let matcher =
        (common.builtin || !common.gazetteers.is_empty()).then(|| common::build_matcher(&common));
    let mut clusterer = Clusterer::new(matcher.as_ref());
    let stdin = std::io::stdin();
    for (n, line) in stdin.lock().split(b'\n').enumerate() {
        let bytes = line.unwrap_or_else(|e| common::fail(&format!("<stdin>: {e}")));
        let line =
            common::utf8(bytes, &format!("<stdin>:{}", n + 1)).unwrap_or_else(|e| common::fail(&e));
        clusterer.add(line.trim_end_matches('\r'));
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    let written = match export {
        Some(kind) => out.write_all(clusterer.new_entities_tsv(kind).as_bytes()),
        None => clusterer.clusters().iter().try_for_each(|c| {
            serde_json::to_writer(&mut out, c).map_err(std::io::Error::other)?;
            out.write_all(b"\n")
        }),
    };
    if let Err(e) = written.and_then(|()| out.flush()) {
        common::fail(&format!("<stdout>: {e}"));
    }
}
