//! User gazetteers: TSV and JSON obey the same rules, and every broken rule is an error
//! that says where (`file:line:column`, once) and what. One case per rule, in both formats.

use std::path::PathBuf;

use proptest::prelude::*;
use tawfiq::{BuildError, EntityKind, Gazetteer, GazetteerError, MatcherBuilder};

const KNOWN_COLUMNS: &str =
    "id, kind, name, name_ar, name_en, wikidata, country, population, prominence, short";
const KNOWN_FIELDS: &str = "id, kind, name_ar, name_en, aliases, short, demonyms, wikidata, country, population, prominence";

/// A rule broken in both formats: the TSV text and its error, the JSON text, where in it the
/// error must point (the last occurrence of `json_at`) and what it must say.
struct Case {
    rule: &'static str,
    tsv: &'static str,
    tsv_error: String,
    json: &'static str,
    json_at: &'static str,
    json_message: String,
}

/// `line:column` (1-based, columns in characters) of the last `needle` in `text`.
fn position_of(text: &str, needle: &str) -> String {
    let offset = text.rfind(needle).expect("the needle is in the text");
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    format!("{line}:{column}")
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            rule: "a misspelt field",
            tsv: "id\tkind\tname\tnmae_en\nx\tperson\tفلان\tFulan\n",
            tsv_error: format!(
                "<input>:1:4: unknown column \"nmae_en\" (did you mean \"name_en\"?); the known columns are {KNOWN_COLUMNS}"
            ),
            json: r#"[{"id": "x", "kind": "person", "name_ar": "فلان", "nmae_en": "Fulan"}]"#,
            json_at: "\"nmae_en\"",
            json_message: format!(
                "unknown field \"nmae_en\" (did you mean \"name_en\"?); the known fields are {KNOWN_FIELDS}"
            ),
        },
        Case {
            rule: "an unknown field with nothing close",
            tsv: "id\tkind\tname\tcolour\n",
            tsv_error: format!("<input>:1:4: unknown column \"colour\"; the known columns are {KNOWN_COLUMNS}"),
            json: r#"[{"id": "x", "colour": "red"}]"#,
            json_at: "\"colour\"",
            json_message: format!("unknown field \"colour\"; the known fields are {KNOWN_FIELDS}"),
        },
        Case {
            rule: "a field given twice",
            tsv: "id\tkind\tname\tname\nx\tperson\tفلان\tFulan\n",
            tsv_error: "<input>:1:4: duplicate column \"name\" (also column 3)".into(),
            json: "[{\"id\": \"x\", \"kind\": \"person\",\n  \"name_en\": \"Fulan\", \"name_en\": \"Fulan B\"}]",
            json_at: "\"name_en\"",
            json_message: "duplicate field \"name_en\" (also at line 2, column 3)".into(),
        },
        Case {
            rule: "one id with two kinds",
            tsv: "id\tkind\tname\nx\tperson\tفلان\nx\tplace\tفلان\n",
            tsv_error: "<input>:3:2: entity \"x\" is person on line 2, place here".into(),
            json: "[{\"id\": \"x\", \"kind\": \"person\", \"aliases\": [\"فلان\"]},\n {\"id\": \"x\", \"kind\": \"place\", \"aliases\": [\"فلان\"]}]",
            json_at: "\"place\"",
            json_message: "entity \"x\" is person on line 1, place here".into(),
        },
        Case {
            rule: "one id with two values of a single field",
            tsv: "id\tkind\tname\twikidata\nx\tperson\tفلان\tQ1\nx\tperson\tFulan\tQ2\n",
            tsv_error: "<input>:3:4: entity \"x\" has wikidata \"Q1\" on line 2, \"Q2\" here".into(),
            json: "[{\"id\": \"x\", \"kind\": \"person\", \"name_ar\": \"فلان\", \"wikidata\": \"Q1\"},\n {\"id\": \"x\", \"kind\": \"person\", \"wikidata\": \"Q2\", \"aliases\": [\"Fulan\"]}]",
            json_at: "\"Q2\"",
            json_message: "entity \"x\" has wikidata \"Q1\" on line 1, \"Q2\" here".into(),
        },
        Case {
            rule: "prominence out of range",
            tsv: "id\tkind\tname\tprominence\nx\tperson\tفلان\t200\n",
            tsv_error: "<input>:2:4: prominence \"200\" is not a whole number from 0 to 5".into(),
            json: r#"[{"id": "x", "kind": "person", "name_ar": "فلان", "prominence": 200}]"#,
            json_at: "200",
            json_message: "prominence \"200\" is not a whole number from 0 to 5".into(),
        },
        Case {
            rule: "a population that is not a whole number",
            tsv: "id\tkind\tname\tpopulation\nx\tplace\tقرية\t-12\n",
            tsv_error: "<input>:2:4: population \"-12\" is not a whole number (0 or more)".into(),
            json: r#"[{"id": "x", "kind": "place", "name_ar": "قرية", "population": -12}]"#,
            json_at: "-12",
            json_message: "population \"-12\" is not a whole number (0 or more)".into(),
        },
        Case {
            rule: "a malformed wikidata QID",
            tsv: "id\tkind\tname\twikidata\nx\tperson\tفلان\t7747\n",
            tsv_error: "<input>:2:4: wikidata \"7747\" is not a Wikidata QID (Q and a number, as in Q7747)".into(),
            json: r#"[{"id": "x", "kind": "person", "name_ar": "فلان", "wikidata": "7747"}]"#,
            json_at: "\"7747\"",
            json_message: "wikidata \"7747\" is not a Wikidata QID (Q and a number, as in Q7747)".into(),
        },
        Case {
            rule: "a country that is not an ISO code",
            tsv: "id\tkind\tname\tcountry\nx\tplace\tقرية\tEgypt\n",
            tsv_error: "<input>:2:4: country \"Egypt\" is not an ISO 3166-1 alpha-2 code (two capital letters, as in CN)".into(),
            json: r#"[{"id": "x", "kind": "place", "name_ar": "قرية", "country": "Egypt"}]"#,
            json_at: "\"Egypt\"",
            json_message: "country \"Egypt\" is not an ISO 3166-1 alpha-2 code (two capital letters, as in CN)".into(),
        },
        Case {
            rule: "an unknown kind",
            tsv: "id\tkind\tname\nx\tanimal\tقط\n",
            tsv_error: "<input>:2:2: kind \"animal\" is not person, place or organisation".into(),
            json: r#"[{"id": "x", "kind": "animal", "name_ar": "قط"}]"#,
            json_at: "\"animal\"",
            json_message: "kind \"animal\" is not person, place or organisation".into(),
        },
        Case {
            rule: "an empty id",
            tsv: "id\tkind\tname\n \tperson\tفلان\n",
            tsv_error: "<input>:2:1: empty id".into(),
            json: r#"[{"id": " ", "kind": "person", "name_ar": "فلان"}]"#,
            json_at: "\" \"",
            json_message: "empty id".into(),
        },
        Case {
            rule: "a name without a letter or digit",
            tsv: "id\tkind\tname\nx\tperson\t،،\n",
            tsv_error: "<input>:2:3: name \"،،\" has no letter or digit".into(),
            json: r#"[{"id": "x", "kind": "person", "aliases": ["،،"]}]"#,
            json_at: "\"،،\"",
            json_message: "name \"،،\" has no letter or digit".into(),
        },
    ]
}

