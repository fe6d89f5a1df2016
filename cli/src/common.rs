//! Command-line plumbing shared by the commands: the `--gazetteer PATH`, `--no-builtin` and
//! `--threads N` options every command accepts, input read line by line with an error per bad line,
//! output written and flushed one whole line at a time, and the exit statuses.

use std::io::{BufRead, Write};
use std::ops::Range;
use std::path::Path;
use std::process::exit;

use clap::Args;
use serde::Serialize;

use tawfiq::{EntityKind, Gazetteer, Matcher, MatcherBuilder};

/// The options every command takes: which gazetteers, how many threads.
#[derive(Args, Debug)]
#[command(next_help_heading = "Gazetteer and threads")]
pub struct Common {
    /// Add a user gazetteer (.tsv or .json, by extension; repeatable). Its entities join
    /// the built-in ones; a row with a built-in id adds names to that entity
    #[arg(long = "gazetteer", value_name = "PATH")]
    pub gazetteers: Vec<String>,
    /// Leave the built-in gazetteer out (then give a --gazetteer)
    #[arg(long)]
    pub no_builtin: bool,
    /// Run on at most N threads [default: 0, one per core]
    #[arg(long, value_name = "N", default_value_t = 0, hide_default_value = true)]
    pub threads: usize,
}

impl Common {
    /// Is the built-in gazetteer to be used? Never when this build left it out.
    pub fn builtin(&self) -> bool {
        cfg!(feature = "builtin") && !self.no_builtin
    }

    /// The thread cap for the library: 0 for one thread per core.
    pub fn threads(&self) -> usize {
        self.threads
    }
}

/// A kind of entity, as the options name it.
/// `--kind` and `--export` take one.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum Kind {
    Person,
    Place,
    Organisation,
}

impl From<Kind> for EntityKind {
    fn from(k: Kind) -> EntityKind {
        match k {
            Kind::Person => EntityKind::Person,
            Kind::Place => EntityKind::Place,
            Kind::Organisation => EntityKind::Organisation,
        }
    }
}

/// Builds the matcher the options ask for, or exits with the error (status 2).
pub fn build_matcher(common: &Common) -> Matcher {
    let mut builder = MatcherBuilder::new();
    builder.builtin(common.builtin()).threads(common.threads());
    for path in &common.gazetteers {
        match Gazetteer::from_path(path) {
            Ok(g) => {
                builder.gazetteer(g);
            }
            Err(e) => fail(&e.to_string()),
        }
    }
    builder.build().unwrap_or_else(|e| {
        let hint = if cfg!(feature = "builtin") {
            ""
        } else {
            " (this tawfiq was built without the built-in gazetteer: give a --gazetteer)"
        };
        fail(&format!("{e}{hint}"))
    })
}

/// The exit statuses every command documents in its `--help`.
pub const EXIT_STATUS_HELP: &str = "Exit status:
  0  every input line was processed
  1  some input lines were not: each has a JSON object with an \"error\" field in its
     place, and the run went on
  2  the run could not start or go on (a bad argument, an unreadable file or gazetteer)";

/// The UTF-8 byte-order mark, stripped from the start of stdin and of every input file.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Prints `message` to stderr and exits with status 2.
pub fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    exit(2)
}

/// Checks that `bytes` read from `name` are UTF-8 and strips a leading byte-order mark; the
/// error says where the first bad byte is (line, column in characters, byte offset).
pub fn utf8(mut bytes: Vec<u8>, name: &str) -> Result<String, String> {
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let before = String::from_utf8_lossy(&bytes[..offset]);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("{name}:{line}:{column}: invalid UTF-8 (byte offset {offset})")
    })
}

/// Reads a file (or stdin for `-`) as UTF-8 without its byte-order mark, or exits with a
/// located error.
pub fn read_text(path: &str) -> String {
    utf8(read_bytes(path), path).unwrap_or_else(|e| fail(&e))
}

/// Reads a file (or stdin for `-`) as UTF-8 without its byte-order mark, or says why not
/// and where (for commands that go on past a bad file).
pub fn read_file(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| format!("<stdin>: {e}"))?;
        buf
    } else {
        std::fs::read(Path::new(path)).map_err(|e| format!("{path}: {e}"))?
    };
    utf8(bytes, path)
}

/// Reads a file (or stdin for `-`) as bytes, or exits with the error.
pub fn read_bytes(path: &str) -> Vec<u8> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .unwrap_or_else(|e| fail(&format!("<stdin>: {e}")));
        buf
    } else {
        std::fs::read(Path::new(path)).unwrap_or_else(|e| fail(&format!("{path}: {e}")))
    }
}

