"""The Kemendagri region hierarchy: lookup by code and name, fuzzy search, navigation.

The country is the root; below it 38 provinces, 514 regencies (kabupaten) and
cities (kota), 7,285 districts (kecamatan) and 83,762 villages (desa,
kelurahan, desa adat), as coded by the Ministry of Home Affairs (Kemendagri).

The tables are CSV files read lazily, one part at a time: ``get`` of a village
reads only its province's village file, a name lookup reads the province,
regency and district tables and touches villages only when no higher region
has the name.  :class:`~pemilu_pks.Region` objects are built on first use and
cached.  Every lazy part is built once, under a lock, so any number of threads
may query at once.
"""

from __future__ import annotations

import csv
import io
import os
import re
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ._model import Region, RegionLevel
from ._text import fold, name_key
from .exceptions import AmbiguousError, DataError, NotFoundError, ValidationError

if TYPE_CHECKING:  # pragma: no cover
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = ["COUNTRY", "Regions", "Tables", "describe", "write_tables"]

T = TypeVar("T")

#: The root of the hierarchy.
COUNTRY = Region(
    code="ID", name="Indonesia", official_name="Republik Indonesia", level=RegionLevel.COUNTRY
)

_L = RegionLevel
_LEVEL_VALUES = {level.value: level for level in RegionLevel}
_VILLAGE_LEVELS = frozenset({_L.VILLAGE, _L.URBAN_VILLAGE, _L.CUSTOMARY_VILLAGE})
_UPPER_LEVELS = frozenset(RegionLevel) - _VILLAGE_LEVELS
_CODE = re.compile(r"[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{4})?)?)?\Z")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")

#: Words that may start a name, longest first, with the levels they announce.
_PREFIXES: tuple[tuple[str, frozenset[RegionLevel]], ...] = (
    ("kabupaten administrasi", frozenset({_L.REGENCY})),
    ("kota administrasi", frozenset({_L.CITY})),
    ("kabupaten", frozenset({_L.REGENCY})),
    ("kab", frozenset({_L.REGENCY})),
    ("kota", frozenset({_L.CITY})),
    ("provinsi", frozenset({_L.PROVINCE})),
    ("prov", frozenset({_L.PROVINCE})),
    ("kecamatan", frozenset({_L.DISTRICT})),
    ("kec", frozenset({_L.DISTRICT})),
    ("distrik", frozenset({_L.DISTRICT})),
    ("kelurahan", frozenset({_L.URBAN_VILLAGE})),
    ("kel", frozenset({_L.URBAN_VILLAGE})),
    ("desa", frozenset({_L.VILLAGE, _L.CUSTOMARY_VILLAGE})),
)
#: Short forms that start province names in news ("DKI Jakarta", "DI Yogyakarta").
_EXPANSIONS = (("dki ", "daerah khusus ibukota "), ("di ", "daerah istimewa "))
#: The word put before a name in messages, where the name lacks it.
_LEVEL_WORD = {
    _L.PROVINCE: "Provinsi",
    _L.DISTRICT: "Kecamatan",
    _L.VILLAGE: "Desa",
    _L.URBAN_VILLAGE: "Kelurahan",
}

_HEADERS = {
    "provinces.csv": ("code", "name", "iso_3166_2"),
    "regencies.csv": ("code", "level", "name", "official_name"),
    "districts.csv": ("code", "name"),
    "villages": ("code", "level", "name"),
    "abbreviations.csv": ("abbreviation", "region_code", "note"),
}
_TABLE_LEVELS = {
    "regencies.csv": frozenset({"regency", "city"}),
    "villages": frozenset({"village", "urban_village", "customary_village"}),
}
_CODE_LENGTH = {"provinces.csv": 2, "regencies.csv": 5, "districts.csv": 8, "villages": 13}


def _key(text: str) -> str:
    """A lookup key: :func:`~pemilu_pks._text.spaceless_key`, without its cache (fast for 80,000 names)."""
    folded = fold(text)
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")
    return _NOT_ALNUM.sub("", folded)


