//! Entities and their names: the built-in gazetteer and user gazetteers.
//!
//! An [`Entity`] is one real person, place or organisation with a canonical Arabic and
//! English name and every alias it is known by. The built-in gazetteer (countries and
//! territories from CLDR, populated places from GeoNames, people and organisations curated
//! by the tawfiq maintainers) is compiled into the binary; a [`Gazetteer`] holds entities
//! loaded at run time from TSV or JSON, which a [`MatcherBuilder`](crate::MatcherBuilder)
//! merges with the built-in one or uses instead of it.
//!
//! # Ids
//!
//! Ids are stable and say where an entity comes from: `cldr:CN` (a CLDR territory code),
//! `geonames:1816670` (a GeoNames id), a lowercase slug such as `vladimir-putin` for curated
//! entities, and whatever a user gazetteer chooses. The Wikidata QID, where verified, is
//! the separate field [`Entity::wikidata`], so an id never changes when a QID is added.

pub(crate) mod builtin;
mod json;
mod load;
mod record;
mod tsv;

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::GazetteerError;

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A place: a country, territory, city, region, sea, building.
    Place,
    /// An organisation: a state body, company, party, armed group, medium, alliance.
    Organisation,
}

impl EntityKind {
    /// The lowercase name used in files and JSON: `person`, `place`, `organisation`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
        }
    }

    /// Parses `person`, `place` or `organisation` (also the spelling `organization`).
    pub fn parse(s: &str) -> Option<EntityKind> {
        match s.trim() {
            "person" => Some(EntityKind::Person),
            "place" => Some(EntityKind::Place),
            "organisation" | "organization" => Some(EntityKind::Organisation),
            _ => None,
        }
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One real-world entity and the names it goes by.
///
/// Strings are `Cow<'static, str>`: built-in entities borrow from the compiled-in table,
/// user entities own their strings.
///
/// # Examples
///
/// ```
/// use tawfiq::{Entity, EntityKind};
///
/// let e = Entity::new("katrina-yu", EntityKind::Person, "كاترينا يو", "Katrina Yu");
/// assert_eq!(e.names().count(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id (see the module documentation).
    pub id: Cow<'static, str>,
    /// Person, place or organisation.
    pub kind: EntityKind,
    /// Canonical Arabic name, the spelling Arabic media use most.
    #[serde(default)]
    pub name_ar: Cow<'static, str>,
    /// Canonical English name.
    #[serde(default)]
    pub name_en: Cow<'static, str>,
    /// Wikidata QID (`Q7747`), only where verified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<Cow<'static, str>>,
    /// ISO 3166-1 alpha-2 code of the entity's country, where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Cow<'static, str>>,
    /// Population of a place, a prior for disambiguation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    /// How newsworthy the entity is, 1 (minor) to 5 (the most), or 0 when unknown; a prior
    /// for disambiguation.
    #[serde(default)]
    pub prominence: u8,
    /// Other full names, in any script (the canonical names need not be repeated).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Cow<'static, str>>,
    /// Short forms that alone can denote the entity: a surname (`بوتين`), an acronym
    /// (`ناتو`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub short: Vec<Cow<'static, str>>,
    /// Demonyms of a country (masculine singular nisba without the article: `صيني`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub demonyms: Vec<Cow<'static, str>>,
}

impl Entity {
    /// An entity with an id, a kind and its canonical names; everything else empty.
    pub fn new(
        id: impl Into<Cow<'static, str>>,
        kind: EntityKind,
        name_ar: impl Into<Cow<'static, str>>,
        name_en: impl Into<Cow<'static, str>>,
    ) -> Entity {
        Entity {
            id: id.into(),
            kind,
            name_ar: name_ar.into(),
            name_en: name_en.into(),
            wikidata: None,
            country: None,
            population: None,
            prominence: 0,
            aliases: Vec::new(),
            short: Vec::new(),
            demonyms: Vec::new(),
        }
    }

