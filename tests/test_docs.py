"""The counts the README and the documentation state match the bundled data.

Each page is searched for phrases such as "38 provinces", "514 regencies and
cities", "553 KPU" or "31 agreements"; every number found must equal the
count computed from ``pk.load()``.  The regions page has its own test
(``tests/test_regions_docs.py``, if present); this one covers the README and
the landing, tour, domain and dataset pages.
"""

from __future__ import annotations

import collections
import functools
import re
from collections.abc import Callable

import pytest

import pemilu_pks as pk
from source_tree import ROOT

# `nox -s build` runs the tests from a copy outside the tree and says where the source is.
PAGES = [
    "README.md",
    "docs/index.md",
    "docs/getting-started.md",
    "docs/domain.md",
    "docs/dataset.md",
    "docs/institutions.md",
]

# A total, not a part: "of 15 provinces", "for 3 agreements" and "9 agreements
# have only an interval" count a subset and are left to the page's doctests.
NUMBER = r"(?<!\bof )(?<!\bfor )(?<!\bin )(\d{1,3}(?:,\d{3})+|\d+)"
SUBSET = r"(?! (?:have|has|with|only|lack)\b)"


def _levels(ds: pk.Dataset, *levels: pk.RegionLevel) -> int:
    return sum(1 for region in ds.regions if region.level in levels)


def _levels_of(levels: tuple[pk.RegionLevel, ...], ds: pk.Dataset) -> int:
    return _levels(ds, *levels)


def _kind(ds: pk.Dataset, kind: pk.InstitutionKind) -> int:
    return sum(1 for institution in ds.institutions if institution.kind is kind)


RESORTS = (pk.InstitutionKind.POLRES, pk.InstitutionKind.POLRESTA, pk.InstitutionKind.POLRESTABES)


def _resort_areas(basis: pk.Basis, ds: pk.Dataset) -> int:
    return sum(
        area.basis is basis
        for unit in ds.institutions
        if unit.kind in RESORTS
        for area in unit.jurisdiction
    )


def _without_resort(ds: pk.Dataset) -> int:
    """Regencies and cities no Polres-level unit covers on Pemilu day."""
    levels = (pk.RegionLevel.REGENCY, pk.RegionLevel.CITY)
    return sum(
        not ds.institutions.covering(region.code, on="2024-02-14", kinds=RESORTS)
        for region in ds.regions
        if region.level in levels
    )


def _kabupaten_and_kota_names(ds: pk.Dataset) -> int:
    kinds = collections.defaultdict(set)
    for region in ds.regions:
        if region.level in (pk.RegionLevel.REGENCY, pk.RegionLevel.CITY):
            kinds[region.name].add(region.level)
    return sum(1 for levels in kinds.values() if len(levels) == 2)


R = pk.RegionLevel
VILLAGES = (R.VILLAGE, R.URBAN_VILLAGE, R.CUSTOMARY_VILLAGE)

#: (what is counted, phrase with the number as its first group, the true count)
CLAIMS: list[tuple[str, str, Callable[[pk.Dataset], int]]] = [
    ("provinces", rf"\b{NUMBER} provinces\b{SUBSET}", lambda ds: _levels(ds, R.PROVINCE)),
    ("provinces", rf"\b{NUMBER} provincial\b{SUBSET}", lambda ds: _levels(ds, R.PROVINCE)),
    (
        "regencies and cities",
        rf"\b{NUMBER} (?:regencies and cities|regency/city|regencies/cities)\b{SUBSET}",
        lambda ds: _levels(ds, R.REGENCY, R.CITY),
    ),
    (
        "regencies",
        rf"\b{NUMBER} (?:regencies|kabupaten)\b(?! and){SUBSET}",
        lambda ds: _levels(ds, R.REGENCY),
    ),
    (
        "cities",
        rf"(?<!regencies and )\b{NUMBER} (?:cities|kota)\b{SUBSET}",
        lambda ds: _levels(ds, R.CITY),
    ),
    ("districts", rf"\b{NUMBER} districts\b{SUBSET}", lambda ds: _levels(ds, R.DISTRICT)),
    ("villages", rf"\b{NUMBER} villages\b{SUBSET}", lambda ds: _levels(ds, *VILLAGES)),
    (
        "customary villages",
        rf"\b{NUMBER} customary villages\b{SUBSET}",
        lambda ds: _levels(ds, R.CUSTOMARY_VILLAGE),
    ),
    ("names both kabupaten and kota", rf"\b{NUMBER} names are both", _kabupaten_and_kota_names),
    (
        "KPU institutions",
        rf"\b{NUMBER} KPU\b{SUBSET}",
        lambda ds: _kind(ds, pk.InstitutionKind.KPU),
    ),
    (
        "Bawaslu institutions",
        rf"\b{NUMBER} Bawaslu\b{SUBSET}",
        lambda ds: _kind(ds, pk.InstitutionKind.BAWASLU),
    ),
    (
        "KPU and Bawaslu each",
        rf"\({NUMBER} of each\)",
        lambda ds: _kind(ds, pk.InstitutionKind.KPU),
    ),
    ("Polda", rf"\b{NUMBER} Polda\b{SUBSET}", lambda ds: _kind(ds, pk.InstitutionKind.POLDA)),
    (
        "agreements",
        rf"\b{NUMBER} (?:documented |signed )?agreements\b{SUBSET}",
        lambda ds: len(ds.agreements),
    ),
    ("sources", rf"\b{NUMBER} sources\b{SUBSET}", lambda ds: len(ds.sources)),
    ("police ranks", rf"\b{NUMBER} ranks\b{SUBSET}", lambda ds: len(pk.PoliceRank)),
    (
        "police resorts",
        rf"\b{NUMBER} Polres/Polresta/Polrestabes\b",
        lambda ds: sum(_kind(ds, kind) for kind in RESORTS),
    ),
    (
        "stated areas of police resorts",
        rf"\b{NUMBER} stated Polres areas\b",
        functools.partial(_resort_areas, pk.Basis.STATED),
    ),
    (
        "presumed areas of police resorts",
        rf"\b{NUMBER} presumed Polres areas\b",
        functools.partial(_resort_areas, pk.Basis.PRESUMED),
    ),
    (
        "regencies and cities without a police resort",
        rf"\b{NUMBER} (?:regency or city|regencies and cities) without a Polres-level unit\b",
        _without_resort,
    ),
]

