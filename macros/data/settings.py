"""Where the data file is, and what of it MkDocs' own settings take (name, URL, description)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Any

import pathspec
import yaml

from macros.common.problems import Problem, SiteError
from macros.data.model import SchoolData

POLICY_TITLE = "Parent WhatsApp Groups – Guidance"
# How `make release` asks a build for the policy as it renders today, to freeze it: the path to
# write the policy's Markdown to, macros expanded, once the build has succeeded.
FREEZE_ENV = "FREEZE_POLICY_TO"


def data_path(config_file: Path, extra: Mapping[str, Any] | None = None) -> Path:
    """The data file: `extra.data_file` in mkdocs.yml (read from it unless given), relative to it;
    SCHOOL_DATA overrides. Every part of the site finds it here."""
    if extra is None:
        extra = (yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}).get("extra") or {}
    named = os.environ.get("SCHOOL_DATA") or extra.get("data_file", "school.yml")
    return (config_file.parent / named).resolve()


def apply(config: MutableMapping[str, Any], data: SchoolData) -> None:
    """Site name, URL and description come from the data file, never from mkdocs.yml."""
    config["site_name"] = data.school.name
    config["site_url"] = data.school.site_url
    # The point first: a messaging app shows only the first 80 characters or so.
    config["site_description"] = (
        "How to use class WhatsApp groups, and how to raise a concern. "
        f"Guidance for parents and carers from {data.school.name}: what is not acceptable, "
        "and how the school may respond."
    )
    config["copyright"] = f"© {data.school.name}"


def today() -> dt.date:
    """The day of the build, for review dates; BUILD_DATE (YYYY-MM-DD) fixes it for tests."""
    fixed = os.environ.get("BUILD_DATE")
    if not fixed:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(fixed)
    except ValueError:
        raise SiteError(Problem("BUILD_DATE", "the day of the build is not a real date written YYYY-MM-DD.",
                                "write it as year-month-day, like BUILD_DATE=2027-01-20, or leave it out "
                                "to build as of today.", "the setting", repr(fixed))) from None


def check_plugins(config: MutableMapping[str, Any]) -> None:
    """The clause-aware search rewrites the index Material's search plugin writes, and the macros
    render after search has read the pages: search must be there, and come first."""
    names = list(config["plugins"].keys())
    search = next((i for i, name in enumerate(names) if name.split("/")[-1] == "search"), None)
    macros = next((i for i, name in enumerate(names) if name == "macros"), len(names))
    listed = ", ".join(names)
    if search is None:
        raise SiteError(Problem("mkdocs.yml", "the search plugin is missing from `plugins:`; the site's search "
                                "needs it.", "add `- search` as the first entry under `plugins:`.",
                                "plugins", listed))
    if search > macros:
        raise SiteError(Problem("mkdocs.yml", "`search` comes after `macros` under `plugins:`; the site's "
                                "search needs it first.", "move the `- search` entry above `- macros`.",
                                "plugins", listed))


def exclude_unrecorded_archives(config: MutableMapping[str, Any], docs_dir: Path, recorded: set[str]) -> None:
    """Leave out archived copies the data file does not record: another school's data file
    starts its own history, and shows none of this school's."""
    stray = [
        f"/versions/{path.name}"
        for path in sorted((docs_dir / "versions").glob("*"))
        if path.suffix in {".md", ".pdf"} and path.stem not in recorded and path.stem not in {"index", "changes"}
    ]
    if stray:
        existing = [str(p.pattern) for p in config["exclude_docs"].patterns] if config.get("exclude_docs") else []
        config["exclude_docs"] = pathspec.gitignore.GitIgnoreSpec.from_lines([*existing, *stray])
