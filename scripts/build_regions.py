"""Build ``datasets/regions/`` from the curated Kemendagri region tables.

Usage: ``python scripts/build_regions.py SRC OUT`` (defaults: none; e.g.
``python scripts/build_regions.py ../shared/data/regions datasets/regions``),
(not needed by ``scripts/build_datasets.py``, which reads the tables it wrote).

Input (*SRC*, see its ``SOURCE.md``): ``provinces.csv``, ``regencies.csv``,
``districts.csv``, ``villages.csv`` and ``abbreviations.csv`` as extracted from
cahyadsn/wilayah (MIT) for Kepmendagri 300.2.2-2138/2025.

Output (*OUT*), in the compact format :class:`pemilu_pks.Regions` reads:

- ``provinces.csv``: ``code,name,iso_3166_2``;
- ``regencies.csv``: ``code,level,name,official_name`` (level ``regency`` or ``city``);
- ``districts.csv``: ``code,name``;
- ``villages/PP.csv``, one per province: ``code,level,name`` (level ``village``,
  ``urban_village`` or ``customary_village``);
- ``abbreviations.csv``: ``abbreviation,region_code,note`` (copied);
- ``SOURCE.md``: this folder's provenance, with the upstream notes verbatim.

Parent codes are not stored: a code's parent is the code without its last part.
The files are written by the library's own writer, so a dataset read and
written back is byte-for-byte identical.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from _common import read_csv

from pemilu_pks._regions import Tables, write_tables

_KIND_LEVEL = {
    "kabupaten": "regency",
    "kota": "city",
    "desa": "village",
    "kelurahan": "urban_village",
    "desa_adat": "customary_village",
}

#: The numbers every build must reproduce (Kepmendagri 300.2.2-2138/2025).
EXPECTED = {
    "province": 38,
    "regency": 416,
    "city": 98,
    "district": 7285,
    "village": 75252,
    "urban_village": 8496,
    "customary_village": 14,
}

HEADER = """\
# Region codes and names (Kemendagri)

The Indonesian administrative regions as coded by the Ministry of Home Affairs
(Kementerian Dalam Negeri, Kemendagri): {province} provinces (provinsi),
{regencies} regencies and cities ({regency} kabupaten, {city} kota),
{district} districts (kecamatan; distrik in Papua) and {villages} villages
({urban_village} kelurahan, {village} desa, {customary_village} desa adat).

- **Legal basis**: Keputusan Menteri Dalam Negeri No. 300.2.2-2138 Tahun 2025
  (Kode, Data Wilayah Administrasi Pemerintahan, dan Pulau), as amended by
  No. 300.2.2-2430 Tahun 2025 (island codes only; the four levels here are unchanged).
- **Source**: repository cahyadsn/wilayah, file `db/wilayah.sql`, commit
  `b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7`; ten names corrected where two other
  extractions of the decree agree (lokabisa-oss/region-id, MIT;
  yonatanyl/KODE-WILAYAH-KEPMENDAGRI-2025, CC BY 4.0, Yonatan Yusak Lestari).
- **Licence**: MIT, "Copyright (c) 2017-2025 Cahya DSN"; the full notice is in
  `LICENSES.md` one folder up. The codes and names come from a public decree.
- **ISO 3166-2** codes of the provinces: from pycountry 26.2.16.

## This folder

Built by `scripts/build_regions.py` from the curated tables described below
(the "upstream notes"). That script only changes the layout:

- `provinces.csv`: `code,name,iso_3166_2`.
- `regencies.csv`: `code,level,name,official_name`; `level` is `regency` (kabupaten)
  or `city` (kota), from the upstream `kind`.
- `districts.csv`: `code,name`.
- `villages/PP.csv`, one file per province `PP`: `code,level,name`; `level` is
  `village` (desa), `urban_village` (kelurahan) or `customary_village` (desa adat),
  from the upstream `kind`.
- `abbreviations.csv`: copied unchanged.

Parent codes are not stored: the parent of `63.71.01.1001` is `63.71.01`, and so on
up to the province and the country (`ID`). Files are UTF-8, LF line ends, sorted by
code, quoted only where needed.

The upstream notes follow verbatim; their file names refer to the upstream layout.

---

"""


def build(src: Path, out: Path) -> None:
    """Read the curated tables in *src* and write the compact region files to *out*."""
    provinces = [(r["code"], r["name"], r["iso_3166_2"]) for r in read_csv(src / "provinces.csv")]
    province_codes = {code for code, _, _ in provinces}
    regencies = []
    for row in read_csv(src / "regencies.csv"):
        if row["province_code"] != row["code"][:2] or row["province_code"] not in province_codes:
            raise SystemExit(f"regency {row['code']}: bad province {row['province_code']}")
        regencies.append((row["code"], _KIND_LEVEL[row["kind"]], row["name"], row["official_name"]))
    regency_codes = {code for code, *_ in regencies}
    districts = []
    for row in read_csv(src / "districts.csv"):
        if row["regency_code"] != row["code"][:5] or row["regency_code"] not in regency_codes:
            raise SystemExit(f"district {row['code']}: bad regency {row['regency_code']}")
        districts.append((row["code"], row["name"]))
    district_codes = {code for code, _ in districts}
    villages: dict[str, list[tuple[str, str, str]]] = {code: [] for code in sorted(province_codes)}
    for row in read_csv(src / "villages.csv"):
        if row["district_code"] != row["code"][:8] or row["district_code"] not in district_codes:
            raise SystemExit(f"village {row['code']}: bad district {row['district_code']}")
        villages[row["code"][:2]].append((row["code"], _KIND_LEVEL[row["kind"]], row["name"]))
    abbreviations = [
        (r["abbreviation"], r["region_code"], r["note"])
        for r in read_csv(src / "abbreviations.csv")
    ]

    counts: Counter[str] = Counter({"province": len(provinces), "district": len(districts)})
    counts.update(level for _, level, _, _ in regencies)
    counts.update(level for rows in villages.values() for _, level, _ in rows)
    if dict(counts) != EXPECTED:
        raise SystemExit(f"counts differ from the decree: {dict(counts)} != {EXPECTED}")

    source = HEADER.format(
        **{level: f"{count:,}" for level, count in counts.items()},
        regencies=f"{counts['regency'] + counts['city']:,}",
        villages=f"{sum(len(v) for v in villages.values()):,}",
    )
    upstream = (src / "SOURCE.md").read_text(encoding="utf-8")
    tables = Tables(
        provinces=sorted(provinces),
        regencies=sorted(regencies),
        districts=sorted(districts),
        villages={code: sorted(rows) for code, rows in villages.items()},
        abbreviations=abbreviations,
        source=source + upstream,
    )
    write_tables(out, tables)
    for stale in (out / "villages").glob("*.csv"):  # a province that no longer exists
        if stale.stem not in villages:
            stale.unlink()
    copied = (out / "abbreviations.csv").read_bytes()
    if copied != (src / "abbreviations.csv").read_bytes():
        raise SystemExit("abbreviations.csv did not survive the round trip unchanged")


def main(argv: list[str]) -> None:
    """Command line: ``build_regions.py SRC OUT``."""
    if len(argv) != 2:
        raise SystemExit(__doc__)
    build(Path(argv[0]), Path(argv[1]))


if __name__ == "__main__":
    main(sys.argv[1:])
