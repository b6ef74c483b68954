"""The Kemendagri region hierarchy: lookup by code and name, navigation.

PLACEHOLDER: minimal eager implementation; issue #3 replaces it with lazy,
per-province loading and the full lookup rules.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from importlib.resources.abc import Traversable

from ._model import Region, RegionLevel
from ._text import name_key
from .exceptions import AmbiguousError, NotFoundError

__all__ = ["Regions"]

COUNTRY = Region(code="ID", name="Indonesia", official_name="Republik Indonesia", level=RegionLevel.COUNTRY)


class Regions:
    """All regions, from the country down to villages."""

    def __init__(self, regions: dict[str, Region]) -> None:
        self._by_code = regions

    @classmethod
    def from_folder(cls, folder: Traversable) -> Regions:
        """Read the region tables of a dataset folder."""
        regions = {COUNTRY.code: COUNTRY}
        with (folder / "provinces.csv").open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                regions[row["code"]] = Region(code=row["code"], name=row["name"], official_name=row["name"],
                                              level=RegionLevel.PROVINCE, parent="ID", iso_3166_2=row["iso_3166_2"])
        return cls(regions)

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Region]:
        return iter(self._by_code.values())

    def get(self, code: str, default: Region | None = None) -> Region | None:
        """Return the region with this code, or *default*."""
        return self._by_code.get(code, default)

    def lookup(self, name: str) -> Region:
        """Return the one region with this name."""
        found = [r for r in self if name_key(r.name) == name_key(name)]
        if not found:
            raise NotFoundError(f"no region named {name!r}", query=name)
        if len(found) > 1:
            raise AmbiguousError(f"{name!r} is ambiguous", query=name, candidates=[r.code for r in found])
        return found[0]
