//! Resolution of standalone names, and the explanation every match tier carries.

#![cfg(feature = "builtin")]

use tawfiq::{EntityKind, MatchKind, Matcher};

fn resolved(m: &Matcher, name: &str) -> Option<String> {
    m.resolve(name).entity().map(|e| e.id.to_string())
}

#[test]
fn similar_names_stay_distinct() {
    let m = Matcher::builtin();
    let cases = [
        ("لي تشيانغ", "li-qiang"),
        ("لي تشيانج", "li-qiang"),
        ("لي كه تشيانغ", "li-keqiang"),
        ("لي كيتشيانغ", "li-keqiang"),
        ("كيم جونغ أون", "kim-jong-un"),
        ("كيم جونغ إيل", "kim-jong-il"),
        ("كيم جونج ايل", "kim-jong-il"),
        ("كيم إيل سونغ", "kim-il-sung"),
        ("تيانجين", "geonames:1792947"),
        ("سمرقند", "geonames:1216265"),
        ("سامارا", "geonames:499099"),
        ("أستانا", "geonames:1526273"),
        ("الوكالة الدولية للطاقة الذرية", "iaea"),
        ("وكالة الطاقة الدولية", "iea"),
        ("IAEA", "iaea"),
        ("IEA", "iea"),
        ("المحكمة الجنائية الدولية", "icc"),
        ("محكمة العدل الدولية", "icj"),
        ("ICC", "icc"),
        ("ICJ", "icj"),
    ];
    for (name, id) in cases {
        assert_eq!(
            resolved(&m, name).as_deref(),
            Some(id),
            "help: {name:?} should be {id}"
        );
    }
    // Astara is two towns (Iran, Azerbaijan), never Astana: the larger may win, but only
    // with the other close behind.
    let r = m.resolve("أستارا");
    assert!(r.best.as_ref().is_none_or(|b| b.score < 0.8));
    assert!(
        r.candidates[..2]
            .iter()
            .all(|c| c.entity.name_en.replace('ā', "a").ends_with("stara"))
    );
    // Tianshui is not in the gazetteer: its name must not be taken for Tianjin.
    assert_ne!(resolved(&m, "تيانشوي").as_deref(), Some("geonames:1792947"));
}

#[test]
fn spelling_variants_resolve_with_explanations() {
    let m = Matcher::builtin();
    let r = m.resolve("ماسود بيزِشكيان");
    let best = r.best.expect("resolved");
    assert_eq!(best.entity.id, "masoud-pezeshkian");
    assert!(best.explanation.vowels >= 2, "{}", best.explanation);

    let r = m.resolve("خُوريلسوخ أوخنا");
    assert_eq!(r.entity().unwrap().id, "ukhnaagiin-khurelsukh");

    let best = m.resolve("غوتيريش").best.unwrap();
    assert_eq!(best.entity.name_en, "António Guterres");

    // A surname alone is the person, not the country one vowel away (بوتان).
    assert_eq!(m.resolve("بوتين").entity().unwrap().id, "vladimir-putin");

    // A proclitic on the first word is read off and reported.
    let best = m.resolve("لبوتين").best.unwrap();
    assert_eq!(
        (best.entity.id.as_ref(), best.clitic),
        ("vladimir-putin", Some("ل"))
    );

    // Priors: a bare دلهي is the city of eleven million.
    let r = m.resolve_kind("دلهي", EntityKind::Place);
    assert_eq!(r.entity().unwrap().name_en, "Delhi");

    // Nothing close: no answer, but the candidates are still there to inspect.
    let r = m.resolve("زرقوطيانستان");
    assert!(r.best.is_none());
    assert!(r.candidates.iter().all(|c| c.score < 0.5));
}

fn tier<'m>(m: &'m Matcher, text: &'static str, surface: &str) -> tawfiq::Mention<'m, 'static> {
    let found = m.find_iter(text).find(|x| x.surface == surface);
    found.unwrap_or_else(|| panic!("help: {surface:?} not found in {text:?}"))
}

