"""Agreement queries: each filter, the region rule, dates, lineage and result sets."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import threading
from pathlib import Path

import pytest

import pemilu_pks as pk
from query_data import (
    ALL,
    BANJARMASIN,
    KALSEL_BAWASLU,
    KALSEL_KPU,
    MOU,
    SULSEL,
    TAPSEL,
    write_dataset,
)


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory) -> pk.Dataset:
    """The hand-made dataset of query_data."""
    return pk.Dataset.from_path(write_dataset(tmp_path_factory.mktemp("data")))


@pytest.fixture
def agreements(ds: pk.Dataset) -> pk.Agreements:
    """Its agreements."""
    return ds.agreements


class TestRegion:
    """filter(region=...): the region, its subregions, and police jurisdictions covering it."""

    def test_province_by_abbreviation(self, agreements: pk.Agreements) -> None:
        """Kalsel matches its province and city agreements, not the national MoU."""
        assert (KALSEL_BAWASLU, KALSEL_KPU, BANJARMASIN) == agreements.filter(region="Kalsel").ids

    def test_province_by_code_and_region(self, ds: pk.Dataset, agreements: pk.Agreements) -> None:
        """A code and a Region object select the same as the name."""
        by_name = agreements.filter(region="Kalsel")
        assert by_name == agreements.filter(region="63")
        assert by_name == agreements.filter(region=ds.regions.get("63"))

    def test_city_is_covered_by_the_polda(self, agreements: pk.Agreements) -> None:
        """Banjarmasin gets its own agreement and the Polda's, whose jurisdiction covers it."""
        assert (KALSEL_BAWASLU, KALSEL_KPU, BANJARMASIN) == agreements.filter(region="63.71").ids

    def test_district_inherits_covering_jurisdictions(self, agreements: pk.Agreements) -> None:
        """A district of Banjarmasin is covered by the Polresta and the Polda."""
        district = "63.71.01"
        assert (KALSEL_BAWASLU, KALSEL_KPU, BANJARMASIN) == agreements.filter(region=district).ids

    def test_police_jurisdiction_across_regencies(self, agreements: pk.Agreements) -> None:
        """Padang Lawas Utara matches the Polres Tapanuli Selatan agreement."""
        assert (TAPSEL,) == agreements.filter(region="12.20").ids

    def test_country_matches_everything(self, agreements: pk.Agreements) -> None:
        """Region ID (Indonesia) selects every agreement."""
        assert ALL == agreements.filter(region="ID").ids

    def test_other_province_matches_nothing(self, agreements: pk.Agreements) -> None:
        """A province with no party and no police area in it has no agreements (not even the MoU)."""
        assert () == agreements.filter(region="Aceh").ids

    def test_index_equals_linear_scan(self, ds: pk.Dataset, agreements: pk.Agreements) -> None:
        """For every province and a few regencies, the index gives what a scan gives."""
        codes = [r.code for r in ds.regions.children("ID")] + ["63.71", "12.03", "12.20", "73.71"]
        for code in codes:
            assert agreements._scan_region(code) == agreements.filter(region=code), code

    def test_unknown_region(self, agreements: pk.Agreements) -> None:
        """An unknown name raises NotFoundError."""
        with pytest.raises(pk.NotFoundError):
            agreements.filter(region="Atlantis")

    def test_unknown_code(self, agreements: pk.Agreements) -> None:
        """A well-formed code no region has raises NotFoundError naming it."""
        with pytest.raises(pk.NotFoundError, match=r"99\.99"):
            agreements.filter(region="99.99")

    def test_ambiguous_region(self, agreements: pk.Agreements) -> None:
        """Malang (a kabupaten and a kota) raises AmbiguousError."""
        with pytest.raises(pk.AmbiguousError):
            agreements.filter(region="Malang")