/// A whole file as text whose byte offsets are the file's: a leading byte-order mark and
/// each line that is not UTF-8 are overwritten with as many spaces (newlines kept), so
/// that the rest is read with its context and every offset still points into the file.
/// Returns the text and, for each overwritten line, its number (from 1), its byte range
/// and what was wrong.
pub fn text_with_offsets(mut bytes: Vec<u8>) -> (String, Vec<(usize, Range<usize>, LineError)>) {
    let mut bad = Vec::new();
    if bytes.starts_with(BOM) {
        bytes[..BOM.len()].fill(b' ');
    }
    if std::str::from_utf8(&bytes).is_err() {
        let mut start = 0;
        for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
            let end = start + line.len();
            if let Err(e) = std::str::from_utf8(line) {
                let offset = e.valid_up_to();
                let before = std::str::from_utf8(&line[..offset]).unwrap_or("");
                let column = before.chars().count() + 1;
                bad.push((i + 1, start..end, LineError::InvalidUtf8 { column, offset }));
            }
            start = end + 1;
        }
        for (_, range, _) in &bad {
            bytes[range.clone()].fill(b' ');
        }
    }
    let text = String::from_utf8(bytes).expect("every line that is not UTF-8 was blanked");
    (text, bad)
}

/// What is wrong with a line of input. Its `Display` is the `error` field of the JSON
/// object printed in the line's place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineError {
    /// Not UTF-8: the first bad byte's column (in characters, from 1) and byte offset in
    /// the line.
    InvalidUtf8 { column: usize, offset: usize },
    /// Longer than the command accepts (`bytes` as read, at least `limit + 1`).
    TooLong { bytes: usize, limit: usize },
    /// Of more words than a name may have.
    TooManyWords { words: usize, limit: usize },
    /// Blank (or without a letter or digit), where a name is expected.
    Blank,
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LineError::InvalidUtf8 { column, offset } => {
                write!(
                    f,
                    "invalid UTF-8 at column {column} (byte {offset} of the line)"
                )
            }
            LineError::TooLong { bytes, limit } => {
                write!(
                    f,
                    "line of {bytes} bytes is longer than the limit of {limit} bytes"
                )
            }
            LineError::TooManyWords { words, limit } => {
                write!(
                    f,
                    "name of {words} words is longer than the limit of {limit} words"
                )
            }
            LineError::Blank => f.write_str("no name on the line (blank, or no letter or digit)"),
        }
    }
}

/// The lines of a reader, numbered from 1, each as text or as the reason it is not: a
/// line that is not UTF-8 or longer than `limit` bytes is an error and the next line is
/// read as usual, so output stays aligned with input. A byte-order mark before the first
/// line and a `\r` before each `\n` are dropped; a line longer than `limit` is skipped
/// without being held in memory. A read error exits with status 2.
pub struct Lines<R> {
    reader: R,
    limit: usize,
    number: usize,
    /// The line read, cut after `limit + 5` bytes (the limit, one over it, a `\r` and a
    /// byte-order mark).
    buf: Vec<u8>,
    /// The last byte of the line read (kept when `buf` is cut).
    last: Option<u8>,
}

impl<R: BufRead> Lines<R> {
    /// The lines of `reader`, each at most `limit` bytes (without its line ending).
    pub fn new(reader: R, limit: usize) -> Lines<R> {
        Lines {
            reader,
            limit,
            number: 0,
            buf: Vec::new(),
            last: None,
        }
    }