def _readings(text: str) -> list[tuple[str, frozenset[RegionLevel] | None]]:
    """The keys a query may mean, each with the levels its prefix announces (None: any)."""
    words = name_key(text)
    found: list[tuple[str, frozenset[RegionLevel] | None]] = [(words, None)]
    for prefix, levels in _PREFIXES:
        if words.startswith(prefix + " "):
            found.append((words[len(prefix) + 1 :], levels))
            break
    for short, long in _EXPANSIONS:
        found += [(long + w[len(short) :], lv) for w, lv in found if w.startswith(short)]
    readings: list[tuple[str, frozenset[RegionLevel] | None]] = []
    for words_, levels_ in found:
        reading = (words_.replace(" ", ""), levels_)
        if reading[0] and reading not in readings:
            readings.append(reading)
    return readings


def _depth(code: str) -> int:
    return 0 if code == "ID" else code.count(".") + 1


def _is_within(code: str, scope: str) -> bool:
    return code != "ID" if scope == "ID" else code.startswith(scope + ".")


def describe(region: Region) -> str:
    """A region for messages: ``"Kabupaten Malang (35.07)"``, ``"Provinsi Jambi (15)"``.

    Example:
        >>> import pemilu_pks as pk
        >>> describe(pk.load().regions.get("63.71"))
        'Kota Banjarmasin (63.71)'
    """
    label = region.official_name
    word = _LEVEL_WORD.get(region.level)
    if word and not name_key(label).startswith(name_key(word) + " "):
        label = f"{word} {label}"
    return f"{label} ({region.code})"


def _levels(level: RegionLevel | str | None) -> frozenset[RegionLevel] | None:
    if level is None:
        return None
    if isinstance(level, RegionLevel):
        return frozenset({level})
    if isinstance(level, str):
        try:
            return frozenset({RegionLevel(level.strip().lower())})
        except ValueError:
            pass
    allowed = ", ".join(repr(member.value) for member in RegionLevel)
    raise ValidationError([("level", f"{level!r} is not one of {allowed}")])


# --- the files ----------------------------------------------------------------


class Tables:
    """The rows of a region folder, as written (all strings, in file order).

    Attributes:
        provinces: ``(code, name, iso_3166_2)`` rows.
        regencies: ``(code, level, name, official_name)`` rows.
        districts: ``(code, name)`` rows.
        villages: Province code -> ``(code, level, name)`` rows.
        abbreviations: ``(abbreviation, region_code, note)`` rows.
        source: The text of ``SOURCE.md``, if there is one.
    """

    # A plain class, not a NamedTuple: cheaper to define at import time.
    __slots__ = ("abbreviations", "districts", "provinces", "regencies", "source", "villages")

    def __init__(
        self,
        *,
        provinces: list[tuple[str, str, str]],
        regencies: list[tuple[str, str, str, str]],
        districts: list[tuple[str, str]],
        villages: dict[str, list[tuple[str, str, str]]],
        abbreviations: list[tuple[str, str, str]],
        source: str | None,
    ) -> None:
        self.provinces = provinces
        self.regencies = regencies
        self.districts = districts
        self.villages = villages
        self.abbreviations = abbreviations
        self.source = source


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
}


