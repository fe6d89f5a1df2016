//! `annotate --format html`: one page for any number of files, in the manner of displaCy.
//!
//! The page is [`head`] (styles and a legend), a [`section`] per file, then [`TAIL`]. Each
//! mention is a `<mark>` coloured by kind (person, place, organisation), with its entity's
//! label after the words: the English name (else the Arabic name, else the id), linked to
//! Wikidata when the entity has a QID, else to GeoNames for a GeoNames place. A demonym
//! (`الروسي`) is a place's adjective, not the place: it is styled apart and labelled as one.
//! A name the gazetteer does not know has a dashed border and the label `unlinked`, with
//! its number within the file (the mentions of one unknown entity share it). How the
//! mention was found is its `title` (shown on hover).
//!
//! Every mark carries `data-kind`, `data-entity` (empty when unlinked), `data-start` and
//! `data-end` (byte offsets into the file), so that a check can read the page back
//! (`.ci/html-check` does, from headless Chromium's DOM). All text from the files and the
//! gazetteers is escaped, and the text of each file is kept exactly (`white-space:
//! pre-wrap`): the page's text, labels left out, is the file's text.

use std::io::Write;
use std::ops::Range;

use tawfiq::{EntityKind, MatchKind, Mention};

use crate::common::LineError;

/// The styles: a colour per kind, demonyms and unlinked names apart, right-to-left text.
const STYLE: &str = "\
body{font-family:\"DejaVu Sans\",\"Noto Naskh Arabic\",\"Segoe UI\",Tahoma,sans-serif;\
margin:0 auto;max-width:62em;padding:1em 1.5em;color:#1d1d1f;background:#fff}\
header{direction:ltr;text-align:left;border-bottom:1px solid #ddd;padding-bottom:.6em}\
header h1{font-size:1.1em;margin:.2em 0 .5em}\
.legend{display:flex;flex-wrap:wrap;gap:.5em;align-items:center;font-size:.85em}\
.legend .note{color:#555}\
section{margin:1.2em 0;padding-bottom:1em;border-bottom:1px solid #eee}\
section h2{direction:ltr;text-align:left;font-size:.95em;color:#555;font-weight:normal}\
.errors{direction:ltr;text-align:left;color:#a00;font-size:.85em}\
.text{white-space:pre-wrap;line-height:2.5;font-size:1.1em}\
.m,.key{padding:.15em .4em;border-radius:.4em;border:2px solid transparent}\
.m{white-space:nowrap}\
.surface{margin-inline-end:.45em}\
.person{background:#dbe9ff;border-color:#7da7e6}\
.place{background:#d9f2d3;border-color:#79bf6c}\
.organisation{background:#ffe3c4;border-color:#e0a55c}\
.demonym{background:#f1f9ee;border-style:dotted}\
.unlinked{background:#fff;border-style:dashed}\
.label{font-size:.62em;font-weight:bold;color:#333;\
vertical-align:middle;text-transform:uppercase;letter-spacing:.02em}\
.label a{color:inherit}\
.label .tag{font-weight:normal;color:#666;margin-left:.3em}";

