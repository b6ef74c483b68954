"""The signing date: the date tied to the signing, as an interval that never leaves the window.

Candidates are every written date ("Senin (25/09/2023)", "Rabu, 18 Oktober
2023", "15-16 Agustus 2024").  The page's own furniture (the publication
line, a clock "10:15 WIB"), dates just after a cue of another event ("saat
dikonfirmasi, Senin (25/12/2023)"), a start cue's date ("sudah dimulai 19
Oktober 2023"), the parent MoU's sentence and dates outside the dataset
window or after publication are not the signing's.  Of the rest, a date in a
sentence with a signing verb wins, then one in a sentence about the
agreement or the event, then the first in the body.  Without one, bounds
narrow the window: the year, the publication day, a start cue, a photo's
file name, and a weekday tied to the signing (within the week before
publication, when the publication day is known).
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from pemilu_pks._dates import UncertainDate, Weekday, parse_date
from pemilu_pks.exceptions import DateParseError, WeekdayMismatchError

from . import _rules as rules
from ._patterns import MONTHS, WEEKDAYS, any_of
from ._segment import Segments, Spans

__all__ = ["DateFinding", "not_before", "publication_day", "signing_date"]

_DATED = re.compile(
    rf"\b(?P<wd>{WEEKDAYS})\s*(?:,\s*\(?\s*|\(\s*)(?:tanggal\s+|tgl\.?\s+)?"
    rf"(?P<date>\d{{1,2}}\s*[/.-]\s*\d{{1,2}}(?:\s*[/.-]\s*\d{{2,4}})?"
    rf"|\d{{1,2}}\s+(?:{MONTHS})\.?(?:\s+\d{{4}})?)\s*\)?",
    re.IGNORECASE,
)
_WORDED = re.compile(
    rf"\b(?P<date>(?:(?P<first>\d{{1,2}})\s*(?:-|–|s\.?d\.?|sampai|hingga|dan)\s*)?"
    rf"(?P<day>\d{{1,2}})\s+(?P<month>{MONTHS})\.?\s+(?P<year>20\d\d))\b",
    re.IGNORECASE,
)
_BARE_WEEKDAY = re.compile(
    rf"(?:,|\bhari|\bpada)\s+(?P<wd>{WEEKDAYS})\b(?!\s*[(,]\s*\d)", re.IGNORECASE
)
_YEAR_LINE = any_of(rules.YEAR_LINES)
_LOWER_CUE = re.compile(
    rf"(?:{'|'.join(rules.LOWER_BOUND_CUES)})\s+(?P<date>\d{{1,2}}\s+[A-Za-z]+\s+20\d\d)",
    re.IGNORECASE,
)
_PHOTO = re.compile(rules.PHOTO_FILE_DATE)
_EVENT = any_of(rules.EVENT_TERMS)
_MONTH_NUMBER = {name.casefold()[:3]: n for n, name in enumerate(rules.MONTHS[:12], start=1)}


@attrs.frozen
class DateFinding:
    """The signing date with its evidence spans ``(field, start, end, how)`` and notes."""

    date: UncertainDate
    evidence: tuple[tuple[str, int, int, str], ...]
    notes: tuple[str, ...]


def publication_day(segments: Segments) -> tuple[dt.date, tuple[int, int]] | None:
    """The day on the page's publication line near the top, if the text has one."""
    text = segments.text
    for start, end in segments.lines[:8]:
        if not segments.is_page_furniture(start):
            continue
        for match in _WORDED.finditer(text, start, end):
            day = _worded_day(match)
            if day is not None:
                return day, (match.start(), match.end())
        for match in re.finditer(r"\b(\d{1,2})/(\d{1,2})/(20\d\d)\b", text[start:end]):
            try:
                day = dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
            except ValueError:
                continue
            return day, (start + match.start(), start + match.end())
    return None


def _worded_day(match: re.Match[str], group: str = "day") -> dt.date | None:
    month = _MONTH_NUMBER.get(match.group("month").casefold()[:3])
    if month is None:
        return None
    try:
        return dt.date(int(match.group("year")), month, int(match.group(group)))
    except ValueError:
        return None


def _worded(match: re.Match[str]) -> UncertainDate | None:
    """A worded date ("25 September 2023") or range ("15-16 Agustus 2024") as an interval."""
    low = _worded_day(match, "first") if match.group("first") else _worded_day(match)
    high = _worded_day(match)
    if low is None or high is None or high < low:
        return None
    ranged = " as a range of days." if low != high else ": day, month and year."
    return UncertainDate(
        earliest=low, latest=high, text=match.group("date"), reasoning="Stated in the text" + ranged
    )


