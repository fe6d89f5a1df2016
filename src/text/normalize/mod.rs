//! Orthographic normalisation of Arabic and Latin strings.
//!
//! Three explicit levels, each including the one before:
//!
//! | level | rules (in the order they apply) | lossy? |
//! |---|---|---|
//! | [`Level::Clean`] | invisible characters removed ([`invisible`]); presentation forms, full-width Latin and ligatures decomposed (NFKC, [`compat`]); odd spaces and hyphens made plain ([`spacing`]); Arabic-Indic and Persian digits made ASCII ([`digits`]); tatweel removed ([`tatweel`]) | no: the text reads the same |
//! | [`Level::Bare`] | Arabic diacritics, the accusative alef of tanween and combining marks removed ([`marks`]); Latin accents removed ([`latin`]) | yes: vocalisation is lost |
//! | [`Level::Folded`] | alef/hamza forms, ى, ة, ؤ, ئ folded ([`letters`]); Persian/Urdu letters folded ([`persian`]); Latin lower-cased, special letters spelled out ([`latin`]) | yes: the matching form |
//!
//! Every level is idempotent: normalising twice gives the same string as normalising once.
//! [`normalize_mapped`] also records, for every output character, the byte offset of the
//! input character it came from, so a position in normalised text maps back to the
//! caller's original text.
//!
//! This module depends on nothing else in the crate: `build.rs` includes it by path to
//! normalise the keys of the built-in gazetteer exactly as the runtime does.

pub mod compat;
pub mod digits;
pub mod invisible;
pub mod latin;
pub mod letters;
pub mod marks;
pub mod persian;
pub mod spacing;
pub mod tatweel;

use std::borrow::Cow;

/// How far normalisation goes. Each level includes the rules of the levels before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Level {
    /// Remove what is invisible and make equivalent code points identical: zero-width and
    /// bidi marks, presentation forms (NFKC), odd spaces and hyphens, Arabic-Indic digits,
    /// tatweel. The text still reads exactly the same.
    Clean,
    /// [`Level::Clean`], then drop diacritics: harakat, tanween (with the accusative alef
    /// that carries it: `شيًّا` → `شي`), shadda, sukun, superscript alef, combining marks,
    /// Latin accents.
    Bare,
    /// [`Level::Bare`], then fold spelling variants: `أ إ آ ٱ` → `ا`, `ى` → `ي`, `ة` → `ه`,
    /// `ؤ` → `و`, `ئ` → `ي`, Persian/Urdu letters to Arabic ones, Latin to lower case. The
    /// level matching keys are built from. A standalone `ء` stays.
    #[default]
    Folded,
}

/// Normalises `text` to `level`, borrowing it when nothing changes.
///
/// # Examples
///
/// ```
/// use tawfiq::normalize::{normalize, Level};
///
/// assert_eq!(normalize("خُوريلسوخ", Level::Bare), "خوريلسوخ");
/// assert_eq!(normalize("أوكرانيا", Level::Folded), "اوكرانيا");
/// assert_eq!(normalize("شيًّا", Level::Folded), "شي");
/// assert_eq!(normalize("Khürelsükh", Level::Folded), "khurelsukh");
/// assert_eq!(normalize("شيء", Level::Folded), "شيء"); // a standalone hamza is a letter
/// ```
pub fn normalize(text: &str, level: Level) -> Cow<'_, str> {
    match text.char_indices().find(|&(_, c)| !is_plain(c, level)) {
        None => Cow::Borrowed(text),
        Some((mut first, _)) => {
            // The accusative alef is dropped for the tanween written after it: start at the
            // alef so the engine sees it.
            if level >= Level::Bare && text[..first].ends_with(marks::ALEF) {
                first -= marks::ALEF.len_utf8();
            }
            let mut out = String::with_capacity(text.len());
            out.push_str(&text[..first]);
            run(text, first, level, &mut out, |_| {});
            Cow::Owned(out)
        }
    }
}