#[test]
fn both_formats_break_the_same_rules_alike() {
    for case in cases() {
        let tsv = Gazetteer::from_tsv_str(case.tsv)
            .map(|_| "no error".to_string())
            .unwrap_or_else(|e| e.to_string());
        assert_eq!(tsv, case.tsv_error, "help: TSV, {}", case.rule);
        let json = Gazetteer::from_json_str(case.json)
            .map(|_| "no error".to_string())
            .unwrap_or_else(|e| e.to_string());
        let want = format!(
            "<input>:{}: {}",
            position_of(case.json, case.json_at),
            case.json_message
        );
        assert_eq!(json, want, "help: JSON, {}", case.rule);
    }
}

#[test]
fn validation_errors_are_invalid_with_a_position() {
    for case in cases() {
        for err in [
            Gazetteer::from_tsv_str(case.tsv).unwrap_err(),
            Gazetteer::from_json_str(case.json).unwrap_err(),
        ] {
            assert!(
                matches!(err, GazetteerError::Invalid { line, column, .. } if line >= 1 && column >= 1),
                "help: {}: {err:?}",
                case.rule
            );
        }
    }
}

/// A scratch folder for files, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("tawfiq-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_bom_is_dropped_from_files_and_strings() {
    let tsv = "\u{FEFF}id\tkind\tname\nx\tperson\tفلان\n";
    let json = "\u{FEFF}[{\"id\": \"x\", \"kind\": \"person\", \"name_ar\": \"فلان\"}]";
    let scratch = Scratch::new("bom");
    let from_files = [
        Gazetteer::from_path(scratch.write("g.tsv", tsv.as_bytes())),
        Gazetteer::from_path(scratch.write("g.json", json.as_bytes())),
    ];
    let from_strings = [Gazetteer::from_tsv_str(tsv), Gazetteer::from_json_str(json)];
    for g in from_files.into_iter().chain(from_strings) {
        let g = g.unwrap();
        assert_eq!(g.len(), 1);
        assert_eq!(
            g.entities()[0].id,
            "x",
            "help: the BOM is not part of the id"
        );
        assert_eq!(g.entities()[0].name_ar, "فلان");
    }
    // Columns on the first line are counted after the BOM, as an editor shows them.
    let err = Gazetteer::from_json_str("\u{FEFF}{}")
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "<input>:1:1: expected an array of entity objects, found an object"
    );
}