def _year_by_weekday(match: re.Match[str], window: tuple[dt.date, dt.date]) -> UncertainDate | None:
    """A day and month without a year ("Rabu (15/11)"): the one year of the window that fits.

    The stated weekday fixes the year when only one year of the dataset
    window has that day on that weekday.
    """
    numbers = re.findall(r"\d+", match.group("date"))
    if len(numbers) != 2:
        return None
    weekday = Weekday.parse(match.group("wd"))
    low, high = window
    days = []
    for year in range(low.year, high.year + 1):
        try:
            day = dt.date(year, int(numbers[1]), int(numbers[0]))
        except ValueError:
            continue
        if low <= day <= high and Weekday.of(day) is weekday:
            days.append(day)
    if len(days) != 1:
        return None
    return UncertainDate(
        earliest=days[0],
        latest=days[0],
        text=match.group(0).strip(),
        weekday=weekday,
        reasoning=(
            f"Day and month stated without a year; {days[0].year} is the only year of the "
            f"dataset window in which that day is a {weekday.indonesian}."
        ),
    )


def _article_year(segments: Segments) -> tuple[int, tuple[int, int]] | None:
    match = _YEAR_LINE.search(segments.text)
    if match:
        digits = re.search(r"20\d\d", match.group(0))
        if digits:
            return int(digits.group(0)), (
                match.start() + digits.start(),
                match.start() + digits.end(),
            )
    return None


class _Reader:
    def __init__(
        self,
        segments: Segments,
        year: int | None,
        published: dt.date | None,
        excluded: list[tuple[int, int]],
        start: dt.date,
    ) -> None:
        self.segments = segments
        self.start = start
        self.text = segments.text
        self.excluded = Spans(excluded)
        self.notes: list[str] = []
        self.evidence: list[tuple[str, int, int, str]] = []
        self.published = published
        self.year = year
        self.year_span: tuple[int, int] | None = None
        if year is None:
            found = _article_year(segments)
            if found is not None:
                self.year, self.year_span = found
        high = rules.DATASET_WINDOW[1]
        if published is not None and published < high:
            high = published
        self.window = (start, high)
        self.lower_cues = {m.start("date") for m in _LOWER_CUE.finditer(self.text)}

    def usable(self, start: int) -> bool:
        """Whether a date written at *start* may be the signing's."""
        segments = self.segments
        return not (
            start in self.lower_cues
            or start in self.excluded
            or segments.is_page_furniture(start)
            or segments.after_other_event(start)
        )

    def rank(self, start: int) -> int:
        segments = self.segments
        if segments.tells_signing(start):
            return 0
        if segments.about_signing(start):
            return 1
        if segments.sentence_has(_EVENT, start):
            return 2
        return 3

    def explicit(self) -> tuple[UncertainDate, tuple[int, int]] | None:
        """The best written date: (date, span).  Candidates are ranked first, then read in order."""
        dated = [m for m in _DATED.finditer(self.text) if self.usable(m.start())]
        taken = {m.start("date") for m in _DATED.finditer(self.text)}
        worded = [
            m
            for m in _WORDED.finditer(self.text)
            if m.start() not in taken and self.usable(m.start("date"))
        ]
        candidates = [(self.rank(m.start()), m.start(), m) for m in (*dated, *worded)]
        candidates.sort(key=lambda c: (c[0], c[1]))
        for _, _, match in candidates:
            date = self.parse_dated(match) if match.re is _DATED else _worded(match)
            if date is not None and self.in_window(date):
                return date, match.span()
        return None

    def in_window(self, date: UncertainDate) -> bool:
        """Within the window, and not an election day (a report names those as dates to come)."""
        low, high = self.window
        election = any(
            date.earliest == date.latest == dt.date(year, month, day)
            for day, month, _ in rules.ELECTION_DAYS
            for year in range(low.year, high.year + 1)
        )
        return low <= date.earliest and date.latest <= high and not election

    def parse_dated(self, match: re.Match[str]) -> UncertainDate | None:
        written = self.text[match.start() : match.end()].strip()
        try:
            return parse_date(
                written, year=self.year, reasoning="Day, month and year stated in the text."
            )
        except WeekdayMismatchError as exc:
            self.notes.append(
                f"The stated weekday contradicts the date: {exc}; the date was taken."
            )
            try:
                date = parse_date(
                    match.group("date"),
                    year=self.year,
                    reasoning="Date stated; the stated weekday contradicts it.",
                )
            except DateParseError:
                return None
            return attrs.evolve(date, text=written)
        except DateParseError as exc:
            if self.year is None:
                found = _year_by_weekday(match, self.window)
                if found is not None:
                    return found
            self.notes.append(
                f"The date {written!r} cannot be read ({exc}); the draft keeps bounds."
            )
            return None

    def bounded(self) -> UncertainDate:
        low, high = self.start, rules.DATASET_WINDOW[1]
        reasons = [
            f"No full date in the text; the dataset covers {rules.DATASET_WINDOW[0]} (the start "
            f"of the 2024 election stages) to {high}"
        ]
        if low != rules.DATASET_WINDOW[0]:
            reasons.append(
                f"a KPU agreement implements the national KPU–Polri MoU of {low}, so it is not earlier"
            )
        how = "date_window"
        if self.year is not None and low.year <= self.year <= high.year:
            low, high = max(low, dt.date(self.year, 1, 1)), min(high, dt.date(self.year, 12, 31))
            reasons.append(f"the article's year is {self.year}")
            if self.year_span:
                self.evidence.append(("signing.date", *self.year_span, "date_window"))
            how = "date_bounded"
        if self.published is not None and self.published < high:
            high = self.published
            reasons.append(f"published {self.published}")
        for cue in _LOWER_CUE.finditer(self.text):
            try:
                day = parse_date(cue.group("date")).earliest
            except DateParseError:
                continue
            if low < day <= high:
                low = day
                reasons.append(
                    f"the text says something already began on {day}, so the signing is not earlier"
                )
                self.evidence.append(
                    ("signing.date.earliest", cue.start(), cue.end(), "date_bounded")
                )
        photo = _PHOTO.search(self.text)
        photo_day = _photo_day(photo)
        if photo is not None and photo_day is not None and low <= photo_day < high:
            high = photo_day
            reasons.append(
                f"a photo file name in the text is dated {photo_day}, so the signing is not later (weak)"
            )
            self.evidence.append(("signing.date.latest", photo.start(), photo.end(), "date_photo"))
            how = "date_photo"
        weekday_match = self.weekday()
        weekday = Weekday.parse(weekday_match.group("wd")) if weekday_match else None
        if high < low:
            low, high = self.start, rules.DATASET_WINDOW[1]
            self.notes.append(
                "The date clues in the text contradict each other; the draft keeps the dataset window."
            )
        if weekday is not None and weekday_match is not None:
            reasons.append(f"only the weekday {weekday.indonesian} is stated")
            if self.published is not None and high == self.published:
                # News reports a weekday alone for a day of the week it is published in.
                low = max(low, high - dt.timedelta(days=6))
                reasons.append("a weekday alone names a day of the week before publication")
                how = "date_bounded"
            self.evidence.insert(
                0, ("signing.date", weekday_match.start("wd"), weekday_match.end("wd"), how)
            )
        try:
            return UncertainDate(
                earliest=low,
                latest=high,
                text=weekday_match.group("wd") if weekday_match else None,
                weekday=weekday,
                reasoning="; ".join(reasons) + ".",
            )
        except ValueError:
            self.notes.append(
                f"No {weekday.indonesian if weekday else 'day'} lies between {low} and {high}; "
                "weekday dropped."
            )
            return UncertainDate(earliest=low, latest=high, reasoning="; ".join(reasons) + ".")

    def weekday(self) -> re.Match[str] | None:
        """The first weekday written alone in a sentence about the signing, else anywhere usable."""
        fallback = None
        for match in _BARE_WEEKDAY.finditer(self.text):
            if not self.usable(match.start("wd")):
                continue
            if self.rank(match.start()) <= 1:
                return match
            fallback = fallback or match
        return fallback


