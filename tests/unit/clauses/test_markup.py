"""The clause Markdown extension: which list items are clauses, and how they are marked up."""

from __future__ import annotations

import markdown

from macros.clauses import markup
from tests.support.samples import POLICY


def test_clauses_are_found_with_their_section() -> None:
    found = markup.find(POLICY)
    assert [(c.id, c.section) for c in found] == [
        ("C1", "Code of Conduct"),
        ("C2", "Code of Conduct"),
        ("R1", "How the school may respond"),
    ]
    assert found[1].text == "Second rule" and found[1].anchor == "c2"


def test_clause_markup_gives_each_clause_an_id_a_self_link_and_its_short_link() -> None:
    html = markdown.markdown("- [C3] Words here\n", extensions=[markup.makeExtension(
        short_link_base="https://example.org/")])
    assert html == ('<ul>\n<li class="clause" data-clause="C3" data-link="https://example.org/c3/" id="c3">'
                    '<a class="clause__id" href="#c3">C3</a> Words here</li>\n</ul>')


def test_an_archived_version_has_prefixed_ids_and_no_short_links() -> None:
    source = markup.archive_mark("1.0") + "\n\n- [C3] Words here\n"
    html = markdown.markdown(source, extensions=[markup.makeExtension(short_link_base="https://example.org/")])
    assert 'id="v1-0-c3"' in html and 'href="#v1-0-c3"' in html and "data-link" not in html
    assert "clauses: archived" not in html


def test_clause_lines_in_code_quotes_and_comments_are_not_clauses() -> None:
    source = ("```\n- [C1] code\n```\n\n    - [C2] indented code\n\n> - [C3] quoted\n\n"
              "<!--\n- [C4] comment\n-->\n\n- [C5] real\n")
    assert [c.id for c in markup.find(source)] == ["C5"]
