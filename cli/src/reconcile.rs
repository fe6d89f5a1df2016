//! Reconciles a corpus: every mention of every document to one entity, known or new.
//!
//! ```text
//! tawfiq reconcile [--export FILE] [--gazetteer PATH]... [--no-builtin] [--threads N] FILE|DIR...
//! ```
//!
//! Reads the files given, and the files of each directory given (not its subdirectories,
//! in name order); with none, stdin is one document. Prints one JSON object per mention and
//! line, file by file in the order given: `file`, `start`, `end` (byte offsets into the
//! file), `surface`, `kind`, `entity` (the id of a gazetteer entity, or `new:…` for a name
//! no gazetteer knows, clustered across the documents; null for a name with no letters),
//! `new` (whether the entity is new) and `canonical` (its canonical name). The ids of new
//! entities come from their content: the same documents give the same ids on every run, in
//! any order. `--export FILE` writes the new entities to FILE as rows of a user gazetteer
//! (TSV; kind and names from the mentions), which `--gazetteer FILE` then links.
//!
//! A file that cannot be read, or is not UTF-8, gets a JSON object `{"file", "error"}` in
//! its place; the run goes on and exits with status 1 at the end.

use crate::common::{self, Common};
use crate::progress::Progress;

use std::io::{BufWriter, Write};
use std::path::Path;

use clap::Args;
use serde_json::json;
use tawfiq::Reconciler;
use tawfiq::cluster::CorpusEntity;

/// Link every mention of a corpus to an entity, known or new.
///
/// Reads the files given, and the files of each directory given (not its subdirectories, in
/// name order); with none, stdin is one document. Prints one JSON object per mention, file
/// by file: file, start, end (byte offsets into the file), surface, kind, entity (a
/// gazetteer id, or new:HEX for a name no gazetteer knows, clustered across the
/// documents: the same id on every run and in any order of documents), new, canonical.
#[derive(Args, Debug)]
#[command(after_help = AFTER_HELP)]
pub struct Options {
    /// Write the new entities to FILE as rows of a user gazetteer (TSV), which --gazetteer
    /// FILE then links
    #[arg(long, value_name = "FILE")]
    export: Option<String>,
    /// Text files (UTF-8) and directories of them; stdin when none
    #[arg(value_name = "FILE|DIR")]
    inputs: Vec<String>,
    #[command(flatten)]
    common: Common,
}

const AFTER_HELP: &str = "A file that cannot be read or is not UTF-8 gets {\"file\": F, \"error\": \"...\"} in its place,
and the run goes on.

Exit status:
  0  every file was reconciled
  1  some files were not (each has a JSON object with an \"error\" field in its place)
  2  the run could not start or go on (a bad argument, an unreadable directory or
     gazetteer, --export not writable)";

/// Documents read and searched at a time: only their mentions are kept after.
const BATCH: usize = 64;

/// Runs the command.
pub fn run(options: Options) {
    let Options {
        export,
        inputs,
        common,
    } = options;
    let files = if inputs.is_empty() {
        vec!["-".to_string()]
    } else {
        expand(&inputs)
    };
    let matcher = common::build_matcher(&common);
    let mut reconciler = Reconciler::new(&matcher);
    // Per document: its file, or the error that kept it out.
    let mut documents: Vec<(&str, Option<String>)> = Vec::new();
    let progress = Progress::bar(files.len() as u64, "files");
    for batch in files.chunks(BATCH) {
        let mut texts = Vec::new();
        for file in batch {
            match common::read_file(file) {
                Ok(text) => {
                    texts.push(text);
                    documents.push((file, None));
                }
                Err(e) => documents.push((file, Some(e))),
            }
        }
        reconciler.add_documents(&texts);
        progress.inc(batch.len() as u64);
    }
    progress.message("clustering");
    let corpus = reconciler.finish();
    progress.finish();
    // Written first: a reader that stops reading the mentions early still gets it.
    if let Some(path) = export {
        if let Err(e) = std::fs::write(&path, corpus.gazetteer_tsv()) {
            common::fail(&format!("{path}: {e}"));
        }
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    let mut mentions = corpus.mentions.iter().peekable();
    let mut number = 0; // of the next document read
    for (file, error) in &documents {
        let line = |value: serde_json::Value, out: &mut BufWriter<_>| -> std::io::Result<()> {
            writeln!(out, "{value}")?;
            out.flush()
        };
        let written = if let Some(e) = error {
            failed = true;
            line(json!({"file": file, "error": e}), &mut out)
        } else {
            let mut result = Ok(());
            while let Some(m) = mentions.next_if(|m| m.document == number) {
                let (canonical, new) = match m.entity {
                    Some(CorpusEntity::Known(e)) if !e.name_ar.is_empty() => (&*e.name_ar, false),
                    Some(CorpusEntity::Known(e)) => (&*e.name_en, false),
                    Some(CorpusEntity::New(i)) => (&*corpus.new_entities[i].canonical, true),
                    None => ("", false),
                };
                result = line(
                    json!({
                        "file": file,
                        "start": m.start,
                        "end": m.end,
                        "surface": m.surface,
                        "kind": m.kind,
                        "entity": corpus.entity_id(m),
                        "new": new,
                        "canonical": canonical,
                    }),
                    &mut out,
                );
                if result.is_err() {
                    break;
                }
            }
            number += 1;
            result
        };
        if let Err(e) = written {
            // A closed pipe (`| head`) is a normal way to stop reading.
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return;
            }
            common::fail(&format!("writing output: {e}"));
        }
    }
    if failed {
        std::process::exit(1);
    }
}

/// The files of `inputs`: each file as given, each directory's files in name order.
fn expand(inputs: &[String]) -> Vec<String> {
    let mut files = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if !path.is_dir() {
            files.push(input.clone());
            continue;
        }
        let entries =
            std::fs::read_dir(path).unwrap_or_else(|e| common::fail(&format!("{input}: {e}")));
        let mut inside: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.path().to_string_lossy().into_owned())
            .collect();
        inside.sort();
        files.extend(inside);
    }
    files
}
