//! The one validation of user gazetteers. The TSV and JSON readers only find fields and
//! where they were written; each TSV row and each JSON object becomes a [`Record`], and every
//! record goes through [`Entities::add`], so both formats obey the same rules and break them
//! with the same messages.

use std::borrow::Cow;
use std::fmt;
use std::num::NonZeroUsize;
use std::path::Path;

use super::{Entity, EntityKind, Gazetteer};
use crate::error::GazetteerError;
use crate::keys::ortho_key;
use crate::text::keymap::Positions;

/// Where something was written: 1-based line and column. A TSV column is the field number,
/// a JSON column counts characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Pos {
    pub line: usize,
    pub column: usize,
}

/// A value as written (not yet trimmed) and where it begins.
#[derive(Clone, Debug)]
pub(super) struct Located<'a> {
    pub text: Cow<'a, str>,
    pub at: Pos,
}

/// What a name is to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// A full name ([`Entity::aliases`]).
    Alias,
    /// A short form ([`Entity::short`]).
    Short,
    /// A demonym ([`Entity::demonyms`]).
    Demonym,
}

/// One TSV row or one JSON object, before validation: each field's raw text and where it
/// was. A field the row or object does not have is `None`.
#[derive(Clone, Debug)]
pub(super) struct Record<'a> {
    /// Where the record begins (a row's first field, an object's `{`): the place of errors
    /// about the record as a whole, such as a missing field.
    pub at: Pos,
    pub id: Option<Located<'a>>,
    pub kind: Option<Located<'a>>,
    pub name_ar: Option<Located<'a>>,
    pub name_en: Option<Located<'a>>,
    pub wikidata: Option<Located<'a>>,
    pub country: Option<Located<'a>>,
    pub population: Option<Located<'a>>,
    pub prominence: Option<Located<'a>>,
    /// The TSV `short` column (`yes`/`no`): whether the row's names are short forms.
    pub short_flag: Option<Located<'a>>,
    pub names: Vec<(Role, Located<'a>)>,
}

impl<'a> Record<'a> {
    /// A record with no fields yet, beginning at `at`.
    pub fn new(at: Pos) -> Record<'a> {
        Record {
            at,
            id: None,
            kind: None,
            name_ar: None,
            name_en: None,
            wikidata: None,
            country: None,
            population: None,
            prominence: None,
            short_flag: None,
            names: Vec::new(),
        }
    }
}

/// The columns of the TSV format, in the order the documentation lists them.
pub(super) const TSV_COLUMNS: &[&str] = &[
    "id",
    "kind",
    "name",
    "name_ar",
    "name_en",
    "wikidata",
    "country",
    "population",
    "prominence",
    "short",
];

/// The TSV columns a header must have.
pub(super) const TSV_REQUIRED: &[&str] = &["id", "kind", "name"];

/// The fields of a JSON entity object: those of [`Entity`].
pub(super) const JSON_FIELDS: &[&str] = &[
    "id",
    "kind",
    "name_ar",
    "name_en",
    "aliases",
    "short",
    "demonyms",
    "wikidata",
    "country",
    "population",
    "prominence",
];

/// The gazetteer formats, for the words of messages about their structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Format {
    Tsv,
    Json,
}

impl Format {
    /// What the format calls a field.
    fn noun(self) -> &'static str {
        match self {
            Format::Tsv => "column",
            Format::Json => "field",
        }
    }

    fn known(self) -> &'static [&'static str] {
        match self {
            Format::Tsv => TSV_COLUMNS,
            Format::Json => JSON_FIELDS,
        }
    }

    /// The known field an unknown one probably means: the closest spelling (at most two
    /// edits, a swap of neighbours being one, ignoring case, and fewer edits than the name
    /// has characters so that `x` suggests nothing), else the field that holds names in this
    /// format when the name is the other format's (`name` in JSON, `aliases` in TSV).
    fn suggestion(self, name: &str) -> Option<&'static str> {
        let name = name.to_lowercase();
        let closest = self
            .known()
            .iter()
            .map(|k| (strsim::osa_distance(&name, k), *k))
            .filter(|&(d, _)| d <= 2 && d < name.chars().count())
            .min_by_key(|&(d, _)| d)
            .map(|(_, k)| k);
        closest.or(match (self, name.as_str()) {
            (Format::Json, "name" | "names") => Some("aliases"),
            (Format::Tsv, "aliases" | "alias") => Some("name"),
            _ => None,
        })
    }
}

