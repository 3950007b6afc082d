"""Whether the latest approved version's review is coming up, for the one GitHub issue that
tells the maintainers: the daily Pages build opens or updates it while a review is due within
30 days or overdue, and closes it once it is not (a new version recorded, say).

`python -m tools.review --today YYYY-MM-DD --body-file PATH` writes the issue's text (or, when
none is due, the comment that closes it) to PATH and prints `status=`, `title=` and `label=`
lines, for $GITHUB_OUTPUT.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from macros.data import model, settings
from macros.versions import approval
from tools import data_path

DUE_WITHIN = dt.timedelta(days=30)
# How the workflow finds the one open issue, whatever its title says that day.
LABEL = "review-due"

Status = Literal["none", "due", "overdue"]


@dataclass(frozen=True)
class Reminder:
    status: Status
    title: str  # empty when none is due
    body: str  # the text; when none is due, why (the comment that closes an open issue)


def days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def reminder(data: model.SchoolData, today: dt.date) -> Reminder:
    """What the maintainers should be told today about the latest version's review."""
    if not data.versions:
        return Reminder("none", "", "No approved version is recorded, so no review is due.")
    version = data.versions[-1]
    guidance = f"{data.school.name}’s {settings.POLICY_TITLE}"
    if version.next_review is None:
        return Reminder("none", "", f"Version {version.number} records no review date, so no review is due.")
    review = approval.describe(version.next_review)
    left = (version.next_review - today).days
    if left > DUE_WITHIN.days:
        return Reminder("none", "", f"The next review, of version {version.number}, is on {review}: "
                                    f"more than {days(DUE_WITHIN.days)} away.")
    how_to = (
        "When the governors have reviewed it and approved a version (the same text, or a changed one, "
        "with a new review date), record it: *Actions* → *Release* → *Run workflow* "
        "(see “Recording an approved version” in the README). "
        "This issue closes itself on the next daily build after the new version is merged."
    )
    if left >= 0:
        when = "today" if left == 0 else f"in {days(left)}"
        return Reminder(
            "due",
            f"Review due: version {version.number} of the guidance, on {review}",
            f"The review of version {version.number} of {guidance} is due on {review}, {when}.\n\n"
            f"{how_to}\n\nFrom the day after, the policy page says the review is overdue; the site still publishes.",
        )
    return Reminder(
        "overdue",
        f"Review overdue: version {version.number} of the guidance, due on {review}",
        f"The review of version {version.number} of {guidance} was due on {review}, {days(-left)} ago. "
        "The policy page says the review is overdue.\n\n" + how_to,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--today", required=True, help="the day to judge by, YYYY-MM-DD (the UK date)")
    parser.add_argument("--body-file", required=True, type=Path, help="where to write the issue's text")
    args = parser.parse_args(argv)
    try:
        today = dt.date.fromisoformat(args.today)
    except ValueError:
        sys.exit(f"--today {args.today!r} is not a date: dates are written YYYY-MM-DD, like 2027-01-20.")
    try:
        data = model.load(data_path())
    except model.DataFileError as error:
        sys.exit(str(error))
    found = reminder(data, today)
    args.body_file.write_text(found.body + "\n", encoding="utf-8")
    print(f"status={found.status}\ntitle={found.title}\nlabel={LABEL}")


if __name__ == "__main__":
    main()
