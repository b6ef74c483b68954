"""Result sets: what a query returns, as rows, CSV, pandas and HTML.

A :class:`Selection` is an immutable, sized, iterable sequence of records (or
coverage rows) with the exports people reach for next: flat rows for a
spreadsheet, CSV text, a pandas DataFrame and a table in a notebook.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

import attrs

from .exceptions import OptionalDependencyError, PemiluPksError

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["Selection", "flatten", "require"]

T = TypeVar("T")

#: How many rows ``_repr_html_`` shows before it elides the rest.
HTML_ROWS = 50


def require(module: str, extra: str) -> Any:
    """Import *module*, or say which extra installs it.

    Raises:
        OptionalDependencyError: The module is not installed.
    """
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise OptionalDependencyError(
            f"this needs {module.partition('.')[0]}: install it in this environment "
            f"(pip install {module.partition('.')[0]}), or install pemilu-pks with its "
            f"'{extra}' extra"
        ) from None


def scalar(value: Any) -> Any:
    """A value fit for one CSV cell or DataFrame cell: str, int, float, bool or None."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        import json

        from ._converter import unstructure

        return json.dumps(unstructure(dict(value)), ensure_ascii=False, sort_keys=True)
    if isinstance(value, Sequence | frozenset | set):
        return "; ".join(str(scalar(item)) for item in value)
    return str(value)


def flatten(record: Any) -> dict[str, Any]:
    """One flat row for any model object: nested objects become dotted keys.

    Lists of plain values are joined with ``"; "``; lists of objects become
    JSON text, so no information is lost.

    Example:
        >>> import pemilu_pks as pk
        >>> flatten(pk.SourceRef(source="x", supports=("signing", "parties")))
        {'source': 'x', 'supports': 'signing; parties', 'note': None}
    """
    import json

    from ._converter import unstructure

    row: dict[str, Any] = {}

    def visit(key: str, value: Any) -> None:
        if attrs.has(type(value)):
            for field in attrs.fields(type(value)):
                visit(f"{key}.{field.name}" if key else field.name, getattr(value, field.name))
        elif isinstance(value, tuple | list) and any(attrs.has(type(item)) for item in value):
            row[key] = json.dumps(unstructure(list(value)), ensure_ascii=False, sort_keys=True)
        else:
            row[key or "value"] = scalar(value)

    visit("", record)
    return row


#: A cell starting with one of these runs as a formula in spreadsheets (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard_formula(value: Any) -> Any:
    r"""*value* made safe for a spreadsheet: a text starting like a formula gets a leading ``'``.

    A text that already starts with ``'`` gets one more, so :func:`unguard_formula`
    gives back exactly the original.

    Example:
        >>> guard_formula('=HYPERLINK("http://x")'), guard_formula("'quoted"), guard_formula("Kalsel")
        ('\'=HYPERLINK("http://x")', "''quoted", 'Kalsel')
    """
    if isinstance(value, str) and value.startswith((*FORMULA_STARTS, "'")):
        return "'" + value
    return value


def unguard_formula(value: str) -> str:
    """The original of a cell written by :func:`guard_formula`."""
    return value[1:] if value.startswith("'") else value


def rows_to_csv(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str] | None = None,
    *,
    guard_formulas: bool = True,
) -> str:
    """CSV text (with a header row) of flat rows; formulas guarded unless told otherwise."""
    if columns is None:
        columns = list(rows[0]) if rows else []
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    guard = guard_formula if guard_formulas else scalar
    for row in rows:
        writer.writerow({key: guard(scalar(row.get(key))) for key in columns})
    return buffer.getvalue()


