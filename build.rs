//! Compiles the built-in gazetteer from `data/` into static perfect-hash maps.
//!
//! Inputs (see `data/README.md` for sources and licences):
//! - `data/countries.tsv` + `data/countries_overlay.tsv`: CLDR countries and territories;
//! - `data/geonames_places.tsv` + `data/cldr_cities.tsv`: GeoNames populated places;
//! - `data/curated/*.tsv`: people, organisations and other places (format in
//!   `data/curated/FORMAT.md`).
//!
//! Outputs in `OUT_DIR`:
//! - `entities.tsv`: one line per entity (the runtime parses it lazily, borrowing strings);
//! - `builtin.rs`: `ALIASES` (orthographic key → packed entity targets), `PREFIXES` (keys
//!   after which a longer name can continue), `MAX_WORDS`, `ENTITY_COUNT`.
//!
//! Keys are computed by the crate's own `normalize`, `token` and `keys` modules, included
//! here by path, so they are exactly what the runtime computes.

#[allow(dead_code)]
#[path = "src/demonym.rs"]
mod demonym;
#[allow(dead_code)]
#[path = "src/keys/mod.rs"]
mod keys;
#[allow(dead_code)]
#[path = "src/normalize/mod.rs"]
mod normalize;
#[allow(dead_code)]
#[path = "src/gazetteer/prior.rs"]
mod prior;
#[allow(dead_code)]
#[path = "src/token.rs"]
mod token;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Packed target flag: the alias is a short form (surname, acronym).
const SHORT_FLAG: u32 = 1 << 31;
/// Packed target flag: the key is a demonym of the entity (`الصيني` for China).
const DEMONYM_FLAG: u32 = 1 << 29;
/// Packed target flag: the alias is one everyday Arabic word that usually means something
/// else than this place (`data/place_word_ambiguity.tsv`); running text does not link it
/// without support.
const COMMON_FLAG: u32 = 1 << 30;
/// Words at least this frequent (Zipf) are function words and the most common content
/// words; a name split or joined differently than in the gazetteer may not cut through one.
const FREQUENT_ZIPF: f32 = 5.0;
/// Set in a word's `ZIPF_X100` entry when its Zipf frequency is at least [`FREQUENT_ZIPF`]
/// (Zipf × 100 stays below 1,000).
const FREQUENT_BIT: u16 = 1 << 15;
/// A place named by a word reviewed as `both` place and everyday word keeps the word as a
/// standalone name only when it is a city of at least this many people.
const BOTH_MIN_POPULATION: u64 = 1_000_000;
/// Below this population, a place whose one-word name is any of the word forms shipped in
/// `data/wordfreq_ar.tsv` (Zipf ≥ 3.5, three or more per million words) is treated as
/// that word, unless the review says the word means the place: a town that small is rarely
/// in the news, so a frequent word is far likelier to be the word.
const SMALL_PLACE_POPULATION: u64 = 100_000;

type Error = String;

/// Records the keys of every proper word prefix of a name (`شي`, `شيجين` for
/// `شي جين بينغ`): the matcher extends a window only while it is a prefix of some key.
fn insert_prefixes(words: &[String], prefixes: &mut BTreeSet<String>) {
    let mut prefix = String::new();
    for w in &words[..words.len() - 1] {
        prefix.push_str(w);
        prefixes.insert(prefix.clone());
    }
}

