"""Comparisons: clause by clause, by ID, word by word; withdrawn and replaced clauses named."""

from __future__ import annotations

import re

from macros.clauses import markup
from macros.data import model
from macros.versions import changes
from tests.support.pages import Html

OLD = markup.find("# T\n- [C1] Keep it kind\n- [C2] No politics here\n- [C3] Old rule\n- [C4] Gone rule\n")
NEW = markup.find("# T\n- [C2] No politics at all\n- [C1] Keep it kind\n- [C5] New rule\n")
GONE = [model.Withdrawal(id="C3", withdrawn_on="2027-01-20", reason="Merged.", replaced_by="C1"),
        model.Withdrawal(id="C4", withdrawn_on="2027-01-20", reason="Not needed.")]


def test_word_diff_marks_deleted_and_inserted_words_in_words() -> None:
    html = changes.word_diff("No politics here", "No politics at all")
    assert Html(html).text == "No politics deleted: here inserted: at all"
    assert "<del>" in html and "<ins>" in html


def test_clauses_are_matched_by_id_not_position_and_gone_ones_are_explained() -> None:
    found = changes.clause_changes(OLD, NEW, GONE)
    assert [(c.id, c.kind) for c in found] == [
        ("C2", "reworded"), ("C5", "added"), ("C3", "replaced"), ("C4", "withdrawn")
    ]
    assert found[2].note == "Clause C3 was withdrawn on 20 January 2027. Merged. It is replaced by clause C1."
    assert [c.kind for c in changes.clause_changes(OLD, NEW)][2:] == ["removed", "removed"]


def test_data_changes_are_named_field_by_field() -> None:
    rows = changes.data_changes({"contact": {"phone": "1"}, "responses": [{"id": "R1", "applies_when": None}]},
                                {"contact": {"phone": "2"}, "responses": [{"id": "R1", "applies_when": "always"}]})
    assert [name for name, _ in rows] == ["Contact phone", "Response R1: when it applies"]


def sides() -> list[changes.Text]:
    old = changes.Text("1.0", "version 1.0", OLD, {}, "versions/1.0/", "v1-0-")
    return [old, changes.Text(changes.CURRENT, "the current text", NEW, {}, "policy/", "")]


def test_a_comparison_links_each_clause_where_it_is_read() -> None:
    html = changes.comparison_html(*sides(), GONE, "../../")
    assert 'href="../../policy/#c2">C2</a>' in html
    assert 'href="../../versions/1.0/#v1-0-c3">C3</a>' in html
    data = [{"phone": "1"}, {"phone": "2"}]
    moved = [changes.Text(s.slug, s.name, s.clauses, d, s.url, s.anchor_prefix)
             for s, d in zip(sides(), data, strict=True)]
    assert "<h2>Contact details and responses</h2>" in changes.comparison_html(*moved, [], "")
    assert "<h3>Contact details and responses</h3>" in changes.neighbours_html(moved, [])


def test_every_pair_has_its_own_page_older_first() -> None:
    three = [sides()[0], changes.Text("1.1", "version 1.1", NEW, {}, "versions/1.1/", "v1-1-"), sides()[1]]
    pages = changes.pair_pages(three, [], banner="")
    assert [p.path for p in pages] == [
        "versions/changes/1.0...1.1/", "versions/changes/1.0...current/", "versions/changes/1.1...current/"]
    assert pages[1].title == "Changes from version 1.0 to the current text"
    assert pages[2].body.count("<h1") == 1 and "No changes." in pages[2].body


def test_the_changes_page_compares_neighbours_newest_first() -> None:
    html = changes.neighbours_html(sides(), GONE)
    assert re.findall(r'<h2 id="([^"]+)">', html) == ["current"]
    assert changes.neighbours_html(sides()[1:], []) == "<p>No approved version has been recorded yet.</p>"
