"""The dataset: finding the bundled files, loading them lazily, writing them back.

A dataset folder holds one canonical JSON file per record type
(``institutions.json``, ``people.json``, ``sources.json``, ``agreements.json``;
each an object with one key, the record type, holding records sorted by id),
the region tables under ``regions/`` and a Frictionless ``datapackage.json``
carrying the dataset version.  Each part is read the first time it is used.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ._agreements import Agreements
from ._coverage import Coverage, coverage
from ._files import is_inside, present, read_file, replace_folder, write_file
from ._institutions import Institutions
from ._json import DEFAULT_LIMITS, Limits, decode, dumps
from ._locks import lock, rlock
from ._model import Agreement, Institution, Person, Source
from ._records import Records
from ._regions import Regions
from .exceptions import DataError, IntegrityError, PemiluPksError, ValidationError

if TYPE_CHECKING:  # pragma: no cover
    import datetime as dt

    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = ["RECORD_TYPES", "Dataset", "bundled_path", "load"]

T = TypeVar("T")

#: The record files of a dataset folder: file stem -> record class.
RECORD_TYPES: dict[str, type[Any]] = {
    "agreements": Agreement,
    "institutions": Institution,
    "people": Person,
    "sources": Source,
}
_KIND = {
    "agreements": "agreement",
    "institutions": "institution",
    "people": "person",
    "sources": "source",
}


def bundled_path() -> Traversable:
    """The folder of the bundled dataset: inside the installed package, or a checkout's ``datasets/``."""
    from importlib import resources  # costs import time; only needed here

    packaged = resources.files("pemilu_pks") / "datasets"
    if packaged.is_dir():
        return packaged
    # A source checkout or an editable install: src/pemilu_pks/../../datasets
    checkout = Path(__file__).resolve().parents[2] / "datasets"
    if checkout.is_dir():
        return checkout
    raise DataError(f"the bundled dataset is missing: neither {packaged} nor {checkout} exists")


def read_records(folder: Traversable, name: str, *, limits: Limits = DEFAULT_LIMITS) -> list[Any]:
    """Read ``<folder>/<name>.json`` as a list of records of its type.

    Raises:
        DataError: The file is missing or not JSON.
        ValidationError: A record does not fit the model (with file and JSON path).
    """
    from ._converter import structure

    path = folder / f"{name}.json"
    raw = read_file(path, root=folder, max_bytes=limits.max_bytes)
    data = decode(raw, source=str(path), limits=limits)
    if not isinstance(data, dict) or set(data) != {name}:
        raise ValidationError(
            [("$", f'expected an object with the single key "{name}"')], source=str(path)
        )
    return structure(data[name], list[RECORD_TYPES[name]], source=str(path), path=f"$.{name}")  # type: ignore[valid-type]


def records_json(name: str, records: Iterable[Any]) -> str:
    """The canonical JSON text of a record file."""
    from ._converter import unstructure

    return dumps({name: [unstructure(record) for record in sorted(records, key=lambda r: r.id)]})


