"""Reading and writing the region tables: CSV files, checked, read lazily one part at a time.

:class:`TableReader` reads each table of a region folder the first time it is
needed (a village table only for its province), checks it, and builds
:class:`~pemilu_pks.Region` objects from its rows.  Every part is built once,
under a lock, so any number of threads may read at once.
"""

from __future__ import annotations

import csv
import io
import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pemilu_pks._files import present, read_file
from pemilu_pks._locks import rlock
from pemilu_pks._model import Region, RegionLevel
from pemilu_pks.exceptions import DataError

from ._codes import CODE, COUNTRY, LEVEL_VALUES, depth

if TYPE_CHECKING:  # pragma: no cover
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

T = TypeVar("T")

_HEADERS = {
    "provinces.csv": ("code", "name", "iso_3166_2"),
    "regencies.csv": ("code", "level", "name", "official_name"),
    "districts.csv": ("code", "name"),
    "villages": ("code", "level", "name"),
    "abbreviations.csv": ("abbreviation", "region_code", "note"),
    "names.csv": ("name", "region_code", "kind", "source"),
}
#: The kinds of other names ``names.csv`` gives a region.
NAME_KINDS = ("everyday", "former", "official")
_TABLE_LEVELS = {
    "regencies.csv": frozenset({"regency", "city"}),
    "villages": frozenset({"village", "urban_village", "customary_village"}),
}
_CODE_LENGTH = {"provinces.csv": 2, "regencies.csv": 5, "districts.csv": 8, "villages": 13}


class Tables:
    """The rows of a region folder, as written (all strings, in file order).

    Attributes:
        provinces: ``(code, name, iso_3166_2)`` rows.
        regencies: ``(code, level, name, official_name)`` rows.
        districts: ``(code, name)`` rows.
        villages: Province code -> ``(code, level, name)`` rows.
        abbreviations: ``(abbreviation, region_code, note)`` rows.
        source: The text of ``SOURCE.md``, if there is one.
        names: ``(name, region_code, kind, source)`` rows: everyday, former and
            official names beside the decree's, each with its source.
    """

    # A plain class, not a NamedTuple: cheaper to define at import time.
    __slots__ = (
        "abbreviations",
        "districts",
        "names",
        "provinces",
        "regencies",
        "source",
        "villages",
    )

    def __init__(
        self,
        *,
        provinces: list[tuple[str, str, str]],
        regencies: list[tuple[str, str, str, str]],
        districts: list[tuple[str, str]],
        villages: dict[str, list[tuple[str, str, str]]],
        abbreviations: list[tuple[str, str, str]],
        source: str | None,
        names: list[tuple[str, str, str, str]] | None = None,
    ) -> None:
        self.provinces = provinces
        self.regencies = regencies
        self.districts = districts
        self.villages = villages
        self.abbreviations = abbreviations
        self.source = source
        self.names = names or []


