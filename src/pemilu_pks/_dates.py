"""Uncertain dates: an interval of days, the text as written, the stated weekday.

News reports date a signing as "Senin (25/09/2023)", "Rabu (18/10/23)",
"Kamis (29/12)" or only "Rabu".  An :class:`UncertainDate` keeps what the
source wrote and what can be concluded from it: the earliest and latest day,
and the weekday if one was stated.  An exact date is the interval of one day.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from .exceptions import DateParseError, WeekdayMismatchError

if TYPE_CHECKING:  # pragma: no cover
    from dateutil import parser as dateutil_parser

__all__ = ["UncertainDate", "Weekday", "parse_date"]


class Weekday(enum.Enum):
    """A day of the week; the value is English, :attr:`indonesian` the Indonesian name."""

    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"

    @property
    def number(self) -> int:
        """ISO weekday number minus one, as :meth:`datetime.date.weekday` returns (Monday = 0)."""
        return _WEEKDAY_ORDER.index(self)

    @property
    def indonesian(self) -> str:
        """The Indonesian name (``Senin`` … ``Minggu``)."""
        return _INDONESIAN_WEEKDAYS[self.number]

    @classmethod
    def of(cls, day: dt.date) -> Weekday:
        """Return the weekday of *day*."""
        return _WEEKDAY_ORDER[day.weekday()]

    @classmethod
    def parse(cls, text: str) -> Weekday:
        """Read an Indonesian or English weekday name (``"Rabu"``, ``"jumat"``, ``"Jum'at"``).

        Raises:
            DateParseError: *text* is not a weekday name.
        """
        key = re.sub(r"[^a-z]", "", text.casefold())
        try:
            return _WEEKDAY_NAMES[key]
        except KeyError:
            raise DateParseError(f"{text!r} is not a weekday name") from None


_WEEKDAY_ORDER = tuple(Weekday)
_INDONESIAN_WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_WEEKDAY_NAMES = {
    **{name.casefold(): day for name, day in zip(_INDONESIAN_WEEKDAYS, Weekday, strict=True)},
    **{day.value: day for day in Weekday},
    "ahad": Weekday.SUNDAY,
}

# Month names and common abbreviations as Indonesian news writes them.
_INDONESIAN_MONTHS = (
    ("Januari", "Jan"),
    ("Februari", "Feb", "Pebruari"),
    ("Maret", "Mar"),
    ("April", "Apr"),
    ("Mei",),
    ("Juni", "Jun"),
    ("Juli", "Jul"),
    ("Agustus", "Agu", "Agt", "Ags", "Aug"),
    ("September", "Sep", "Sept"),
    ("Oktober", "Okt", "Oct"),
    ("November", "Nov", "Nopember", "Nop"),
    ("Desember", "Des", "Dec"),
)


def _check_bounds(
    instance: UncertainDate, attribute: attrs.Attribute[dt.date], value: dt.date
) -> None:
    if value < instance.earliest:
        msg = f"latest ({value}) is before earliest ({instance.earliest})"
        raise ValueError(msg)
    weekday = instance.weekday
    if weekday is not None and instance.first_possible() is None:
        msg = (
            f"no {weekday.indonesian} ({weekday.value}) lies between "
            f"{instance.earliest} and {value}"
        )
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class UncertainDate:
    """A day known exactly or only within bounds (an EDTF-style interval).

    Attributes:
        earliest: The first day it can be.
        latest: The last day it can be; equal to *earliest* when the date is exact.
        text: The date expression as the source wrote it ("Senin (25/09/2023)").
        weekday: The weekday the source stated, if any.  Only days on that
            weekday are possible, so it narrows the interval.
        reasoning: How the bounds were derived, in plain words.

    Example:
        >>> import datetime as dt
        >>> d = UncertainDate(earliest=dt.date(2023, 10, 19), latest=dt.date(2023, 12, 31),
        ...                   weekday=Weekday.WEDNESDAY, text="Rabu")
        >>> d.first_possible(), d.last_possible()
        (datetime.date(2023, 10, 25), datetime.date(2023, 12, 27))
        >>> d.is_exact
        False
    """

    earliest: dt.date
    latest: dt.date = attrs.field(validator=_check_bounds)
    text: str | None = None
    weekday: Weekday | None = None
    reasoning: str | None = None

    @classmethod
    def exact(
        cls, day: dt.date, *, text: str | None = None, reasoning: str | None = None
    ) -> UncertainDate:
        """Return the interval of the single day *day*, with its weekday unstated."""
        return cls(earliest=day, latest=day, text=text, reasoning=reasoning)

    @property
    def is_exact(self) -> bool:
        """Whether exactly one day is possible."""
        first = self.first_possible()
        return first is not None and first == self.last_possible()

    @property
    def date(self) -> dt.date | None:
        """The day, when exactly one is possible; otherwise None."""
        return self.first_possible() if self.is_exact else None

    def first_possible(self) -> dt.date | None:
        """The earliest day in the bounds that fits the stated weekday."""
        return _first_matching(self.earliest, self.latest, self.weekday)

    def last_possible(self) -> dt.date | None:
        """The latest day in the bounds that fits the stated weekday."""
        if self.weekday is None:
            return self.latest
        shift = (self.latest.weekday() - self.weekday.number) % 7
        day = self.latest - dt.timedelta(days=shift)
        return day if day >= self.earliest else None

    def possible_days(self) -> Iterator[dt.date]:
        """Every day the date can be, in order."""
        day = self.first_possible()
        last = self.last_possible()
        step = dt.timedelta(days=1 if self.weekday is None else 7)
        while day is not None and last is not None and day <= last:
            yield day
            day += step

    def certainly_within(self, start: dt.date | None, end: dt.date | None) -> bool:
        """Whether every possible day lies in ``[start, end]`` (None = unbounded)."""
        first, last = self.first_possible(), self.last_possible()
        if first is None or last is None:
            return False
        return (start is None or first >= start) and (end is None or last <= end)

    def possibly_within(self, start: dt.date | None, end: dt.date | None) -> bool:
        """Whether some possible day lies in ``[start, end]`` (None = unbounded)."""
        low = self.earliest if start is None else max(start, self.earliest)
        high = self.latest if end is None else min(end, self.latest)
        return _first_matching(low, high, self.weekday) is not None

    def __str__(self) -> str:
        first, last = self.first_possible(), self.last_possible()
        if first == last:
            return str(first)
        return f"{first}..{last}" + (f" ({self.weekday.indonesian})" if self.weekday else "")


def _first_matching(low: dt.date, high: dt.date, weekday: Weekday | None) -> dt.date | None:
    """The first day in ``[low, high]`` on *weekday* (any day when None)."""
    if weekday is not None:
        shift = (weekday.number - low.weekday()) % 7
        if (dt.date.max - low).days < shift:  # no such weekday before the end of the calendar
            return None
        low += dt.timedelta(days=shift)
    return low if low <= high else None


@functools.cache
def _parser() -> tuple[dateutil_parser.parser, type[Exception]]:
    # dateutil.parser is imported on first use: it costs import time users
    # who never parse text should not pay.
    from dateutil import parser as dateutil_parser

    class IndonesianParserInfo(dateutil_parser.parserinfo):
        MONTHS = _INDONESIAN_MONTHS  # type: ignore[assignment]
        WEEKDAYS = tuple(  # type: ignore[assignment]
            (name, day.value[:3], day.value)
            for name, day in zip(_INDONESIAN_WEEKDAYS, Weekday, strict=True)
        )

    info = IndonesianParserInfo(dayfirst=True)
    return dateutil_parser.parser(info), dateutil_parser.ParserError


_MONTH_WORDS = "|".join(
    sorted({w for names in _INDONESIAN_MONTHS for w in names}, key=len, reverse=True)
)
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}|\d{2}))?(?!\d)")
_WORDED = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s+({_MONTH_WORDS})\.?(?:\s+(\d{{4}}))?(?![a-z])",
    re.IGNORECASE,
)
_WEEKDAY_WORD = re.compile(
    r"\b(senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\b",
    re.IGNORECASE,
)


def parse_date(
    text: str,
    *,
    year: int | None = None,
    within: tuple[dt.date, dt.date] | None = None,
    reasoning: str | None = None,
) -> UncertainDate:
    """Read Indonesian date text as an :class:`UncertainDate`.

    Understands ``"Senin (25/09/2023)"``, ``"Rabu (18/10/23)"``, ``"Kamis (29/12)"``
    (with *year*), ``"14 Februari 2024"``, ``"29 Des 2022"`` and a weekday alone
    (``"Rabu"``, with *within* bounds).  A stated weekday is checked against the
    date.

    Args:
        text: The date expression, e.g. from a news article's dateline.
        year: The year to assume when the text has none (the article's year).
        within: ``(earliest, latest)`` bounds to use when the text names only
            a weekday, or no date at all.
        reasoning: Kept on the result to say how the bounds were chosen.

    Returns:
        The date as an interval; exact when the text gives day, month and year.

    Raises:
        WeekdayMismatchError: The stated weekday is not the date's weekday.
        DateParseError: The text holds no date, or lacks a year and *year* is
            not given, or names only a weekday and *within* is not given.

    Example:
        >>> parse_date("Senin (25/09/2023)").date
        datetime.date(2023, 9, 25)
        >>> str(parse_date("Kamis (29/12)", year=2022))
        '2022-12-29'
        >>> parse_date("Selasa (25/09/2023)")
        Traceback (most recent call last):
        ...
        pemilu_pks.exceptions.WeekdayMismatchError: 'Selasa (25/09/2023)': the text says Selasa but that date is a Senin
    """
    if not isinstance(text, str):
        raise DateParseError(f"date text must be a string, not {type(text).__name__}")
    bounds: object = within  # callers without type checking may pass anything
    if bounds is not None and not (
        isinstance(bounds, tuple | list)
        and len(bounds) == 2
        and all(isinstance(day, dt.date) for day in bounds)
    ):
        raise DateParseError(f"within= must be (earliest, latest) dates, not {bounds!r}")
    weekday_match = _WEEKDAY_WORD.search(text)
    weekday = Weekday.parse(weekday_match.group(1)) if weekday_match else None
    match = _NUMERIC.search(text) or _WORDED.search(text)
    if match is None:
        if within is None:
            what = "only a weekday" if weekday else "no date"
            raise DateParseError(f"{text!r} has {what}; give bounds with within=(earliest, latest)")
        try:
            return UncertainDate(
                earliest=within[0],
                latest=within[1],
                text=text,
                weekday=weekday,
                reasoning=reasoning,
            )
        except ValueError as exc:
            raise DateParseError(f"{text!r}: {exc}") from None
    has_year = match.group(3) is not None
    if not has_year and year is None:
        raise DateParseError(f"{text!r} has no year; pass year=")
    parser, parser_error = _parser()
    default = dt.datetime(year or 2000, 1, 1)
    try:
        parsed = parser.parse(match.group(0).replace(" ", " "), default=default)
    except (parser_error, ValueError, OverflowError) as exc:
        raise DateParseError(f"{text!r} is not a valid date: {exc}") from None
    day = parsed.date()
    if weekday is not None and Weekday.of(day) is not weekday:
        raise WeekdayMismatchError(
            text, stated=weekday.indonesian, actual=Weekday.of(day).indonesian
        )
    return UncertainDate(earliest=day, latest=day, text=text, weekday=weekday, reasoning=reasoning)
