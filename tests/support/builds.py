"""The one way tests build a site: the real `mkdocs build --strict`, into a temporary folder; and
the links checked in it."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from filelock import FileLock

from macros.data import language_file, model
from tests.support.forked_engine import run_engine
from tests.support.pages import pages
from tools import copy_build_inputs

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
# The data file the suite runs with: SCHOOL_DATA (as `make test` sets for its second pass), else
# the school's own. Every test that is not about this school's published wording holds for both.
DATA_FILE = Path(os.environ["SCHOOL_DATA"]).resolve() if os.environ.get("SCHOOL_DATA") else ROOT / "school.yml"
DATA = model.load(DATA_FILE)
# The school's original published text, and whose it is (original/README.md).
ORIGINAL = ROOT / "original" / "parent-whatsapp-groups-guidance.txt"
ORIGINAL_SCHOOL = ROOT / "original" / "school.txt"


def is_original_school() -> bool:
    """Whether the data file in use is the school whose published text original/ holds."""
    return ORIGINAL_SCHOOL.is_file() and ORIGINAL_SCHOOL.read_text(encoding="utf-8").strip() == DATA.school.name




@dataclass(frozen=True)
class Build:
    returncode: int
    output: str
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0


    @property
    def last_lines(self) -> str:
        """The closing summary of a failed build: what a person reads first."""
        return self.output.rstrip().rsplit("-" * 72 + "\n", 1)[-1] if "-" * 72 in self.output else ""


# The guidance's own clauses, then the responses the data file lists (R1–R4 for Haydn).
CLAUSE_IDS = [f"V{i}" for i in range(1, 4)] + [f"C{i}" for i in range(1, 5)] + [
    f"E{i}" for i in range(1, 6)] + [f"A{i}" for i in range(1, 8)] + [r.id for r in DATA.responses]

Mutation = Callable[[Path], None]


def replace(relative: str, old: str, new: str) -> Mutation:
    """A change to one file of a project copy; the old text must be there."""

    def mutate(project: Path) -> None:
        path = project / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return mutate


def remove(relative: str) -> Mutation:
    return lambda project: (project / relative).unlink()


def shell_environment(*drop: str) -> dict[str, str]:
    """The environment a person's shell gives a command: no data file chosen, and not called from
    another make (whose MAKELEVEL changes make's messages); less any other variable named."""
    return {k: v for k, v in os.environ.items() if k not in ("SCHOOL_DATA", "MAKELEVEL", "MAKEFLAGS", "MFLAGS", *drop)}


def make(project: Path, *args: str, env: dict[str, str] | None = None,
         drop: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """`make …` in a project copy as a person runs it (shell_environment): its own data file, and
    the shared virtualenv, never reinstalled."""
    venv = Path(sys.executable).parent.parent
    environment = shell_environment(*drop)
    environment.update({"NO_MKDOCS_2_WARNING": "1", **(env or {})})
    return subprocess.run(["make", "-s", "--no-print-directory", f"VENV={venv}", "-o", f"{venv}/.installed", *args],
                          cwd=project, env=environment, capture_output=True, text=True, timeout=300)


# The translations this repository ships with, complete and checked whole; tests name them. A
# language a school adds since is found in translations/, and may be partial (README).
SHIPPED_LANGUAGES = ("ar", "pl", "ur")


def one_of_each_direction(project: Path) -> tuple[str, ...]:
    """One translation of each direction a project's translations have: a shipped one where there
    is one (tests name them), else the first by language code. A language added changes neither."""
    chosen: dict[str, str] = {}
    for _, words in sorted(language_file.discover(project),
                           key=lambda found: (found[1].language not in SHIPPED_LANGUAGES, found[1].language)):
        chosen.setdefault(words.dir, words.language)
    return tuple(sorted(chosen.values()))


# A copy of the project that tests a mechanism (a release, a bad input, a second build, another
# engine) keeps one translation of each direction: what the build does for a translation is the
# same in every language but for its direction, so the languages a school adds cost those builds
# nothing. Each language's own words, `lang`, `dir`, layout and budgets are checked on the shared
# build, which has every language (tests/build/test_languages.py and the tests beside it).
SAMPLE_LANGUAGES = one_of_each_direction(ROOT)


def keep_languages(project: Path, languages: tuple[str, ...] | None = SAMPLE_LANGUAGES) -> None:
    """Remove from a project copy every translation but those named (None: keep them all)."""
    for folder, words in language_file.discover(project):
        if languages is not None and words.language not in languages:
            shutil.rmtree(folder)


def copy_project(dest: Path, languages: tuple[str, ...] | None = SAMPLE_LANGUAGES) -> Path:
    """A private copy of the project (with the data file in use as its school.yml), for tests
    that break a part of it; with the translations named (one of each direction, unless told;
    None: every one, for a build compared with the shared one)."""
    copy_build_inputs(dest)
    shutil.copy2(DATA_FILE, dest / "school.yml")
    keep_languages(dest, languages)
    return dest


def source_date_epoch() -> str:
    """The build's clock: `make test` exports the last commit's time; else a fixed day."""
    return os.environ.get("SOURCE_DATE_EPOCH", "1767225600")


def site_packages(root: Path) -> dict[Path, bytes]:
    """A project's site packages (macros/), file by file."""
    return {path.relative_to(root): path.read_bytes() for path in (root / "macros").rglob("*.py")}


OUR_PACKAGES = site_packages(ROOT)


def has_our_packages(project: Path) -> bool:
    """Whether a project's site packages are this repository's, as the fork server has them
    imported (tests/support/forked_engine.py)."""
    return project == ROOT or site_packages(project) == OUR_PACKAGES


def build(site: Path, project: Path | None = None, data_file: Path | None = None,
          env: dict[str, str] | None = None, engine: str = "mkdocs") -> Build:
    """Build `project` (default: this one, with the data file in use) into `site` as `make build`
    does, through macros.engine.cli (with `engine`); never raises on failure. MkDocs builds run
    forked from a process that has imported it already (tests/support/forked_engine.py), unless
    the project's own packages differ from those it imported."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    environment.pop("SCHOOL_DATA", None)
    if data_file is not None:
        environment["SCHOOL_DATA"] = str(data_file)
    elif project is None:
        environment["SCHOOL_DATA"] = str(DATA_FILE)
    environment["SOURCE_DATE_EPOCH"] = source_date_epoch()
    project = project or ROOT
    argv = ["build", "--engine", engine, "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    if engine == "mkdocs" and has_our_packages(project):
        returncode, output = run_engine(argv, project, environment, timeout=300)
        return Build(returncode, output, site)
    result = subprocess.run([sys.executable, "-m", "macros.engine", *argv], cwd=project, env=environment,
                            capture_output=True, text=True, timeout=300)
    return Build(result.returncode, result.stdout + result.stderr, site)


def shared_build(tmp_path_factory: Any, data_file: Path) -> Build:
    """One build per configuration (this project, with a data file) for the whole run. With several
    workers (pytest-xdist, as `make test` runs), the first to ask builds it under a lock and records
    how it went; the others read the record and use the same folder. `make test`'s two passes share
    one folder for it (SHARED_BUILDS), so the fictional school's site the first pass tests is the
    one the second pass tests too, built once."""
    if os.environ.get("SHARED_BUILDS"):
        root = Path(os.environ["SHARED_BUILDS"])
        root.mkdir(parents=True, exist_ok=True)
    else:
        root = tmp_path_factory.getbasetemp()
        if os.environ.get("PYTEST_XDIST_WORKER"):
            root = root.parent  # the run's folder, which every worker's own folder is in
    name = "site-" + hashlib.sha256(str(data_file.resolve()).encode()).hexdigest()[:12]
    folder = root / name
    record = folder / "build.json"
    with FileLock(root / f"{name}.lock"):
        if not record.is_file():
            folder.mkdir(exist_ok=True)
            result = build(folder / "site", data_file=data_file)
            record.write_text(json.dumps({"returncode": result.returncode, "output": result.output}),
                              encoding="utf-8")
        recorded = json.loads(record.read_text(encoding="utf-8"))
    return Build(recorded["returncode"], recorded["output"], folder / "site")


LYCHEE = Path(sys.executable).with_name("lychee")


def web_root(site: Path, folder: Path, site_url: str | None = None) -> Path:
    """A folder standing for the web server's root, with the site at its published path."""
    mount = folder / urlsplit(site_url or DATA.school.site_url).path.strip("/")
    mount.parent.mkdir(parents=True, exist_ok=True)
    mount.symlink_to(site, target_is_directory=True)
    return folder


def lychee(site: Path, root: Path, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """Every link and anchor of the built pages, checked offline against the files (lychee)."""
    url = urlsplit(site_url or DATA.school.site_url)
    origin = re.escape(f"{url.scheme}://{url.netloc}/")
    command = [
        str(LYCHEE), "--offline", "--include-fragments", "--no-progress", "--mode", "plain",
        "--index-files", "index.html",
        "--root-dir", str(root),
        "--remap", f"^{origin}(.*)$ {root.as_uri()}/$1",
        "--", *[str(p) for p in pages(site)],
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=120)
