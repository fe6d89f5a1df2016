//! From bytes to a gazetteer: UTF-8, the byte-order mark, and the reader of each format.
//! Every error names the file, the line and the column.

use std::path::Path;

use super::record::Format;
use super::{Gazetteer, json, tsv};
use crate::error::GazetteerError;

/// Checks that `bytes` are UTF-8, locating the first bad byte by line and column.
pub(super) fn utf8<'a>(bytes: &'a [u8], path: &Path) -> Result<&'a str, GazetteerError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        // The prefix is valid UTF-8 by definition of `valid_up_to`.
        let before = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        GazetteerError::Utf8 {
            path: path.to_path_buf(),
            line,
            column,
            offset,
        }
    })
}

/// Parses a gazetteer in `format`. A byte-order mark (U+FEFF) that editors on Windows put
/// at the start of a file is dropped here, the one place every file and string goes
/// through, so that the first header or key is read as written; columns on the first line
/// are counted after it, as an editor shows them.
pub(super) fn parse(text: &str, path: &Path, format: Format) -> Result<Gazetteer, GazetteerError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    match format {
        Format::Tsv => tsv::read(text, path),
        Format::Json => json::read(text, path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_located() {
        let bytes = b"id\tkind\tname\nx\tperson\t\xD8\n";
        let e = utf8(bytes, Path::new("g.tsv")).unwrap_err().to_string();
        assert_eq!(e, "g.tsv:2:10: invalid UTF-8 (byte offset 22)");
    }

    #[test]
    fn a_bom_is_dropped() {
        let g = parse(
            "\u{FEFF}id\tkind\tname\nx\tperson\tفلان\n",
            Path::new("g.tsv"),
            Format::Tsv,
        )
        .unwrap();
        assert_eq!(g.entities()[0].id, "x");
        let e = parse("\u{FEFF}nmae\n", Path::new("g.tsv"), Format::Tsv).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("g.tsv:1:1: unknown column \"nmae\""),
            "help: the BOM is not part of the first column: {e}"
        );
    }
}
