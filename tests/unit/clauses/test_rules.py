"""The rules clauses keep, and the lists of them the staff pages show."""

from __future__ import annotations

import pytest

from macros.clauses import markup, rules
from macros.data import model
from tests.support.samples import POLICY


def test_a_duplicate_clause_id_is_named() -> None:
    found = markup.find(POLICY + "- [C2] Again\n")
    with pytest.raises(rules.DuplicateClauseError, match="clause ID C2 is used twice"):
        rules.check_unique([("policy.md", c) for c in found])


def test_check_published_accepts_recorded_withdrawals_only() -> None:
    found = markup.find(POLICY)
    rules.check_published(found, {"C1", "C2", "C9"}, {"C9": "C1"})
    with pytest.raises(rules.BrokenLinkError, match="C9 missing"):
        rules.check_published(found, {"C1", "C9"}, {})
    with pytest.raises(rules.BrokenLinkError, match="C2 is recorded as withdrawn but is still"):
        rules.check_published(found, {"C2"}, {"C2": None})


def test_withdrawn_html_keeps_the_old_id_and_links_the_replacement() -> None:
    gone = model.Withdrawal(id="C9", withdrawn_on="2027-01-20", reason="Merged.", replaced_by="C1")
    html = rules.withdrawn_html([gone], "../policy/")
    assert 'id="c9"' in html and "Withdrawn on 20 January 2027." in html
    assert 'href="../policy/#c1"' in html
    assert rules.withdrawn_html([], "../policy/") == "<p>No clause has been withdrawn.</p>"


def test_clause_index_links_each_clause_and_its_short_link_without_ids() -> None:
    html = rules.index_html(markup.find(POLICY), "../policy/", "https://example.org/", "../")
    assert html.count('class="clause-ref"') == 3 and ' id="' not in html
    assert 'href="../policy/#c2"' in html and 'href="../c2/"' in html and "https://example.org/c2/" in html