#: The region table of the domain page: | level | Indonesian | example | code | count |
DOMAIN_TABLE = re.compile(
    r"^\| (province|regency|city|district|village) \|.*\| " + NUMBER + r" \|$", re.M
)
DOMAIN_TABLE_LEVELS = {
    "province": (R.PROVINCE,),
    "regency": (R.REGENCY,),
    "city": (R.CITY,),
    "district": (R.DISTRICT,),
    "village": VILLAGES,
}


#: The file table of the dataset page: | agreements | `agreements.json` | 27: …
FILE_TABLE = re.compile(
    r"^\| (agreements|institutions|people|sources) \| `\w+\.json` \| " + NUMBER, re.M
)


def _records(name: str, ds: pk.Dataset) -> int:
    return len(getattr(ds, name))


def stated_counts(text: str) -> list[tuple[str, str, Callable[[pk.Dataset], int]]]:
    """Every (what, number as written, true-count function) stated in *text*."""
    # Join wrapped lines so a phrase split across lines is still found.
    flat = re.sub(r"\s*\n\s*", " ", text)
    found = []
    for what, pattern, actual in CLAIMS:
        found += [(what, match.group(1), actual) for match in re.finditer(pattern, flat)]
    for match in DOMAIN_TABLE.finditer(text):
        levels = DOMAIN_TABLE_LEVELS[match.group(1)]
        found.append(
            (f"{match.group(1)} (table)", match.group(2), functools.partial(_levels_of, levels))
        )
    for match in FILE_TABLE.finditer(text):
        found.append(
            (
                f"{match.group(1)} (table)",
                match.group(2),
                functools.partial(_records, match.group(1)),
            )
        )
    return found


def _page(path: str) -> str:
    page = ROOT / path
    if not page.is_file():
        if not (ROOT / "pyproject.toml").is_file():
            pytest.skip("no source tree (testing an installed wheel)")
        pytest.fail(f"{path} is missing")
    return page.read_text(encoding="utf-8")


class TestDocumentedCounts:
    """The README and the pages agree with the data."""

    @pytest.mark.parametrize("path", PAGES)
    def test_counts_match_the_data(self, path: str) -> None:
        """Every count the page states equals the count in the bundled dataset."""
        ds = pk.load()
        stated = stated_counts(_page(path))
        mismatches = [
            f"{what}: the page says {number}, the data has {actual(ds)}"
            for what, number, actual in stated
            if int(number.replace(",", "")) != actual(ds)
        ]
        assert [] == mismatches

    @pytest.mark.parametrize("path", PAGES)
    def test_page_states_counts(self, path: str) -> None:
        """Each page states at least one count, so the check above has something to check."""
        assert stated_counts(_page(path))


class TestStatedCounts:
    """How counts are found in text."""

    def test_finds_numbers_with_thousands_separators(self) -> None:
        """'7,285 districts' is read as 7285."""
        stated = stated_counts("It has 7,285 districts and 83,762\nvillages.")
        assert [("districts", "7,285"), ("villages", "83,762")] == [(w, n) for w, n, _ in stated]

    def test_a_wrong_count_is_a_mismatch(self) -> None:
        """A page claiming 39 provinces disagrees with the data."""
        ((what, number, actual),) = stated_counts("Indonesia has 39 provinces.")
        assert ("provinces", "39") == (what, number)
        assert int(number) != actual(pk.load())

    def test_a_part_is_not_a_total(self) -> None:
        """'of 15 provinces' and '9 agreements have only…' count subsets, not totals."""
        text = "the KPU of 15 provinces; numbers for 3 agreements; 9 agreements have only a bound"
        assert [] == stated_counts(text)

    def test_regencies_and_cities_is_one_claim(self) -> None:
        """'514 regencies and cities' is not also read as 514 regencies."""
        stated = stated_counts("514 regencies and cities")
        assert ["regencies and cities"] == [what for what, _, _ in stated]
