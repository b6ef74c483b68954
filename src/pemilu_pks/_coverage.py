"""Coverage: which provinces or regencies have a documented agreement.

KPU and Bawaslu exist by law in every province and regency/city, and each is
expected to sign with its police counterpart.  A coverage table lists every
region at one level and says whether the dataset documents such an
agreement, which one, and where it was reported: the gaps are where to look
next.  Each row also names the police units whose jurisdiction holds the
region (Polda for a province, Polres-level units for a regency or city),
with the basis of that jurisdiction and whether the unit is a party to one
of the row's agreements: whether the KPU of a regency and *its* police signed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from ._institutions import as_day
from ._model import Basis, Extent, InstitutionKind, RegionLevel
from ._query import Selection, flatten, rows_to_html
from .exceptions import ValidationError

if TYPE_CHECKING:  # pragma: no cover
    from ._institutions import Institutions
    from ._model import Agreement, Region, Source
    from ._records import Records
    from ._regions import Regions

__all__ = ["Coverage", "CoverageRow", "CoveringUnit", "coverage"]

LEVELS = ("province", "regency")
BODIES = ("kpu", "bawaslu")
#: The police kinds a row names as covering its region, by level.
_COVERING_KINDS = {
    "province": (InstitutionKind.POLDA,),
    "regency": (InstitutionKind.POLRES, InstitutionKind.POLRESTA, InstitutionKind.POLRESTABES),
}


@attrs.frozen(kw_only=True)
class CoveringUnit:
    """A police unit whose jurisdiction holds a coverage row's region.

    Attributes:
        institution: The unit's id ("polres-sintang").
        name: Its name ("Polres Sintang").
        extent: Whether it covers the whole region or part of it.
        basis: ``stated`` (a source says so) or ``presumed`` (from its name).
        signed: Whether it is a party to one of the row's agreements.

    Example:
        >>> import pemilu_pks as pk
        >>> row = pk.load().coverage(level="regency", body="kpu").covered[0]
        >>> [(unit.name, unit.basis.value, unit.signed) for unit in row.police]
        [('Polres Tapanuli Selatan', 'stated', True)]
    """

    institution: str
    name: str
    extent: Extent
    basis: Basis
    signed: bool

    def __str__(self) -> str:
        """``Polres Sintang (presumed)``; ``partial`` and ``signed`` added when they hold."""
        marks = [self.basis.value]
        if self.extent is Extent.PARTIAL:
            marks.append("partial")
        if self.signed:
            marks.append("signed")
        return f"{self.name} ({', '.join(marks)})"


@attrs.frozen(kw_only=True)
class CoverageRow:
    """One region in a coverage table.

    Attributes:
        region: The region code ("63.71").
        name: The short name ("Banjarmasin").
        official_name: The full name ("Kota Banjarmasin").
        level: ``province``, ``regency`` or ``city``.
        province: The province code ("63").
        province_name: The province name ("Kalimantan Selatan").
        covered: Whether a documented agreement exists.
        agreements: The ids of those agreements, in date order.
        sources: The URLs (or source ids) reporting them.
        police: The police units covering the region (Polda for a province,
            Polres-level units for a regency or city) on the table's day, with
            the basis of each; empty where no unit is known (a gap).

    Example:
        >>> import pemilu_pks as pk
        >>> row = pk.load().coverage(level="regency", body="kpu").covered[0]
        >>> row.official_name, row.covered, row.agreements
        ('Kabupaten Tapanuli Selatan', True, ('2023-03-xx-kpu-tapsel-kpu-paluta-polres-tapsel',))
    """

    region: str
    name: str
    official_name: str
    level: RegionLevel
    province: str
    province_name: str
    covered: bool
    agreements: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    police: tuple[CoveringUnit, ...] = ()

    @property
    def signed_with_covering_police(self) -> bool:
        """Whether one of the row's agreements has a unit covering the region as a party."""
        return any(unit.signed for unit in self.police)


