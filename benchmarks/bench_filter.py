"""``filter(region=<province>)`` with the region index against a linear scan.

Builds a synthetic dataset of 100,000 agreements over the real regions: for
every regency and city a KPU, a Bawaslu and a Polres whose jurisdiction is
that regency, for every province a KPU, a Bawaslu and a Polda; each agreement
joins one election body with its police counterpart.  It then times, on the
same records, ``filter(region=...)`` for every province (index) against the
same rule checked on each agreement in turn (linear scan), and the one-off
cost of building the indexes.  Timings are medians of several runs in one
process; the speed-up is their ratio, so the machine's speed cancels out.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

import pemilu_pks as pk

N_AGREEMENTS = 100_000
GOAL = 20


def median_seconds(function: Callable[[], Any], *, repeat: int = 5) -> float:
    """The median of *repeat* timings of *function*, in seconds."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def synthetic(
    regions: pk.Regions, n: int, *, seed: int = 2024
) -> tuple[pk.Institutions, list[pk.Agreement]]:
    """Institutions for every province and regency, and *n* agreements between them."""
    institutions: list[pk.Institution] = []
    pairs: list[tuple[str, str]] = []
    for province in regions.children("ID"):
        units = [(province.code, pk.InstitutionKind.POLDA)]
        units += [
            (r.code, pk.InstitutionKind.POLRES)
            for r in regions.children(province.code)
            if r.level in {pk.RegionLevel.REGENCY, pk.RegionLevel.CITY}
        ]
        for code, police_kind in units:
            police = f"{police_kind.value}-{code}"
            area = pk.JurisdictionArea(region=code)
            institutions.append(
                pk.Institution(
                    id=police, kind=police_kind, name=police, region=code, jurisdiction=(area,)
                )
            )
            for body in (pk.InstitutionKind.KPU, pk.InstitutionKind.BAWASLU):
                election = f"{body.value}-{code}"
                institutions.append(
                    pk.Institution(id=election, kind=body, name=election, region=code)
                )
                pairs.append((election, police))
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    agreements = []
    for number in range(n):
        election, police = rng.choice(pairs)
        day = start + dt.timedelta(days=rng.randrange(600))
        agreements.append(
            pk.Agreement(
                id=f"{day.isoformat()}-{number:06d}",
                instrument=pk.Instrument.PKS,
                parties=(pk.Party(institution=election), pk.Party(institution=police)),
                signing=pk.Signing(date=pk.UncertainDate.exact(day)),
                sources=(pk.SourceRef(source="synthetic"),),
            )
        )
    return pk.Institutions(institutions), agreements


def main() -> None:
    """Measure and print."""
    regions = pk.load().regions
    institutions, records = synthetic(regions, N_AGREEMENTS)
    provinces = [r.code for r in regions.children("ID")]

    def fresh() -> pk.Agreements:
        return pk.Agreements(records, regions=regions, institutions=institutions)

    def build() -> None:
        fresh().build_index()

    agreements = fresh()
    agreements.build_index()
    for code in provinces:  # the two paths agree before they are timed
        assert agreements.filter(region=code) == agreements._scan_region(code), code

    build_ms = median_seconds(build, repeat=3) * 1e3
    index_ms = (
        median_seconds(lambda: [agreements.filter(region=c) for c in provinces])
        * 1e3
        / len(provinces)
    )
    scan_ms = (
        median_seconds(lambda: [agreements._scan_region(c) for c in provinces[:8]], repeat=3)
        * 1e3
        / 8
    )
    speedup = scan_ms / index_ms
    print(
        f"filter(region=province) over {N_AGREEMENTS:,} agreements: "
        f"index {index_ms:.2f} ms, linear scan {scan_ms:.1f} ms, "
        f"speed-up {speedup:.0f}x (goal >= {GOAL}x); index build {build_ms:.0f} ms"
    )


if __name__ == "__main__":
    main()
