//! Reads `data/` into the built-in gazetteer: entity records, the word frequencies and the
//! review of one-word place names, and the [`Tables`] built from them.
//!
//! Inputs (see `data/README.md` for sources and licences):
//! - `countries.tsv` + `countries_overlay.tsv`: CLDR countries and territories;
//! - `geonames_places.tsv` + `cldr_cities.tsv`: GeoNames populated places;
//! - `curated/*.tsv`: people, organisations and other places (`curated/FORMAT.md`);
//! - `admin1.tsv` + `division_heads.tsv` + `admin1_news_spellings.tsv`: first-level
//!   administrative divisions (provinces, states, governorates), the head words news writes
//!   before their names, and the spellings news gives them besides CLDR's;
//! - `demonyms.tsv`: demonym bases and forms by entity;
//! - `wordfreq_ar.tsv`: everyday word forms and their Zipf frequencies;
//! - `place_word_ambiguity.tsv`: the review of one-word place names that are also words.
//!
//! Errors name the file and line.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::text::image::EntityRecord;
use crate::text::keys::{bare_key, ortho_key};
use crate::text::prior::prior;
use crate::text::table::{Lexicon, Names, Tables, Verdict};

/// An error with the file and line it is about.
pub type Error = String;

/// One built-in entity as read from `data/`.
#[derive(Clone, Debug, Default)]
pub struct Rec {
    pub id: String,
    pub kind: &'static str,
    pub name_ar: String,
    pub name_en: String,
    pub wikidata: String,
    pub country: String,
    pub population: u64,
    pub prominence: u8,
    /// Full names, canonical ones first, each once.
    pub full: Vec<String>,
    pub short: Vec<String>,
    /// Demonym bases (masculine singular nisba).
    pub demonyms: Vec<String>,
    /// Exact demonym forms (broken plurals: `الروس`).
    pub demonym_forms: Vec<String>,
}

impl Rec {
    fn add_full(&mut self, alias: &str) {
        let alias = alias.trim();
        if !alias.is_empty() && !self.full.iter().any(|a| a == alias) {
            self.full.push(alias.to_string());
        }
    }

    fn is_geonames(&self) -> bool {
        self.id.starts_with("geonames:")
    }

    /// An administrative division (`admin1.tsv`).
    fn is_division(&self) -> bool {
        self.id.starts_with("iso:")
    }

    /// The names the table builder takes. Of a GeoNames place's many Latin alternates only
    /// the main English name gets a cross-script key: they are romanisations of one another.
    pub fn names(&self, entity: u32) -> Names<'_> {
        let geonames = self.is_geonames();
        let all = || self.full.iter().chain(&self.short).map(String::as_str);
        Names {
            entity,
            full: self.full.iter().map(String::as_str).collect(),
            short: self.short.iter().map(String::as_str).collect(),
            demonym_bases: self.demonyms.iter().map(String::as_str).collect(),
            demonym_forms: self.demonym_forms.iter().map(String::as_str).collect(),
            cross_script: all()
                .filter(|n| !geonames || !n.is_ascii() || *n == self.name_en)
                .collect(),
            // A division's one-word names that are everyday words are read as the words, as
            // for a small town (divisions carry no population).
            place_words: (geonames || self.is_division()).then_some(self.population),
            prior: prior(
                self.prominence,
                (self.population > 0).then_some(self.population),
            ),
        }
    }

    /// The record the entity table stores.
    pub fn record(&self) -> EntityRecord<'_> {
        EntityRecord {
            id: &self.id,
            kind: match self.kind {
                "person" => 0,
                "place" => 1,
                _ => 2,
            },
            name_ar: &self.name_ar,
            name_en: &self.name_en,
            wikidata: &self.wikidata,
            country: &self.country,
            population: self.population,
            prominence: self.prominence,
            aliases: self.full.iter().map(String::as_str).collect(),
            short: self.short.iter().map(String::as_str).collect(),
            demonyms: self
                .demonyms
                .iter()
                .chain(&self.demonym_forms)
                .map(String::as_str)
                .collect(),
        }
    }
}

