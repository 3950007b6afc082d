"""The review reminder: when the one maintainers' issue is open, what it says, and when it closes."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from macros.data import model
from tests.support.builds import ROOT
from tools import data_path, review

DATA = model.load(data_path())
REVIEW_ON = dt.date(2031, 6, 15)


def version(number: str, next_review: dt.date | None) -> model.Version:
    return model.Version(number=number, approved_on=dt.date(2030, 6, 15), next_review=next_review,
                         summary="Approved", sha256="c" * 64)


def with_versions(*recorded: model.Version) -> model.SchoolData:
    return DATA.model_copy(update={"versions": list(recorded)})


DUE = with_versions(version("2.0", None), version("2.1", REVIEW_ON))


def on(days_before_review: int, data: model.SchoolData = DUE) -> review.Reminder:
    return review.reminder(data, REVIEW_ON - dt.timedelta(days=days_before_review))


def test_no_version_recorded_needs_no_review() -> None:
    found = review.reminder(with_versions(), REVIEW_ON)
    assert (found.status, found.title) == ("none", "")
    assert found.body == "No approved version is recorded, so no review is due."


def test_a_version_without_a_review_date_needs_no_review() -> None:
    found = review.reminder(with_versions(version("2.0", REVIEW_ON), version("2.1", None)), REVIEW_ON)
    assert (found.status, found.title) == ("none", "")
    assert found.body == "Version 2.1 records no review date, so no review is due."


def test_a_review_31_days_away_is_not_yet_due() -> None:
    found = on(31)
    assert (found.status, found.title) == ("none", "")
    assert found.body == "The next review, of version 2.1, is on 15 June 2031: more than 30 days away."


def test_a_review_30_days_away_is_due() -> None:
    found = on(30)
    assert found.status == "due"
    assert found.title == "Review due: version 2.1 of the guidance, on 15 June 2031"
    assert found.body.startswith(f"The review of version 2.1 of {DATA.school.name}’s ")
    assert "is due on 15 June 2031, in 30 days." in found.body
    assert "*Actions* → *Release* → *Run workflow*" in found.body


def test_a_review_due_tomorrow_and_today() -> None:
    assert "is due on 15 June 2031, in 1 day." in on(1).body
    found = on(0)
    assert found.status == "due" and "is due on 15 June 2031, today." in found.body


def test_a_review_past_its_date_is_overdue() -> None:
    found = on(-1)
    assert found.status == "overdue"
    assert found.title == "Review overdue: version 2.1 of the guidance, due on 15 June 2031"
    assert "was due on 15 June 2031, 1 day ago. The policy page says the review is overdue." in found.body
    assert "was due on 15 June 2031, 40 days ago." in on(-40).body


def test_a_new_version_recorded_ends_the_reminder() -> None:
    assert on(-3).status == "overdue"
    renewed = with_versions(*DUE.versions, version("2.2", REVIEW_ON.replace(year=2032)))
    found = on(-3, renewed)
    assert (found.status, found.title) == ("none", "")
    assert found.body == "The next review, of version 2.2, is on 15 June 2032: more than 30 days away."


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tools.review", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)


def test_the_command_prints_the_result_for_github_output(tmp_path: Path) -> None:
    body = tmp_path / "body.md"
    latest = DATA.versions[-1] if DATA.versions else None
    today = (latest.next_review if latest and latest.next_review else REVIEW_ON).isoformat()
    done = run("--today", today, "--body-file", str(body))
    assert done.returncode == 0, done.stderr
    expected = review.reminder(DATA, dt.date.fromisoformat(today))
    assert done.stdout == f"status={expected.status}\ntitle={expected.title}\nlabel={review.LABEL}\n"
    assert body.read_text(encoding="utf-8") == expected.body + "\n"


@pytest.mark.parametrize("today", ["2031-02-30", "tomorrow"])
def test_the_command_names_a_bad_date(tmp_path: Path, today: str) -> None:
    done = run("--today", today, "--body-file", str(tmp_path / "body.md"))
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1] == (
        f"--today {today!r} is not a date: dates are written YYYY-MM-DD, like 2027-01-20.")
    assert not (tmp_path / "body.md").exists()