/// The start of the page, up to the first file's section: a title naming the files and a
/// legend.
pub fn head(files: &[String]) -> String {
    let names: Vec<&str> = files
        .iter()
        .map(|f| if f == "-" { "<stdin>" } else { f.as_str() })
        .collect();
    let mut title = names.join(", ");
    if title.chars().count() > 120 {
        title = format!("{} files", files.len());
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>tawfiq: {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header>\n<h1>tawfiq annotate</h1>\n<div class=\"legend\">\
         <span class=\"key person\">person</span> \
         <span class=\"key place\">place</span> \
         <span class=\"key organisation\">organisation</span> \
         <span class=\"key place demonym\">demonym of a place</span> \
         <span class=\"key person unlinked\">unlinked: not in the gazetteer</span> \
         <span class=\"note\">The label after a mention names its entity and links to \
         Wikidata or GeoNames; hover a mention to see how it was found.</span>\
         </div>\n</header>\n",
        escape(&title)
    )
}

/// The end of the page.
pub const TAIL: &str = "</body>\n</html>\n";

/// The section of one file: its name, its bad lines, and its text with every mention
/// marked. `mentions` are in order and do not overlap (as the matcher yields them).
pub fn section(
    out: &mut impl Write,
    file: &str,
    text: &str,
    mentions: &[Mention],
    bad: &[(usize, Range<usize>, LineError)],
) -> std::io::Result<()> {
    let name = if file == "-" { "<stdin>" } else { file };
    let linked = mentions.iter().filter(|m| m.entity.is_some()).count();
    writeln!(
        out,
        "<section data-file=\"{}\">\n<h2><bdi>{}</bdi>: {} mentions, {} linked</h2>",
        escape(file),
        escape(name),
        mentions.len(),
        linked
    )?;
    if !bad.is_empty() {
        writeln!(out, "<ul class=\"errors\">")?;
        for (n, _, e) in bad {
            writeln!(
                out,
                "<li>line {n}: {} (read as spaces)</li>",
                escape(&e.to_string())
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    write!(out, "<div class=\"text\" lang=\"ar\" dir=\"rtl\">")?;
    let mut at = 0;
    for m in mentions {
        // The matcher's mentions are ordered and disjoint; the slice is checked anyway, so
        // a broken invariant costs a mark, not a panic.
        let Some(before) = text.get(at..m.start) else {
            continue;
        };
        write!(out, "{}", escape(before))?;
        mark(out, m)?;
        at = m.end;
    }
    writeln!(
        out,
        "{}</div>\n</section>",
        escape(text.get(at..).unwrap_or(""))
    )
}

/// One mention: its words, then its label.
fn mark(out: &mut impl Write, m: &Mention) -> std::io::Result<()> {
    let demonym = m.how.kind == MatchKind::Demonym;
    let mut class = format!("m {}", kind_class(m.kind));
    if demonym {
        class.push_str(" demonym");
    }
    if m.entity.is_none() {
        class.push_str(" unlinked");
    }
    let id = m.entity_id().unwrap_or("");
    let mut title = match m.entity {
        Some(e) => format!("{} ({}, {})", display_name(e), e.id, m.kind.as_str()),
        None => format!("{}: not in the gazetteer", m.kind.as_str()),
    };
    title.push_str(&format!(" · {} · score {:.2}", m.how, m.score));
    write!(
        out,
        "<mark class=\"{class}\" data-kind=\"{}\" data-entity=\"{}\" data-start=\"{}\" \
         data-end=\"{}\" title=\"{}\"><span class=\"surface\">{}</span>",
        m.kind.as_str(),
        escape(id),
        m.start,
        m.end,
        escape(&title),
        escape(m.surface)
    )?;
    write!(out, "<bdi class=\"label\" dir=\"ltr\">")?;
    match m.entity {
        Some(e) => {
            let name = escape(display_name(e));
            match link(e) {
                Some(url) => write!(out, "<a href=\"{}\">{name}</a>", escape(&url))?,
                None => write!(out, "{name}")?,
            }
            if demonym {
                write!(out, "<span class=\"tag\">demonym</span>")?;
            }
        }
        None => {
            write!(out, "unlinked")?;
            if let Some(local) = m.local {
                write!(out, "<span class=\"tag\">#{local}</span>")?;
            }
        }
    }
    write!(out, "</bdi></mark>")
}

/// The CSS class of a kind.
fn kind_class(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Place => "place",
        EntityKind::Organisation => "organisation",
    }
}

/// The name a label shows: English, else Arabic, else the id.
fn display_name(e: &tawfiq::Entity) -> &str {
    [&e.name_en, &e.name_ar]
        .into_iter()
        .find(|n| !n.trim().is_empty())
        .map_or(&e.id, |n| n)
}

/// The entity's page: Wikidata for a QID, else GeoNames for a GeoNames place. Ids that are
/// not of the expected shape get no link rather than a broken one.
fn link(e: &tawfiq::Entity) -> Option<String> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(q) = e.wikidata.as_deref() {
        if q.strip_prefix('Q').is_some_and(digits) {
            return Some(format!("https://www.wikidata.org/wiki/{q}"));
        }
    }
    let geonames = e.id.strip_prefix("geonames:").filter(|id| digits(id))?;
    Some(format!("https://www.geonames.org/{geonames}"))
}

/// `s` with the characters HTML gives a meaning escaped (in text and in quoted
/// attributes).
pub fn escape(s: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use tawfiq::{Gazetteer, MatcherBuilder};

    #[test]
    fn escape_leaves_no_markup() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("شي جين بينغ"), "شي جين بينغ");
    }

    #[test]
    fn marks_carry_kind_entity_label_and_link() {
        let tsv = "id\tkind\tname\tname_en\twikidata\n\
                   samir\tperson\tسمير حداد\tSamir <Haddad> & Co\tQ42\n\
                   geonames:123\tplace\tوادي الزهرة\tWadi al-Zahra\t\n\
                   club\torganisation\tنادي الزهرة\t\t\n";
        let mut b = MatcherBuilder::new();
        b.builtin(false)
            .gazetteer(Gazetteer::from_tsv_str(tsv).unwrap());
        let matcher = b.build().unwrap();
        let text = "قال سمير حداد في وادي الزهرة إن <b>نادي الزهرة</b> & غيره بخير.";
        let mentions: Vec<Mention> = matcher.find_iter(text).collect();
        let mut page = Vec::new();
        section(&mut page, "a&b.txt", text, &mentions, &[]).unwrap();
        let page = String::from_utf8(page).unwrap();
        assert!(page.contains("data-file=\"a&amp;b.txt\""), "{page}");
        assert!(
            page.contains(
                "<a href=\"https://www.wikidata.org/wiki/Q42\">Samir &lt;Haddad&gt; &amp; Co</a>"
            ),
            "help: the label is the escaped English name, linked to Wikidata: {page}"
        );
        assert!(page.contains("<a href=\"https://www.geonames.org/123\">Wadi al-Zahra</a>"));
        assert!(
            page.contains("data-entity=\"club\"") && page.contains(">نادي الزهرة</bdi>"),
            "help: no English name: the Arabic one, unlinked to any site: {page}"
        );
        assert!(page.contains("&lt;b&gt;") && !page.contains("<b>"));
        assert!(page.contains("class=\"m person\" data-kind=\"person\" data-entity=\"samir\""));
    }
}
