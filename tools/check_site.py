"""The build's own checks, on a site already built: every link and anchor resolves (lychee,
offline) and every page is within its weight budgets. No browser, and nothing is built.

`python -m tools.check_site site` (`make check-site`, after `make build`) runs the very tests
that `make test` runs on its own build, tests/build/test_links.py and test_budgets.py, with
their `site` fixture given this folder: the checks are written once, in those files. Without
tests/conftest.py (`--noconftest`), whose `site` is a fresh build; these two files need nothing
else from it. The daily workflow runs this on the site it is about to publish.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKS = ("tests/build/test_links.py", "tests/build/test_budgets.py")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--built-site", type=Path, required=True, help="the built site's folder")


@pytest.fixture(scope="session")
def site(pytestconfig: pytest.Config) -> Path:
    """This module is a pytest plugin (`-p tools.check_site`): `site` is the folder named."""
    built: Path = pytestconfig.getoption("built_site")
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.check_site", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site's folder, e.g. site")
    args = parser.parse_args(argv)
    folder = args.site.resolve()
    if not (folder / "index.html").is_file():
        print(f"{args.site} is not a built site (no index.html there): run `make build` first.", file=sys.stderr)
        return 2
    print(f"Checking the site in {folder}: links and anchors, page-weight budgets.")
    return int(pytest.main(["--noconftest", "-p", "tools.check_site", "--built-site", str(folder),
                            "-p", "no:cacheprovider", "--rootdir", str(ROOT), "-q",
                            *(str(ROOT / check) for check in CHECKS)]))


if __name__ == "__main__":
    sys.exit(main())
