"""Dates in English words, GOV.UK style ("20 January 2027"), from a fixed table of month names:
the machine's locale never changes a byte of the site."""

from __future__ import annotations

import datetime as dt

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def long_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
