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
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._agreements import code_ancestors
from ._files import atomic_path, output_path, read_file, replace_folder, write_file
from ._model import Region
from ._query import guard_formula, unguard_formula
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
    "agreement_scope": (("agreement", "position"), {"agreement": "agreements(id)"}, ("item",)),
    "agreement_sources": (
        ("agreement", "position"),
        {"agreement": "agreements(id)", "source": "sources(id)"},
        ("source",),
    ),
    "agreement_related": (
        ("agreement", "position"),
        {"agreement": "agreements(id)", "related": "agreements(id)"},
        ("related",),
    ),
    "agreement_figures": (("agreement", "position"), {"agreement": "agreements(id)"}, ("key",)),
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
            ("province", "TEXT"),
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
                _province(i.region),
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
            ("date_earliest", "TEXT"),
            ("date_latest", "TEXT"),
            ("venue", "TEXT"),
            ("city", "TEXT"),
            ("place", "TEXT"),
            ("scope_text", "TEXT"),
            ("parent", "TEXT"),
            ("parent_text", "TEXT"),
            ("witnesses", "TEXT"),
            ("notes", "TEXT"),
            ("confidence", "TEXT"),
            ("year", "INTEGER"),
            ("province", "TEXT"),
            ("bodies", "TEXT"),
        ],
        [_agreement_row(a, dataset) for a in agreements],
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
        [("agreement", "TEXT"), ("position", "INTEGER"), ("item", "TEXT")],
        [(a.id, n, item.value) for a in agreements for n, item in enumerate(a.scope)],
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
        [("agreement", "TEXT"), ("position", "INTEGER"), ("related", "TEXT")],
        [(a.id, n, other) for a in agreements for n, other in enumerate(a.related)],
    )
    out["agreement_figures"] = (
        [
            ("agreement", "TEXT"),
            ("position", "INTEGER"),
            ("key", "TEXT"),
            ("value", "INTEGER"),
            ("text", "TEXT"),
        ],
        [(a.id, n, f.key, f.value, f.text) for a in agreements for n, f in enumerate(a.figures)],
    )
    return out


def _province(code: str | None) -> str | None:
    return code[:2] if code and code != "ID" else None


def _agreement_row(a: Any, dataset: Dataset) -> tuple[Any, ...]:
    date = a.signing.date
    first, last = date.first_possible(), date.last_possible()
    found = (dataset.institutions.get(p.institution) for p in a.parties)
    parties = [i for i in found if i is not None]
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
        _date(date.earliest),
        _date(date.latest),
        a.signing.venue,
        a.signing.city,
        a.signing.place,
        a.scope_text,
        a.parent,
        a.parent_text,
        _text_list(a.witnesses),
        _text_list(a.notes),
        a.confidence.value,
        # Derived, for facets: the year when it is certain, the province of
        # the first party constituted for one, the kinds of the parties.
        first.year if first and last and first.year == last.year else None,
        next(filter(None, (_province(i.region) for i in parties)), None),
        _text_list(tuple(dict.fromkeys(i.kind.value for i in parties))),
    )


def _records(dataset: Dataset, *, all_regions: bool) -> Iterator[tuple[str, str, list[Any]]]:
    """(file key, record type, records) for the JSON exports."""
    yield "regions", "region", export_regions(dataset, all_regions=all_regions)
    yield "institutions", "institution", list(dataset.institutions)
    yield "people", "person", list(dataset.people)
    yield "sources", "source", list(dataset.sources)
    yield "agreements", "agreement", list(dataset.agreements)


def write_sqlite(dataset: Dataset, path: Path, *, all_regions: bool = False) -> bool:
    """Write the tables to a SQLite database at *path*, atomically; True when a file was replaced."""
    import sqlite3

    with atomic_path(path) as (temporary, replaces):
        connection = sqlite3.connect(temporary)
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
                        connection.execute(
                            f'CREATE INDEX "{name}_{column}" ON "{name}" ("{column}")'
                        )
        finally:
            connection.close()
    return replaces


# --- CSV: codes stay text, formulas stay text ------------------------------------------


