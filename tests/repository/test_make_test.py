"""`make test` itself: its last lines name any step that failed (either pass of the tests, or the
code checks run beside them), and it fails with it. Run on a copy of the Makefile whose virtual
environment's commands stand in for pytest, ruff, mypy and import-linter, each doing what it is
told; the summary is the real `tools.suite_summary`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.builds import ROOT, shell_environment

# What the stand-ins do: a pytest run records one file's time as tests/support/summary.py would.
PYTHON = f"""#!/usr/bin/env bash
if [ "$1 $2" = "-m tools.suite_summary" ]; then PYTHONPATH={ROOT} exec {sys.executable} "$@"; fi
if [ "$1 $2" = "-m pytest" ]; then
  pass=this; [ -n "${{SCHOOL_DATA:-}}" ] && pass=fictional
  printf '{{"outcomes": {{"passed": 2}}, "seconds": 3.0, "files": {{"tests/test_%s.py": 3.0}}}}' $pass > "$TEST_SUMMARY"
  echo "pytest stand-in: the $pass pass"
  code=$(cat "$STAND_INS/$pass" 2>/dev/null || echo 0); exit $code
fi
exit 0
"""
CHECK = """#!/usr/bin/env bash
code=$(cat "$STAND_INS/{name}" 2>/dev/null || echo 0)
[ "$code" -eq 0 ] || echo "{name} stand-in: a planted problem"
exit $code
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The Makefile and the lock files its installs depend on, its installs already done (their
    stamps newer than the locks), and stand-ins for the commands in the virtual environment."""
    project = tmp_path / "project"
    for name in ("Makefile", "requirements.lock", "requirements-uv.lock", "tests/lighthouse/package-lock.json"):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, project / name)
    bin_dir = project / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    for name, text in {"python": PYTHON, **{tool: CHECK.format(name=tool) for tool in ("ruff", "mypy", "lint-imports")}
                       }.items():
        (bin_dir / name).write_text(text, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    (project / ".venv" / ".installed").touch()
    (project / "tests" / "lighthouse" / "node_modules").mkdir()
    (project / "tests" / "lighthouse" / "node_modules" / ".installed").touch()
    return project


def make_test(project: Path, **failing: int) -> subprocess.CompletedProcess[str]:
    """`make test` in the copy, each stand-in named in `failing` ending with that code."""
    stand_ins = project / "stand-ins"
    stand_ins.mkdir(exist_ok=True)
    for name, code in failing.items():
        (stand_ins / name).write_text(str(code), encoding="utf-8")
    return subprocess.run(["make", "--no-print-directory", "test"], cwd=project, capture_output=True, text=True,
                          env={**shell_environment("TEST_SUMMARY", "SHARED_BUILDS"), "STAND_INS": str(stand_ins)},
                          timeout=60)


def test_when_every_step_passes_make_test_ends_with_the_summary(project: Path) -> None:
    done = make_test(project)
    assert done.returncode == 0, done.stdout + done.stderr
    said = done.stdout.rstrip().splitlines()
    assert said[-4].startswith("make test: 4 passed, in 3 s of tests, side by side"), said
    assert sorted(line.split()[-1] for line in said[-2:]) == ["tests/test_fictional.py", "tests/test_this.py"]
    assert "failed" not in done.stdout


@pytest.mark.parametrize(("failing", "named"), [
    ({"ruff": 1}, "make check-code failed (exit code 2): its messages are above."),
    ({"mypy": 1}, "make check-code failed (exit code 2): its messages are above."),
    ({"lint-imports": 1}, "make check-code failed (exit code 2): its messages are above."),
    ({"this": 1}, "The tests failed (exit code 1): its messages are above."),
    ({"fictional": 1}, "The tests with the fictional school's data file failed (exit code 1): its messages are above."),
], ids=["ruff", "mypy", "import-linter", "tests", "fictional-school tests"])
def test_a_failing_step_is_named_last_and_fails_make_test(project: Path, failing: dict[str, int], named: str) -> None:
    done = make_test(project, **failing)
    assert done.returncode != 0
    said = done.stdout.rstrip().splitlines()
    assert said[-1] == named, said
    # The summary is still said, before it; a code check's own message is shown after the tests'.
    assert any(line.startswith("make test: 4 passed") for line in said[-5:]), said
    (tool,) = failing
    if tool not in ("this", "fictional"):
        assert said.index(f"{tool} stand-in: a planted problem") > said.index("pytest stand-in: the fictional pass")
