//! Resolves names, one per line on stdin, to entities.
//!
//! ```text
//! tawfiq resolve [--kind KIND] [--threshold SHARE] [--top-k K] [--gazetteer PATH]... [--no-builtin] [--threads N] < names.txt
//! ```
//!
//! Prints one JSON object per line: `query`, `entity` (`id`, `kind`, `name_ar`, `name_en`,
//! `wikidata`, or null when no candidate is convincing), `score`, `how` (the matched name,
//! the proclitic read off, and what the comparison forgave; for a query refused as someone
//! else, the entity refused and the conflict: `{"refused": "joe-biden", "explanation":
//! "given name jill ≠ joe"}`) and `candidates` (the top few, with scores and any conflict).
//! A line that is blank, not UTF-8, or too long to be a name gets an object of the same
//! shape with `line` and `error` fields instead, so output lines match input lines; the
//! exit status is then 1.

use crate::common::{self, Common, Kind};
use crate::progress::Progress;

use clap::Args;
use serde_json::json;
use tawfiq::EntityKind;

/// Resolve names, one per line on stdin, to entities.
///
/// Prints one JSON object per input line, in order: query, entity ({id, kind, name_ar,
/// name_en, wikidata} or null when no candidate is convincing), score, how (the matched
/// name, the proclitic read off and what the comparison forgave; for a name refused as
/// someone else, the entity refused and the conflict) and candidates (the top few, with
/// their scores and any conflict).
#[derive(Args, Debug)]
#[command(after_help = after_help())]
pub struct Options {
    /// Resolve among entities of this kind only (a column of places, a list of people)
    #[arg(long, value_enum, value_name = "KIND")]
    kind: Option<Kind>,
    /// The share of the decision the best candidate needs to be chosen, 0 to 1: higher
    /// links fewer names, more surely
    #[arg(long, value_name = "SHARE", default_value_t = tawfiq::ResolveOptions::default().threshold,
          value_parser = share)]
    threshold: f32,
    /// How many candidates to report per name
    #[arg(long, value_name = "K", default_value_t = tawfiq::ResolveOptions::default().top_k)]
    top_k: usize,
    #[command(flatten)]
    common: Common,
}

/// A share of the decision: a number from 0 to 1.
fn share(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("{s:?} is not a number from 0 to 1")),
    }
}

fn after_help() -> String {
    format!(
        "{}\n\
         That object is {{\"line\": N, \"query\": null, \"entity\": null, \"score\": 0.0,\n\
         \"how\": null, \"candidates\": [], \"error\": \"...\"}}, and the run goes on: output\n\
         line N is always about input line N.\n\n{}",
        common::names_help(),
        common::EXIT_STATUS_HELP
    )
}

/// Runs the command.
pub fn run(options: Options) {
    let matcher = common::build_matcher(&options.common);
    let resolve = tawfiq::ResolveOptions {
        kind: options.kind.map(EntityKind::from),
        threshold: options.threshold,
        top_k: options.top_k,
    };
    let mut out = common::Output::stdout();
    let progress = Progress::counter("names");
    let mut lines = common::names().peekable();
    // Names are resolved on all cores a chunk at a time: big enough to keep the cores busy,
    // small enough that output keeps flowing and memory stays bounded on a long input.
    while lines.peek().is_some() {
        let chunk: Vec<_> = lines.by_ref().take(CHUNK).collect();
        let names: Vec<&str> = chunk
            .iter()
            .filter_map(|(_, name)| name.as_ref().ok().map(String::as_str))
            .collect();
        let mut resolved = names
            .iter()
            .zip(matcher.resolve_batch_with(&names, &resolve));
        for (n, name) in &chunk {
            match name {
                Ok(_) => {
                    if let Some((name, r)) = resolved.next() {
                        out.json(&line_json(name, &r));
                    }
                }
                Err(e) => {
                    out.failed = true;
                    out.json(&json!({
                        "line": n, "query": null, "entity": null, "score": 0.0, "how": null,
                        "candidates": [], "error": e.to_string(),
                    }));
                }
            }
        }
        progress.inc(chunk.len() as u64);
    }
    progress.finish();
    out.finish()
}

/// Lines resolved together on all cores.
const CHUNK: usize = 512;

/// The output object of one resolved name.
fn line_json(name: &str, r: &tawfiq::Resolution<'_>) -> serde_json::Value {
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
    json!({
        "query": name,
        "entity": entity,
        "score": r.best.as_ref().map_or(0.0, |c| c.score),
        "how": how,
        "candidates": r.candidates,
    })
}
