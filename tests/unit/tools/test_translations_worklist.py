"""`make translations-worklist`: each clause and data file word to translate again, with what changed
in the English."""

from __future__ import annotations

from macros.clauses.markup import Clause
from macros.data import model
from macros.versions.archive import data_snapshot
from tests.support.builds import ROOT
from tests.support.samples import ENGLISH, polish_with
from tools.translations_worklist import NOT_FOUND, snapshot_words, worklist

# The data file the translations were made from.
SOURCE_DATA = model.load(ROOT / "school.yml")


def test_the_worklist_names_each_clause_to_translate_with_what_changed_in_the_english() -> None:
    earlier = [Clause("C2", "Two words before.", "S")]
    words = polish_with({"C1": ("Jeden.", "One."), "C2": ("Dwa.", "Two words before."), "C3": ("Trzy.", "Lost."),
                         "Z1": ("Stare.", "Old.")})
    listed = worklist(ENGLISH, earlier, [words], SOURCE_DATA, [])
    assert listed.startswith("Polish (pl, translations/pl/)\n")
    assert "C1" not in listed and "data." not in listed
    assert "C2: the English has changed since it was translated." in listed
    assert "What changed: [deleted: Two words before.] [inserted: Two.]" in listed
    assert f"C3: the English has changed since it was translated.\n    What changed: {NOT_FOUND}" in listed
    assert "Z1: no longer in the English" in listed
    lacking = worklist(ENGLISH, [], [polish_with({"C1": ("Jeden.", "One.")})], SOURCE_DATA, [])
    assert "C2: not translated yet. The English now: Two." in lacking
    assert "Nothing to translate" in worklist(ENGLISH, [], [polish_with(
        {c.id: (c.text, c.text) for c in ENGLISH})], SOURCE_DATA, [])


def test_the_worklist_names_each_data_word_to_translate_with_what_changed_in_the_english() -> None:
    """The school renames its team and rewords R3's "when", drops R4 and adds R5: the words as the
    approved version had them are found in its snapshot of the data file."""
    polish = polish_with({c.id: (c.text, c.text) for c in ENGLISH})
    r3 = SOURCE_DATA.responses[2]
    assert r3.id == "R3" and r3.applies_when == "in cases of criminal behaviour"
    changed = SOURCE_DATA.model_copy(update={
        "contact": SOURCE_DATA.contact.model_copy(update={"team": "Pastoral Care Team"}),
        "responses": [*SOURCE_DATA.responses[:2], r3.model_copy(update={"applies_when": "in cases of crime"}),
                      model.Response(id="R5", action="Ask for a meeting")],
    })
    listed = worklist(ENGLISH, [], [polish], changed, snapshot_words(data_snapshot(SOURCE_DATA)))
    assert ("  data.contact_team: the English has changed since it was translated.\n"
            "    What changed: [deleted: Senior Leadership] [inserted: Pastoral Care] Team\n"
            "    The English now: Pastoral Care Team\n") in listed
    assert ("  data.responses.R3.applies_when: the English has changed since it was translated.\n"
            "    What changed: in cases of [deleted: criminal behaviour] [inserted: crime]\n") in listed
    assert "  data.responses.R5.action: not translated yet. The English now: Ask for a meeting\n" in listed
    assert "  data.responses.R4: no longer in the data file; take it out of the translation.\n" in listed
    assert "R3.action" not in listed and "concern_steps" not in listed and "proportionality" not in listed
    # Without the approved version's words, the change is still named, its diff not found.
    assert f"data.contact_team: the English has changed since it was translated.\n    What changed: {NOT_FOUND}" in (
        worklist(ENGLISH, [], [polish], changed, []))