def not_before(date: UncertainDate, day: dt.date, why: str) -> UncertainDate:
    """*date* with its earliest day raised to *day* (with the reason), when that narrows it."""
    if date.earliest >= day or date.latest < day:
        return date
    reasoning = (date.reasoning or "").rstrip(".")
    try:
        return attrs.evolve(date, earliest=day, reasoning=f"{reasoning}; {why} ({day}).")
    except ValueError:  # no day of the stated weekday is left
        return date


def _photo_day(match: re.Match[str] | None) -> dt.date | None:
    if match is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def signing_date(
    segments: Segments,
    *,
    year: int | None,
    published: dt.date | None,
    excluded: list[tuple[int, int]],
    start: dt.date = rules.DATASET_WINDOW[0],
) -> DateFinding:
    """The signing date of the text, its evidence and notes.

    Args:
        segments: The text's sentences and lines.
        year: The article's year, if known (completes "Kamis (29/12)").
        published: The publication day, if known: the latest possible day.
        excluded: Spans whose dates are not the signing's (the parent MoU's sentence).
        start: The earliest possible day (later than the window's start for a
            text whose every document is a KPU agreement: the national MoU's day).
    """
    reader = _Reader(segments, year, published, excluded, start)
    explicit = reader.explicit()
    if explicit is not None:
        date, (begin, end) = explicit
        evidence = [("signing.date", begin, end, "date_exact")]
        year_unwritten = not re.search(r"\d{4}|/\d{2}\b", date.text or "")
        if year_unwritten and reader.year_span:
            evidence.append(("signing.date.earliest", *reader.year_span, "date_window"))
        return DateFinding(date, tuple(evidence), tuple(reader.notes))
    date = reader.bounded()
    return DateFinding(date, tuple(reader.evidence), tuple(reader.notes))
