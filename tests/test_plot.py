"""The two charts render (Agg backend) from a dataset and say what they show."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest

import pemilu_pks as pk
from query_data import write_dataset

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    """Each test's pyplot figures are closed after it (pyplot keeps them otherwise)."""
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory) -> pk.Dataset:
    """The hand-made dataset of query_data."""
    return pk.Dataset.from_path(write_dataset(tmp_path_factory.mktemp("data")))


def png(ax: object) -> bytes:
    """The Axes' figure rendered as PNG."""
    buffer = io.BytesIO()
    ax.figure.savefig(buffer, format="png")  # type: ignore[attr-defined]
    return buffer.getvalue()


class TestSignings:
    """plot_signings: agreements per month, by body."""

    def test_renders(self, ds: pk.Dataset) -> None:
        """It draws one bar per month and body, and notes the agreement dated across months."""
        ax = pk.plot_signings(ds)
        assert png(ax).startswith(b"\x89PNG")
        months = [label.get_text() for label in ax.get_xticklabels()]
        assert ["Dec 2022", "Sep 2023", "Nov 2023", "Jan 2024"] == months
        heights = sorted(int(bar.get_height()) for bar in ax.patches if bar.get_height())  # type: ignore[attr-defined]
        assert [1, 1, 1, 1, 1] == heights
        assert "1 with a date uncertain across months" in ax.get_title()

    def test_draws_on_given_axes(self, ds: pk.Dataset) -> None:
        """Given Axes are drawn on and returned."""
        from matplotlib.figure import Figure

        ax = Figure().add_subplot()
        assert ax is pk.plot_signings(ds, ax=ax)


class TestCoverage:
    """plot_coverage: regencies per province with an agreement."""

    def test_renders(self, ds: pk.Dataset) -> None:
        """38 provinces, two bars each; the title states the count."""
        ax = pk.plot_coverage(ds, body="kpu")
        assert png(ax).startswith(b"\x89PNG")
        assert 38 == len(ax.get_yticklabels())
        assert 76 == len(ax.patches)
        assert "3 of 514" in ax.get_title()
        assert "Sumatera Utara" in [label.get_text() for label in ax.get_yticklabels()]


class TestDisplay:
    """Without an Axes the charts display by themselves in Jupyter, as pandas' plots do."""

    @pytest.mark.parametrize("draw", [pk.plot_signings, pk.plot_coverage])
    def test_new_figure_is_a_pyplot_figure(self, ds: pk.Dataset, draw: Any) -> None:
        """The figure is registered with pyplot, which Jupyter's inline backend shows after the cell."""
        import matplotlib.pyplot as plt

        ax = draw(ds)
        assert plt.fignum_exists(ax.figure.number)
        assert ax.figure is plt.gcf()

    def test_given_axes_make_no_figure(self, ds: pk.Dataset) -> None:
        """Drawing on given Axes opens no pyplot figure."""
        import matplotlib.pyplot as plt
        from matplotlib.figure import Figure

        pk.plot_signings(ds, ax=Figure().add_subplot())
        assert [] == plt.get_fignums()


class TestWithoutMatplotlib:
    """A missing extra is a clear error."""

    def test_missing_matplotlib(self, ds: pk.Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without matplotlib the error names the extra to install."""
        import sys

        monkeypatch.setitem(sys.modules, "matplotlib", None)
        with pytest.raises(
            pk.OptionalDependencyError, match=r"pip install matplotlib.*'plot' extra"
        ):
            pk.plot_signings(ds)