/// Everything read from `data/`.
pub struct Source {
    pub recs: Vec<Rec>,
    /// Orthographic key → Zipf frequency (the highest of the word forms with that key).
    pub frequencies: HashMap<String, f32>,
    pub verdicts: HashMap<String, Verdict>,
    /// Every file read, for `cargo:rerun-if-changed`.
    #[allow(dead_code)] // build.rs reads it
    pub files: Vec<PathBuf>,
}

impl Source {
    /// Reads `data/`.
    pub fn read(data: &Path) -> Result<Source, Error> {
        let mut files = Vec::new();
        let mut recs = Vec::new();
        countries(data, &mut recs, &mut files)?;
        places(data, &mut recs, &mut files)?;
        curated(data, &mut recs, &mut files)?;
        admin1(data, &mut recs, &mut files)?;
        demonyms(data, &mut recs, &mut files)?;
        check(&recs)?;
        let frequencies = word_frequencies(data, &mut files)?;
        let verdicts = ambiguous_words(data, &mut files)?;
        Ok(Source {
            recs,
            frequencies,
            verdicts,
            files,
        })
    }

    /// The tables of the built-in gazetteer: entity `i` is `recs[i]`.
    pub fn tables(&self) -> Tables {
        let is_word = |k: &str| self.frequencies.contains_key(k);
        let lexicon = Lexicon {
            is_word: &is_word,
            verdicts: &self.verdicts,
        };
        let mut tables = Tables::new();
        let recs = &self.recs;
        tables.add_all(recs.len(), |i| recs[i].names(i as u32), &lexicon);
        tables.settle_phrases();
        tables
    }
}

/// A parsed TSV file: header names and rows, with 1-based line numbers for errors.
struct Tsv {
    path: PathBuf,
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

impl Tsv {
    fn read(path: &Path, files: &mut Vec<PathBuf>) -> Result<Tsv, Error> {
        files.push(path.to_path_buf());
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut header = None;
        let mut rows = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let cells: Vec<String> = line.split('\t').map(str::to_string).collect();
            match &header {
                None => header = Some(cells),
                Some(h) => {
                    if cells.len() != h.len() {
                        return Err(format!(
                            "{}:{n}: {} cells, the header has {}",
                            path.display(),
                            cells.len(),
                            h.len()
                        ));
                    }
                    rows.push((n, cells));
                }
            }
        }
        let header = header.ok_or_else(|| format!("{}: no header row", path.display()))?;
        Ok(Tsv {
            path: path.to_path_buf(),
            header,
            rows,
        })
    }

    fn col(&self, name: &str) -> Result<usize, Error> {
        self.header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("{}:1: missing column {name:?}", self.path.display()))
    }

    fn at(&self, line: usize) -> String {
        format!("{}:{line}", self.path.display())
    }
}

fn split_list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// GeoNames Latin alternates include IATA codes (`BJS`) and two-letter romanisations
/// (`hu`) that would fire on unrelated Latin words; keep names of three letters or more,
/// and all-capital names only when they are at least five letters long.
fn keep_latin_alternate(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase());
    letters >= 3 && !(all_caps && letters < 5)
}