    /// Every full name: the canonical Arabic and English names, then the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        [&self.name_ar, &self.name_en]
            .into_iter()
            .chain(&self.aliases)
            .map(|s| s.as_ref())
            .filter(|s| !s.is_empty())
    }

    /// A prior in `0.0..=1.0` for choosing between entities that share a name: prominence
    /// for curated entities and countries, population for places, whichever is higher.
    ///
    /// A prominence of 5 gives 1.0; a city of ten million about 0.88, a village of a
    /// thousand 0.38. Entities with neither figure (typical of user gazetteers) get 0.5.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "builtin")] {
    /// use tawfiq::Matcher;
    ///
    /// let m = Matcher::builtin();
    /// let china = m.entity_by_id("cldr:CN").unwrap();
    /// let village = m.entity_by_id("geonames:2522013").unwrap(); // Algeciras, ES
    /// assert!(china.prior() > village.prior());
    /// # }
    /// ```
    pub fn prior(&self) -> f32 {
        crate::text::prior::prior(self.prominence, self.population)
    }
}

/// Entities loaded at run time, to merge with the built-in gazetteer or replace it.
///
/// # File formats
///
/// **TSV** (`.tsv`): UTF-8, tab-separated, a header row. Required columns: `id`, `kind`
/// (`person`, `place`, `organisation`), `name` (one alias per row; rows sharing an `id` are
/// one entity). Optional: `name_en`, `name_ar`, `wikidata`, `country`, `population`,
/// `prominence`, `short` (`yes` or `no`: is the row's name a short form such as a surname?).
/// Empty lines and lines starting with `#` are skipped; an empty optional cell means "not
/// given"; a row may have fewer cells than the header, not more.
///
/// **JSON** (`.json`): an array of entity objects with the fields of [`Entity`]: `id` and
/// `kind` (required), `name_ar`, `name_en`, `wikidata`, `country` (strings), `population`,
/// `prominence` (numbers), `aliases`, `short`, `demonyms` (arrays of strings). An optional
/// field may be `null`, and an empty string means "not given", as an empty TSV cell does.
/// Objects sharing an `id` are one entity, as rows are.
///
/// # Validation
///
/// Both formats are checked by the same rules, and a file that breaks one is refused with
/// a [`GazetteerError`] naming the file, line and column (in a TSV file the field number;
/// in a JSON file the character where the offending field or value begins):
///
/// - every column or field is one the format knows, given once: a misspelt one would
///   otherwise be lost without a word (`unknown field "nmae_en" (did you mean "name_en"?);
///   the known fields are …`);
/// - ids, kinds and names are trimmed and must not be empty; a name must have a letter or
///   digit, and an entity at least one name that is not a demonym;
/// - `wikidata` is a QID (`Q7747`), `country` an ISO 3166-1 alpha-2 code (`CN`),
///   `population` a whole number written with digits, `prominence` a whole number from 0
///   to 5;
/// - rows or objects that share an id agree on its kind and on each single value they
///   repeat (`name_ar`, `name_en`, `wikidata`, `country`, `population`, `prominence`).
///
/// A byte-order mark at the start of the text is dropped, from a file or a string.
///
/// Whether a user entity agrees with a built-in entity of the same id, and with entities of
/// other gazetteers, is checked when the matcher is built
/// ([`BuildError::BuiltinKindConflict`](crate::BuildError::BuiltinKindConflict),
/// [`BuildError::KindConflict`](crate::BuildError::KindConflict)).
///
/// # Examples
///
/// ```
/// use tawfiq::Gazetteer;
///
/// let tsv = "id\tkind\tname\tname_en\n\
///            acme\torganisation\tأكمي\tAcme Corp\n\
///            acme\torganisation\tشركة أكمي\t\n";
/// let g = Gazetteer::from_tsv_str(tsv).unwrap();
/// assert_eq!(g.len(), 1);
/// assert_eq!(g.entities()[0].name_en, "Acme Corp");
///
/// let err = Gazetteer::from_tsv_str("id\tkind\tname\nx\tanimal\tقط\n").unwrap_err();
/// assert_eq!(err.to_string(), "<input>:2:2: kind \"animal\" is not person, place or organisation");
///
/// let json = r#"[{"id": "acme", "kind": "organisation", "nmae_en": "Acme"}]"#;
/// let err = Gazetteer::from_json_str(json).unwrap_err().to_string();
/// assert!(err.starts_with("<input>:1:41: unknown field \"nmae_en\" (did you mean \"name_en\"?)"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Gazetteer {
    /// Shared with the matchers built from it: a gazetteer of a million entities is not
    /// copied into each.
    entities: Arc<Vec<Entity>>,
    /// The file the entities were read from, for errors found later, when the matcher is
    /// built.
    #[serde(skip)]
    path: Option<PathBuf>,
}

