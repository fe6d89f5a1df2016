//! The JSON reader: an array of entity objects.
//!
//! serde_json checks the syntax first: its messages are good, and everything after may take
//! the text to be well-formed. Its values do not keep where they were written, so a small
//! reader then walks the text itself, turning each object into a [`Record`] with the
//! position of every field and value; [`Entities::add`] checks it as it checks a TSV row.
//! The reader never descends below the entity schema (an array of objects of strings,
//! numbers and arrays of strings): anything deeper is a type error, so nesting cannot
//! exhaust the stack.

use std::borrow::Cow;
use std::path::Path;

use super::Gazetteer;
use super::record::{Entities, Format, JSON_FIELDS, Located, Pos, Problem, Record, Role};
use crate::error::GazetteerError;

/// Parses a JSON array of entity objects (`text` without its BOM).
pub(super) fn read(text: &str, path: &Path) -> Result<Gazetteer, GazetteerError> {
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        let (line, column) = char_position(text, e.line(), e.column());
        return Err(GazetteerError::Json {
            path: path.to_path_buf(),
            line,
            column,
            message: without_position(&e),
        });
    }
    let mut entities = Entities::new(path, Format::Json);
    let stop = |stop: Stop| match stop {
        Stop::Invalid(problem, at) => problem.at(path, at),
        Stop::Syntax(message, at) => GazetteerError::Json {
            path: path.to_path_buf(),
            line: at.line,
            column: at.column,
            message,
        },
    };
    let mut reader = Reader::new(text);
    reader.array_start().map_err(stop)?;
    while let Some(record) = reader.next_object().map_err(stop)? {
        entities.add(&record)?;
    }
    Ok(entities.finish())
}

/// serde_json's message without the " at line L column C" it ends with, since our error
/// prints the position in front.
fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match message.strip_suffix(&suffix) {
        Some(m) => m.to_string(),
        None => message,
    }
}

/// serde_json's position (line, bytes into the line, 0 at the line's start) as a 1-based
/// line and a 1-based column in characters, the unit of every other column we report.
fn char_position(text: &str, line: usize, byte_column: usize) -> (usize, usize) {
    let line = line.max(1);
    let text = text.split('\n').nth(line - 1).unwrap_or("");
    let mut end = byte_column.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (line, text[..end].chars().count().max(1))
}

/// Why reading stopped: a broken rule, or (only on text serde_json did not check, such as
/// a lone surrogate in an escape) broken syntax.
enum Stop {
    Invalid(Problem, Pos),
    Syntax(String, Pos),
}

type Step<T> = Result<T, Stop>;

