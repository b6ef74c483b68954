"""The institution registry: counts, jurisdictions, lookup by name and police coverage."""

from __future__ import annotations

import datetime as dt
import re
import threading
from typing import Any, cast

import pytest

import pemilu_pks as pk
from pemilu_pks import Extent, Institution, InstitutionKind, JurisdictionArea, Region, RegionLevel

POLDA_IDS = {
    "polda-aceh",
    "polda-bali",
    "polda-banten",
    "polda-bengkulu",
    "polda-daerah-istimewa-yogyakarta",
    "polda-gorontalo",
    "polda-jambi",
    "polda-jawa-barat",
    "polda-jawa-tengah",
    "polda-jawa-timur",
    "polda-kalimantan-barat",
    "polda-kalimantan-selatan",
    "polda-kalimantan-tengah",
    "polda-kalimantan-timur",
    "polda-kalimantan-utara",
    "polda-kepulauan-bangka-belitung",
    "polda-kepulauan-riau",
    "polda-lampung",
    "polda-maluku",
    "polda-maluku-utara",
    "polda-metro-jaya",
    "polda-nusa-tenggara-barat",
    "polda-nusa-tenggara-timur",
    "polda-papua",
    "polda-papua-barat",
    "polda-papua-barat-daya",
    "polda-papua-tengah",
    "polda-riau",
    "polda-sulawesi-barat",
    "polda-sulawesi-selatan",
    "polda-sulawesi-tengah",
    "polda-sulawesi-tenggara",
    "polda-sulawesi-utara",
    "polda-sumatera-barat",
    "polda-sumatera-selatan",
    "polda-sumatera-utara",
}

#: Polres-level units named as parties in the agreements and the seed articles.
AGREEMENT_UNITS = {
    "polres-hulu-sungai-utara",
    "polres-kapuas-hulu",
    "polres-kebumen",
    "polres-kepahiang",
    "polres-metro-bekasi",
    "polres-mukomuko",
    "polres-paser",
    "polres-sanggau",
    "polres-tanah-karo",
    "polres-tapanuli-selatan",
    "polresta-banjarmasin",
    "polresta-jambi",
}


@pytest.fixture(scope="module")
def institutions() -> pk.Institutions:
    """The bundled registry."""
    return pk.load().institutions


def _ids(units: tuple[Institution, ...]) -> list[str]:
    return [unit.id for unit in units]


