"""What the release command (macros/release.py) imports from here, until it moves to
tools/ and imports macros.archive itself: the archive files and their hashes."""

from macros.archive import archive_path, data_snapshot, pdf_path, sha256

__all__ = ["archive_path", "data_snapshot", "pdf_path", "sha256"]