class TestOtherFilters:
    """body, institution, instrument, scope, text and implements."""

    def test_body(self, agreements: pk.Agreements) -> None:
        """Body selects agreements with a party of that kind, as a string or an enum."""
        assert (KALSEL_BAWASLU, SULSEL) == agreements.filter(body="bawaslu").ids
        assert agreements.filter(body="KPU") == agreements.filter(body=pk.InstitutionKind.KPU)
        assert (MOU, KALSEL_KPU, TAPSEL, BANJARMASIN) == agreements.filter(body="kpu").ids

    def test_institution_by_name_and_id(self, agreements: pk.Agreements) -> None:
        """Institution takes an id or a name the registry knows."""
        assert (SULSEL,) == agreements.filter(institution="polda-sulawesi-selatan").ids
        assert (KALSEL_BAWASLU, KALSEL_KPU) == agreements.filter(institution="Polda Kalsel").ids

    def test_unknown_institution(self, agreements: pk.Agreements) -> None:
        """An institution nobody knows raises NotFoundError."""
        with pytest.raises(pk.NotFoundError):
            agreements.filter(institution="Polda Atlantis")

    def test_instrument(self, agreements: pk.Agreements) -> None:
        """Instrument selects by kind of instrument."""
        assert (MOU,) == agreements.filter(instrument="mou").ids
        assert 5 == len(agreements.filter(instrument=pk.Instrument.PKS))

    def test_scope_one_and_several(self, agreements: pk.Agreements) -> None:
        """Scope takes one item or several, all of which must be listed."""
        assert (MOU, KALSEL_BAWASLU, KALSEL_KPU, SULSEL) == agreements.filter(
            scope="law_enforcement"
        ).ids
        both = agreements.filter(scope=[pk.ScopeItem.DATA_EXCHANGE, "security_assistance"])
        assert (MOU, TAPSEL) == both.ids

    def test_text_searches_names_venues_and_notes(self, agreements: pk.Agreements) -> None:
        """Text finds signatory names, venues, notes and institution aliases, case-insensitively."""
        assert (KALSEL_KPU,) == agreements.filter(text="andi rian").ids
        assert (BANJARMASIN,) == agreements.filter(text="BALAIKOTA").ids
        assert (BANJARMASIN,) == agreements.filter(text="spells the venue").ids
        assert (TAPSEL,) == agreements.filter(text="polres tapsel").ids
        assert () == agreements.filter(text="andi kalimantan utara").ids

    def test_criteria_combine(self, agreements: pk.Agreements) -> None:
        """Every criterion must hold."""
        assert (KALSEL_KPU,) == agreements.filter(
            region="Kalsel", body="kpu", scope="law_enforcement"
        ).ids

    def test_selection_refines(self, agreements: pk.Agreements) -> None:
        """A selection can be filtered further."""
        assert (KALSEL_KPU,) == agreements.filter(region="Kalsel").filter(
            body="kpu", signed_to="2023-09"
        ).ids

    @pytest.mark.parametrize(
        ("criterion", "value"),
        [("body", "pkb"), ("instrument", "treaty"), ("scope", "catering"), ("dates", "maybe")],
    )
    def test_bad_values(self, agreements: pk.Agreements, criterion: str, value: str) -> None:
        """A value outside the vocabulary raises ValidationError naming the criterion."""
        with pytest.raises(pk.ValidationError, match=criterion):
            agreements.filter(**{criterion: value})  # type: ignore[arg-type]


class TestDates:
    """signed_from / signed_to, with possible or certain dates."""

    def test_possible_is_the_default(self, agreements: pk.Agreements) -> None:
        """A date that may fall in 2024 is kept by default and dropped with dates='certain'."""
        assert (BANJARMASIN, SULSEL) == agreements.filter(signed_from="2024", signed_to="2024").ids
        certain = agreements.filter(signed_from="2024", signed_to="2024", dates="certain")
        assert (SULSEL,) == certain.ids

    def test_dates_and_strings_are_the_same(self, agreements: pk.Agreements) -> None:
        """A date object and its ISO string select the same."""
        assert agreements.filter(
            signed_from=dt.date(2023, 9, 25), signed_to=dt.date(2023, 9, 25)
        ) == (agreements.filter(signed_from="2023-09-25", signed_to="2023-09-25"))

    def test_month_bounds(self, agreements: pk.Agreements) -> None:
        """YYYY-MM means the month's first day as a start and last day as an end."""
        assert (TAPSEL,) == agreements.filter(
            signed_from="2023-11", signed_to="2023-11", dates="certain"
        ).ids
        assert (TAPSEL,) == agreements.filter(signed_from="2023-10", signed_to="2023-11").ids

    def test_open_ended(self, agreements: pk.Agreements) -> None:
        """Only one bound is needed."""
        assert (MOU,) == agreements.filter(signed_to="2022").ids

    @pytest.mark.parametrize("value", ["2023-13-01", "25/09/2023", "soon", "2023-02-30"])
    def test_malformed_date(self, agreements: pk.Agreements, value: str) -> None:
        """A malformed bound raises DateParseError naming the value."""
        with pytest.raises(pk.DateParseError, match=re.escape(value)):
            agreements.filter(signed_from=value)

    def test_reversed_bounds(self, agreements: pk.Agreements) -> None:
        """An end before the start is an error, not an empty result."""
        with pytest.raises(pk.DateParseError, match="before"):
            agreements.filter(signed_from="2024", signed_to="2023")


