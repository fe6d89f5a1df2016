#!/usr/bin/env python3
"""Derive data/person_tokens_ar.tsv: the Arabic words of person names, with how often
they occur in person names, from the team's shared name data.

Sources (see data/README.md):
  ../shared/data/amazon_wikidata_person_tokens_ar/tokens.tsv  (Wikidata person-name tokens,
      CC0; `count` = how many Wikidata name pairs produced the token's alignment)
  ../shared/data/google_ar2en_names/pairs.tsv                 (Arabic names, Apache-2.0)

Output columns: token (Arabic, as the sources write it, harakat removed), count (the sum of
the Wikidata counts over the token's Latin spellings, plus one per Google name). Tokens
that are not made of Arabic letters, are a single letter, or were seen only once in
Wikidata alone are left out (rare alignments are noisy).

Usage: python3 scripts/import_name_tokens.py ../shared/data > data/person_tokens_ar.tsv
"""
import csv
import sys
import unicodedata
from collections import Counter

ARABIC_LETTERS = set(chr(c) for c in range(0x0621, 0x064B)) | {'\u0671', '\u067E', '\u0686', '\u06A4', '\u06AF', '\u06CC', '\u0698', '\u06A9'}


def bare(token):
    # Harakat, tatweel and other marks out; letters kept as written.
    return ''.join(c for c in unicodedata.normalize('NFC', token)
                   if not unicodedata.category(c).startswith('M') and c != '\u0640')


def main(shared):
    wikidata = Counter()
    with open(f'{shared}/amazon_wikidata_person_tokens_ar/tokens.tsv', encoding='utf-8') as f:
        for row in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE):
            wikidata[bare(row['ar_token'])] += int(row['count'])
    google = Counter()
    with open(f'{shared}/google_ar2en_names/pairs.tsv', encoding='utf-8') as f:
        for row in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE):
            for token in row['ar'].split():
                google[bare(token)] += 1
    out = csv.writer(sys.stdout, delimiter='\t', lineterminator='\n')
    out.writerow(['token', 'count'])
    for token in sorted(set(wikidata) | set(google)):
        if len(token) < 2 or not all(c in ARABIC_LETTERS for c in token):
            continue
        if google[token] == 0 and wikidata[token] < 2:
            continue
        out.writerow([token, wikidata[token] + google[token]])


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '../shared/data')
