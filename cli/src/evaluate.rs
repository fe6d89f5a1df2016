//! Scores mention finding against a gold folder laid out like `../shared/eval/seeds/`:
//! the texts (`*.txt`), `mentions.tsv` (file, start, end in characters, surface, entity_id,
//! kind_of_mention) and `entities.tsv` (id, type, qid, ar, en, …, optional).
//!
//! ```text
//! tawfiq evaluate GOLD_DIR [--kinds name,partial,latin] [--with-optional] [--errors]
//!     [--min-f1 F] [--min-precision P] [--min-recall R] [--min-unknown-recall R]
//!     [--max-pieces N] [--gazetteer PATH]... [--no-builtin] [--threads N]
//! ```
//!
//! Prints precision, recall and F1 per kind of mention and for the kinds chosen with
//! `--kinds` together (default `name,partial,latin`), both **strict** (same span, same
//! entity) and **lenient** (overlapping span, same entity). Mentions of optional gold
//! entities are left out unless `--with-optional`; a prediction overlapping a gold mention
//! that is left out counts neither way. `--errors` lists false positives and misses.
//! `--min-f1 F` exits with status 1 when the lenient F1 of the chosen kinds is below F
//! (the CI regression floor).
//!
//! Gold entities are aligned with tawfiq's entities by Wikidata QID, else by equal id, else
//! by the English label (among the entities with that English name or Latin alias, the one
//! that has the gold's Arabic label among its names, then the one whose English name it is,
//! then the best prior; the Arabic label only chooses between namesakes, it never aligns on
//! its own: `Mecca` is Makkah, not the town in California; a first-level division whose
//! label carries its kind, `Wasit Governorate`, `Al Anbar Governorate`, `Kano State`, by
//! the division's own name, `Wasit`, among divisions only). A gold entity with no tawfiq
//! entity is *unknown*: a mention of it is found by an unlinked mention of the same kind
//! (person, place, organisation) whose span overlaps it (strict: the same span). Gold
//! entities of type `event` are left out.
//!
//! Also printed: the recall of mentions of unknown entities, and the *pieces*: linked
//! mentions whose span lies strictly inside a gold mention of another entity (`مدريد` linked
//! to Madrid inside `ريال مدريد`) and overlaps no gold mention of its own (the gold
//! annotates a place inside an event's name as well), which must not happen. Floors for CI: `--min-f1`,
//! `--min-precision`, `--min-recall` (lenient, the chosen kinds), `--min-unknown-recall`,
//! `--max-pieces`; the run exits with status 1 when one is not met.

use crate::common::{self, Common};

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::exit;

use clap::Args;
use tawfiq::keys::ortho_key;
use tawfiq::{MatchKind, Matcher};

/// Score mention finding against a gold folder: precision, recall, F1.
///
/// The folder holds the texts (*.txt), mentions.tsv (file, start, end in characters,
/// surface, entity_id, kind_of_mention) and entities.tsv (id, type, qid, en, optional, …).
/// Prints precision, recall and F1 per kind of mention and for the kinds chosen together,
/// lenient (overlapping span, same entity) and strict (same span); the recall of mentions
/// of entities tawfiq does not know (found by an unlinked mention of the same kind); and
/// the pieces of longer names linked to another entity. Files are UTF-8; a byte-order mark
/// at the start of one is dropped.
#[derive(Args, Debug)]
#[command(after_help = AFTER_HELP)]
pub struct Options {
    /// The gold folder
    #[arg(value_name = "GOLD_DIR")]
    dir: PathBuf,
    /// Kinds of mention scored together
    #[arg(long, value_name = "KIND,...", value_delimiter = ',',
          value_parser = clap::builder::PossibleValuesParser::new(KINDS),
          default_value = "name,partial,latin")]
    kinds: Vec<String>,
    /// Score the mentions of optional gold entities too
    #[arg(long)]
    with_optional: bool,
    /// List the false positives and misses
    #[arg(long)]
    errors: bool,
    /// Exit with status 1 when the lenient F1 of the chosen kinds is below F
    #[arg(long, value_name = "F")]
    min_f1: Option<f64>,
    /// Exit with status 1 when their lenient precision is below P
    #[arg(long, value_name = "P")]
    min_precision: Option<f64>,
    /// Exit with status 1 when their lenient recall is below R
    #[arg(long, value_name = "R")]
    min_recall: Option<f64>,
    /// Exit with status 1 when the recall of unknown entities' mentions is below R
    #[arg(long, value_name = "R")]
    min_unknown_recall: Option<f64>,
    /// Exit with status 1 when more than N pieces of longer names are linked
    #[arg(long, value_name = "N")]
    max_pieces: Option<f64>,
    #[command(flatten)]
    common: Common,
}

