"""`make translations-worklist`: what each translation needs translating again, as plain text.

For every language in translations/, every clause and every word of the data file (the team, each
step after a concern, each response's action and when it applies, the proportionality sentence)
whose English has changed since it was translated (its `source` hash no longer matches), that it
lacks, or (a clause) that the English no longer has; for changed words, the English words changed
since the translation, found by matching `source` against the clauses and data of every approved
version (docs/versions/*.md) and the current text and data file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from html import unescape
from pathlib import Path
from typing import Any

from macros.clauses import markup
from macros.clauses.translated import DataWord, data_words, source_hash
from macros.common.problems import SiteError, summary
from macros.data import model
from macros.data.language_file import LanguageFile, discover
from macros.data.model import SchoolData
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


def snapshot_words(snapshot: Mapping[str, Any]) -> list[str]:
    """The data file's words in an approved version's snapshot of its data (archive.data_snapshot)."""
    found = [str(snapshot.get("contact", {}).get("team", "")), *map(str, snapshot.get("concern_steps", [])),
             str(snapshot.get("proportionality", ""))]
    for response in snapshot.get("responses", []):
        found += [str(response.get("action") or ""), str(response.get("applies_when") or "")]
    return [words for words in found if words]


def changed(item: str, english: str, source: str, by_hash: Mapping[str, str]) -> str:
    """One entry: words whose English has changed since they were translated, and how."""
    old = by_hash.get(source)
    change = plain_diff(old, english) if old else NOT_FOUND
    return (f"  {item}: the English has changed since it was translated.\n"
            f"    What changed: {change}\n    The English now: {english}")


def data_items(words: list[DataWord], by_hash: Mapping[str, str]) -> list[str]:
    """Each of the data file's words to translate (again), named by its field in language.yml."""
    items = []
    for word in words:
        if word.translated is None:
            items.append(f"  {word.field}: not translated yet. The English now: {word.english}")
        elif not word.up_to_date:
            items.append(changed(word.field, word.english, word.translated.source, by_hash))
    return items


def worklist(english: list[markup.Clause], earlier: list[markup.Clause], translations: list[LanguageFile],
             data: SchoolData, earlier_words: list[str]) -> str:
    """The list itself: per language, each clause and each data file word to translate, with what
    changed in the English. `earlier_words`: the data file's words in the approved versions."""
    by_hash: dict[str, str] = {}
    for text in [*(c.text for c in earlier), *earlier_words, *(c.text for c in english)]:
        by_hash.setdefault(source_hash(text), text)
    responses = {r.id for r in data.responses}
    lines: list[str] = []
    for language in translations:
        items: list[str] = []
        for clause in english:
            if clause.id in responses:
                continue  # a response: its words are the data file's, listed below
            recorded = language.clauses.get(clause.id)
            if recorded is None:
                items.append(f"  {clause.id}: not translated yet. The English now: {clause.text}")
            elif recorded.source != source_hash(clause.text):
                items.append(changed(clause.id, clause.text, recorded.source, by_hash))
        current = {c.id for c in english}
        items += [f"  {cid}: no longer in the English; take it out of the translation."
                  for cid in language.clauses if cid not in current]
        items += [f"  {cid}: a response: its words belong under data.responses; take it out of clauses."
                  for cid in language.clauses if cid in responses]
        items += data_items(data_words(data, language), by_hash)
        steps = len(data.concern_steps)
        items += [f"  data.concern_steps.{index}: no longer in the data file; take it out of the translation."
                  for index in range(steps, len(language.data.concern_steps))]
        items += [f"  data.responses.{rid}: no longer in the data file; take it out of the translation."
                  for rid in language.data.responses if rid not in responses]
        heading = f"{language.english_name} ({language.language}, translations/{language.language}/)"
        lines.append(heading)
        lines.extend(items or ["  Nothing to translate: every clause and data file word is translated from the "
                               "current English."])
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
    earlier_words = [words for approved in archives for words in snapshot_words(approved.data)]
    sys.stdout.write(worklist(current_english(ROOT), earlier, found, data, earlier_words))
    return 0


if __name__ == "__main__":
    sys.exit(main())
