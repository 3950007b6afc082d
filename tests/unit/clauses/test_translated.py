"""A translated policy reconciled with the English: current translations kept, the English shown
for the rest."""

from __future__ import annotations

from macros.clauses import translated
from tests.support.samples import ENGLISH, polish_with


def test_reconcile_keeps_current_translations_and_shows_the_english_of_the_rest() -> None:
    words = polish_with({"C1": ("Jeden.", "One."), "C2": ("Dwa.", "Two, before.")})
    markdown = "Intro\n\n- [C1] Jeden.\n- [C2] Dwa.\n- [Z1] Stare.\n\nEnd"
    done = translated.reconcile(markdown, words, ENGLISH)
    assert done.stale == ["C2", "C3"] and done.gone == ["Z1"]
    lines = done.markdown.splitlines()
    assert lines[2] == "- [C1] Jeden."
    assert lines[3].startswith('- [C2] <span lang="en" dir="ltr">Two.</span>')
    assert lines[4].startswith('- [C3] <span lang="en" dir="ltr">Three.</span>')
    assert words.text("translation_updating") in lines[4]
    assert "Z1" not in done.markdown and lines[-1] == "End"
