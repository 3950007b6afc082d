"""`make new-school DATA=path/to/your-school.yml`: turn this repository into another school's site.

It checks the new data file first and changes nothing if it is wrong. Then it makes that file
the site's `school.yml`, removes this school's approval history (its archived versions and PDFs)
and its original published text (original/), and builds the site to show it works. The pages
then say the guidance has not yet been approved, until `make release` records a first version.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from macros.common.problems import Problem, SiteError, summary
from macros.data import model

ROOT = Path(__file__).resolve().parent.parent
# What the guidance's version pages need whatever the history: the history and the changes.
KEPT_VERSION_PAGES = {"index.md", "changes.md"}


def check(data_file: Path) -> model.SchoolData:
    """The new school's data file must be valid, and start with no approved version of its own."""
    if not data_file.is_file():
        raise SiteError(Problem("DATA", "there is no file at this path.", "give the path to your school's data "
                                "file, for example: make new-school DATA=our-school.yml", value=str(data_file)))
    data = model.load(data_file)
    if data.versions:
        raise SiteError(Problem(str(data_file), "a new school's data file records approved versions, but their "
                                "archived copies are not in this repository.", "set `versions: []`; record "
                                "your first approved version with `make release` once the site is yours.",
                                "versions", ", ".join(v.number for v in data.versions)))
    return data


def history(root: Path) -> list[Path]:
    """This school's approval record: archived versions and their PDFs, and its original text."""
    versions = [p for p in sorted((root / "docs" / "versions").iterdir()) if p.name not in KEPT_VERSION_PAGES]
    original = root / "original"
    return versions + ([original] if original.exists() else [])


def build_check(root: Path) -> None:
    with tempfile.TemporaryDirectory() as temp:
        result = subprocess.run([sys.executable, "-m", "macros.engine", "build", "-d", str(Path(temp) / "site")],
                                cwd=root, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make new-school DATA=…", description=__doc__)
    parser.add_argument("data_file", type=Path)
    args = parser.parse_args(argv)
    try:
        data = check(args.data_file.resolve())
    except SiteError as error:
        sys.stderr.write(summary(error.problems).replace("The site was not built", "Nothing was changed") + "\n")
        return 1
    target = ROOT / "school.yml"
    if args.data_file.resolve() != target.resolve():
        shutil.copyfile(args.data_file, target)
    removed = history(ROOT)
    for path in removed:
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    build_check(ROOT)
    print(f"This repository is now the site of {data.school.name}.")
    print(f"- school.yml is your data file; removed: {', '.join(p.relative_to(ROOT).as_posix() for p in removed)}.")
    print("- The pages say the guidance has not yet been approved, until you record a first version")
    print("  with `make release` (see the README).")
    print("Next: `make serve` to look at it, then commit everything (git add -A && git commit).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
