//! Command-line plumbing shared by the commands: the `--gazetteer PATH` / `--no-builtin`
//! options every command accepts, and reading input files as UTF-8 with located errors.

use std::path::Path;
use std::process::exit;

use tawfiq::{Gazetteer, Matcher, MatcherBuilder};

/// Options common to every command, and the arguments left for the command itself.
pub struct Common {
    pub gazetteers: Vec<String>,
    pub builtin: bool,
    pub rest: Vec<String>,
}

/// Splits `--gazetteer PATH` (repeatable) and `--no-builtin` from the other arguments.
pub fn parse_common(args: impl Iterator<Item = String>, usage: &str) -> Common {
    let mut common = Common {
        gazetteers: Vec::new(),
        builtin: cfg!(feature = "builtin"),
        rest: Vec::new(),
    };
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--gazetteer" => match args.next() {
                Some(path) => common.gazetteers.push(path),
                None => fail(&format!("--gazetteer needs a path\n{usage}")),
            },
            "--no-builtin" => common.builtin = false,
            "-h" | "--help" => {
                println!("{usage}");
                exit(0);
            }
            _ => common.rest.push(arg),
        }
    }
    common
}

/// Builds the matcher the options ask for, or exits with the error.
pub fn build_matcher(common: &Common) -> Matcher {
    let mut builder = MatcherBuilder::new();
    builder.builtin(common.builtin);
    for path in &common.gazetteers {
        match Gazetteer::from_path(path) {
            Ok(g) => {
                builder.gazetteer(g);
            }
            Err(e) => fail(&e.to_string()),
        }
    }
    builder.build().unwrap_or_else(|e| fail(&e.to_string()))
}

/// Prints `message` to stderr and exits with status 2.
pub fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    exit(2)
}

/// Checks that `bytes` read from `name` are UTF-8; the error says where the first bad byte
/// is (line, column in characters, byte offset).
pub fn utf8(bytes: Vec<u8>, name: &str) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let before = String::from_utf8_lossy(&bytes[..offset]);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("{name}:{line}:{column}: invalid UTF-8 (byte offset {offset})")
    })
}

/// Reads a file (or stdin for `-`) as UTF-8, or exits with a located error.
pub fn read_text(path: &str) -> String {
    read_file(path).unwrap_or_else(|e| fail(&e))
}

/// Reads a file (or stdin for `-`) as UTF-8, or says why not and where.
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
