//! Properties that hold for every input: normalisation is idempotent, spans slice the
//! original text on character boundaries, tokens and gaps rebuild the input, and nothing
//! panics.

use proptest::prelude::*;
#[cfg(feature = "builtin")]
use tawfiq::Matcher;
use tawfiq::normalize::{Level, normalize, normalize_mapped};
use tawfiq::token::tokens;

/// Strings biased towards what breaks Arabic text processing: letters, harakat, tanween,
/// shadda, alef forms, tatweel, ZWNJ and bidi marks, presentation forms, digits, Latin,
/// spaces and punctuation, plus any Unicode scalar.
fn arabicish() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        4 => prop::sample::select(vec![
            "شي", "جين", "بينغ", "بوتين", "الصين", "لل", "و", "ب", "ا", "أ", "إ", "آ", "ى", "ة", "ء",
            "ؤ", "ئ", "ک", "ی", "پ", "ً", "ٌ", "ّ", "َ", "ٰ", "ـ", "\u{200C}", "\u{200F}", "\u{202E}",
            "\u{FEFB}", "\u{FEB7}", "١٩", " ", "  ", "\n", "،", ".", "-", "\u{2011}", "\u{00A0}",
            "Xi", "Ü", "İ", "\0", "موسكو", "كوريا", "الشمالية",
        ]).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

/// Characters a mention must neither begin nor end with: spaces of every kind (U+202F and
/// U+00A0 among them), invisible marks (ZWSP, ZWNJ, ZWJ, word joiner, soft hyphen, BOM),
/// bidi controls and the tatweel.
#[cfg(feature = "builtin")]
fn is_edge_filler(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}'..='\u{200D}' // ZWSP, ZWNJ, ZWJ
                | '\u{2060}' // WORD JOINER
                | '\u{00AD}' // SOFT HYPHEN
                | '\u{FEFF}' // BYTE ORDER MARK
                | '\u{200E}' | '\u{200F}' // LRM, RLM
                | '\u{202A}'..='\u{202E}' // LRE … RLO
                | '\u{2066}'..='\u{2069}' // LRI … PDI
                | '\u{061C}' // ARABIC LETTER MARK
                | '\u{0640}' // TATWEEL
        )
}

/// The Arabic names of the built-in gazetteer's entities.
#[cfg(feature = "builtin")]
fn builtin_names() -> &'static [String] {
    static NAMES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        Matcher::builtin()
            .entities()
            .map(|e| e.name_ar.to_string())
            .filter(|n| !n.is_empty())
            .collect()
    })
}