fn main() {
    if let Err(e) = try_main() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

#[derive(Default)]
struct Rec {
    id: String,
    kind: &'static str,
    name_ar: String,
    name_en: String,
    wikidata: String,
    country: String,
    population: u64,
    prominence: u8,
    full: Vec<String>,
    short: Vec<String>,
    /// Demonym bases (masculine singular nisba), inflected by `demonym::inflections`.
    demonyms: Vec<String>,
    /// Exact demonym forms (broken plurals): `الروس`.
    demonym_forms: Vec<String>,
}

impl Rec {
    fn add_full(&mut self, alias: &str) {
        let alias = alias.trim();
        if !alias.is_empty() && !self.full.iter().any(|a| a == alias) {
            self.full.push(alias.to_string());
        }
    }
}

/// A parsed TSV file: header names and rows, with 1-based line numbers for errors.
struct Tsv {
    path: PathBuf,
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

impl Tsv {
    fn read(path: &Path) -> Result<Tsv, Error> {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
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

fn countries(data: &Path, out: &mut Vec<Rec>) -> Result<(), Error> {
    let tsv = Tsv::read(&data.join("countries.tsv"))?;
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
    let overlay = Tsv::read(&data.join("countries_overlay.tsv"))?;
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

fn places(data: &Path, out: &mut Vec<Rec>) -> Result<(), Error> {
    let tsv = Tsv::read(&data.join("geonames_places.tsv"))?;
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
    let cities = Tsv::read(&data.join("cldr_cities.tsv"))?;
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

fn curated(data: &Path, out: &mut Vec<Rec>) -> Result<(), Error> {
    let dir = data.join("curated");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    const COLUMNS: [&str; 11] = [
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
    for file in files {
        let tsv = Tsv::read(&file)?;
        if tsv.header != COLUMNS {
            return Err(format!(
                "{}: header must be {}",
                file.display(),
                COLUMNS.join(" ")
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

/// Orthographic key → Zipf frequency (the highest of the word forms with that key).
fn word_frequencies(data: &Path) -> Result<HashMap<String, f32>, Error> {
    let tsv = Tsv::read(&data.join("wordfreq_ar.tsv"))?;
    let (word, zipf) = (tsv.col("word")?, tsv.col("zipf")?);
    let mut freq: HashMap<String, f32> = HashMap::new();
    for (n, row) in &tsv.rows {
        let z: f32 = row[zipf]
            .parse()
            .map_err(|_| format!("{}: zipf {:?}", tsv.at(*n), row[zipf]))?;
        let key = keys::ortho_key(&row[word]);
        if !key.is_empty() {
            let slot = freq.entry(key).or_insert(z);
            *slot = slot.max(z);
        }
    }
    Ok(freq)
}

/// How the review in `data/place_word_ambiguity.tsv` judged a one-word place name.
#[derive(Clone, Copy, PartialEq)]
enum Verdict {
    Place,
    Word,
    Both,
}

/// Keys reviewed in `data/place_word_ambiguity.tsv` and their verdicts.
fn ambiguous_words(data: &Path) -> Result<HashMap<String, Verdict>, Error> {
    let tsv = Tsv::read(&data.join("place_word_ambiguity.tsv"))?;
    let (key, verdict) = (tsv.col("key")?, tsv.col("verdict")?);
    let mut out = HashMap::new();
    for (n, row) in &tsv.rows {
        let k = keys::ortho_key(&row[key]);
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

/// Adds `data/demonyms.tsv`: bases to inflect and exact forms, by entity id.
fn demonyms(data: &Path, recs: &mut [Rec]) -> Result<(), Error> {
    let tsv = Tsv::read(&data.join("demonyms.tsv"))?;
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

fn check_cell(rec: &Rec, cell: &str) -> Result<(), Error> {
    if cell.contains(['\t', '\n', '\r', '|']) {
        return Err(format!(
            "entity {}: value {cell:?} holds a tab, newline or '|'",
            rec.id
        ));
    }
    Ok(())
}

fn try_main() -> Result<(), Error> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    let data = root.join("data");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);

    let mut recs = Vec::new();
    countries(&data, &mut recs)?;
    places(&data, &mut recs)?;
    curated(&data, &mut recs)?;
    demonyms(&data, &mut recs)?;

    let mut ids = std::collections::HashSet::new();
    let mut qids: HashMap<String, String> = HashMap::new();
    for rec in &recs {
        if !ids.insert(rec.id.as_str()) {
            return Err(format!("duplicate entity id {:?}", rec.id));
        }
        if !rec.wikidata.is_empty() {
            if let Some(other) = qids.insert(rec.wikidata.clone(), rec.id.clone()) {
                return Err(format!(
                    "Wikidata {} on both {} and {}",
                    rec.wikidata, other, rec.id
                ));
            }
        }
    }

    // Entity table.
    let mut table = String::new();
    for rec in &recs {
        for cell in [
            &rec.id,
            &rec.name_ar,
            &rec.name_en,
            &rec.wikidata,
            &rec.country,
        ] {
            check_cell(rec, cell)?;
        }
        for a in rec
            .full
            .iter()
            .chain(&rec.short)
            .chain(&rec.demonyms)
            .chain(&rec.demonym_forms)
        {
            check_cell(rec, a)?;
        }
        writeln!(
            table,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            rec.id,
            rec.kind,
            rec.name_ar,
            rec.name_en,
            rec.wikidata,
            rec.country,
            rec.population,
            rec.prominence,
            rec.full.join("|"),
            rec.short.join("|"),
            rec.demonyms
                .iter()
                .chain(&rec.demonym_forms)
                .cloned()
                .collect::<Vec<_>>()
                .join("|"),
        )
        .map_err(|e| e.to_string())?;
    }
    fs::write(out_dir.join("entities.tsv"), table).map_err(|e| e.to_string())?;

    let frequencies = word_frequencies(&data)?;
    let ambiguous = ambiguous_words(&data)?;

    // Alias keys → targets; prefixes of multi-word keys.
    let mut aliases: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut prefixes: BTreeSet<String> = BTreeSet::new();
    let mut max_words = 1;
    for (i, rec) in recs.iter().enumerate() {
        let index = u32::try_from(i)
            .ok()
            .filter(|&i| i < DEMONYM_FLAG)
            .ok_or("too many entities")?;
        let names = rec
            .full
            .iter()
            .map(|a| (a, 0))
            .chain(rec.short.iter().map(|a| (a, SHORT_FLAG)));
        for (alias, flag) in names {
            let words = keys::word_keys(alias);
            if words.is_empty() {
                continue;
            }
            max_words = max_words.max(words.len());
            insert_prefixes(&words, &mut prefixes);
            let key = words.concat();
            let common = rec.id.starts_with("geonames:")
                && words.len() == 1
                && match ambiguous.get(&key) {
                    Some(Verdict::Word) => true,
                    Some(Verdict::Both) => rec.population < BOTH_MIN_POPULATION,
                    Some(Verdict::Place) => false,
                    None => {
                        rec.population < SMALL_PLACE_POPULATION && frequencies.contains_key(&key)
                    }
                };
            let flag = flag | if common { COMMON_FLAG } else { 0 };
            let targets = aliases.entry(key).or_default();
            // One target per entity; a full-name reading wins over a short-form one, and a
            // reading that is not an everyday word over one that is.
            match targets
                .iter_mut()
                .find(|t| **t & !(SHORT_FLAG | COMMON_FLAG) == index)
            {
                Some(t) => *t &= flag | !(SHORT_FLAG | COMMON_FLAG),
                None => targets.push(index | flag),
            }
        }
        // Demonyms: every inflection of every base, and the exact forms. A key that is also
        // a name of the same entity stays a name (`روسيا` is Russia, not روسي + ا).
        let forms = rec
            .demonyms
            .iter()
            .flat_map(|b| demonym::inflections(b))
            .chain(rec.demonym_forms.iter().cloned());
        for form in forms {
            let words = keys::word_keys(&form);
            if words.is_empty() {
                continue;
            }
            max_words = max_words.max(words.len());
            insert_prefixes(&words, &mut prefixes);
            let targets = aliases.entry(words.concat()).or_default();
            let base = !(SHORT_FLAG | COMMON_FLAG | DEMONYM_FLAG);
            if !targets.iter().any(|t| *t & base == index) {
                targets.push(index | DEMONYM_FLAG);
            }
        }
    }

    let mut map = phf_codegen::Map::new();
    for (key, targets) in &aliases {
        let list: Vec<String> = targets.iter().map(|t| format!("{t}")).collect();
        map.entry(key.as_str(), format!("&[{}]", list.join(",")));
    }
    let mut set = phf_codegen::Set::new();
    for p in &prefixes {
        set.entry(p.as_str());
    }
    // Blocking index for fuzzy resolution: (key hash, entity), each block ordered by prior so
    // the runtime can take the most prominent entities of a large block first.
    let mut pairs: Vec<(u64, f32, u32)> = Vec::new();
    for (i, rec) in recs.iter().enumerate() {
        let p = prior::prior(
            rec.prominence,
            (rec.population > 0).then_some(rec.population),
        );
        let mut keys: Vec<u64> = rec
            .full
            .iter()
            .chain(&rec.short)
            .flat_map(|n| keys::block_keys(n))
            .collect();
        // Cross-script keys for every name, but of a GeoNames place's many Latin alternates
        // only the main English name: they are romanisations of one another.
        let geonames = rec.id.starts_with("geonames:");
        let cross = rec
            .full
            .iter()
            .chain(&rec.short)
            .filter(|n| !geonames || !n.is_ascii() || **n == rec.name_en);
        keys.extend(cross.flat_map(|n| keys::xkey_block_keys(n)));
        keys.sort_unstable();
        keys.dedup();
        pairs.extend(keys.into_iter().map(|k| (k, p, i as u32)));
    }
    pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    pairs.dedup_by(|a, b| a.0 == b.0 && a.2 == b.2);
    let (mut block_keys, mut offsets, mut postings) =
        (Vec::<u8>::new(), Vec::<u8>::new(), Vec::<u8>::new());
    let mut last: Option<u64> = None;
    let mut count: u32 = 0;
    for &(k, _, i) in &pairs {
        if last != Some(k) {
            block_keys.extend_from_slice(&k.to_le_bytes());
            offsets.extend_from_slice(&count.to_le_bytes());
            last = Some(k);
        }
        postings.extend_from_slice(&i.to_le_bytes());
        count += 1;
    }
    offsets.extend_from_slice(&count.to_le_bytes());
    for (name, bytes) in [
        ("blocks_keys.bin", &block_keys),
        ("blocks_offsets.bin", &offsets),
        ("blocks_postings.bin", &postings),
    ] {
        fs::write(out_dir.join(name), bytes).map_err(|e| e.to_string())?;
    }

    // The words of names that running text also uses as everyday words (without the
    // article): a fuzzy window holding any other everyday word cannot match a name.
    let mut everyday_name_words: BTreeSet<String> = BTreeSet::new();
    for rec in &recs {
        let names = [&rec.name_ar, &rec.name_en]
            .into_iter()
            .chain(&rec.full)
            .chain(&rec.short);
        for word in names.flat_map(|n| keys::word_keys(n)) {
            let bare = keys::without_article(&word);
            if frequencies.contains_key(bare) || frequencies.contains_key(&format!("ال{bare}")) {
                everyday_name_words.insert(bare.to_string());
            }
        }
    }
    let mut everyday_names = phf_codegen::Set::new();
    for w in &everyday_name_words {
        everyday_names.entry(w.as_str());
    }
    // One map for a word's Zipf frequency and whether it is one of the most frequent words:
    // running text asks both of most words, and a perfect-hash probe is the cost.
    let mut zipf = phf_codegen::Map::new();
    for (key, z) in &frequencies {
        let flag = if *z >= FREQUENT_ZIPF { FREQUENT_BIT } else { 0 };
        zipf.entry(
            key.as_str(),
            format!("{}", (z * 100.0).round() as u16 | flag),
        );
    }
    let mut code = fs::File::create(out_dir.join("builtin.rs")).map_err(|e| e.to_string())?;
    let write =
        |code: &mut fs::File, s: String| code.write_all(s.as_bytes()).map_err(|e| e.to_string());
    write(
        &mut code,
        "// Generated by build.rs from data/: do not edit.\n".into(),
    )?;
    write(
        &mut code,
        format!("pub(crate) const ENTITY_COUNT: usize = {};\n", recs.len()),
    )?;
    write(
        &mut code,
        format!("pub(crate) const MAX_WORDS: usize = {max_words};\n"),
    )?;
    write(
        &mut code,
        format!("pub(crate) const SHORT_FLAG: u32 = {SHORT_FLAG};\n"),
    )?;
    write(
        &mut code,
        format!("pub(crate) const COMMON_FLAG: u32 = {COMMON_FLAG};\n"),
    )?;
    write(
        &mut code,
        format!("pub(crate) const DEMONYM_FLAG: u32 = {DEMONYM_FLAG};\n"),
    )?;
    for (name, file) in [
        ("BLOCK_KEYS", "blocks_keys.bin"),
        ("BLOCK_OFFSETS", "blocks_offsets.bin"),
        ("BLOCK_POSTINGS", "blocks_postings.bin"),
    ] {
        write(
            &mut code,
            format!(
                "pub(crate) static {name}: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{file}\"));\n"
            ),
        )?;
    }
    write(
        &mut code,
        "pub(crate) static ENTITY_TABLE: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/entities.tsv\"));\n".into(),
    )?;
    write(
        &mut code,
        format!(
            "pub(crate) static ALIASES: phf::Map<&'static str, &'static [u32]> = {};\n",
            map.build()
        ),
    )?;
    write(
        &mut code,
        format!(
            "pub(crate) static PREFIXES: phf::Set<&'static str> = {};\n",
            set.build()
        ),
    )?;
    write(
        &mut code,
        format!("pub(crate) const FREQUENT_BIT: u16 = {FREQUENT_BIT};\n"),
    )?;
    write(
        &mut code,
        format!(
            "pub(crate) static ZIPF_X100: phf::Map<&'static str, u16> = {};\n",
            zipf.build()
        ),
    )?;
    write(
        &mut code,
        format!(
            "pub(crate) static EVERYDAY_NAME_WORDS: phf::Set<&'static str> = {};\n",
            everyday_names.build()
        ),
    )?;
    println!("cargo:rerun-if-changed=build.rs");
    for f in [
        "src/normalize",
        "src/token.rs",
        "src/keys",
        "src/demonym.rs",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    Ok(())
}