class TestRegistry:
    """What the bundled registry holds."""

    @pytest.mark.parametrize("kind", [InstitutionKind.KPU, InstitutionKind.BAWASLU])
    def test_553_election_bodies_of_each_kind(
        self, institutions: pk.Institutions, kind: InstitutionKind
    ) -> None:
        """1 national + 38 provincial + 514 regency/city bodies, one per region."""
        bodies = institutions.of_kind(kind)
        regions = [body.region for body in bodies]
        assert 553 == len(bodies)
        assert 553 == len(set(regions))
        assert 1 == sum(1 for code in regions if code == "ID")
        assert 38 == sum(1 for code in regions if code and re.fullmatch(r"\d\d", code))
        assert 514 == sum(1 for code in regions if code and re.fullmatch(r"\d\d\.\d\d", code))

    @pytest.mark.parametrize(
        ("id", "name"),
        [
            ("kpu-ri", "KPU Republik Indonesia"),
            ("bawaslu-ri", "Bawaslu Republik Indonesia"),
            ("kpu-63", "KPU Provinsi Kalimantan Selatan"),
            ("kpu-12.03", "KPU Kabupaten Tapanuli Selatan"),
            ("kpu-63.71", "KPU Kota Banjarmasin"),
            ("bawaslu-15.71", "Bawaslu Kota Jambi"),
            ("kpu-31.74", "KPU Kota Administrasi Jakarta Selatan"),
        ],
    )
    def test_election_body_ids_and_names(
        self, institutions: pk.Institutions, id: str, name: str
    ) -> None:
        """Ids follow the region code; names are the usual full names."""
        assert name == institutions.lookup(id).name

    def test_election_bodies_have_their_parents(self, institutions: pk.Institutions) -> None:
        """A regency's KPU sits under its province's, which sits under KPU RI."""
        assert "kpu-63" == institutions.lookup("kpu-63.71").parent
        assert "kpu-ri" == institutions.lookup("kpu-63").parent
        assert "bawaslu-12" == institutions.lookup("bawaslu-12.20").parent

    @pytest.mark.parametrize(
        ("id", "local_name"),
        [
            ("kpu-11", "KIP Aceh"),
            ("bawaslu-11", "Panwaslih Aceh"),
            ("kpu-11.08", "KIP Kabupaten Aceh Utara"),
            ("bawaslu-11.08", "Panwaslih Kabupaten Aceh Utara"),
        ],
    )
    def test_aceh_bodies_carry_their_local_names(
        self, institutions: pk.Institutions, id: str, local_name: str
    ) -> None:
        """In Aceh the KPU is the KIP and the Bawaslu the Panwaslih."""
        assert local_name == institutions.lookup(id).local_name

    def test_no_local_name_outside_aceh(self, institutions: pk.Institutions) -> None:
        """Only Aceh's election bodies have a local name."""
        named = {i.region for i in institutions if i.local_name}
        assert {code[:2] for code in named if code} == {"11"}

    def test_every_polda(self, institutions: pk.Institutions) -> None:
        """All 36 Polda of 2024, under Polri."""
        poldas = institutions.of_kind("polda")
        assert POLDA_IDS == set(_ids(poldas))
        assert {"polri"} == {polda.parent for polda in poldas}
        assert InstitutionKind.POLRI == institutions.lookup("polri").kind

    def test_the_units_of_the_agreements_are_listed(self, institutions: pk.Institutions) -> None:
        """Every Polres-level unit an agreement or a seed names is in the registry."""
        assert AGREEMENT_UNITS <= set(institutions.ids)
        assert InstitutionKind.OTHER == institutions.lookup("kejari-kebumen").kind

    def test_polres_sit_under_a_polda(self, institutions: pk.Institutions) -> None:
        """Every Polres, Polresta and Polrestabes has a Polda as parent."""
        resorts = [
            unit
            for kind in ("polres", "polresta", "polrestabes")
            for unit in institutions.of_kind(kind)
        ]
        assert len(resorts) >= 40
        parents = {institutions.lookup(unit.parent or "").kind for unit in resorts}
        assert {InstitutionKind.POLDA} == parents

    @pytest.mark.parametrize(
        ("id", "parent"),
        [
            ("polres-tapanuli-selatan", "polda-sumatera-utara"),
            ("polresta-banjarmasin", "polda-kalimantan-selatan"),
            ("polres-metro-bekasi", "polda-metro-jaya"),
            ("polres-hulu-sungai-utara", "polda-kalimantan-selatan"),
            ("polresta-jambi", "polda-jambi"),
        ],
    )
    def test_parents_of_units(self, institutions: pk.Institutions, id: str, parent: str) -> None:
        """Polres Metro Bekasi, in Jawa Barat, reports to Polda Metro Jaya."""
        assert parent == institutions.lookup(id).parent

    def test_every_record_cites_a_source(self, institutions: pk.Institutions) -> None:
        """No institution without a source, and every cited source exists."""
        sources = pk.load().sources
        assert [] == [i.id for i in institutions if not i.sources]
        missing = sorted({s for i in institutions for s in i.sources if s not in sources})
        assert [] == missing

    def test_parents_exist(self, institutions: pk.Institutions) -> None:
        """Every parent id is an institution."""
        assert [] == [i.id for i in institutions if i.parent and i.parent not in institutions]

    def test_ids_are_readable(self, institutions: pk.Institutions) -> None:
        """Ids are kind words, region codes and name slugs."""
        pattern = re.compile(
            r"(kpu|bawaslu)-(ri|\d\d(\.\d\d)?)|polri|(polda|polres|polresta|polrestabes|kejari)-[a-z0-9-]+"
        )
        assert [] == [i.id for i in institutions if not pattern.fullmatch(i.id)]

    def test_every_jurisdiction_region_exists(self, institutions: pk.Institutions) -> None:
        """Jurisdiction areas name regions of the bundled region registry."""
        regions = pk.load().regions
        codes = {a.region for i in institutions for a in i.jurisdiction}
        assert [] == sorted(code for code in codes if regions.get(code) is None)


