//! Finds entity mentions in Arabic text files.
//!
//! ```text
//! tawfiq annotate [--format jsonl|pretty|html] [--gazetteer PATH]... [--no-builtin] [--threads N] [FILE...]
//! ```
//!
//! With no FILE (or `-`) the text is read from stdin. `jsonl` (the default) prints one JSON
//! object per mention: `file`, `start`, `end` (byte offsets into the file), `surface`,
//! `kind`, `entity` {`id`, `kind`, `name_ar`, `name_en`, `wikidata`} or null, `local`,
//! `score`, `how`. `pretty` prints the text with each mention marked, then a table. `html`
//! prints ONE page for all the files (a section per file; see [`crate::html`]).
//!
//! Files are read and searched in batches on the threads allowed ([`Matcher::find_batch`]),
//! and printed in the order given. A byte-order mark at the start of a file is ignored
//! (offsets still count its bytes). A line that is not UTF-8 is read as spaces, so the rest
//! of the file is annotated with its context and offsets still index the file; in `jsonl`
//! the line gets an object with its `line` number, byte range and `error`, in its place among
//! the mentions (in `html`, a note in the file's section; on stderr in `pretty`), and the
//! exit status is 1.

use crate::common::{self, Common};
use crate::html;
use crate::progress::Progress;

use std::io::Write;

use clap::{Args, ValueEnum};
use serde::Serialize;
use tawfiq::{Matcher, Mention};

/// Find the people, places and organisations that text files mention.
///
/// Reads each FILE (stdin without FILE, or for -) as UTF-8 text. jsonl (default): one JSON
/// object per mention: file, start, end (byte offsets into the file), surface, kind
/// (person, place or organisation), entity ({id, kind, name_ar, name_en, wikidata} or null
/// for a name the gazetteer does not know), local (the number of such an unknown entity
/// within the file), score, how. pretty: the text with mentions marked, then a table.
/// html: one page for all the files, a section per file, each mention coloured by kind and
/// labelled with its entity (linked to Wikidata or GeoNames where it has an id).
#[derive(Args, Debug)]
#[command(after_help = after_help())]
pub struct Options {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Text files (UTF-8); stdin when none, or for -
    #[arg(value_name = "FILE")]
    files: Vec<String>,
    #[command(flatten)]
    common: Common,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// One JSON object per mention, for scripts
    Jsonl,
    /// The text with mentions in brackets, then a table, for a terminal
    Pretty,
    /// One HTML page, for a browser
    Html,
}

fn after_help() -> String {
    format!(
        "Input: UTF-8 text; a byte-order mark at the start is ignored (offsets still count its\n\
         bytes). A line that is not UTF-8 is read as spaces, the rest of the file as usual; in\n\
         jsonl it gets {{\"file\": F, \"line\": N, \"start\": S, \"end\": E, \"error\": \"...\"}}\n\
         in its place among the mentions (in html a note in the file's section, in pretty a\n\
         line on stderr).\n\n{}",
        common::EXIT_STATUS_HELP
    )
}

#[derive(Serialize)]
struct Line<'a, 'm, 't> {
    file: &'a str,
    #[serde(flatten)]
    mention: &'a Mention<'m, 't>,
}

/// Files read and searched at a time: enough to keep the threads busy, few enough to bound
/// memory (only a batch's texts and mentions are held).
const BATCH_FILES: usize = 64;
/// A batch also ends once it holds this many bytes of text.
const BATCH_BYTES: usize = 32 << 20;

