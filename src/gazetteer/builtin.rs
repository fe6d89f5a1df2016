//! The built-in gazetteer: a binary image `build.rs` compiles from `data/` (feature
//! `builtin`), read in place.
//!
//! The lookup tables are searched in the image itself: no start-up work beyond reading its
//! directory. Entity records are decoded on first use; their strings borrow from the image.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::{Entity, EntityKind};
use crate::text::image::{EntityRecord, EntityTableRef};
use crate::text::table::TablesRef;

/// The image `build.rs` writes.
#[cfg(feature = "builtin")]
static IMAGE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));
#[cfg(not(feature = "builtin"))]
static IMAGE: &[u8] = &[];

/// The image's tables and entity table, read once.
struct Builtin {
    tables: TablesRef,
    entities: EntityTableRef<'static>,
}

#[inline]
fn image() -> Option<&'static Builtin> {
    static BUILTIN: OnceLock<Option<Builtin>> = OnceLock::new();
    BUILTIN
        .get_or_init(|| {
            if !cfg!(feature = "builtin") {
                return None;
            }
            let image =
                crate::text::image::Image::new(crate::text::image::Bytes::from_static(IMAGE))
                    .expect("build.rs writes a valid gazetteer image");
            let entities = image
                .section(crate::text::image::ENTITIES)
                .and_then(|b| b.as_static())
                .and_then(EntityTableRef::new)
                .expect("the image has an entity table");
            let tables = TablesRef::new(&image).expect("the image has its tables");
            Some(Builtin { tables, entities })
        })
        .as_ref()
}

/// Is the built-in gazetteer compiled in (feature `builtin`)?
pub(crate) fn is_available() -> bool {
    image().is_some()
}

/// The lookup tables, when the built-in gazetteer is compiled in.
pub(crate) fn tables() -> Option<&'static TablesRef> {
    image().map(|b| &b.tables)
}

/// Number of built-in entities (0 without the feature), without decoding them.
#[inline]
pub(crate) fn len() -> usize {
    image().map_or(0, |b| b.entities.len())
}

/// The entity records, decoded once.
#[inline]
pub(crate) fn entities() -> &'static [Entity] {
    static ENTITIES: OnceLock<Vec<Entity>> = OnceLock::new();
    ENTITIES.get_or_init(|| match image() {
        Some(b) => b.entities.records().map(entity).collect(),
        None => Vec::new(),
    })
}

fn list(cells: Vec<&'static str>) -> Vec<Cow<'static, str>> {
    cells.into_iter().map(Cow::Borrowed).collect()
}

fn optional(cell: &'static str) -> Option<Cow<'static, str>> {
    (!cell.is_empty()).then_some(Cow::Borrowed(cell))
}

fn entity(r: EntityRecord<'static>) -> Entity {
    Entity {
        id: Cow::Borrowed(r.id),
        kind: match r.kind {
            0 => EntityKind::Person,
            2 => EntityKind::Organisation,
            _ => EntityKind::Place,
        },
        name_ar: Cow::Borrowed(r.name_ar),
        name_en: Cow::Borrowed(r.name_en),
        wikidata: optional(r.wikidata),
        country: optional(r.country),
        population: (r.population > 0).then_some(r.population),
        prominence: r.prominence,
        aliases: list(r.aliases),
        short: list(r.short),
        demonyms: list(r.demonyms),
    }
}

#[cfg(all(test, feature = "builtin"))]
mod tests {
    use super::*;
    use crate::keys::ortho_key;
    use crate::text::source::Source;
    use crate::text::table::ENTITY_MASK;

    #[test]
    fn keys_are_stored_normalised() {
        let t = tables().unwrap();
        let mut n = 0;
        for key in t.alias_keys() {
            assert_eq!(
                ortho_key(key),
                key,
                "help: build.rs stored an unnormalised key"
            );
            let targets: Vec<u32> = t.targets(key).collect();
            assert!(!targets.is_empty());
            assert!(
                targets
                    .iter()
                    .all(|&x| ((x & ENTITY_MASK) as usize) < len())
            );
            n += 1;
        }
        assert!(n > 100_000, "{n} alias keys");
    }

    /// `admin1_news_spellings.tsv` gives divisions the names news writes, and leaves the
    /// bare name of a division named like its city to the city.
    #[test]
    fn divisions_take_the_spellings_of_the_news() {
        let m = crate::Matcher::builtin();
        for (name, id) in [
            ("أوتارخاند", "iso:IN-UK"),
            ("تيلانجانا", "iso:IN-TS"),
            ("غرب البنغال", "iso:IN-WB"),
        ] {
            let got = m.resolve(name);
            assert_eq!(got.entity().map(|e| e.id.as_ref()), Some(id), "{name}");
        }
        // In running text too.
        let text = "وضربت الفيضانات مقاطعة هوبي، وزار الوزير ولاية سوكوتو.";
        let ids: Vec<_> = m.find_iter(text).map(|f| f.entity_id()).collect();
        assert_eq!(ids, [Some("iso:CN-HB"), Some("iso:NG-SO")]);
        let shanghai = m.resolve("شنغهاي");
        assert!(
            shanghai
                .entity()
                .is_some_and(|e| e.id.starts_with("geonames:"))
        );
    }

    #[test]
    fn entity_table_parses() {
        assert_eq!(entities().len(), len());
        assert!(entities().iter().all(|e| !e.id.is_empty()));
    }

    /// The image holds exactly what the builder makes from `data/` when run now: the
    /// entities, and tables that are what a user gazetteer of the same names would get.
    #[test]
    fn image_equals_the_tables_built_from_data() {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let source = Source::read(&data).expect("data/ reads");
        let records: Vec<_> = source.recs.iter().map(|r| r.record()).collect();
        let decoded: Vec<_> = image().unwrap().entities.records().collect();
        assert!(
            decoded == records,
            "help: the entity table is stale; rebuild"
        );
        if let Some(d) = tables().unwrap().difference(&source.tables()) {
            panic!("help: the image differs from the builder's tables: {d}");
        }
    }
}