/// Appends the normalised form of `text` to `out`, and to `map` the byte offset (in `text`)
/// of the input character behind each output character.
///
/// After the call, `map` has one entry per character appended to `out`; an offset in
/// `text` plus the caller's base offset locates that character in the original string.
///
/// # Examples
///
/// ```
/// use tawfiq::normalize::{normalize_mapped, Level};
///
/// let (mut out, mut map) = (String::new(), Vec::new());
/// normalize_mapped("وَشي", Level::Folded, &mut out, &mut map);
/// assert_eq!(out, "وشي");
/// assert_eq!(map, vec![0, 4, 6]); // the fatha (bytes 2..4) left no character
/// ```
pub fn normalize_mapped(text: &str, level: Level, out: &mut String, map: &mut Vec<usize>) {
    run(text, 0, level, out, |offset| map.push(offset));
}

/// Could `c` be changed by normalisation at `level`? `false` must be exact for the
/// borrowing fast path: a character for which this returns `false` is copied unchanged.
fn needs_work(c: char, level: Level) -> bool {
    if c.is_ascii() {
        return level >= Level::Folded && (c.is_ascii_uppercase() || c == '`');
    }
    if invisible::is_invisible(c)
        || compat::is_compat(c)
        || spacing::fold_spacing(c).is_some()
        || digits::fold_digit(c).is_some()
        || tatweel::is_tatweel(c)
    {
        return true;
    }
    if level >= Level::Bare && (marks::is_mark(c) || latin::strip_accent(c).is_some()) {
        return true;
    }
    level >= Level::Folded
        && (letters::fold_letter(c).is_some()
            || persian::fold_persian(c).is_some()
            || latin::fold_latin(c, |_| {}))
}

/// `c.is_alphanumeric()`, with ASCII and the Arabic block answered by a table built once
/// from the standard library's own answer: word splitting and keys ask it for every
/// character, and the standard library's search of its Unicode tables is slow for Arabic.
pub(crate) fn is_alphanumeric(c: char) -> bool {
    static TABLE: std::sync::OnceLock<[bool; TABLE_END]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [false; TABLE_END];
        for (cp, yes) in t.iter_mut().enumerate() {
            *yes = char::from_u32(cp as u32).is_some_and(char::is_alphanumeric);
        }
        t
    });
    match table.get(c as usize) {
        Some(&yes) => yes,
        None => c.is_alphanumeric(),
    }
}

/// Characters below this code point are classified by table ([`is_plain`]).
const TABLE_END: usize = 0x0700;

/// Is `c` copied unchanged at `level` (`!needs_work`)? ASCII and the Arabic block, which
/// are almost all of Arabic running text, are answered by a table built once: one lookup
/// instead of the rules one by one.
fn is_plain(c: char, level: Level) -> bool {
    static TABLE: std::sync::OnceLock<[[bool; TABLE_END]; 3]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [[false; TABLE_END]; 3];
        for (i, level) in [Level::Clean, Level::Bare, Level::Folded]
            .into_iter()
            .enumerate()
        {
            for (cp, plain) in t[i].iter_mut().enumerate() {
                *plain = char::from_u32(cp as u32).is_some_and(|c| !needs_work(c, level));
            }
        }
        t
    });
    let row = match level {
        Level::Clean => 0,
        Level::Bare => 1,
        Level::Folded => 2,
    };
    match table[row].get(c as usize) {
        Some(&plain) => plain,
        None => !needs_work(c, level),
    }
}

/// The normalisation engine: normalises `text[from..]`, appending to `out` and reporting
/// the source offset of every appended character to `on_char`.
fn run(text: &str, from: usize, level: Level, out: &mut String, on_char: impl FnMut(usize)) {
    run_with::<true>(text, from, level, out, on_char);
}

