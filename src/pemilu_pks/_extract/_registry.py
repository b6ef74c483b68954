"""Exact indexes over the registries the extractor resolves names against.

Resolution on the hot path never runs a fuzzy search: a name is a key
(:func:`~pemilu_pks._text.name_key`) looked up in a dict of institution names
and aliases, or a region name looked up in a dict of province, regency and
city names and abbreviations.  A miss is a miss: the draft lists the name as
unresolved, and the curator can ask ``ds.institutions.lookup`` for
suggestions.  The indexes are built once per registry and kept while the
registry lives.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

from pemilu_pks._model import Institution, InstitutionKind, RegionLevel
from pemilu_pks._text import name_key

if TYPE_CHECKING:  # pragma: no cover
    from pemilu_pks._institutions import Institutions
    from pemilu_pks._regions import Regions

__all__ = ["POLRES_FAMILY", "Registry", "family", "level_class"]

POLRES_FAMILY = (InstitutionKind.POLRES, InstitutionKind.POLRESTA, InstitutionKind.POLRESTABES)
_LEVELS = {
    RegionLevel.PROVINCE: "province",
    RegionLevel.REGENCY: "regency",
    RegionLevel.CITY: "city",
}


def family(kind: InstitutionKind) -> tuple[InstitutionKind, ...]:
    """The kinds a name of *kind* may resolve to: a "Polres" may be registered as a Polresta."""
    return POLRES_FAMILY if kind in POLRES_FAMILY else (kind,)


def level_class(code: str | None) -> str:
    """``national``, ``province`` or ``regency`` (regency or city) for a region code."""
    if code is None or code == "ID":
        return "national"
    return "province" if "." not in code else "regency"


def _spaceless(text: str) -> str:
    return name_key(text).replace(" ", "")


class Registry:
    """Exact name indexes over an institution registry and its regions.

    Args:
        institutions: The institution registry.
        regions: The region registry.
    """

    def __init__(self, institutions: Institutions, regions: Regions) -> None:
        self.source = institutions
        self.institutions: dict[str, Institution] = {}
        by_key: dict[str, list[str]] = {}
        by_kind_region: dict[tuple[InstitutionKind, str], list[str]] = {}
        for inst in institutions:
            self.institutions[inst.id] = inst
            for name in (inst.name, *inst.aliases, inst.local_name):
                if name:
                    ids = by_key.setdefault(name_key(name), [])
                    if inst.id not in ids:
                        ids.append(inst.id)
            codes = {inst.region} if inst.region else set()
            if inst.kind is InstitutionKind.POLDA and not codes:
                codes = {area.region for area in inst.jurisdiction if "." not in area.region}
            for code in codes:
                by_kind_region.setdefault((inst.kind, code), []).append(inst.id)
        self.by_key = {k: tuple(v) for k, v in by_key.items()}
        self.by_kind_region = {k: tuple(v) for k, v in by_kind_region.items()}
        self.regions = regions
        self.region_names: dict[str, str] = {}
        self.by_region_name = self._index_regions(regions)

    def _index_regions(self, regions: Regions) -> dict[str, tuple[tuple[str, str], ...]]:
        """Name key -> (code, level) of the provinces, regencies and cities, with abbreviations."""
        region_names: dict[str, list[tuple[str, str]]] = {}

        def add(name: str, code: str, level: str) -> None:
            entries = region_names.setdefault(_spaceless(name), [])
            if (code, level) not in entries:
                entries.append((code, level))

        for province in regions.children("ID"):
            add(province.name, province.code, "province")
            self.region_names[province.code] = province.name
            for regency in regions.children(province.code):
                level = _LEVELS.get(regency.level)
                if level is None:
                    continue
                add(regency.name, regency.code, level)
                add(regency.official_name, regency.code, level)
                self.region_names[regency.code] = regency.name
        # The abbreviations news uses ("Kalsel", "Tapsel") come with the region tables; the
        # seed and corpus tests fail loudly if this stops finding them.
        for abbreviation, code, _ in regions._tables.abbreviations():
            level = "province" if "." not in code else None
            for entry in region_names.get(_spaceless(self.region_names.get(code, "")), []):
                if entry[0] == code:
                    level = entry[1]
            if level is not None:
                add(abbreviation, code, level)
        return {k: tuple(v) for k, v in region_names.items()}

    # --- regions ----------------------------------------------------------------

    def regions_named(self, name: str, level: str | None = None) -> tuple[tuple[str, str], ...]:
        """The (code, level) of each province, regency or city *name* names (exactly)."""
        key = _spaceless(name)
        found = self.by_region_name.get(key, ())
        for prefix in ("provinsi", "propinsi", "prov", "kabupaten", "kab", "kota"):
            if not found and key.startswith(prefix) and len(key) > len(prefix) + 2:
                found = self.by_region_name.get(key[len(prefix) :], ())
        if level is not None:
            found = tuple(entry for entry in found if entry[1] == level)
        return found

    def region(
        self, name: str, level: str | None = None, within: str | None = None
    ) -> tuple[str | None, bool]:
        """(the one region code *name* names, ambiguous?), narrowed by level, then province.

        Provinces win over regencies of the same name ("Jambi" is the
        province), as the region registry resolves names.
        """
        found = self.regions_named(name, level)
        if len(found) > 1 and level is None:
            provinces = [e for e in found if e[1] == "province"]
            if len(provinces) == 1:
                return provinces[0][0], False
        if len(found) > 1 and within is not None:
            inside = [e for e in found if e[0].startswith(within + ".")]
            if len(inside) == 1:
                return inside[0][0], False
        if len(found) == 1:
            return found[0][0], False
        return None, len(found) > 1

    # --- institutions ---------------------------------------------------------------

    def named(self, name: str, kind: InstitutionKind) -> tuple[str, ...]:
        """The institutions of *kind* (or its family) the registry knows by *name*."""
        return tuple(
            i
            for i in self.by_key.get(name_key(name), ())
            if self.institutions[i].kind in family(kind)
        )

    def for_region(self, kind: InstitutionKind, code: str) -> tuple[str, ...]:
        """The institutions of *kind* (first of its family that has one) constituted for *code*."""
        for candidate in family(kind):
            ids = self.by_kind_region.get((candidate, code), ())
            if ids:
                return ids
        return ()


_CACHE: dict[int, Registry] = {}
_LOCK = threading.Lock()


def _reset_lock() -> None:
    """A child forked while another thread held the lock gets a free one."""
    global _LOCK  # noqa: PLW0603 - the lock is replaced, never shared across the fork
    _LOCK = threading.Lock()


if hasattr(os, "register_at_fork"):  # pragma: no branch - POSIX
    os.register_at_fork(after_in_child=_reset_lock)


def registry_for(institutions: Institutions, regions: Regions) -> Registry:
    """The indexes over *institutions* and *regions*, built on first use and kept for reuse."""
    with _LOCK:
        cached = _CACHE.get(id(institutions))
        if cached is None or cached.source is not institutions or cached.regions is not regions:
            cached = Registry(institutions, regions)
            if len(_CACHE) >= 8:  # user-built datasets come and go: keep a few
                _CACHE.clear()
            _CACHE[id(institutions)] = cached
        return cached