/// What is wrong with a gazetteer, one variant per rule; [`fmt::Display`] is the message.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Problem {
    /// A TSV file without a header row.
    NoHeader,
    /// A column or field the format does not have.
    UnknownField { name: String, format: Format },
    /// A column or field given twice; `first` is where it was first.
    DuplicateField {
        name: String,
        format: Format,
        first: Pos,
    },
    /// A required column or field is missing.
    MissingField { name: &'static str, format: Format },
    /// A TSV row with more cells than its header has columns.
    TooManyCells { cells: usize, width: usize },
    /// A JSON file that is not an array.
    NotArray { found: &'static str },
    /// A JSON array item that is not an object.
    NotObject { found: &'static str },
    /// A JSON value of the wrong type: `what` names it (`"prominence"`, `an item of
    /// "aliases"`), `expected` and `found` are types with their article.
    WrongType {
        what: String,
        expected: &'static str,
        found: &'static str,
    },
    /// A required value that is empty after trimming.
    Empty { field: &'static str },
    /// A name that normalises to nothing: no letter or digit.
    NoLetter { field: &'static str, value: String },
    /// A value outside its field's range or syntax; `expected` describes the range.
    BadValue {
        field: &'static str,
        value: String,
        expected: &'static str,
    },
    /// A record that gives its entity no name at all.
    NoName { id: String },
    /// A record whose id an earlier record gave another kind.
    KindConflict {
        id: String,
        earlier: EntityKind,
        earlier_line: usize,
        kind: EntityKind,
    },
    /// A record whose id an earlier record gave another value of a single-valued field.
    ValueConflict {
        id: String,
        field: &'static str,
        earlier: String,
        earlier_line: usize,
        value: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NoHeader => write!(f, "no header row (expected id, kind, name)"),
            Problem::UnknownField { name, format } => {
                write!(f, "unknown {} {name:?}", format.noun())?;
                if let Some(k) = format.suggestion(name) {
                    write!(f, " (did you mean {k:?}?)")?;
                }
                write!(
                    f,
                    "; the known {}s are {}",
                    format.noun(),
                    format.known().join(", ")
                )
            }
            Problem::DuplicateField {
                name,
                format: Format::Tsv,
                first,
            } => write!(
                f,
                "duplicate column {name:?} (also column {})",
                first.column
            ),
            Problem::DuplicateField {
                name,
                format: Format::Json,
                first,
            } => write!(
                f,
                "duplicate field {name:?} (also at line {}, column {})",
                first.line, first.column
            ),
            Problem::MissingField {
                name,
                format: Format::Tsv,
            } => write!(f, "missing required column {name:?} in the header"),
            Problem::MissingField {
                name,
                format: Format::Json,
            } => write!(f, "missing required field {name:?}"),
            Problem::TooManyCells { cells, width } => {
                write!(f, "{cells} cells, but the header has {width}")
            }
            Problem::NotArray { found } => {
                write!(f, "expected an array of entity objects, found {found}")
            }
            Problem::NotObject { found } => write!(f, "expected an entity object, found {found}"),
            Problem::WrongType {
                what,
                expected,
                found,
            } => write!(f, "{what} must be {expected}, found {found}"),
            Problem::Empty { field } => write!(f, "empty {field}"),
            Problem::NoLetter { field, value } => {
                write!(f, "{field} {value:?} has no letter or digit")
            }
            Problem::BadValue {
                field,
                value,
                expected,
            } => write!(f, "{field} {value:?} is not {expected}"),
            Problem::NoName { id } => write!(
                f,
                "entity {id:?} has no name (give name_ar, name_en, aliases or short)"
            ),
            Problem::KindConflict {
                id,
                earlier,
                earlier_line,
                kind,
            } => write!(
                f,
                "entity {id:?} is {earlier} on line {earlier_line}, {kind} here"
            ),
            Problem::ValueConflict {
                id,
                field,
                earlier,
                earlier_line,
                value,
            } => write!(
                f,
                "entity {id:?} has {field} {earlier:?} on line {earlier_line}, {value:?} here"
            ),
        }
    }
}

impl Problem {
    /// The error for this problem at `at` in `path`.
    pub fn at(&self, path: &Path, at: Pos) -> GazetteerError {
        GazetteerError::Invalid {
            path: path.to_path_buf(),
            line: at.line,
            column: at.column,
            message: self.to_string(),
        }
    }
}

/// What [`Problem::BadValue`] says each field should be.
const KIND_EXPECTED: &str = "person, place or organisation";
const POPULATION_EXPECTED: &str = "a whole number (0 or more)";
const PROMINENCE_EXPECTED: &str = "a whole number from 0 to 5";
const WIKIDATA_EXPECTED: &str = "a Wikidata QID (Q and a number, as in Q7747)";
const COUNTRY_EXPECTED: &str = "an ISO 3166-1 alpha-2 code (two capital letters, as in CN)";
const SHORT_EXPECTED: &str = "yes or no";

/// The highest prominence ([`Entity::prominence`]).
const MAX_PROMINENCE: u8 = 5;

/// A located problem, before it is given its file.
type Outcome<T> = Result<T, (Problem, Pos)>;

/// A value trimmed, `None` when absent or empty: an empty TSV cell and an empty JSON string
/// both mean "not given".
fn given<'r>(v: &'r Option<Located<'_>>) -> Option<(&'r str, Pos)> {
    v.as_ref()
        .map(|l| (l.text.trim(), l.at))
        .filter(|(t, _)| !t.is_empty())
}

/// A required value, trimmed: missing is an error at the record, empty at the value.
fn required<'r>(
    v: &'r Option<Located<'_>>,
    field: &'static str,
    record: Pos,
    format: Format,
) -> Outcome<(&'r str, Pos)> {
    let Some(l) = v else {
        return Err((
            Problem::MissingField {
                name: field,
                format,
            },
            record,
        ));
    };
    let text = l.text.trim();
    if text.is_empty() {
        return Err((Problem::Empty { field }, l.at));
    }
    Ok((text, l.at))
}

/// A whole number written with ASCII digits only (no sign, point or exponent), so that a
/// TSV cell and a JSON number pass or fail alike.
fn whole_number(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn is_qid(s: &str) -> bool {
    let digits = s.strip_prefix('Q').unwrap_or("");
    digits.starts_with(|c: char| matches!(c, '1'..='9'))
        && digits.bytes().all(|b| b.is_ascii_digit())
}

fn is_country_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// A name, trimmed; it must have a letter or digit, or it could never be matched.
fn checked_name<'r>(field: &'static str, text: &'r str, at: Pos) -> Outcome<&'r str> {
    if !text.chars().any(keeps_key) && ortho_key(text).is_empty() {
        return Err((
            Problem::NoLetter {
                field,
                value: text.to_string(),
            },
            at,
        ));
    }
    Ok(text)
}

/// Is `c` a character that alone gives a name a non-empty key (an ASCII letter or digit, an
/// Arabic letter but the bare alef, which with tanween is a case ending, not a letter)? Most
/// names have one, and are checked without being keyed; the others are keyed (a test checks
/// that each of these characters keeps a key).
fn keeps_key(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '\u{0621}'..='\u{0626}' | '\u{0628}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
}

fn bad_value(field: &'static str, value: &str, expected: &'static str, at: Pos) -> (Problem, Pos) {
    (
        Problem::BadValue {
            field,
            value: value.to_string(),
            expected,
        },
        at,
    )
}

/// The single-valued fields an entity takes from its first record that gives them; a later
/// record of the same id may repeat the value but not change it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Single {
    NameAr,
    NameEn,
    Wikidata,
    Country,
    Population,
    Prominence,
}

impl Single {
    const ALL: [Single; 6] = [
        Single::NameAr,
        Single::NameEn,
        Single::Wikidata,
        Single::Country,
        Single::Population,
        Single::Prominence,
    ];

    /// The entity's value of the field, as [`check`] writes it (numbers without leading
    /// zeros).
    fn written(self, entity: &Entity) -> Cow<'_, str> {
        match self {
            Single::NameAr => Cow::Borrowed(&entity.name_ar),
            Single::NameEn => Cow::Borrowed(&entity.name_en),
            Single::Wikidata => Cow::Borrowed(entity.wikidata.as_deref().unwrap_or("")),
            Single::Country => Cow::Borrowed(entity.country.as_deref().unwrap_or("")),
            Single::Population => Cow::Owned(entity.population.unwrap_or(0).to_string()),
            Single::Prominence => Cow::Owned(entity.prominence.to_string()),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Single::NameAr => "name_ar",
            Single::NameEn => "name_en",
            Single::Wikidata => "wikidata",
            Single::Country => "country",
            Single::Population => "population",
            Single::Prominence => "prominence",
        }
    }
}

