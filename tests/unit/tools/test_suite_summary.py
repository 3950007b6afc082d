"""The summary `make test` ends with: what passed, how long, the five slowest files; and the pytest
plugin that records each run, with its workers' reports, for it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.builds import ROOT
from tools import suite_summary

RUN = {"outcomes": {"passed": 3, "skipped": 1}, "seconds": 200.4,
       "files": {f"tests/t{i}.py": float(i) for i in range(1, 8)}}


def test_the_summary_says_what_passed_how_long_it_took_and_the_five_slowest_files() -> None:
    second = {"outcomes": {"passed": 2}, "seconds": 70.0, "files": {"tests/t1.py": 10.0}}
    said = suite_summary.summary([("this-school", RUN), ("fictional-school", second)]).splitlines()
    # Side by side: as long as the longer run.
    assert said[0] == ("make test: 5 passed, 1 skipped, in 3 min 20 s of tests, side by side "
                       "(this-school: 3 passed in 3 min 20 s; fictional-school: 2 passed in 1 min 10 s).")
    # The two runs' times for a file add up: t1 is 1 + 10 s.
    assert [line.split()[-1] for line in said[2:]] == ["tests/t1.py", "tests/t7.py", "tests/t6.py", "tests/t5.py",
                                                       "tests/t4.py"]
    assert len(said) == 2 + suite_summary.SLOWEST


def test_a_failure_is_named_in_the_first_line() -> None:
    failed = {**RUN, "outcomes": {"passed": 1, "failed": 2, "error": 1}}
    assert suite_summary.summary([("run", failed)]).startswith("make test: 1 passed, 2 failed, 1 error, in ")


def test_the_plugin_records_a_run_under_workers_once(tmp_path: Path) -> None:
    (tmp_path / "test_a.py").write_text("import pytest\n\ndef test_one():\n    pass\n\n"
                                        "def test_two():\n    assert False\n\n"
                                        "@pytest.mark.skip\ndef test_three():\n    pass\n", encoding="utf-8")
    (tmp_path / "test_b.py").write_text("def test_four():\n    pass\n", encoding="utf-8")
    record = tmp_path / "run.json"
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "2", "-p", "tests.support.summary",
                           "-p", "no:cacheprovider", "--rootdir", str(tmp_path), str(tmp_path)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "TEST_SUMMARY": str(record), "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1, done.stdout + done.stderr
    run = json.loads(record.read_text(encoding="utf-8"))
    assert run["outcomes"] == {"passed": 2, "failed": 1, "skipped": 1}
    assert sorted(Path(name).name for name in run["files"]) == ["test_a.py", "test_b.py"]
    assert run["seconds"] > 0


def test_a_failed_step_is_named_last_and_fails_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = tmp_path / "this-school.json"
    record.write_text(json.dumps(RUN), encoding="utf-8")
    assert suite_summary.main([str(record), "--status", "The tests=0", "--status", "make check-code=2"]) == 1
    said = capsys.readouterr().out.rstrip().splitlines()
    assert said[0].startswith("make test: 3 passed, 1 skipped")
    assert said[-1] == "make check-code failed (exit code 2): its messages are above."


def test_steps_that_all_ended_well_leave_the_summary_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = tmp_path / "this-school.json"
    record.write_text(json.dumps(RUN), encoding="utf-8")
    assert suite_summary.main([str(record), "--status", "The tests=0", "--status", "make check-code=0"]) == 0
    assert capsys.readouterr().out.rstrip().splitlines()[-1].endswith("tests/t3.py")


def test_a_status_that_is_not_name_equals_code_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        suite_summary.main(["--status", "make check-code"])
    assert ended.value.code == 2
    assert capsys.readouterr().err.rstrip().splitlines()[-1].endswith(
        "'make check-code' is not NAME=CODE, like \"make check-code=0\"")
