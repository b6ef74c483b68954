"""Rebuild ``datasets/`` from the curated reference data.

Usage: ``python scripts/build_datasets.py PATH/TO/reference-data`` where the
folder holds ``regions/``, ``institutions/`` and ``agreements/`` as curated for
the project (see docs/dataset.md for provenance).  The output is committed;
the library reads only ``datasets/``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import attrs
import build_agreements
import build_institutions
import build_regions
from _common import DATASETS

from pemilu_pks._dataset import records_json
from pemilu_pks._json import dumps
from pemilu_pks._model import Source

#: The dataset version (``YYYY.MM.N``), separate from the package version.
#: Bump it, and add a ``datasets/CHANGELOG.md`` entry, whenever the data changes.
DATASET_VERSION = "2026.11.0"

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
}
_PATTERNS = {
    "provinces": r"^\d{2}$",
    "regencies": r"^\d{2}\.\d{2}$",
    "districts": r"^\d{2}\.\d{2}\.\d{2}$",
    "villages": r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$",
}


def merge_sources(*groups: list[Source]) -> list[Source]:
    """Merge source lists by id.

    Records of the same id are combined field by field: a field one record
    leaves empty takes the other's value, notes are joined; two different
    values of one field are an error.
    """
    merged: dict[str, Source] = {}
    for group in groups:
        for source in group:
            known = merged.get(source.id)
            merged[source.id] = source if known is None else _combine(known, source)
    return sorted(merged.values(), key=lambda s: s.id)


def _combine(a: Source, b: Source) -> Source:
    changes: dict[str, Any] = {}
    for field in attrs.fields(Source):
        x, y = getattr(a, field.name), getattr(b, field.name)
        if field.name == "notes":
            changes["notes"] = tuple(dict.fromkeys((*x, *y)))
        elif x == y or y is None or y == field.default:
            changes[field.name] = x
        elif x is None or x == field.default:
            changes[field.name] = y
        else:
            raise SystemExit(f"source {a.id}: two values for {field.name}: {x!r} and {y!r}")
    return Source(**changes)


def write(name: str, records: list[Any]) -> None:
    """Write one canonical record file."""
    (DATASETS / f"{name}.json").write_text(records_json(name, records), encoding="utf-8")


def main(argv: list[str]) -> None:
    """Build every part of the dataset."""
    if len(argv) != 1:
        raise SystemExit(__doc__)
    shared = Path(argv[0])
    build_regions.build(shared / "regions", DATASETS / "regions")
    institutions, institution_sources = build_institutions.build(shared)
    agreements, people, agreement_sources = build_agreements.build(shared)
    write("institutions", institutions)
    write("agreements", agreements)
    write("people", people)
    write("sources", merge_sources(institution_sources, agreement_sources))
    (DATASETS / "datapackage.json").write_text(dumps(datapackage(DATASETS)), encoding="utf-8")


def datapackage(folder: Path) -> dict[str, Any]:
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
            raise SystemExit(f"{path}: no schema for this region file")
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
        "version": DATASET_VERSION,
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
