"""`make release`: record an approved version.

Freezes the policy as it renders today (contacts and responses included) into
docs/versions/<number>.md, prints it to docs/versions/<number>.pdf, and records both
files' SHA-256 with the approval details in the data file. Commit the three files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from macros import versions
from macros.freeze import FREEZE_ENV
from pydantic import TypeAdapter, ValidationError

from macros.model import DataFileError, VersionNumber, load

ROOT = Path(__file__).resolve().parent.parent


def build(site: Path, extra_env: dict[str, str]) -> None:
    mkdocs = Path(sys.executable).with_name("mkdocs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra_env}
    result = subprocess.run([str(mkdocs), "build", "--strict", "-d", str(site)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"The site does not build, so nothing was released:\n{result.stdout}{result.stderr}")


def archive_text(number: str, body: str, snapshot: dict[str, object]) -> str:
    front = {
        "title": f"Version {number} (archived)",
        "description": f"Version {number} of the guidance, exactly as the governors approved it.",
        "archived_version": number,
        "render_macros": False,
        "search": {"exclude": True},
        "data": snapshot,
    }
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body


def print_pdf(site: Path, number: str, pdf: Path) -> None:
    """Chromium's own print engine, as a governor's browser would print the page."""
    from playwright.sync_api import sync_playwright

    from tools.browser import ARGS, serve, system_chromium

    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=system_chromium(), args=ARGS)
        page = browser.new_page()
        page.goto(f"{url}versions/{number}/")
        page.emulate_media(media="print")
        page.pdf(path=str(pdf), format="A4", print_background=True, tagged=True,
                 margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"})
        browser.close()


def entry_yaml(fields: dict[str, object]) -> str:
    lines = []
    for key, value in fields.items():
        if value is None or value == "":
            continue
        shown = value.isoformat() if isinstance(value, dt.date) else value
        lines.append(f"    {key}: {yaml.safe_dump(shown, allow_unicode=True, default_style=chr(34)).strip()}")
    lines[0] = "  - " + lines[0].lstrip()
    return "\n".join(lines) + "\n"


def record(data_file: Path, entry: str) -> None:
    """Append the version to the `versions:` list, the last key of the data file."""
    text = data_file.read_text(encoding="utf-8")
    if "\nversions: []\n" in text:
        text = text.replace("\nversions: []\n", "\nversions:\n")
    elif "\nversions:\n" not in text:
        text = text.rstrip("\n") + "\n\nversions:\n"
    data_file.write_text(text.rstrip("\n") + "\n" + entry, encoding="utf-8")


def date_or_none(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--version", required=True)
    parser.add_argument("--approved-on", default="")
    parser.add_argument("--approved-by", default="")
    parser.add_argument("--minute-ref", default="")
    parser.add_argument("--effective-from", default="")
    parser.add_argument("--next-review", default="")
    parser.add_argument("--summary", required=True)
    parser.add_argument("--no-pdf", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    data_file = Path(os.environ.get("SCHOOL_DATA") or ROOT / "school.yml")
    try:
        data = load(data_file)
    except DataFileError as error:
        sys.exit(str(error))
    # Checked before anything is written: the number names the archived copy's file.
    try:
        number = TypeAdapter(VersionNumber).validate_python(args.version)
    except ValidationError:
        sys.exit(f"--version {args.version!r}: a version number is digits and dots, like 1.1.")
    if any(v.number == number for v in data.versions):
        sys.exit(f"Version {number} is already recorded in {data_file}.")
    dates = {}
    for name in ("approved_on", "effective_from", "next_review"):
        try:
            dates[name] = date_or_none(getattr(args, name))
        except ValueError:
            sys.exit(f"--{name.replace('_', '-')} {getattr(args, name)!r}: dates are written YYYY-MM-DD, like 2027-01-20.")

    docs = ROOT / "docs"
    with tempfile.TemporaryDirectory() as temp:
        frozen = Path(temp) / "policy.md"
        build(Path(temp) / "site", {FREEZE_ENV: str(frozen)})
        archive = versions.archive_path(docs, number)
        archive.parent.mkdir(exist_ok=True)
        archive.write_text(archive_text(number, frozen.read_text(encoding="utf-8"), versions.data_snapshot(data)),
                           encoding="utf-8")
        fields: dict[str, object] = {
            "number": number,
            "approved_on": dates["approved_on"],
            "approved_by": args.approved_by,
            "minute_ref": args.minute_ref,
            "effective_from": dates["effective_from"],
            "next_review": dates["next_review"],
            "summary": args.summary,
            "sha256": versions.sha256(archive),
        }
        original = data_file.read_text(encoding="utf-8")
        if not args.no_pdf:
            # Build with the version recorded, so the PDF shows the archive as the site will.
            record(data_file, entry_yaml(fields))
            try:
                build(Path(temp) / "site-with-version", {})
                pdf = versions.pdf_path(docs, number)
                print_pdf(Path(temp) / "site-with-version", number, pdf)
                fields["pdf_sha256"] = versions.sha256(pdf)
            finally:
                data_file.write_text(original, encoding="utf-8")
        record(data_file, entry_yaml(fields))
    load(data_file)
    print(f"Recorded version {number}: {archive.relative_to(ROOT)} (SHA-256 {fields['sha256']}).")
    print("Commit docs/versions/ and the data file to publish it.")


if __name__ == "__main__":
    main()
