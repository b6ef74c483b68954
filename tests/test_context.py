"""Collections built without their context answer from their own records or say what they need."""

from __future__ import annotations

import datetime as dt

import pytest

import pemilu_pks as pk
from pemilu_pks import Institution, InstitutionKind, JurisdictionArea


@pytest.fixture
def institutions() -> list[Institution]:
    """A KPU and the Polda covering its province (not the bundled records)."""
    return [
        Institution(id="kpu-63", kind=InstitutionKind.KPU, name="KPU Provinsi Kalimantan Selatan", region="63", aliases=("KPU Kalsel",)),
        Institution(id="polda-kalimantan-selatan", kind=InstitutionKind.POLDA, name="Polda Kalimantan Selatan", region="63", jurisdiction=(JurisdictionArea(region="63"),)),
    ]  # fmt: skip


@pytest.fixture
def agreements() -> list[pk.Agreement]:
    """One agreement between the two, signed on a known day."""
    return [
        pk.Agreement(
            id="2023-09-25-kpu-63-polda",
            instrument=pk.Instrument.PKS,
            title="PKS pengamanan Pemilu 2024",
            parties=(
                pk.Party(institution="kpu-63"),
                pk.Party(institution="polda-kalimantan-selatan"),
            ),
            signing=pk.Signing(date=pk.UncertainDate.exact(dt.date(2023, 9, 25))),
            sources=(pk.SourceRef(source="a-report"),),
        )
    ]


class TestInstitutionsWithoutRegions:
    """An institution registry built without regions never reads the bundled ones."""

    def test_names_resolve_from_the_records(self, institutions: list[Institution]) -> None:
        """Ids, names and aliases need no regions."""
        registry = pk.Institutions(institutions)
        assert "kpu-63" == registry.lookup("KPU Kalsel").id
        assert "polda-kalimantan-selatan" == registry.lookup("Polda Kalimantan Selatan").id

    def test_a_region_name_says_it_needs_regions(self, institutions: list[Institution]) -> None:
        """A body word and a region name is an error naming the missing regions."""
        registry = pk.Institutions(institutions)
        with pytest.raises(pk.PemiluPksError, match=r"built without regions.*regions="):
            registry.lookup("Polda Kalsel")
        with pytest.raises(pk.PemiluPksError, match="built without regions"):
            registry.covering("63.71")

    def test_a_region_object_needs_no_regions(self, institutions: list[Institution]) -> None:
        """Coverage of a Region reads only the codes, so it works alone."""
        registry = pk.Institutions(institutions)
        city = pk.load().regions.get("63.71")
        assert city is not None
        assert ["polda-kalimantan-selatan"] == [i.id for i in registry.covering(city)]


class TestAgreementsWithoutContext:
    """An agreement collection built alone answers from its own records."""

    def test_own_fields_filter(self, agreements: list[pk.Agreement]) -> None:
        """Dates, instrument and text filters read only the agreements."""
        alone = pk.Agreements(agreements)
        assert ("2023-09-25-kpu-63-polda",) == alone.filter(
            signed_from="2023-09", instrument="pks", text="pengamanan"
        ).ids

    def test_rows_name_parties_by_id(self, agreements: list[pk.Agreement]) -> None:
        """Without institutions, a row lists the parties' ids."""
        row = pk.Agreements(agreements).row(agreements[0])
        assert "kpu-63; polda-kalimantan-selatan" == row["parties"]
        assert "a-report" == row["sources"]

    @pytest.mark.parametrize(
        ("criterion", "missing"),
        [
            ({"body": "kpu"}, "institutions"),
            ({"institution": "kpu-63"}, "institutions"),
            ({"region": "63"}, "institutions"),
        ],
    )
    def test_party_filters_say_what_they_need(
        self, agreements: list[pk.Agreement], criterion: dict[str, str], missing: str
    ) -> None:
        """A filter that reads the parties raises, naming what was not given."""
        with pytest.raises(pk.PemiluPksError, match=f"built without {missing}"):
            pk.Agreements(agreements).filter(**criterion)  # type: ignore[arg-type]

    def test_region_filter_needs_regions(
        self, agreements: list[pk.Agreement], institutions: list[Institution]
    ) -> None:
        """With institutions but no regions, a region filter names the regions."""
        collection = pk.Agreements(agreements, institutions=pk.Institutions(institutions))
        assert ("2023-09-25-kpu-63-polda",) == collection.filter(body="kpu").ids
        with pytest.raises(pk.PemiluPksError, match="built without regions"):
            collection.filter(region="Kalsel")

    def test_given_context_is_used(
        self, agreements: list[pk.Agreement], institutions: list[Institution]
    ) -> None:
        """With both, region names resolve and parties are named."""
        regions = pk.load().regions
        registry = pk.Institutions(institutions, regions=regions)
        collection = pk.Agreements(agreements, regions=regions, institutions=registry)
        assert ("2023-09-25-kpu-63-polda",) == collection.filter(region="Banjarmasin").ids
        assert (
            "KPU Provinsi Kalimantan Selatan; Polda Kalimantan Selatan"
            == (collection.row(agreements[0])["parties"])
        )