/// JSON errors, syntax or validation: the message holds the file, line and column once,
/// the column counts from 1, and serde_json's own " at line L column C" is gone.
#[test]
fn json_errors_give_their_position_once() {
    let scratch = Scratch::new("json-positions");
    for text in [
        "",
        "[",
        "[\n",
        "[1,]",
        "[{\"id\": \"x\",}]",
        "[{\"id\": \"x\", \"kind\": \"person\", \"name_ar\": \"فلان\"}]  x",
        "[{\"id\": \"x\", \"kind\": \"person\", \"nmae_en\": \"Fulan\"}]",
        "\n\n   [{\"id\": \"x\", \"kind\": \"person\", \"prominence\": 200, \"name_ar\": \"فلان\"}]",
        "[{\"id\": \"x\", \"kind\": \"person\", \"aliases\": [\"\\ud800\"]}]",
        "\"text\"",
        "[{\"id\": 7}]",
    ] {
        let path = scratch.write("x.json", text.as_bytes());
        let err = Gazetteer::from_path(&path).unwrap_err();
        let (line, column) = match &err {
            GazetteerError::Json { line, column, .. }
            | GazetteerError::Invalid { line, column, .. } => (*line, *column),
            other => panic!("help: {text:?} gave {other:?}"),
        };
        assert!(line >= 1 && column >= 1, "help: {text:?}: {err}");
        let message = err.to_string();
        let position = format!("{}:{line}:{column}: ", path.display());
        assert!(message.starts_with(&position), "help: {text:?}: {message}");
        assert_eq!(
            message.matches(&format!(":{line}:{column}")).count(),
            1,
            "help: {text:?}: {message}"
        );
        assert!(
            !message.contains(" at line ") && !message.contains(" column "),
            "help: the parser's own position is left in: {message}"
        );
    }
}

#[test]
fn rows_and_objects_of_one_id_are_one_entity() {
    let tsv = "id\tkind\tname\tname_en\tprominence\n\
               x\tperson\tفلان\tFulan\t3\n\
               x\tperson\tفلان الفلاني\tFulan\t03\n";
    let json = r#"[{"id": "x", "kind": "person", "aliases": ["فلان"], "name_en": "Fulan", "prominence": 3},
                   {"id": "x", "kind": "person", "aliases": ["فلان الفلاني"], "name_en": "Fulan"}]"#;
    for g in [
        Gazetteer::from_tsv_str(tsv).unwrap(),
        Gazetteer::from_json_str(json).unwrap(),
    ] {
        assert_eq!(g.len(), 1);
        let e = &g.entities()[0];
        assert_eq!(e.aliases, ["فلان", "فلان الفلاني"]);
        assert_eq!((e.name_ar.as_ref(), e.name_en.as_ref()), ("فلان", "Fulan"));
        assert_eq!(e.prominence, 3);
    }
}