class Dataset:
    """A complete dataset: regions, institutions, people, sources and agreements.

    Get the bundled one with :func:`pemilu_pks.load`, a folder of your own with
    :meth:`from_path`.  A dataset is immutable; each part is read on first use.

    Attributes:
        version: The dataset version (``YYYY.MM.N``), separate from the package version.
        regions: The Kemendagri region hierarchy.
        institutions: Election bodies, police units and other parties.
        people: Signatories and witnesses.
        sources: The reports facts come from.
        agreements: The agreements.

    Example:
        >>> import tempfile
        >>> import pemilu_pks as pk
        >>> ds = pk.load()
        >>> folder = tempfile.mkdtemp()
        >>> ds.write(folder)
        >>> copy = pk.Dataset.from_path(folder)
        >>> copy.version == ds.version, copy.agreements == ds.agreements
        (True, True)
    """

    __slots__ = ("_factories", "_lock", "_origin", "_parts", "_path")

    _factories: dict[str, Callable[[], Any]]
    _parts: dict[str, Any]
    _lock: Any
    _origin: tuple[Any, ...] | None
    _path: Traversable | None

    def __init__(
        self, factories: dict[str, Callable[[], Any]], *, path: Traversable | None = None
    ) -> None:
        set_ = object.__setattr__  # the public API has no way to change a dataset
        set_(self, "_factories", factories)
        set_(self, "_parts", {})
        set_(self, "_lock", rlock())
        set_(self, "_path", path)
        set_(self, "_origin", None)

    def _made_by(self, *recipe: Any) -> Dataset:
        """Record how to make this dataset again (a function and its arguments), for pickling."""
        object.__setattr__(self, "_origin", recipe)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # A dataset crosses a process boundary as the way to load it again:
        # the bundled one, or the same folder read and checked afresh.
        if self._origin is None:
            raise PemiluPksError(
                "this dataset cannot be pickled: only pk.load(), pk.load(extra=folder) and "
                "pk.Dataset.from_path(folder) datasets can (they are loaded again on the other side)"
            )
        return self._origin

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Dataset is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Dataset is immutable; cannot delete {name!r}")

    @property
    def path(self) -> Traversable | None:
        """The folder the dataset was read from."""
        return self._path

    def _part(self, name: str) -> Any:
        try:
            return self._parts[name]
        except KeyError:
            pass
        with self._lock:
            if name not in self._parts:
                self._parts[name] = self._factories[name]()
            return self._parts[name]

    @property
    def version(self) -> str:
        """The dataset version, from ``datapackage.json``."""
        return str(self._part("metadata").get("version", "unknown"))

    @property
    def metadata(self) -> dict[str, Any]:
        """A copy of the ``datapackage.json`` descriptor."""
        import copy

        return copy.deepcopy(self._part("metadata"))

    @property
    def regions(self) -> Regions:
        """The region hierarchy (see :class:`~pemilu_pks.Regions`)."""
        return self._part("regions")  # type: ignore[no-any-return]

    @property
    def institutions(self) -> Institutions:
        """The institution registry (see :class:`~pemilu_pks.Institutions`)."""
        return self._part("institutions")  # type: ignore[no-any-return]

    @property
    def people(self) -> Records[Person]:
        """The people registry."""
        return self._part("people")  # type: ignore[no-any-return]

    @property
    def sources(self) -> Records[Source]:
        """The sources."""
        return self._part("sources")  # type: ignore[no-any-return]

    @property
    def agreements(self) -> Agreements:
        """The agreements (see :class:`~pemilu_pks.Agreements`)."""
        return self._part("agreements")  # type: ignore[no-any-return]

    def coverage(
        self,
        level: str = "regency",
        body: str | None = None,
        *,
        on: dt.date | str | None = None,
    ) -> Coverage:
        """Which regions have a documented agreement between an election body and the police.

        A region is covered when an agreement has a police party and an
        election body (of kind *body*) constituted for exactly that region.
        Each row also names the police units covering the region on day *on*
        (Polda for a province, Polres-level units for a regency or city) with
        the basis of their jurisdiction, ``stated`` or ``presumed``, and
        whether they are a party to the row's agreements.

        Args:
            level: ``"province"`` (38 rows) or ``"regency"`` (514 rows: regencies and cities).
            body: ``"kpu"``, ``"bawaslu"``, or None for either.
            on: The day for the covering police units (``YYYY-MM-DD`` or a
                date); None ignores their validity dates.

        Returns:
            A :class:`~pemilu_pks.Coverage`, one row per region, in code order.

        Raises:
            ValidationError: *level* or *body* is not an allowed value.
            DateParseError: *on* is not a date.

        Example:
            >>> import pemilu_pks as pk
            >>> table = pk.load().coverage(level="province", body="kpu", on="2024-02-14")
            >>> len(table)
            38
            >>> [str(unit) for row in table if row.region == "94" for unit in row.police]
            ['Polda Papua (stated, signed)']
        """
        return coverage(
            regions=self.regions,
            institutions=self.institutions,
            sources=self.sources,
            agreements=self.agreements,
            level=level,
            body=body,
            on=on,
        )

    def __repr__(self) -> str:
        where = f" from {self.path}" if self.path is not None else ""
        return f"<Dataset {self.version}{where}>"

    @classmethod
    def from_path(cls, folder: str | Path | Traversable) -> Dataset:
        """Load and check a dataset folder in the bundled format (e.g. one written by :meth:`write`).

        The folder holds ``agreements.json``, ``institutions.json``,
        ``people.json`` and ``sources.json``, and optionally ``datapackage.json``
        and ``regions/``; without ``regions/`` the bundled regions are used.
        Every record is read and the integrity checks run (unique ids,
        references that resolve, no cycles; see ``docs/dataset.md``).

        Args:
            folder: The dataset folder.

        Returns:
            The dataset; writing it with :meth:`write` gives the same files.

        Raises:
            DataError: A file is missing, unreadable, not JSON or truncated.
            ValidationError: A record does not fit the model (file and JSON path).
            IntegrityError: The records do not fit together (file and JSON path).

        Example:
            >>> import tempfile, pemilu_pks as pk
            >>> with tempfile.TemporaryDirectory() as folder:
            ...     pk.load().write(folder)
            ...     len(pk.Dataset.from_path(folder).agreements) == len(pk.load().agreements)
            True
        """
        from ._integrity import check_records

        where: Traversable = _folder(folder, "folder")
        raw = {name: read_records(where, name) for name in RECORD_TYPES}
        dataset = _from_folder(where, preloaded=raw)
        if isinstance(where, Path):
            dataset._made_by(_from_path, (str(where),))
        dataset._part("metadata")  # a broken datapackage.json fails here, not on first use
        problems = check_records(
            raw, region_exists=lambda code: dataset.regions.get(code) is not None
        )
        if problems:
            raise IntegrityError([(f"{where / path}", problem) for path, problem in problems])
        for name in RECORD_TYPES:
            dataset._part(name)
        return dataset

    def write(self, folder: str | Path) -> None:
        """Write the dataset to *folder* in canonical form (created if missing).

        Writes the four record files and ``datapackage.json``, canonical JSON
        (records sorted by id, keys sorted, UTF-8, a newline at the end).  The
        region tables, ``CHANGELOG.md`` and ``LICENSES.md`` are copied byte for
        byte when the dataset's own folder has them (a dataset that uses the
        bundled regions writes no ``regions/``).  Reading the folder back with
        :meth:`from_path` gives an equal dataset, and writing that again gives
        identical bytes.

        The folder is written beside its place and swapped in whole, so a
        failure midway leaves the previous folder as it was.  Only the files
        of a dataset are written: nothing is read from outside the dataset's
        own folder, and no link is followed.

        Args:
            folder: Where to write.  An existing folder is replaced; it may
                hold only the files a dataset write produces.

        Raises:
            OutputError: *folder* is a link or a file, lies inside the
                dataset's own folder, holds other files, or cannot be written.
            DataError: A file of the dataset's own folder cannot be read.
        """
        target = _folder(folder, "folder", must_exist=False)
        source = self._path
        # Read everything first: writing into the dataset's own folder swaps it away.
        files = {
            f"{name}.json": records_json(name, self._part(name)).encode() for name in RECORD_TYPES
        }
        files["datapackage.json"] = dumps(self._part("metadata")).encode()
        if source is not None:
            for extra in _COPIED_FILES:
                if present(source / extra):
                    files[extra] = read_file(source / extra, root=source)
            if self._own_regions:
                files.update(_region_files(source))

        def build(into: Path) -> None:
            for name, data in files.items():
                (into / name).parent.mkdir(parents=True, exist_ok=True)
                write_file(into / name, data)

        readable = [str(source)] if isinstance(source, Path) else []
        replace_folder(target, build, expected=_WRITTEN.__contains__, source=readable)

    @property
    def _own_regions(self) -> bool:
        return bool(self._factories.get("own_regions", lambda: False)())


