"""`python -m tools.suite_summary FIRST.json [SECOND.json …]`: the one short summary `make test` ends
with: what passed, how long the tests took, and the five slowest test files, so that whoever adds
the next slow check sees it. Each file is one pytest run's record (tests/support/summary.py); the
runs are made side by side, so the tests took as long as the longest of them."""

from __future__ import annotations

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


def main(argv: list[str] | None = None) -> int:
    paths = [Path(arg) for arg in (sys.argv[1:] if argv is None else argv)]
    runs = [(path.stem, json.loads(path.read_text(encoding="utf-8"))) for path in paths if path.is_file()]
    print(summary(runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
