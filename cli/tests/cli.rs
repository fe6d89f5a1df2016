//! The `tawfiq` tool as scripts use it: one output line per input line, a JSON error object
//! in the place of a bad line, the run going on, exit status 1 at the end (2 for usage
//! errors), a byte-order mark dropped. Runs the binary with a small user gazetteer, so it
//! needs no built-in one.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use serde_json::Value;

/// A user gazetteer in a file of cargo's temporary directory for tests (inside `target/`,
/// so that runs leave nothing behind in the system's), written once for the tests running
/// in parallel: two people and a place. Written beside and renamed into place, so that a
/// run at the same time never reads it half written.
fn gazetteer() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
        let path = dir.join("cli-test-gazetteer.tsv");
        let partial = dir.join(format!("cli-test-gazetteer.{}.tsv", std::process::id()));
        std::fs::write(
            &partial,
            "id\tkind\tname\tname_en\n\
             samir-haddad\tperson\tسمير حداد\tSamir Haddad\n\
             layla-nasser\tperson\tليلى ناصر\tLayla Nasser\n\
             wadi-zahra\tplace\tوادي الزهرة\tWadi al-Zahra\n",
        )
        .unwrap();
        std::fs::rename(&partial, &path).unwrap();
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
            help.contains("Exit status:"),
            "help: {command} --help: {help}"
        );
    }
}