class TestJurisdiction:
    """Police areas that do not follow administrative borders."""

    def _areas(self, institutions: pk.Institutions, id: str) -> dict[str, JurisdictionArea]:
        return {area.region: area for area in institutions.lookup(id).jurisdiction}

    def test_polda_metro_jaya(self, institutions: pk.Institutions) -> None:
        """DKI Jakarta plus parts of Jawa Barat and Banten."""
        areas = self._areas(institutions, "polda-metro-jaya")
        whole = {code for code, area in areas.items() if area.extent is Extent.WHOLE}
        partial = {code for code, area in areas.items() if area.extent is Extent.PARTIAL}
        assert {"31", "32.16", "32.75", "32.76", "36.71", "36.74"} == whole
        assert {"32", "36", "36.03"} == partial

    def test_polda_jawa_barat_leaves_out_the_metro_area(
        self, institutions: pk.Institutions
    ) -> None:
        """Polda Jabar covers Jawa Barat only partly: not Bekasi or Depok."""
        areas = self._areas(institutions, "polda-jawa-barat")
        assert Extent.PARTIAL == areas["32"].extent
        assert not {"32.16", "32.75", "32.76"} & set(areas)
        assert Extent.WHOLE == areas["32.01"].extent

    def test_polda_papua_until_the_new_polda(self, institutions: pk.Institutions) -> None:
        """Four provinces; Papua Tengah until 29 Nov 2024."""
        areas = self._areas(institutions, "polda-papua")
        assert {"91", "93", "94", "95"} == set(areas)
        assert dt.date(2024, 11, 29) == areas["94"].valid_to
        assert None is areas["91"].valid_to
        assert "30 Nov 2024" in (areas["94"].note or "")

    def test_polda_papua_tengah_begins_30_november_2024(
        self, institutions: pk.Institutions
    ) -> None:
        """The institution and its area both start on 30 Nov 2024."""
        unit = institutions.lookup("polda-papua-tengah")
        assert dt.date(2024, 11, 30) == unit.valid_from
        assert [("94", dt.date(2024, 11, 30))] == [
            (a.region, a.valid_from) for a in unit.jurisdiction
        ]

    def test_polda_papua_barat_daya_has_no_guessed_day(self, institutions: pk.Institutions) -> None:
        """No start day is in the sources: the institution's own start stays open."""
        unit = institutions.lookup("polda-papua-barat-daya")
        assert None is unit.valid_from
        assert "not the day" in (unit.jurisdiction[0].note or "")

    def test_polres_tapanuli_selatan(self, institutions: pk.Institutions) -> None:
        """Tapanuli Selatan and Padang Lawas Utara, both whole."""
        areas = self._areas(institutions, "polres-tapanuli-selatan")
        assert {"12.03": Extent.WHOLE, "12.20": Extent.WHOLE} == {
            code: area.extent for code, area in areas.items()
        }

    def test_basis_filters_presumptions(self, institutions: pk.Institutions) -> None:
        """basis="stated" leaves out units whose area is only presumed; None gives both."""
        both = institutions.covering("61.06", on="2024-02-14")
        stated = institutions.covering("61.06", on="2024-02-14", basis="stated")
        presumed = institutions.covering("61.06", on="2024-02-14", basis=pk.Basis.PRESUMED)
        assert set(both) == set(stated) | set(presumed)
        assert not set(stated) & set(presumed)
        assert "polres-kapuas-hulu" in [unit.id for unit in presumed]

    def test_stated_areas_cite_sources(self, institutions: pk.Institutions) -> None:
        """Every stated area cites a source; every presumed one says so in its note."""
        areas = [area for unit in institutions for area in unit.jurisdiction]
        assert all(area.sources for area in areas if area.basis is pk.Basis.STATED)
        presumed = [area for area in areas if area.basis is pk.Basis.PRESUMED]
        assert presumed
        assert all((area.note or "").startswith("Presumed") for area in presumed)

    def test_bad_basis(self, institutions: pk.Institutions) -> None:
        """An unknown basis is a ValidationError naming the allowed values."""
        with pytest.raises(pk.ValidationError, match="stated"):
            institutions.covering("61.06", basis="guessed")

    def test_airport_police_have_no_region(self, institutions: pk.Institutions) -> None:
        """Polresta Bandara Soekarno-Hatta is a functional unit."""
        unit = institutions.lookup("polresta-bandara-soekarno-hatta")
        assert (None, ()) == (unit.region, unit.jurisdiction)