#: Files beside the records that :meth:`Dataset.write` copies unchanged.
_COPIED_FILES = ("CHANGELOG.md", "LICENSES.md")
#: Everything :meth:`Dataset.write` may put in a folder (and so may replace there).
_WRITTEN = frozenset({*(f"{name}.json" for name in RECORD_TYPES), "datapackage.json", "regions",
                      *_COPIED_FILES})  # fmt: skip
#: The files of a region folder; villages/ holds one ``PP.csv`` per province.
_REGION_FILES = (
    "SOURCE.md",
    "abbreviations.csv",
    "districts.csv",
    "names.csv",
    "provinces.csv",
    "regencies.csv",
)
_VILLAGE_FILE = re.compile(r"[0-9]{2}\.csv")


def _region_files(source: Traversable) -> dict[str, bytes]:
    """The region tables of a dataset folder, byte for byte (only known names: no walk, no loop)."""
    regions = _subfolder(source, "regions")
    if regions is None:
        return {}
    files = {
        f"regions/{name}": read_file(regions / name, root=source)
        for name in _REGION_FILES
        if present(regions / name)
    }
    villages = _subfolder(regions, "villages", root=source)
    if villages is not None:
        for item in sorted(villages.iterdir(), key=lambda t: t.name):
            if _VILLAGE_FILE.fullmatch(item.name):
                files[f"regions/villages/{item.name}"] = read_file(item, root=source)
    return files


