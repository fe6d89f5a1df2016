//! Finds entity mentions in Arabic text files.
//!
//! ```text
//! tawfiq annotate [--format jsonl|pretty|html] [--gazetteer PATH]... [--no-builtin] [FILE...]
//! ```
//!
//! With no FILE (or `-`) the text is read from stdin. `jsonl` (the default) prints one JSON
//! object per mention: `file`, `start`, `end` (byte offsets into the file), `surface`,
//! `entity` {`id`, `kind`, `name_ar`, `name_en`, `wikidata`}, `score`, `how`. `pretty`
//! prints the text with each mention marked, then a table. `html` prints a right-to-left
//! page per file with each mention in a `<mark>` (its entity, kind and score in the
//! `title` and `data-` attributes) to read in a browser.
//!
//! A byte-order mark at the start of a file is ignored (offsets still count its bytes). A
//! line that is not UTF-8 is read as spaces, so the rest of the file is annotated with its
//! context and offsets still index the file; in `jsonl` the line gets an object with its
//! `line` number, byte range and `error`, in its place among the mentions (on stderr in the
//! other formats), and the exit status is 1.

use crate::common;

use std::io::Write;

use serde::Serialize;
use tawfiq::Mention;

fn usage() -> String {
    format!(
        "usage: tawfiq annotate [--format jsonl|pretty|html] [--gazetteer PATH]... [--no-builtin] [FILE...]\n\n\
         Finds mentions in each FILE (stdin without FILE, or for -). jsonl (default): one JSON\n\
         object per mention: file, start, end (byte offsets into the file), surface, kind,\n\
         entity (or null), score, how. pretty: the text with mentions marked, then a table.\n\
         html: a page per file.\n\n\
         input: UTF-8 text; a byte-order mark at the start is ignored (offsets still count\n\
         its bytes). A line that is not UTF-8 is read as spaces, the rest of the file as\n\
         usual; in jsonl it gets {{\"file\": F, \"line\": N, \"start\": S, \"end\": E,\n\
         \"error\": \"...\"}} in its place among the mentions (on stderr in the other\n\
         formats).\n\n{}",
        common::EXIT_STATUS_HELP
    )
}

#[derive(Serialize)]
struct Line<'a, 'm, 't> {
    file: &'a str,
    #[serde(flatten)]
    mention: &'a Mention<'m, 't>,
}

/// Runs the command with its arguments (after the command name).
pub fn run(args: Vec<String>) {
    let usage = usage();
    let common = common::parse_common(args.into_iter(), &usage);
    let mut format = "jsonl".to_string();
    let mut files = Vec::new();
    let mut rest = common.rest.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--format" => format = rest.next().cloned().unwrap_or_default(),
            a if a.starts_with("--format=") => format = a["--format=".len()..].to_string(),
            a if a.starts_with("--") => common::fail(&format!("unknown option {a}\n{usage}")),
            _ => files.push(arg.clone()),
        }
    }
    if !["jsonl", "pretty", "html"].contains(&format.as_str()) {
        common::fail(&format!(
            "unknown format {format:?} (jsonl, pretty or html)\n{usage}"
        ));
    }
    if files.is_empty() {
        files.push("-".to_string());
    }
    let matcher = common::build_matcher(&common);
    let mut out = common::Output::stdout();
    let mut page = Vec::new();
    for file in &files {
        let (text, bad) = common::text_with_offsets(common::read_bytes(file));
        let mentions: Vec<Mention> = matcher.find_iter(&text).collect();
        if !bad.is_empty() {
            out.failed = true;
        }
        if format == "jsonl" {
            // Mentions and bad lines in the order of the file.
            let mut bad = bad.iter().peekable();
            for m in &mentions {
                while let Some((n, range, e)) = bad.next_if(|b| b.1.start < m.start) {
                    out.json(&line_error(file, *n, range, e));
                }
                out.json(&Line { file, mention: m });
            }
            for (n, range, e) in bad {
                out.json(&line_error(file, *n, range, e));
            }
            continue;
        }
        for (n, _, e) in &bad {
            eprintln!("{file}:{n}: {e}");
        }
        page.clear();
        let written = if format == "html" {
            html(&mut page, file, &text, &mentions)
        } else {
            pretty(&mut page, file, &text, &mentions)
        };
        written.expect("writing to memory");
        out.write(&page);
    }
    out.finish()
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

/// `s` with the characters HTML gives a meaning escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A page with the text, each mention in a `<mark>`, paragraphs kept.
fn html(out: &mut impl Write, file: &str, text: &str, mentions: &[Mention]) -> std::io::Result<()> {
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">\
         <title>{}</title><style>body{{white-space:pre-wrap;line-height:1.8}}\
         mark{{border-radius:3px;padding:0 2px}}</style></head><body>",
        escape(file)
    )?;
    let mut at = 0;
    for m in mentions {
        write!(
            out,
            "{}<mark data-entity=\"{}\" data-kind=\"{}\" data-score=\"{:.2}\" title=\"{} ({}, {:.2})\">{}</mark>",
            escape(&text[at..m.start]),
            escape(m.entity_id().unwrap_or("")),
            m.kind.as_str(),
            m.score,
            escape(match m.entity {
                Some(e) if !e.name_en.is_empty() => &e.name_en,
                Some(e) => &e.name_ar,
                None => "not in the gazetteer",
            }),
            escape(&m.how.to_string()),
            m.score,
            escape(m.surface)
        )?;
        at = m.end;
    }
    writeln!(out, "{}</body></html>", escape(&text[at..]))
}