class TestCovering:
    """covering(region, on): the units whose jurisdiction holds a region."""

    @pytest.mark.parametrize("region", ["12.20", "Padang Lawas Utara", "Paluta"])
    def test_padang_lawas_utara_february_2024(
        self, institutions: pk.Institutions, region: str
    ) -> None:
        """Paluta has no Polres: Polres Tapanuli Selatan polices it."""
        assert ["polres-tapanuli-selatan", "polda-sumatera-utara"] == _ids(
            institutions.covering(region, on="2024-02-14")
        )

    def test_a_district_inherits_whole_coverage(self, institutions: pk.Institutions) -> None:
        """A kecamatan of Paluta is policed by the units covering Paluta whole."""
        assert ["polres-tapanuli-selatan", "polda-sumatera-utara"] == _ids(
            institutions.covering("12.20.01", on=dt.date(2024, 2, 14))
        )

    @pytest.mark.parametrize(
        ("on", "expected"),
        [
            ("2024-06-01", ["polda-papua"]),
            ("2024-11-27", ["polda-papua"]),
            ("2024-11-29", ["polda-papua"]),
            ("2024-11-30", ["polda-papua-tengah"]),
            ("2025-01-01", ["polda-papua-tengah"]),
        ],
    )
    def test_papua_tengah(
        self, institutions: pk.Institutions, on: str, expected: list[str]
    ) -> None:
        """Polda Papua until Polda Papua Tengah took over on 30 Nov 2024."""
        assert expected == _ids(institutions.covering("Papua Tengah", on=on))

    def test_without_a_date_every_period_counts(self, institutions: pk.Institutions) -> None:
        """on=None ignores validity dates."""
        assert ["polda-papua", "polda-papua-tengah"] == _ids(institutions.covering("94"))

    def test_papua_barat_daya_in_february_2024(self, institutions: pk.Institutions) -> None:
        """KPU Papua Barat Daya signed with Polda Papua Barat: no Polda of its own yet."""
        assert ["polda-papua-barat"] == _ids(institutions.covering("96", on="2024-02-14"))

    @pytest.mark.parametrize(
        ("region", "expected"),
        [
            ("32.75", ["polres-metro-bekasi-kota", "polda-metro-jaya"]),
            ("32.16", ["polres-metro-bekasi", "polda-metro-jaya"]),
            ("32.01", ["polres-bogor", "polda-jawa-barat"]),
            ("31.74", ["polres-metro-jakarta-selatan", "polda-metro-jaya"]),
            ("63.71", ["polresta-banjarmasin", "polda-kalimantan-selatan"]),
            ("32", ["polda-jawa-barat", "polda-metro-jaya"]),
        ],
    )
    def test_cross_border_police(
        self, institutions: pk.Institutions, region: str, expected: list[str]
    ) -> None:
        """Bekasi and Depok are Polda Metro Jaya's, the rest of Jawa Barat Polda Jabar's."""
        assert expected == _ids(institutions.covering(region, on="2024-02-14"))

    def test_partial_coverage_says_so(self, institutions: pk.Institutions) -> None:
        """Kabupaten Tangerang is split between two Polda and several Polres."""
        pairs = institutions.covering_areas("36.03", on="2024-02-14")
        assert {
            "polda-banten": Extent.PARTIAL,
            "polda-metro-jaya": Extent.PARTIAL,
            "polresta-tangerang": Extent.PARTIAL,
            "polres-metro-tangerang-kota": Extent.PARTIAL,
            "polres-tangerang-selatan": Extent.PARTIAL,
        } == {unit.id: area.extent for unit, area in pairs}

    def test_election_bodies_on_request(self, institutions: pk.Institutions) -> None:
        """kinds= widens the result to KPU and Bawaslu, most local first."""
        assert ["kpu-12.20", "kpu-12", "kpu-ri"] == _ids(
            institutions.covering("12.20", kinds=["kpu"])
        )

    def test_polri_on_request(self, institutions: pk.Institutions) -> None:
        """Polri covers the whole country and comes last."""
        kinds = [InstitutionKind.POLRES, InstitutionKind.POLDA, InstitutionKind.POLRI]
        assert ["polres-tapanuli-selatan", "polda-sumatera-utara", "polri"] == _ids(
            institutions.covering("12.20", on="2024-02-14", kinds=kinds)
        )

    @pytest.mark.parametrize("on", [dt.date(2024, 2, 14), dt.datetime(2024, 2, 14, 9, 30)])
    def test_date_objects(self, institutions: pk.Institutions, on: dt.date) -> None:
        """Dates and datetimes are accepted as well as ISO text."""
        assert ["polda-papua"] == _ids(institutions.covering("94", on=on))

    @pytest.mark.parametrize("region", ["99.99", "63.99", "Atlantis"])
    def test_unknown_region(self, institutions: pk.Institutions, region: str) -> None:
        """An unknown region raises NotFoundError naming it."""
        with pytest.raises(pk.NotFoundError, match=re.escape(repr(region))) as info:
            institutions.covering(region, on="2024-02-14")
        assert isinstance(info.value, pk.PemiluPksError)

    @pytest.mark.parametrize("on", ["2024-13-45", "14/02/2024", "kemarin", 20240214])
    def test_malformed_date(self, institutions: pk.Institutions, on: Any) -> None:
        """A malformed date raises DateParseError naming the value."""
        with pytest.raises(pk.DateParseError, match=re.escape(repr(on))) as info:
            institutions.covering("12.20", on=on)
        assert isinstance(info.value, pk.PemiluPksError)

    def test_unknown_kind(self, institutions: pk.Institutions) -> None:
        """A kind that is not an InstitutionKind is refused with the allowed values."""
        with pytest.raises(pk.NotFoundError, match="'polisi' is not an institution kind"):
            institutions.covering("12.20", kinds=["polisi"])

    def test_index_is_built_once_across_threads(self, institutions: pk.Institutions) -> None:
        """Concurrent first queries on a fresh registry agree."""
        fresh = pk.Institutions(list(institutions), regions=pk.load().regions)
        results: list[tuple[str, ...]] = []

        def query() -> None:
            results.append(tuple(_ids(fresh.covering("12.20", on="2024-02-14"))))

        threads = [threading.Thread(target=query) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert [("polres-tapanuli-selatan", "polda-sumatera-utara")] * 8 == results


class TestLookup:
    """lookup() over every name news uses."""

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("KPU Kalsel", "kpu-63"),
            ("KPU Provinsi Kalimantan Selatan", "kpu-63"),
            ("Komisi Pemilihan Umum Kota Banjarmasin", "kpu-63.71"),
            ("Bawaslu RI", "bawaslu-ri"),
            ("KIP Aceh", "kpu-11"),
            ("Polres Tapsel", "polres-tapanuli-selatan"),
            ("Polresta Banjarmasin", "polresta-banjarmasin"),
            ("Polda Metro Jaya", "polda-metro-jaya"),
            ("Kepolisian Daerah Kalimantan Timur", "polda-kalimantan-timur"),
        ],
    )
    def test_names_from_the_issue(
        self, institutions: pk.Institutions, name: str, expected: str
    ) -> None:
        """Short forms, full names, abbreviations and local names."""
        assert expected == institutions.lookup(name).id

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("kpu kalsel", "kpu-63"),
            ("  POLRES  TAPSEL ", "polres-tapanuli-selatan"),
            ("Komisi Pemilihan Umum (KPU) Kota Banjarmasin", "kpu-63.71"),
            ("KPU Provinsi Aceh", "kpu-11"),
            ("Komisi Independen Pemilihan Aceh", "kpu-11"),
            ("Panwaslih Aceh", "bawaslu-11"),
            ("KIP Aceh Utara", "kpu-11.08"),
            ("Bawaslu Republik Indonesia", "bawaslu-ri"),
            ("Badan Pengawas Pemilihan Umum Provinsi Jambi", "bawaslu-15"),
            ("Polri", "polri"),
            ("Kepolisian Negara Republik Indonesia", "polri"),
            ("Polda Kalsel", "polda-kalimantan-selatan"),
            ("Polda Sumut", "polda-sumatera-utara"),
            ("PMJ", "polda-metro-jaya"),
            ("Polres HSU", "polres-hulu-sungai-utara"),
            ("Kepolisian Resor Paser", "polres-paser"),
            ("Kepolisian Resor Kota Banjarmasin", "polresta-banjarmasin"),
            ("Polres Tanah Karo", "polres-tanah-karo"),
            ("Polres Karo", "polres-tanah-karo"),
            ("Kejari Kebumen", "kejari-kebumen"),
            ("kpu-63.71", "kpu-63.71"),
        ],
    )
    def test_variants(self, institutions: pk.Institutions, name: str, expected: str) -> None:
        """Case, spacing, parentheses, long forms and region names all resolve."""
        assert expected == institutions.lookup(name).id

    @pytest.mark.parametrize(
        ("title", "expected"),
        [
            ("Kapolres Tapanuli Selatan", "polres-tapanuli-selatan"),
            ("Kapolresta Banjarmasin", "polresta-banjarmasin"),
            ("Kapolda Kalsel", "polda-kalimantan-selatan"),
            ("Kapolri", "polri"),
            ("Ketua KPU Kalsel", "kpu-63"),
            ("Ketua Bawaslu Kabupaten Kebumen", "bawaslu-33.05"),
            ("Ketua KIP Aceh", "kpu-11"),
        ],
    )
    def test_post_titles(self, institutions: pk.Institutions, title: str, expected: str) -> None:
        """A post title names its institution: Kapolres X implies Polres X."""
        assert expected == institutions.lookup(title).id

    def test_ambiguous_region(self, institutions: pk.Institutions) -> None:
        """The name "KPU Malang" could mean the kabupaten's KPU or the kota's."""
        with pytest.raises(pk.AmbiguousError, match="KPU Malang"):
            institutions.lookup("KPU Malang")

    def test_unknown_name(self, institutions: pk.Institutions) -> None:
        """An unknown name raises NotFoundError (a LookupError)."""
        with pytest.raises(LookupError, match="Polres Atlantis"):
            institutions.lookup("Polres Atlantis")

    def test_a_province_without_its_own_polda(self, institutions: pk.Institutions) -> None:
        """Papua Selatan had no Polda; the message names the Polda that polices it."""
        with pytest.raises(pk.NotFoundError, match="Polda Papua") as info:
            institutions.lookup("Polda Papua Selatan")
        assert ("polda-papua",) == info.value.suggestions

    def test_no_kpu_below_the_regency(self, institutions: pk.Institutions) -> None:
        """KPU bodies are permanent only down to the regency or city."""
        with pytest.raises(pk.NotFoundError, match="district"):
            institutions.lookup("KPU Dolok Sigompulon")
        assert "kpu-63.71" == institutions.lookup("KPU 63.71").id

    def test_suggestions(self, institutions: pk.Institutions) -> None:
        """A near miss suggests the close name."""
        with pytest.raises(pk.NotFoundError) as info:
            institutions.lookup("Polda Metro Jayaa")
        assert "Polda Metro Jaya" in info.value.suggestions

    def test_get_returns_none(self, institutions: pk.Institutions) -> None:
        """get() takes ids only and returns None for anything else."""
        assert None is institutions.get("KPU Kalsel")
        found = institutions.get("kpu-63")
        assert found is not None
        assert "kpu-63" == found.id

    def test_for_region(self, institutions: pk.Institutions) -> None:
        """The bodies constituted for a region, optionally of one kind."""
        assert ["bawaslu-63.71", "kpu-63.71", "polresta-banjarmasin"] == _ids(
            institutions.for_region("63.71")
        )
        assert ["kpu-12.06"] == _ids(institutions.for_region("12.06", "kpu"))
        assert ["polres-tanah-karo"] == _ids(institutions.for_region("12.06", "polres"))