const AFTER_HELP: &str = "Exit status:
  0  every floor given is met
  1  a floor (--min-*, --max-pieces) is not met
  2  the run could not start or go on (a bad argument, an unreadable or malformed gold file)";
const KINDS: [&str; 4] = ["name", "partial", "latin", "demonym"];

struct GoldEntity {
    qid: String,
    /// The Arabic label.
    ar: String,
    en: String,
    /// `person`, `place`, `organisation` or `event`.
    kind: String,
    optional: bool,
}

struct GoldMention {
    file: String,
    start: usize,
    end: usize,
    surface: String,
    entity: String,
    kind: String,
}

struct Predicted {
    file: String,
    start: usize,
    end: usize,
    surface: String,
    /// The linked entity's id, empty for an unlinked mention.
    entity: String,
    /// `person`, `place` or `organisation`.
    mention_kind: &'static str,
    kind: &'static str,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp_pred: usize,
    pred: usize,
    tp_gold: usize,
    gold: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let p = if self.pred == 0 {
            1.0
        } else {
            self.tp_pred as f64 / self.pred as f64
        };
        let r = if self.gold == 0 {
            1.0
        } else {
            self.tp_gold as f64 / self.gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

fn read_tsv(path: &Path) -> Vec<HashMap<String, String>> {
    let text = common::utf8(
        std::fs::read(path).unwrap_or_else(|e| common::fail(&format!("{}: {e}", path.display()))),
        &path.display().to_string(),
    )
    .unwrap_or_else(|e| common::fail(&e));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            header
                .iter()
                .map(|h| h.to_string())
                .zip(l.split('\t').map(str::to_string))
                .collect()
        })
        .collect()
}

/// Words that end an English label of a first-level division.
const DIVISION_WORDS: &[&str] = &[
    " Governorate",
    " State",
    " Province",
    " Region",
    " Prefecture",
    " Oblast",
];

