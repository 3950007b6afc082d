"""`make translations-worklist`: each clause to translate again, with what changed in the English."""

from __future__ import annotations

from macros.clauses.markup import Clause
from tests.support.samples import ENGLISH, polish_with
from tools.translations_worklist import NOT_FOUND, worklist


def test_the_worklist_names_each_clause_to_translate_with_what_changed_in_the_english() -> None:
    earlier = [Clause("C2", "Two words before.", "S")]
    words = polish_with({"C1": ("Jeden.", "One."), "C2": ("Dwa.", "Two words before."), "C3": ("Trzy.", "Lost."),
                         "Z1": ("Stare.", "Old.")})
    listed = worklist(ENGLISH, earlier, [words])
    assert listed.startswith("Polish (pl, translations/pl/)\n")
    assert "C1" not in listed
    assert "C2: the English has changed since it was translated." in listed
    assert "What changed: [deleted: Two words before.] [inserted: Two.]" in listed
    assert f"C3: the English has changed since it was translated.\n    What changed: {NOT_FOUND}" in listed
    assert "Z1: no longer in the English" in listed
    lacking = worklist(ENGLISH, [], [polish_with({"C1": ("Jeden.", "One.")})])
    assert "C2: not translated yet. The English now: Two." in lacking
    assert "Nothing to translate" in worklist(ENGLISH, [], [polish_with(
        {c.id: (c.text, c.text) for c in ENGLISH})])