class _Regions:
    """A tiny stand-in for the region registry (lookup by name or abbreviation)."""

    def __init__(self) -> None:
        self.by_code = {
            "ID": Region(code="ID", name="Indonesia", official_name="Indonesia", level=RegionLevel.COUNTRY),
            "11": Region(code="11", name="Aceh", official_name="Aceh", level=RegionLevel.PROVINCE, parent="ID"),
            "11.08": Region(code="11.08", name="Aceh Utara", official_name="Kabupaten Aceh Utara", level=RegionLevel.REGENCY, parent="11"),
            "63": Region(code="63", name="Kalimantan Selatan", official_name="Kalimantan Selatan", level=RegionLevel.PROVINCE, parent="ID"),
            "63.71": Region(code="63.71", name="Banjarmasin", official_name="Kota Banjarmasin", level=RegionLevel.CITY, parent="63"),
        }  # fmt: skip
        self.names = {"kalsel": "63", "kalimantan selatan": "63", "banjarmasin": "63.71"}
        self.names |= {"kota banjarmasin": "63.71", "aceh": "11", "aceh utara": "11.08"}

    def get(self, code: str, default: Region | None = None) -> Region | None:
        return self.by_code.get(code, default)

    def lookup(self, name: str, level: Any = None, within: str | None = None) -> Region:
        code = self.names.get(name.casefold())
        if code is None or (within is not None and not code.startswith(within)):
            raise pk.NotFoundError(f"no region named {name!r}", query=name)
        return self.by_code[code]


