"""Rich display in Jupyter: records, the dataset and the regions show as small HTML tables.

Importing this module gives the record classes, :class:`~pemilu_pks.Dataset`
and :class:`~pemilu_pks.Regions` a ``_repr_html_`` method (the hook IPython
and Jupyter call); ``pemilu_pks`` imports it, so nothing needs to be done by
users.  Result sets and coverage tables have their own (see
:mod:`pemilu_pks._query` and :mod:`pemilu_pks._coverage`).
"""

from __future__ import annotations

from html import escape
from typing import Any

from ._dataset import Dataset
from ._model import Agreement, Institution, Person, Region, RegionLevel, Source
from ._query import flatten, rows_to_html, scalar
from ._regions import Regions

__all__ = ["dataset_html", "record_html", "regions_html"]

_LINK_PREFIXES = ("http://", "https://")


def _cell(value: Any) -> str:
    text = str(scalar(value))
    if text.startswith(_LINK_PREFIXES) and " " not in text:
        return f'<a href="{escape(text)}">{escape(text)}</a>'
    return escape(text)


def record_html(record: Any) -> str:
    """An HTML table of a record's non-empty fields, headed by its type and id or code.

    Example:
        >>> import pemilu_pks as pk
        >>> "Kalimantan Selatan" in pk.load().regions.get("63")._repr_html_()
        True
    """
    title = getattr(record, "id", None) or getattr(record, "code", "")
    heading = f"{type(record).__name__} {title}".strip()
    if isinstance(record, Agreement):
        rows = _agreement_rows(record)
    else:
        rows = [(key, value) for key, value in flatten(record).items() if value not in (None, "")]
    body = "".join(
        f'<tr><th style="text-align:left;vertical-align:top">{escape(key)}</th>'
        f'<td style="text-align:left">{_cell(value)}</td></tr>'
        for key, value in rows
    )
    return (
        '<table class="pemilu-pks-record">'
        f'<caption style="text-align:left"><strong>{escape(heading)}</strong></caption>'
        f"<tbody>{body}</tbody></table>"
    )


def _agreement_rows(agreement: Agreement) -> list[tuple[str, Any]]:
    date = agreement.signing.date
    rows: list[tuple[str, Any]] = [
        ("instrument", agreement.instrument_term or agreement.instrument.value),
        ("title", agreement.title),
        ("signed", f"{date}" + (f" (“{date.text}”)" if date.text else "")),
        ("date reasoning", date.reasoning),
        ("where", ", ".join(x for x in (agreement.signing.venue, agreement.signing.city) if x)),
    ]
    for number, party in enumerate(agreement.parties, 1):
        detail = ", ".join(x for x in (party.name_as_written, party.document_number) if x)
        rows.append((f"party {number}", party.institution + (f" ({detail})" if detail else "")))
    for signatory in agreement.signatories:
        who = " ".join(x for x in (signatory.rank_as_written, signatory.name or "(not named)") if x)
        post = signatory.post or signatory.party
        rows.append(("signed by", f"{who}, {post}"))
    rows += [
        ("scope", ", ".join(item.value for item in agreement.scope)),
        ("scope text", agreement.scope_text),
        ("implements", agreement.parent or agreement.parent_text),
        ("same ceremony", ", ".join(agreement.related)),
        ("figures", ", ".join(f"{f.key}: {f.value}" for f in agreement.figures)),
    ]
    rows += [("source", ref.source) for ref in agreement.sources]
    rows += [("note", note) for note in agreement.notes]
    rows.append(("confidence", agreement.confidence.value))
    return [(key, value) for key, value in rows if value not in (None, "")]


def _repr_html_(self: Any) -> str:
    return record_html(self)


# Frozen, slotted attrs classes still accept class attributes.
for _cls in (Agreement, Institution, Person, Region, Source):
    setattr(_cls, "_repr_html_", _repr_html_)  # noqa: B010 - mypy cannot see attributes added this way


def _counts_table(caption: str, rows: list[tuple[str, int]]) -> str:
    body = "".join(
        f'<tr><th style="text-align:left">{escape(what)}</th>'
        f'<td style="text-align:right">{count:,}</td></tr>'
        for what, count in rows
    )
    return (
        '<table class="pemilu-pks-counts">'
        f'<caption style="text-align:left"><strong>{escape(caption)}</strong></caption>'
        f"<tbody>{body}</tbody></table>"
    )


def dataset_html(dataset: Dataset) -> str:
    """The dataset in a notebook: its version and what it holds.

    Example:
        >>> import pemilu_pks as pk
        >>> "agreements" in pk.load()._repr_html_()
        True
    """
    kinds: dict[str, int] = {}
    for institution in dataset.institutions:
        kinds[institution.kind.value] = kinds.get(institution.kind.value, 0) + 1
    rows = [
        ("agreements", len(dataset.agreements)),
        ("institutions", len(dataset.institutions)),
        *((f"institutions: {kind}", count) for kind, count in sorted(kinds.items())),
        ("people", len(dataset.people)),
        ("sources", len(dataset.sources)),
        ("regions", len(dataset.regions)),
    ]
    where = f" from {dataset.path}" if dataset.path is not None else ""
    return _counts_table(f"Dataset {dataset.version}{where}", rows)


def regions_html(regions: Regions) -> str:
    """The region hierarchy in a notebook: counts by level and the provinces.

    Reads the province, regency and district tables; villages are counted,
    not read.

    Example:
        >>> import pemilu_pks as pk
        >>> "Kalimantan Selatan" in pk.load().regions._repr_html_()
        True
    """
    provinces = regions.children("ID")
    below = {p.code: regions.children(p) for p in provinces}
    regencies = sum(r.level is RegionLevel.REGENCY for rs in below.values() for r in rs)
    cities = sum(r.level is RegionLevel.CITY for rs in below.values() for r in rs)
    districts = sum(len(regions.children(r)) for rs in below.values() for r in rs)
    total = len(regions)
    counts = _counts_table(
        f"Regions: {total:,} in all",
        [
            ("provinces", len(provinces)),
            ("regencies (kabupaten)", regencies),
            ("cities (kota)", cities),
            ("districts (kecamatan)", districts),
            (
                "villages (desa, kelurahan)",
                total - 1 - len(provinces) - regencies - cities - districts,
            ),
        ],
    )
    rows = [
        {
            "code": p.code,
            "province": p.name,
            "iso_3166_2": p.iso_3166_2,
            "regencies and cities": len(below[p.code]),
        }
        for p in provinces
    ]
    return counts + rows_to_html(rows, caption="Provinces")


setattr(Dataset, "_repr_html_", dataset_html)  # noqa: B010 - as above
setattr(Regions, "_repr_html_", regions_html)  # noqa: B010 - as above
