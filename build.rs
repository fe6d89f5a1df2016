//! Compiles `data/` into two binary images that the crate reads in place (`include_bytes!`):
//!
//! - `language.bin` (always): everyday word frequencies and the words of person names
//!   (`text::words`);
//! - `gazetteer.bin` (feature `builtin`): the built-in gazetteer's entity table and its
//!   lookup tables, made by the one alias-table builder (`text::table`) that also builds
//!   user gazetteers at run time.
//!
//! The text layer (`src/text/`) is included by path, so keys are computed by the very code
//! that computes them at run time; see `text::source` for the inputs.

#[allow(dead_code)]
#[path = "src/text/mod.rs"]
mod text;

#[allow(dead_code)]
#[path = "src/text/source.rs"]
mod source;

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    if let Err(e) = try_main() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

/// Every `.rs` file under `dir`, for `cargo:rerun-if-changed`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            rust_files(&path, out)?;
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
    Ok(())
}

fn try_main() -> Result<(), String> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    let data = root.join("data");
    let out = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    let write = |name: &str, bytes: &[u8]| {
        fs::write(out.join(name), bytes).map_err(|e| format!("{name}: {e}"))
    };
    let mut read = vec![root.join("build.rs")];
    rust_files(&root.join("src/text"), &mut read)?;

    if std::env::var_os("CARGO_FEATURE_BUILTIN").is_some() {
        let source = source::Source::read(&data)?;
        read.extend(source.files.iter().cloned());
        let bare = source::bare_words(&data, &mut read)?;
        write(
            "language.bin",
            &text::words::image(&source.frequencies, &bare),
        )?;
        let records: Vec<_> = source.recs.iter().map(source::Rec::record).collect();
        let mut image = text::image::Writer::new();
        image.section(
            text::image::ENTITIES,
            text::image::EntityTable::write(&records),
        );
        source.tables().write(&mut image);
        write("gazetteer.bin", &image.finish())?;
    } else {
        let frequencies = source::word_frequencies(&data, &mut read)?;
        let bare = source::bare_words(&data, &mut read)?;
        write("language.bin", &text::words::image(&frequencies, &bare))?;
    }
    for path in read {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    Ok(())
}
