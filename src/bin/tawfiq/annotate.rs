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

use crate::common;

use std::io::{BufWriter, Write};

use serde::Serialize;
use tawfiq::Mention;

const USAGE: &str = "usage: tawfiq annotate [--format jsonl|pretty|html] [--gazetteer PATH]... [--no-builtin] [FILE...]";

#[derive(Serialize)]
struct Line<'a, 'm, 't> {
    file: &'a str,
    #[serde(flatten)]
    mention: &'a Mention<'m, 't>,
}

/// Runs the command with its arguments (after the command name).
pub fn run(args: Vec<String>) {
    let common = common::parse_common(args.into_iter(), USAGE);
    let mut format = "jsonl".to_string();
    let mut files = Vec::new();
    let mut rest = common.rest.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--format" => format = rest.next().cloned().unwrap_or_default(),
            a if a.starts_with("--format=") => format = a["--format=".len()..].to_string(),
            a if a.starts_with("--") => common::fail(&format!("unknown option {a}\n{USAGE}")),
            _ => files.push(arg.clone()),
        }
    }
    if !["jsonl", "pretty", "html"].contains(&format.as_str()) {
        common::fail(&format!(
            "unknown format {format:?} (jsonl, pretty or html)\n{USAGE}"
        ));
    }
    if files.is_empty() {
        files.push("-".to_string());
    }
    let matcher = common::build_matcher(&common);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for file in &files {
        let text = common::read_text(file);
        let mentions: Vec<Mention> = matcher.find_iter(&text).collect();
        let result = if format == "jsonl" {
            mentions.iter().try_for_each(|m| {
                let line = Line { file, mention: m };
                serde_json::to_writer(&mut out, &line).map_err(std::io::Error::other)?;
                writeln!(out)
            })
        } else if format == "html" {
            html(&mut out, file, &text, &mentions)
        } else {
            pretty(&mut out, file, &text, &mentions)
        };
        if let Err(e) = result.and_then(|_| out.flush()) {
            // A closed pipe (`| head`) is a normal way to stop reading.
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return;
            }
            common::fail(&format!("writing output: {e}"));
        }
    }
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
