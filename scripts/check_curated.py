#!/usr/bin/env python3
"""Checks data/curated/*.tsv against data/curated/FORMAT.md. Exit status 1 on any error.

The build script (build.rs) applies the same rules; this script gives data editors a quick
check without compiling the crate.
"""
import re
import sys

COLUMNS = ["id", "kind", "name_en", "name_ar", "aliases_ar", "short_ar", "aliases_en",
           "wikidata", "country", "role", "prominence"]
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
QID = re.compile(r"^Q[1-9][0-9]*$")
ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN = re.compile(r"[A-Za-z]")


def main(paths):
    errors = 0
    seen = {}
    qids = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        header = None
        for n, line in enumerate(lines, 1):
            def err(msg):
                nonlocal errors
                errors += 1
                print(f"{path}:{n}: {msg}")
            if line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                if cells != COLUMNS:
                    err(f"header must be {COLUMNS}")
                continue
            if len(cells) != len(COLUMNS):
                err(f"{len(cells)} cells, expected {len(COLUMNS)}")
                continue
            row = dict(zip(COLUMNS, cells))
            for k, v in row.items():
                if v != v.strip():
                    err(f"{k}: leading/trailing space")
            if not SLUG.match(row["id"]):
                err(f"id {row['id']!r} is not a slug")
            if row["id"] in seen:
                err(f"duplicate id {row['id']} (first at {seen[row['id']]})")
            seen[row["id"]] = f"{path}:{n}"
            if row["kind"] not in ("person", "organisation", "place"):
                err(f"kind {row['kind']!r}")
            if not row["name_en"] or not LATIN.search(row["name_en"]):
                err("name_en empty or not Latin")
            if not row["name_ar"] or not ARABIC.search(row["name_ar"]):
                err("name_ar empty or not Arabic")
            for col in ("aliases_ar", "short_ar"):
                for a in filter(None, row[col].split("|")):
                    if a != a.strip() or not ARABIC.search(a):
                        err(f"{col}: {a!r} is not a clean Arabic alias")
                if row[col] and "" in row[col].split("|"):
                    err(f"{col}: empty alias")
            for a in filter(None, row["aliases_en"].split("|")):
                if a != a.strip() or ARABIC.search(a):
                    err(f"aliases_en: {a!r} is not a clean Latin alias")
            if row["wikidata"]:
                if not QID.match(row["wikidata"]):
                    err(f"wikidata {row['wikidata']!r}")
                elif row["wikidata"] in qids:
                    err(f"wikidata {row['wikidata']} also at {qids[row['wikidata']]}")
                qids[row["wikidata"]] = f"{path}:{n}"
            if row["country"] and not re.match(r"^[A-Z]{2}$", row["country"]):
                err(f"country {row['country']!r}")
            if not row["role"]:
                err("role empty")
            if row["prominence"] not in ("1", "2", "3", "4", "5"):
                err(f"prominence {row['prominence']!r}")
    print(f"{len(seen)} entities, {errors} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
