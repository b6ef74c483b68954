"""Draft agreements from Indonesian news text, by rules over the registry and the date parser.

:func:`extract` reads a news report and returns :class:`Draft` records: a draft
:class:`~pemilu_pks.Agreement` per document the text describes, each field
with the span of text it came from and a confidence, the names it could not
resolve and the data-quality problems it noticed.  It works offline: names
resolve through exact indexes over the registry, dates through
:func:`~pemilu_pks.parse_date`, ranks through :meth:`~pemilu_pks.PoliceRank.parse`.

The work is a pipeline of small stages, one module each, every one a
function of its inputs:

- ``_segment``: sentences and lines, and which speak about the signing;
- ``_mentions``: institution names and post titles, resolved by exact index
  (``_registry``);
- ``_parties``: which mentions sign, and how they group into documents;
- ``_signatories``: the person who signed for each party;
- ``_signing_date``: the date tied to the signing, as an interval;
- ``_place``: venue and city;
- ``_scope``: scope items, instrument, parent MoU, numbers, figures, witnesses;
- ``_notes``: data-quality notes on the text;
- ``_assembly``: the stages in order, and the drafts;

with the phrase tables in ``_rules`` (``docs/extract.md`` explains each rule).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pemilu_pks.exceptions import DataError, InputLimitError

from ._draft import DRAFT_SOURCE, MAX_TEXT_CHARS, Draft, Evidence, draft_facts, print_drafts

if TYPE_CHECKING:  # pragma: no cover
    from pemilu_pks._dataset import Dataset

__all__ = [
    "DRAFT_SOURCE",
    "MAX_TEXT_CHARS",
    "Draft",
    "Evidence",
    "draft_facts",
    "extract",
    "print_drafts",
]


def extract(
    text: str,
    *,
    source: str | None = None,
    year: int | None = None,
    published: dt.date | str | None = None,
    dataset: Dataset | None = None,
) -> list[Draft]:
    """Read draft agreements from an Indonesian news report.

    One draft per agreement document the text describes: a KPU–Polda and a
    Bawaslu–Polda agreement signed at one ceremony are two drafts, each naming
    the other in ``related``; one document with three parties is one draft.

    Args:
        text: The article text.
        source: The source's URL or id; drafts cite it (an id is derived from
            a URL).  Without it, drafts cite the placeholder ``"draft-source"``.
        year: The article's year, when the text does not show it; bounds a
            weekday-only date ("Rabu") and completes "Kamis (29/12)".
        published: The article's publication day (a :class:`datetime.date` or
            ``YYYY-MM-DD``, as ``filter`` and ``covering`` take days):
            the latest possible signing day, and the week a weekday alone
            ("pada Sabtu") falls in.  Without it, a publication line at the
            top of the text is used.
        dataset: The registry to resolve names against (default: the bundled
            dataset, :func:`pemilu_pks.load`).

    Returns:
        The drafts, in the order the text names their parties; empty when the
        text is not about an agreement between an election body and the police.

    Raises:
        DataError: *text* is not a str (bytes must be decoded first), or an
            argument has the wrong type or holds text that is not Unicode.
        InputLimitError: *text* is longer than 1,000,000 characters.

    Example:
        >>> import pemilu_pks as pk
        >>> pk.extract("Harga cabai di Banjarmasin naik lagi, Senin (25/09/2023).")
        []
    """
    _check_arguments(text, source, year, dataset)
    from pemilu_pks._institutions import as_day

    day = as_day(published, name="published")
    if dataset is None:
        from pemilu_pks._dataset import load

        dataset = load()
    from ._assembly import draft_agreements
    from ._registry import registry_for

    registry = registry_for(dataset.institutions, dataset.regions)
    chosen = dataset
    return draft_agreements(
        text,
        registry,
        lambda: chosen.agreements,  # read only when the text cites a parent's number
        source=source,
        year=year,
        published=day,
    )


def _check_arguments(text: object, source: object, year: object, dataset: object) -> None:
    if not isinstance(text, str):
        kind = type(text).__name__
        hint = "; decode bytes as UTF-8 first" if isinstance(text, (bytes, bytearray)) else ""
        raise DataError(f"extract() needs the article text as a str, not {kind}{hint}")
    if len(text) > MAX_TEXT_CHARS:
        raise InputLimitError(
            f"extract(): the text has {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}"
        )
    if source is not None:
        if not isinstance(source, str):
            raise DataError(
                f"extract(): source must be a URL or id (str), not {type(source).__name__}"
            )
        if not source.strip():
            raise DataError("extract(): source is empty; leave it out to cite a placeholder")
        try:
            source.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise DataError(
                f"extract(): source holds a character that is not Unicode text at {exc.start}"
            ) from None
    if year is not None and (
        isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2100
    ):
        raise DataError(f"extract(): year must be a year like 2023, not {year!r}")
    if dataset is not None:
        from pemilu_pks._dataset import Dataset

        if not isinstance(dataset, Dataset):
            raise DataError(
                f"extract(): dataset must be a pemilu_pks.Dataset, not {type(dataset).__name__}"
            )