def _folder(folder: object, what: str, *, must_exist: bool = True) -> Any:
    """Check a folder argument: a non-empty path (or a package resource), an existing folder."""
    if isinstance(folder, str | os.PathLike):
        text = os.fspath(folder)
        if not isinstance(text, str) or not text.strip():
            raise DataError(f"{what}: an empty path names no folder")
        path: Any = Path(text)
    elif hasattr(folder, "iterdir") and hasattr(folder, "joinpath"):  # a Traversable
        path = folder
    else:
        raise DataError(f"{what}: expected a folder path, got {type(folder).__name__}")
    if must_exist and not path.is_dir():
        raise DataError(f"{path}: not a folder")
    return path


def _subfolder(
    folder: Traversable, name: str, *, root: Traversable | None = None
) -> Traversable | None:
    """``folder/name`` when it is there: a folder inside *root* (default *folder*), else an error."""
    path = folder / name
    if not present(path):
        return None
    if isinstance(path, Path) and not is_inside(path, str(root or folder)):
        raise DataError(f"{path}: a link that leads out of {root or folder}; refused")
    if not path.is_dir():
        raise DataError(f"{path}: not a folder")
    return path


def _from_folder(
    folder: Traversable,
    *,
    preloaded: dict[str, list[Any]] | None = None,
    shared_regions: Callable[[], Regions] | None = None,
    metadata_override: dict[str, Any] | None = None,
) -> Dataset:
    """A lazy dataset over *folder*; *preloaded* record lists replace reading their files."""

    def metadata() -> dict[str, Any]:
        if metadata_override is not None:
            return metadata_override
        path = folder / "datapackage.json"
        if not present(path):
            return {"name": "pemilu-pks-user-data", "version": "unknown"}
        data = decode(read_file(path, root=folder), source=str(path))
        if not isinstance(data, dict):
            raise ValidationError([("$", "expected an object")], source=str(path))
        return data

    def own_regions() -> bool:
        return shared_regions is None and _subfolder(folder, "regions") is not None

    def regions() -> Regions:
        if shared_regions is not None:
            return shared_regions()
        own = _subfolder(folder, "regions")
        return Regions.from_folder(own if own is not None else bundled_path() / "regions")

    def records(name: str) -> Callable[[], Any]:
        def build() -> Any:
            items = preloaded[name] if preloaded is not None else read_records(folder, name)
            if name == "institutions":
                # Names and regions in lookup() and covering() resolve against this dataset's regions.
                return Institutions(items, regions=lambda: dataset.regions)
            if name == "agreements":
                # The queries read parties' regions and names from this dataset, on first use.
                return Agreements(
                    items,
                    regions=lambda: dataset.regions,
                    institutions=lambda: dataset.institutions,
                    sources=lambda: dataset.sources,
                )
            return Records(items, kind=_KIND[name])

        return build

    factories: dict[str, Callable[[], Any]] = {
        "metadata": metadata,
        "regions": regions,
        "own_regions": own_regions,
    }
    factories.update({name: records(name) for name in RECORD_TYPES})
    dataset = Dataset(factories, path=folder)
    return dataset


