"""Rebuild ``datasets/`` from what the repository holds: ``nox -s dataset``.

Usage: ``python scripts/build_datasets.py [FOLDER]`` (default: ``datasets/``),
rewriting the folder in place.

The curated records are the source of truth, edited by hand:
``agreements.json``, ``people.json``, ``sources.json`` and every record of
``institutions.json`` except the election bodies.  The build reads them
(checking each against the model), and writes them back unchanged in
canonical form: sorted by id, keys sorted, defaults left out.

Two things are generated:

- the KPU and Bawaslu records of ``institutions.json``, one per body
  nationally and for every province, regency and city of the region tables
  ``regions/``, following the rules in ``scripts/election_bodies.json``;
- ``datapackage.json``, the Frictionless descriptor of every file, keeping
  the dataset version it holds: bump ``version`` there (and add a
  ``CHANGELOG.md`` entry) when the data changes.

The region tables are not rebuilt here: ``scripts/build_regions.py`` imports
them from the upstream release.  The result is checked as
:meth:`pemilu_pks.Dataset.from_path` checks a folder (integrity included).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pemilu_pks._dataset import RECORD_TYPES, Dataset, read_records, records_json
from pemilu_pks._json import dumps
from pemilu_pks._model import Basis, Institution, InstitutionKind, JurisdictionArea
from pemilu_pks._regions import Regions
from pemilu_pks.exceptions import PemiluPksError

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT / "datasets"
RULES = ROOT / "scripts" / "election_bodies.json"


class BuildError(Exception):
    """The repository's inputs do not make a dataset; the message says where."""


_RECORD_FILES = {
    "agreements": "Agreements (MoU and PKS) between election bodies and the police, with "
    "parties, signatories, signing date and place, scope, figures, sources and data-quality "
    "notes.",
    "institutions": "KPU, Bawaslu, Polri units and other parties, with jurisdictions.",
    "people": "Signatories and named witnesses, with the posts they are known to have held.",
    "sources": "The news reports and official pages the records cite.",
}

_REGION_FIELDS: dict[str, list[tuple[str, str, str]]] = {
    "provinces": [
        ("code", "string", "Kemendagri province code, e.g. 63."),
        ("name", "string", "Province name."),
        ("iso_3166_2", "string", "ISO 3166-2 code, e.g. ID-KS."),
    ],
    "regencies": [
        ("code", "string", "Kemendagri regency/city code, e.g. 63.71."),
        ("level", "string", "regency (kabupaten) or city (kota)."),
        ("name", "string", "Short name."),
        ("official_name", "string", "Full name, e.g. Kota Banjarmasin."),
    ],
    "districts": [
        ("code", "string", "Kemendagri district (kecamatan) code, e.g. 63.71.01."),
        ("name", "string", "District name."),
    ],
    "villages": [
        ("code", "string", "Kemendagri village code, e.g. 63.71.01.1001."),
        ("level", "string", "village (desa), urban_village (kelurahan) or customary_village."),
        ("name", "string", "Village name."),
    ],
    "abbreviations": [
        ("abbreviation", "string", "An abbreviation news uses (Kalsel, Tapsel, Paluta)."),
        ("region_code", "string", "The region it stands for."),
        ("note", "string", "The region's name and a source where the abbreviation is used."),
    ],
    "names": [
        ("name", "string", "Another name of the region: Jogja, Nanggroe Aceh Darussalam, DKJ."),
        ("region_code", "string", "The region it names."),
        ("kind", "string", "everyday, former or official (beside the decree's name)."),
        ("source", "string", "The law or public text the name comes from."),
    ],
}
_PATTERNS = {
    "provinces": r"^\d{2}$",
    "regencies": r"^\d{2}\.\d{2}$",
    "districts": r"^\d{2}\.\d{2}\.\d{2}$",
    "villages": r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$",
}


def election_bodies(regions: Regions, rules: dict[str, Any]) -> list[Institution]:
    """The KPU and Bawaslu records: nationally, and for each province, regency and city."""
    special: dict[str, dict[str, Any]] = {
        code: entry for entry in rules["provinces"] for code in entry["codes"]
    }
    records = []
    for key, body in rules["bodies"].items():
        kind = InstitutionKind(key)
        national = f"{key}-ri"
        law = set(body["law"])

        def area(code: str, cited: tuple[str, ...], law: set[str] = law) -> JurisdictionArea:
            """The body's own region, stated by the law as the cited sources quote it."""
            return JurisdictionArea(
                region=code, basis=Basis.STATED, sources=tuple(s for s in cited if s in law)
            )

        records.append(
            Institution(
                id=national,
                kind=kind,
                name=body["national"]["name"],
                aliases=tuple(body["national"]["aliases"]),
                region="ID",
                jurisdiction=(area("ID", tuple(body["sources"]["national"])),),
                sources=tuple(body["sources"]["national"]),
            )
        )
        for province in regions.children("ID"):
            for region in (province, *regions.children(province)):
                is_province = region is province
                name = "Provinsi " + region.name if is_province else region.official_name
                extra = special.get(province.code, {})
                local = extra.get(key)
                bare = name.removeprefix("Provinsi ")
                aliases = [alias.format(region=bare) for alias in (local or {}).get("aliases", ())]
                if local and is_province:
                    aliases += local["province_aliases"]
                level = "province" if is_province else "regency"
                cited = (*body["sources"][level], *extra.get("sources", ()))
                records.append(
                    Institution(
                        id=f"{key}-{region.code}",
                        kind=kind,
                        name=f"{body['word']} {name}",
                        aliases=tuple(aliases),
                        local_name=local["local_name"].format(region=bare) if local else None,
                        parent=national if is_province else f"{key}-{province.code}",
                        region=region.code,
                        jurisdiction=(area(region.code, cited),),
                        sources=cited,
                        notes=(local["note"],) if local else (),
                    )
                )
    return records


