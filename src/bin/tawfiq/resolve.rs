//! Resolves names, one per line on stdin, to entities.
//!
//! ```text
//! tawfiq resolve [--gazetteer PATH]... [--no-builtin] < names.txt
//! ```
//!
//! Prints one JSON object per line: `query`, `entity` (`id`, `kind`, `name_ar`, `name_en`,
//! `wikidata`, or null when no candidate is convincing), `score`, `how` (the matched name,
//! the proclitic read off, and what the comparison forgave; for a query refused as someone
//! else, the entity refused and the conflict: `{"refused": "joe-biden", "explanation":
//! "given name jill ≠ joe"}`) and `candidates` (the top few, with scores and any conflict).

use crate::common;

use std::io::{BufRead, BufWriter, Write};

use serde_json::json;

/// Runs the command with its arguments (after the command name).
pub fn run(args: Vec<String>) {
    let common = common::parse_common(
        args.into_iter(),
        "usage: tawfiq resolve [--gazetteer PATH]... [--no-builtin] < names",
    );
    if let Some(arg) = common.rest.first() {
        common::fail(&format!(
            "unexpected argument {arg:?}; names are read from stdin"
        ));
    }
    let matcher = common::build_matcher(&common);
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (n, line) in stdin.lock().split(b'\n').enumerate() {
        let bytes = line.unwrap_or_else(|e| common::fail(&format!("<stdin>: {e}")));
        let line =
            common::utf8(bytes, &format!("<stdin>:{}", n + 1)).unwrap_or_else(|e| common::fail(&e));
        let name = line.trim_end_matches('\r').trim();
        if name.is_empty() {
            continue;
        }
        let r = matcher.resolve(name);
        let entity = r.best.as_ref().map(|c| {
            json!({"id": c.entity.id, "kind": c.entity.kind, "name_ar": c.entity.name_ar,
                   "name_en": c.entity.name_en, "wikidata": c.entity.wikidata})
        });
        // No entity because the likeliest one is someone else: say who and why.
        let refused = r
            .candidates
            .first()
            .filter(|_| r.best.is_none())
            .and_then(|c| {
                c.conflict.as_ref().map(|why| {
                    json!({"refused": c.entity.id, "matched_name": c.name,
                       "explanation": why.to_string()})
                })
            });
        let how = r
            .best
            .as_ref()
            .map(|c| {
                json!({"matched_name": c.name, "clitic": c.clitic, "forgave": c.explanation,
                       "explanation": c.explanation.to_string()})
            })
            .or(refused);
        let line = json!({
            "query": name,
            "entity": entity,
            "score": r.best.as_ref().map_or(0.0, |c| c.score),
            "how": how,
            "candidates": r.candidates,
        });
        if writeln!(out, "{line}").is_err() {
            return; // a closed pipe ends the run
        }
    }
    let _ = out.flush();
}
