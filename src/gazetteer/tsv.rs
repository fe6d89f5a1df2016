//! The TSV reader: a header naming known columns once each, then one [`Record`] per row. The
//! values are checked by [`Entities::add`], as JSON ones are.

use std::borrow::Cow;
use std::path::Path;

use super::Gazetteer;
use super::record::{
    Entities, Format, Located, Pos, Problem, Record, Role, TSV_COLUMNS, TSV_REQUIRED,
};
use crate::error::GazetteerError;

/// The known column of each header position.
struct Header {
    columns: Vec<&'static str>,
    /// The field each column fills, worked out once for every row.
    fields: Vec<Field>,
}

/// What a column fills in a [`Record`].
#[derive(Clone, Copy)]
enum Field {
    Id,
    Kind,
    NameAr,
    NameEn,
    Wikidata,
    Country,
    Population,
    Prominence,
    Short,
    /// `name`, the one column not a field of its own: the row's name.
    Name,
}

impl Field {
    fn of(column: &str) -> Field {
        match column {
            "id" => Field::Id,
            "kind" => Field::Kind,
            "name_ar" => Field::NameAr,
            "name_en" => Field::NameEn,
            "wikidata" => Field::Wikidata,
            "country" => Field::Country,
            "population" => Field::Population,
            "prominence" => Field::Prominence,
            "short" => Field::Short,
            _ => Field::Name,
        }
    }
}

impl Header {
    /// Reads a header: every column known, none twice, the required ones present. Errors
    /// point at the offending column (the first one for a missing column).
    fn parse(line: &str, n: usize) -> Result<Header, (Problem, Pos)> {
        let at = |column| Pos { line: n, column };
        let mut columns: Vec<&'static str> = Vec::new();
        for (i, name) in line.split('\t').map(str::trim).enumerate() {
            let Some(&known) = TSV_COLUMNS.iter().find(|&&k| k == name) else {
                return Err((
                    Problem::UnknownField {
                        name: name.to_string(),
                        format: Format::Tsv,
                    },
                    at(i + 1),
                ));
            };
            if let Some(first) = columns.iter().position(|&c| c == known) {
                return Err((
                    Problem::DuplicateField {
                        name: known.to_string(),
                        format: Format::Tsv,
                        first: at(first + 1),
                    },
                    at(i + 1),
                ));
            }
            columns.push(known);
        }
        if let Some(&missing) = TSV_REQUIRED.iter().find(|r| !columns.contains(r)) {
            return Err((
                Problem::MissingField {
                    name: missing,
                    format: Format::Tsv,
                },
                at(1),
            ));
        }
        let fields = columns.iter().map(|c| Field::of(c)).collect();
        Ok(Header { columns, fields })
    }

    /// The record of a row. A row shorter than the header has empty cells at its end.
    fn record<'a>(&self, cells: &[&'a str], n: usize) -> Record<'a> {
        let mut record = Record::new(Pos { line: n, column: 1 });
        for (i, &field) in self.fields.iter().enumerate() {
            let value = Located {
                text: Cow::Borrowed(cells.get(i).copied().unwrap_or("")),
                at: Pos {
                    line: n,
                    column: i + 1,
                },
            };
            let slot = match field {
                Field::Id => &mut record.id,
                Field::Kind => &mut record.kind,
                Field::NameAr => &mut record.name_ar,
                Field::NameEn => &mut record.name_en,
                Field::Wikidata => &mut record.wikidata,
                Field::Country => &mut record.country,
                Field::Population => &mut record.population,
                Field::Prominence => &mut record.prominence,
                Field::Short => &mut record.short_flag,
                Field::Name => {
                    record.names.push((Role::Alias, value));
                    continue;
                }
            };
            *slot = Some(value);
        }
        record
    }
}

/// Parses the user TSV format documented on [`Gazetteer`] (`text` without its BOM).
pub(super) fn read(text: &str, path: &Path) -> Result<Gazetteer, GazetteerError> {
    let mut header: Option<Header> = None;
    let mut entities = Entities::new(path, Format::Tsv);
    let mut cells: Vec<&str> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let n = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some(h) = &header else {
            let h = Header::parse(line, n).map_err(|(p, at)| entities.error(p, at))?;
            header = Some(h);
            continue;
        };
        cells.clear();
        cells.extend(line.split('\t'));
        if cells.len() > h.columns.len() {
            let problem = Problem::TooManyCells {
                cells: cells.len(),
                width: h.columns.len(),
            };
            let at = Pos {
                line: n,
                column: h.columns.len() + 1,
            };
            return Err(entities.error(problem, at));
        }
        entities.add(&h.record(&cells, n))?;
    }
    if header.is_none() {
        return Err(entities.error(Problem::NoHeader, Pos { line: 1, column: 1 }));
    }
    Ok(entities.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        read(text, Path::new("g.tsv")).unwrap_err().to_string()
    }

    #[test]
    fn rows_merge_by_id() {
        let g = read(
            "id\tkind\tname\tname_en\tshort\r\n# comment\r\n\r\nx\tperson\tفلان\t\t\r\nx\tperson\tFulan\tFulan\tno\r\nx\tperson\tف\t\tyes\n",
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
        assert_eq!(e.aliases, ["فلان", "Fulan"]);
        assert_eq!(e.short, ["ف"]);
    }

    #[test]
    fn errors_name_line_and_column() {
        let known = "; the known columns are id, kind, name, name_ar, name_en, wikidata, country, population, prominence, short";
        for (text, want) in [
            (
                "id\tname\n",
                "g.tsv:1:1: missing required column \"kind\" in the header".to_string(),
            ),
            (
                "id\tkind\tname\tnmae_en\n",
                format!("g.tsv:1:4: unknown column \"nmae_en\" (did you mean \"name_en\"?){known}"),
            ),
            (
                "id\tkind\tname\t\n",
                format!("g.tsv:1:4: unknown column \"\"{known}"),
            ),
            (
                "id\tkind\tname\tname\n",
                "g.tsv:1:4: duplicate column \"name\" (also column 3)".into(),
            ),
            (
                "id\tkind\tname\nx\tperson\t\n",
                "g.tsv:2:3: empty name".into(),
            ),
            (
                "id\tkind\tname\n\tperson\tا\n",
                "g.tsv:2:1: empty id".into(),
            ),
            ("id\tkind\tname\nx\n", "g.tsv:2:2: empty kind".into()),
            (
                "id\tkind\tname\nx\tperson\tا\tb\n",
                "g.tsv:2:4: 4 cells, but the header has 3".into(),
            ),
            (
                "id\tkind\tname\nx\tperson\t،،\n",
                "g.tsv:2:3: name \"،،\" has no letter or digit".into(),
            ),
            (
                "id\tkind\tname\nx\tperson\tا\nx\tplace\tب\n",
                "g.tsv:3:2: entity \"x\" is person on line 2, place here".into(),
            ),
            (
                "id\tkind\tname\tshort\nx\tperson\tا\tmaybe\n",
                "g.tsv:2:4: short \"maybe\" is not yes or no".into(),
            ),
            (
                "id\tkind\tname\tpopulation\nx\tplace\tا\tmany\n",
                "g.tsv:2:4: population \"many\" is not a whole number (0 or more)".into(),
            ),
            (
                "# only a comment\n\n",
                "g.tsv:1:1: no header row (expected id, kind, name)".into(),
            ),
        ] {
            assert_eq!(err(text), want, "help: {text:?}");
        }
    }
}