impl Gazetteer {
    /// An empty gazetteer.
    pub fn new() -> Gazetteer {
        Gazetteer::default()
    }

    /// Reads a gazetteer file, choosing the format by extension (`.tsv` or `.json`).
    ///
    /// # Errors
    ///
    /// [`GazetteerError`] when the file cannot be read, is not UTF-8, has an unknown
    /// extension or is malformed (with line and column).
    pub fn from_path(path: impl AsRef<Path>) -> Result<Gazetteer, GazetteerError> {
        let path = path.as_ref();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let format = match ext.as_deref() {
            Some("tsv") => record::Format::Tsv,
            Some("json") => record::Format::Json,
            _ => {
                return Err(GazetteerError::UnknownFormat {
                    path: path.to_path_buf(),
                });
            }
        };
        let bytes = std::fs::read(path).map_err(|source| GazetteerError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let text = load::utf8(&bytes, path)?;
        let mut gazetteer = load::parse(text, path, format)?;
        gazetteer.path = Some(path.to_path_buf());
        Ok(gazetteer)
    }

    /// Parses a TSV gazetteer held in memory (errors name the file `<input>`).
    ///
    /// # Errors
    ///
    /// [`GazetteerError::Invalid`] for a header or row that breaks a rule of the format (see
    /// [`Gazetteer`]).
    pub fn from_tsv_str(text: &str) -> Result<Gazetteer, GazetteerError> {
        load::parse(text, Path::new("<input>"), record::Format::Tsv)
    }

    /// Parses a JSON gazetteer held in memory (errors name the file `<input>`).
    ///
    /// # Errors
    ///
    /// [`GazetteerError::Json`] when the text is not well-formed JSON,
    /// [`GazetteerError::Invalid`] when it breaks a rule of the format (see [`Gazetteer`]).
    pub fn from_json_str(text: &str) -> Result<Gazetteer, GazetteerError> {
        load::parse(text, Path::new("<input>"), record::Format::Json)
    }

    /// The file the gazetteer was read from by [`Gazetteer::from_path`], if it was.
    ///
    /// # Examples
    ///
    /// ```
    /// let g = tawfiq::Gazetteer::from_tsv_str("id\tkind\tname\n").unwrap();
    /// assert_eq!(g.path(), None);
    /// ```
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Adds an entity, as it is: the rules of the file formats are not applied, but an id
    /// given two kinds is refused when the matcher is built.
    pub fn push(&mut self, entity: Entity) {
        Arc::make_mut(&mut self.entities).push(entity);
    }

    /// The entities, in the order they were added.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entities, shared.
    pub(crate) fn shared(&self) -> &Arc<Vec<Entity>> {
        &self.entities
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Is the gazetteer empty?
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}

impl FromIterator<Entity> for Gazetteer {
    fn from_iter<I: IntoIterator<Item = Entity>>(iter: I) -> Gazetteer {
        Gazetteer {
            entities: Arc::new(iter.into_iter().collect()),
            path: None,
        }
    }
}

impl Extend<Entity> for Gazetteer {
    fn extend<I: IntoIterator<Item = Entity>>(&mut self, iter: I) {
        Arc::make_mut(&mut self.entities).extend(iter);
    }
}