    /// Reads the next line into `buf` (at most `limit + 1` bytes of it, with a `\r` after
    /// them); returns its full length, or `None` at the end of input.
    fn read_line(&mut self) -> Option<usize> {
        self.buf.clear();
        self.last = None;
        let (mut len, mut any) = (0, false);
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(chunk) => chunk,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => fail(&format!("<stdin>: {e}")),
            };
            if chunk.is_empty() {
                return any.then_some(len);
            }
            any = true;
            let (piece, newline) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (&chunk[..i], true),
                None => (chunk, false),
            };
            // Keep one byte over the limit (and a possible `\r`, and the first line's
            // byte-order mark, which is not counted), so that an over-long line is known as
            // one, without holding all of it. Without room for the mark, a first line cut
            // inside it under a limit below 3 was not seen to start with one.
            let room = (self.limit + 2 + BOM.len()).saturating_sub(self.buf.len());
            self.buf.extend_from_slice(&piece[..piece.len().min(room)]);
            len += piece.len();
            self.last = piece.last().copied().or(self.last);
            let used = piece.len() + usize::from(newline);
            self.reader.consume(used);
            if newline {
                return Some(len);
            }
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    /// The line's number and its text (the line ending left out), or what is wrong with it.
    type Item = (usize, Result<String, LineError>);

    fn next(&mut self) -> Option<Self::Item> {
        let mut len = self.read_line()?;
        self.number += 1;
        let mut start = 0;
        if self.number == 1 && self.buf.starts_with(BOM) {
            (start, len) = (BOM.len(), len - BOM.len());
        }
        if self.last == Some(b'\r') && len > 0 {
            if self.buf.len() - start == len {
                self.buf.pop();
            }
            len -= 1;
        }
        if len > self.limit {
            let error = LineError::TooLong {
                bytes: len,
                limit: self.limit,
            };
            return Some((self.number, Err(error)));
        }
        let line = match std::str::from_utf8(&self.buf[start..]) {
            Ok(line) => Ok(line.to_string()),
            Err(e) => {
                let offset = e.valid_up_to();
                let before = std::str::from_utf8(&self.buf[start..start + offset]).unwrap_or("");
                let column = before.chars().count() + 1;
                Err(LineError::InvalidUtf8 { column, offset })
            }
        };
        Some((self.number, line))
    }
}

/// The lines of stdin as names for `resolve` and `cluster`: each trimmed, and an error
/// for a blank line or one over [`Matcher::MAX_NAME_BYTES`] bytes or
/// [`Matcher::MAX_NAME_WORDS`] words (names the library would not look up).
pub fn names() -> impl Iterator<Item = (usize, Result<String, LineError>)> {
    let stdin = std::io::stdin().lock();
    Lines::new(stdin, Matcher::MAX_NAME_BYTES).map(|(n, line)| {
        let name = line.and_then(|line| {
            let name = line.trim();
            let words = tawfiq::keys::word_keys(name).len();
            if words == 0 {
                Err(LineError::Blank)
            } else if words > Matcher::MAX_NAME_WORDS {
                Err(LineError::TooManyWords {
                    words,
                    limit: Matcher::MAX_NAME_WORDS,
                })
            } else {
                Ok(name.to_string())
            }
        });
        (n, name)
    })
}

/// The input of [`names`] and its limits, for `--help`.
pub fn names_help() -> String {
    format!(
        "Input: one name per line (UTF-8; a byte-order mark at the start is dropped). A blank\n\
         line (or one without a letter or digit), a line that is not UTF-8, and a name over\n\
         {} bytes or {} words (not a name: a paragraph, a broken line) get an object with an\n\
         \"error\" field.",
        Matcher::MAX_NAME_BYTES,
        Matcher::MAX_NAME_WORDS
    )
}

/// Standard output written one whole line at a time and flushed after each, so that a
/// crash, a kill or a closed pipe never cuts a line. A closed pipe (`| head`) ends the run
/// with the status so far; another write error exits with status 2.
pub struct Output {
    out: std::io::StdoutLock<'static>,
    line: Vec<u8>,
    /// Did some input fail (exit status 1)?
    pub failed: bool,
}

impl Output {
    /// The process's standard output.
    pub fn stdout() -> Output {
        Output {
            out: std::io::stdout().lock(),
            line: Vec::new(),
            failed: false,
        }
    }

    /// Writes `value` as one line of JSON.
    pub fn json(&mut self, value: &impl Serialize) {
        self.line.clear();
        serde_json::to_writer(&mut self.line, value).expect("JSON of output values");
        self.line.push(b'\n');
        let line = std::mem::take(&mut self.line);
        self.write(&line);
        self.line = line;
    }

    /// Writes `{"line": number, "error": error}` and remembers that input failed.
    pub fn line_error(&mut self, number: usize, error: &LineError) {
        self.failed = true;
        self.json(&serde_json::json!({"line": number, "error": error.to_string()}));
    }

