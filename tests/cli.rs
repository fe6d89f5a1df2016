//! The `tawfiq` tool as scripts use it: one output line per input line, a JSON error object
//! in the place of a bad line, the run going on, exit status 1 at the end (2 for usage
//! errors), a byte-order mark dropped. Runs the binary with a small user gazetteer, so it
//! needs no built-in one.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use serde_json::Value;

/// A user gazetteer in a temporary file, written once for the tests running in parallel:
/// two people and a place.
fn gazetteer() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let path = std::env::temp_dir().join(format!("tawfiq-cli-test-{}.tsv", std::process::id()));
        std::fs::write(
            &path,
            "id\tkind\tname\tname_en\n\
             samir-haddad\tperson\tسمير حداد\tSamir Haddad\n\
             layla-nasser\tperson\tليلى ناصر\tLayla Nasser\n\
             wadi-zahra\tplace\tوادي الزهرة\tWadi al-Zahra\n",
        )
        .unwrap();
        path
    })
}

/// Runs `tawfiq ARGS --no-builtin --gazetteer G` with `stdin`.
fn tawfiq(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tawfiq"))
        .args(args)
        .arg("--no-builtin")
        .arg("--gazetteer")
        .arg(gazetteer())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the tawfiq binary runs");
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    // Written from a thread, so a large input cannot block against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

/// The lines of stdout, each parsed as JSON.
fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l:?}")))
        .collect()
}

#[test]
fn resolve_keeps_every_line_in_place() {
    // 200 names, an invalid line at 201, one more name at 202.
    let mut input = Vec::new();
    for i in 0..200 {
        input.extend_from_slice(
            if i % 2 == 0 {
                "سمير حداد\n"
            } else {
                "ليلى ناصر\n"
            }
            .as_bytes(),
        );
    }
    input.extend_from_slice(b"\xD8 bad \xFF\n");
    input.extend_from_slice("وادي الزهرة\n".as_bytes());
    let output = tawfiq(&["resolve"], &input);
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 202, "help: one output line per input line");
    assert_eq!(
        output.status.code(),
        Some(1),
        "help: a bad line makes the status 1"
    );
    for (i, line) in lines.iter().enumerate() {
        if i == 200 {
            assert_eq!(line["line"], 201);
            assert!(line["error"].as_str().unwrap().contains("UTF-8"), "{line}");
            assert!(line["entity"].is_null() && line["candidates"] == Value::Array(vec![]));
        } else {
            assert!(line.get("error").is_none(), "{line}");
            let want = match i {
                201 => "wadi-zahra",
                i if i % 2 == 0 => "samir-haddad",
                _ => "layla-nasser",
            };
            assert_eq!(line["entity"]["id"], want, "line {}", i + 1);
        }
    }
}

#[test]
fn resolve_drops_a_bom_and_marks_blank_and_long_lines() {
    let long = "سمير ".repeat(200);
    let many_words = "أ ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ";
    let input = format!("\u{FEFF}سمير حداد\n\n   \n{long}\n{many_words}\r\nليلى ناصر\r\n");
    let output = tawfiq(&["resolve"], input.as_bytes());
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 6);
    assert_eq!(
        lines[0]["query"], "سمير حداد",
        "help: the BOM is not part of the name"
    );
    assert_eq!(lines[0]["entity"]["id"], "samir-haddad");
    for (i, what) in [(1, "blank"), (2, "blank"), (3, "bytes"), (4, "words")] {
        assert_eq!(lines[i]["line"], i + 1);
        let error = lines[i]["error"].as_str().unwrap();
        assert!(error.contains(what), "line {}: {error}", i + 1);
    }
    assert_eq!(lines[5]["entity"]["id"], "layla-nasser");
    assert_eq!(output.status.code(), Some(1));

    let clean = tawfiq(&["resolve"], "سمير حداد\n".as_bytes());
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(json_lines(&clean).len(), 1);
}

#[test]
fn resolve_survives_a_ten_megabyte_line() {
    let mut input = vec![b'x'; 10 << 20];
    input.extend_from_slice("\nسمير حداد\n".as_bytes());
    let output = tawfiq(&["resolve"], &input);
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0]["error"]
            .as_str()
            .unwrap()
            .contains("10485760 bytes")
    );
    assert_eq!(lines[1]["entity"]["id"], "samir-haddad");
}

#[test]
fn cluster_reports_bad_lines_and_clusters_the_rest() {
    let input = [
        "\u{FEFF}سمير حداد\n".as_bytes(),
        b"\xFF\xFE\n",
        "\n".as_bytes(),
        "سمير حداد\n".as_bytes(),
        "ليلى ناصر\n".as_bytes(),
    ]
    .concat();
    let output = tawfiq(&["cluster"], &input);
    let lines = json_lines(&output);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(lines[0]["line"], 2);
    assert!(lines[0]["error"].as_str().unwrap().contains("UTF-8"));
    assert_eq!(lines[1]["line"], 3);
    let clusters = &lines[2..];
    assert_eq!(clusters.len(), 2, "{clusters:?}");
    assert_eq!(
        clusters[0]["count"], 2,
        "help: the BOM must not make a second spelling"
    );
    assert!(!output.stdout.windows(3).any(|w| w == b"\xEF\xBB\xBF"));
}

#[test]
fn annotate_reads_around_a_bad_line() {
    let dir = std::env::temp_dir();
    let path = dir.join(format!("tawfiq-cli-annotate-{}.txt", std::process::id()));
    let text = [
        "\u{FEFF}وصل سمير حداد أمس.\n".as_bytes(),
        b"\xC3\x28 broken\n",
        "ثم زارت ليلى ناصر وادي الزهرة.\n".as_bytes(),
    ]
    .concat();
    std::fs::write(&path, &text).unwrap();
    let output = tawfiq(&["annotate", path.to_str().unwrap()], b"");
    let lines = json_lines(&output);
    assert_eq!(output.status.code(), Some(1));
    // Linked mentions and errors (unlinked mentions of the other words left out).
    let ids: Vec<&str> = lines
        .iter()
        .filter_map(|l| match l.get("error") {
            Some(_) => Some("error"),
            None => l["entity"]["id"].as_str(),
        })
        .collect();
    assert_eq!(
        ids,
        ["samir-haddad", "error", "layla-nasser", "wadi-zahra"],
        "help: the bad line's object comes in its place among the mentions"
    );
    assert_eq!(lines[1]["line"], 2);
    for l in lines.iter().filter(|l| l.get("surface").is_some()) {
        let (start, end) = (l["start"].as_u64().unwrap(), l["end"].as_u64().unwrap());
        assert_eq!(
            &text[start as usize..end as usize],
            l["surface"].as_str().unwrap().as_bytes(),
            "help: offsets index the file, BOM included"
        );
    }
    let _ = std::fs::remove_file(&path);

    let clean = tawfiq(&["annotate"], "وصل سمير حداد".as_bytes());
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(json_lines(&clean).len(), 1);
}

#[test]
fn usage_errors_exit_with_two_and_help_tells_the_statuses() {
    for args in [
        &["resolve", "extra"][..],
        &["cluster", "--export", "nothing"],
        &["annotate", "--format", "xml"],
        &["nonsense"],
    ] {
        let output = tawfiq(args, b"");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
    for command in ["annotate", "resolve", "cluster", "evaluate", "stats"] {
        let output = tawfiq(&[command, "--help"], b"");
        assert_eq!(output.status.code(), Some(0));
        let help = String::from_utf8(output.stdout).unwrap();
        assert!(
            help.contains("exit status"),
            "help: {command} --help: {help}"
        );
    }
}
