"""`make translations-worklist`: what each translation needs translating again, as plain text.

For every language in translations/, every clause whose English has changed since it was
translated (its `source` hash no longer matches), that it lacks, or that the English no longer
has; for a changed clause, the English words changed since the translation, found by matching
`source` against the clauses of every approved version (docs/versions/*.md) and the current text.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from html import unescape
from pathlib import Path

from macros.clauses import markup
from macros.clauses.translated import source_hash
from macros.common.problems import SiteError, summary
from macros.data import model
from macros.data.language_file import LanguageFile, discover
from macros.data.settings import FREEZE_ENV
from macros.versions import archive, changes
from tools import ROOT, data_path

NOT_FOUND = "English at translation time not found"


def plain_diff(old: str, new: str) -> str:
    """changes.word_diff as plain text: [deleted: …] [inserted: …]."""
    html = changes.word_diff(old, new)
    html = re.sub(r"<(del|ins)><span class=\"change-label\">", "[", html)
    html = re.sub(r"</(del|ins)>", "]", html)
    return unescape(re.sub(r"<[^>]+>", "", html))


def current_english(project: Path) -> list[markup.Clause]:
    """The current English clauses, macros expanded, from a build of the site (as the site shows them)."""
    with tempfile.TemporaryDirectory() as folder:
        frozen = Path(folder) / "policy.md"
        done = subprocess.run(
            [sys.executable, "-m", "macros.engine", "build", "-f", str(project / "mkdocs.yml"), "-d",
             str(Path(folder) / "site")],
            cwd=project, env={**os.environ, FREEZE_ENV: str(frozen)}, capture_output=True, text=True)
        if done.returncode != 0:
            sys.stderr.write(done.stderr)
            raise SystemExit(1)
        return markup.find(frozen.read_text(encoding="utf-8"))


def worklist(english: list[markup.Clause], earlier: list[markup.Clause],
             translations: list[LanguageFile]) -> str:
    """The list itself: per language, each clause to translate, with what changed in the English."""
    by_hash: dict[str, str] = {}
    for clause in [*earlier, *english]:
        by_hash.setdefault(source_hash(clause.text), clause.text)
    lines: list[str] = []
    for language in translations:
        items: list[str] = []
        for clause in english:
            recorded = language.clauses.get(clause.id)
            if recorded is None:
                items.append(f"  {clause.id}: not translated yet. The English now: {clause.text}")
            elif recorded.source != source_hash(clause.text):
                old = by_hash.get(recorded.source)
                change = plain_diff(old, clause.text) if old else NOT_FOUND
                items.append(f"  {clause.id}: the English has changed since it was translated.\n"
                             f"    What changed: {change}\n    The English now: {clause.text}")
        current = {c.id for c in english}
        items += [f"  {cid}: no longer in the English; take it out of the translation."
                  for cid in language.clauses if cid not in current]
        heading = f"{language.english_name} ({language.language}, translations/{language.language}/)"
        lines.append(heading)
        lines.extend(items or ["  Nothing to translate: every clause is translated from the current English."])
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    try:
        data = model.load(data_path())
        archives = archive.load_archives(ROOT / "docs", data)
        found = [language for _, language in discover(ROOT)]
    except SiteError as error:
        sys.stderr.write(summary(error.problems) + "\n")
        return 1
    earlier = [clause for approved in archives for clause in approved.clauses]
    sys.stdout.write(worklist(current_english(ROOT), earlier, found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
