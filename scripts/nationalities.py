#!/usr/bin/env python3
"""Writes crates/forms/data/nationalities.tsv from Debian's iso-codes (apt-get install iso-codes):
ISO 3166-1 alpha-3, English (common) name, Japanese name; Japan left out, Stateless added."""
import gettext
import json

d = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
t = gettext.GNUTranslations(open("/usr/share/locale/ja/LC_MESSAGES/iso_3166-1.mo", "rb"))
header = [
    "# Nationalities and regions for the forms' \"Nationality/Region\" choice: ISO 3166-1 alpha-3 code,",
    "# English name, Japanese name. Source: Debian's iso-codes 4.15.0 (iso_3166-1.json and its",
    "# Japanese translation iso_3166-1.mo; LGPL-2.1+), the common name where one exists; Japan",
    "# left out (the applicants are foreign nationals); XXX (ICAO: stateless, 無国籍) added. Regenerate with",
    "# scripts/nationalities.py.",
]
rows = []
for c in d:
    if c["alpha_3"] == "JPN":
        continue
    en = c.get("common_name", c["name"])
    ja = t.gettext(c["name"])
    if "common_name" in c and t.gettext(c["common_name"]) != c["common_name"]:
        ja = t.gettext(c["common_name"])
    rows.append((c["alpha_3"], en, ja))
rows.sort(key=lambda r: r[1])
rows.append(("XXX", "Stateless", "無国籍"))
with open("crates/forms/data/nationalities.tsv", "w") as out:
    out.write("\n".join(header + ["\t".join(r) for r in rows]) + "\n")
