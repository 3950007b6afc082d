""".ci/run, CI's entry point: it installs what the tests need when the machine lacks it, Chromium's
headless shell if it can, and then runs exactly `make test`, whose result is CI's. A machine that
cannot install the headless shell still runs every test, on Chromium itself, and says so. Run on a
copy of the script with stand-ins for apt-get and make on a PATH that has nothing else."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.builds import ROOT, shell_environment

# What the script needs of the machine besides what it installs.
SYSTEM_COMMANDS = ("bash", "id", "dirname", "cat")
# Each stand-in records how it was called, then ends as its file in STAND_INS says (else 0).
STAND_IN = """#!/usr/bin/env bash
echo "{name} $*" >> "$STAND_INS/calls"
if [ "{name} $*" = "apt-get install -y -qq chromium-headless-shell" ] && [ -e "$STAND_INS/shell-installs" ]; then
  printf '#!/usr/bin/env bash\\n' > "$STAND_INS/bin/chromium-headless-shell"
  chmod +x "$STAND_INS/bin/chromium-headless-shell"
fi
exit $(cat "$STAND_INS/{name}-exit" 2>/dev/null || echo 0)
"""
FALLBACK = "chromium-headless-shell could not be installed: the browser tests drive Chromium itself."


@pytest.fixture
def machine(tmp_path: Path) -> Path:
    """A copy of the project's .ci/run, and a PATH with Chromium, Node.js, npm and Java already
    there, apt-get, sudo and make as stand-ins, and no headless shell."""
    (tmp_path / "project" / ".ci").mkdir(parents=True)
    shutil.copy2(ROOT / ".ci" / "run", tmp_path / "project" / ".ci" / "run")
    stand_ins = tmp_path / "stand-ins"
    (stand_ins / "bin").mkdir(parents=True)
    for name in SYSTEM_COMMANDS:
        found = shutil.which(name)
        assert found, f"{name} is not on this machine"
        (stand_ins / "bin" / name).symlink_to(found)
    for name in ("chromium", "node", "npm", "java", "apt-get", "make"):
        (stand_ins / "bin" / name).write_text(STAND_IN.format(name=name), encoding="utf-8")
        (stand_ins / "bin" / name).chmod(0o755)
    # sudo runs what it is given, as root would.
    (stand_ins / "bin" / "sudo").write_text('#!/usr/bin/env bash\nexec "$@"\n', encoding="utf-8")
    return tmp_path


def ci_run(machine: Path, **exits: int) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    stand_ins = machine / "stand-ins"
    for name, code in exits.items():
        (stand_ins / f"{name.replace('_', '-')}-exit").write_text(str(code), encoding="utf-8")
    done = subprocess.run([str(machine / "project" / ".ci" / "run")], capture_output=True, text=True, timeout=60,
                          env={**shell_environment(), "PATH": str(stand_ins / "bin"), "STAND_INS": str(stand_ins)})
    calls = (stand_ins / "calls").read_text(encoding="utf-8").splitlines() if (stand_ins / "calls").exists() else []
    return done, calls


def test_the_headless_shell_is_installed_and_then_make_test_runs(machine: Path) -> None:
    (machine / "stand-ins" / "shell-installs").touch()
    done, calls = ci_run(machine)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "apt-get install -y -qq chromium-headless-shell" in calls
    assert FALLBACK not in done.stdout + done.stderr
    assert calls[-1] == "make test"
    # Once installed, it is not installed again.
    (machine / "stand-ins" / "calls").unlink()
    _, again = ci_run(machine)
    assert again == ["make test"]


def test_without_the_headless_shell_every_test_still_runs_on_chromium(machine: Path) -> None:
    done, calls = ci_run(machine, apt_get=100)
    assert done.returncode == 0, done.stdout + done.stderr
    assert FALLBACK in done.stdout
    assert calls[-1] == "make test"


def test_ci_fails_when_make_test_fails(machine: Path) -> None:
    (machine / "stand-ins" / "shell-installs").touch()
    done, calls = ci_run(machine, make=2)
    assert done.returncode == 2
    assert calls[-1] == "make test"


def test_what_the_machine_lacks_is_installed_first(machine: Path) -> None:
    (machine / "stand-ins" / "bin" / "java").unlink()
    (machine / "stand-ins" / "shell-installs").touch()
    _, calls = ci_run(machine)
    assert calls[:2] == ["apt-get update -qq", "apt-get install -y -qq default-jre-headless"]
    assert calls[-1] == "make test"
