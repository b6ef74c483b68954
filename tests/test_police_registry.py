"""The police registry: every Polres-level unit sourced, an answer for every regency and city."""

from __future__ import annotations

import datetime as dt

import pytest

import pemilu_pks as pk
from source_tree import ROOT

RESORTS = ("polres", "polresta", "polrestabes")
#: Pemilu (14 Feb 2024) and Pilkada (27 Nov 2024) voting days.
VOTING_DAYS = ("2024-02-14", "2024-11-27")
#: Regencies and cities no sourced unit covers; docs/institutions.md lists them.
GAPS = {"72.11": "Banggai Laut"}
#: Units the research found do not exist in 2023-2024, and who covers their regency instead.
NOT_UNITS = {
    "polres-padang-lawas-utara": ("12.20", "polres-tapanuli-selatan"),
    "polres-sumba-tengah": ("53.17", "polres-sumba-barat"),
    "polres-bandung-barat": ("32.17", "polres-cimahi"),
    "polres-konawe-kepulauan": ("74.12", "polresta-kendari"),
    "polres-nias-barat": ("12.25", "polres-nias"),
    "polres-banggai-laut": ("72.11", None),
}


@pytest.fixture(scope="module")
def ds() -> pk.Dataset:
    """The bundled dataset."""
    return pk.load()


def resorts(ds: pk.Dataset) -> list[pk.Institution]:
    """The Polres-level units."""
    return [unit for unit in ds.institutions if unit.kind.value in RESORTS]


def regencies(ds: pk.Dataset) -> list[pk.Region]:
    """The 514 regencies and cities."""
    levels = {pk.RegionLevel.REGENCY, pk.RegionLevel.CITY}
    return [region for region in ds.regions if region.level in levels]


def covering(
    ds: pk.Dataset, code: str, on: str, basis: str | None = None
) -> dict[str, pk.JurisdictionArea]:
    """The Polres-level units covering *code* on *on*, by id, with the matching area."""
    pairs = ds.institutions.covering_areas(code, on, kinds=RESORTS, basis=basis)
    return {unit.id: area for unit, area in pairs}


class TestUnits:
    """Every Polres-level unit of 2023-2024 that a source names."""

    def test_at_least_480_units(self, ds: pk.Dataset) -> None:
        """The registry holds at least 480 Polres, Polresta and Polrestabes."""
        assert len(resorts(ds)) >= 480

    def test_every_unit_cites_a_source(self, ds: pk.Dataset) -> None:
        """Each unit cites at least one source, and each exists in sources.json."""
        assert [] == [unit.id for unit in resorts(ds) if not unit.sources]
        assert [] == [
            (unit.id, sid)
            for unit in resorts(ds)
            for sid in unit.sources
            if ds.sources.get(sid) is None
        ]

    def test_no_unit_cites_an_unlicensed_list(self, ds: pk.Dataset) -> None:
        """A GitHub seeder or generated list may guide a search; it is never a unit's citation."""
        cited = {sid for unit in resorts(ds) for sid in unit.sources}
        cited |= {sid for unit in resorts(ds) for area in unit.jurisdiction for sid in area.sources}
        urls = [source.url or "" for source in ds.sources if source.id in cited]
        assert [] == [url for url in urls if "github.com" in url or "githubusercontent" in url]

    def test_every_unit_has_a_parent_polda(self, ds: pk.Dataset) -> None:
        """Each unit sits under a Polda of 2024."""
        poldas = {unit.id for unit in ds.institutions.of_kind("polda")}
        assert [] == [unit.id for unit in resorts(ds) if unit.parent not in poldas]

    def test_units_that_do_not_exist(self, ds: pk.Dataset) -> None:
        """The units the research found not to exist are absent; their regency has its real unit."""
        assert [] == [uid for uid in NOT_UNITS if uid in ds.institutions]
        for code, unit in NOT_UNITS.values():
            units = covering(ds, code, "2024-02-14")
            if unit is None:
                assert {} == units
            else:
                assert unit in units


