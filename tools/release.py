"""`make release`: record an approved version, all or nothing.

Every input is checked first. Then, in a private copy of the project, the policy is frozen
as it renders today (contacts and responses included) into docs/versions/<number>.md, the
version is recorded in the data file with the archive's SHA-256, the site is built with it
and printed to docs/versions/<number>.pdf. Only when all of that has worked are the files
moved into the repository; on any failure no file in the repository has changed. The files
to commit are printed at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import TypeAdapter, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from macros.data import model, settings
from macros.data.settings import FREEZE_ENV
from macros.versions import archive
from tools import BUILD_INPUTS, ROOT, copy_build_inputs, data_path
from tools.browser import ARGS, serve, system_chromium

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EXAMPLE_DATE = "2027-01-20"
NOTHING_CHANGED = "Nothing was released and no file was changed"


class ReleaseError(Exception):
    """An input, the build or the PDF stopped the release: the message says which and why."""


@dataclass(frozen=True)
class Option:
    """One release input, named both ways a person gives it: `make release SUMMARY=…` or `--summary`."""

    field: str

    @property
    def env(self) -> str:
        return self.field.upper()

    @property
    def flag(self) -> str:
        return "--" + self.field.replace("_", "-")

    @property
    def name(self) -> str:
        return f"{self.env} ({self.flag})"


# In the order the version entry lists them.
OPTIONS = tuple(
    Option(field)
    for field in ("version", "approved_on", "approved_by", "minute_ref", "effective_from", "next_review", "summary")
)
NAMES = {option.field: option.name for option in OPTIONS}


def is_version_number(text: str) -> bool:
    try:
        TypeAdapter(model.VersionNumber).validate_python(text)
    except ValidationError:
        return False
    return True


def number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def next_number(data: model.SchoolData) -> str:
    """A number to suggest: the latest one with its last part raised by one."""
    if not data.versions:
        return "1.0"
    *head, last = data.versions[-1].number.split(".")
    return ".".join([*head, str(int(last) + 1)])


def checked_entry(given: Mapping[str, str], data: model.SchoolData, data_name: str,
                  today: dt.date) -> dict[str, str]:
    """The new version's entry for the data file, every value checked; raises ReleaseError
    listing every problem, each named as the person typed it."""
    values = {option.field: (given.get(option.field) or "").strip() for option in OPTIONS}
    problems: list[str] = []
    latest = data.versions[-1] if data.versions else None
    suggestion = next_number(data)

    number = values["version"]
    if not number:
        problems.append(f"{NAMES['version']} is missing: the new version's number is needed, like {suggestion}.")
    elif not is_version_number(number):
        problems.append(f"{NAMES['version']} {number!r} is not a version number: digits and dots only, "
                        f"like {suggestion}.")
    elif any(v.number == number for v in data.versions):
        problems.append(f"{NAMES['version']} {number} is already recorded in {data_name}: "
                        f"a new version needs a new number, like {suggestion}.")
    elif latest and number_key(number) < number_key(latest.number):
        problems.append(f"{NAMES['version']} {number} comes before version {latest.number}, the latest recorded: "
                        f"number it higher, like {suggestion}.")

    for field, needed in (("approved_by", 'who approved it is needed, like "Full Governing Body"'),
                          ("summary", "a one-line summary of what changed is needed")):
        if not values[field]:
            problems.append(f"{NAMES[field]} is missing: {needed}.")
    for field in ("approved_by", "minute_ref", "summary"):
        if "\n" in values[field] or "\r" in values[field]:
            problems.append(f"{NAMES[field]} has more than one line: write it on one line.")

    dates: dict[str, dt.date | None] = {}
    for field in ("approved_on", "effective_from", "next_review"):
        text = values[field]
        dates[field] = None
        if not text:
            if field == "approved_on":
                problems.append(f"{NAMES[field]} is missing: the date the governors approved it is needed, "
                                f"written YYYY-MM-DD, like {EXAMPLE_DATE}.")
            continue
        try:
            dates[field] = dt.date.fromisoformat(text) if DATE.match(text) else None
        except ValueError:
            pass
        if dates[field] is None:
            problems.append(f"{NAMES[field]} {text!r} is not a date: dates are written YYYY-MM-DD, "
                            f"like {EXAMPLE_DATE}.")
    problems.extend(date_problems(dates, latest, today))
    if problems:
        # In the order the options are listed, each message starting with the option's name.
        problems.sort(key=lambda problem: next(i for i, o in enumerate(OPTIONS) if problem.startswith(o.name)))
        raise ReleaseError("\n".join(problems))
    return {"number": number, **{field: values[field] for field in NAMES if field != "version" and values[field]}}


def date_problems(dates: Mapping[str, dt.date | None], latest: model.Version | None,
                  today: dt.date) -> list[str]:
    """What the dates say against each other, today and the latest version."""
    approved, effective, review = dates["approved_on"], dates["effective_from"], dates["next_review"]
    problems = []
    if approved and approved > today:
        problems.append(f"{NAMES['approved_on']} {approved} is after today, {today}: "
                        "record a version once it has been approved.")
    if approved and latest and latest.approved_on and approved < latest.approved_on:
        problems.append(f"{NAMES['approved_on']} {approved} is before version {latest.number} was approved "
                        f"({latest.approved_on}): versions are recorded in the order they were approved.")
    if effective and approved and effective < approved:
        problems.append(f"{NAMES['effective_from']} {effective} is before {NAMES['approved_on']} {approved}: "
                        "a version comes into force on or after the day it is approved.")
    if review and approved and review <= approved:
        problems.append(f"{NAMES['next_review']} {review} is not after {NAMES['approved_on']} {approved}: "
                        "the next review comes after the approval.")
    elif review and effective and review <= effective:
        problems.append(f"{NAMES['next_review']} {review} is not after {NAMES['effective_from']} {effective}: "
                        "the next review comes after the version is in force.")
    elif review and review < today:
        problems.append(f"{NAMES['next_review']} {review} has already passed (today is {today}): "
                        "the site would show the review as overdue at once.")
    return problems


# ---- The data file, edited as YAML ----


def round_trip_yaml(text: str) -> YAML:
    """A ruamel.yaml round-tripper laid out as the file already is, so only the new lines differ."""
    parsers = []
    for mapping, sequence, offset in ((2, 4, 2), (2, 2, 0)):  # this project's style, then the other common one
        parser = YAML()
        parser.preserve_quotes = True
        parser.width = 4096  # never fold a long summary onto two lines
        parser.indent(mapping=mapping, sequence=sequence, offset=offset)
        out = io.StringIO()
        parser.dump(parser.load(text), out)
        if out.getvalue() == text:
            return parser
        parsers.append(parser)
    return parsers[0]


def move_trailing_comments(old: CommentedMap, new: CommentedMap) -> None:
    """ruamel.yaml keeps the comments and blank lines that follow a list's last item on that
    item: move them (all but its own end-of-line comment) to the new last item, so a comment
    that introduces the next key stays above that key."""
    if not old or not new:
        return
    tokens = old.ca.items.get(list(old)[-1])
    if not tokens or len(tokens) < 3 or tokens[2] is None:
        return
    token = tokens[2]
    own, _, following = token.value.partition("\n")
    if not following:
        return
    moved = type(token)("\n" + following, token.start_mark, None)
    token.value = own + "\n"
    new.ca.items[list(new)[-1]] = [None, None, moved, None]


def with_version(text: str, entry: Mapping[str, str]) -> str:
    """The data file's text with `entry` added at the end of `versions:`, comments, key order,
    quoting and layout kept; `versions:` is added at the end if the file has none."""
    parser = round_trip_yaml(text)
    document = parser.load(text)
    item = CommentedMap((key, DoubleQuotedScalarString(value)) for key, value in entry.items())
    if "versions" not in document:
        document["versions"] = CommentedSeq()
        document.yaml_set_comment_before_after_key(
            "versions", before="\nApproved versions, oldest first. Added by `make release`.")
    listed: CommentedSeq = document["versions"]
    if listed:
        move_trailing_comments(listed[-1], item)
    else:
        listed.fa.set_block_style()  # `versions: []` becomes a list of entries
    listed.append(item)
    out = io.StringIO()
    parser.dump(document, out)
    return out.getvalue()


# ---- Building, freezing and printing, in a private copy ----


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


@dataclass(frozen=True)
class Stage:
    """A copy of what the build reads, where every file of the release is made first."""

    root: Path
    project: Path
    data_file: Path

    def real_names(self, text: str) -> str:
        """Build messages that name the copy's files, naming the repository's instead."""
        return text.replace(str(self.project), str(ROOT))


def stage_project(root: Path, data_file: Path) -> Stage:
    project = copy_build_inputs(root / "project")
    if data_file.is_relative_to(ROOT):
        staged = project / data_file.relative_to(ROOT)
    else:
        staged = root / "data" / data_file.name
    staged.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(data_file, staged)
    return Stage(root, project, staged)


def build(stage: Stage, site: Path, extra_env: Mapping[str, str]) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SCHOOL_DATA": str(stage.data_file), **extra_env}
    # Through macros.engine, as `make build`: its plain summary names what is wrong.
    result = subprocess.run(
        [sys.executable, "-m", "macros.engine", "build", "-f", str(stage.project / "mkdocs.yml"), "-d", str(site)],
        cwd=stage.project, env=env, capture_output=True, text=True,
    )
    if result.returncode != 0:
        # The warnings and errors that stopped it, without MkDocs' progress lines.
        said = [line for line in (result.stderr + result.stdout).splitlines() if line and not line.startswith("INFO")]
        raise ReleaseError(stage.real_names("\n".join([*said, "The site does not build (its messages are above)."])))


def print_pdf(site: Path, number: str, pdf: Path) -> None:
    """Chromium's own print engine, as a governor's browser would print the page."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - a test dependency, needed only to print

    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=system_chromium(), args=ARGS)
        page = browser.new_page()
        page.goto(f"{url}versions/{number}/")
        page.emulate_media(media="print")
        page.pdf(path=str(pdf), format="A4", print_background=True, tagged=True,
                 margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"})
        browser.close()


def record(stage: Stage, original: str, entry: Mapping[str, str]) -> None:
    """Write the staged data file with the entry, and check it as a build would."""
    stage.data_file.write_text(with_version(original, entry), encoding="utf-8")
    try:
        model.load(stage.data_file)
    except model.DataFileError as error:
        raise ReleaseError(stage.real_names(str(error))) from None


# ---- Moving the files into place ----


def write_atomically(target: Path, content: bytes) -> None:
    """Readers see the old file or the new one, never half of one."""
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        with partial.open("wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            shutil.copymode(target, partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def install(files: list[tuple[Path, Path]]) -> None:
    """Move each staged file onto its target, in order; on any failure (an interruption
    included) put back every target as it was, and re-raise."""
    done: list[tuple[Path, bytes | None]] = []
    made: list[Path] = []
    try:
        for staged, target in files:
            if not target.parent.is_dir():
                target.parent.mkdir()
                made.append(target.parent)
            before = target.read_bytes() if target.is_file() else None
            done.append((target, before))
            write_atomically(target, staged.read_bytes())
    except BaseException:
        for target, before in reversed(done):
            if before is None:
                target.unlink(missing_ok=True)
            else:
                write_atomically(target, before)
        for folder in reversed(made):
            folder.rmdir()
        raise


def shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def changed_sources() -> list[Path] | None:
    """Files a build reads that differ from the last commit (the text being approved, say);
    None when the project is not a git repository."""
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.strip()
        status = subprocess.run(["git", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--",
                                 *BUILD_INPUTS], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    fields = status.split("\0")
    paths = []
    index = 0
    while index < len(fields) and fields[index]:
        code, path = fields[index][:2], fields[index][3:]
        paths.append(Path(top) / path)
        index += 2 if code[0] in "RC" else 1  # a rename's old name follows it
    return paths


def release(given: Mapping[str, str], pdf: bool = True) -> tuple[str, list[Path]]:
    """Record the version; returns its number and the files written. Raises ReleaseError, having written nothing."""
    data_file = data_path()
    try:
        data = model.load(data_file)
        today = settings.today()
    except model.DataFileError as error:
        raise ReleaseError(str(error)) from None
    except ValueError:
        raise ReleaseError(f"BUILD_DATE {os.environ.get('BUILD_DATE')!r} is not a date: "
                           f"dates are written YYYY-MM-DD, like {EXAMPLE_DATE}.") from None
    entry = checked_entry(given, data, shown(data_file), today)
    number = entry["number"]
    original = data_file.read_text(encoding="utf-8")
    docs = ROOT / "docs"
    with tempfile.TemporaryDirectory(prefix="release-") as temp:
        stage = stage_project(Path(temp), data_file)
        frozen = stage.root / "policy.md"
        build(stage, stage.root / "site", {FREEZE_ENV: str(frozen)})
        frozen_copy = archive.archive_path(stage.project / "docs", number)
        frozen_copy.parent.mkdir(exist_ok=True)
        frozen_copy.write_text(archive_text(number, frozen.read_text(encoding="utf-8"), archive.data_snapshot(data)),
                           encoding="utf-8")
        entry["sha256"] = archive.sha256(frozen_copy)
        record(stage, original, entry)
        # Built with the version recorded: it checks the archive, and the PDF shows it as the site will.
        build(stage, stage.root / "site-with-version", {})
        files = [(frozen_copy, archive.archive_path(docs, number))]
        if pdf:
            printed = archive.pdf_path(stage.project / "docs", number)
            try:
                print_pdf(stage.root / "site-with-version", number, printed)
            except Exception as error:  # noqa: BLE001 - Playwright's own errors and OSError alike
                reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
                raise ReleaseError(f"The PDF of version {number} could not be printed with Chromium "
                                   f"({system_chromium() or 'Playwright’s own'}): {reason}") from None
            entry["pdf_sha256"] = archive.sha256(printed)
            record(stage, original, entry)
            files.append((printed, archive.pdf_path(docs, number)))
        # The data file last: until it names the version, a new archive is left out of builds.
        files.append((stage.data_file, data_file))
        try:
            install(files)
        except OSError as error:
            raise ReleaseError(f"{error.filename or ''}: could not be written ({error.strerror}); "
                               "every file written before it was put back.") from None
    return number, [target for _, target in files]


def report(number: str, written: list[Path], changed: list[Path] | None) -> str:
    to_commit = [*written, *(path for path in changed or [] if path not in written)]
    lines = [f"Recorded version {number}. Commit these files together:"]
    lines += [f"  {shown(path)}" for path in to_commit]
    if changed is None:
        lines.append("  and any page or data you changed for this version (the project is not a git repository)")
    lines.append("For example: git add -A -- " + " ".join(shlex.quote(shown(p)) for p in to_commit)
                 + f" && git commit -m {shlex.quote(f'Version {number}')}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for option in OPTIONS:
        parser.add_argument(option.flag, dest=option.field, default="", help=f"(make release {option.env}=…)")
    parser.add_argument("--no-pdf", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        number, written = release(vars(args), pdf=not args.no_pdf)
    except ReleaseError as error:
        sys.exit(f"{error}\n{NOTHING_CHANGED}.")
    print(report(number, written, changed_sources()))


if __name__ == "__main__":
    main()
