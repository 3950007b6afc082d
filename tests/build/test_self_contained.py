"""A school clones the repository alone: nothing in it may read a path outside it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.support.builds import ROOT

# A relative path that climbs out of a folder (`../elsewhere/x`), or code that climbs above the root.
CLIMB = re.compile(r"(?:\.\./)+\w[\w.-]*")
ABOVE_ROOT = re.compile(r'ROOT\.parent\b|(?:\.\./|parent ?/ ?)"?shared\b|\bshared/source\b|/work/')
# Files whose `../` are links between pages or URLs, not paths on disk.
URL_FILES = (".md", ".py", ".js", ".html", ".css")


def tracked_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [ROOT / name for name in listed.stdout.split("\0") if name]


def escapes(reference: str, base: Path) -> bool:
    return not (base / reference).resolve().is_relative_to(ROOT.resolve())


def outside_references(files: list[Path]) -> list[str]:
    found = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        relative = path.relative_to(ROOT).as_posix()
        for number, line in enumerate(text.splitlines(), 1):
            hits = [m.group(0) for m in ABOVE_ROOT.finditer(line)]
            if path.suffix not in URL_FILES:
                # From the file's folder and from the root (where make and CI run): outside both is outside.
                hits += [ref for ref in CLIMB.findall(line) if escapes(ref, path.parent) and escapes(ref, ROOT)]
            found += [f"{relative}:{number}: {hit}" for hit in hits]
    return found


def test_no_tracked_file_refers_to_a_path_outside_the_repository() -> None:
    files = [p for p in tracked_files() if p.name != Path(__file__).name]
    assert len(files) > 50, "git ls-files found too few files to be this repository"
    assert outside_references(files) == []


def test_the_check_finds_a_reference_outside() -> None:
    # The way the verbatim tests once read the source, which a plain clone lacks.
    planted = ROOT / "tests" / "_planted_outside.py"
    beside = "sha" + "red"  # spelt in two, so that this file itself reads nothing outside
    planted.write_text(f'SOURCE = ROOT.parent / "{beside}" / "source" / "x.txt"\nopen("../../{beside}/x")\n',
                       encoding="utf-8")
    try:
        found = outside_references([planted])
    finally:
        planted.unlink()
    assert [hit.split(":")[1] for hit in found] == ["1", "2"], found


def test_the_original_text_is_kept_in_the_repository() -> None:
    original = ROOT / "original" / "parent-whatsapp-groups-guidance.txt"
    assert original in tracked_files()
    assert "Parent WhatsApp Groups – Guidance" in original.read_text(encoding="utf-8")