/// A cursor over the text that knows the line and the column (in characters) it is at.
struct Reader<'a> {
    text: &'a str,
    i: usize,
    at: Pos,
    /// Has the array had an object yet (so the next one follows a comma)?
    started: bool,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            i: 0,
            at: Pos { line: 1, column: 1 },
            started: false,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.i).copied()
    }

    /// Moves one byte on. The column counts characters: it moves at a character's first
    /// byte and is read only between characters.
    fn bump(&mut self) {
        let Some(b) = self.peek() else { return };
        self.i += 1;
        if b == b'\n' {
            self.at.line += 1;
            self.at.column = 1;
        } else if b & 0xC0 != 0x80 {
            self.at.column += 1;
        }
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn syntax<T>(&self, message: &str) -> Step<T> {
        Err(Stop::Syntax(message.to_string(), self.at))
    }

    /// What the next value is, with its article, for type errors.
    fn found(&self) -> &'static str {
        match self.peek() {
            Some(b'"') => "a string",
            Some(b'{') => "an object",
            Some(b'[') => "an array",
            Some(b't' | b'f') => "a boolean",
            Some(b'n') => "null",
            Some(_) => "a number",
            None => "the end of the text",
        }
    }

    fn wrong_type<T>(&self, what: String, expected: &'static str) -> Step<T> {
        let found = self.found();
        Err(Stop::Invalid(
            Problem::WrongType {
                what,
                expected,
                found,
            },
            self.at,
        ))
    }

    /// Consumes `null` if it is next.
    fn null(&mut self) -> bool {
        if self.text.as_bytes()[self.i..].starts_with(b"null") {
            (0..4).for_each(|_| self.bump());
            true
        } else {
            false
        }
    }

    /// A string, unescaped; the cursor is on its opening quote.
    fn string(&mut self) -> Step<Cow<'a, str>> {
        let (start, at) = (self.i, self.at);
        self.bump();
        loop {
            match self.peek() {
                None => return self.syntax("EOF while parsing a string"),
                Some(b'\\') => {
                    self.bump();
                    self.bump();
                }
                Some(b'"') => {
                    self.bump();
                    break;
                }
                Some(_) => self.bump(),
            }
        }
        // Both ends are quotes, so both are character boundaries.
        let raw = &self.text[start..self.i];
        let inner = &raw[1..raw.len() - 1];
        if !inner.contains('\\') {
            return Ok(Cow::Borrowed(inner));
        }
        // serde_json knows JSON escapes, surrogate pairs included.
        serde_json::from_str::<String>(raw)
            .map(Cow::Owned)
            .map_err(|e| Stop::Syntax(without_position(&e), at))
    }

    /// A string field's value: a string, or null when the field is optional.
    fn text_value(&mut self, field: &str, required: bool) -> Step<Option<Located<'a>>> {
        let at = self.at;
        match self.peek() {
            Some(b'"') => Ok(Some(Located {
                text: self.string()?,
                at,
            })),
            Some(b'n') if !required && self.null() => Ok(None),
            _ => self.wrong_type(format!("{field:?}"), "a string"),
        }
    }

    /// A number field's value, as written (the validation reads it as it reads a TSV
    /// cell), or null.
    fn number_value(&mut self, field: &str) -> Step<Option<Located<'a>>> {
        let (start, at) = (self.i, self.at);
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => {
                while matches!(
                    self.peek(),
                    Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                ) {
                    self.bump();
                }
                Ok(Some(Located {
                    // ASCII only, so both ends are character boundaries.
                    text: Cow::Borrowed(&self.text[start..self.i]),
                    at,
                }))
            }
            Some(b'n') if self.null() => Ok(None),
            _ => self.wrong_type(format!("{field:?}"), "a number"),
        }
    }

    /// A list field's value, an array of strings (or null), into `names` with `role`.
    fn list_value(
        &mut self,
        field: &str,
        role: Role,
        names: &mut Vec<(Role, Located<'a>)>,
    ) -> Step<()> {
        match self.peek() {
            Some(b'[') => self.bump(),
            Some(b'n') if self.null() => return Ok(()),
            _ => return self.wrong_type(format!("{field:?}"), "an array of strings"),
        }
        self.skip_space();
        if self.peek() == Some(b']') {
            self.bump();
            return Ok(());
        }
        loop {
            self.skip_space();
            let at = self.at;
            if self.peek() != Some(b'"') {
                return self.wrong_type(format!("an item of {field:?}"), "a string");
            }
            let text = self.string()?;
            names.push((role, Located { text, at }));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b']') => {
                    self.bump();
                    return Ok(());
                }
                _ => return self.syntax("expected `,` or `]`"),
            }
        }
    }

    /// The opening bracket of the top-level array.
    fn array_start(&mut self) -> Step<()> {
        self.skip_space();
        if self.peek() == Some(b'[') {
            self.bump();
            return Ok(());
        }
        let found = self.found();
        Err(Stop::Invalid(Problem::NotArray { found }, self.at))
    }

    /// The next object of the array as a record, or `None` at its end.
    fn next_object(&mut self) -> Step<Option<Record<'a>>> {
        self.skip_space();
        match self.peek() {
            Some(b']') => {
                self.bump();
                return Ok(None);
            }
            Some(b',') if self.started => {
                self.bump();
                self.skip_space();
            }
            _ if !self.started => {}
            _ => return self.syntax("expected `,` or `]`"),
        }
        self.started = true;
        let at = self.at;
        if self.peek() != Some(b'{') {
            let found = self.found();
            return Err(Stop::Invalid(Problem::NotObject { found }, at));
        }
        self.bump();
        let mut record = Record::new(at);
        let mut seen: Vec<(&'static str, Pos)> = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.bump();
            return Ok(Some(record));
        }
        loop {
            self.skip_space();
            let key_at = self.at;
            if self.peek() != Some(b'"') {
                return self.syntax("expected a field name");
            }
            let key = self.string()?;
            let Some(&field) = JSON_FIELDS.iter().find(|&&f| f == key) else {
                let name = key.into_owned();
                let problem = Problem::UnknownField {
                    name,
                    format: Format::Json,
                };
                return Err(Stop::Invalid(problem, key_at));
            };
            if let Some(&(_, first)) = seen.iter().find(|(f, _)| *f == field) {
                let problem = Problem::DuplicateField {
                    name: field.to_string(),
                    format: Format::Json,
                    first,
                };
                return Err(Stop::Invalid(problem, key_at));
            }
            seen.push((field, key_at));
            self.skip_space();
            if self.peek() != Some(b':') {
                return self.syntax("expected `:`");
            }
            self.bump();
            self.skip_space();
            match field {
                "id" => record.id = self.text_value(field, true)?,
                "kind" => record.kind = self.text_value(field, true)?,
                "name_ar" => record.name_ar = self.text_value(field, false)?,
                "name_en" => record.name_en = self.text_value(field, false)?,
                "wikidata" => record.wikidata = self.text_value(field, false)?,
                "country" => record.country = self.text_value(field, false)?,
                "population" => record.population = self.number_value(field)?,
                "prominence" => record.prominence = self.number_value(field)?,
                "aliases" => self.list_value(field, Role::Alias, &mut record.names)?,
                "short" => self.list_value(field, Role::Short, &mut record.names)?,
                "demonyms" => self.list_value(field, Role::Demonym, &mut record.names)?,
                _ => unreachable!("JSON_FIELDS lists only the fields read here"),
            }
            self.skip_space();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b'}') => {
                    self.bump();
                    return Ok(Some(record));
                }
                _ => return self.syntax("expected `,` or `}`"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        read(text, Path::new("g.json")).unwrap_err().to_string()
    }

    #[test]
    fn entities_with_every_field() {
        let g = read(
            r#"[{"id": "x", "kind": "organisation", "name_ar": "أكمي", "name_en": "Acme",
                 "aliases": ["شركة أكمي", "Acme Corp"], "short": ["أكم"], "demonyms": ["أكمي"],
                 "wikidata": "Q1", "country": "EG", "population": 12, "prominence": 3},
                {"id": "x", "kind": "organisation", "aliases": ["A\u0063me Inc"], "wikidata": null},
                {"id": "y", "kind": "place", "aliases": ["مدينة"]}]"#,
            Path::new("g.json"),
        )
        .unwrap();
        assert_eq!(g.len(), 2);
        let x = &g.entities()[0];
        assert_eq!(x.aliases, ["شركة أكمي", "Acme Corp", "Acme Inc"]);
        assert_eq!((x.short.len(), x.demonyms.len()), (1, 1));
        assert_eq!(x.wikidata.as_deref(), Some("Q1"));
        assert_eq!((x.population, x.prominence), (Some(12), 3));
        assert_eq!(
            g.entities()[1].name_ar,
            "مدينة",
            "help: name_ar defaults to the first Arabic alias, as in TSV"
        );
    }

    #[test]
    fn errors_point_at_the_field_or_value() {
        for (text, want) in [
            (
                "[\n  {\"id\": \"x\", \"kind\": \"animal\"}]",
                "g.json:2:23: kind \"animal\" is not person, place or organisation",
            ),
            (
                r#"[{"id": "x", "kind": "place"}]"#,
                "g.json:1:2: entity \"x\" has no name (give name_ar, name_en, aliases or short)",
            ),
            (
                r#"[{"kind": "place", "aliases": ["ا"]}]"#,
                "g.json:1:2: missing required field \"id\"",
            ),
            (
                r#"[{"id": "x", "kind": "place", "name_ar": "ا", "name_ar": "ب"}]"#,
                "g.json:1:47: duplicate field \"name_ar\" (also at line 1, column 31)",
            ),
            (
                r#"[{"id": "x", "kind": "place", "aliases": ["ا", 3]}]"#,
                "g.json:1:48: an item of \"aliases\" must be a string, found a number",
            ),
            (
                r#"[{"id": "x", "kind": "place", "aliases": "ا"}]"#,
                "g.json:1:42: \"aliases\" must be an array of strings, found a string",
            ),
            (
                r#"[{"id": "x", "kind": "place", "population": "12", "aliases": ["ا"]}]"#,
                "g.json:1:45: \"population\" must be a number, found a string",
            ),
            (
                r#"[{"id": null}]"#,
                "g.json:1:9: \"id\" must be a string, found null",
            ),
            (
                r#"{"id": "x"}"#,
                "g.json:1:1: expected an array of entity objects, found an object",
            ),
            (
                r#"[[]]"#,
                "g.json:1:2: expected an entity object, found an array",
            ),
            (
                r#"[{"id": "\ud800", "kind": "place"}]"#,
                "g.json:1:9: unexpected end of hex escape",
            ),
            ("[1,]", "g.json:1:4: expected value"),
            ("", "g.json:1:1: EOF while parsing a value"),
            ("[\n", "g.json:2:1: EOF while parsing a list"),
            (
                "[{\"id\": \"شي\" \"kind\"}]",
                "g.json:1:14: expected `,` or `}`",
            ),
        ] {
            assert_eq!(err(text), want, "help: {text}");
        }
    }

    #[test]
    fn syntax_columns_count_characters() {
        assert_eq!(char_position("ab\nشيx", 2, 5), (2, 3));
        assert_eq!(char_position("ab\nشيx", 2, 3), (2, 1), "inside ي");
        assert_eq!(char_position("", 1, 0), (1, 1));
        assert_eq!(char_position("a", 9, 9), (9, 1));
    }
}