/// JSON written from [`tawfiq::Entity`] values (empty canonical names, a prominence of 0)
/// loads back as the same entities.
#[test]
fn what_we_write_loads_back() {
    let entities = vec![
        tawfiq::Entity::new("x", EntityKind::Place, "قرية", ""),
        tawfiq::Entity::new("y", EntityKind::Person, "", "Fulan"),
    ];
    let json = serde_json::to_string(&entities).unwrap();
    let g = Gazetteer::from_json_str(&json).unwrap();
    assert_eq!(g.entities(), &entities[..]);
}

#[test]
fn a_gazetteer_from_a_file_knows_it() {
    let scratch = Scratch::new("path");
    let path = scratch.write("g.tsv", b"id\tkind\tname\nx\tperson\tfulan\n");
    assert_eq!(Gazetteer::from_path(&path).unwrap().path(), Some(&*path));
}

#[test]
fn user_gazetteers_may_not_give_one_id_two_kinds() {
    let scratch = Scratch::new("kinds");
    let a = scratch.write(
        "a.tsv",
        "id\tkind\tname\nacme\torganisation\tأكمي\n".as_bytes(),
    );
    let b = scratch.write(
        "b.json",
        r#"[{"id": "acme", "kind": "place", "aliases": ["أكمي"]}]"#.as_bytes(),
    );
    let err = MatcherBuilder::new()
        .builtin(false)
        .gazetteer(Gazetteer::from_path(&a).unwrap())
        .gazetteer(Gazetteer::from_path(&b).unwrap())
        .build()
        .unwrap_err();
    assert!(matches!(err, BuildError::KindConflict { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "{}: entity \"acme\" is place here but organisation in {}",
            b.display(),
            a.display()
        )
    );
    // Built in code, one gazetteer: no file to name.
    let mut g = Gazetteer::new();
    g.push(tawfiq::Entity::new(
        "acme",
        EntityKind::Organisation,
        "أكمي",
        "",
    ));
    g.push(tawfiq::Entity::new("acme", EntityKind::Place, "أكمي", ""));
    let err = MatcherBuilder::new().builtin(false).gazetteer(g).build();
    assert_eq!(
        err.unwrap_err().to_string(),
        "entity \"acme\" is place here but organisation earlier"
    );
    // The same id and kind twice is one entity with the names of both.
    let m = MatcherBuilder::new()
        .builtin(false)
        .gazetteer(Gazetteer::from_path(&a).unwrap())
        .gazetteer(Gazetteer::from_path(&a).unwrap())
        .build()
        .unwrap();
    assert_eq!(m.entities().count(), 1);
}

#[cfg(feature = "builtin")]
#[test]
fn a_builtin_id_keeps_its_kind() {
    let scratch = Scratch::new("builtin-kind");
    let tsv = scratch.write(
        "user.tsv",
        "id\tkind\tname\nvladimir-putin\tplace\tبوتينستان\n".as_bytes(),
    );
    let json = scratch.write(
        "user.json",
        r#"[{"id": "vladimir-putin", "kind": "place", "aliases": ["بوتينستان"]}]"#.as_bytes(),
    );
    for path in [&tsv, &json] {
        let err = MatcherBuilder::new()
            .gazetteer(Gazetteer::from_path(path).unwrap())
            .build()
            .unwrap_err();
        match &err {
            BuildError::BuiltinKindConflict {
                id,
                kind,
                builtin_kind,
                path: Some(p),
            } => {
                assert_eq!(id, "vladimir-putin");
                assert_eq!(
                    (*kind, *builtin_kind),
                    (EntityKind::Place, EntityKind::Person)
                );
                assert_eq!(p, path);
            }
            other => panic!("help: expected BuiltinKindConflict, got {other:?}"),
        }
        assert_eq!(
            err.to_string(),
            format!(
                "{}: entity \"vladimir-putin\" is place in the user gazetteer but person in the \
                 built-in one (a user entity with a built-in id adds names to it; use another \
                 id for another entity)",
                path.display()
            )
        );
    }
    // Without the built-in gazetteer the id is free.
    let m = MatcherBuilder::new()
        .builtin(false)
        .gazetteer(Gazetteer::from_path(&tsv).unwrap())
        .build()
        .unwrap();
    assert_eq!(
        m.entity_by_id("vladimir-putin").unwrap().kind,
        EntityKind::Place
    );
    // With the built-in kind, the names are added to the built-in entity.
    let same = Gazetteer::from_tsv_str("id\tkind\tname\nvladimir-putin\tperson\tبوطين\n").unwrap();
    let m = MatcherBuilder::new().gazetteer(same).build().unwrap();
    assert_eq!(
        m.find_iter("قال بوطين").next().unwrap().entity_id(),
        Some("vladimir-putin")
    );
}

/// The position of an error from text in memory, checked to be a real one.
fn position(e: &GazetteerError) -> Option<(usize, usize)> {
    match e {
        GazetteerError::Json { line, column, .. }
        | GazetteerError::Invalid { line, column, .. } => Some((*line, *column)),
        _ => None,
    }
}

/// Text made of the pieces gazetteers are made of, so that random input gets past the
/// first checks often.
fn gazetteerish() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        4 => prop::sample::select(vec![
            "[", "]", "{", "}", ",", ":", "\"", "\\", "\\u", "\\ud800", "null", "true", "200", "-1",
            "1e3", "0", "\"id\"", "\"kind\"", "\"x\"", "\"person\"", "\"place\"", "\"aliases\"",
            "\"short\"", "\"name_ar\"", "\"prominence\"", "\"population\"", "\"wikidata\"", "\"Q1\"",
            "\"nmae_en\"", "id", "kind", "name", "short", "prominence", "population", "person",
            "yes", "\t", "\n", "\r\n", " ", "#", "\u{FEFF}", "فلان", "،", "Q7747", "CN",
        ])
        .prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..48).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    /// Any text is a gazetteer or an error with a position, never a panic.
    #[test]
    fn bad_input_never_panics(
        s in gazetteerish(),
        bytes in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        let lossy = String::from_utf8_lossy(&bytes);
        for text in [s.as_str(), &lossy] {
            for r in [Gazetteer::from_tsv_str(text), Gazetteer::from_json_str(text)] {
                if let Err(e) = r {
                    let at = position(&e);
                    prop_assert!(matches!(at, Some((l, c)) if l >= 1 && c >= 1), "{:?}", e);
                    prop_assert!(e.to_string().starts_with("<input>:"), "{}", e);
                }
            }
        }
    }

    /// Valid TSV rows load, and load as the same entities from JSON.
    #[test]
    fn the_formats_agree_on_valid_input(
        rows in prop::collection::vec((0..4usize, "[a-z]{1,6}( [a-z]{1,6})?"), 1..8),
    ) {
        let kinds = ["person", "place", "organisation"];
        let mut tsv = String::from("id\tkind\tname\tprominence\n");
        let mut json = Vec::new();
        for (id, name) in &rows {
            // The kind and prominence follow the id, so that rows of one id agree.
            let (kind, prominence) = (kinds[id % 3], id % 6);
            tsv.push_str(&format!("e{id}\t{kind}\t{name}\t{prominence}\n"));
            json.push(format!(
                r#"{{"id": "e{id}", "kind": "{kind}", "aliases": ["{name}"], "prominence": {prominence}}}"#
            ));
        }
        let json = format!("[{}]", json.join(",\n"));
        let from_tsv = Gazetteer::from_tsv_str(&tsv);
        let from_json = Gazetteer::from_json_str(&json);
        prop_assert!(from_tsv.is_ok() && from_json.is_ok(), "{:?} {:?}", from_tsv, from_json);
        prop_assert_eq!(from_tsv.unwrap(), from_json.unwrap());
    }
}
