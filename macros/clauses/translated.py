"""A translation kept honest about the English: each translated clause, and each of the data file's
words (the contact team, the steps after a concern, the responses, the proportionality sentence),
records the English it was translated from (`source`, a short hash); one whose English has changed,
or that the translation lacks, shows the current English in its place with a notice."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from macros.clauses import markup
from macros.data.language_file import LanguageFile, TranslatedText
from macros.data.model import SchoolData


def source_hash(english: str) -> str:
    """The short hash a translated clause records of the English it was translated from."""
    return hashlib.sha256(" ".join(english.split()).encode("utf-8")).hexdigest()[:12]


CLAUSE_LINE = re.compile(r"^(?P<indent>[ ]*)- \[(?P<id>[A-Z]{1,3}[0-9]{1,3})\][ ]+(?P<text>\S.*)$")


@dataclass(frozen=True)
class Reconciled:
    markdown: str
    # Clause IDs whose translation is out of date (changed in English, or never translated).
    stale: list[str]
    # Translated clauses the English no longer has.
    gone: list[str]


@dataclass(frozen=True)
class DataWord:
    """One of the data file's words and its translation, if the language has one."""

    # Where the language file keeps it: "data.contact_team", "data.responses.R3.applies_when".
    field: str
    # The data file's words now.
    english: str
    translated: TranslatedText | None
    # The clause these words are part of (a response's), if any.
    clause: str | None = None

    @property
    def up_to_date(self) -> bool:
        """Translated from the current English."""
        return self.translated is not None and self.translated.source == source_hash(self.english)

    @property
    def shown(self) -> str:
        """The words a page shows: the translation if up to date, else the current English."""
        return self.translated.text if self.translated is not None and self.up_to_date else self.english


# Each data word's field in the language file.
TEAM, PROPORTIONALITY = "data.contact_team", "data.proportionality"


def step_field(index: int) -> str:
    return f"data.concern_steps.{index}"


def response_field(response_id: str, part: str) -> str:
    """`part`: "action" or "applies_when"."""
    return f"data.responses.{response_id}.{part}"


def data_words(english: SchoolData, language: LanguageFile) -> list[DataWord]:
    """Every word of the data file a translated page shows, in the data file's order, each with
    the language's translation (or None)."""
    words = language.data
    found = [DataWord(TEAM, english.contact.team, words.contact_team)]
    found += [DataWord(step_field(index), step, words.concern_steps[index] if index < len(words.concern_steps)
                       else None) for index, step in enumerate(english.concern_steps)]
    for response in english.responses:
        translated = words.responses.get(response.id)
        found.append(DataWord(response_field(response.id, "action"), response.action,
                              translated.action if translated else None, response.id))
        if response.applies_when:
            found.append(DataWord(response_field(response.id, "applies_when"), response.applies_when,
                                  translated.applies_when if translated else None, response.id))
    found.append(DataWord(PROPORTIONALITY, english.proportionality, words.proportionality))
    return found


def up_to_date_clauses(language: LanguageFile, english: Sequence[markup.Clause],
                       words: Sequence[DataWord]) -> frozenset[str]:
    """The clauses translated from the current English: the text's by their record under
    `clauses:`; a response's by its data words, every one of them."""
    responses = {word.clause for word in words if word.clause}
    stale = {word.clause for word in words if word.clause and not word.up_to_date}
    recorded = {c.id for c in english if c.id not in responses and c.id in language.clauses
                and language.clauses[c.id].source == source_hash(c.text)}
    return frozenset(recorded | (responses - stale))


def words_in_english(english: str, notice: str) -> str:
    """Data words whose translation is out of date: the current English, marked as such."""
    return (f'<span lang="en" dir="ltr">{escape(english)}</span> '
            f'<span class="translation-updating">{escape(notice)}</span>')


@dataclass(frozen=True)
class WordsShown:
    """How a page shows the data file's words, as HTML: escaped; in a translation, those it shows
    in English (out of date or missing) marked so, with the notice in its language."""

    in_english: frozenset[str] = frozenset()
    notice: str = ""

    @classmethod
    def of(cls, words: Sequence[DataWord], language: LanguageFile) -> WordsShown:
        return cls(frozenset(w.field for w in words if not w.up_to_date), language.text("words_updating"))

    def html(self, field: str, words: str) -> str:
        return words_in_english(words, self.notice) if field in self.in_english else escape(words)


# The English site's data words, or a translation's all up to date: none marked.
UNMARKED = WordsShown()


def english_in_place(clause: markup.Clause, notice: str) -> str:
    """A clause whose translation is out of date: the current English, marked as such."""
    return (f'<span lang="en" dir="ltr">{clause.text}</span> '
            f'<span class="translation-updating">{escape(notice)}</span>')


def reconcile(markdown: str, language: LanguageFile, english: Sequence[markup.Clause],
              up_to_date: frozenset[str]) -> Reconciled:
    """The translated policy with every English clause in it, each either translated from the
    current English (`up_to_date`) or shown in English with a notice, in the English order where
    it is missing."""
    current = {c.id: c for c in english}
    notice = language.text("translation_updating")
    lines = markdown.split("\n")
    stale: list[str] = []
    gone: list[str] = []
    kept: list[str] = []
    at: dict[str, int] = {}
    for line in lines:
        match = CLAUSE_LINE.match(line)
        if not match:
            kept.append(line)
            continue
        clause_id = match["id"]
        if clause_id not in current:
            gone.append(clause_id)
            continue
        if clause_id not in up_to_date:
            stale.append(clause_id)
            line = f"{match['indent']}- [{clause_id}] {english_in_place(current[clause_id], notice)}"
        at[clause_id] = len(kept)
        kept.append(line)
    # Clauses the translation lacks go after the clause the English puts before them.
    for index, clause in enumerate(english):
        if clause.id in at:
            continue
        before = next((at[c.id] for c in reversed(english[:index]) if c.id in at), None)
        after = next((at[c.id] for c in english[index + 1:] if c.id in at), None)
        line = f"- [{clause.id}] {english_in_place(clause, notice)}"
        if before is not None:
            position = before + 1
            kept.insert(position, line)
        elif after is not None:
            position = after
            kept.insert(position, line)
        else:
            kept.extend(["", line])
            position = len(kept) - 1
        at = {k: (v + 1 if v >= position else v) for k, v in at.items()}
        at[clause.id] = position
        stale.append(clause.id)
    order = {c.id: n for n, c in enumerate(english)}
    return Reconciled("\n".join(kept), sorted(stale, key=order.__getitem__), gone)