/// Texts of built-in names (some with a proclitic) run together with spaces, invisible
/// marks, bidi controls and tatweel, on either side of each name and between its words.
#[cfg(feature = "builtin")]
fn names_among_fillers() -> impl Strategy<Value = String> {
    let filler = prop::sample::select(vec![
        " ", "\u{202F}", "\u{00A0}", "\u{2009}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}",
        "\u{00AD}", "\u{FEFF}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}",
        "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{061C}",
        "\u{0640}", "\n", "،", ".", "«", "»",
    ]);
    let name = (
        any::<prop::sample::Index>(),
        prop::sample::select(vec!["", "و", "ب", "ل"]),
    )
        .prop_map(|(i, clitic)| format!("{clitic}{}", i.get(builtin_names())));
    let piece = prop_oneof![
        3 => name,
        4 => prop::collection::vec(filler.clone(), 1..4).prop_map(|v| v.concat()),
        1 => prop::sample::select(vec!["قال", "الرئيس", "في", "مدينة", "و"]).prop_map(String::from),
    ];
    // Fillers also go inside names: a name's spaces replaced by a filler.
    (prop::collection::vec(piece, 0..12), filler).prop_map(|(v, f)| {
        let text = v.concat();
        if text.len() % 3 == 0 {
            text.replace(' ', f)
        } else {
            text
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[cfg(feature = "builtin")]
    #[test]
    fn mention_edges_are_not_fillers(s in names_among_fillers()) {
        let m = Matcher::builtin();
        for found in m.find_iter(&s) {
            prop_assert!(s.is_char_boundary(found.start) && s.is_char_boundary(found.end));
            prop_assert_eq!(&s[found.start..found.end], found.surface);
            let first = found.surface.chars().next().unwrap();
            let last = found.surface.chars().next_back().unwrap();
            prop_assert!(
                !is_edge_filler(first) && !is_edge_filler(last),
                "help: {:?} begins or ends with U+{:04X} / U+{:04X}",
                found.surface, first as u32, last as u32
            );
        }
    }

    #[test]
    fn normalisation_is_idempotent(s in arabicish(), t in any::<String>()) {
        for text in [&s, &t] {
            for level in [Level::Clean, Level::Bare, Level::Folded] {
                let once = normalize(text, level);
                prop_assert_eq!(normalize(&once, level), once.clone(), "level {:?}", level);
            }
        }
    }

    #[test]
    fn normalisation_map_points_at_char_boundaries(s in arabicish()) {
        let (mut out, mut map) = (String::new(), Vec::new());
        normalize_mapped(&s, Level::Folded, &mut out, &mut map);
        prop_assert_eq!(map.len(), out.chars().count());
        prop_assert!(map.windows(2).all(|w| w[0] <= w[1]));
        prop_assert!(map.iter().all(|&at| at < s.len() && s.is_char_boundary(at)));
        prop_assert_eq!(out, normalize(&s, Level::Folded).into_owned());
    }

    #[test]
    fn tokens_slice_the_text_in_order(s in arabicish()) {
        let mut last = 0;
        for t in tokens(&s) {
            prop_assert!(t.start >= last && t.start < t.end);
            prop_assert_eq!(&s[t.start..t.end], t.text);
            last = t.end;
        }
    }

    #[cfg(feature = "builtin")]
    #[test]
    fn mentions_slice_the_text_and_do_not_overlap(s in arabicish()) {
        let m = Matcher::builtin();
        let mut last = 0;
        for found in m.find_iter(&s) {
            prop_assert!(s.is_char_boundary(found.start) && s.is_char_boundary(found.end));
            prop_assert_eq!(&s[found.start..found.end], found.surface);
            prop_assert!(found.start >= last && found.start < found.end);
            prop_assert!((0.0..=1.0).contains(&found.score));
            prop_assert!(!found.surface.starts_with(is_edge_filler), "{:?}", found.surface);
            prop_assert!(!found.surface.ends_with(is_edge_filler), "{:?}", found.surface);
            last = found.end;
        }
    }
}

#[cfg(feature = "builtin")]
#[test]
fn hostile_inputs_do_not_panic() {
    let m = Matcher::builtin();
    let unit = "شي جين بينغ وبوتين في بكين ";
    let repeats = 1_000_000 / unit.len() + 1;
    let megabyte_line = unit.repeat(repeats);
    assert!(megabyte_line.len() >= 1_000_000 && !megabyte_line.contains('\n'));
    assert_eq!(m.find_iter(&megabyte_line).count(), 3 * repeats);
    let inputs = [
        "",
        "\u{064B}\u{0651}\u{0670}",      // lone combining marks
        "\u{0301}بوتين\u{0301}",         // a Latin combining mark on Arabic
        "\u{200F}\u{202E}بكين\u{202C}",  // bidi controls
        "\0شي\0",                        // NUL
        "ـــــ",                         // tatweel only
        "Xi Jinping التقى Путин 習近平", // mixed scripts
        "ًا",                             // an accusative ending with no word
        "للل لل ل و وو",                 // clitics with no stem
    ];
    for text in inputs {
        for found in m.find_iter(text) {
            assert_eq!(&text[found.start..found.end], found.surface);
        }
        for level in [
            tawfiq::normalize::Level::Clean,
            tawfiq::normalize::Level::Folded,
        ] {
            let _ = normalize(text, level);
        }
    }
    // A megabyte "name" is not one: no candidates, and no quadratic blow-up on the way.
    let r = m.resolve(&megabyte_line);
    assert!(r.best.is_none() && r.candidates.is_empty());
    // Nor is it a name to cluster: it is left out, the names are clustered.
    let clusters = tawfiq::cluster([megabyte_line.as_str(), "بوتين", "فلاديمير بوتين"], None);
    assert_eq!(clusters.iter().map(|c| c.count).sum::<u64>(), 2);
    assert_eq!(
        m.find_iter("\0شي\0").count(),
        1,
        "help: NUL is a separator like any other"
    );
}
