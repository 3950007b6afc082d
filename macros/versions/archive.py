"""Archived copies of approved versions: their files, checked against the hashes recorded
when each was approved, and what of the data file each keeps."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.clauses.markup import Clause, find
from macros.common.problems import Problem, SiteError
from macros.data import front_matter
from macros.data.model import SchoolData, Version

ARCHIVE_DIR = "versions"


class ArchiveError(ValueError):
    """An archived copy is missing or no longer matches the hash recorded when it was approved."""


@dataclass(frozen=True)
class Archive:
    version: Version
    body: str
    data: dict[str, Any]

    @property
    def clauses(self) -> list[Clause]:
        return find(self.body)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def archive_path(docs_dir: Path, number: str) -> Path:
    return docs_dir / ARCHIVE_DIR / f"{number}.md"


def pdf_path(docs_dir: Path, number: str) -> Path:
    return docs_dir / ARCHIVE_DIR / f"{number}.pdf"


def load_archives(docs_dir: Path, data: SchoolData) -> list[Archive]:
    """Every recorded version's frozen copy, after checking it (and its PDF) against its hash."""
    archives = []
    for version in data.versions:
        path = archive_path(docs_dir, version.number)
        if not path.is_file():
            raise ArchiveError(f"version {version.number}: the archived copy {path} is missing")
        if sha256(path) != version.sha256:
            raise ArchiveError(
                f"version {version.number}: {path} does not match the SHA-256 recorded in the data file "
                f"(recorded {version.sha256}, found {sha256(path)}): the approved copy has been changed"
            )
        pdf = pdf_path(docs_dir, version.number)
        if version.pdf_sha256 is not None and (not pdf.is_file() or sha256(pdf) != version.pdf_sha256):
            raise ArchiveError(f"version {version.number}: {pdf} is missing or does not match its recorded SHA-256")
        page = front_matter.split(path.read_text(encoding="utf-8"))
        archives.append(Archive(version, page.body, page.meta.get("data", {})))
    return archives


def checked_archives(docs_dir: Path, data: SchoolData) -> tuple[Archive, ...]:
    """`load_archives`, with a mismatch said as the problem that stops the build."""
    try:
        return tuple(load_archives(docs_dir, data))
    except ArchiveError as error:
        raise SiteError(Problem(f"{docs_dir.name}/{ARCHIVE_DIR}/", f"{error}.", "put back the approved copy "
                                "from git history: an approved version is never edited.")) from None


def data_snapshot(data: SchoolData) -> dict[str, Any]:
    """What an archive keeps of the data file: the contacts and the responses as they were."""
    return data.model_dump(mode="json", include={"contact", "concern_steps", "responses", "proportionality"})
