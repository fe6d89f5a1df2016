#!/usr/bin/env python3
"""Regenerates data/countries.tsv, data/cldr_cities.tsv and data/geonames_places.tsv from the
team's shared data folder (default ../shared/data), which holds the upstream extracts and their
provenance (SOURCE.md each). See data/README.md for sources and licences.

Usage: python3 scripts/import_shared_data.py [SHARED_DATA_DIR]

Only facts are kept (ids, names, codes, population, coordinates). The CLDR rows are the `cldr`
source rows only (Unicode licence); pycountry and countrynames rows are not embedded.
"""
import csv
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "data")


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)


def write(path, header, records):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(header) + "\n")
        for r in records:
            cells = [str(r[h]) for h in header]
            for c in cells:
                assert "\t" not in c and "\n" not in c, (path, r)
            f.write("\t".join(cells) + "\n")
    print(f"wrote {path}")


countries = [r for r in rows(os.path.join(shared, "countries_ar", "country_names.tsv"))
             if r["source"] == "cldr" and r["code"] != "code"]
write(os.path.join(root, "data", "countries.tsv"),
      ["code", "type", "en_name", "ar_name", "cldr_locale"],
      [dict(r, cldr_locale=r["source_detail"]) for r in countries])

cities = list(rows(os.path.join(shared, "countries_ar", "cldr_cities.tsv")))
write(os.path.join(root, "data", "cldr_cities.tsv"),
      ["tz_id", "country_code", "en_city", "ar_city"], cities)

places = list(rows(os.path.join(shared, "geonames_places_ar", "places.tsv")))
write(os.path.join(root, "data", "geonames_places.tsv"),
      ["geonameid", "name", "country_code", "admin1_code", "population", "latitude",
       "longitude", "arabic_names", "latin_names"], places)
