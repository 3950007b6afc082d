"""`make test` runs ruff, mypy and import-linter with the settings in pyproject.toml: each passes on
the repository and fails, in its own words, on a planted violation. No module of the site is
imported by name at run time (`importlib`), where the import contract could not see a cycle."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.builds import ROOT

BIN = Path(sys.executable).parent


def planted_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "repo"
    copy.mkdir()
    shutil.copy2(ROOT / "pyproject.toml", copy / "pyproject.toml")
    for package in ("macros", "tools"):
        shutil.copytree(ROOT / package, copy / package, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def run(copy: Path, *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / command[0]), *command[1:]], cwd=copy, capture_output=True, text=True,
                          timeout=120)


def test_ruff_names_a_planted_unused_import(tmp_path: Path) -> None:
    copy = planted_copy(tmp_path)
    dates = copy / "macros" / "common" / "dates.py"
    dates.write_text(dates.read_text(encoding="utf-8") + "\nimport os\n", encoding="utf-8")
    done = run(copy, "ruff", "check", "macros")
    assert done.returncode == 1 and "F401" in done.stdout and "dates.py" in done.stdout, done.stdout


def test_mypy_names_a_planted_untyped_function(tmp_path: Path) -> None:
    copy = planted_copy(tmp_path)
    dates = copy / "macros" / "common" / "dates.py"
    dates.write_text(dates.read_text(encoding="utf-8") + "\n\ndef untyped(day):\n    return day\n", encoding="utf-8")
    done = run(copy, "mypy", "--no-incremental", "macros/common/dates.py")
    assert done.returncode == 1 and "Function is missing a type annotation" in done.stdout, done.stdout


def test_import_linter_names_a_planted_upward_import(tmp_path: Path) -> None:
    copy = planted_copy(tmp_path)
    model = copy / "macros" / "data" / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\nfrom macros.engine import cli  # noqa\n", encoding="utf-8")
    done = run(copy, "lint-imports", "--no-cache")
    assert done.returncode == 1, done.stdout
    assert "BROKEN" in done.stdout and "macros.data is not allowed to import macros.engine" in done.stdout, done.stdout


def test_no_module_of_the_site_is_imported_by_name_at_run_time() -> None:
    """`importlib.import_module("macros…")` or `__import__` would hide an import from the contract."""
    found = []
    for path in sorted((ROOT / "macros").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                    "import_module", "__import__", "spec_from_file_location"):
                named = ast.unparse(node.args[0]) if node.args else ""
                if "macros" in named:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {named}")
    assert found == []