class TestOwnRegistry:
    """A registry built from records of one's own, with its own regions."""

    @pytest.fixture
    def small(self) -> pk.Institutions:
        """KPU Kalsel, KPU Banjarmasin and a Polda covering the province."""
        records = [
            Institution(id="kpu-63", kind=InstitutionKind.KPU, name="KPU Provinsi Kalimantan Selatan", region="63", jurisdiction=(JurisdictionArea(region="63"),)),
            Institution(id="kpu-63.71", kind=InstitutionKind.KPU, name="KPU Kota Banjarmasin", region="63.71", jurisdiction=(JurisdictionArea(region="63.71"),)),
            Institution(id="kpu-11.08", kind=InstitutionKind.KPU, name="KPU Kabupaten Aceh Utara", region="11.08", local_name="KIP Kabupaten Aceh Utara"),
            Institution(id="polda-kalimantan-selatan", kind=InstitutionKind.POLDA, name="Polda Kalimantan Selatan", region="63", jurisdiction=(JurisdictionArea(region="63", valid_from=dt.date(2024, 1, 1)),)),
        ]  # fmt: skip
        return pk.Institutions(records, regions=cast("pk.Regions", _Regions()))

    def test_body_and_region_name(self, small: pk.Institutions) -> None:
        """A body word and a region name the regions resolve."""
        assert "kpu-63" == small.lookup("KPU Kalsel").id
        assert "kpu-63.71" == small.lookup("Komisi Pemilihan Umum Kota Banjarmasin").id
        assert "polda-kalimantan-selatan" == small.lookup("Kapolda Kalsel").id

    def test_kip_looks_only_in_aceh(self, small: pk.Institutions) -> None:
        """KIP and Panwaslih are Aceh's names: the region is sought within Aceh."""
        assert "kpu-11.08" == small.lookup("KIP Aceh Utara").id
        with pytest.raises(pk.NotFoundError, match="in Aceh"):
            small.lookup("KIP Kalsel")

    def test_validity_dates(self, small: pk.Institutions) -> None:
        """An area counts only from its first day."""
        assert [] == _ids(small.covering("63.71", on="2023-12-31"))
        assert ["polda-kalimantan-selatan"] == _ids(small.covering("63.71", on="2024-01-01"))

    def test_a_callable_supplies_the_regions(self) -> None:
        """regions= may be a function, called on first use."""
        calls: list[int] = []

        def regions() -> Any:
            calls.append(1)
            return _Regions()

        registry = pk.Institutions([], regions=regions)
        assert [] == calls
        assert () == registry.covering("63")
        assert calls
