import datetime as dt

import pytest

from postdesk.core.dates import long_date, parse_date

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
