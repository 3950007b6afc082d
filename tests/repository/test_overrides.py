"""Templates copied from Material into overrides/: each names the Material version and file it
was taken from, with that file's SHA-256, so an upgrade that changes Material's original is
noticed before the copy silently drops Material's fix or feature."""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
import shutil
from pathlib import Path

import material

from tests.support.builds import ROOT

OVERRIDES = ROOT / "overrides"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
# main.html extends Material's base.html and overrides blocks: it is not a copy.
EXTENDS_ONLY = {"main.html"}
RECORD = re.compile(
    r"Copied from Material for MkDocs (?P<version>\d+(?:\.\d+)+), templates/(?P<path>\S+), sha256:(?P<sha>[0-9a-f]{64})"
)


def copied_templates(overrides: Path) -> list[Path]:
    return sorted(p for p in overrides.rglob("*.html") if p.relative_to(overrides).as_posix() not in EXTENDS_ONLY)


def stale_copies(overrides: Path, templates: Path) -> list[str]:
    """What is wrong with each copied template: no record, a record naming another file, or
    Material's original no longer the file it was copied from."""
    installed = importlib.metadata.version("mkdocs-material")
    problems = []
    for copy in copied_templates(overrides):
        name = copy.relative_to(overrides).as_posix()
        record = RECORD.search(copy.read_text(encoding="utf-8"))
        if record is None:
            problems.append(
                f"overrides/{name}: no 'Copied from Material for MkDocs <version>, templates/{name}, "
                "sha256:<hash of Material's file>' comment"
            )
            continue
        if record["path"] != name:
            problems.append(f"overrides/{name}: its comment names templates/{record['path']}, not templates/{name}")
            continue
        original = templates / name
        digest = hashlib.sha256(original.read_bytes()).hexdigest() if original.is_file() else None
        if digest != record["sha"]:
            change = "no longer exists" if digest is None else f"has changed (sha256:{digest})"
            problems.append(
                f"overrides/{name} was copied from Material {record['version']}, but Material {installed}'s "
                f"templates/{name} {change}: re-take the override from the new Material version, "
                "re-apply the change its comment describes, and record the new version and SHA-256"
            )
    return problems


def test_every_copied_template_is_the_copy_of_material_s_file_as_installed() -> None:
    assert copied_templates(OVERRIDES), "no copied templates found: is overrides/ where it was?"
    assert not stale_copies(OVERRIDES, MATERIAL_TEMPLATES), "\n".join(stale_copies(OVERRIDES, MATERIAL_TEMPLATES))


def test_a_changed_original_is_reported(tmp_path: Path) -> None:
    """The check is worth something only if it fails: change one of Material's files (a copy)."""
    templates = tmp_path / "templates"
    names = [copy.relative_to(OVERRIDES).as_posix() for copy in copied_templates(OVERRIDES)]
    for each in names:
        (templates / each).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(MATERIAL_TEMPLATES / each, templates / each)
    assert not stale_copies(OVERRIDES, templates)
    name = names[0]
    with (templates / name).open("a", encoding="utf-8") as changed:
        changed.write("\n")
    (problem,) = stale_copies(OVERRIDES, templates)
    assert problem.startswith(f"overrides/{name} was copied from Material ") and "re-take the override" in problem


def test_a_copy_without_its_record_is_reported(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    shutil.copytree(OVERRIDES, overrides)
    (overrides / "partials" / "footer.html").write_text("<footer></footer>\n", encoding="utf-8")
    assert stale_copies(overrides, MATERIAL_TEMPLATES) == [
        "overrides/partials/footer.html: no 'Copied from Material for MkDocs <version>, "
        "templates/partials/footer.html, sha256:<hash of Material's file>' comment"
    ]
