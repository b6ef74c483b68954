"""Import ``datasets/regions/`` from the upstream release of the Kemendagri region codes.

Usage: ``python scripts/build_regions.py PATH/TO/wilayah.sql [OUT]`` (default
*OUT*: ``datasets/regions``).

The input is ``db/wilayah.sql`` of cahyadsn/wilayah at the commit that
``scripts/regions_upstream.json`` records, with its SHA-256: any other file
is refused.  The same file records what this import changes (names replaced,
with the reasons in ``datasets/regions/SOURCE.md``), the provinces' ISO
3166-2 codes and the counts of the decree, which every import must
reproduce.  ``abbreviations.csv``, ``names.csv`` and ``SOURCE.md`` in *OUT* are
curated by hand and left as they are.

The transformation, in order (``SOURCE.md`` tells the same story):

1. every ``('kode','nama')`` tuple of the SQL, ``''`` read as ``'``;
2. names in Unicode NFC, U+2019 as ``'``, spaces trimmed and runs of
   spaces collapsed, a lower-case first letter capitalised;
3. the names of ``regions_upstream.json`` replaced;
4. regencies (``rr`` 01-69) and cities (71-99), their short name the
   official one without "Kabupaten", "Kota" (or their "Administrasi" forms);
   villages by the first digit of ``vvvv``: 1 kelurahan (urban village),
   2 desa (village), 3 desa adat (customary village);
5. written by the library's own writer, sorted by code.

Not needed by ``scripts/build_datasets.py`` (``nox -s dataset``), which reads
the tables this writes.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from pemilu_pks._regions import Tables, write_tables

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "scripts" / "regions_upstream.json"

_TUPLE = re.compile(r"\('([0-9.]+)','((?:[^']|'')*)'\)")
_PREFIXES = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ")
_VILLAGE_LEVEL = {"1": "urban_village", "2": "village", "3": "customary_village"}


class ReleaseError(Exception):
    """The release is not the recorded one, or does not make the decree's tables."""


def clean(name: str) -> str:
    """A name as the tables hold it: NFC, ASCII apostrophe, single spaces, capital first letter."""
    text = " ".join(unicodedata.normalize("NFC", name).replace("\u2019", "'").split())
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def read_release(path: Path, sha256: str) -> dict[str, str]:
    """Code -> name of every tuple of the release, after checking its checksum."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256:
        raise ReleaseError(
            f"{path}: SHA-256 {digest}, but the recorded release has {sha256}: "
            "not the release scripts/regions_upstream.json names"
        )
    rows: dict[str, str] = {}
    for code, name in _TUPLE.findall(data.decode("utf-8")):
        if code in rows:
            raise ReleaseError(f"{path}: code {code} appears twice")
        rows[code] = name.replace("''", "'")
    return rows


def tables(
    rows: dict[str, str], rules: dict[str, Any], abbreviations: list[tuple[str, str, str]]
) -> Tables:
    """The region tables of the release's *rows*, following *rules*."""
    names = {code: clean(name) for code, name in rows.items()}
    for code, name in rules["names"]["replace"].items():
        if code not in names:
            raise ReleaseError(f"regions_upstream.json: {code} is not in the release")
        names[code] = name
    iso = rules["iso_3166_2"]["codes"]
    provinces, regencies, districts = [], [], []
    villages: dict[str, list[tuple[str, str, str]]] = {}
    for code in sorted(names):
        name, parts = names[code], code.split(".")
        if len(parts) > 1 and ".".join(parts[:-1]) not in names:
            raise ReleaseError(f"{code} ({name}): its parent {'.'.join(parts[:-1])} is not listed")
        if len(parts) == 1:
            provinces.append((code, name, iso.get(code, "")))
            villages[code] = []
        elif len(parts) == 2:
            level = "regency" if int(parts[1]) < 70 else "city"
            prefix = next((p for p in _PREFIXES if name.startswith(p)), None)
            if prefix is None or (prefix.startswith("Kota") != (level == "city")):
                raise ReleaseError(f"{code} ({name}): the name does not say {level}")
            regencies.append((code, level, name.removeprefix(prefix), name))
        elif len(parts) == 3:
            districts.append((code, name))
        else:
            kind = _VILLAGE_LEVEL.get(parts[3][0])
            if kind is None:
                raise ReleaseError(f"{code} ({name}): no village kind starts with {parts[3][0]}")
            villages[parts[0]].append((code, kind, name))
    counts: Counter[str] = Counter({"province": len(provinces), "district": len(districts)})
    counts.update(level for _, level, _, _ in regencies)
    counts.update(level for rows_ in villages.values() for _, level, _ in rows_)
    if dict(counts) != rules["counts"]:
        raise ReleaseError(f"counts {dict(counts)} differ from the decree's {rules['counts']}")
    return Tables(
        provinces=provinces,
        regencies=regencies,
        districts=districts,
        villages=villages,
        abbreviations=abbreviations,
        source=None,
    )


def build(release: Path, out: Path, rules_path: Path = RULES) -> None:
    """Import *release* into the region folder *out*."""
    rules = json.loads(rules_path.read_text(encoding="utf-8"))
    rows = read_release(release, rules["release"]["sha256"])
    with (out / "abbreviations.csv").open(encoding="utf-8", newline="") as f:
        abbreviations = [(r[0], r[1], r[2]) for r in list(csv.reader(f))[1:]]
    result = tables(rows, rules, abbreviations)
    write_tables(out, result)
    for stale in (out / "villages").glob("*.csv"):  # a province that no longer exists
        if stale.stem not in result.villages:
            stale.unlink()


def main(argv: list[str]) -> None:
    """Command line: ``build_regions.py RELEASE [OUT]``."""
    if len(argv) not in (1, 2):
        raise SystemExit(__doc__)
    out = Path(argv[1]) if len(argv) == 2 else ROOT / "datasets" / "regions"
    try:
        build(Path(argv[0]), out)
    except (ReleaseError, OSError, UnicodeDecodeError) as exc:
        raise SystemExit(f"build_regions: {exc}") from None
    print(f"build_regions: {out} imported")


if __name__ == "__main__":
    main(sys.argv[1:])
