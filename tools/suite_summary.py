"""`python -m tools.suite_summary FIRST.json [SECOND.json …] [--status NAME=CODE …]`: the one short
summary `make test` ends with: what passed, how long the tests took, and the five slowest test
files, so that whoever adds the next slow check sees it. Each file is one pytest run's record
(tests/support/summary.py); the runs are made side by side, so the tests took as long as the
longest of them. Each `--status` is how a step of `make test` ended (its exit code): any but 0 is
named in the last lines, and fails the command, so that `make test` fails with it."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

SLOWEST = 5


def duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if minutes else f"{rest} s"


def summary(runs: list[tuple[str, dict[str, Any]]]) -> str:
    """The runs, each named, as a few lines."""
    total: Counter[str] = Counter()
    files: Counter[str] = Counter()
    parts = []
    for name, run in runs:
        outcomes = Counter(run["outcomes"])
        total.update(outcomes)
        files.update(run["files"])
        parts.append(f"{name}: {outcomes['passed']} passed in {duration(run['seconds'])}")
    others = ", ".join(f"{total[kind]} {kind}" for kind in ("failed", "error", "skipped") if total[kind])
    lines = [
        f"make test: {total['passed']} passed{', ' + others if others else ''}, "
        f"in {duration(max((run['seconds'] for _, run in runs), default=0))} of tests, side by side "
        f"({'; '.join(parts)}).",
        f"The {SLOWEST} slowest test files (seconds of test time, all workers and runs):",
        *(f"  {seconds:6.1f}  {name}" for name, seconds in files.most_common(SLOWEST)),
    ]
    return "\n".join(lines)


def step_status(text: str) -> tuple[str, int]:
    """`NAME=CODE`, as `make test` passes each step's exit code."""
    name, _, code = text.rpartition("=")
    if not name or not code.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not NAME=CODE, like \"make check-code=0\"")
    return name, int(code)


def failed_steps(statuses: list[tuple[str, int]]) -> list[str]:
    """A line for each step that did not end well."""
    return [f"{name} failed (exit code {code}): its messages are above." for name, code in statuses if code != 0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.suite_summary", description=__doc__.split("\n\n")[0])
    parser.add_argument("records", nargs="*", type=Path, help="each pytest run's record (JSON)")
    parser.add_argument("--status", action="append", type=step_status, default=[], metavar="NAME=CODE",
                        help="how a step of make test ended; any code but 0 fails this command")
    args = parser.parse_args(argv)
    runs = [(path.stem, json.loads(path.read_text(encoding="utf-8"))) for path in args.records if path.is_file()]
    print(summary(runs))
    failed = failed_steps(args.status)
    for line in failed:
        print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