def rows_to_html(
    rows: Sequence[Mapping[str, Any]], *, caption: str, columns: Sequence[str] | None = None
) -> str:
    """An HTML table of flat rows for notebooks; at most :data:`HTML_ROWS` rows."""
    from html import escape

    if columns is None:
        columns = list(rows[0]) if rows else []
    head = "".join(f"<th>{escape(str(column))}</th>" for column in columns)
    body = []
    for row in rows[:HTML_ROWS]:
        cells = []
        for column in columns:
            value = scalar(row.get(column))
            text = "" if value is None else str(value)
            if (
                isinstance(value, str)
                and value.startswith(("http://", "https://"))
                and ";" not in value
            ):
                cells.append(f'<td><a href="{escape(value)}">{escape(text)}</a></td>')
            else:
                cells.append(f"<td>{escape(text)}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    more = len(rows) - HTML_ROWS
    if more > 0:
        body.append(f'<tr><td colspan="{len(columns)}">… and {more} more</td></tr>')
    return (
        '<table class="pemilu-pks">'
        f'<caption style="text-align:left">{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


class Selection(Generic[T]):
    """An immutable, ordered result set: sized, iterable, indexable, exportable.

    Queries such as :meth:`Agreements.filter <pemilu_pks.Agreements.filter>`
    return one.  Iterate it for the records; turn it into flat rows, CSV or a
    pandas DataFrame for analysis; in a notebook it shows as a table.

    Args:
        items: The records, in order.
        kind: What the records are, for messages ("agreement").
        row: Makes one flat row (column -> scalar) of a record.
        refine: Runs a further query restricted to these records (``filter``).

    Example:
        >>> import pemilu_pks as pk
        >>> kalsel = pk.load().agreements.filter(region="Kalsel")
        >>> len(kalsel), kalsel[0].id
        (5, '2023-09-25-bawaslu-kalsel-polda-kalsel')
        >>> len(kalsel.filter(body="kpu"))
        3
        >>> kalsel.to_rows()[0]["police"]
        'Polda Kalimantan Selatan'
    """

    __slots__ = ("_items", "_kind", "_refine", "_row")

    def __reduce__(self) -> tuple[Any, ...]:
        # Its rows and refinements are bound to the dataset it came from.
        raise PemiluPksError(
            "a Selection cannot be pickled; send its records (list(selection)) or "
            "ids ([r.id for r in selection]) and select again in the other process"
        )

    def __init__(
        self,
        items: Iterable[T],
        *,
        kind: str,
        row: Callable[[T], dict[str, Any]] = flatten,
        refine: Callable[..., Selection[T]] | None = None,
    ) -> None:
        self._items = tuple(items)
        self._kind = kind
        self._row = row
        self._refine = refine

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...
    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        return self._items[index]

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return any(getattr(record, "id", None) == item for record in self._items)
        return item in self._items

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Selection):
            return NotImplemented
        return self._items == other._items

    __hash__ = None  # type: ignore[assignment] # compares by value, like a tuple of records

    def __repr__(self) -> str:
        plural = "" if len(self) == 1 else "s"
        ids = [getattr(record, "id", None) for record in self._items[:3]]
        shown = ", ".join(repr(i) for i in ids if i is not None)
        more = ", …" if len(self) > 3 else ""
        return f"<Selection: {len(self)} {self._kind}{plural}{': ' if shown else ''}{shown}{more}>"

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the records, in order."""
        return tuple(getattr(record, "id", "") for record in self._items)

    def filter(self, **criteria: Any) -> Selection[T]:
        """Narrow the selection further with the same criteria as the query that made it.

        Raises:
            PemiluPksError: This selection cannot be refined.
        """
        if self._refine is None:
            raise PemiluPksError(f"a selection of {self._kind} records cannot be filtered further")
        narrower = self._refine(**criteria)
        keep = set(narrower)
        return Selection(
            (item for item in self._items if item in keep),
            kind=self._kind,
            row=self._row,
            refine=self._refine,
        )

    def to_rows(self) -> list[dict[str, Any]]:
        """One flat dict per record: column -> str, int, float, bool or None."""
        return [self._row(item) for item in self._items]

    def to_csv(self, path: str | Path | None = None, *, guard_formulas: bool = True) -> str:
        """The rows as CSV text with a header; also written to *path* when given.

        Region codes are text: read the file back with
        ``pandas.read_csv(path, dtype=str, keep_default_na=False)`` so that
        ``"63.10"`` stays ``"63.10"`` (not the number 63.1).

        Args:
            path: A file to write (atomically; a link standing there is refused).
            guard_formulas: Prefix ``'`` to cells a spreadsheet would run as a
                formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
                carriage return) and to cells starting with ``'``.

        Raises:
            OutputError: *path* cannot be written.
        """
        text = rows_to_csv(self.to_rows(), guard_formulas=guard_formulas)
        if path is not None:
            from ._files import output_path, write_file

            write_file(output_path(path, "path"), text.encode("utf-8"))
        return text

    def to_json(self) -> str:
        """The records as a canonical JSON array (the library's JSON format)."""
        from ._json import to_json

        return to_json(list(self._items))

    def to_pandas(self) -> pandas.DataFrame:
        """The rows as a pandas DataFrame (needs the ``pandas`` extra).

        Raises:
            OptionalDependencyError: pandas is not installed.
        """
        pd = require("pandas", "pandas")
        rows = self.to_rows()
        frame: pandas.DataFrame = (
            pd.DataFrame.from_records(rows, columns=list(rows[0])) if rows else pd.DataFrame()
        )
        return frame

    def _repr_html_(self) -> str:
        plural = "" if len(self) == 1 else "s"
        return rows_to_html(self.to_rows(), caption=f"{len(self)} {self._kind}{plural}")