fn countries(data: &Path, out: &mut Vec<Rec>, files: &mut Vec<PathBuf>) -> Result<(), Error> {
    let tsv = Tsv::read(&data.join("countries.tsv"), files)?;
    let (code, kind, en, ar, locale) = (
        tsv.col("code")?,
        tsv.col("type")?,
        tsv.col("en_name")?,
        tsv.col("ar_name")?,
        tsv.col("cldr_locale")?,
    );
    let mut by_code: BTreeMap<String, Rec> = BTreeMap::new();
    for (n, row) in &tsv.rows {
        let kind = match row[kind].as_str() {
            "place" => "place",
            "organisation" => "organisation",
            other => return Err(format!("{}: type {other:?}", tsv.at(*n))),
        };
        let rec = by_code.entry(row[code].clone()).or_insert_with(|| Rec {
            id: format!("cldr:{}", row[code]),
            kind,
            name_en: row[en].clone(),
            country: row[code].clone(),
            prominence: 5,
            ..Rec::default()
        });
        if row[locale] == "ar" || rec.name_ar.is_empty() {
            rec.name_ar = row[ar].clone();
        }
        rec.add_full(&row[ar]);
        rec.add_full(&row[en]);
        // `ميانمار (بورما)`, `Myanmar (Burma)`: the name before the bracket is what text
        // writes; the bracket may be a second name or a descriptor, so it is not added.
        for name in [&row[ar], &row[en]] {
            if let Some((before, _)) = name.split_once('(') {
                rec.add_full(before);
            }
        }
    }
    let overlay = Tsv::read(&data.join("countries_overlay.tsv"), files)?;
    let (code, aliases_ar, demonym, aliases_en, qid) = (
        overlay.col("code")?,
        overlay.col("aliases_ar")?,
        overlay.col("demonym_ar")?,
        overlay.col("aliases_en")?,
        overlay.col("wikidata")?,
    );
    for (n, row) in &overlay.rows {
        let rec = by_code
            .get_mut(&row[code])
            .ok_or_else(|| format!("{}: unknown country code {:?}", overlay.at(*n), row[code]))?;
        split_list(&row[aliases_ar])
            .chain(split_list(&row[aliases_en]))
            .for_each(|a| rec.add_full(a));
        rec.demonyms
            .extend(split_list(&row[demonym]).map(str::to_string));
        rec.wikidata = row[qid].clone();
    }
    out.extend(by_code.into_values());
    Ok(())
}

fn places(data: &Path, out: &mut Vec<Rec>, files: &mut Vec<PathBuf>) -> Result<(), Error> {
    let tsv = Tsv::read(&data.join("geonames_places.tsv"), files)?;
    let (id, name, cc, pop, ar, latin) = (
        tsv.col("geonameid")?,
        tsv.col("name")?,
        tsv.col("country_code")?,
        tsv.col("population")?,
        tsv.col("arabic_names")?,
        tsv.col("latin_names")?,
    );
    let first = out.len();
    for (n, row) in &tsv.rows {
        let population = row[pop]
            .parse::<u64>()
            .map_err(|_| format!("{}: population {:?}", tsv.at(*n), row[pop]))?;
        let mut rec = Rec {
            id: format!("geonames:{}", row[id]),
            kind: "place",
            name_en: row[name].clone(),
            country: row[cc].clone(),
            population,
            ..Rec::default()
        };
        for a in split_list(&row[ar]) {
            // Drop a Wikipedia-style disambiguator: `ميرلو، بوينس آيرس` is `ميرلو`, and
            // `الجزائر (مدينة)` is `الجزائر`.
            let a = a.split(['،', ',', '(']).next().unwrap_or(a);
            if rec.name_ar.is_empty() {
                rec.name_ar = a.trim().to_string();
            }
            rec.add_full(a);
        }
        rec.add_full(&row[name]);
        for l in split_list(&row[latin]).filter(|l| keep_latin_alternate(l)) {
            rec.add_full(l);
        }
        if rec.name_ar.is_empty() {
            return Err(format!("{}: no Arabic name", tsv.at(*n)));
        }
        out.push(rec);
    }
    // CLDR exemplar cities add their Arabic spelling to the GeoNames place of the same name in
    // the same country (the most populous one), so one city stays one entity.
    let cities = Tsv::read(&data.join("cldr_cities.tsv"), files)?;
    let (cc, en, ar) = (
        cities.col("country_code")?,
        cities.col("en_city")?,
        cities.col("ar_city")?,
    );
    let mut by_name: HashMap<(String, String), usize> = HashMap::new();
    for (i, rec) in out.iter().enumerate().skip(first) {
        for name in std::iter::once(&rec.name_en).chain(rec.full.iter()) {
            let k = (rec.country.clone(), name.to_lowercase());
            let best = by_name.entry(k).or_insert(i);
            if out[*best].population < rec.population {
                *best = i;
            }
        }
    }
    for (_, row) in &cities.rows {
        if let Some(&i) = by_name.get(&(row[cc].clone(), row[en].to_lowercase())) {
            out[i].add_full(&row[ar]);
        }
    }
    Ok(())
}

