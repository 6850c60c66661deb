"""Dates as bloggers type them: "March 1", "1 March 2024", "2024-03-01", "Mar 1st, 2024"."""

from __future__ import annotations

import datetime as dt
import re

#: English month names, fixed: strftime follows the locale Qt sets, and posts are English.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")  # fmt: skip
MONTHS = {name.casefold(): n for n, name in enumerate(MONTH_NAMES, 1)}
MONTHS.update({name[:3].casefold(): n for n, name in enumerate(MONTH_NAMES, 1)})
MONTHS["sept"] = 9
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"(?P<month>[a-z]+)\.?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
FORMS = [
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"),
    re.compile(rf"{_MONTH}\s+{_DAY}{_YEAR}"),
    re.compile(rf"{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}"),
]
#: A typed date without a year this long past is meant for next year ("March 1" in November).
PAST_GRACE = dt.timedelta(days=92)


def parse_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """The date ``text`` names, or ``None`` when it names none (blank counts as none).

    Without a year, the date is this year's, or next year's when this year's is more than
    three months past: a blogger typing "March 1" in November means the coming March.
    """
    cleaned = " ".join(text.replace(",", ", ").split()).casefold().rstrip(".")
    today = today or dt.date.today()
    for form in FORMS:
        found = form.fullmatch(cleaned)
        if found:
            return _date(found, today)
    return None


def _date(found: re.Match[str], today: dt.date) -> dt.date | None:
    month_text = found.group("month")
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text)
    if month is None:
        return None
    year_text = found.group("year")
    year = int(year_text) if year_text else today.year
    try:
        date = dt.date(year, month, int(found.group("day")))
    except ValueError:
        return None
    if not year_text and date < today - PAST_GRACE:
        try:
            date = date.replace(year=year + 1)
        except ValueError:  # February 29th
            return None
    return date


def long_date(date: dt.date) -> str:
    """How a date field shows a date: "March 1, 2024"."""
    return f"{MONTH_NAMES[date.month - 1]} {date.day}, {date.year}"


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: A weekly series' usual slot unless the blogger sets another: Trailer Park Tuesday, 9:00.
USUAL_WEEKDAY = 1
USUAL_TIME = dt.time(9, 0)


def next_slot(
    now: dt.datetime, weekday: int = USUAL_WEEKDAY, at: dt.time = USUAL_TIME
) -> dt.datetime:
    """The first ``weekday`` (0 is Monday) at ``at`` that is still ahead of ``now``.

    A weekly series is scheduled for its day: on a Tuesday before the hour that is today,
    after it next week's Tuesday, since a time already past would publish at once. The
    result keeps ``now``'s time zone (none for a naive ``now``).
    """
    ahead = (weekday - now.weekday()) % 7
    day = now.date() + dt.timedelta(days=ahead)
    slot = dt.datetime.combine(day, at.replace(tzinfo=None), tzinfo=now.tzinfo)
    if slot <= now:
        slot += dt.timedelta(days=7)
    return slot
