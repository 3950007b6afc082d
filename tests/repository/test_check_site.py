"""`make check-site`, which the daily rebuild runs on the site it is about to publish: the build's
own checks (links and anchors, page-weight budgets) on a folder already built, without a browser."""

from __future__ import annotations

import base64
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.builds import ROOT, shell_environment


def check_site(folder: Path) -> subprocess.CompletedProcess[str]:
    """`python -m tools.check_site FOLDER`, as `make check-site` runs it, apart from this run's pytest."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    return subprocess.run([sys.executable, "-m", "tools.check_site", str(folder)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def test_make_check_site_checks_the_site_folder() -> None:
    venv = Path(sys.executable).parent.parent
    dry_run = subprocess.run(["make", "-n", "--no-print-directory", f"VENV={venv}", "-o", f"{venv}/.installed",
                              "check-site"], cwd=ROOT, env=shell_environment(), capture_output=True, text=True,
                             timeout=60, check=False)
    assert dry_run.returncode == 0, dry_run.stderr
    assert dry_run.stdout.strip() == f"{venv}/bin/python -m tools.check_site site"


def test_a_built_site_passes(site: Path) -> None:
    done = check_site(site)
    assert done.returncode == 0, done.stdout + done.stderr
    assert " passed" in done.stdout and "failed" not in done.stdout, done.stdout


def test_a_broken_link_and_an_overweight_page_fail(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    home = copy / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace("</body>", '<a href="no-such-page/">x</a></body>'),
                    encoding="utf-8")
    # Text that gzip cannot shrink: 30 KiB of it is over the policy page's 12 KiB.
    noise = base64.b64encode(random.Random(0).randbytes(30 * 1024)).decode()
    policy = copy / "policy" / "index.html"
    policy.write_text(policy.read_text(encoding="utf-8").replace("</body>", f"<!-- {noise} --></body>"),
                      encoding="utf-8")
    done = check_site(copy)
    assert done.returncode != 0, done.stdout
    assert "FAILED tests/build/test_links.py" in done.stdout, done.stdout
    assert "FAILED tests/build/test_budgets.py" in done.stdout, done.stdout


def test_a_folder_that_is_not_a_built_site_is_refused(tmp_path: Path) -> None:
    done = check_site(tmp_path)
    assert done.returncode == 2
    assert "not a built site" in done.stderr and "make build" in done.stderr