/// The columns of a curated file, in order.
const CURATED_COLUMNS: [&str; 11] = [
    "id",
    "kind",
    "name_en",
    "name_ar",
    "aliases_ar",
    "short_ar",
    "aliases_en",
    "wikidata",
    "country",
    "role",
    "prominence",
];

fn curated(data: &Path, out: &mut Vec<Rec>, files: &mut Vec<PathBuf>) -> Result<(), Error> {
    let dir = data.join("curated");
    files.push(dir.clone());
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    paths.sort();
    for file in paths {
        let tsv = Tsv::read(&file, files)?;
        if tsv.header != CURATED_COLUMNS {
            return Err(format!(
                "{}:1: header must be {}",
                file.display(),
                CURATED_COLUMNS.join(" ")
            ));
        }
        for (n, row) in &tsv.rows {
            let at = tsv.at(*n);
            let kind = match row[1].as_str() {
                "person" => "person",
                "organisation" => "organisation",
                "place" => "place",
                other => return Err(format!("{at}: kind {other:?}")),
            };
            let prominence = match row[10].parse::<u8>() {
                Ok(p @ 1..=5) => p,
                _ => return Err(format!("{at}: prominence {:?} (expected 1-5)", row[10])),
            };
            let slug_ok = !row[0].is_empty()
                && row[0].split('-').all(|part| {
                    !part.is_empty()
                        && part
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                });
            if !slug_ok {
                return Err(format!("{at}: id {:?} is not a lowercase slug", row[0]));
            }
            if row[2].is_empty() || row[3].is_empty() {
                return Err(format!("{at}: name_en and name_ar are required"));
            }
            let mut rec = Rec {
                id: row[0].clone(),
                kind,
                name_en: row[2].clone(),
                name_ar: row[3].clone(),
                wikidata: row[7].clone(),
                country: row[8].clone(),
                prominence,
                ..Rec::default()
            };
            rec.add_full(&row[3]);
            split_list(&row[4]).for_each(|a| rec.add_full(a));
            rec.add_full(&row[2]);
            split_list(&row[6]).for_each(|a| rec.add_full(a));
            rec.short = split_list(&row[5]).map(str::to_string).collect();
            out.push(rec);
        }
    }
    Ok(())
}

/// Words that head the Arabic name of an administrative division (`محافظة البصرة`,
/// `ولاية لويزيانا`): news names the division with and without them, so the name without
/// the head is an alias too.
const DIVISION_HEADS: &[&str] = &[
    "محافظة",
    "ولاية",
    "إقليم",
    "مقاطعة",
    "منطقة",
    "إمارة",
    "جهة",
    "ولايه",
    "محافظه",
];

/// The prominence of an administrative division: about a city of a million (prior 0.6), so
/// that a big city of the same name (`البصرة`) still wins a bare name and a small town does
/// not (`لويزيانا` is the state, not the town in Missouri).
const DIVISION_PROMINENCE: u8 = 3;
/// The prominence of a division named like a populated place (`محافظة المنيا`, the city
/// `المنيا`): a bare name is then the place far more often, and the head word, which costs
/// little in a comparison, must not make the division the closer match.
const PLACE_NAMED_DIVISION_PROMINENCE: u8 = 1;

/// Is a bare name of the division in `row` (its head word aside) a populated place's name?
fn bare_named_city<'a>(
    mut names: impl Iterator<Item = &'a str>,
    is_city: &dyn Fn(&str) -> bool,
) -> bool {
    names.any(|name| {
        let mut words = name.split_whitespace();
        let headed = words.next().is_some_and(|w| DIVISION_HEADS.contains(&w));
        let bare = if headed {
            words.collect::<Vec<_>>().join(" ")
        } else {
            name.to_string()
        };
        !bare.is_empty() && is_city(&bare)
    })
}