class TestEveryRegency:
    """covering() answers for each of the 514 regencies and cities, or the gap is documented."""

    @pytest.mark.parametrize("day", VOTING_DAYS)
    def test_covered_or_a_documented_gap(self, ds: pk.Dataset, day: str) -> None:
        """On both voting days every regency and city has a Polres-level unit, except the gaps."""
        uncovered = {r.code for r in regencies(ds) if not covering(ds, r.code, day)}
        assert 514 == len(regencies(ds))
        assert set(GAPS) == uncovered

    def test_gaps_are_documented(self) -> None:
        """The institutions page names every gap."""
        page = ROOT / "docs" / "institutions.md"
        if not page.is_file():
            pytest.skip("no source tree (testing an installed wheel)")
        text = page.read_text(encoding="utf-8")
        assert [] == [name for name in GAPS.values() if f"Kabupaten {name}" not in text]

    def test_basis_stated_leaves_presumptions_out(self, ds: pk.Dataset) -> None:
        """With basis="stated" fewer regencies are answered, and only by stated areas."""
        stated = {r.code for r in regencies(ds) if covering(ds, r.code, "2024-02-14", "stated")}
        presumed = {r.code for r in regencies(ds) if covering(ds, r.code, "2024-02-14", "presumed")}
        assert stated
        assert presumed
        assert len(stated) < 514 - len(GAPS)
        for code in sorted(stated)[:50]:
            assert {pk.Basis.STATED} == {
                a.basis for a in covering(ds, code, "2024-02-14", "stated").values()
            }


class TestStatedExceptions:
    """The units whose area is not the one regency they are named after, as the sources state."""

    @pytest.mark.parametrize(
        ("code", "unit", "extent"),
        [
            ("12.20", "polres-tapanuli-selatan", pk.Extent.WHOLE),  # Padang Lawas Utara
            ("12.23", "polres-labuhanbatu", pk.Extent.WHOLE),  # Labuhanbatu Utara
            ("53.17", "polres-sumba-barat", pk.Extent.WHOLE),  # Sumba Tengah
            ("74.13", "polres-muna", pk.Extent.WHOLE),  # Muna Barat
            ("15.72", "polres-kerinci", pk.Extent.WHOLE),  # Kota Sungai Penuh
            ("32.17", "polres-cimahi", pk.Extent.WHOLE),  # Bandung Barat
            ("74.02", "polresta-kendari", pk.Extent.PARTIAL),  # Konawe
            ("74.05", "polresta-kendari", pk.Extent.PARTIAL),  # Konawe Selatan
            ("74.12", "polresta-kendari", pk.Extent.PARTIAL),  # Konawe Kepulauan
        ],
    )
    def test_stated_area(self, ds: pk.Dataset, code: str, unit: str, extent: pk.Extent) -> None:
        """The unit covers the region on both voting days, with a stated, sourced area."""
        for day in VOTING_DAYS:
            area = covering(ds, code, day, "stated")[unit]
            assert (extent, pk.Basis.STATED) == (area.extent, area.basis)
            assert all(ds.sources.get(sid) is not None for sid in area.sources)

    def test_kabupaten_serang_is_split_three_ways(self, ds: pk.Dataset) -> None:
        """Polres Serang, Polresta Serang Kota and Polres Cilegon each police part of Kabupaten Serang."""
        areas = covering(ds, "36.04", "2024-02-14", "stated")
        assert {"polres-serang", "polresta-serang-kota", "polres-cilegon"} == set(areas)
        assert {pk.Extent.PARTIAL} == {area.extent for area in areas.values()}

    @pytest.mark.parametrize(
        ("code", "day", "expected"),
        [
            ("65.04", "2021-06-01", {"polresta-bulungan"}),  # Tana Tidung before its own Polres
            (
                "12.22",
                "2022-06-01",
                {"polres-labuhanbatu"},
            ),  # Labuhanbatu Selatan before 12 Dec 2022
            ("12.22", "2024-02-14", {"polres-labuhanbatu-selatan"}),
            ("18.13", "2022-06-01", {"polres-lampung-barat"}),  # Pesisir Barat before 2 Feb 2023
            ("18.13", "2024-02-14", {"polres-pesisir-barat"}),
            ("74.10", "2019-06-01", {"polres-muna"}),  # Buton Utara before 15 Jan 2020
            ("74.10", "2024-02-14", {"polres-buton-utara"}),
        ],
    )
    def test_areas_change_on_their_dates(
        self, ds: pk.Dataset, code: str, day: str, expected: set[str]
    ) -> None:
        """Before a new unit began, its regency was its predecessor's; after, it is its own."""
        assert expected <= set(covering(ds, code, day))
        if day.startswith("2024"):
            assert expected == set(covering(ds, code, day))

    def test_tana_tidung_has_its_own_polres_in_2024(self, ds: pk.Dataset) -> None:
        """In 2024 Kabupaten Tana Tidung is Polres Tana Tidung's, no longer Polresta Bulungan's."""
        assert {"polres-tana-tidung"} == set(covering(ds, "65.04", "2024-02-14"))

    @pytest.mark.parametrize(
        ("unit", "day"),
        [
            ("polres-labuhanbatu-selatan", dt.date(2022, 12, 12)),
            ("polres-pesisir-barat", dt.date(2023, 2, 2)),
            ("polres-buton-utara", dt.date(2020, 1, 15)),
            ("polres-gorontalo-utara", dt.date(2020, 1, 21)),
            ("polres-kubu-raya", dt.date(2019, 11, 19)),
        ],
    )
    def test_recent_creations(self, ds: pk.Dataset, unit: str, day: dt.date) -> None:
        """Units created since 2019 begin on the day their sources give."""
        record = ds.institutions.get(unit)
        assert record is not None
        assert day == record.valid_from
        assert not record.exists_on(day - dt.timedelta(days=1))


