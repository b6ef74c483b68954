"""The :class:`Regions` collection: one object over the tables, the name index and the tree."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pemilu_pks._model import Region, RegionLevel
from pemilu_pks.exceptions import AmbiguousError, NotFoundError, ValidationError

from . import _navigation
from ._codes import CODE, COUNTRY, is_within, parse_levels
from ._fuzzy import Suggestions
from ._names import NameIndex, describe, readings
from ._tables import Parts, TableReader, write_tables

if TYPE_CHECKING:  # pragma: no cover
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = ["Regions"]


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

    __slots__ = ("_cache", "_folder", "_names", "_suggestions", "_tables")
    _cache: dict[str, Any]  # every part built so far, by name
    _folder: Traversable
    _names: NameIndex
    _suggestions: Suggestions
    _tables: TableReader

    def __init__(self, folder: Traversable) -> None:
        parts = Parts()  # one cache and one lock for the parts of every concern
        tables = TableReader(folder, parts)
        names = NameIndex(tables, parts)
        set_ = object.__setattr__  # the public API has no way to change the regions
        set_(self, "_folder", folder)
        set_(self, "_cache", parts.built)
        set_(self, "_tables", tables)
        set_(self, "_names", names)
        set_(self, "_suggestions", Suggestions(tables, names, parts))

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
        write_tables(Path(folder), self._tables.tables())

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
        region = self._tables.get(code)
        return default if region is None else region

    def __iter__(self) -> Iterator[Region]:
        yield COUNTRY
        yield from _navigation.walk(self._tables, COUNTRY.code)

    def __len__(self) -> int:
        return self._tables.count()

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

    def _by_code(self, text: str) -> Region | None:
        """The region a code or ISO 3166-2 code names; NotFoundError for an unknown one."""
        if CODE.match(text) or text.upper() == COUNTRY.code:
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
            for code, (_, province_iso) in self._tables.provinces().items():
                if province_iso == iso:
                    return self._tables.region(code)
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
            pemilu_pks.exceptions.AmbiguousError: 'Malang' matches 2 regions: Kabupaten Malang (35.07), Kota Malang (35.73); level='regency' or level='city' decides it, or use a code
        """
        levels = parse_levels(level)
        scope = None if within is None else self._resolve(within, "within region").code
        given: object = name  # callers without type checking may pass anything
        if not isinstance(given, str):
            raise ValidationError([("name", f"expected a name (str), got {type(name).__name__}")])
        text = name.strip()
        where = ""
        if levels is not None:
            where += f", level {next(iter(levels)).value!r}"
        if scope is not None:
            where += f", within {describe(self._tables.region(scope))}"
        region = self._by_code(text)
        if region is not None:
            if (levels is None or region.level in levels) and (
                scope is None or is_within(region.code, scope)
            ):
                return region
            raise NotFoundError(f"{describe(region)} is not a match{where}", query=name)
        found = self._names.matches(readings(text), levels, scope)
        if len(found) == 1:
            return found[0]
        if found:
            candidates = [describe(r) for r in found]
            shown = ", ".join(candidates[:10])
            more = f" and {len(candidates) - 10} more" if len(candidates) > 10 else ""
            raise AmbiguousError(
                f"{name!r} matches {len(found)} regions{where}: {shown}{more}; "
                + _how_to_choose(found, scoped=scope is not None),
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
        """Regions whose names contain *text*, then those close to it: for parts, typos and guesses.

        Names containing *text* come first, higher levels first ("Banjar":
        Kabupaten Banjar, then Kota Banjarmasin, Kota Banjarbaru, …); then
        names close to it, compared as lookup keys (as :meth:`lookup` folds
        them) by trigrams and :class:`difflib.SequenceMatcher`.  Villages are
        searched only when *level* asks for a village level, or when no higher
        region contains or resembles *text*.

        Args:
            text: What the user typed ("Banjarmasn", "Kapuas Hullu").
            limit: At most this many results.
            level: Only regions of this level.
            within: Only regions inside this one (a Region, code or name).

        Returns:
            Matching regions: containing ones by level, then close ones, closest first.

        Raises:
            ValidationError: *level* is not a level.

        Example:
            >>> import pemilu_pks as pk
            >>> [(r.code, r.official_name) for r in pk.load().regions.search("Kapuas Hullu", limit=2)]
            [('61.06', 'Kabupaten Kapuas Hulu'), ('62.03.12', 'Kapuas Hulu')]
        """
        count: object = limit  # callers without type checking may pass anything
        if not isinstance(count, int) or isinstance(count, bool):
            raise ValidationError(
                [("limit", f"expected a whole number, got {type(count).__name__}")]
            )
        levels = parse_levels(level)
        scope = None if within is None else self._resolve(within, "within region").code
        given: object = text
        if not isinstance(given, str):
            return []
        ranked = self._suggestions.rank(readings(text), levels, scope)
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
        return None if found.parent is None else self._tables.region(found.parent)

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
        codes = _navigation.child_codes(self._tables, self._resolve(region).code)
        return [self._tables.region(code) for code in codes]

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
        return _navigation.ancestors(self._tables, self._resolve(region))

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
        return list(_navigation.walk(self._tables, self._resolve(region).code))

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
        return a == b or is_within(b, a)


def _how_to_choose(found: list[Region], *, scoped: bool) -> str:
    """The end of an ambiguity message: which argument decides it, or narrows it."""
    per_level: dict[RegionLevel, int] = {}
    for region in found:
        per_level[region.level] = per_level.get(region.level, 0) + 1
    if len(per_level) > 1 and set(per_level.values()) == {1}:
        choices = " or ".join(f"level={level.value!r}" for level in per_level)
        return f"{choices} decides it, or use a code"
    ways = ["level="] if len(per_level) > 1 else []
    if not scoped:
        ways.append("within=")
    return f"narrow it with {' or '.join(ways)}, or use a code" if ways else "use a code"
