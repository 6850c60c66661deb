import datetime as dt

import pytest

from postdesk.core.dates import WEEKDAY_NAMES, long_date, next_slot, parse_date

TODAY = dt.date(2026, 11, 30)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2024-03-01", dt.date(2024, 3, 1)),
        ("1 March 2024", dt.date(2024, 3, 1)),
        ("March 1, 2024", dt.date(2024, 3, 1)),
        ("march 1 2024", dt.date(2024, 3, 1)),
        ("Mar 1st, 2024", dt.date(2024, 3, 1)),
        ("1st of March 2025", dt.date(2025, 3, 1)),
        ("December 25", dt.date(2026, 12, 25)),
        ("March 1", dt.date(2027, 3, 1)),  # typed in November: the coming March
        ("Sept 3", dt.date(2026, 9, 3)),  # just past: this year's
        ("  April   7th ", dt.date(2027, 4, 7)),
    ],
)
def test_dates_in_the_usual_forms(typed: str, expected: dt.date) -> None:
    assert parse_date(typed, TODAY) == expected


@pytest.mark.parametrize("typed", ["", "soon", "31 February", "2024-13-01", "Marchember 1"])
def test_what_is_not_a_date(typed: str) -> None:
    assert parse_date(typed, TODAY) is None


def test_the_field_shows_dates_the_long_way() -> None:
    assert long_date(dt.date(2024, 3, 1)) == "March 1, 2024"
    assert parse_date(long_date(dt.date(2017, 4, 7)), TODAY) == dt.date(2017, 4, 7)


# 2026-12-01 is a Tuesday.
@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (dt.datetime(2026, 11, 30, 22, 0), dt.datetime(2026, 12, 1, 9, 0)),  # Monday night
        (dt.datetime(2026, 12, 1, 8, 59), dt.datetime(2026, 12, 1, 9, 0)),  # Tuesday, before
        (dt.datetime(2026, 12, 1, 9, 0), dt.datetime(2026, 12, 8, 9, 0)),  # on the hour: gone
        (dt.datetime(2026, 12, 1, 14, 30), dt.datetime(2026, 12, 8, 9, 0)),  # Tuesday, after
        (dt.datetime(2026, 12, 5, 10, 0), dt.datetime(2026, 12, 8, 9, 0)),  # Saturday
        (dt.datetime(2026, 12, 29, 12, 0), dt.datetime(2027, 1, 5, 9, 0)),  # over the new year
    ],
)
def test_next_tuesday_at_the_usual_hour(now: dt.datetime, expected: dt.datetime) -> None:
    assert next_slot(now) == expected


def test_the_bloggers_own_day_and_hour_and_time_zone() -> None:
    paris = dt.timezone(dt.timedelta(hours=1))
    now = dt.datetime(2026, 12, 1, 14, 30, tzinfo=paris)
    friday = next_slot(now, weekday=4, at=dt.time(18, 15))
    assert friday == dt.datetime(2026, 12, 4, 18, 15, tzinfo=paris)
    assert WEEKDAY_NAMES[friday.weekday()] == "Friday"