/// Runs the command.
pub fn run(options: Options) {
    let Options {
        format,
        mut files,
        common,
    } = options;
    if files.is_empty() {
        files.push("-".to_string());
    }
    // An unreadable file stops the run (status 2): found before any output, so that an
    // HTML page or a jsonl stream is not left cut in the middle by a typo in the last name.
    for file in files.iter().filter(|f| *f != "-") {
        if let Err(e) = std::fs::File::open(file) {
            common::fail(&format!("{file}: {e}"));
        }
    }
    let matcher = common::build_matcher(&common);
    let mut out = common::Output::stdout();
    let progress = Progress::bar(files.len() as u64, "files");
    if format == Format::Html {
        out.write(html::head(&files).as_bytes());
    }
    let mut page = Vec::new();
    let mut rest = files.iter().peekable();
    while rest.peek().is_some() {
        // A batch: the files' texts, with the lines that were not UTF-8.
        let mut batch = Vec::new();
        let mut bytes = 0;
        while let Some(file) = rest.next_if(|_| batch.len() < BATCH_FILES && bytes < BATCH_BYTES) {
            progress.message(file);
            let (text, bad) = common::text_with_offsets(common::read_bytes(file));
            bytes += text.len();
            batch.push((file, text, bad));
        }
        let texts: Vec<&str> = batch.iter().map(|(_, text, _)| text.as_str()).collect();
        let found = find(&matcher, &texts);
        for ((file, text, bad), mentions) in batch.iter().zip(&found) {
            if !bad.is_empty() {
                out.failed = true;
            }
            page.clear();
            match format {
                Format::Jsonl => jsonl(&mut out, file, mentions, bad),
                Format::Html => {
                    html::section(&mut page, file, text, mentions, bad).expect("writing to memory")
                }
                Format::Pretty => {
                    for (n, _, e) in bad {
                        eprintln!("{file}:{n}: {e}");
                    }
                    pretty(&mut page, file, text, mentions).expect("writing to memory")
                }
            }
            out.write(&page);
        }
        progress.inc(batch.len() as u64);
    }
    progress.finish();
    if format == Format::Html {
        out.write(html::TAIL.as_bytes());
    }
    out.finish()
}

/// The mentions of each text: one text is searched on the calling thread (the batch API
/// would only add a thread hand-off), several on the threads allowed.
fn find<'m, 't>(matcher: &'m Matcher, texts: &'t [&'t str]) -> Vec<Vec<Mention<'m, 't>>> {
    match texts {
        [text] => vec![matcher.find_iter(text).collect()],
        _ => matcher.find_batch(texts),
    }
}

/// The mentions of one file and its bad lines, as JSON lines in the order of the file.
fn jsonl(
    out: &mut common::Output,
    file: &str,
    mentions: &[Mention],
    bad: &[(usize, std::ops::Range<usize>, common::LineError)],
) {
    let mut bad = bad.iter().peekable();
    for m in mentions {
        while let Some((n, range, e)) = bad.next_if(|b| b.1.start < m.start) {
            out.json(&line_error(file, *n, range, e));
        }
        out.json(&Line { file, mention: m });
    }
    for (n, range, e) in bad {
        out.json(&line_error(file, *n, range, e));
    }
}

/// The object printed in the place of a line that is not UTF-8.
fn line_error(
    file: &str,
    number: usize,
    range: &std::ops::Range<usize>,
    error: &common::LineError,
) -> serde_json::Value {
    serde_json::json!({"file": file, "line": number, "start": range.start, "end": range.end,
                       "error": error.to_string()})
}

/// The text with mentions in brackets, then one line per mention.
fn pretty(
    out: &mut impl Write,
    file: &str,
    text: &str,
    mentions: &[Mention],
) -> std::io::Result<()> {
    writeln!(out, "== {file}: {} mentions", mentions.len())?;
    let mut at = 0;
    for m in mentions {
        write!(out, "{}[{}]", &text[at..m.start], m.surface)?;
        at = m.end;
    }
    writeln!(out, "{}", &text[at..])?;
    for m in mentions {
        writeln!(
            out,
            "{:>6}..{:<6} {:<24} {:<20} {:<28} {:.2}  {}",
            m.start,
            m.end,
            m.surface,
            m.entity_id().unwrap_or("-"),
            m.entity.map_or(m.kind.as_str(), |e| e.name_en.as_ref()),
            m.score,
            m.how
        )?;
    }
    Ok(())
}
