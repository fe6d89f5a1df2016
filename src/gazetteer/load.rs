//! Parsers for user gazetteer files. Every error names the file, the line and the column.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use super::{Entity, EntityKind, Gazetteer};
use crate::error::GazetteerError;
use crate::keys::ortho_key;

/// Checks that `bytes` are UTF-8, locating the first bad byte by line and column.
pub(super) fn utf8<'a>(bytes: &'a [u8], path: &Path) -> Result<&'a str, GazetteerError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        // The prefix is valid UTF-8 by definition of `valid_up_to`.
        let before = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        GazetteerError::Utf8 {
            path: path.to_path_buf(),
            line,
            column,
            offset,
        }
    })
}

fn tsv_error(path: &Path, line: usize, column: usize, message: String) -> GazetteerError {
    GazetteerError::Tsv {
        path: path.to_path_buf(),
        line,
        column,
        message,
    }
}

/// Column positions of a user TSV header.
struct Columns {
    id: usize,
    kind: usize,
    name: usize,
    name_en: Option<usize>,
    name_ar: Option<usize>,
    wikidata: Option<usize>,
    country: Option<usize>,
    population: Option<usize>,
    prominence: Option<usize>,
    short: Option<usize>,
    width: usize,
}

impl Columns {
    fn parse(header: &str, path: &Path, line: usize) -> Result<Columns, GazetteerError> {
        let names: Vec<&str> = header.split('\t').map(str::trim).collect();
        let find = |n: &str| names.iter().position(|&h| h == n);
        let required = |n: &str| {
            find(n).ok_or_else(|| {
                tsv_error(
                    path,
                    line,
                    1,
                    format!("missing required column {n:?} in the header"),
                )
            })
        };
        Ok(Columns {
            id: required("id")?,
            kind: required("kind")?,
            name: required("name")?,
            name_en: find("name_en"),
            name_ar: find("name_ar"),
            wikidata: find("wikidata"),
            country: find("country"),
            population: find("population"),
            prominence: find("prominence"),
            short: find("short"),
            width: names.len(),
        })
    }
}

fn is_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// Parses the user TSV format documented on [`Gazetteer`].
pub(super) fn tsv(text: &str, path: &Path) -> Result<Gazetteer, GazetteerError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut columns: Option<Columns> = None;
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (i, raw) in text.split('\n').enumerate() {
        let n = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some(cols) = &columns else {
            columns = Some(Columns::parse(line, path, n)?);
            continue;
        };
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cells.len() > cols.width {
            return Err(tsv_error(
                path,
                n,
                cols.width + 1,
                format!("{} cells, but the header has {}", cells.len(), cols.width),
            ));
        }
        let cell = |c: usize| cells.get(c).copied().unwrap_or("");
        let opt = |c: Option<usize>| c.map(cell).filter(|s| !s.is_empty());
        let required = |c: usize, what: &str| {
            let v = cell(c);
            if v.is_empty() {
                Err(tsv_error(path, n, c + 1, format!("empty {what}")))
            } else {
                Ok(v)
            }
        };
        let id = required(cols.id, "id")?;
        let kind_text = required(cols.kind, "kind")?;
        let kind = EntityKind::parse(kind_text).ok_or_else(|| {
            tsv_error(
                path,
                n,
                cols.kind + 1,
                format!("kind {kind_text:?} is not person, place or organisation"),
            )
        })?;
        let name = required(cols.name, "name")?;
        if ortho_key(name).is_empty() {
            return Err(tsv_error(
                path,
                n,
                cols.name + 1,
                format!("name {name:?} has no letter or digit"),
            ));
        }
        let population = match opt(cols.population) {
            None => None,
            Some(p) => Some(p.parse::<u64>().map_err(|_| {
                let col = cols.population.unwrap_or(0) + 1;
                tsv_error(
                    path,
                    n,
                    col,
                    format!("population {p:?} is not a whole number"),
                )
            })?),
        };
        let prominence = match opt(cols.prominence) {
            None => None,
            Some(p) => Some(p.parse::<u8>().ok().filter(|&p| p <= 5).ok_or_else(|| {
                let col = cols.prominence.unwrap_or(0) + 1;
                tsv_error(path, n, col, format!("prominence {p:?} is not 0-5"))
            })?),
        };
        let short = match opt(cols.short) {
            None | Some("no" | "false" | "0") => false,
            Some("yes" | "true" | "1") => true,
            Some(other) => {
                let col = cols.short.unwrap_or(0) + 1;
                return Err(tsv_error(
                    path,
                    n,
                    col,
                    format!("short {other:?} is not yes or no"),
                ));
            }
        };

        let index = *by_id.entry(id.to_string()).or_insert_with(|| {
            entities.push(Entity::new(id.to_string(), kind, "", ""));
            entities.len() - 1
        });
        let e = &mut entities[index];
        if e.kind != kind {
            return Err(tsv_error(
                path,
                n,
                cols.kind + 1,
                format!("entity {id:?} is {} on an earlier row, {kind} here", e.kind),
            ));
        }
        let own = |s: &str| Cow::Owned(s.to_string());
        if let Some(v) = opt(cols.name_en) {
            if e.name_en.is_empty() {
                e.name_en = own(v);
            }
        }
        if let Some(v) = opt(cols.name_ar) {
            if e.name_ar.is_empty() {
                e.name_ar = own(v);
            }
        }
        if let Some(v) = opt(cols.wikidata) {
            e.wikidata.get_or_insert_with(|| own(v));
        }
        if let Some(v) = opt(cols.country) {
            e.country.get_or_insert_with(|| own(v));
        }
        if population.is_some() {
            e.population = population;
        }
        if let Some(p) = prominence {
            e.prominence = p;
        }
        let list = if short { &mut e.short } else { &mut e.aliases };
        if !list.iter().any(|a| a == name) {
            list.push(own(name));
        }
    }
    if columns.is_none() {
        return Err(tsv_error(
            path,
            1,
            1,
            "no header row (expected id, kind, name)".into(),
        ));
    }
    for e in &mut entities {
        // Canonical names default to the first alias in each script.
        if e.name_ar.is_empty() {
            if let Some(a) = e.aliases.iter().chain(&e.short).find(|a| is_arabic(a)) {
                e.name_ar = a.clone();
            }
        }
        if e.name_en.is_empty() {
            if let Some(a) = e.aliases.iter().chain(&e.short).find(|a| !is_arabic(a)) {
                e.name_en = a.clone();
            }
        }
    }
    Ok(Gazetteer { entities })
}

