"""Where the data file is, and what of it MkDocs' own settings take (name, URL, description)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, MutableMapping

from macros.model import SchoolData

POLICY_TITLE = "Parent WhatsApp Groups – Guidance"


def data_path(config: MutableMapping[str, Any]) -> Path:
    """The data file: `extra.data_file` in mkdocs.yml, relative to it; SCHOOL_DATA overrides."""
    named = os.environ.get("SCHOOL_DATA") or config["extra"].get("data_file", "school.yml")
    return (Path(config["config_file_path"]).parent / named).resolve()


def apply(config: MutableMapping[str, Any], data: SchoolData) -> None:
    """Site name, URL and description come from the data file, never from mkdocs.yml."""
    config["site_name"] = data.school.name
    config["site_url"] = data.school.site_url
    config["site_description"] = (
        f"{data.school.name}: {POLICY_TITLE}. How to use class WhatsApp groups, "
        "what is not acceptable, and how to raise a concern."
    )
    config["copyright"] = f"© {data.school.name}"