/// One record's values, checked.
struct Checked<'r> {
    id: &'r str,
    kind: EntityKind,
    kind_at: Pos,
    /// The single-valued fields given, in [`Single::ALL`] order, as canonical text (numbers
    /// without leading zeros) with where each was written.
    singles: [Option<(Cow<'r, str>, Pos)>; 6],
    names: Vec<(Role, &'r str)>,
}

/// Checks every value of a record: the rules both formats share.
fn check<'r>(record: &'r Record<'_>, format: Format) -> Outcome<Checked<'r>> {
    let (id, _) = required(&record.id, "id", record.at, format)?;
    let (kind_text, kind_at) = required(&record.kind, "kind", record.at, format)?;
    let kind = EntityKind::parse(kind_text)
        .ok_or_else(|| bad_value("kind", kind_text, KIND_EXPECTED, kind_at))?;

    let short = match given(&record.short_flag) {
        None | Some(("no" | "false" | "0", _)) => false,
        Some(("yes" | "true" | "1", _)) => true,
        Some((other, at)) => return Err(bad_value("short", other, SHORT_EXPECTED, at)),
    };
    let mut names = Vec::with_capacity(record.names.len());
    for (role, l) in &record.names {
        let text = l.text.trim();
        if text.is_empty() {
            return Err((Problem::Empty { field: "name" }, l.at));
        }
        let role = match role {
            Role::Alias if short => Role::Short,
            r => *r,
        };
        names.push((role, checked_name("name", text, l.at)?));
    }

    let mut singles: [Option<(Cow<'r, str>, Pos)>; 6] = Default::default();
    for (slot, field) in singles.iter_mut().zip(Single::ALL) {
        let raw = match field {
            Single::NameAr => &record.name_ar,
            Single::NameEn => &record.name_en,
            Single::Wikidata => &record.wikidata,
            Single::Country => &record.country,
            Single::Population => &record.population,
            Single::Prominence => &record.prominence,
        };
        let name = field.name();
        let Some((text, at)) = given(raw) else {
            continue;
        };
        let value: Cow<'r, str> = match field {
            Single::NameAr | Single::NameEn => Cow::Borrowed(checked_name(name, text, at)?),
            Single::Wikidata if is_qid(text) => Cow::Borrowed(text),
            Single::Wikidata => return Err(bad_value(name, text, WIKIDATA_EXPECTED, at)),
            Single::Country if is_country_code(text) => Cow::Borrowed(text),
            Single::Country => return Err(bad_value(name, text, COUNTRY_EXPECTED, at)),
            Single::Population => match whole_number(text) {
                Some(n) => Cow::Owned(n.to_string()),
                None => return Err(bad_value(name, text, POPULATION_EXPECTED, at)),
            },
            Single::Prominence => match whole_number(text) {
                Some(n) if n <= u64::from(MAX_PROMINENCE) => Cow::Owned(n.to_string()),
                _ => return Err(bad_value(name, text, PROMINENCE_EXPECTED, at)),
            },
        };
        *slot = Some((value, at));
    }

    // A demonym alone names no entity: it is matched only as a demonym of it.
    let named = names.iter().any(|(r, _)| *r != Role::Demonym)
        || Single::ALL
            .into_iter()
            .zip(&singles)
            .any(|(f, v)| matches!(f, Single::NameAr | Single::NameEn) && v.is_some());
    if !named {
        return Err((Problem::NoName { id: id.to_string() }, record.at));
    }
    Ok(Checked {
        id,
        kind,
        kind_at,
        singles,
        names,
    })
}

/// Where an entity's kind and single-valued fields were first given, and the values, to
/// name the earlier line when a later record contradicts them.
/// Where an entity's kind and single-valued fields were first given (the values themselves
/// are the entity's: a gazetteer of a million entities keeps no second copy of them).
#[derive(Debug)]
struct FirstSeen {
    kind_line: usize,
    // Non-zero (lines count from 1), so that an unset line takes no room of its own: one of
    // these per entity of a file of a million.
    lines: [Option<NonZeroUsize>; 6],
}

/// Entities being put together from the records of one file, in the order their ids first
/// appear; records that share an id are one entity.
#[derive(Debug)]
pub(super) struct Entities<'p> {
    path: &'p Path,
    format: Format,
    entities: Vec<Entity>,
    first: Vec<FirstSeen>,
    by_id: Positions,
}

impl<'p> Entities<'p> {
    /// No entities yet; errors will name `path`.
    pub fn new(path: &'p Path, format: Format) -> Entities<'p> {
        Entities {
            path,
            format,
            entities: Vec::new(),
            first: Vec::new(),
            by_id: Positions::default(),
        }
    }

    /// The error for `problem` at `at` in this file.
    pub fn error(&self, problem: Problem, at: Pos) -> GazetteerError {
        problem.at(self.path, at)
    }

    /// Validates a record and adds it to the entity of its id.
    ///
    /// # Errors
    ///
    /// [`GazetteerError::Invalid`] for the first rule the record breaks.
    pub fn add(&mut self, record: &Record<'_>) -> Result<(), GazetteerError> {
        self.merge(record)
            .map_err(|(problem, at)| problem.at(self.path, at))
    }

    fn merge(&mut self, record: &Record<'_>) -> Outcome<()> {
        let c = check(record, self.format)?;
        let entities = &self.entities;
        let (index, new) = self
            .by_id
            .get_or_insert(c.id, entities.len(), |p| &entities[p].id);
        if new {
            self.entities
                .push(Entity::new(c.id.to_string(), c.kind, "", ""));
            self.first.push(FirstSeen {
                kind_line: c.kind_at.line,
                lines: Default::default(),
            });
        }
        let (entity, first) = (&mut self.entities[index], &mut self.first[index]);
        if entity.kind != c.kind {
            return Err((
                Problem::KindConflict {
                    id: c.id.to_string(),
                    earlier: entity.kind,
                    earlier_line: first.kind_line,
                    kind: c.kind,
                },
                c.kind_at,
            ));
        }
        for ((field, given), seen) in Single::ALL
            .into_iter()
            .zip(&c.singles)
            .zip(&mut first.lines)
        {
            let Some((value, at)) = given else {
                continue;
            };
            match seen {
                Some(line) => {
                    let earlier = field.written(entity);
                    if earlier != *value {
                        return Err((
                            Problem::ValueConflict {
                                id: c.id.to_string(),
                                field: field.name(),
                                earlier: earlier.into_owned(),
                                earlier_line: line.get(),
                                value: value.to_string(),
                            },
                            *at,
                        ));
                    }
                }
                None => *seen = Some(NonZeroUsize::new(at.line).unwrap_or(NonZeroUsize::MIN)),
            }
        }
        // Every value is checked: now change the entity.
        let own = |s: &str| Cow::Owned(s.to_string());
        for (field, given) in Single::ALL.into_iter().zip(&c.singles) {
            let Some((v, _)) = given else { continue };
            match field {
                Single::NameAr => entity.name_ar = own(v),
                Single::NameEn => entity.name_en = own(v),
                Single::Wikidata => entity.wikidata = Some(own(v)),
                Single::Country => entity.country = Some(own(v)),
                // Checked above: digits that fit.
                Single::Population => entity.population = v.parse().ok(),
                Single::Prominence => entity.prominence = v.parse().unwrap_or(0),
            }
        }
        for (role, name) in c.names {
            let list = match role {
                Role::Alias => &mut entity.aliases,
                Role::Short => &mut entity.short,
                Role::Demonym => &mut entity.demonyms,
            };
            if !list.iter().any(|a| a == name) {
                // Room for one: most entities of a large file have one name of each role,
                // and a vector grows to four at its first push.
                if list.is_empty() {
                    list.reserve_exact(1);
                }
                list.push(own(name));
            }
        }
        Ok(())
    }

    /// The gazetteer. Canonical names not given default to the first alias (or short form)
    /// in each script.
    pub fn finish(self) -> Gazetteer {
        let mut entities = self.entities;
        for e in &mut entities {
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
        entities.into_iter().collect()
    }
}

fn is_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Pos {
        Pos { line, column }
    }

    #[test]
    fn a_character_that_keeps_a_key_keeps_it_in_any_company() {
        let all = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| keeps_key(c));
        for c in all {
            // Alone, under harakat and tatweel, between punctuation and other scripts.
            for name in [
                c.to_string(),
                format!("\u{0640}{c}\u{064B}\u{0651}\u{0640}"),
                format!("-{c}'\u{200C}中"),
            ] {
                assert!(!ortho_key(&name).is_empty(), "{name:?} has an empty key");
            }
        }
    }

    fn located(text: &str, line: usize, column: usize) -> Option<Located<'_>> {
        Some(Located {
            text: Cow::Borrowed(text),
            at: at(line, column),
        })
    }

    /// A record with an id, a kind and one name.
    fn record<'a>(id: &'a str, kind: &'a str, name: &'a str, line: usize) -> Record<'a> {
        let mut r = Record::new(at(line, 1));
        r.id = located(id, line, 1);
        r.kind = located(kind, line, 2);
        r.names.push((Role::Alias, located(name, line, 3).unwrap()));
        r
    }

    fn problem(records: &[Record<'_>]) -> String {
        let mut e = Entities::new(Path::new("f"), Format::Json);
        for r in records {
            if let Err(err) = e.add(r) {
                return err.to_string();
            }
        }
        "ok".into()
    }

    #[test]
    fn unknown_fields_get_a_suggestion() {
        for (format, name, want) in [
            (Format::Json, "nmae_en", Some("name_en")),
            (Format::Tsv, "nmae_en", Some("name_en")),
            (Format::Tsv, "Name_AR", Some("name_ar")),
            (Format::Json, "wikdata", Some("wikidata")),
            (Format::Json, "alias", Some("aliases")),
            (Format::Json, "name", Some("aliases")),
            (Format::Tsv, "aliases", Some("name")),
            (Format::Tsv, "demonyms", None),
            (Format::Json, "x", None),
            (Format::Json, "colour", None),
        ] {
            assert_eq!(format.suggestion(name), want, "help: {format:?} {name}");
        }
    }

    /// A change to a record, for a table of cases.
    type Edit = fn(&mut Record<'static>);

    #[test]
    fn value_rules() {
        let with = |f: fn(&mut Record<'static>)| {
            let mut r = record("x", "place", "قرية", 1);
            f(&mut r);
            problem(&[r])
        };
        let cases: [(Edit, &str); 10] = [
            (|_| {}, "ok"),
            (|r| r.prominence = located(" 05 ", 1, 4), "ok"),
            (
                |r| r.prominence = located("200", 1, 4),
                "f:1:4: prominence \"200\" is not a whole number from 0 to 5",
            ),
            (
                |r| r.population = located("-3", 1, 4),
                "f:1:4: population \"-3\" is not a whole number (0 or more)",
            ),
            (
                |r| r.population = located("+3", 1, 4),
                "f:1:4: population \"+3\" is not a whole number (0 or more)",
            ),
            (
                |r| r.wikidata = located("Q0", 1, 4),
                "f:1:4: wikidata \"Q0\" is not a Wikidata QID (Q and a number, as in Q7747)",
            ),
            (
                |r| r.country = located("cn", 1, 4),
                "f:1:4: country \"cn\" is not an ISO 3166-1 alpha-2 code (two capital letters, as in CN)",
            ),
            (
                |r| r.name_en = located("--", 1, 4),
                "f:1:4: name_en \"--\" has no letter or digit",
            ),
            (|r| r.id = located("  ", 1, 1), "f:1:1: empty id"),
            (|r| r.id = None, "f:1:1: missing required field \"id\""),
        ];
        for (f, want) in cases {
            assert_eq!(with(f), want);
        }
    }

    #[test]
    fn records_of_one_id_merge_and_must_agree() {
        let mut a = record("x", "place", "قرية", 1);
        a.population = located("12", 1, 4);
        let mut b = record("x", "place", "Qarya", 2);
        b.population = located("012", 2, 4);
        let mut e = Entities::new(Path::new("f"), Format::Tsv);
        e.add(&a).unwrap();
        e.add(&b).unwrap();
        let g = e.finish();
        assert_eq!(g.len(), 1);
        let x = &g.entities()[0];
        assert_eq!((x.name_ar.as_ref(), x.name_en.as_ref()), ("قرية", "Qarya"));
        assert_eq!(x.population, Some(12));

        let mut c = record("x", "place", "قرية", 3);
        c.population = located("13", 3, 4);
        assert_eq!(
            problem(&[a.clone(), c]),
            "f:3:4: entity \"x\" has population \"12\" on line 1, \"13\" here"
        );
        assert_eq!(
            problem(&[a.clone(), record("x", "person", "قرية", 5)]),
            "f:5:2: entity \"x\" is place on line 1, person here"
        );
    }
}