def _read_rows(path: Traversable, table: str, *, required: bool = True) -> list[list[str]]:
    """Read and check one CSV table; a missing optional table is empty.

    A well-formed table is checked by one regular expression over the whole
    text; only a table that fails it is checked row by row, to say where.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if not required:
            return []
        raise DataError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read: {exc}") from None
    header = _HEADERS[table]
    first, _, body = text.partition("\n")
    pattern = _ROWS[table].replace("{province}", re.escape(path.name[:2]))
    if first == ",".join(header) and re.fullmatch(pattern, body):
        if '"' not in body:  # the usual case: no quoted field, a plain split is exact
            return [line.split(",", len(header) - 1) for line in body.split("\n")[:-1]]
        return list(csv.reader(io.StringIO(body)))
    return _check_rows(path, table, list(csv.reader(io.StringIO(text))))


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
            len(row[0]) != length or not _CODE.match(row[0]) or not row[0].startswith(prefix)
        ):
            kind = {"provinces.csv": "province", "regencies.csv": "regency or city"}.get(
                table, "district" if table == "districts.csv" else "village"
            )
            problem = f"{row[0]!r} is not a {kind} code" + (
                f" of province {prefix[:2]}" if prefix else ""
            )
        elif levels is not None and row[1] not in levels:
            problem = f"level {row[1]!r} is not one of {', '.join(sorted(levels))}"
        elif not row[header.index("name") if "name" in header else 0].strip():
            problem = "empty name"
        if problem:
            raise DataError(f"{path}: line {number}: {problem}")
    return rows[1:]


class _Villages:
    """One province's villages: code -> (level, name, parent), and codes by district."""

    __slots__ = ("by_district", "rows")

    def __init__(
        self, rows: dict[str, tuple[RegionLevel, str, str]], by_district: dict[str, list[str]]
    ) -> None:
        self.rows = rows
        self.by_district = by_district


class _Fuzzy:
    """Trigram candidates re-ranked by :class:`difflib.SequenceMatcher`, over lookup keys."""

    __slots__ = ("_grams", "_keys", "_longest", "_sizes")

    def __init__(self, keys: Iterable[str]) -> None:
        self._keys = sorted(set(keys))
        self._longest = max(map(len, self._keys), default=0)
        self._sizes: list[int] = []
        self._grams: dict[str, list[int]] = {}
        for index, key in enumerate(self._keys):
            grams = self.trigrams(key)
            self._sizes.append(len(grams))
            for gram in grams:
                self._grams.setdefault(gram, []).append(index)

    @staticmethod
    def trigrams(key: str) -> set[str]:
        padded = f"^^{key}$"
        return {padded[i : i + 3] for i in range(len(padded) - 2)}

    def scores(self, query: str, *, cutoff: float, pool: int = 60) -> list[tuple[float, str]]:
        """Keys close to *query* with their similarity (0..1), best first."""
        from difflib import SequenceMatcher

        # ratio() is at most 2 * shorter / (sum of lengths): a query this long matches
        # nothing, and comparing it would take time in proportion to its length.
        if cutoff > 0 and len(query) > self._longest * (2 / cutoff - 1):
            return []
        grams = self.trigrams(query)
        shared: dict[int, int] = {}
        for gram in grams:
            for index in self._grams.get(gram, ()):
                shared[index] = shared.get(index, 0) + 1
        dice = sorted(shared, key=lambda i: -2 * shared[i] / (len(grams) + self._sizes[i]))[:pool]
        matcher = SequenceMatcher(autojunk=False)
        matcher.set_seq2(query)
        found = []
        for index in dice:
            matcher.set_seq1(self._keys[index])
            score = matcher.ratio()
            if score >= cutoff:
                found.append((score, self._keys[index]))
        return sorted(found, key=lambda item: -item[0])


# --- the collection -----------------------------------------------------------