def _csv_text(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def write_tables(folder: Path, tables: Tables) -> None:
    """Write region tables to *folder* in the canonical format (UTF-8, LF, sorted by code)."""
    villages = folder / "villages"
    villages.mkdir(parents=True, exist_ok=True)

    def put(path: Path, text: str) -> None:
        # Whole files only: readers in other processes never see a half-written table.
        partial = path.with_name(path.name + ".partial")
        partial.write_bytes(text.encode("utf-8"))
        os.replace(partial, path)

    put(folder / "provinces.csv", _csv_text(_HEADERS["provinces.csv"], tables.provinces))
    put(folder / "regencies.csv", _csv_text(_HEADERS["regencies.csv"], tables.regencies))
    put(folder / "districts.csv", _csv_text(_HEADERS["districts.csv"], tables.districts))
    for province, rows in sorted(tables.villages.items()):
        put(villages / f"{province}.csv", _csv_text(_HEADERS["villages"], rows))
    put(
        folder / "abbreviations.csv",
        _csv_text(_HEADERS["abbreviations.csv"], tables.abbreviations),
    )
    if tables.names:  # curated beside the decree's tables; a rebuild of those keeps it
        put(folder / "names.csv", _csv_text(_HEADERS["names.csv"], tables.names))
    if tables.source is not None:
        put(folder / "SOURCE.md", tables.source)


_FIELD = r'(?:[^",\n\s][^",\n]*|"[^"\s](?:[^"]|"")*")'  # a non-empty field
_ANY_FIELD = r'(?:[^",\n]*|"(?:[^"]|"")*")'
_ROWS = {
    "provinces.csv": rf"(?:[0-9]{{2}},{_FIELD},{_ANY_FIELD}\n)*",
    "regencies.csv": rf"(?:[0-9]{{2}}\.[0-9]{{2}},(?:regency|city),{_FIELD},{_FIELD}\n)*",
    "districts.csv": rf"(?:[0-9]{{2}}\.[0-9]{{2}}\.[0-9]{{2}},{_FIELD}\n)*",
    "villages": (
        r"(?:{province}\.[0-9]{{2}}\.[0-9]{{2}}\.[0-9]{{4}},"
        rf"(?:village|urban_village|customary_village),{_FIELD}\n)*"
    ),
    "abbreviations.csv": rf"(?:{_FIELD},{_ANY_FIELD},{_ANY_FIELD}\n)*",
    "names.csv": (
        rf"(?:{_FIELD},[0-9]{{2}}(?:\.[0-9]{{2}}){{0,2}},(?:{'|'.join(NAME_KINDS)}),{_FIELD}\n)*"
    ),
}


def read_rows(
    path: Traversable, table: str, *, root: Traversable, required: bool = True
) -> list[list[str]]:
    """Read and check one CSV table of the folder *root*; a missing optional table is empty.

    A well-formed table is checked by one regular expression over the whole
    text; only a table that fails it is checked row by row, to say where.
    Only a regular file inside *root* is read, and parsing is strict.
    """
    if not required and not present(path):
        return []
    try:
        text = read_file(path, root=root).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    header = _HEADERS[table]
    first, _, body = text.partition("\n")
    pattern = _ROWS[table].replace("{province}", re.escape(path.name[:2]))
    if first == ",".join(header) and re.fullmatch(pattern, body):
        if '"' not in body:  # the usual case: no quoted field, a plain split is exact
            return [line.split(",", len(header) - 1) for line in body.split("\n")[:-1]]
        return _strict_rows(path, text)[1:]
    return _check_rows(path, table, _strict_rows(path, text))


def _strict_rows(path: Traversable, text: str) -> list[list[str]]:
    """Parse CSV strictly: an unclosed quote or an oversized field is an error at its line."""
    reader = csv.reader(io.StringIO(text), strict=True)
    try:
        return list(reader)
    except csv.Error as exc:
        raise DataError(f"{path}: line {reader.line_num}: not valid CSV: {exc}") from None


def _check_rows(path: Traversable, table: str, rows: list[list[str]]) -> list[list[str]]:
    """Check a table row by row; raise DataError at the first bad row."""
    header = _HEADERS[table]
    if not rows or tuple(rows[0]) != header:
        raise DataError(f"{path}: line 1: expected the header {','.join(header)}")
    length = _CODE_LENGTH.get(table)
    levels = _TABLE_LEVELS.get(table)
    prefix = path.name[:2] + "." if table == "villages" else ""
    for number, row in enumerate(rows[1:], start=2):
        problem = None
        if len(row) != len(header):
            problem = f"expected {len(header)} fields, found {len(row)}"
        elif length is not None and (
            len(row[0]) != length or not CODE.match(row[0]) or not row[0].startswith(prefix)
        ):
            kind = {"provinces.csv": "province", "regencies.csv": "regency or city"}.get(
                table, "district" if table == "districts.csv" else "village"
            )
            problem = f"{row[0]!r} is not a {kind} code" + (
                f" of province {prefix[:2]}" if prefix else ""
            )
        elif levels is not None and row[1] not in levels:
            problem = f"level {row[1]!r} is not one of {', '.join(sorted(levels))}"
        elif table == "names.csv" and not CODE.match(row[1]):
            problem = f"{row[1]!r} is not a region code"
        elif table == "names.csv" and row[2] not in NAME_KINDS:
            problem = f"kind {row[2]!r} is not one of {', '.join(NAME_KINDS)}"
        elif table == "names.csv" and not row[3].strip():
            problem = "no source"
        elif not row[header.index("name") if "name" in header else 0].strip():
            problem = "empty name"
        if problem:
            raise DataError(f"{path}: line {number}: {problem}")
    return rows[1:]


class Villages:
    """One province's villages: code -> (level, name, parent), and codes by district."""

    __slots__ = ("by_district", "rows")

    def __init__(
        self, rows: dict[str, tuple[RegionLevel, str, str]], by_district: dict[str, list[str]]
    ) -> None:
        self.rows = rows
        self.by_district = by_district


class Parts:
    """Values built on first use, each once, under a lock; then read without one."""

    __slots__ = ("_lock", "built")

    def __init__(self) -> None:
        self.built: dict[str, Any] = {}
        self._lock = rlock()

    def get(self, name: str, build: Callable[[], T]) -> T:
        """The part called *name*, built by *build* the first time it is asked for."""
        try:
            return self.built[name]  # type: ignore[no-any-return]
        except KeyError:
            pass
        with self._lock:
            if name not in self.built:
                self.built[name] = build()
            return self.built[name]  # type: ignore[no-any-return]

    def peek(self, name: str) -> Any:
        """The part called *name* if it is built already, else None."""
        return self.built.get(name)


class TableReader:
    """The tables of one region folder, read lazily, and the regions built from their rows."""

    __slots__ = ("_objects", "_parts", "folder")

    def __init__(self, folder: Traversable, parts: Parts) -> None:
        self.folder = folder
        self._parts = parts
        self._objects: dict[str, Region] = {COUNTRY.code: COUNTRY}

    # --- the rows -----------------------------------------------------------------

    def provinces(self) -> dict[str, tuple[str, str]]:
        """Province code -> (name, ISO 3166-2 code or "")."""

        def build() -> dict[str, tuple[str, str]]:
            rows = read_rows(self.folder / "provinces.csv", "provinces.csv", root=self.folder)
            return {code: (name, iso) for code, name, iso in rows}

        return self._parts.get("provinces", build)

    def regencies(self) -> tuple[dict[str, tuple[str, str, str]], dict[str, list[str]]]:
        """Code -> (level, name, official name), and regency codes by province."""

        def build() -> tuple[dict[str, tuple[str, str, str]], dict[str, list[str]]]:
            rows = read_rows(self.folder / "regencies.csv", "regencies.csv", root=self.folder)
            by_parent: dict[str, list[str]] = {}
            for row in rows:
                by_parent.setdefault(row[0][:2], []).append(row[0])
            return {c: (lv, n, o) for c, lv, n, o in rows}, by_parent

        return self._parts.get("regencies", build)

    def districts(self) -> tuple[dict[str, str], dict[str, list[str]]]:
        """Code -> name, and district codes by regency or city."""

        def build() -> tuple[dict[str, str], dict[str, list[str]]]:
            rows = read_rows(self.folder / "districts.csv", "districts.csv", root=self.folder)
            by_parent: dict[str, list[str]] = {}
            for code, _ in rows:
                by_parent.setdefault(code[:5], []).append(code)
            return {row[0]: row[1] for row in rows}, by_parent

        return self._parts.get("districts", build)

    def villages(self, province: str) -> Villages:
        """One province's villages (none for a province without a village table)."""

        def build() -> Villages:
            path = self.folder / "villages" / f"{province}.csv"
            rows: dict[str, tuple[RegionLevel, str, str]] = {}
            by_district: dict[str, list[str]] = {}
            parent = ""
            children: list[str] = []
            for code, level, name in read_rows(path, "villages", root=self.folder, required=False):
                district = code[:8]
                if district != parent:  # one string per district, shared by its villages
                    parent = district
                    children = by_district.setdefault(parent, [])
                rows[code] = (LEVEL_VALUES[level], name, parent)
                children.append(code)
            return Villages(rows, by_district)

        return self._parts.get("villages:" + province, build)

    def abbreviations(self) -> list[tuple[str, str, str]]:
        """``(abbreviation, region code, note)`` rows."""

        def build() -> list[tuple[str, str, str]]:
            path = self.folder / "abbreviations.csv"
            return [
                (a, c, n)
                for a, c, n in read_rows(
                    path, "abbreviations.csv", root=self.folder, required=False
                )
            ]

        return self._parts.get("abbreviations", build)

    def names(self) -> list[tuple[str, str, str, str]]:
        """``(name, region code, kind, source)`` rows: everyday, former and official names."""

        def build() -> list[tuple[str, str, str, str]]:
            path = self.folder / "names.csv"
            return [
                (n, c, k, s)
                for n, c, k, s in read_rows(path, "names.csv", root=self.folder, required=False)
            ]

        return self._parts.get("other-names", build)

    def count(self) -> int:
        """How many regions the tables hold, the country included.

        Village tables not read yet are counted by their lines, not parsed.
        """

        def build() -> int:
            villages = 0
            for province in self.provinces():
                loaded: Villages | None = self._parts.peek("villages:" + province)
                if loaded is not None:
                    villages += len(loaded.rows)
                    continue
                path = self.folder / "villages" / f"{province}.csv"
                if present(path):
                    data = read_file(path, root=self.folder)
                    villages += max(data.rstrip(b"\n").count(b"\n"), 0)
            return (
                1
                + len(self.provinces())
                + len(self.regencies()[0])
                + len(self.districts()[0])
                + villages
            )

        return self._parts.get("len", build)

    def tables(self) -> Tables:
        """Every table, as written."""
        source_path = self.folder / "SOURCE.md"
        source = (
            read_file(source_path, root=self.folder).decode("utf-8", "replace")
            if present(source_path)
            else None
        )
        return Tables(
            provinces=[(c, n, i) for c, (n, i) in self.provinces().items()],
            regencies=[(c, lv, n, o) for c, (lv, n, o) in self.regencies()[0].items()],
            districts=list(self.districts()[0].items()),
            villages={
                p: [(c, lv.value, n) for c, (lv, n, _) in self.villages(p).rows.items()]
                for p in self.provinces()
            },
            abbreviations=list(self.abbreviations()),
            source=source,
            names=list(self.names()),
        )

    # --- the regions --------------------------------------------------------------

    def get(self, code: str) -> Region | None:
        """The region with this code (built once), or None; never raises for a string."""
        try:
            return self._objects[code]
        except (KeyError, TypeError):
            pass
        given: object = code  # callers without type checking may pass anything
        if not isinstance(given, str) or not CODE.match(given):
            return None
        region = self._build(code)
        if region is None:
            return None
        return self._objects.setdefault(code, region)

    def region(self, code: str) -> Region:
        """The region with a code the tables themselves list."""
        region = self.get(code)
        if region is None:  # pragma: no cover - a code listed by the tables themselves
            raise DataError(f"{self.folder}: region {code} is listed but cannot be read")
        return region

    def _build(self, code: str) -> Region | None:
        level = depth(code)
        if level == 1:
            province = self.provinces().get(code)
            return (
                None
                if province is None
                else Region(
                    code=code,
                    name=province[0],
                    official_name=province[0],
                    level=RegionLevel.PROVINCE,
                    parent=COUNTRY.code,
                    iso_3166_2=province[1] or None,
                )
            )
        if level == 2:
            regency = self.regencies()[0].get(code)
            return (
                None
                if regency is None
                else Region(
                    code=code,
                    name=regency[1],
                    official_name=regency[2],
                    level=RegionLevel(regency[0]),
                    parent=code[:2],
                )
            )
        if level == 3:
            district = self.districts()[0].get(code)
            return (
                None
                if district is None
                else Region(
                    code=code,
                    name=district,
                    official_name=district,
                    level=RegionLevel.DISTRICT,
                    parent=code[:5],
                )
            )
        village = self.villages(code[:2]).rows.get(code)
        return (
            None
            if village is None
            else Region(
                code=code,
                name=village[1],
                official_name=village[1],
                level=village[0],
                parent=village[2],
            )
        )
