"""Python dates to Qt's and back, spelled out (the bindings' implicit conversions are untyped)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime


def local_qdatetime(moment: dt.datetime) -> QDateTime:
    """``moment`` as the local date and time Qt's editors show."""
    local = moment.astimezone() if moment.tzinfo else moment
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


def qdate(day: dt.date) -> QDate:
    """``day`` as a QDate."""
    return QDate(day.year, day.month, day.day)