class Regions:
    """The Kemendagri region hierarchy, from the country down to villages.

    Sized and iterable (in code order: each region is followed by its
    descendants).  Get one with :meth:`get` (None when unknown), find one by
    name with :meth:`lookup` (raises), rank candidates for a misspelt name
    with :meth:`search`, and walk the tree with :meth:`parent`,
    :meth:`children`, :meth:`ancestors`, :meth:`descendants` and
    :meth:`contains`.  Navigation methods take a :class:`~pemilu_pks.Region`,
    a code or a name.

    Immutable: the files are read lazily and each part once, under a lock.

    Example:
        >>> import pemilu_pks as pk
        >>> regions = pk.load().regions
        >>> regions.lookup("Kab. Tapsel").official_name
        'Kabupaten Tapanuli Selatan'
        >>> [r.name for r in regions.ancestors("63.71.01.1001")]
        ['Banjarmasin Selatan', 'Banjarmasin', 'Kalimantan Selatan', 'Indonesia']
    """

    __slots__ = ("_cache", "_folder", "_lock", "_objects")
    _cache: dict[str, Any]
    _folder: Traversable
    _lock: threading.RLock
    _objects: dict[str, Region]

    def __init__(self, folder: Traversable) -> None:
        set_ = object.__setattr__  # the public API has no way to change the regions
        set_(self, "_folder", folder)
        set_(self, "_cache", {})
        set_(self, "_objects", {COUNTRY.code: COUNTRY})
        set_(self, "_lock", threading.RLock())

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Regions are immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Regions are immutable; cannot delete {name!r}")

    @classmethod
    def from_folder(cls, folder: Traversable) -> Regions:
        """The regions of a folder in the bundled format (see ``datasets/regions/SOURCE.md``).

        Nothing is read until it is needed; errors in a file are raised then.

        Args:
            folder: The folder holding ``provinces.csv``, ``regencies.csv``,
                ``districts.csv``, ``villages/PP.csv`` and ``abbreviations.csv``.

        Returns:
            The regions of that folder.
        """
        return cls(folder)

    def write(self, folder: str | Path) -> None:
        """Write the region tables to *folder* (created if missing), in the format they were read.

        A folder read and written back is identical byte for byte.

        Args:
            folder: Where to write.

        Raises:
            DataError: A table of this dataset cannot be read.
        """
        source_path = self._folder / "SOURCE.md"
        source = source_path.read_text(encoding="utf-8") if source_path.is_file() else None
        tables = Tables(
            provinces=[(c, n, i) for c, (n, i) in self._provinces().items()],
            regencies=[(c, lv, n, o) for c, (lv, n, o) in self._regencies()[0].items()],
            districts=list(self._districts()[0].items()),
            villages={
                p: [(c, lv.value, n) for c, (lv, n, _) in self._villages(p).rows.items()]
                for p in self._provinces()
            },
            abbreviations=[(a, c, n) for a, c, n in self._abbreviations()],
            source=source,
        )
        write_tables(Path(folder), tables)

    # --- lazy parts -----------------------------------------------------------

    def _part(self, name: str, build: Callable[[], T]) -> T:
        try:
            return self._cache[name]  # type: ignore[no-any-return]
        except KeyError:
            pass
        with self._lock:
            if name not in self._cache:
                self._cache[name] = build()
            return self._cache[name]  # type: ignore[no-any-return]

    def _provinces(self) -> dict[str, tuple[str, str]]:
        def build() -> dict[str, tuple[str, str]]:
            rows = _read_rows(self._folder / "provinces.csv", "provinces.csv")
            return {code: (name, iso) for code, name, iso in rows}

        return self._part("provinces", build)

    def _regencies(self) -> tuple[dict[str, tuple[str, str, str]], dict[str, list[str]]]:
        def build() -> tuple[dict[str, tuple[str, str, str]], dict[str, list[str]]]:
            rows = _read_rows(self._folder / "regencies.csv", "regencies.csv")
            by_parent: dict[str, list[str]] = {}
            for row in rows:
                by_parent.setdefault(row[0][:2], []).append(row[0])
            return {c: (lv, n, o) for c, lv, n, o in rows}, by_parent

        return self._part("regencies", build)

    def _districts(self) -> tuple[dict[str, str], dict[str, list[str]]]:
        def build() -> tuple[dict[str, str], dict[str, list[str]]]:
            rows = _read_rows(self._folder / "districts.csv", "districts.csv")
            by_parent: dict[str, list[str]] = {}
            for code, _ in rows:
                by_parent.setdefault(code[:5], []).append(code)
            return {row[0]: row[1] for row in rows}, by_parent

        return self._part("districts", build)

    def _villages(self, province: str) -> _Villages:
        def build() -> _Villages:
            path = self._folder / "villages" / f"{province}.csv"
            rows: dict[str, tuple[RegionLevel, str, str]] = {}
            by_district: dict[str, list[str]] = {}
            parent = ""
            children: list[str] = []
            for code, level, name in _read_rows(path, "villages", required=False):
                district = code[:8]
                if district != parent:  # one string per district, shared by its villages
                    parent = district
                    children = by_district.setdefault(parent, [])
                rows[code] = (_LEVEL_VALUES[level], name, parent)
                children.append(code)
            return _Villages(rows, by_district)

        return self._part("villages:" + province, build)

    def _abbreviations(self) -> list[tuple[str, str, str]]:
        def build() -> list[tuple[str, str, str]]:
            path = self._folder / "abbreviations.csv"
            return [(a, c, n) for a, c, n in _read_rows(path, "abbreviations.csv", required=False)]

        return self._part("abbreviations", build)

    def _names(self) -> dict[str, list[str]]:
        """Lookup key -> codes, for the country, provinces, regencies, cities and districts."""

        def build() -> dict[str, list[str]]:
            index: dict[str, list[str]] = {}

            def add(text: str, code: str) -> None:
                codes = index.setdefault(_key(text), [])
                if code not in codes:
                    codes.append(code)

            add(COUNTRY.name, COUNTRY.code)
            add(COUNTRY.official_name, COUNTRY.code)
            for code, (name, _) in self._provinces().items():
                add(name, code)
            for code, (_, name, official) in self._regencies()[0].items():
                add(name, code)
                add(official, code)
            for code, name in self._districts()[0].items():
                add(name, code)
            for abbreviation, code, _ in self._abbreviations():
                add(abbreviation, code)
            return index

        return self._part("names", build)

    def _village_names(self, province: str) -> dict[str, list[str]]:
        def build() -> dict[str, list[str]]:
            index: dict[str, list[str]] = {}
            for code, (_, name, _) in self._villages(province).rows.items():
                index.setdefault(_key(name), []).append(code)
            return index

        return self._part("village-names:" + province, build)

    def _fuzzy(self, province: str | None) -> _Fuzzy:
        if province is None:
            return self._part("fuzzy", lambda: _Fuzzy(self._names()))
        return self._part("fuzzy:" + province, lambda: _Fuzzy(self._village_names(province)))

    # --- records ----------------------------------------------------------------

    def _build(self, code: str) -> Region | None:
        depth = _depth(code)
        if depth == 1:
            province = self._provinces().get(code)
            return (
                None
                if province is None
                else Region(
                    code=code,
                    name=province[0],
                    official_name=province[0],
                    level=_L.PROVINCE,
                    parent=COUNTRY.code,
                    iso_3166_2=province[1] or None,
                )
            )
        if depth == 2:
            regency = self._regencies()[0].get(code)
            return (
                None
                if regency is None
                else Region(
                    code=code,
                    name=regency[1],
                    official_name=regency[2],
                    level=_L(regency[0]),
                    parent=code[:2],
                )
            )
        if depth == 3:
            district = self._districts()[0].get(code)
            return (
                None
                if district is None
                else Region(
                    code=code,
                    name=district,
                    official_name=district,
                    level=_L.DISTRICT,
                    parent=code[:5],
                )
            )
        village = self._villages(code[:2]).rows.get(code)
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

    def get(self, code: str, default: Region | None = None) -> Region | None:
        """The region with this Kemendagri code, or *default* (None) when there is none.

        Never raises for a string: a malformed code is simply not found.

        Args:
            code: ``"ID"``, ``"63"``, ``"63.71"``, ``"63.71.01"`` or ``"63.71.01.1001"``.
            default: What to return for an unknown code.

        Returns:
            The region, or *default*.

        Example:
            >>> import pemilu_pks as pk
            >>> pk.load().regions.get("63.71.01.1001").official_name
            'Mantuil'
            >>> pk.load().regions.get("99") is None
            True
        """
        try:
            return self._objects[code]
        except (KeyError, TypeError):
            pass
        given: object = code  # callers without type checking may pass anything
        if not isinstance(given, str) or not _CODE.match(given):
            return default
        region = self._build(code)
        if region is None:
            return default
        return self._objects.setdefault(code, region)

    def _codes(self, parent: str) -> list[str]:
        depth = _depth(parent)
        if depth == 0:
            return list(self._provinces())
        if depth == 1:
            return self._regencies()[1].get(parent, [])
        if depth == 2:
            return self._districts()[1].get(parent, [])
        if depth == 3:
            return self._villages(parent[:2]).by_district.get(parent, [])
        return []

    def _walk(self, code: str) -> Iterator[Region]:
        for child in self._codes(code):
            yield self._region(child)
            yield from self._walk(child)

    def _region(self, code: str) -> Region:
        region = self.get(code)
        if region is None:  # pragma: no cover - a code listed by the tables themselves
            raise DataError(f"{self._folder}: region {code} is listed but cannot be read")
        return region

    def __iter__(self) -> Iterator[Region]:
        yield COUNTRY
        yield from self._walk(COUNTRY.code)

    def __len__(self) -> int:
        def count() -> int:
            villages = 0
            for province in self._provinces():
                loaded = self._cache.get("villages:" + province)
                if loaded is not None:
                    villages += len(loaded.rows)
                    continue
                path = self._folder / "villages" / f"{province}.csv"
                if path.is_file():
                    villages += max(path.read_bytes().rstrip(b"\n").count(b"\n"), 0)
            return (
                1
                + len(self._provinces())
                + len(self._regencies()[0])
                + len(self._districts()[0])
                + villages
            )

        return self._part("len", count)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Region):
            return self.get(item.code) == item
        return isinstance(item, str) and self.get(item) is not None

    def __repr__(self) -> str:
        return f"<Regions from {self._folder}>"

    # --- lookup -------------------------------------------------------------------

    def _resolve(self, region: Region | str, what: str = "region") -> Region:
        if isinstance(region, Region):
            found = self.get(region.code)
            if found is None:
                raise NotFoundError(f"no {what} with code {region.code!r}", query=region.code)
            return found
        return self.get(region) or self.lookup(region)

    def _matches(
        self,
        readings: list[tuple[str, frozenset[RegionLevel] | None]],
        levels: frozenset[RegionLevel] | None,
        scope: str | None,
    ) -> list[Region]:
        """The regions the readings name, at the highest level where any matches."""

        def pick(index: dict[str, list[str]]) -> None:
            for key, hint in readings:
                for code in index.get(key, ()):
                    region = self._region(code)
                    if (
                        (hint is None or region.level in hint)
                        and (levels is None or region.level in levels)
                        and (scope is None or _is_within(code, scope))
                        and region not in found
                    ):
                        found.append(region)

        found: list[Region] = []
        pick(self._names())
        wanted = _VILLAGE_LEVELS if levels is None else levels & _VILLAGE_LEVELS
        if not found and wanted and any(h is None or h & wanted for _, h in readings):
            for province in self._provinces_in(scope):
                pick(self._village_names(province))
        if not found:
            return []
        top = min(region.level.depth for region in found)
        return sorted((r for r in found if r.level.depth == top), key=lambda r: r.code)

    def _provinces_in(self, scope: str | None) -> list[str]:
        if scope is None or scope == COUNTRY.code:
            return list(self._provinces())
        return [scope[:2]]

    def _by_code(self, text: str) -> Region | None:
        """The region a code or ISO 3166-2 code names; NotFoundError for an unknown one."""
        if _CODE.match(text) or text.upper() == COUNTRY.code:
            region = self.get(text.upper())
            if region is None:
                raise NotFoundError(f"no region with code {text!r}", query=text)
            return region
        if (
            len(text) == 5
            and text[:3].upper() == "ID-"
            and text[3:].isascii()
            and text[3:].isalpha()
        ):
            iso = text.upper()
            for code, (_, province_iso) in self._provinces().items():
                if province_iso == iso:
                    return self._region(code)
            raise NotFoundError(f"no province with ISO 3166-2 code {text!r}", query=text)
        return None

    def lookup(
        self,
        name: str,
        level: RegionLevel | str | None = None,
        within: Region | str | None = None,
    ) -> Region:
        """The one region with this name, code or abbreviation.

        Names match case-, spacing- and punctuation-insensitively, with or
        without a leading "Provinsi", "Kabupaten"/"Kab.", "Kota",
        "Kecamatan"/"Kec.", "Desa" or "Kelurahan"/"Kel." (which also restricts
        the level: "Kota Malang" is the city).  Abbreviations used in news
        ("Kalsel", "Tapsel", "Paluta") name their region.  A name resolves at the
        highest level where it matches: "Banjarmasin" is the city although two
        villages share the name, "Jambi" the province (use ``level="city"`` for
        Kota Jambi).

        Args:
            name: A name, an abbreviation, a Kemendagri code ("63.71") or an
                ISO 3166-2 code ("ID-KS").
            level: Only regions of this level (a :class:`~pemilu_pks.RegionLevel`
                or its value, e.g. ``"city"``).
            within: Only regions inside this one (a Region, code or name).

        Returns:
            The region.

        Raises:
            NotFoundError: Nothing matches; the message suggests close names.
            AmbiguousError: Several regions of the same level match; the message
                lists them with their codes.
            ValidationError: *level* is not a level.

        Example:
            >>> import pemilu_pks as pk
            >>> regions = pk.load().regions
            >>> regions.lookup("Kalsel").code
            '63'
            >>> regions.lookup("Jambi", level="city").official_name
            'Kota Jambi'
            >>> regions.lookup("Malang")
            Traceback (most recent call last):
            pemilu_pks.exceptions.AmbiguousError: 'Malang' matches 2 regions: Kabupaten Malang (35.07), Kota Malang (35.73); narrow it with level= or within=, or use a code
        """
        levels = _levels(level)
        scope = None if within is None else self._resolve(within, "within region").code
        given: object = name  # callers without type checking may pass anything
        if not isinstance(given, str):
            raise ValidationError([("name", f"expected a name (str), got {type(name).__name__}")])
        text = name.strip()
        where = ""
        if levels is not None:
            where += f", level {next(iter(levels)).value!r}"
        if scope is not None:
            where += f", within {describe(self._region(scope))}"
        region = self._by_code(text)
        if region is not None:
            if (levels is None or region.level in levels) and (
                scope is None or _is_within(region.code, scope)
            ):
                return region
            raise NotFoundError(f"{describe(region)} is not a match{where}", query=name)
        found = self._matches(_readings(text), levels, scope)
        if len(found) == 1:
            return found[0]
        if found:
            candidates = [describe(r) for r in found]
            shown = ", ".join(candidates[:10])
            more = f" and {len(candidates) - 10} more" if len(candidates) > 10 else ""
            raise AmbiguousError(
                f"{name!r} matches {len(found)} regions{where}: {shown}{more}; "
                "narrow it with level= or within=, or use a code",
                query=name,
                candidates=candidates,
            )
        suggestions = [describe(r) for r in self.search(text, limit=5, level=level, within=scope)]
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        raise NotFoundError(
            f"no region named {name!r}{where}{hint}", query=name, suggestions=suggestions
        )

    def search(
        self,
        text: str,
        *,
        limit: int = 10,
        level: RegionLevel | str | None = None,
        within: Region | str | None = None,
    ) -> list[Region]:
        """Regions whose names are close to *text*, best first: for typos and guesses.

        Compares lookup keys (as :meth:`lookup` folds them) by trigrams and
        :class:`difflib.SequenceMatcher`.  Villages are searched only when
        *level* asks for a village level, or when no higher region is close.

        Args:
            text: What the user typed ("Banjarmasn", "Kapuas Hullu").
            limit: At most this many results.
            level: Only regions of this level.
            within: Only regions inside this one (a Region, code or name).

        Returns:
            Matching regions, closest first; ties go to the higher level, then the code.

        Raises:
            ValidationError: *level* is not a level.

        Example:
            >>> import pemilu_pks as pk
            >>> [(r.code, r.official_name) for r in pk.load().regions.search("Kapuas Hullu", limit=2)]
            [('61.06', 'Kabupaten Kapuas Hulu'), ('62.03.12', 'Kapuas Hulu')]
        """
        levels = _levels(level)
        scope = None if within is None else self._resolve(within, "within region").code
        given: object = text  # callers without type checking may pass anything
        readings = _readings(text) if isinstance(given, str) else []
        cutoff = 0.6

        def collect(fuzzy: _Fuzzy, index: dict[str, list[str]]) -> None:
            for key, _ in readings:
                for score, match in fuzzy.scores(key, cutoff=cutoff):
                    for code in index[match]:
                        region = self._region(code)
                        if (levels is None or region.level in levels) and (
                            scope is None or _is_within(code, scope)
                        ):
                            best[region] = max(score, best.get(region, 0.0))

        best: dict[Region, float] = {}
        if levels is None or levels & _UPPER_LEVELS:
            collect(self._fuzzy(None), self._names())
        if not best and (levels is None or levels & _VILLAGE_LEVELS):
            for province in self._provinces_in(scope):
                collect(self._fuzzy(province), self._village_names(province))
        ranked = sorted(best, key=lambda r: (-best[r], r.level.depth, r.code))
        return ranked[: max(limit, 0)]

    # --- navigation -------------------------------------------------------------

    def parent(self, region: Region | str) -> Region | None:
        """The region directly above *region* (None for the country).

        Raises:
            NotFoundError: *region* is unknown.
            AmbiguousError: *region* is a name that fits several regions.

        Example:
            >>> import pemilu_pks as pk
            >>> pk.load().regions.parent("63.71").name
            'Kalimantan Selatan'
        """
        found = self._resolve(region)
        return None if found.parent is None else self._region(found.parent)

    def children(self, region: Region | str) -> list[Region]:
        """The regions directly below *region*, in code order.

        Raises:
            NotFoundError: *region* is unknown.
            AmbiguousError: *region* is a name that fits several regions.

        Example:
            >>> import pemilu_pks as pk
            >>> [r.name for r in pk.load().regions.children("63.71")]
            ['Banjarmasin Selatan', 'Banjarmasin Timur', 'Banjarmasin Barat', 'Banjarmasin Utara', 'Banjarmasin Tengah']
        """
        return [self._region(code) for code in self._codes(self._resolve(region).code)]

    def ancestors(self, region: Region | str) -> list[Region]:
        """The regions above *region*, nearest first, ending with the country.

        Raises:
            NotFoundError: *region* is unknown.
            AmbiguousError: *region* is a name that fits several regions.

        Example:
            >>> import pemilu_pks as pk
            >>> [r.code for r in pk.load().regions.ancestors("63.71.01")]
            ['63.71', '63', 'ID']
        """
        found: list[Region] = []
        parent = self._resolve(region).parent
        while parent is not None:
            found.append(self._region(parent))
            parent = found[-1].parent
        return found

    def descendants(self, region: Region | str) -> list[Region]:
        """Every region below *region*, in code order (each followed by its own descendants).

        Raises:
            NotFoundError: *region* is unknown.
            AmbiguousError: *region* is a name that fits several regions.

        Example:
            >>> import pemilu_pks as pk
            >>> len(pk.load().regions.descendants("63.71"))
            57
        """
        return list(self._walk(self._resolve(region).code))

    def contains(self, outer: Region | str, inner: Region | str) -> bool:
        """Whether *inner* is *outer* or lies inside it.

        Raises:
            NotFoundError: Either region is unknown.
            AmbiguousError: Either is a name that fits several regions.

        Example:
            >>> import pemilu_pks as pk
            >>> regions = pk.load().regions
            >>> regions.contains("Kalsel", "63.71.01.1001"), regions.contains("63.71", "63")
            (True, False)
        """
        a = self._resolve(outer).code
        b = self._resolve(inner).code
        return a == b or _is_within(b, a)