/// Parses a JSON array of entities.
pub(super) fn json(text: &str, path: &Path) -> Result<Gazetteer, GazetteerError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let entities: Vec<Entity> = serde_json::from_str(text).map_err(|e| GazetteerError::Json {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    for e in &entities {
        if e.id.trim().is_empty()
            || e.names()
                .chain(e.short.iter().map(|s| s.as_ref()))
                .all(|n| ortho_key(n).is_empty())
        {
            return Err(GazetteerError::NoUsableName {
                path: path.to_path_buf(),
                id: e.id.to_string(),
            });
        }
    }
    Ok(Gazetteer { entities })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        tsv(text, Path::new("g.tsv")).unwrap_err().to_string()
    }

    #[test]
    fn tsv_rows_merge_by_id() {
        let g = tsv(
            "\u{FEFF}id\tkind\tname\tname_en\textra\r\n# comment\r\n\r\nx\tperson\tفلان\t\t\r\nx\tperson\tFulan\tFulan\t?\r\n",
            Path::new("g.tsv"),
        )
        .unwrap();
        assert_eq!(g.len(), 1);
        let e = &g.entities()[0];
        assert_eq!(
            e.name_ar, "فلان",
            "help: name_ar defaults to the first Arabic alias"
        );
        assert_eq!(e.name_en, "Fulan");
        assert_eq!(e.aliases.len(), 2);
    }

    #[test]
    fn tsv_errors_name_line_and_column() {
        assert_eq!(
            err("id\tname\n"),
            "g.tsv:1:1: missing required column \"kind\" in the header"
        );
        assert_eq!(
            err("id\tkind\tname\nx\tperson\t\n"),
            "g.tsv:2:3: empty name"
        );
        assert_eq!(err("id\tkind\tname\n\tperson\tا\n"), "g.tsv:2:1: empty id");
        assert_eq!(
            err("id\tkind\tname\nx\tperson\tا\tb\n"),
            "g.tsv:2:4: 4 cells, but the header has 3"
        );
        assert_eq!(
            err("id\tkind\tname\nx\tperson\t،،\n"),
            "g.tsv:2:3: name \"،،\" has no letter or digit"
        );
        assert_eq!(
            err("id\tkind\tname\nx\tperson\tا\nx\tplace\tب\n"),
            "g.tsv:3:2: entity \"x\" is person on an earlier row, place here"
        );
        assert_eq!(
            err("id\tkind\tname\tpopulation\nx\tplace\tا\tmany\n"),
            "g.tsv:2:4: population \"many\" is not a whole number"
        );
        assert_eq!(
            err(""),
            "g.tsv:1:1: no header row (expected id, kind, name)"
        );
    }

    #[test]
    fn invalid_utf8_is_located() {
        let bytes = b"id\tkind\tname\nx\tperson\t\xD8\n";
        let e = utf8(bytes, Path::new("g.tsv")).unwrap_err().to_string();
        assert_eq!(e, "g.tsv:2:10: invalid UTF-8 (byte offset 22)");
    }

    #[test]
    fn json_entities() {
        let g = json(
            r#"[{"id": "x", "kind": "organisation", "name_ar": "أكمي", "name_en": "Acme", "short": ["أكم"]}]"#,
            Path::new("g.json"),
        )
        .unwrap();
        assert_eq!(g.entities()[0].short, ["أكم"]);
        let e = json(r#"[{"id": "x", "kind": "animal"}]"#, Path::new("g.json")).unwrap_err();
        assert!(e.to_string().starts_with("g.json:1:"), "{e}");
        let e = json(r#"[{"id": "x", "kind": "place"}]"#, Path::new("g.json")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "g.json: entity \"x\" has no name that contains a letter or digit"
        );
    }
}