_bundled: Dataset | None = None
_bundled_lock = lock()


def load(*, extra: str | Path | None = None) -> Dataset:
    """Return the bundled dataset, or the bundled dataset with your own records added.

    Without *extra*, the bundled dataset is built once, cached, immutable and
    thread-safe; nothing is read until a part is used, so ``pk.load()`` itself
    is instant.

    With *extra*, a folder in the dataset format (any of ``agreements.json``,
    ``institutions.json``, ``people.json``, ``sources.json``; a missing file
    adds nothing) is layered over the bundled records: your agreements may
    name bundled institutions, people and sources.  The result is read and
    checked at once and is not cached; its version is the bundled version
    with ``+local`` appended.

    Args:
        extra: A folder of your own records.

    Returns:
        The dataset.

    Raises:
        DataError: *extra* is not a folder, has its own ``regions/``, or a file
            cannot be read.
        ValidationError: A record of *extra* does not fit the model.
        IntegrityError: A record of *extra* has an id the bundled dataset
            already uses, or a reference that does not resolve.

    Example:
        >>> import pemilu_pks as pk
        >>> ds = pk.load()
        >>> ds is pk.load()
        True
        >>> ds.regions.get("63").name
        'Kalimantan Selatan'
    """
    global _bundled  # noqa: PLW0603 - the one cached bundled dataset
    if _bundled is None:
        with _bundled_lock:
            if _bundled is None:
                _bundled = _from_folder(bundled_path())._made_by(load, ())
    if extra is None:
        return _bundled
    return _overlay(_bundled, _folder(extra, "extra"))._made_by(_load_extra, (str(extra),))


def _from_path(folder: str) -> Dataset:
    return Dataset.from_path(folder)


def _load_extra(folder: str) -> Dataset:
    return load(extra=folder)


def _overlay(base: Dataset, folder: Path) -> Dataset:
    """*base* with the records of *folder* added; ids must not clash."""
    from ._integrity import check_records

    if present(folder / "regions"):
        raise DataError(
            f"{folder / 'regions'}: an extra dataset adds records; it cannot replace the "
            "regions (use pk.Dataset.from_path for a complete dataset of your own)"
        )
    own = {
        name: read_records(folder, name) if present(folder / f"{name}.json") else []
        for name in RECORD_TYPES
    }
    problems = []
    combined: dict[str, list[Any]] = {}
    offsets: dict[str, int] = {}
    for name, items in own.items():
        bundled = list(base._part(name))
        known = {record.id for record in bundled}
        for index, record in enumerate(items):
            if record.id in known:
                problems.append(
                    (
                        f"{folder / f'{name}.json'}: $.{name}[{index}].id",
                        f"id {record.id!r} is already used by the bundled dataset "
                        f"(version {base.version}); choose another id",
                    )
                )
        combined[name] = [*bundled, *items]
        offsets[name] = len(bundled)
    if problems:
        raise IntegrityError(problems)
    metadata = base.metadata
    metadata["version"] = f"{base.version}+local"
    dataset = _from_folder(
        folder, preloaded=combined, shared_regions=lambda: base.regions, metadata_override=metadata
    )
    found = check_records(combined, region_exists=lambda code: base.regions.get(code) is not None)
    if found:
        raise IntegrityError([_local_path(folder, path, offsets) for path in found])
    for name in RECORD_TYPES:
        dataset._part(name)
    return dataset


_PATH = re.compile(r"^(\w+)\.json: \$\.\w+\[(\d+)\](.*)$")


def _local_path(folder: Path, problem: tuple[str, str], offsets: dict[str, int]) -> tuple[str, str]:
    """Renumber a problem's path from the combined lists to the file it came from."""
    path, message = problem
    match = _PATH.match(path)
    if match is None:  # pragma: no cover - every check names a record
        return problem
    name, index, rest = match.group(1), int(match.group(2)), match.group(3)
    if index < offsets[name]:
        return (f"bundled {name}.json: $.{name}[{index}]{rest}", message)
    return (f"{folder / f'{name}.json'}: $.{name}[{index - offsets[name]}]{rest}", message)