/// Each tier of `find_iter` says how it matched.
#[test]
fn every_tier_explains_itself() {
    let m = Matcher::builtin();
    let tier = |text: &'static str, surface: &str| tier(&m, text, surface);

    let x = tier("زار فلاديمير بوتين بكين", "فلاديمير بوتين");
    assert_eq!(x.how.kind, MatchKind::Exact);
    assert!(x.how.folded.is_empty() && x.how.clitic.is_none());

    let x = tier("وقال لبوتين", "بوتين");
    assert_eq!(
        (x.how.kind, x.how.clitic),
        (MatchKind::ShortForm, Some("ل"))
    );

    let x = tier("رسالة للصين", "صين");
    assert_eq!(
        (x.how.kind, x.how.clitic, x.how.article_restored),
        (MatchKind::Exact, Some("لل"), true)
    );

    let x = tier("قال الرئيس شى جين بينج", "شى جين بينج");
    assert!(x.how.folded.contains(&tawfiq::Folding::Letters));

    let x = tier("قالت الشركات الصينية", "الصينية");
    assert_eq!(
        (x.how.kind, x.entity_id().unwrap()),
        (MatchKind::Demonym, "cldr:CN")
    );

    let x = tier("قال الرئيس الإيراني ماسود بيزِشكيان اليوم", "ماسود بيزِشكيان");
    assert_eq!(
        (x.how.kind, x.entity_id().unwrap()),
        (MatchKind::Fuzzy, "masoud-pezeshkian")
    );
    let forgave = x
        .how
        .forgave
        .as_ref()
        .expect("a fuzzy match says what it forgave");
    assert!(forgave.vowels >= 2);
    // After a head for a state, a looser spelling of a place with an everyday word in it
    // (`أوتار`, a lute's strings, and a word of the state's names as news spells them).
    let x = tier("زار الوفد ولاية أوتار برديش أمس.", "أوتار برديش");
    assert_eq!(
        (x.how.kind, x.entity_id().unwrap()),
        (MatchKind::Fuzzy, "iso:IN-UP")
    );
    // A misspelling's window that an unknown word continues is a piece of another name:
    // `تورغوت ألتنوك` is a Turkish mayor, not the Siberian city of Surgut (سورغوت).
    let text = "وفاز مرشح المعارضة على نظيره تورغوت ألتنوك.";
    assert!(
        m.find_iter(text).all(|x| x.how.kind != MatchKind::Fuzzy),
        "help: {:?}",
        m.find_iter(text)
            .map(|x| (x.surface, x.entity_id()))
            .collect::<Vec<_>>()
    );

    let x = tier(
        "قالت المراسلة كاترينا يو من بكين. وأضافت يو أن القمة مهمة.",
        "يو",
    );
    assert_eq!(
        (x.how.kind, x.entity_id().unwrap()),
        (MatchKind::Partial, "katrina-yu")
    );
    assert!(x.how.antecedent.is_some());

    // A Latin-script family name, spelled the French way, after the full Arabic name.
    let text = "تحدث ألكسندر جابيف عن الزيارة. وكتب Gabouev أن الطرفين متفقان.";
    let x = tier(text, "Gabouev");
    assert_eq!(
        (x.how.kind, x.entity_id().unwrap(), x.how.antecedent),
        (MatchKind::Partial, "alexander-gabuev", text.find("ألكسندر"))
    );
    // Without the full name earlier, a Latin surname alone is not linked to anyone.
    assert!(
        m.find_iter("وكتب Gabouev أن الطرفين متفقان.")
            .all(|x| x.surface != "Gabouev")
    );
}

/// Scores are the same to the last bit on every call: candidates were once summed in a
/// hash map's order, which differs between maps.
#[test]
fn scores_do_not_depend_on_hash_order() {
    let m = Matcher::builtin();
    let text = "وقال الرئيس ماسود بيزِشكيان إن طهران مستعدة.";
    let bits = |_| {
        let mentions: Vec<u32> = m.find_iter(text).map(|x| x.score.to_bits()).collect();
        let resolved: Vec<u32> = m
            .resolve("ماسود بيزشكيان")
            .candidates
            .iter()
            .map(|c| c.score.to_bits())
            .collect();
        (mentions, resolved)
    };
    let first = bits(0);
    assert!(!first.0.is_empty() && first.1.len() > 1);
    for i in 1..12 {
        assert_eq!(bits(i), first);
    }
}