def build(folder: Path, rules: Path = RULES) -> None:
    """Rewrite the dataset *folder* from its curated records, its region tables and *rules*.

    Raises:
        BuildError: A file is missing or unreadable, or a record does not fit the model.
    """
    try:
        records = {name: read_records(folder, name) for name in RECORD_TYPES}
        version = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["version"]
        generated = election_bodies(
            Regions.from_folder(folder / "regions"),
            json.loads(rules.read_text(encoding="utf-8")),
        )
    except PemiluPksError as exc:  # names the file and the record
        raise BuildError(str(exc)) from None
    except (OSError, ValueError, KeyError) as exc:  # datapackage.json's version, or the rules
        raise BuildError(
            f"cannot read the version in {folder / 'datapackage.json'} or the rules in {rules}: "
            f"{exc!r}"
        ) from None
    ids = {record.id for record in generated}
    records["institutions"] = [
        *(record for record in records["institutions"] if record.id not in ids),
        *generated,
    ]
    for name, items in records.items():
        (folder / f"{name}.json").write_bytes(records_json(name, items).encode())
    (folder / "datapackage.json").write_bytes(dumps(datapackage(folder, version)).encode())


def main(argv: list[str]) -> None:
    """Build the folder given (default ``datasets/``), then load and check it."""
    if len(argv) > 1:
        raise SystemExit(__doc__)
    folder = Path(argv[0]) if argv else DATASETS
    try:
        build(folder)
        Dataset.from_path(folder)
    except (BuildError, PemiluPksError) as exc:
        raise SystemExit(f"build_datasets: {exc}") from None
    print(f"build_datasets: {folder} rebuilt")


def datapackage(folder: Path, version: str) -> dict[str, Any]:
    """The Frictionless descriptor of the dataset folder: every file, with schemas for the CSVs."""
    resources: list[dict[str, Any]] = [
        {
            "name": name,
            "path": f"{name}.json",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
            "description": description
            + f" One JSON object with the key {name!r}: records sorted by id (see docs/dataset.md).",
        }
        for name, description in _RECORD_FILES.items()
    ]
    regions = folder / "regions"
    for path in sorted(regions.rglob("*.csv")):
        stem = path.parent.name if path.parent != regions else path.stem
        if stem not in _REGION_FIELDS:
            raise BuildError(f"{path}: no schema for this region file")
        relative = path.relative_to(folder).as_posix()
        name = "regions-" + relative.removeprefix("regions/").removesuffix(".csv").replace("/", "-")
        fields: list[dict[str, Any]] = [
            {"name": field, "type": kind, "description": text}
            for field, kind, text in _REGION_FIELDS[stem]
        ]
        schema: dict[str, Any] = {"fields": fields}
        if stem in _PATTERNS:
            fields[0]["constraints"] = {
                "required": True,
                "unique": True,
                "pattern": _PATTERNS[stem],
            }
            schema["primaryKey"] = ["code"]
        resources.append(
            {
                "name": name,
                "path": relative,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": schema,
            }
        )
    return {
        "name": "pemilu-pks",
        "title": "Cooperation agreements between Indonesian election bodies and the police, 2022–2024",
        "description": (
            "Curated, sourced records of the Nota Kesepahaman (MoU) and Perjanjian Kerja Sama "
            "(PKS) that KPU and Bawaslu signed with Polri units for the 2024 elections, with the "
            "institutions, people and Kemendagri regions they refer to."
        ),
        "version": version,
        "profile": "data-package",
        "homepage": "https://pemilu-pks.readthedocs.io/",
        "keywords": ["Indonesia", "elections", "KPU", "Bawaslu", "Polri", "Pemilu 2024"],
        "licenses": [
            {
                "name": "MIT",
                "path": "https://opensource.org/licenses/MIT",
                "title": "MIT License (curated records; region codes from cahyadsn/wilayah)",
            },
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0 (name corrections from "
                "yonatanyl/KODE-WILAYAH-KEPMENDAGRI-2025)",
            },
        ],
        "sources": [
            {
                "title": "Kepmendagri 300.2.2-2138/2025 region codes via cahyadsn/wilayah (MIT)",
                "path": "https://github.com/cahyadsn/wilayah",
            },
            {
                "title": "Public news reports and official sites, one source record per report "
                "(sources.json)",
            },
        ],
        "contributors": [{"title": "pemilu-pks developers", "role": "author"}],
        "resources": resources,
    }


if __name__ == "__main__":
    main(sys.argv[1:])
