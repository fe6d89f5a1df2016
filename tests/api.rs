//! Public-API runs: from text to mentions, with the built-in and user gazetteers.

#[cfg(feature = "builtin")]
use tawfiq::MatchKind;
use tawfiq::{Gazetteer, Matcher, MatcherBuilder};

fn ids(m: &Matcher, text: &str) -> Vec<String> {
    m.find_iter(text)
        .map(|m| m.entity_id().unwrap_or("(unlinked)").to_string())
        .collect()
}

#[cfg(feature = "builtin")]
fn surfaces<'t>(m: &Matcher, text: &'t str) -> Vec<&'t str> {
    m.find_iter(text).map(|m| m.surface).collect()
}

#[test]
fn matcher_is_send_sync_clone() {
    fn assert_traits<T: Send + Sync + Clone + 'static>() {}
    assert_traits::<Matcher>();
    assert_traits::<Gazetteer>();
}

#[cfg(feature = "builtin")]
#[test]
fn spellings_of_xi_are_one_entity() {
    let m = Matcher::builtin();
    for name in [
        "شي جين بينغ",
        "شي جينبينغ",
        "شى جين بينج",
        "شي جين\u{200C}بينغ",
        "شِي جِين بِينْغ",
        "Xi Jinping",
        "XI JINPING",
    ] {
        let found = ids(&m, &format!("قال {name} اليوم"));
        assert_eq!(found, ["xi-jinping"], "help: {name:?} should be Xi Jinping");
    }
}

#[cfg(feature = "builtin")]
#[test]
fn clitics_stay_outside_the_span() {
    let m = Matcher::builtin();
    assert_eq!(surfaces(&m, "وقال لبوتين"), ["بوتين"]);
    assert_eq!(surfaces(&m, "والصين وبأوزبكستان"), ["الصين", "أوزبكستان"]);
    let text = "رسالة للصين";
    let found: Vec<_> = m.find_iter(text).collect();
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].surface, "صين",
        "help: after لل the article is not written"
    );
    assert_eq!(found[0].entity_id(), Some("cldr:CN"));
    assert!(found[0].how.article_restored);
    assert_eq!(found[0].how.clitic, Some("لل"));
    // Names that begin with clitic letters are read as written first.
    assert_eq!(ids(&m, "بكين وليبيا"), ["geonames:1816670", "cldr:LY"]);
}

#[cfg(feature = "builtin")]
#[test]
fn diacritics_and_tanween_stay_inside_the_span() {
    let m = Matcher::builtin();
    let found: Vec<_> = m.find_iter("التقى شيًّا أمس").collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].surface, "شيًّا");
    assert_eq!(found[0].entity_id(), Some("xi-jinping"));
    assert_eq!(found[0].how.kind, MatchKind::ShortForm);
}

#[cfg(feature = "builtin")]
#[test]
fn everyday_words_are_not_places() {
    let m = Matcher::builtin();
    // Each of these is also the Arabic name of some GeoNames place.
    let text = "قال إن الاتفاق بين البلدين كان إلى حد ما شأن داخلي وأن الأمر جديدة";
    assert!(ids(&m, text).is_empty(), "help: {:?}", ids(&m, text));
    assert!(
        ids(&m, "شيء").is_empty(),
        "help: شيء (thing) is not شي (Xi)"
    );
}

#[cfg(feature = "builtin")]
#[test]
fn a_split_may_not_cut_off_a_function_word() {
    let m = Matcher::builtin();
    // شي إن joins to the key of شيان (Xi'an); the cut leaves the particle إن on its own.
    assert_eq!(ids(&m, "وقال شي إن العلاقات قوية"), ["xi-jinping"]);
}

#[cfg(feature = "builtin")]
#[test]
fn spans_slice_messy_text() {
    let m = Matcher::builtin();
    let text = "\u{200F}«بوتيـــن»\u{00A0}و\u{FEB7}\u{FEF2} جين بينغ، كوريا الشمالية.حليف";
    let found: Vec<_> = m.find_iter(text).collect();
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|m| (m.surface, m.entity_id().unwrap_or("(unlinked)")))
        .collect();
    assert_eq!(
        got,
        [
            ("بوتيـــن", "vladimir-putin"),
            ("\u{FEB7}\u{FEF2} جين بينغ", "xi-jinping"),
            ("كوريا الشمالية", "cldr:KP")
        ]
    );
    for m in &found {
        assert_eq!(&text[m.span().range()], m.surface);
    }
}

#[cfg(feature = "builtin")]
#[test]
fn user_gazetteer_merges_with_the_builtin_one() {
    let tsv = "id\tkind\tname\tname_en\n\
               vladimir-putin\tperson\tبوطين\t\n\
               acme\torganisation\tأكمي للتقنية\tAcme Technology\n";
    let mut b = MatcherBuilder::new();
    b.gazetteer(Gazetteer::from_tsv_str(tsv).unwrap());
    let m = b.build().unwrap();
    assert_eq!(
        ids(&m, "قال بوطين إن أكمي للتقنية وبكين"),
        ["vladimir-putin", "acme", "geonames:1816670"]
    );
    assert_eq!(m.entity_by_id("acme").unwrap().name_en, "Acme Technology");
}

