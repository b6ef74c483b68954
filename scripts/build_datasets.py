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

import build_agreements
import build_institutions
import build_regions
from _common import DATASETS

from pemilu_pks._dataset import records_json
from pemilu_pks._model import Source


def merge_sources(*groups: list[Source]) -> list[Source]:
    """Merge source lists by id; the same id must mean the same source."""
    merged: dict[str, Source] = {}
    for group in groups:
        for source in group:
            known = merged.setdefault(source.id, source)
            if known != source:
                raise SystemExit(
                    f"two different records for source {source.id}:\n{known}\n{source}"
                )
    return sorted(merged.values(), key=lambda s: s.id)


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


if __name__ == "__main__":
    main(sys.argv[1:])
