"""Two charts for notebooks and reports: signings over time, coverage per province.

Both need matplotlib (the ``plot`` extra), imported only when a chart is drawn.
Each function draws on the Axes it is given, or on a new pyplot figure (which
Jupyter displays by itself, as it does pandas' and seaborn's plots), and
returns the Axes, so it can be styled further or saved with
``ax.figure.savefig``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ._model import InstitutionKind
from ._query import require
from .exceptions import ValidationError

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

    from ._dataset import Dataset

__all__ = ["plot_coverage", "plot_signings"]

_COLOURS = {"kpu": "#c0392b", "bawaslu": "#2471a3", "other": "#7f8c8d"}


def _check_dataset(dataset: object) -> None:
    from ._dataset import Dataset

    if not isinstance(dataset, Dataset):
        raise ValidationError([("dataset", f"expected a Dataset, got {type(dataset).__name__}")])


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        if not all(hasattr(ax, name) for name in ("bar", "barh", "set_title")):
            raise ValidationError([("ax", f"expected matplotlib Axes, got {type(ax).__name__}")])
        return ax
    require("matplotlib", "plot")
    import matplotlib.pyplot as plt

    # A pyplot figure, as pandas and seaborn make: Jupyter shows it at the end of
    # the cell and plt.show() shows it in a script.  Close it (plt.close(ax.figure))
    # when drawing many in a loop.
    return plt.figure(figsize=size, layout="constrained").add_subplot()


def _month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def plot_signings(dataset: Dataset, *, ax: Axes | None = None) -> Axes:
    """Bar chart of agreements signed per month, stacked by election body.

    An agreement whose date is known only to lie within several months is
    left out, and the title says how many were; one whose possible days all
    fall in one month counts in that month.

    Args:
        dataset: The dataset, e.g. ``pk.load()``.
        ax: Axes to draw on; a new pyplot figure when None (Jupyter shows it).

    Returns:
        The Axes drawn on.

    Raises:
        OptionalDependencyError: matplotlib is not installed.

    Example:
        >>> import pemilu_pks as pk
        >>> ax = pk.plot_signings(pk.load())
        >>> ax.get_ylabel()
        'agreements signed'
    """
    _check_dataset(dataset)
    ax = _axes(ax, (9, 4))
    institutions = dataset.institutions
    counts: dict[str, dict[dt.date, int]] = {body: {} for body in _COLOURS}
    undated = 0
    for agreement in dataset.agreements:
        first = agreement.signing.date.first_possible()
        last = agreement.signing.date.last_possible()
        if first is None or last is None or _month(first) != _month(last):
            undated += 1
            continue
        kinds = {
            institution.kind
            for party in agreement.parties
            if (institution := institutions.get(party.institution)) is not None
        }
        body = (
            "kpu"
            if InstitutionKind.KPU in kinds
            else "bawaslu"
            if InstitutionKind.BAWASLU in kinds
            else "other"
        )
        month = _month(first)
        counts[body][month] = counts[body].get(month, 0) + 1

    months = sorted({month for per_body in counts.values() for month in per_body})
    bottom = [0] * len(months)
    positions = list(range(len(months)))
    for body, per_body in counts.items():
        heights = [per_body.get(month, 0) for month in months]
        if any(heights):
            label = "KPU" if body == "kpu" else "Bawaslu" if body == "bawaslu" else "other"
            ax.bar(positions, heights, bottom=bottom, color=_COLOURS[body], label=label, width=0.8)
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_xticks(positions, [month.strftime("%b %Y") for month in months], rotation=60, ha="right")
    ax.set_ylabel("agreements signed")
    title = "Agreements signed per month"
    if undated:
        title += f" ({undated} with a date uncertain across months not shown)"
    ax.set_title(title, fontsize="medium")
    if months:
        ax.legend(frameon=False)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return ax


def plot_coverage(dataset: Dataset, *, body: str | None = None, ax: Axes | None = None) -> Axes:
    """Horizontal bars per province: regencies and cities with a documented agreement.

    Each bar's full length is the number of regencies and cities in the
    province; the dark part, those with a documented agreement of *body*.

    Args:
        dataset: The dataset, e.g. ``pk.load()``.
        body: ``"kpu"``, ``"bawaslu"`` or None (either).
        ax: Axes to draw on; a new pyplot figure when None (Jupyter shows it).

    Returns:
        The Axes drawn on.

    Raises:
        OptionalDependencyError: matplotlib is not installed.
        ValidationError: *body* is not an allowed value.

    Example:
        >>> import pemilu_pks as pk
        >>> ax = pk.plot_coverage(pk.load(), body="kpu")
        >>> len(ax.get_yticklabels())
        38
    """
    _check_dataset(dataset)
    table = dataset.coverage(level="regency", body=body)
    ax = _axes(ax, (8, 10))
    groups: list[dict[str, Any]] = list(reversed(table.by_province()))
    positions = list(range(len(groups)))
    colour = _COLOURS.get(body or "kpu", _COLOURS["kpu"])
    ax.barh(
        positions, [g["regions"] for g in groups], color="#e5e7e9", label="all regencies and cities"
    )
    ax.barh(
        positions, [g["covered"] for g in groups], color=colour, label="with a documented agreement"
    )
    ax.set_yticks(positions, [g["province_name"] for g in groups], fontsize="small")
    ax.set_xlabel("regencies and cities")
    summary = table.summary()
    who = {"kpu": "KPU", "bawaslu": "Bawaslu"}.get(body or "", "KPU or Bawaslu")
    ax.set_title(
        f"{who}–police agreements documented: {summary['covered']} of {summary['regions']} regencies and cities",
        fontsize="medium",
    )
    ax.legend(frameon=False, loc="lower right")
    ax.margins(y=0.01)
    return ax
