"""What a notebook shows: the dataset, the regions and coverage tables as HTML."""

from __future__ import annotations

import re

import pemilu_pks as pk


def _html(obj: object) -> str:
    """What Jupyter shows for *obj* (its _repr_html_, added at import)."""
    return str(obj._repr_html_())  # type: ignore[attr-defined]


def _cells(html: str) -> list[str]:
    """The text of the table cells, in order."""
    return re.findall(r"<td[^>]*>(.*?)</td>", html)


class TestDatasetAndRegions:
    """The dataset and the region hierarchy have HTML views."""

    def test_dataset(self) -> None:
        """The dataset shows its version and how many records of each type it holds."""
        ds = pk.load()
        html = _html(ds)
        assert f"Dataset {ds.version}" in html
        for what, count in (("agreements", len(ds.agreements)), ("people", len(ds.people))):
            assert re.search(rf">{what}</th><td[^>]*>{count:,}</td>", html), what

    def test_regions(self) -> None:
        """The regions show counts by level, which add up, and the 38 provinces."""
        regions = pk.load().regions
        html = _html(regions)
        counts = [int(c.replace(",", "")) for c in _cells(html)[:5]]
        assert len(regions) == 1 + sum(counts)
        assert [38, 416, 98] == counts[:3]
        assert "<td>Kalimantan Selatan</td>" in html


class TestCoverageView:
    """A coverage table leads with its summary and its covered rows."""

    def test_summary_then_covered_rows(self) -> None:
        """The summary comes before the table; covered rows come before the gaps."""
        table = pk.load().coverage(level="province")
        html = table._repr_html_()
        summary = table.summary()
        assert html.index(f"{summary['covered']} of {summary['regions']} provinces") < html.index(
            "<table"
        )
        rows = re.findall(r"<tr><td>(\d+)</td>", html)
        covered = [row.region for row in table.covered]
        assert covered == rows[: len(covered)]
        assert [row.region for row in table.uncovered] == rows[len(covered) :]