/// `admin1_news_spellings.tsv`: the spellings Arabic news gives divisions besides CLDR's,
/// each with the page it was seen on, by division code.
fn news_spellings(
    data: &Path,
    codes: &HashSet<&str>,
    files: &mut Vec<PathBuf>,
) -> Result<HashMap<String, Vec<String>>, Error> {
    let tsv = Tsv::read(&data.join("admin1_news_spellings.tsv"), files)?;
    let (code, alias, url) = (tsv.col("code")?, tsv.col("alias_ar")?, tsv.col("url")?);
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for (n, row) in &tsv.rows {
        let at = tsv.at(*n);
        if !codes.contains(row[code].as_str()) {
            return Err(format!("{at}: unknown division code {:?}", row[code]));
        }
        if row[alias].trim().is_empty() || ortho_key(&row[alias]).is_empty() {
            return Err(format!("{at}: alias_ar {:?} has no letter", row[alias]));
        }
        if !row[url].starts_with("http://") && !row[url].starts_with("https://") {
            return Err(format!("{at}: url {:?} is no web address", row[url]));
        }
        out.entry(row[code].clone())
            .or_default()
            .push(row[alias].trim().to_string());
    }
    Ok(out)
}

/// Adds `admin1.tsv`: first-level divisions, `iso:<ISO 3166-2 code>`. A division that is
/// already a curated place of that country, by English name (`Xinjiang`, `Scotland`), adds
/// its names to it instead.
///
/// A division named like a populated place (`البصرة`, `الإسكندرية`) does not take that bare
/// name: news writes it for the city (or a namesake town elsewhere), and the division with its
/// head word (`محافظة البصرة`). When no other Arabic name is left, the division gets its name with the
/// head word its country's divisions use most.
fn admin1(data: &Path, out: &mut Vec<Rec>, files: &mut Vec<PathBuf>) -> Result<(), Error> {
    let tsv = Tsv::read(&data.join("admin1.tsv"), files)?;
    let (code, country, en, ar, aliases_ar, aliases_en) = (
        tsv.col("code")?,
        tsv.col("country")?,
        tsv.col("name_en")?,
        tsv.col("name_ar")?,
        tsv.col("aliases_ar")?,
        tsv.col("aliases_en")?,
    );
    let curated_places: HashMap<String, usize> = out
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == "place" && !r.id.contains(':'))
        .map(|(i, r)| (r.name_en.to_lowercase(), i))
        .collect();
    let place_names: HashSet<String> = out
        .iter()
        .filter(|r| r.is_geonames())
        .flat_map(|r| r.full.iter().map(|n| ortho_key(n)))
        .collect();
    // The head word each country's divisions are named with most.
    let mut heads: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
    for (_, row) in &tsv.rows {
        if let Some(head) = row[ar].split_whitespace().next() {
            if DIVISION_HEADS.contains(&head) {
                *heads
                    .entry(&row[country])
                    .or_default()
                    .entry(head)
                    .or_default() += 1;
            }
        }
    }
    let table = Tsv::read(&data.join("division_heads.tsv"), files)?;
    let (t_country, t_head) = (table.col("country")?, table.col("head")?);
    let mut listed: HashMap<String, String> = HashMap::new();
    for (n, row) in &table.rows {
        if !DIVISION_HEADS.contains(&row[t_head].as_str()) {
            return Err(format!(
                "{}: head {:?} is not a division head",
                table.at(*n),
                row[t_head]
            ));
        }
        listed.insert(row[t_country].clone(), row[t_head].clone());
    }
    let head_of = |country: &str| -> Option<String> {
        let cldr = heads
            .get(country)
            .and_then(|h| h.iter().max_by_key(|&(w, n)| (*n, std::cmp::Reverse(*w))))
            .map(|(w, _)| w.to_string());
        cldr.or_else(|| listed.get(country).cloned())
    };
    let codes: HashSet<&str> = tsv.rows.iter().map(|(_, row)| row[code].as_str()).collect();
    let news = news_spellings(data, &codes, files)?;
    let mut seen = HashSet::new();
    for (n, row) in &tsv.rows {
        let at = tsv.at(*n);
        if row[code].is_empty() || row[ar].is_empty() || row[en].is_empty() {
            return Err(format!("{at}: code, name_en and name_ar are required"));
        }
        if !seen.insert(row[code].clone()) {
            return Err(format!("{at}: duplicate code {:?}", row[code]));
        }
        let cc = row[country].as_str();
        let is_city = |name: &str| place_names.contains(&ortho_key(name));
        let names: Vec<&str> = std::iter::once(row[ar].as_str())
            .chain(split_list(&row[aliases_ar]))
            .chain(
                news.get(&row[code])
                    .into_iter()
                    .flatten()
                    .map(String::as_str),
            )
            .collect();
        let named_like_a_place = bare_named_city(names.iter().copied(), &is_city);
        let mut arabic: Vec<String> = Vec::new();
        let mut bare_names: Vec<String> = Vec::new();
        for &name in &names {
            let mut words = name.split_whitespace();
            let headed = words.next().is_some_and(|w| DIVISION_HEADS.contains(&w));
            let rest: Vec<&str> = words.collect();
            let bare = if headed {
                rest.join(" ")
            } else {
                name.to_string()
            };
            if !bare.is_empty() {
                bare_names.push(bare.clone());
            }
            if headed || !is_city(name) {
                arabic.push(name.to_string());
            }
            if headed && !bare.is_empty() && !is_city(&bare) {
                arabic.push(bare);
            }
        }
        // The bare names with the country's head word too: `ولاية لويزيانا`.
        if let Some(head) = head_of(cc) {
            for bare in &bare_names {
                let headed = format!("{head} {bare}");
                if !arabic.contains(&headed) {
                    arabic.push(headed);
                }
            }
        }
        let Some(name_ar) = arabic.first().cloned() else {
            continue;
        };
        let mut rec = Rec {
            id: format!("iso:{}", row[code]),
            kind: "place",
            name_en: row[en].clone(),
            name_ar,
            country: cc.to_string(),
            prominence: if named_like_a_place {
                PLACE_NAMED_DIVISION_PROMINENCE
            } else {
                DIVISION_PROMINENCE
            },
            ..Rec::default()
        };
        arabic.iter().for_each(|a| rec.add_full(a));
        rec.add_full(&row[en]);
        split_list(&row[aliases_en]).for_each(|a| rec.add_full(a));
        match curated_places.get(&row[en].to_lowercase()) {
            Some(&i) if out[i].country.is_empty() || out[i].country == rec.country => {
                let names = rec.full;
                names.iter().for_each(|a| out[i].add_full(a));
            }
            _ => out.push(rec),
        }
    }
    Ok(())
}