/// Writes `text` to a temporary file named after `name` and the process, and returns its
/// path.
fn temp_file(name: &str, text: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("tawfiq-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn every_command_takes_the_same_options() {
    let file = temp_file("same-options.txt", "وصل سمير حداد".as_bytes());
    let file = file.to_str().unwrap();
    for args in [
        &["annotate", "--threads", "1", file][..],
        &["annotate", "--threads", "0", "--format", "pretty", file],
        &["resolve", "--threads", "2", "--kind", "person"],
        &["cluster", "--threads", "1"],
        &["reconcile", "--threads", "1", file],
        &["stats", "--threads", "1"],
    ] {
        let output = tawfiq(args, "سمير حداد\n".as_bytes());
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let _ = std::fs::remove_file(file);
}

#[test]
fn stats_prints_json_or_text_and_refuses_unknown_flags() {
    let json = tawfiq(&["stats", "--format", "json"], b"");
    assert_eq!(json.status.code(), Some(0));
    let counts = &json_lines(&json)[0];
    assert_eq!(counts["entities"], 3);
    assert_eq!(counts["people"], 2);
    let text = tawfiq(&["stats"], b"");
    assert!(
        String::from_utf8(text.stdout)
            .unwrap()
            .contains("all entities")
    );
    let refused = tawfiq(&["stats", "--json"], b"");
    assert_eq!(
        refused.status.code(),
        Some(2),
        "help: an unknown flag is an error, not silently accepted"
    );
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--json"));
}

/// What the test reads of an HTML page (whose tags it checks to nest): per section, the
/// file name and the text of its `.text` block without the labels.
struct Page {
    sections: Vec<(String, String)>,
}

/// Reads `html` as this crate writes it: every `<` opens a tag (text must escape it), every
/// tag but the void ones is closed in order, and text holds only the five escapes.
fn read_page(html: &str) -> Page {
    const VOID: [&str; 2] = ["meta", "!doctype"];
    let unescape = |s: &str| {
        assert!(!s.contains('>'), "help: a raw > in text: {s:?}");
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find('&') {
            out.push_str(&rest[..i]);
            let entity = [
                ("&amp;", "&"),
                ("&lt;", "<"),
                ("&gt;", ">"),
                ("&quot;", "\""),
                ("&#39;", "'"),
            ]
            .into_iter()
            .find(|(e, _)| rest[i..].starts_with(e))
            .unwrap_or_else(|| panic!("help: a raw & in text: {:?}", &rest[i..]));
            out.push_str(entity.1);
            rest = &rest[i + entity.0.len()..];
        }
        out + rest
    };
    let attr = |tag: &str, name: &str| {
        let key = format!(" {name}=\"");
        tag.find(&key).map(|i| {
            let value = &tag[i + key.len()..];
            unescape(&value[..value.find('"').unwrap()])
        })
    };
    let mut page = Page {
        sections: Vec::new(),
    };
    let mut stack: Vec<(String, bool)> = Vec::new(); // (name, is a label)
    let (mut in_text, mut in_label) = (0, 0);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        let text = unescape(&rest[..lt]);
        if in_text > 0 && in_label == 0 {
            page.sections.last_mut().unwrap().1.push_str(&text);
        }
        let gt = lt + rest[lt..].find('>').expect("a tag is closed");
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        let name = tag
            .trim_start_matches('/')
            .split([' ', '\n'])
            .next()
            .unwrap()
            .to_lowercase();
        if let Some(closing) = tag.strip_prefix('/') {
            let (open, label) = stack
                .pop()
                .expect("help: a closing tag without an opening one");
            assert_eq!(open, closing, "help: tags must nest");
            in_label -= usize::from(label);
            if open == "div" && in_text > 0 {
                in_text -= 1;
            }
            continue;
        }
        if VOID.contains(&name.as_str()) {
            continue;
        }
        if name == "section" {
            page.sections.push((
                attr(tag, "data-file").expect("a section names its file"),
                String::new(),
            ));
        }
        if name == "div" && (in_text > 0 || attr(tag, "class").as_deref() == Some("text")) {
            in_text += 1;
        }
        let label = attr(tag, "class").is_some_and(|c| c.split(' ').any(|c| c == "label"));
        in_label += usize::from(label);
        stack.push((name, label));
    }
    assert!(stack.is_empty(), "help: tags left open: {stack:?}");
    assert!(rest.trim().is_empty());
    page
}

#[test]
fn html_of_several_files_is_one_escaped_document() {
    let one = temp_file(
        "html-one.txt",
        "قال سمير حداد إن <b>الأمر</b> & \"غيره\" بخير.\nثم زارت ليلى ناصر وادي الزهرة.\n"
            .as_bytes(),
    );
    let two = temp_file(
        "html-<two>&.txt",
        "\u{FEFF}وفي وادي الزهرة التقى سمير حداد المهندس كريم دوغانلي، وقال دوغانلي إن </div> لا شيء.\n"
            .as_bytes(),
    );
    let files = [one.to_str().unwrap(), two.to_str().unwrap()];
    let output = tawfiq(&["annotate", "--format", "html", files[0], files[1]], b"");
    assert_eq!(output.status.code(), Some(0));
    let html = String::from_utf8(output.stdout).unwrap();
    for once in [
        "<!DOCTYPE html>",
        "<html",
        "<head>",
        "<body>",
        "</body>",
        "</html>",
    ] {
        assert_eq!(html.matches(once).count(), 1, "help: one document: {once}");
    }
    let page = read_page(&html);
    assert_eq!(page.sections.len(), 2);
    for ((file, text), path) in page.sections.iter().zip(files) {
        assert_eq!(file, path);
        let original = std::fs::read_to_string(path)
            .unwrap()
            .replace('\u{FEFF}', "   ");
        assert_eq!(
            *text, original,
            "help: the page's text, labels left out, is the file's text"
        );
    }
    // Each mention of the jsonl output is a mark of its kind and entity, in order.
    let jsonl = json_lines(&tawfiq(&["annotate", files[0], files[1]], b""));
    let marks: Vec<(String, String, String)> = html
        .split("<mark ")
        .skip(1)
        .map(|m| {
            let attr = |name: &str| {
                let key = format!("{name}=\"");
                let v = &m[m.find(&key).unwrap() + key.len()..];
                v[..v.find('"').unwrap()].to_string()
            };
            (attr("data-kind"), attr("data-entity"), attr("data-start"))
        })
        .collect();
    let expected: Vec<(String, String, String)> = jsonl
        .iter()
        .map(|l| {
            (
                l["kind"].as_str().unwrap().to_string(),
                l["entity"]["id"].as_str().unwrap_or("").to_string(),
                l["start"].to_string(),
            )
        })
        .collect();
    assert_eq!(marks, expected);
    assert!(
        expected.iter().any(|e| e.1.is_empty()),
        "an unlinked name too"
    );
    assert!(html.contains("class=\"m person unlinked\""));
    assert!(html.contains("class=\"legend\""));
    for f in files {
        let _ = std::fs::remove_file(f);
    }
}

#[test]
fn annotate_refuses_a_missing_file_before_any_output() {
    let file = temp_file("present.txt", "وصل سمير حداد".as_bytes());
    let output = tawfiq(
        &[
            "annotate",
            "--format",
            "html",
            file.to_str().unwrap(),
            "/nonexistent/x.txt",
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty(), "help: no half page");
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent/x.txt"));
    let _ = std::fs::remove_file(file);
}

/// `--top-k` bounds the candidates of every line, `--threshold` 1 refuses what the default
/// links, and a share outside 0..1 is a usage error (status 2).
#[test]
fn resolve_takes_a_threshold_and_a_top_k() {
    let input = "سمير حداد\nسمير حدات\n".as_bytes();
    let default = json_lines(&tawfiq(&["resolve"], input));
    assert_eq!(default[0]["entity"]["id"], "samir-haddad");
    let top = json_lines(&tawfiq(&["resolve", "--top-k", "1"], input));
    assert!(
        top.iter()
            .all(|l| l["candidates"].as_array().unwrap().len() <= 1)
    );
    let strict = tawfiq(&["resolve", "--threshold", "1"], input);
    assert_eq!(strict.status.code(), Some(0));
    let strict = json_lines(&strict);
    assert!(strict.iter().any(|l| l["entity"].is_null()), "{strict:?}");
    let bad = tawfiq(&["resolve", "--threshold", "1.5"], input);
    assert_eq!(bad.status.code(), Some(2));
}
