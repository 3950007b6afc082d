"""A translation reconciled with the English: current translations kept, the English shown for the
rest, clauses and the data file's words alike."""

from __future__ import annotations

import pytest

from macros.clauses import translated
from macros.clauses.translated import WordsShown, data_words, source_hash, up_to_date_clauses
from macros.data import language_file, model
from macros.data.model import Response, SchoolData
from tests.support.builds import FIXTURES, ROOT
from tests.support.samples import ENGLISH, polish_with

# The translations were made from this repository's own data file; the fictional school's words
# are another school's, translated from nothing.
SOURCE_DATA = model.load(ROOT / "school.yml")
FICTIONAL = model.load(FIXTURES / "oakfield.yml")


def test_reconcile_keeps_current_translations_and_shows_the_english_of_the_rest() -> None:
    words = polish_with({"C1": ("Jeden.", "One."), "C2": ("Dwa.", "Two, before.")})
    markdown = "Intro\n\n- [C1] Jeden.\n- [C2] Dwa.\n- [Z1] Stare.\n\nEnd"
    done = translated.reconcile(markdown, words, ENGLISH, up_to_date_clauses(words, ENGLISH, []))
    assert done.stale == ["C2", "C3"] and done.gone == ["Z1"]
    lines = done.markdown.splitlines()
    assert lines[2] == "- [C1] Jeden."
    assert lines[3].startswith('- [C2] <span lang="en" dir="ltr">Two.</span>')
    assert lines[4].startswith('- [C3] <span lang="en" dir="ltr">Three.</span>')
    assert words.text("translation_updating") in lines[4]
    assert "Z1" not in done.markdown and lines[-1] == "End"


@pytest.mark.parametrize("code", ["pl", "ar", "ur"])
def test_every_data_word_is_translated_from_the_data_file_it_was_made_for(code: str) -> None:
    language = language_file.load(ROOT / "translations" / code / "language.yml")
    words = data_words(SOURCE_DATA, language)
    assert [w.field for w in words if not w.up_to_date] == []
    assert [w.shown for w in words] == [w.translated.text for w in words if w.translated]


@pytest.mark.parametrize("code", ["pl", "ar", "ur"])
def test_another_schools_words_are_all_shown_in_english(code: str) -> None:
    language = language_file.load(ROOT / "translations" / code / "language.yml")
    words = data_words(FICTIONAL, language)
    assert [w.field for w in words] == [
        "data.contact_team", "data.concern_steps.0", "data.concern_steps.1", "data.responses.R1.action",
        "data.responses.R2.action", "data.responses.R3.action", "data.responses.R3.applies_when",
        "data.proportionality"]
    assert not any(w.up_to_date for w in words)
    assert [w.shown for w in words] == [w.english for w in words]
    shown = WordsShown.of(words, language)
    html = shown.html("data.contact_team", "Care & Support")
    assert html == ('<span lang="en" dir="ltr">Care &amp; Support</span> '
                    f'<span class="translation-updating">{language.text("words_updating")}</span>')


def with_responses(data: SchoolData, *responses: Response) -> SchoolData:
    return data.model_copy(update={"responses": list(responses)})


def test_a_response_is_up_to_date_only_when_all_its_words_are() -> None:
    language = language_file.load(ROOT / "translations" / "pl" / "language.yml")
    english = ENGLISH
    r3 = next(r for r in SOURCE_DATA.responses if r.id == "R3")
    assert r3.applies_when
    fresh = data_words(SOURCE_DATA, language)
    assert {"R1", "R2", "R3", "R4"} <= up_to_date_clauses(language, english, fresh)
    changed = with_responses(SOURCE_DATA, r3.model_copy(update={"applies_when": "in cases of crime"}))
    words = data_words(changed, language)
    assert [w.field for w in words if not w.up_to_date] == ["data.responses.R3.applies_when"]
    assert "R3" not in up_to_date_clauses(language, english, words)
    # A response the translation lacks is shown in English, and so is its clause.
    new = Response(id="R9", action="Ask for a meeting")
    words = data_words(with_responses(SOURCE_DATA, r3, new), language)
    assert [(w.field, w.translated) for w in words if not w.up_to_date] == [("data.responses.R9.action", None)]
    assert "R9" not in up_to_date_clauses(language, english, words)
    # A response's record under `clauses:` does not make it up to date: its data words do.
    recorded = language.model_copy(update={"clauses": {
        **language.clauses, "R9": language_file.TranslatedText(text="Spotkanie", source=source_hash(new.action))}})
    assert "R9" not in up_to_date_clauses(recorded, english, words)