/// Adds `demonyms.tsv`: bases to inflect and exact forms, by entity id.
fn demonyms(data: &Path, recs: &mut [Rec], files: &mut Vec<PathBuf>) -> Result<(), Error> {
    let tsv = Tsv::read(&data.join("demonyms.tsv"), files)?;
    let (entity, form, note) = (tsv.col("entity")?, tsv.col("form")?, tsv.col("note")?);
    let by_id: HashMap<String, usize> = recs
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect();
    for (n, row) in &tsv.rows {
        let i = *by_id
            .get(&row[entity])
            .ok_or_else(|| format!("{}: unknown entity {:?}", tsv.at(*n), row[entity]))?;
        match row[note].as_str() {
            "base" => recs[i].demonyms.push(row[form].clone()),
            "form" => recs[i].demonym_forms.push(row[form].clone()),
            other => return Err(format!("{}: note {other:?} (base or form)", tsv.at(*n))),
        }
    }
    Ok(())
}

/// Ids and QIDs are unique; no value holds a separator of the lists it is written in.
fn check(recs: &[Rec]) -> Result<(), Error> {
    let mut ids = HashSet::new();
    let mut qids: HashMap<&str, &str> = HashMap::new();
    for rec in recs {
        if !ids.insert(rec.id.as_str()) {
            return Err(format!("duplicate entity id {:?}", rec.id));
        }
        if !rec.wikidata.is_empty() {
            if let Some(other) = qids.insert(&rec.wikidata, &rec.id) {
                return Err(format!(
                    "Wikidata {} on both {} and {}",
                    rec.wikidata, other, rec.id
                ));
            }
        }
        let cells = [
            &rec.id,
            &rec.name_ar,
            &rec.name_en,
            &rec.wikidata,
            &rec.country,
        ];
        let lists = rec
            .full
            .iter()
            .chain(&rec.short)
            .chain(&rec.demonyms)
            .chain(&rec.demonym_forms);
        for cell in cells.into_iter().chain(lists) {
            if cell.contains(['\t', '\n', '\r', '|']) {
                return Err(format!(
                    "entity {}: value {cell:?} holds a tab, newline or '|'",
                    rec.id
                ));
            }
        }
    }
    Ok(())
}

