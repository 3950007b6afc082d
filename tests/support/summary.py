"""A pytest plugin (`-p tests.support.summary`, as `make test` loads it): when the run ends, what
passed, failed or was skipped and how long each test file took, written as JSON to the file that
TEST_SUMMARY names, for `python -m tools.suite_summary` to say in one short summary. Under
pytest-xdist only the controller writes: each worker's reports reach it."""

from __future__ import annotations

import json
import os
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest

outcomes: Counter[str] = Counter()
seconds_by_file: defaultdict[str, float] = defaultdict(float)
started = time.monotonic()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    seconds_by_file[report.nodeid.split("::", 1)[0]] += report.duration
    if report.when == "call" or (report.when == "setup" and not report.passed):
        outcomes["error" if report.when == "setup" and report.failed else report.outcome] += 1


def pytest_sessionfinish(session: pytest.Session) -> None:
    named = os.environ.get("TEST_SUMMARY")
    if not named or hasattr(session.config, "workerinput"):
        return
    Path(named).write_text(json.dumps({
        "outcomes": dict(outcomes), "seconds": round(time.monotonic() - started, 1),
        "files": {name: round(value, 1) for name, value in seconds_by_file.items()},
    }, indent=1), encoding="utf-8")