class TestLineage:
    """Implementing agreements, ceremonies and chains of parents."""

    def test_implementing_the_mou(self, agreements: pk.Agreements) -> None:
        """The agreements naming the MoU as parent."""
        expected = (KALSEL_BAWASLU, KALSEL_KPU, TAPSEL, BANJARMASIN)
        assert expected == agreements.implementing(MOU).ids
        assert expected == agreements.filter(implements=MOU).ids
        assert expected == agreements.implementing(agreements.lookup(MOU), transitive=True).ids

    def test_nothing_implements_a_pks(self, agreements: pk.Agreements) -> None:
        """A leaf agreement has no implementing ones."""
        assert () == agreements.implementing(SULSEL).ids

    def test_same_ceremony_both_ways(self, agreements: pk.Agreements) -> None:
        """Related is read in both directions."""
        assert (KALSEL_BAWASLU,) == agreements.same_ceremony(KALSEL_KPU).ids
        assert (KALSEL_KPU,) == agreements.same_ceremony(KALSEL_BAWASLU).ids
        assert () == agreements.same_ceremony(SULSEL).ids

    def test_lineage_chain(self, agreements: pk.Agreements) -> None:
        """Lineage walks up to the MoU."""
        assert (KALSEL_KPU, MOU) == tuple(a.id for a in agreements.lineage(KALSEL_KPU))

    def test_unknown_agreement(self, agreements: pk.Agreements) -> None:
        """Lineage of an unknown id raises NotFoundError."""
        with pytest.raises(pk.NotFoundError):
            agreements.implementing("2099-01-01-nothing")


class TestIndex:
    """The indexes are built once, lazily, safely across threads."""

    def test_built_once_across_threads(self, tmp_path: Path) -> None:
        """Concurrent first queries share one index."""
        agreements = pk.Dataset.from_path(write_dataset(tmp_path)).agreements
        results: list[tuple[str, ...]] = []
        threads = [
            threading.Thread(target=lambda: results.append(agreements.filter(region="63").ids))
            for _ in range(8)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        index = agreements._index
        assert [results[0]] * 8 == results
        agreements.build_index()
        assert index is agreements._index


class TestSelection:
    """Result sets: sized, iterable, exportable."""

    def test_sequence_behaviour(self, agreements: pk.Agreements) -> None:
        """A selection has a length, order, indexing, membership and a readable repr."""
        selection = agreements.filter(region="Kalsel")
        assert 3 == len(selection)
        assert KALSEL_BAWASLU == selection[0].id
        assert KALSEL_KPU in selection
        assert selection[0] in selection
        assert repr(selection).startswith("<Selection: 3 agreements")

    def test_rows_and_csv(self, agreements: pk.Agreements) -> None:
        """Rows are flat and resolve names and source URLs; CSV has the same content."""
        selection = agreements.filter(institution="Polda Kalsel", body="kpu")
        [row] = selection.to_rows()
        assert "KPU Provinsi Kalimantan Selatan; Polda Kalimantan Selatan" == row["parties"]
        assert "https://example.org/2" == row["sources"]
        assert "2023-09-25" == row["signed"]
        assert row["signatories"].startswith("Andi Rian Djajadi (Kapolda Kalimantan Selatan")
        [parsed] = list(csv.DictReader(io.StringIO(selection.to_csv())))
        assert {k: ("" if v is None else str(v)) for k, v in row.items()} == parsed

    def test_csv_to_file(self, agreements: pk.Agreements, tmp_path: Path) -> None:
        """to_csv(path) writes the file too."""
        path = tmp_path / "out.csv"
        text = agreements.filter(body="bawaslu").to_csv(path)
        assert text == path.read_text(encoding="utf-8")

    def test_to_pandas(self, agreements: pk.Agreements) -> None:
        """to_pandas gives one row per record with the row columns."""
        frame = agreements.filter(body="kpu").to_pandas()
        assert [MOU, KALSEL_KPU, TAPSEL, BANJARMASIN] == list(frame["id"])
        assert "signed_earliest" in frame.columns

    def test_to_json_round_trip(self, agreements: pk.Agreements) -> None:
        """to_json is the library's JSON, readable back."""
        selection = agreements.filter(body="bawaslu")
        assert list(selection) == pk.from_json(selection.to_json(), list[pk.Agreement])

    def test_html(self, agreements: pk.Agreements) -> None:
        """Selections, collections and records render as HTML tables, escaped."""
        html = agreements.filter(region="Kalsel")._repr_html_()
        assert html.startswith("<table")
        assert "3 agreements" in html
        assert "Polda Kalimantan Selatan" in html
        record_html = agreements.lookup(KALSEL_KPU)._repr_html_()  # type: ignore[attr-defined]
        assert "Andi Rian Djajadi" in record_html
        assert "<script" not in record_html
        assert "6 agreements" in agreements._repr_html_()