    /// Writes `bytes` (whole lines) and flushes them.
    pub fn write(&mut self, bytes: &[u8]) {
        if let Err(e) = self.out.write_all(bytes).and_then(|()| self.out.flush()) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                exit(self.status());
            }
            fail(&format!("<stdout>: {e}"));
        }
    }

    /// The exit status so far: 1 if some input failed, else 0.
    pub fn status(&self) -> i32 {
        i32::from(self.failed)
    }

    /// Exits with [`Output::status`].
    pub fn finish(self) -> ! {
        let status = self.status();
        drop(self);
        exit(status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], limit: usize) -> Vec<(usize, Result<String, LineError>)> {
        Lines::new(input, limit).collect()
    }

    #[test]
    fn bad_lines_keep_their_place() {
        let got = lines(b"\xEF\xBB\xBFone\r\ntw\xFFo\n\nthree is long\nfour", 6);
        assert_eq!(
            got,
            [
                (1, Ok("one".to_string())),
                (
                    2,
                    Err(LineError::InvalidUtf8 {
                        column: 3,
                        offset: 2
                    })
                ),
                (3, Ok(String::new())),
                (
                    4,
                    Err(LineError::TooLong {
                        bytes: 13,
                        limit: 6
                    })
                ),
                (5, Ok("four".to_string())),
            ],
            "help: a BOM and \\r are dropped, every line is numbered, bad lines are errors"
        );
        assert!(lines(b"", 6).is_empty());
        assert_eq!(
            lines(b"x\n", 6).len(),
            1,
            "help: the last newline ends a line"
        );
        assert_eq!(lines(b"abcdef\r\n", 6), [(1, Ok("abcdef".to_string()))]);
        assert_eq!(
            lines(b"\xEF\xBB\xBF", 0),
            [(1, Ok(String::new()))],
            "help: the mark is not part of the line, whatever the limit"
        );
        assert_eq!(
            lines(b"\r\r\r\n", 0),
            [(1, Err(LineError::TooLong { bytes: 2, limit: 0 }))],
            "help: the \\r of a line ending is not counted, even in a line cut short"
        );
    }

    #[test]
    fn bad_lines_of_a_file_become_spaces() {
        let (text, bad) = text_with_offsets(b"\xEF\xBB\xBFok\nb\xFFd\r\n\nfine\xC3".to_vec());
        assert_eq!(
            text, "   ok\n    \n\n     ",
            "help: offsets must stay the file's"
        );
        let lines: Vec<(usize, Range<usize>)> = bad.iter().map(|b| (b.0, b.1.clone())).collect();
        assert_eq!(lines, [(2, 6..10), (4, 12..17)]);
        assert_eq!(
            bad[0].2,
            LineError::InvalidUtf8 {
                column: 2,
                offset: 1
            }
        );
    }

    proptest::proptest! {
        /// Any bytes: one item per line, in order, each the line (without a BOM or `\r`)
        /// when it is short UTF-8; and a file keeps its length and every good line.
        #[test]
        fn any_bytes_keep_their_lines(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![b'a', b'\n', b'\r', 0xD8, 0xB3, 0xFF, 0xEF, 0xBB, 0xBF, b' ']),
                0..200,
            ),
            limit in 0usize..12,
        ) {
            let expected: Vec<&[u8]> = if bytes.is_empty() {
                Vec::new()
            } else {
                let body = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
                body.split(|&b| b == b'\n').collect()
            };
            let got = lines(&bytes, limit);
            proptest::prop_assert_eq!(got.len(), expected.len());
            for (i, ((n, line), raw)) in got.iter().zip(&expected).enumerate() {
                proptest::prop_assert_eq!(*n, i + 1);
                let raw = if i == 0 { raw.strip_prefix(BOM).unwrap_or(raw) } else { raw };
                let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
                match line {
                    Ok(text) => proptest::prop_assert_eq!(text.as_bytes(), raw),
                    Err(LineError::TooLong { bytes, .. }) => {
                        proptest::prop_assert!(raw.len() > limit && *bytes == raw.len())
                    }
                    Err(_) => proptest::prop_assert!(std::str::from_utf8(raw).is_err()),
                }
            }
            let (text, bad) = text_with_offsets(bytes.clone());
            proptest::prop_assert_eq!(text.len(), bytes.len());
            for (i, (a, b)) in text.split('\n').zip(bytes.split(|&b| b == b'\n')).enumerate() {
                let good = std::str::from_utf8(b).is_ok() && !(i == 0 && b.starts_with(BOM));
                proptest::prop_assert!(!good || a.as_bytes() == b);
            }
            proptest::prop_assert!(bad.iter().all(|(_, r, _)| std::str::from_utf8(&bytes[r.clone()]).is_err()));
        }
    }

    #[test]
    fn long_lines_are_read_in_pieces() {
        // A reader with a tiny buffer hands a line over in many chunks.
        let input = [b"ab".repeat(50), b"\nok\n".to_vec()].concat();
        let reader = std::io::BufReader::with_capacity(3, &input[..]);
        let got: Vec<_> = Lines::new(reader, 10).collect();
        assert_eq!(
            got,
            [
                (
                    1,
                    Err(LineError::TooLong {
                        bytes: 100,
                        limit: 10
                    })
                ),
                (2, Ok("ok".to_string()))
            ]
        );
    }
}