/// Is `name` written in Latin letters, accents and all (CLDR's `Uttarākhand`, which the
/// key folds to gold's `Uttarakhand`)? Names in Arabic script are not English labels.
fn is_latin(name: &str) -> bool {
    !name.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// A label without the qualifier in parentheses at its end (`Marib (city)`, `House of
/// Representatives (Jordan)`), if it has one: gold and gazetteer qualify names each in their
/// own way, and the Arabic label chooses between the namesakes left.
fn without_qualifier(label: &str) -> Option<&str> {
    let open = label.strip_suffix(')')?.rfind('(')?;
    let bare = label[..open].trim_end();
    (!bare.is_empty()).then_some(bare)
}

/// Maps gold entity ids to tawfiq entity ids (see the module documentation).
fn align(gold: &BTreeMap<String, GoldEntity>, matcher: &Matcher) -> HashMap<String, String> {
    let mut by_qid = HashMap::new();
    // English label → the entities with that name, each with (is the canonical English name,
    // prior, id) and its Arabic names folded.
    type Labelled = ((bool, f32, String), Vec<String>);
    let mut by_label: HashMap<String, Vec<Labelled>> = HashMap::new();
    for e in matcher.entities() {
        if let Some(q) = &e.wikidata {
            by_qid.insert(q.to_string(), e.id.to_string());
        }
        let prior = e.prior();
        let latin = std::iter::once((true, e.name_en.as_ref()))
            .chain(e.aliases.iter().map(|a| (false, a.as_ref())))
            .filter(|(_, a)| is_latin(a));
        let arabic = || {
            std::iter::once(e.name_ar.as_ref())
                .chain(e.aliases.iter().map(|a| a.as_ref()))
                .filter(|a| !is_latin(a))
                .map(ortho_key)
                .collect::<Vec<_>>()
        };
        for (canonical, name) in latin {
            let mut keys = vec![ortho_key(name)];
            if let Some(bare) = without_qualifier(name) {
                keys.push(ortho_key(bare));
            }
            for key in keys {
                let slot = by_label.entry(key).or_default();
                if !slot.iter().any(|x| x.0.2 == e.id) {
                    slot.push(((canonical, prior, e.id.to_string()), arabic()));
                }
            }
        }
    }
    // First-level divisions (`iso:` ids) by English name: CLDR writes `Wasit` where gold
    // writes `Wasit Governorate`. Only divisions: `Khartoum` is also the city.
    let mut divisions: HashMap<String, String> = HashMap::new();
    for e in matcher.entities().filter(|e| e.id.starts_with("iso:")) {
        let latin = std::iter::once(e.name_en.as_ref()).chain(e.aliases.iter().map(|a| a.as_ref()));
        for name in latin.filter(|a| is_latin(a)) {
            divisions
                .entry(ortho_key(name))
                .or_insert_with(|| e.id.to_string());
        }
    }
    let division = |en: &str| {
        let bare = DIVISION_WORDS
            .iter()
            .find_map(|w| en.strip_suffix(w))?
            .trim_end();
        let bare = bare.strip_prefix("Al ").unwrap_or(bare);
        divisions.get(&ortho_key(bare)).cloned()
    };
    // By English label: the entity that has the gold's Arabic label too (`Mecca` is Makkah,
    // `مكة المكرمة`, not the town in California whose English name it is), then the canonical
    // English name over an alias, then the better prior.
    let label = |g: &GoldEntity| {
        let ar = ortho_key(&g.ar);
        by_label
            .get(&ortho_key(&g.en))
            .or_else(|| by_label.get(&ortho_key(without_qualifier(&g.en)?)))?
            .iter()
            .max_by(|a, b| {
                let key = |x: &Labelled| (x.1.contains(&ar), x.0.0, x.0.1);
                let (ka, kb) = (key(a), key(b));
                (ka.0, ka.1)
                    .cmp(&(kb.0, kb.1))
                    .then(ka.2.total_cmp(&kb.2))
                    .then(b.0.2.cmp(&a.0.2))
            })
            .map(|x| x.0.2.clone())
    };
    let mut map = HashMap::new();
    for (id, g) in gold {
        let found = by_qid
            .get(&g.qid)
            .cloned()
            .or_else(|| matcher.entity_by_id(id).map(|e| e.id.to_string()))
            .or_else(|| label(g))
            .or_else(|| (g.kind == "place").then(|| division(&g.en)).flatten());
        if let Some(ours) = found {
            map.insert(id.clone(), ours);
        }
    }
    map
}

/// Our own kind for a prediction that overlaps no gold mention.
fn kind_of(m: &tawfiq::Mention) -> &'static str {
    if m.how.kind == MatchKind::Demonym {
        "demonym"
    } else if m.surface.chars().any(|c| c.is_ascii_alphabetic()) {
        "latin"
    } else if m.how.kind == MatchKind::ShortForm {
        "partial"
    } else {
        "name"
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Runs the command.
pub fn run(options: Options) {
    let Options {
        dir,
        kinds: chosen,
        with_optional,
        errors: show_errors,
        common,
        ..
    } = &options;
    let (with_optional, show_errors) = (*with_optional, *show_errors);
    let floors: BTreeMap<&str, f64> = [
        ("min-f1", options.min_f1),
        ("min-precision", options.min_precision),
        ("min-recall", options.min_recall),
        ("min-unknown-recall", options.min_unknown_recall),
        ("max-pieces", options.max_pieces),
    ]
    .into_iter()
    .filter_map(|(name, floor)| Some((name, floor?)))
    .collect();
    let matcher = common::build_matcher(common);

    let gold_entities: BTreeMap<String, GoldEntity> = read_tsv(&dir.join("entities.tsv"))
        .into_iter()
        .map(|r| {
            let g = GoldEntity {
                qid: r.get("qid").cloned().unwrap_or_default(),
                ar: r.get("ar").cloned().unwrap_or_default(),
                en: r.get("en").cloned().unwrap_or_default(),
                kind: r.get("type").cloned().unwrap_or_default(),
                optional: r.get("optional").is_some_and(|o| o == "yes"),
            };
            (r.get("id").cloned().unwrap_or_default(), g)
        })
        .collect();
    let alignment = align(&gold_entities, &matcher);
    let unaligned: Vec<&String> = gold_entities
        .iter()
        .filter(|(id, g)| !g.optional && !alignment.contains_key(*id))
        .map(|(id, _)| id)
        .collect();

    let mut gold: Vec<GoldMention> = Vec::new();
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    for r in read_tsv(&dir.join("mentions.tsv")) {
        let file = r["file"].clone();
        let text = texts
            .entry(file.clone())
            .or_insert_with(|| common::read_text(&dir.join(&file).display().to_string()));
        let char_to_byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
        let (cs, ce): (usize, usize) = (
            r["start"].parse().unwrap_or(0),
            r["end"].parse().unwrap_or(0),
        );
        let (start, end) = (char_to_byte(cs), char_to_byte(ce));
        if text.get(start..end) != Some(r["surface"].as_str()) {
            common::fail(&format!(
                "{file}:{cs}-{ce}: the gold surface {:?} is not at its offsets",
                r["surface"]
            ));
        }
        gold.push(GoldMention {
            file,
            start,
            end,
            surface: r["surface"].clone(),
            entity: r["entity_id"].clone(),
            kind: r["kind_of_mention"].clone(),
        });
    }
    // Texts without gold mentions are scored too: everything found there is a false positive.
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| common::fail(&format!("{}: {e}", dir.display())))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for f in &files {
        let name = f
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        texts
            .entry(name)
            .or_insert_with(|| common::read_text(&f.display().to_string()));
    }

    let gold_kind = |g: &GoldMention| gold_entities.get(&g.entity).map_or("", |e| e.kind.as_str());
    let is_scored = |g: &GoldMention| {
        gold_kind(g) != "event"
            && (with_optional || !gold_entities.get(&g.entity).is_some_and(|e| e.optional))
    };
    let mut predicted = Vec::new();
    let all: Vec<&String> = texts.values().collect();
    for (file, found) in texts.keys().zip(matcher.find_batch(&all)) {
        for m in found {
            predicted.push(Predicted {
                file: file.clone(),
                start: m.start,
                end: m.end,
                surface: m.surface.to_string(),
                entity: m.entity_id().unwrap_or_default().to_string(),
                mention_kind: m.kind.as_str(),
                kind: kind_of(&m),
            });
        }
    }

    let ours = |g: &GoldMention| alignment.get(&g.entity).cloned().unwrap_or_default();
    // A prediction names a gold mention's entity: the same tawfiq entity, or, for an entity
    // tawfiq does not know, an unlinked mention of the same kind.
    let names = |p: &Predicted, g: &GoldMention| match alignment.get(&g.entity) {
        Some(id) => p.entity == *id,
        None => p.entity.is_empty() && p.mention_kind == gold_kind(g),
    };
    let mut report: BTreeMap<(&str, bool), Counts> = BTreeMap::new();
    let mut errors: Vec<String> = Vec::new();
    for strict in [false, true] {
        let same_span = |p: &Predicted, g: &GoldMention| {
            p.file == g.file
                && if strict {
                    (p.start, p.end) == (g.start, g.end)
                } else {
                    overlaps((p.start, p.end), (g.start, g.end))
                }
        };
        // Gold side: is each gold mention found?
        for g in gold.iter().filter(|g| is_scored(g)) {
            let hit = predicted.iter().any(|p| same_span(p, g) && names(p, g));
            for k in [g.kind.as_str(), "chosen"] {
                if k == "chosen" && !chosen.contains(&g.kind) {
                    continue;
                }
                let c = report.entry((k, strict)).or_default();
                c.gold += 1;
                c.tp_gold += usize::from(hit);
            }
            if !hit && chosen.contains(&g.kind) {
                let near = predicted.iter().find(|p| {
                    p.file == g.file && overlaps((p.start, p.end), (g.start, g.end)) && names(p, g)
                });
                match (strict, near) {
                    (false, _) => errors.push(format!(
                        "miss {}:{}-{} {} [{}] {}",
                        g.file, g.start, g.end, g.surface, g.kind, g.entity
                    )),
                    (true, Some(p)) => errors.push(format!(
                        "span {}:{}-{} {} (gold {}-{} {})",
                        p.file, p.start, p.end, p.surface, g.start, g.end, g.surface
                    )),
                    (true, None) => {}
                }
            }
        }
        // Prediction side: is each prediction right?
        for p in &predicted {
            let overlapping: Vec<&GoldMention> = gold
                .iter()
                .filter(|g| p.file == g.file && overlaps((p.start, p.end), (g.start, g.end)))
                .collect();
            let right = overlapping.iter().find(|g| same_span(p, g) && names(p, g));
            let kind = right
                .or(overlapping.first())
                .map_or(p.kind, |g| g.kind.as_str());
            // Predictions on mentions that are not scored (optional entities) count neither way.
            if right.is_some_and(|g| !is_scored(g))
                || (right.is_none() && overlapping.iter().any(|g| !is_scored(g)))
            {
                continue;
            }
            for k in [kind, "chosen"] {
                if k == "chosen" && !chosen.iter().any(|c| c == kind) {
                    continue;
                }
                let c = report.entry((k, strict)).or_default();
                c.pred += 1;
                c.tp_pred += usize::from(right.is_some());
            }
            if right.is_none() && !strict && chosen.iter().any(|c| c == kind) {
                let note = overlapping.first().map_or(String::new(), |g| {
                    format!(" (gold {} {})", g.surface, g.entity)
                });
                errors.push(format!(
                    "false {}:{}-{} {} → {}{}",
                    p.file, p.start, p.end, p.surface, p.entity, note
                ));
            }
        }
    }

    // Mentions of entities tawfiq does not know, found (lenient) by an unlinked mention.
    let mut unknown = Counts::default();
    for g in gold
        .iter()
        .filter(|g| is_scored(g) && chosen.contains(&g.kind))
    {
        if alignment.contains_key(&g.entity) {
            continue;
        }
        unknown.gold += 1;
        let hit = predicted.iter().any(|p| {
            p.file == g.file && overlaps((p.start, p.end), (g.start, g.end)) && names(p, g)
        });
        unknown.tp_gold += usize::from(hit);
    }
    // Pieces: a linked mention strictly inside a gold mention of another entity, and no
    // gold mention of its own (the gold annotates a place inside an event's name too:
    // `القاهرة` in `مهرجان القاهرة السينمائي`).
    let mut pieces: Vec<String> = Vec::new();
    let nested = |p: &Predicted| {
        gold.iter().any(|g| {
            g.file == p.file && overlaps((p.start, p.end), (g.start, g.end)) && ours(g) == p.entity
        })
    };
    for p in predicted
        .iter()
        .filter(|p| !p.entity.is_empty() && !nested(p))
    {
        let inside = gold.iter().find(|g| {
            g.file == p.file
                && g.start <= p.start
                && p.end <= g.end
                && (g.start, g.end) != (p.start, p.end)
                && ours(g) != p.entity
        });
        if let Some(g) = inside {
            pieces.push(format!(
                "piece {}:{}-{} {} → {} inside {} [{}]",
                p.file, p.start, p.end, p.surface, p.entity, g.surface, g.entity
            ));
        }
    }
    println!(
        "gold: {} ({} files); kinds scored together: {}",
        dir.display(),
        texts.len(),
        chosen.join("+")
    );
    if !unaligned.is_empty() {
        println!(
            "gold entities with no tawfiq entity: {}",
            unaligned
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    println!(
        "{:<22} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}",
        "kind", "gold", "pred", "P", "R", "F1", "P", "R", "F1"
    );
    println!(
        "{:<22} {:>6} {:>6} | {:^20} | {:^20}",
        "", "", "", "lenient", "strict"
    );
    let label = format!("{} (together)", chosen.join("+"));
    let mut rows: Vec<(&str, String)> = KINDS.iter().map(|k| (*k, k.to_string())).collect();
    rows.push(("chosen", label));
    for (k, name) in &rows {
        let l = report.get(&(*k, false)).copied().unwrap_or_default();
        let s = report.get(&(*k, true)).copied().unwrap_or_default();
        let show = |c: Counts| {
            let (p, r, f) = c.prf();
            // Precision of nothing predicted is undefined, not perfect.
            let p = if c.pred == 0 {
                "-".to_string()
            } else {
                format!("{p:.3}")
            };
            format!("{p:>6} {r:>6.3} {f:>6.3}")
        };
        println!(
            "{name:<22} {:>6} {:>6} | {} | {}",
            l.gold,
            l.pred,
            show(l),
            show(s)
        );
    }
    let unknown_recall = unknown.prf().1;
    println!(
        "mentions of entities tawfiq does not know: {} of {} found unlinked (recall {:.3})",
        unknown.tp_gold, unknown.gold, unknown_recall
    );
    println!("pieces of longer names linked: {}", pieces.len());
    if show_errors {
        errors.extend(pieces.iter().cloned());
        errors.sort();
        errors.dedup();
        for e in &errors {
            println!("{e}");
        }
    }
    let (p, r, f) = report
        .get(&("chosen", false))
        .copied()
        .unwrap_or_default()
        .prf();
    let mut failed = false;
    for (name, floor) in &floors {
        let (value, ok) = match *name {
            "min-f1" => (f, f >= *floor),
            "min-precision" => (p, p >= *floor),
            "min-recall" => (r, r >= *floor),
            "min-unknown-recall" => (unknown_recall, unknown_recall >= *floor),
            _ => (pieces.len() as f64, pieces.len() as f64 <= *floor),
        };
        if ok {
            println!("ok: {name} {value:.3} (floor {floor:.3})");
        } else {
            eprintln!("FAIL: {name} {value:.3}, floor {floor:.3}");
            failed = true;
        }
    }
    if failed {
        exit(1);
    }
}
