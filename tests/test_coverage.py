"""Coverage tables: one row per region, covered by an election body's own agreement."""

from __future__ import annotations

import csv
import io

import pytest

import pemilu_pks as pk
from query_data import BANJARMASIN, KALSEL_BAWASLU, KALSEL_KPU, SULSEL, TAPSEL, write_dataset


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory) -> pk.Dataset:
    """The hand-made dataset of query_data."""
    return pk.Dataset.from_path(write_dataset(tmp_path_factory.mktemp("data")))


def rows_by_code(table: pk.Coverage) -> dict[str, pk.CoverageRow]:
    """The rows of a coverage table by region code."""
    return {row.region: row for row in table}


class TestRows:
    """Which regions are covered, by which agreements."""

    def test_regency_level_has_every_regency_and_city(self, ds: pk.Dataset) -> None:
        """514 rows at regency level (regencies and cities), in code order."""
        table = ds.coverage(level="regency", body="kpu")
        assert 514 == len(table)
        codes = [r.region for r in table]
        assert sorted(codes) == codes
        assert {pk.RegionLevel.REGENCY, pk.RegionLevel.CITY} == {r.level for r in table}

    def test_province_level(self, ds: pk.Dataset) -> None:
        """38 rows at province level; KPU Kalsel's agreement covers Kalimantan Selatan only."""
        table = ds.coverage(level="province", body="kpu")
        assert 38 == len(table)
        assert ["63"] == [row.region for row in table.covered]
        assert (KALSEL_KPU,) == rows_by_code(table)["63"].agreements
        assert ("https://example.org/2",) == rows_by_code(table)["63"].sources

    def test_regency_rows(self, ds: pk.Dataset) -> None:
        """A three-party agreement covers both regencies; a province agreement covers none."""
        table = rows_by_code(ds.coverage(level="regency", body="kpu"))
        assert (TAPSEL,) == table["12.03"].agreements
        assert (TAPSEL,) == table["12.20"].agreements
        assert (BANJARMASIN,) == table["63.71"].agreements
        assert not table["63.72"].covered
        assert "Sumatera Utara" == table["12.20"].province_name

    def test_body(self, ds: pk.Dataset) -> None:
        """Body narrows to one kind of election body; None takes either."""
        bawaslu = ds.coverage(level="province", body="bawaslu")
        assert ["63", "73"] == [row.region for row in bawaslu.covered]
        assert (SULSEL,) == rows_by_code(bawaslu)["73"].agreements
        either = rows_by_code(ds.coverage(level="province"))
        assert (KALSEL_BAWASLU, KALSEL_KPU) == either["63"].agreements

    def test_national_mou_covers_no_province(self, ds: pk.Dataset) -> None:
        """KPU RI's MoU is national: it covers no single province."""
        table = ds.coverage(level="province", body="kpu")
        assert all("kpu-ri" not in a for row in table for a in row.agreements)

    @pytest.mark.parametrize(("level", "body"), [("district", None), ("regency", "polda")])
    def test_bad_arguments(self, ds: pk.Dataset, level: str, body: str | None) -> None:
        """Unknown levels and bodies raise ValidationError naming the argument."""
        with pytest.raises(pk.ValidationError, match="level" if body is None else "body"):
            ds.coverage(level=level, body=body)


class TestSummary:
    """Counts and exports."""

    def test_summary(self, ds: pk.Dataset) -> None:
        """summary() counts regions, covered and distinct agreements."""
        summary = ds.coverage(level="regency", body="kpu").summary()
        assert {
            "level": "regency",
            "body": "kpu",
            "regions": 514,
            "covered": 3,
            "uncovered": 511,
            "share_covered": round(3 / 514, 4),
            "agreements": 2,
            "with_police": 3,
            "with_stated_police": 0,
        } == summary

    def test_by_province(self, ds: pk.Dataset) -> None:
        """by_province() groups the rows; the counts add up."""
        groups = ds.coverage(level="regency", body="kpu").by_province()
        assert 38 == len(groups)
        assert 514 == sum(g["regions"] for g in groups)
        sumut = next(g for g in groups if g["province"] == "12")
        assert 2 == sumut["covered"]

    def test_csv_pandas_html(self, ds: pk.Dataset) -> None:
        """CSV, pandas and HTML carry one row per region."""
        table = ds.coverage(level="province", body="bawaslu")
        rows = list(csv.DictReader(io.StringIO(table.to_csv())))
        assert 38 == len(rows)
        assert {"region", "name", "province_name", "covered", "agreements", "sources"} <= set(
            rows[0]
        )
        frame = table.to_pandas()
        assert 2 == int(frame["covered"].sum())
        assert "2 of 38 provinces" in table._repr_html_()
        assert "2 of 38 regions covered" in repr(table)


class TestCoveringPolice:
    """Each row names the police units covering its region, with their basis."""

    def test_presumed_by_default(self, ds: pk.Dataset) -> None:
        """An area without a basis in the JSON is presumed, and the row says so."""
        row = rows_by_code(ds.coverage(level="regency", body="kpu"))["12.03"]
        assert [pk.Basis.PRESUMED] == [unit.basis for unit in row.police]

    def test_bundled_stated_and_signed(self) -> None:
        """Padang Lawas Utara: Polres Tapanuli Selatan, stated, signed with its KPU."""
        table = pk.load().coverage(level="regency", body="kpu", on="2024-02-14")
        row = rows_by_code(table)["12.20"]
        expected = pk.CoveringUnit(
            institution="polres-tapanuli-selatan",
            name="Polres Tapanuli Selatan",
            extent=pk.Extent.WHOLE,
            basis=pk.Basis.STATED,
            signed=True,
        )
        assert (expected,) == row.police
        assert row.signed_with_covering_police
        assert "Polres Tapanuli Selatan (stated, signed)" == str(expected)

    @pytest.mark.parametrize(
        ("on", "expected"),
        [("2024-02-14", ["polda-papua"]), ("2024-12-01", ["polda-papua-tengah"])],
    )
    def test_province_level_names_the_polda_of_the_day(self, on: str, expected: list[str]) -> None:
        """Papua Tengah is Polda Papua's on Pemilu day and Polda Papua Tengah's in December 2024."""
        row = rows_by_code(pk.load().coverage(level="province", on=on))["94"]
        assert expected == [unit.institution for unit in row.police]

    def test_bad_day(self, ds: pk.Dataset) -> None:
        """A malformed day is a DateParseError."""
        with pytest.raises(pk.DateParseError):
            ds.coverage(on="14/02/2024")