def write_csv_rows(file: Any, header: Sequence[str], rows: Iterable[Sequence[Any]], *,
                   guard: bool) -> None:  # fmt: skip
    """Write a header and rows as CSV (LF line ends), guarding formulas if asked."""
    writer = csv.writer(file, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([guard_formula(v) for v in row] if guard else row)


# --- descriptors: Frictionless and Datasette -------------------------------------------

_TITLES = {
    "regions": ("Regions", "Kemendagri regions down to regencies and cities, plus any district "
                "or village a record refers to."),
    "institutions": ("Institutions", "Election bodies (KPU, Bawaslu), police units and other "
                     "parties; province is derived from region."),
    "institution_jurisdiction": ("Police jurisdictions", "The regions each institution covers, "
                                 "in order, whole or partial, with validity dates."),
    "people": ("People", "Signatories and witnesses."),
    "people_posts": ("Posts", "The posts people held, in order."),
    "sources": ("Sources", "The reports the facts come from."),
    "agreements": ("Agreements", "MoU and PKS between election bodies and the police. "
                   "signed_earliest/signed_latest bound the possible signing days; year, "
                   "province and bodies are derived for facets."),
    "agreement_parties": ("Parties", "Each agreement's parties in order, with the document "
                          "number each side gave it."),
    "agreement_signatories": ("Signatories", "Who signed for each party, in order."),
    "agreement_scope": ("Scope", "Each agreement's scope items, in order (repeats kept)."),
    "agreement_sources": ("Agreement sources", "The sources of each agreement, in order."),
    "agreement_related": ("Related agreements", "Agreements signed at the same ceremony."),
    "agreement_figures": ("Figures", "Figures an agreement's sources state (e.g. personnel)."),
}  # fmt: skip

_FACETS = {
    "regions": ["level", "parent"],
    "institutions": ["kind", "province"],
    "agreements": ["instrument", "year", "province", {"array": "bodies"}],
    "agreement_scope": ["item"],
}

_FRICTIONLESS_TYPES = {"TEXT": "string", "INTEGER": "integer"}


def _schema(name: str, columns: list[tuple[str, str]]) -> dict[str, Any]:
    key, foreign, _ = SCHEMA[name]
    references = []
    for column, target in foreign.items():
        table, _, field = target.rstrip(")").partition("(")
        reference = {"resource": "" if table == name else table, "fields": [field]}
        references.append({"fields": [column], "reference": reference})
    return {
        "fields": [{"name": column, "type": _FRICTIONLESS_TYPES[kind]} for column, kind in columns],
        "missingValues": [""],
        "primaryKey": list(key),
        "foreignKeys": references,
    }


def frictionless_descriptor(
    dataset: Dataset, table_columns: dict[str, list[tuple[str, str]]], *, sqlite: str | None = None
) -> dict[str, Any]:
    """A Frictionless data package describing the export's tables and their field types.

    With *sqlite* (the database file name), each resource is a table of that
    database; otherwise a CSV file of the folder.
    """
    metadata = dataset.metadata
    package: dict[str, Any] = {
        key: metadata[key]
        for key in ("name", "title", "description", "version", "licenses", "sources", "homepage")
        if key in metadata
    }
    package["profile"] = "tabular-data-package"
    resources = []
    for name, columns in table_columns.items():
        title, description = _TITLES[name]
        resource: dict[str, Any] = {"name": name, "title": title, "description": description}
        if sqlite is None:
            resource.update(path=f"{name}.csv", format="csv", mediatype="text/csv",
                            encoding="utf-8", profile="tabular-data-resource")  # fmt: skip
        else:
            # Frictionless reads a table of a database through SQLAlchemy (frictionless[sql]).
            resource.update(path=f"sqlite:///{sqlite}", format="sql", dialect={"sql": {"table": name}},
                            profile="tabular-data-resource")  # fmt: skip
        resource["schema"] = _schema(name, columns)
        resources.append(resource)
    package["resources"] = resources
    return package


def datasette_metadata(dataset: Dataset, database: str) -> dict[str, Any]:
    """Datasette metadata for the SQLite export: titles, descriptions, licence, sources, facets."""
    metadata = dataset.metadata
    licences = metadata.get("licenses", [])
    sources = [s for s in metadata.get("sources", []) if "path" in s]
    about: dict[str, Any] = {
        "title": metadata.get("title", "pemilu-pks"),
        "description": f"{metadata.get('description', '')} Dataset version {dataset.version}.",
        "license": " and ".join(lic.get("name", "") for lic in licences),
    }
    if licences:
        about["license_url"] = licences[0].get("path", "")
    if sources:
        about["source"], about["source_url"] = sources[0].get("title", ""), sources[0]["path"]
    if "homepage" in metadata:
        about["about"], about["about_url"] = "pemilu-pks documentation", metadata["homepage"]
    table_metadata: dict[str, Any] = {}
    for name, (title, description) in _TITLES.items():
        table_metadata[name] = {"title": title, "description": description}
        if name in _FACETS:
            table_metadata[name]["facets"] = _FACETS[name]
    table_metadata["agreements"]["sort_desc"] = "signed_earliest"
    table_metadata["regions"]["label_column"] = "official_name"
    table_metadata["institutions"]["label_column"] = "name"
    table_metadata["people"]["label_column"] = "name"
    table_metadata["sources"]["label_column"] = "title"
    table_metadata["agreements"]["label_column"] = "title"
    return {**about, "databases": {database: {**about, "tables": table_metadata}}}


def companion_paths(database: Path) -> tuple[Path, Path]:
    """The Frictionless descriptor and Datasette metadata written beside a SQLite export."""
    stem = database.name.rsplit(".", 1)[0] if "." in database.name else database.name
    return (
        database.with_name(f"{stem}.datapackage.json"),
        database.with_name(f"{stem}.metadata.json"),
    )


# --- export -------------------------------------------------------------------------------


def export(
    dataset: Dataset,
    out: str | Path,
    format: str,
    *,
    all_regions: bool = False,
    guard_formulas: bool = True,
) -> list[tuple[Path, bool]]:
    """Export *dataset* to *out* in *format*, atomically.

    Every file is written beside its place and renamed over it, and the CSV
    folder is swapped in whole, so a failure leaves any previous export as it
    was.  No link standing at *out* is followed.

    Args:
        dataset: The dataset to export.
        out: A file (json, jsonl, sqlite) or a folder (csv: one file per
            table and a ``datapackage.json``).
        format: ``"json"``, ``"jsonl"``, ``"csv"`` or ``"sqlite"``.  The
            SQLite database gets a Frictionless descriptor
            (``NAME.datapackage.json``) and Datasette metadata
            (``NAME.metadata.json``) beside it.
        all_regions: Include every district and village, not just those referred to.
        guard_formulas: In CSV, prefix ``'`` to cells that a spreadsheet
            would run as a formula (see :func:`guard_formula`).

    Returns:
        ``(path, replaced)`` for every file or folder written, the main one first.

    Raises:
        ValidationError: *format* is not one of these.
        OutputError: *out* cannot be written (a link, a folder or a file in
            the way, a missing or unwritable folder).
    """
    from ._converter import unstructure
    from ._json import dumps

    if format not in FORMATS:
        allowed = ", ".join(map(repr, FORMATS))
        raise ValidationError([("format", f"{format!r} is not one of {allowed}")])
    path = output_path(out, "out")
    if format == "sqlite":
        written = [(path, write_sqlite(dataset, path, all_regions=all_regions))]
        columns = {name: cols for name, (cols, _) in tables(dataset, all_regions=False).items()}
        descriptor, datasette = companion_paths(path)
        package = frictionless_descriptor(dataset, columns, sqlite=path.name)
        written.append((descriptor, write_file(descriptor, dumps(package).encode())))
        meta = datasette_metadata(dataset, path.name.rsplit(".", 1)[0])
        written.append((datasette, write_file(datasette, dumps(meta).encode())))
        return written
    if format == "csv":
        exported = tables(dataset, all_regions=all_regions)
        names = {f"{name}.csv" for name in exported} | {"datapackage.json"}

        def build(folder: Path) -> None:
            for name, (columns, rows) in exported.items():
                with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
                    write_csv_rows(f, [c for c, _ in columns], rows, guard=guard_formulas)
            described = {name: cols for name, (cols, _) in exported.items()}
            package = frictionless_descriptor(dataset, described)
            (folder / "datapackage.json").write_text(dumps(package), encoding="utf-8")

        return [(path, replace_folder(path, build, expected=names.__contains__))]
    if format == "json":
        document: dict[str, Any] = {"version": dataset.version}
        for key, _, records in _records(dataset, all_regions=all_regions):
            document[key] = unstructure(records)
        return [(path, write_file(path, dumps(document).encode()))]
    with atomic_path(path) as (temporary, replaces), temporary.open("w", encoding="utf-8") as f:
        for _, kind, records in _records(dataset, all_regions=all_regions):
            for record in records:
                line = {"type": kind, "record": unstructure(record)}
                f.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
    return [(path, replaces)]


# --- reading an export back ------------------------------------------------------------


def read_sqlite(path: str | Path) -> dict[str, list[dict[str, Any]]]:
    """The tables of a SQLite export as rows (column -> value), in table order."""
    import sqlite3

    connection = sqlite3.connect(f"file:{Path(path).resolve().as_posix()}?mode=ro", uri=True)
    try:
        out = {}
        for name in SCHEMA:
            cursor = connection.execute(f'SELECT * FROM "{name}"')  # noqa: S608 - names from SCHEMA
            columns = [d[0] for d in cursor.description]
            out[name] = [dict(zip(columns, row, strict=True)) for row in cursor]
        return out
    finally:
        connection.close()


def read_csv_folder(folder: str | Path) -> dict[str, list[dict[str, Any]]]:
    """The tables of a CSV export as rows, typed by its ``datapackage.json``, formulas unguarded."""
    folder = Path(folder)
    package = json.loads(read_file(folder / "datapackage.json", root=folder))
    out = {}
    for resource in package["resources"]:
        types = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
        text = read_file(folder / resource["path"], root=folder).decode("utf-8")
        rows = []
        for row in csv.DictReader(io.StringIO(text, newline=""), strict=True):
            typed: dict[str, Any] = {}
            for column, value in row.items():
                if value == "":
                    typed[column] = None
                elif types[column] == "integer":
                    typed[column] = int(value)
                else:
                    typed[column] = unguard_formula(value)
            rows.append(typed)
        out[resource["name"]] = rows
    return out


#: Columns derived for reading convenience; the records do not hold them.
_DERIVED = {
    "institutions": {"province"},
    "agreements": {"signed_earliest", "signed_latest", "year", "province", "bodies"},
}
_LISTS = {"aliases", "sources", "notes", "name_variants", "witnesses", "supports"}
_AGREEMENT_PATHS = {
    "signed_text": ("signing", "date", "text"),
    "signed_weekday": ("signing", "date", "weekday"),
    "signed_reasoning": ("signing", "date", "reasoning"),
    "date_earliest": ("signing", "date", "earliest"),
    "date_latest": ("signing", "date", "latest"),
    "venue": ("signing", "venue"),
    "city": ("signing", "city"),
    "place": ("signing", "place"),
}
#: Parent table -> (child table, its key column, the record field, the single value column).
_CHILDREN: dict[str, list[tuple[str, str, str, str | None]]] = {
    "institutions": [("institution_jurisdiction", "institution", "jurisdiction", None)],
    "people": [("people_posts", "person", "posts", None)],
    "agreements": [
        ("agreement_parties", "agreement", "parties", None),
        ("agreement_signatories", "agreement", "signatories", None),
        ("agreement_scope", "agreement", "scope", "item"),
        ("agreement_sources", "agreement", "sources", None),
        ("agreement_related", "agreement", "related", "related"),
        ("agreement_figures", "agreement", "figures", None),
    ],
}


def _plain(row: dict[str, Any], skip: set[str] = frozenset()) -> dict[str, Any]:  # type: ignore[assignment]
    """A row as the JSON data of a record: lists decoded, empty values left out."""
    data: dict[str, Any] = {}
    for column, value in row.items():
        if column in skip or value is None:
            continue
        data[column] = json.loads(value) if column in _LISTS else value
    return data


def records_from_tables(rows: dict[str, list[dict[str, Any]]]) -> dict[str, list[Any]]:
    """The records of an export's tables (from :func:`read_sqlite` or :func:`read_csv_folder`).

    Raises:
        ValidationError: A row does not make a valid record.
    """
    from ._converter import structure
    from ._dataset import RECORD_TYPES

    children: dict[tuple[str, str], list[Any]] = {}
    for parent, specs in _CHILDREN.items():
        for table, key, field, single in specs:
            for row in sorted(rows[table], key=lambda r: (r[key], r["position"])):
                value = row[single] if single else _plain(row, {key, "position"})
                children.setdefault((parent + "." + field, row[key]), []).append(value)
    out: dict[str, list[Any]] = {
        "regions": [structure(_plain(r), Region, path="$.regions") for r in rows["regions"]]
    }
    for name in ("institutions", "people", "sources", "agreements"):
        records = []
        for index, row in enumerate(rows[name]):
            data = _plain(row, _DERIVED.get(name, set()) | set(_AGREEMENT_PATHS))
            if name == "agreements":
                for column, path in _AGREEMENT_PATHS.items():
                    if row[column] is not None:
                        target = data
                        for part in path[:-1]:
                            target = target.setdefault(part, {})
                        target[path[-1]] = row[column]
            for _, _, field, _ in _CHILDREN.get(name, []):
                found = children.get((f"{name}.{field}", row["id"]))
                if found:
                    data[field] = found
            records.append(structure(data, RECORD_TYPES[name], path=f"$.{name}[{index}]"))
        out[name] = records
    return out