class Coverage(Selection[CoverageRow]):
    """A coverage table: one :class:`CoverageRow` per region at one level.

    Attributes:
        level: ``"province"`` or ``"regency"`` (regencies and cities).
        body: ``"kpu"``, ``"bawaslu"`` or None (either).
        on: The day the covering police units are taken on; None ignores
            validity dates.

    Example:
        >>> import pemilu_pks as pk
        >>> table = pk.load().coverage(level="province", body="kpu")
        >>> table
        <Coverage province kpu: 15 of 38 regions covered>
        >>> table.summary()["uncovered"]
        23
    """

    __slots__ = ("body", "level", "on")

    def __init__(
        self,
        rows: Iterable[CoverageRow],
        *,
        level: str,
        body: str | None,
        on: dt.date | None = None,
    ) -> None:
        super().__init__(rows, kind="region", row=flatten)
        self.level = level
        self.body = body
        self.on = on

    def __repr__(self) -> str:
        summary = self.summary()
        return (
            f"<Coverage {self.level} {self.body or 'kpu+bawaslu'}: "
            f"{summary['covered']} of {summary['regions']} regions covered>"
        )

    @property
    def covered(self) -> tuple[CoverageRow, ...]:
        """The rows of regions with a documented agreement."""
        return tuple(row for row in self if row.covered)

    @property
    def uncovered(self) -> tuple[CoverageRow, ...]:
        """The rows of regions without one: the gaps."""
        return tuple(row for row in self if not row.covered)

    @property
    def without_police(self) -> tuple[CoverageRow, ...]:
        """The rows of regions no known police unit of the row's level covers."""
        return tuple(row for row in self if not row.police)

    def summary(self) -> dict[str, Any]:
        """Counts: regions, covered, uncovered, share covered, distinct agreements.

        Example:
            >>> import pemilu_pks as pk
            >>> pk.load().coverage(level="province")[0].province_name
            'Aceh'
        """
        regions = len(self)
        covered = len(self.covered)
        return {
            "level": self.level,
            "body": self.body,
            "regions": regions,
            "covered": covered,
            "uncovered": regions - covered,
            "share_covered": round(covered / regions, 4) if regions else 0.0,
            "agreements": len({a for row in self for a in row.agreements}),
            "with_police": regions - len(self.without_police),
            "with_stated_police": sum(
                any(unit.basis is Basis.STATED for unit in row.police) for row in self
            ),
        }

    def by_province(self) -> list[dict[str, Any]]:
        """Per province: its code, name, number of regions in the table and how many are covered."""
        groups: dict[str, dict[str, Any]] = {}
        for row in self:
            group = groups.setdefault(
                row.province,
                {
                    "province": row.province,
                    "province_name": row.province_name,
                    "regions": 0,
                    "covered": 0,
                },
            )
            group["regions"] += 1
            group["covered"] += row.covered
        return list(groups.values())

    def _repr_html_(self) -> str:
        """The summary first, then the covered rows, then the gaps (notebooks)."""
        from html import escape

        summary = self.summary()
        who = {"kpu": "KPU", "bawaslu": "Bawaslu"}.get(self.body or "", "KPU or Bawaslu")
        noun = "provinces" if self.level == "province" else "regencies and cities"
        when = f" on {self.on}" if self.on else ""
        lines = [
            f"<strong>{summary['covered']} of {summary['regions']} {noun}</strong> "
            f"({summary['share_covered']:.0%}) have a documented {escape(who)}–police "
            f"agreement: {summary['agreements']} agreements.",
            f"{summary['with_police']} have a known covering police unit{escape(when)} "
            f"({summary['with_stated_police']} stated by a source).",
        ]
        head = "".join(f"<p>{line}</p>" for line in lines)
        ordered = [self._row(row) for row in (*self.covered, *self.uncovered)]
        caption = f"Coverage of {noun} ({who}): covered first, then the gaps"
        return (
            f'<div class="pemilu-pks-coverage">{head}{rows_to_html(ordered, caption=caption)}</div>'
        )


def coverage(
    *,
    regions: Regions,
    institutions: Institutions,
    sources: Records[Source],
    agreements: Iterable[Agreement],
    level: str = "regency",
    body: str | None = None,
    on: dt.date | str | None = None,
) -> Coverage:
    """Build the coverage table of *agreements* (see :meth:`pemilu_pks.Dataset.coverage`).

    A region counts as covered when some agreement has a police party and an
    election body of kind *body* whose ``region`` is exactly that region: a
    KPU Provinsi's agreement does not cover its regencies, and the national
    MoU covers no province.  A three-party agreement (one Polres with the KPU
    of two regencies) covers both regencies.  The police units covering each
    region come from :meth:`~pemilu_pks.Institutions.covering_areas` on day *on*.

    Raises:
        ValidationError: *level* or *body* is not an allowed value.
        DateParseError: *on* is not a date.
    """
    if level not in LEVELS:
        raise ValidationError([("level", f"{level!r} is not one of 'province', 'regency'")])
    kinds = {InstitutionKind.KPU, InstitutionKind.BAWASLU}
    if body is not None:
        key = body.value if isinstance(body, InstitutionKind) else str(body).strip().casefold()
        if key not in BODIES:
            raise ValidationError([("body", f"{body!r} is not one of 'kpu', 'bawaslu'")])
        body = key
        kinds = {InstitutionKind(key)}

    day = as_day(on)
    found: dict[str, list[str]] = {}
    urls: dict[str, list[str]] = {}
    police_parties: dict[str, set[str]] = {}  # region -> police party ids of its agreements
    for agreement in agreements:
        parties = [institutions.get(party.institution) for party in agreement.parties]
        police = {p.id for p in parties if p is not None and p.kind.is_police}
        if not police:
            continue
        for party in parties:
            if party is None or party.kind not in kinds or party.region is None:
                continue
            found.setdefault(party.region, []).append(agreement.id)
            police_parties.setdefault(party.region, set()).update(police)
            for ref in agreement.sources:
                source = sources.get(ref.source)
                url = source.url if source is not None and source.url else ref.source
                if url not in urls.setdefault(party.region, []):
                    urls[party.region].append(url)

    rows = []
    for province in sorted(regions.children("ID"), key=lambda r: r.code):
        members: list[Region] = [province]
        if level == "regency":
            members = sorted(
                (
                    r
                    for r in regions.children(province.code)
                    if r.level in {RegionLevel.REGENCY, RegionLevel.CITY}
                ),
                key=lambda r: r.code,
            )
        for region in members:
            ids = tuple(sorted(set(found.get(region.code, ()))))
            signed = police_parties.get(region.code, set())
            units = tuple(
                CoveringUnit(
                    institution=unit.id,
                    name=unit.name,
                    extent=area.extent,
                    basis=area.basis,
                    signed=unit.id in signed,
                )
                for unit, area in institutions.covering_areas(
                    region.code, day, kinds=_COVERING_KINDS[level]
                )
            )
            rows.append(
                CoverageRow(
                    region=region.code,
                    name=region.name,
                    official_name=region.official_name,
                    level=region.level,
                    province=province.code,
                    province_name=province.name,
                    covered=bool(ids),
                    agreements=ids,
                    sources=tuple(urls.get(region.code, ())),
                    police=units,
                )
            )
    return Coverage(rows, level=level, body=body, on=day)
