"""A small hand-made dataset for the query, coverage and command-line tests.

Real region codes and institution ids, invented agreements: the national MoU,
two Kalimantan Selatan agreements signed at one ceremony, a Banjarmasin one
with a date known only within bounds across New Year, a three-party
Tapanuli Selatan one and a Sulawesi Selatan Bawaslu one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MOU = "2022-12-29-kpu-ri-polri"
KALSEL_KPU = "2023-09-25-kpu-kalsel-polda-kalsel"
KALSEL_BAWASLU = "2023-09-25-bawaslu-kalsel-polda-kalsel"
BANJARMASIN = "2023-xx-xx-kpu-banjarmasin-polresta-banjarmasin"
TAPSEL = "2023-11-xx-kpu-tapsel-paluta-polres-tapsel"
SULSEL = "2024-01-10-bawaslu-sulsel-polda-sulsel"
ALL = (MOU, KALSEL_BAWASLU, KALSEL_KPU, TAPSEL, BANJARMASIN, SULSEL)  # id order


def _institution(
    id: str, kind: str, name: str, region: str | None, *areas: str, **extra: Any
) -> dict[str, Any]:
    record: dict[str, Any] = {"id": id, "kind": kind, "name": name}
    if region is not None:
        record["region"] = region
    if areas:
        record["jurisdiction"] = [{"region": area} for area in areas]
    record.update(extra)
    return record


INSTITUTIONS = [
    _institution("kpu-ri", "kpu", "KPU Republik Indonesia", "ID"),
    _institution("polri", "polri", "Kepolisian Negara Republik Indonesia", "ID", "ID"),
    _institution("kpu-63", "kpu", "KPU Provinsi Kalimantan Selatan", "63"),
    _institution("bawaslu-63", "bawaslu", "Bawaslu Provinsi Kalimantan Selatan", "63"),
    _institution(
        "polda-kalimantan-selatan",
        "polda",
        "Polda Kalimantan Selatan",
        "63",
        "63",
        aliases=["Polda Kalsel"],
    ),
    _institution("kpu-63.71", "kpu", "KPU Kota Banjarmasin", "63.71"),
    _institution("polresta-banjarmasin", "polresta", "Polresta Banjarmasin", "63.71", "63.71"),
    _institution("kpu-12.03", "kpu", "KPU Kabupaten Tapanuli Selatan", "12.03"),
    _institution("kpu-12.20", "kpu", "KPU Kabupaten Padang Lawas Utara", "12.20"),
    _institution(
        "polres-tapanuli-selatan",
        "polres",
        "Polres Tapanuli Selatan",
        "12.03",
        "12.03",
        "12.20",
        aliases=["Polres Tapsel"],
    ),
    _institution("bawaslu-73", "bawaslu", "Bawaslu Provinsi Sulawesi Selatan", "73"),
    _institution(
        "polda-sulawesi-selatan",
        "polda",
        "Polda Sulawesi Selatan",
        "73",
        "73",
        aliases=["Polda Sulsel"],
    ),
]

SOURCES = [
    {"id": f"example.org-{n}", "url": f"https://example.org/{n}", "publisher": "Example"}
    for n in range(1, 7)
]

PEOPLE = [{"id": "andi-rian-djajadi", "name": "Andi Rian Djajadi"}]


def _exact(day: str, **extra: Any) -> dict[str, Any]:
    return {"earliest": day, "latest": day, **extra}


def _agreement(
    id: str, parties: list[str], date: dict[str, Any], source: int, **extra: Any
) -> dict[str, Any]:
    return {
        "id": id,
        "instrument": extra.pop("instrument", "pks"),
        "parties": [{"institution": party} for party in parties],
        "signing": {"date": date, **extra.pop("signing", {})},
        "sources": [{"source": f"example.org-{source}"}],
        **extra,
    }


AGREEMENTS = [
    _agreement(
        MOU,
        ["kpu-ri", "polri"],
        _exact("2022-12-29", weekday="thursday"),
        1,
        instrument="mou",
        scope=[
            "data_exchange",
            "security_assistance",
            "law_enforcement",
            "technical_regulation",
            "capacity_building",
            "facilities",
        ],
        title="Kerja Sama dalam Penyelenggaraan Pemilihan Umum",
    ),
    _agreement(
        KALSEL_KPU,
        ["kpu-63", "polda-kalimantan-selatan"],
        _exact("2023-09-25", weekday="monday"),
        2,
        parent=MOU,
        related=[KALSEL_BAWASLU],
        scope=["data_exchange", "law_enforcement"],
        signing={"venue": "Aula Mathilda Polda Kalsel", "city": "Banjarmasin", "place": "63.71"},
        signatories=[
            {
                "party": "polda-kalimantan-selatan",
                "name": "Andi Rian Djajadi",
                "person": "andi-rian-djajadi",
                "post": "Kapolda Kalimantan Selatan",
                "rank": "irjen",
            },
            {"party": "kpu-63", "name": "Andi Tenri Sompa", "post": "Ketua KPU Kalsel"},
        ],
    ),
    _agreement(
        KALSEL_BAWASLU,
        ["bawaslu-63", "polda-kalimantan-selatan"],
        _exact("2023-09-25"),
        3,
        parent=MOU,
        related=[KALSEL_KPU],
        scope=["law_enforcement"],
        signing={"city": "Banjarmasin"},
    ),
    _agreement(
        BANJARMASIN,
        ["kpu-63.71", "polresta-banjarmasin"],
        {
            "earliest": "2023-12-20",
            "latest": "2024-01-10",
            "text": "akhir Desember",
            "reasoning": "the report is undated; it mentions the coming new year",
        },
        4,
        parent=MOU,
        scope=["security_assistance"],
        notes=["The report spells the venue two ways."],
        signing={"venue": "Balaikota Banjarmasin", "city": "Banjarmasin"},
    ),
    _agreement(
        TAPSEL,
        ["kpu-12.03", "kpu-12.20", "polres-tapanuli-selatan"],
        {"earliest": "2023-11-01", "latest": "2023-11-30"},
        5,
        parent=MOU,
        scope=["data_exchange", "security_assistance"],
        signing={"city": "Sipirok"},
    ),
    _agreement(
        SULSEL,
        ["bawaslu-73", "polda-sulawesi-selatan"],
        _exact("2024-01-10"),
        6,
        signatories=[
            {
                "party": "polda-sulawesi-selatan",
                "name": "Setyo Boedi Moempoeni Harso",
                "post": "Kapolda Sulsel",
                "rank": "irjen",
            }
        ],
        scope=["law_enforcement"],
        signing={"city": "Makassar"},
    ),
]


def write_dataset(folder: Path) -> Path:
    """Write the dataset into *folder* (which gets the bundled regions) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, records in (
        ("institutions", INSTITUTIONS),
        ("people", PEOPLE),
        ("sources", SOURCES),
        ("agreements", AGREEMENTS),
    ):
        text = json.dumps(
            {name: sorted(records, key=lambda r: r["id"])}, ensure_ascii=False, indent=2
        )
        (folder / f"{name}.json").write_text(text + "\n", encoding="utf-8")
    (folder / "datapackage.json").write_text(
        '{"name": "test", "version": "0.0.1"}\n', encoding="utf-8"
    )
    return folder