#[test]
fn user_gazetteer_can_replace_the_builtin_one() {
    let json = r#"[{"id": "acme", "kind": "organisation", "name_ar": "أكمي", "name_en": "Acme"}]"#;
    let mut b = MatcherBuilder::new();
    b.builtin(false)
        .gazetteer(Gazetteer::from_json_str(json).unwrap());
    let m = b.build().unwrap();
    assert_eq!(ids(&m, "أكمي في بكين"), ["acme"]);
    assert!(m.entity_by_id("cldr:CN").is_none());
    let err = MatcherBuilder::new().builtin(false).build().unwrap_err();
    assert_eq!(
        err.to_string(),
        "no gazetteer: the built-in one is off and no user gazetteer was added"
    );
    let builtin = MatcherBuilder::new().builtin(true).build();
    if cfg!(feature = "builtin") {
        assert!(builtin.is_ok());
    } else {
        assert!(
            builtin
                .unwrap_err()
                .to_string()
                .contains("`builtin` feature")
        );
    }
}

#[test]
fn gazetteer_file_errors_name_the_file() {
    let dir = std::env::temp_dir().join(format!("tawfiq-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.tsv");
    std::fs::write(&bad, "id\tkind\tname\nx\tperson\tفلان\ny\tanimal\tقط\n").unwrap();
    let err = Gazetteer::from_path(&bad).unwrap_err().to_string();
    assert!(
        err.ends_with("bad.tsv:3:2: kind \"animal\" is not person, place or organisation"),
        "{err}"
    );
    let bin = dir.join("bin.tsv");
    std::fs::write(&bin, b"id\tkind\tname\nx\tperson\t\xFF\n").unwrap();
    let err = Gazetteer::from_path(&bin).unwrap_err().to_string();
    assert!(
        err.ends_with("bin.tsv:2:10: invalid UTF-8 (byte offset 22)"),
        "{err}"
    );
    let err = Gazetteer::from_path(dir.join("g.csv"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown gazetteer format"), "{err}");
    let err = Gazetteer::from_path(dir.join("missing.tsv"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("missing.tsv"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(feature = "builtin")]
#[test]
fn builtin_gazetteer_counts() {
    let s = Matcher::builtin().stats();
    println!("{s:?}");
    assert!(s.geonames_places >= 25_000, "{s:?}");
    assert!(s.countries >= 250, "{s:?}");
    assert!(s.people + s.organisations >= 1_500, "{s:?}");
}

#[cfg(feature = "builtin")]
#[test]
fn curated_and_country_names_find_their_entity() {
    use std::collections::HashSet;
    use tawfiq::keys::ortho_key;
    let m = Matcher::builtin();
    let mut ids = HashSet::new();
    for e in m.entities() {
        assert!(ids.insert(e.id.as_ref()), "duplicate id {}", e.id);
        assert!(
            !e.name_ar.is_empty() && !e.name_en.is_empty(),
            "{} lacks a canonical name",
            e.id
        );
        if e.id.starts_with("geonames:") || e.id.starts_with("iso:") {
            // Names of towns and divisions that are everyday words or phrases
            // (`كنيسة المسيح`, a parish of Barbados) are not linked alone.
            continue;
        }
        // The canonical name finds this entity, or an entity with a better prior that
        // shares the whole name.
        let found: Vec<_> = m.find_iter(&e.name_ar).collect();
        let ok = found.iter().any(|x| x.entity_id() == Some(e.id.as_ref()))
            || found.iter().any(|x| {
                !x.how.alternatives.is_empty() && ortho_key(x.surface) == ortho_key(&e.name_ar)
            });
        assert!(
            ok,
            "{} ({}) not found by its name: {:?}",
            e.id,
            e.name_ar,
            found
                .iter()
                .map(|x| (x.surface, x.entity_id().unwrap_or("(unlinked)")))
                .collect::<Vec<_>>()
        );
    }
}

/// A batch gives, name for name and in order, what one call at a time gives, with and
/// without a kind, and with more names than one thread's piece.
#[cfg(feature = "builtin")]
#[test]
fn resolve_batch_is_resolve_in_order() {
    use tawfiq::EntityKind;
    let m = Matcher::builtin();
    let base = [
        "ماسود بيزشكيان",
        "Xi Jinping",
        "عمان",
        "قرية لا توجد",
        "",
        "دلهي",
        "Jill Biden",
        "شى جين بينج",
    ];
    let names: Vec<String> = (0..5).flat_map(|_| base.map(String::from)).collect();
    let summary = |r: &tawfiq::Resolution<'_>| {
        let best = r.best.as_ref().map(|c| (c.entity.id.clone(), c.score));
        let candidates: Vec<_> = r.candidates.iter().map(|c| c.entity.id.clone()).collect();
        (best, candidates)
    };
    for kind in [None, Some(EntityKind::Place)] {
        let batch = m.resolve_batch(&names, kind);
        assert_eq!(batch.len(), names.len());
        for (name, r) in names.iter().zip(&batch) {
            let one = match kind {
                None => m.resolve(name),
                Some(k) => m.resolve_kind(name, k),
            };
            assert_eq!(summary(r), summary(&one), "{name}");
        }
    }
    assert!(m.resolve_batch(&[] as &[&str], None).is_empty());
}

/// A thread cap changes how many threads work, never what they find: batches, clusters and
/// a reconciliation under a cap of 1 equal those on all cores.
#[test]
fn a_thread_cap_changes_nothing_found() {
    use tawfiq::{Clusterer, Reconciler};
    let tsv = "id\tkind\tname\tname_en\n\
               samir-haddad\tperson\tسمير حداد\tSamir Haddad\n\
               wadi-zahra\tplace\tوادي الزهرة\tWadi al-Zahra\n";
    let build = |threads| {
        let mut b = MatcherBuilder::new();
        b.builtin(false)
            .gazetteer(Gazetteer::from_tsv_str(tsv).unwrap())
            .threads(threads);
        b.build().unwrap()
    };
    let (capped, free) = (build(1), build(0));
    assert_eq!((capped.threads(), free.threads()), (1, 0));
    let texts: Vec<String> = (0..40)
        .map(|i| format!("وصل سمير حداد إلى وادي الزهرة والتقى المهندس كريم دوغانلي {i}"))
        .collect();
    let spans = |m: &Matcher| -> Vec<Vec<(usize, usize, Option<String>)>> {
        m.find_batch(&texts)
            .iter()
            .map(|ms| {
                ms.iter()
                    .map(|m| (m.start, m.end, m.entity_id().map(String::from)))
                    .collect()
            })
            .collect()
    };
    assert_eq!(spans(&capped), spans(&free));
    let names = [
        "سمير حداد",
        "سمير الحداد",
        "وادى الزهرة",
        "كريم دوغانلي",
        "كريم دوغانلى",
    ];
    let resolved = |m: &Matcher| -> Vec<Option<String>> {
        m.resolve_batch(&names, None)
            .iter()
            .map(|r| r.entity().map(|e| e.id.to_string()))
            .collect()
    };
    assert_eq!(resolved(&capped), resolved(&free));
    let clusters = |m: &Matcher, threads: usize| {
        let mut c = Clusterer::new(Some(m));
        c.threads(threads).extend(names.iter().copied());
        c.clusters()
    };
    assert_eq!(clusters(&capped, 1), clusters(&free, 0));
    let reconciled = |m: &Matcher| {
        let mut r = Reconciler::new(m);
        r.add_documents(&texts);
        r.finish().gazetteer_tsv()
    };
    assert_eq!(reconciled(&capped), reconciled(&free));
}

/// `{:?}` of a resolution names its entities by id (it printed kilobytes of names), and the
/// options choose the kind, the threshold and how many candidates are reported.
#[cfg(feature = "builtin")]
#[test]
fn resolutions_debug_short_and_options_apply() {
    use tawfiq::{EntityKind, ResolveOptions};
    let m = Matcher::builtin();
    let r = m.resolve("عمان");
    let debug = format!("{r:?}");
    assert!(
        debug.contains("cldr:OM") || debug.contains("geonames:"),
        "{debug}"
    );
    assert!(debug.len() < 3_000, "{} bytes: {debug}", debug.len());

    let wide = ResolveOptions {
        top_k: 20,
        ..ResolveOptions::default()
    };
    let many = m.resolve_with("عمان", &wide);
    assert!(many.candidates.len() > 5, "{}", many.candidates.len());
    assert_eq!(
        many.entity().map(|e| &e.id),
        r.entity().map(|e| &e.id),
        "reporting more candidates does not change the answer"
    );
    let one = ResolveOptions {
        top_k: 1,
        ..ResolveOptions::default()
    };
    assert!(m.resolve_with("عمان", &one).candidates.len() <= 1);

    // A threshold over every share refuses what the default links.
    let sure = ResolveOptions {
        threshold: 1.01,
        ..ResolveOptions::default()
    };
    assert!(r.best.is_some());
    assert!(m.resolve_with("عمان", &sure).best.is_none());

    let places = ResolveOptions {
        kind: Some(EntityKind::Place),
        ..ResolveOptions::default()
    };
    let place = m.resolve_with("دلهي", &places);
    assert!(
        place
            .candidates
            .iter()
            .all(|c| c.entity.kind == EntityKind::Place)
    );
}