class TestPapuaSplit:
    """Units of Papua Tengah keep one parent (the 2024 Polda); covering follows the Polda's dates."""

    @pytest.mark.parametrize(
        ("day", "polda"),
        [
            ("2024-02-14", "polda-papua"),
            ("2024-11-27", "polda-papua"),
            ("2024-12-01", "polda-papua-tengah"),
        ],
    )
    def test_nabire(self, ds: pk.Dataset, day: str, polda: str) -> None:
        """Kabupaten Nabire: Polres Nabire under Polda Papua until 29 Nov 2024, then Polda Papua Tengah."""
        assert ["polres-nabire", polda] == [u.id for u in ds.institutions.covering("94.01", on=day)]

    def test_parent_is_the_polda_of_2024_and_the_move_is_noted(self, ds: pk.Dataset) -> None:
        """Every unit of Papua Tengah has Polda Papua as parent and a note on the move."""
        units = [u for u in resorts(ds) if (u.region or "").startswith("94.")]
        assert units
        assert {"polda-papua"} == {u.parent for u in units}
        assert all(any("Polda Papua Tengah" in note for note in u.notes) for u in units)

    def test_papua_barat_daya(self, ds: pk.Dataset) -> None:
        """Units of Papua Barat Daya have Polda Papua Barat as parent and a note on Polda Papua Barat Daya."""
        units = [u for u in resorts(ds) if (u.region or "").startswith("96.")]
        assert 6 == len(units)
        assert {"polda-papua-barat"} == {u.parent for u in units}
        assert all(any("Polda Papua Barat Daya" in note for note in u.notes) for u in units)
        on_pemilu_day = ds.institutions.covering("96.71", on="2024-02-14")
        assert ["polresta-sorong-kota", "polda-papua-barat"] == [u.id for u in on_pemilu_day]