/// Orthographic key → Zipf frequency (the highest of the word forms with that key).
pub fn word_frequencies(
    data: &Path,
    files: &mut Vec<PathBuf>,
) -> Result<HashMap<String, f32>, Error> {
    let tsv = Tsv::read(&data.join("wordfreq_ar.tsv"), files)?;
    let (word, zipf) = (tsv.col("word")?, tsv.col("zipf")?);
    let mut freq: HashMap<String, f32> = HashMap::new();
    for (n, row) in &tsv.rows {
        let z: f32 = row[zipf]
            .parse()
            .map_err(|_| format!("{}: zipf {:?}", tsv.at(*n), row[zipf]))?;
        let key = ortho_key(&row[word]);
        if !key.is_empty() {
            let slot = freq.entry(key).or_insert(z);
            *slot = slot.max(z);
        }
    }
    Ok(freq)
}

/// Bare key ([`bare_key`]) → (Zipf frequency, number of person names the word is seen in):
/// `wordfreq_ar.tsv` with its tail `wordfreq_ar_rare.tsv` (Zipf below 3.5) and
/// `person_tokens_ar.tsv`, at the level where `على` and `علي` differ.
#[allow(dead_code)] // build.rs reads it
pub fn bare_words(
    data: &Path,
    files: &mut Vec<PathBuf>,
) -> Result<HashMap<String, (f32, u32)>, Error> {
    let mut out: HashMap<String, (f32, u32)> = HashMap::new();
    for file in ["wordfreq_ar.tsv", "wordfreq_ar_rare.tsv"] {
        let tsv = Tsv::read(&data.join(file), files)?;
        let (word, zipf) = (tsv.col("word")?, tsv.col("zipf")?);
        for (n, row) in &tsv.rows {
            let z: f32 = row[zipf]
                .parse()
                .map_err(|_| format!("{}: zipf {:?}", tsv.at(*n), row[zipf]))?;
            let key = bare_key(&row[word]);
            if !key.is_empty() {
                let slot = out.entry(key).or_default();
                slot.0 = slot.0.max(z);
            }
        }
    }
    let tsv = Tsv::read(&data.join("person_tokens_ar.tsv"), files)?;
    let (token, count) = (tsv.col("token")?, tsv.col("count")?);
    for (n, row) in &tsv.rows {
        let c: u32 = row[count]
            .parse()
            .map_err(|_| format!("{}: count {:?}", tsv.at(*n), row[count]))?;
        let key = bare_key(&row[token]);
        if !key.is_empty() {
            let slot = out.entry(key).or_default();
            slot.1 = slot.1.saturating_add(c);
        }
    }
    Ok(out)
}

/// Keys reviewed in `place_word_ambiguity.tsv` and their verdicts.
fn ambiguous_words(
    data: &Path,
    files: &mut Vec<PathBuf>,
) -> Result<HashMap<String, Verdict>, Error> {
    let tsv = Tsv::read(&data.join("place_word_ambiguity.tsv"), files)?;
    let (key, verdict) = (tsv.col("key")?, tsv.col("verdict")?);
    let mut out = HashMap::new();
    for (n, row) in &tsv.rows {
        let k = ortho_key(&row[key]);
        if k != row[key] {
            return Err(format!(
                "{}: key {:?} is not normalised (expected {k:?})",
                tsv.at(*n),
                row[key]
            ));
        }
        let v = match row[verdict].as_str() {
            "word" => Verdict::Word,
            "both" => Verdict::Both,
            "place" => Verdict::Place,
            other => {
                return Err(format!(
                    "{}: verdict {other:?} (place, word or both)",
                    tsv.at(*n)
                ));
            }
        };
        out.insert(k, v);
    }
    Ok(out)
}
