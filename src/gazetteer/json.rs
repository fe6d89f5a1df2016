//! The JSON reader: an array of entity objects.

use std::path::Path;

use super::{Entity, Gazetteer};
use crate::error::GazetteerError;
use crate::keys::ortho_key;

/// Parses a JSON array of entities (`text` without its BOM).
pub(super) fn read(text: &str, path: &Path) -> Result<Gazetteer, GazetteerError> {
    let entities: Vec<Entity> = serde_json::from_str(text).map_err(|e| GazetteerError::Json {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    for e in &entities {
        if e.id.trim().is_empty()
            || e.names()
                .chain(e.short.iter().map(|s| s.as_ref()))
                .all(|n| ortho_key(n).is_empty())
        {
            return Err(GazetteerError::NoUsableName {
                path: path.to_path_buf(),
                id: e.id.to_string(),
            });
        }
    }
    Ok(entities.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_entities() {
        let g = read(
            r#"[{"id": "x", "kind": "organisation", "name_ar": "أكمي", "name_en": "Acme", "short": ["أكم"]}]"#,
            Path::new("g.json"),
        )
        .unwrap();
        assert_eq!(g.entities()[0].short, ["أكم"]);
        let e = read(r#"[{"id": "x", "kind": "animal"}]"#, Path::new("g.json")).unwrap_err();
        assert!(e.to_string().starts_with("g.json:1:"), "{e}");
        let e = read(r#"[{"id": "x", "kind": "place"}]"#, Path::new("g.json")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "g.json: entity \"x\" has no name that contains a letter or digit"
        );
    }
}