/// [`run`], with the [`is_plain`] shortcut or (for the tests) without.
fn run_with<const TABLE: bool>(
    text: &str,
    from: usize,
    level: Level,
    out: &mut String,
    mut on_char: impl FnMut(usize),
) {
    // Was a tanween fath written since the last letter? Needed for the accusative alef.
    let mut tanween_before = false;
    for (rel, c) in text[from..].char_indices() {
        let at = from + rel;
        // What `step` would do to a character no rule touches (the alef may carry tanween).
        if TABLE && c != marks::ALEF && is_plain(c, level) {
            tanween_before = false;
            out.push(c);
            on_char(at);
            continue;
        }
        if invisible::is_invisible(c) {
            continue;
        }
        let rest = &text[at + c.len_utf8()..];
        if compat::is_compat(c) {
            compat::decompose(c, |d| {
                step(d, at, rest, level, &mut tanween_before, out, &mut on_char);
            });
        } else {
            step(c, at, rest, level, &mut tanween_before, out, &mut on_char);
        }
    }
}

/// Applies the per-character rules after compatibility decomposition.
fn step(
    c: char,
    at: usize,
    rest: &str,
    level: Level,
    tanween_before: &mut bool,
    out: &mut String,
    on_char: &mut impl FnMut(usize),
) {
    let mut c = c;
    if let Some(s) = spacing::fold_spacing(c) {
        c = s;
    } else if let Some(d) = digits::fold_digit(c) {
        c = d;
    } else if tatweel::is_tatweel(c) {
        return;
    }
    if level >= Level::Bare {
        if marks::is_mark(c) {
            *tanween_before |= c == marks::FATHATAN;
            return;
        }
        if c == marks::ALEF && marks::is_tanween_seat(*tanween_before, rest) {
            *tanween_before = false;
            return;
        }
        *tanween_before = false;
        if let Some(base) = latin::strip_accent(c) {
            c = base;
        }
    }
    if level >= Level::Folded {
        if let Some(f) = letters::fold_letter(c).or_else(|| persian::fold_persian(c)) {
            c = f;
        } else if latin::fold_latin(c, |f| {
            // Lower-casing can expose a combining mark (İ → i + U+0307); drop it as the
            // bare level would, so folding stays idempotent.
            if !marks::is_mark(f) {
                out.push(f);
                on_char(at);
            }
        }) {
            return;
        }
    }
    out.push(c);
    on_char(at);
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// `pipeline!(level; input => expected, ...)`: the whole pipeline at one level.
    macro_rules! pipeline {
        ($level:expr; $($input:expr => $expected:expr),+ $(,)?) => {
            $(
                let got = normalize($input, $level);
                assert_eq!(
                    got, $expected,
                    "help: normalize({:?}, {:?}) should be {:?}", $input, $level, $expected
                );
                assert_eq!(normalize(&got, $level), got, "help: not idempotent on {:?}", $input);
            )+
        };
    }

    #[test]
    fn clean_level() {
        pipeline!(Level::Clean;
            "بوتين" => "بوتين",
            "بوتيـــن" => "بوتين",
            "شي جين\u{200C}بينغ" => "شي جينبينغ",
            "\u{200F}بكين\u{200E}" => "بكين",
            "\u{FEB7}\u{FEF2}" => "شي",
            "الروسية\u{2011}الصينية" => "الروسية-الصينية",
            "كوريا\u{00A0}الشمالية" => "كوريا الشمالية",
            "كوفيد-١٩" => "كوفيد-19",
            "۱۴۰۳" => "1403",
            "شِي" => "شِي",
        );
    }

    #[test]
    fn bare_level() {
        pipeline!(Level::Bare;
            "خُوريلسوخ أوخنا" => "خوريلسوخ أوخنا",
            "ماسود بيزِشكيان" => "ماسود بيزشكيان",
            "شيًّا" => "شي",
            "شياً" => "شي",
            "روسيا" => "روسيا",
            "جديدًا جدا" => "جديد جدا",
            "الرَّحْمٰن" => "الرحمن",
            "Khürelsükh" => "Khurelsukh",
            "\u{0651}\u{064B}" => "",
        );
    }

    #[test]
    fn folded_level() {
        pipeline!(Level::Folded;
            "أوكرانيا" => "اوكرانيا",
            "إبراهيم" => "ابراهيم",
            "آسيا" => "اسيا",
            "ٱلله" => "الله",
            "شى جين بينج" => "شي جين بينج",
            "منظمة" => "منظمه",
            "مؤتمر" => "موتمر",
            "رئيسي" => "رييسي",
            "شيء" => "شيء",
            "پزشکیان" => "بزشكيان",
            "ڤيينا" => "فيينا",
            "گاندي" => "كاندي",
            "Khürelsükh" => "khurelsukh",
            "İstanbul" => "istanbul",
            "Łódź" => "lodz",
            "Straße" => "strasse",
            "ʻAlī" => "'ali",
            "`Ali" => "'ali",
            "\u{FEF7}\u{FEE3}" => "لام",
            "ＸＩ" => "xi",
        );
    }

    #[test]
    fn map_points_into_the_original() {
        let text = "وَالصِّينُ\u{200F}";
        let (mut out, mut map) = (String::new(), Vec::new());
        normalize_mapped(text, Level::Folded, &mut out, &mut map);
        assert_eq!(out, "والصين");
        assert_eq!(map.len(), out.chars().count());
        for (o, &at) in out.chars().zip(&map) {
            assert!(text.is_char_boundary(at));
            assert_eq!(
                normalize(
                    &text[at..at + text[at..].chars().next().unwrap().len_utf8()],
                    Level::Folded
                )
                .chars()
                .next(),
                Some(o)
            );
        }
    }

    /// Texts for the property tests of folding shortcuts: tanween, its seat, shadda, a
    /// space and alef maqsura (the accusative-alef rule) often, the Arabic block, ASCII,
    /// Latin and symbols, presentation forms.
    pub(crate) fn folding_texts() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        proptest::collection::vec(
            proptest::prop_oneof![
                4 => proptest::sample::select(vec![0x064Bu32, 0x0627, 0x0651, 0x20, 0x0649]),
                4 => 0x0600u32..0x0700,
                1 => 0u32..0x80,
                1 => 0x0080u32..0x2100,
                1 => 0xFB50u32..0xFF00,
            ],
            0..40,
        )
        .prop_map(|cps| cps.into_iter().filter_map(char::from_u32).collect())
    }

    /// The engine without the table: every character through the rules.
    fn run_by_rules(text: &str, level: Level) -> (String, Vec<usize>) {
        let (mut out, mut map) = (String::new(), Vec::new());
        run_with::<false>(text, 0, level, &mut out, |o| map.push(o));
        (out, map)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 2048, .. proptest::prelude::ProptestConfig::default()
        })]

        /// The table is a shortcut, not a rule: output and offsets are those of the rules.
        #[test]
        fn table_agrees_with_the_rules(text in folding_texts()) {
            for level in [Level::Clean, Level::Bare, Level::Folded] {
                let (mut out, mut map) = (String::new(), Vec::new());
                normalize_mapped(&text, level, &mut out, &mut map);
                let (want, want_map) = run_by_rules(&text, level);
                proptest::prop_assert_eq!(&out, &want);
                proptest::prop_assert_eq!(&map, &want_map);
                proptest::prop_assert_eq!(normalize(&text, level), want);
            }
        }
    }

    #[test]
    fn alphanumeric_table_is_the_standard_answer() {
        for cp in 0..0x1_0000u32 {
            if let Some(c) = char::from_u32(cp) {
                assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            }
        }
    }

    #[test]
    fn borrowed_when_unchanged() {
        assert!(matches!(
            normalize("بوتين", Level::Folded),
            Cow::Borrowed(_)
        ));
        assert!(matches!(
            normalize("abc 12", Level::Folded),
            Cow::Borrowed(_)
        ));
        assert!(matches!(normalize("أ", Level::Bare), Cow::Borrowed(_)));
        assert!(matches!(normalize("أ", Level::Folded), Cow::Owned(_)));
    }
}
