"""Uncertain dates and the Indonesian date parser."""

from __future__ import annotations

import datetime as dt

import pytest

import pemilu_pks as pk
from pemilu_pks import UncertainDate, Weekday, parse_date


class TestParseDate:
    """Indonesian date text as news writes it."""

    @pytest.mark.parametrize(
        ("text", "year", "expected"),
        [
            ("Senin (25/09/2023)", None, dt.date(2023, 9, 25)),
            ("Rabu (18/10/23)", None, dt.date(2023, 10, 18)),
            ("Rabu (18/10/23) pagi", None, dt.date(2023, 10, 18)),
            ("Kamis (29/12)", 2022, dt.date(2022, 12, 29)),
            ("14 Februari 2024", None, dt.date(2024, 2, 14)),
            ("29 Des 2022", None, dt.date(2022, 12, 29)),
            ("Senin (13/3/2023)", None, dt.date(2023, 3, 13)),
            ("Jum'at, 1 September 2023", None, dt.date(2023, 9, 1)),
            ("27 Nopember 2024", None, dt.date(2024, 11, 27)),
        ],
    )
    def test_exact(self, text: str, year: int | None, expected: dt.date) -> None:
        """Day, month and year (or a given year) give an exact date."""
        parsed = parse_date(text, year=year)
        assert expected == parsed.date
        assert parsed.is_exact
        assert text == parsed.text

    def test_stated_weekday_is_kept(self) -> None:
        """The weekday the text states is recorded."""
        assert Weekday.MONDAY == parse_date("Senin (25/09/2023)").weekday

    def test_weekday_contradicting_date_is_reported(self) -> None:
        """'Selasa (25/09/2023)' is refused: 25 Sep 2023 was a Monday."""
        with pytest.raises(pk.WeekdayMismatchError) as info:
            parse_date("Selasa (25/09/2023)")
        assert ("Selasa", "Senin") == (info.value.stated, info.value.actual)
        assert isinstance(info.value, pk.PemiluPksError)

    def test_weekday_alone_with_bounds(self) -> None:
        """'Rabu' within bounds is the Wednesdays in those bounds."""
        parsed = parse_date("Rabu", within=(dt.date(2023, 10, 19), dt.date(2023, 12, 31)))
        assert (dt.date(2023, 10, 25), dt.date(2023, 12, 27)) == (
            parsed.first_possible(),
            parsed.last_possible(),
        )
        assert not parsed.is_exact
        assert all(day.weekday() == 2 for day in parsed.possible_days())
        assert 10 == len(list(parsed.possible_days()))

    @pytest.mark.parametrize(
        ("text", "kwargs", "problem"),
        [
            ("Rabu", {}, "only a weekday"),
            ("kemarin", {}, "no date"),
            ("Kamis (29/12)", {}, "no year"),
            ("31/02/2023", {}, "not a valid date"),
            ("Rabu", {"within": (dt.date(2023, 10, 19), dt.date(2023, 10, 20))}, "no Rabu"),
        ],
    )
    def test_unreadable(self, text: str, kwargs: dict[str, object], problem: str) -> None:
        """Text without enough information raises DateParseError saying what is missing."""
        with pytest.raises(pk.DateParseError, match=problem):
            parse_date(text, **kwargs)  # type: ignore[arg-type]

    def test_not_a_string(self) -> None:
        """Non-text input is a DateParseError, not a TypeError."""
        with pytest.raises(pk.DateParseError, match="must be a string"):
            parse_date(20230925)  # type: ignore[arg-type]


class TestUncertainDate:
    """Interval logic."""

    def test_latest_before_earliest_is_refused(self) -> None:
        """Bounds must be ordered."""
        with pytest.raises(ValueError, match="before earliest"):
            UncertainDate(earliest=dt.date(2024, 1, 2), latest=dt.date(2024, 1, 1))

    def test_exact(self) -> None:
        """An exact date is the interval of one day."""
        day = UncertainDate.exact(dt.date(2023, 9, 25))
        assert day.is_exact
        assert dt.date(2023, 9, 25) == day.date
        assert "2023-09-25" == str(day)

    def test_certainly_and_possibly_within(self) -> None:
        """'Certainly' needs every possible day inside; 'possibly' needs one."""
        autumn = UncertainDate(
            earliest=dt.date(2023, 10, 19), latest=dt.date(2023, 12, 31), weekday=Weekday.WEDNESDAY
        )
        assert autumn.certainly_within(dt.date(2023, 10, 25), dt.date(2023, 12, 27))
        assert not autumn.certainly_within(dt.date(2023, 11, 1), None)
        assert autumn.possibly_within(dt.date(2023, 12, 27), dt.date(2024, 1, 31))
        assert not autumn.possibly_within(dt.date(2023, 12, 28), dt.date(2024, 1, 31))
        assert not autumn.possibly_within(dt.date(2023, 10, 26), dt.date(2023, 10, 31))

    def test_weekday_parse(self) -> None:
        """Weekday names in Indonesian and English, any case and spelling of Jumat."""
        assert Weekday.FRIDAY == Weekday.parse("Jum'at") == Weekday.parse("friday")
        assert "Kamis" == Weekday.THURSDAY.indonesian
        with pytest.raises(pk.DateParseError):
            Weekday.parse("Funday")
