"""Exports of a whole dataset: JSON, JSON Lines, CSV tables and SQLite.

The SQLite database has one table per record type and one per repeated part
(an agreement's parties, signatories, scope items, sources), with primary
keys, foreign keys and indexes, so ``datasette pemilu-pks.db`` shows linked
tables at once.  The CSV export writes the same tables, one file each, into a
folder.  JSON and JSON Lines carry the records in the library's own JSON
format, readable back with :func:`pemilu_pks.from_json`.

Regions are exported down to regencies and cities (plus any district or
village a record refers to) unless ``all_regions=True``: the 91,000 districts
and villages are in the package already.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._agreements import code_ancestors
from ._model import Region
from .exceptions import ValidationError

if TYPE_CHECKING:  # pragma: no cover
    from ._dataset import Dataset

__all__ = ["FORMATS", "export", "tables"]

FORMATS = ("json", "jsonl", "csv", "sqlite")

Table = tuple[list[tuple[str, str]], list[tuple[Any, ...]]]

#: Table name -> (primary key, foreign keys {column: "table(column)"}, indexed columns).
SCHEMA: dict[str, tuple[tuple[str, ...], dict[str, str], tuple[str, ...]]] = {
    "regions": (("code",), {"parent": "regions(code)"}, ("parent", "name", "level")),
    "institutions": (
        ("id",),
        {"parent": "institutions(id)", "region": "regions(code)", "seat": "regions(code)"},
        ("kind", "region", "parent", "name"),
    ),
    "institution_jurisdiction": (
        ("institution", "position"),
        {"institution": "institutions(id)", "region": "regions(code)"},
        ("region",),
    ),
    "people": (("id",), {}, ("name",)),
    "people_posts": (
        ("person", "position"),
        {"person": "people(id)", "institution": "institutions(id)"},
        ("institution",),
    ),
    "sources": (("id",), {}, ("publisher",)),
    "agreements": (
        ("id",),
        {"parent": "agreements(id)", "place": "regions(code)"},
        ("parent", "signed_earliest", "instrument"),
    ),
    "agreement_parties": (
        ("agreement", "position"),
        {"agreement": "agreements(id)", "institution": "institutions(id)"},
        ("institution",),
    ),
    "agreement_signatories": (
        ("agreement", "position"),
        {"agreement": "agreements(id)", "party": "institutions(id)", "person": "people(id)"},
        ("person", "party"),
    ),
    "agreement_scope": (("agreement", "item"), {"agreement": "agreements(id)"}, ("item",)),
    "agreement_sources": (
        ("agreement", "position"),
        {"agreement": "agreements(id)", "source": "sources(id)"},
        ("source",),
    ),
    "agreement_related": (
        ("agreement", "related"),
        {"agreement": "agreements(id)", "related": "agreements(id)"},
        ("related",),
    ),
}


def _text_list(values: tuple[str, ...]) -> str | None:
    """A JSON array as text, or None when empty (SQLite and CSV have no arrays)."""
    return json.dumps(list(values), ensure_ascii=False) if values else None


def _enum(value: Any) -> Any:
    return getattr(value, "value", value)


def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def export_regions(dataset: Dataset, *, all_regions: bool = False) -> list[Region]:
    """The regions an export holds: to regency level, plus any a record refers to."""
    regions = dataset.regions
    if all_regions:
        return sorted(regions, key=lambda r: (r.level.depth, r.code))
    chosen: dict[str, Region] = {}
    country = regions.get("ID")
    if country is not None:
        chosen["ID"] = country
    for province in regions.children("ID"):
        chosen[province.code] = province
        for regency in regions.children(province.code):
            chosen[regency.code] = regency
    referenced: set[str] = set()
    for institution in dataset.institutions:
        referenced.update(c for c in (institution.region, institution.seat) if c)
        referenced.update(area.region for area in institution.jurisdiction)
    referenced.update(a.signing.place for a in dataset.agreements if a.signing.place)
    for code in referenced:
        for wanted in (code, *code_ancestors(code)):
            region = regions.get(wanted)
            if region is not None:
                chosen.setdefault(wanted, region)
    return sorted(chosen.values(), key=lambda r: (r.level.depth, r.code))


def tables(dataset: Dataset, *, all_regions: bool = False) -> dict[str, Table]:
    """The dataset as relational tables: name -> (columns with SQL types, rows)."""
    out: dict[str, Table] = {}
    out["regions"] = (
        [
            ("code", "TEXT"),
            ("name", "TEXT"),
            ("official_name", "TEXT"),
            ("level", "TEXT"),
            ("parent", "TEXT"),
            ("iso_3166_2", "TEXT"),
        ],
        [
            (r.code, r.name, r.official_name, r.level.value, r.parent, r.iso_3166_2)
            for r in export_regions(dataset, all_regions=all_regions)
        ],
    )
    institutions = list(dataset.institutions)
    out["institutions"] = (
        [
            ("id", "TEXT"),
            ("kind", "TEXT"),
            ("name", "TEXT"),
            ("aliases", "TEXT"),
            ("local_name", "TEXT"),
            ("parent", "TEXT"),
            ("region", "TEXT"),
            ("seat", "TEXT"),
            ("valid_from", "TEXT"),
            ("valid_to", "TEXT"),
            ("sources", "TEXT"),
            ("notes", "TEXT"),
        ],
        [
            (
                i.id,
                i.kind.value,
                i.name,
                _text_list(i.aliases),
                i.local_name,
                i.parent,
                i.region,
                i.seat,
                _date(i.valid_from),
                _date(i.valid_to),
                _text_list(i.sources),
                _text_list(i.notes),
            )
            for i in institutions
        ],
    )
    out["institution_jurisdiction"] = (
        [
            ("institution", "TEXT"),
            ("position", "INTEGER"),
            ("region", "TEXT"),
            ("extent", "TEXT"),
            ("basis", "TEXT"),
            ("valid_from", "TEXT"),
            ("valid_to", "TEXT"),
            ("sources", "TEXT"),
            ("note", "TEXT"),
        ],
        [
            (
                i.id,
                n,
                a.region,
                a.extent.value,
                a.basis.value,
                _date(a.valid_from),
                _date(a.valid_to),
                _text_list(a.sources),
                a.note,
            )
            for i in institutions
            for n, a in enumerate(i.jurisdiction)
        ],
    )
    people = list(dataset.people)
    out["people"] = (
        [
            ("id", "TEXT"),
            ("name", "TEXT"),
            ("name_variants", "TEXT"),
            ("academic_titles", "TEXT"),
            ("sources", "TEXT"),
        ],
        [
            (p.id, p.name, _text_list(p.name_variants), p.academic_titles, _text_list(p.sources))
            for p in people
        ],
    )
    out["people_posts"] = (
        [
            ("person", "TEXT"),
            ("position", "INTEGER"),
            ("title", "TEXT"),
            ("institution", "TEXT"),
            ("rank", "TEXT"),
            ("valid_from", "TEXT"),
            ("valid_to", "TEXT"),
            ("sources", "TEXT"),
        ],
        [
            (
                p.id,
                n,
                post.title,
                post.institution,
                _enum(post.rank),
                _date(post.valid_from),
                _date(post.valid_to),
                _text_list(post.sources),
            )
            for p in people
            for n, post in enumerate(p.posts)
        ],
    )
    out["sources"] = (
        [
            ("id", "TEXT"),
            ("url", "TEXT"),
            ("publisher", "TEXT"),
            ("title", "TEXT"),
            ("published", "TEXT"),
            ("language", "TEXT"),
            ("notes", "TEXT"),
        ],
        [
            (s.id, s.url, s.publisher, s.title, _date(s.published), s.language, _text_list(s.notes))
            for s in dataset.sources
        ],
    )
    agreements = list(dataset.agreements)
    out["agreements"] = (
        [
            ("id", "TEXT"),
            ("instrument", "TEXT"),
            ("instrument_term", "TEXT"),
            ("title", "TEXT"),
            ("signed_earliest", "TEXT"),
            ("signed_latest", "TEXT"),
            ("signed_text", "TEXT"),
            ("signed_weekday", "TEXT"),
            ("signed_reasoning", "TEXT"),
            ("venue", "TEXT"),
            ("city", "TEXT"),
            ("place", "TEXT"),
            ("scope_text", "TEXT"),
            ("parent", "TEXT"),
            ("parent_text", "TEXT"),
            ("witnesses", "TEXT"),
            ("figures", "TEXT"),
            ("notes", "TEXT"),
            ("confidence", "TEXT"),
        ],
        [_agreement_row(a) for a in agreements],
    )
    out["agreement_parties"] = (
        [
            ("agreement", "TEXT"),
            ("position", "INTEGER"),
            ("institution", "TEXT"),
            ("name_as_written", "TEXT"),
            ("document_number", "TEXT"),
        ],
        [
            (a.id, n, p.institution, p.name_as_written, p.document_number)
            for a in agreements
            for n, p in enumerate(a.parties)
        ],
    )
    out["agreement_signatories"] = (
        [
            ("agreement", "TEXT"),
            ("position", "INTEGER"),
            ("party", "TEXT"),
            ("name", "TEXT"),
            ("person", "TEXT"),
            ("post", "TEXT"),
            ("rank", "TEXT"),
            ("rank_as_written", "TEXT"),
            ("academic_titles", "TEXT"),
            ("note", "TEXT"),
        ],
        [
            (
                a.id,
                n,
                s.party,
                s.name,
                s.person,
                s.post,
                _enum(s.rank),
                s.rank_as_written,
                s.academic_titles,
                s.note,
            )
            for a in agreements
            for n, s in enumerate(a.signatories)
        ],
    )
    out["agreement_scope"] = (
        [("agreement", "TEXT"), ("item", "TEXT")],
        [(a.id, item.value) for a in agreements for item in dict.fromkeys(a.scope)],
    )
    out["agreement_sources"] = (
        [
            ("agreement", "TEXT"),
            ("position", "INTEGER"),
            ("source", "TEXT"),
            ("supports", "TEXT"),
            ("note", "TEXT"),
        ],
        [
            (a.id, n, r.source, _text_list(r.supports), r.note)
            for a in agreements
            for n, r in enumerate(a.sources)
        ],
    )
    out["agreement_related"] = (
        [("agreement", "TEXT"), ("related", "TEXT")],
        [(a.id, other) for a in agreements for other in dict.fromkeys(a.related)],
    )
    return out


def _agreement_row(a: Any) -> tuple[Any, ...]:
    date = a.signing.date
    first, last = date.first_possible(), date.last_possible()
    figures = (
        json.dumps({f.key: f.value for f in a.figures}, ensure_ascii=False) if a.figures else None
    )
    return (
        a.id,
        a.instrument.value,
        a.instrument_term,
        a.title,
        _date(first),
        _date(last),
        date.text,
        _enum(date.weekday),
        date.reasoning,
        a.signing.venue,
        a.signing.city,
        a.signing.place,
        a.scope_text,
        a.parent,
        a.parent_text,
        _text_list(a.witnesses),
        figures,
        _text_list(a.notes),
        a.confidence.value,
    )


def _records(dataset: Dataset, *, all_regions: bool) -> Iterator[tuple[str, str, list[Any]]]:
    """(file key, record type, records) for the JSON exports."""
    yield "regions", "region", export_regions(dataset, all_regions=all_regions)
    yield "institutions", "institution", list(dataset.institutions)
    yield "people", "person", list(dataset.people)
    yield "sources", "source", list(dataset.sources)
    yield "agreements", "agreement", list(dataset.agreements)


def write_sqlite(dataset: Dataset, path: Path, *, all_regions: bool = False) -> None:
    """Write the tables to a new SQLite database at *path* (replacing any file there)."""
    import sqlite3

    if path.exists():
        path.unlink()
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute("PRAGMA foreign_keys = OFF")
            for name, (columns, rows) in tables(dataset, all_regions=all_regions).items():
                key, foreign, indexed = SCHEMA[name]
                parts = [f'"{column}" {kind}' for column, kind in columns]
                parts.append(f"PRIMARY KEY ({', '.join(key)})")
                parts += [
                    f'FOREIGN KEY ("{column}") REFERENCES {target}'
                    for column, target in foreign.items()
                ]
                connection.execute(f'CREATE TABLE "{name}" ({", ".join(parts)})')
                marks = ", ".join("?" for _ in columns)
                connection.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows)  # noqa: S608 - names come from SCHEMA, values are parameters
                for column in indexed:
                    connection.execute(f'CREATE INDEX "{name}_{column}" ON "{name}" ("{column}")')
    finally:
        connection.close()


def export(dataset: Dataset, out: str | Path, format: str, *, all_regions: bool = False) -> Path:
    """Export *dataset* to *out* in *format*.

    Args:
        dataset: The dataset to export.
        out: A file (json, jsonl, sqlite) or a folder (csv: one file per table).
        format: ``"json"``, ``"jsonl"``, ``"csv"`` or ``"sqlite"``.
        all_regions: Include every district and village, not just those referred to.

    Returns:
        The path written.

    Raises:
        ValidationError: *format* is not one of these.
        OSError: *out* cannot be written.
    """
    from ._converter import unstructure
    from ._json import dumps

    if format not in FORMATS:
        allowed = ", ".join(map(repr, FORMATS))
        raise ValidationError([("format", f"{format!r} is not one of {allowed}")])
    path = Path(out)
    if format == "sqlite":
        write_sqlite(dataset, path, all_regions=all_regions)
    elif format == "csv":
        path.mkdir(parents=True, exist_ok=True)
        for name, (columns, rows) in tables(dataset, all_regions=all_regions).items():
            with (path / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
                writer = csv.writer(f, lineterminator="\n")
                writer.writerow([column for column, _ in columns])
                writer.writerows(rows)
    elif format == "json":
        document: dict[str, Any] = {"version": dataset.version}
        for key, _, records in _records(dataset, all_regions=all_regions):
            document[key] = unstructure(records)
        path.write_text(dumps(document), encoding="utf-8")
    else:
        with path.open("w", encoding="utf-8") as f:
            for _, kind, records in _records(dataset, all_regions=all_regions):
                for record in records:
                    line = {"type": kind, "record": unstructure(record)}
                    f.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
    return path
