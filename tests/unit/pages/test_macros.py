"""Every macro, called as the pages call it, through define_env with a stub environment."""

from __future__ import annotations

from urllib.parse import quote

import markdown
import pytest

from macros.clauses import markup, rules, shortlinks
from macros.common import previews
from macros.data import model
from macros.finishing import minify, search
from macros.pages import contacts, responses
from tests.support.builds import DATA, FIXTURES


def test_phone_link_dials_e164_and_shows_the_number_as_written() -> None:
    html = contacts.phone_link(DATA.contact)
    assert f'href="{contacts.tel_href(DATA.contact.phone)}"' in html
    assert f">{DATA.contact.phone}</a>" in html


def test_email_link_has_a_subject() -> None:
    html = contacts.email_link(DATA.contact)
    assert f'href="mailto:{DATA.contact.email}?subject={quote(DATA.contact.email_subject)}"' in html


def test_contact_actions_offer_call_and_email() -> None:
    html = contacts.contact_actions(DATA.contact)
    assert html.count('class="contact-action"') == 2
    assert contacts.tel_href(DATA.contact.phone) in html and f"mailto:{DATA.contact.email}" in html


def test_tel_href_for_another_school() -> None:
    assert contacts.tel_href("020 7946 0321") == "tel:+442079460321"


def test_concern_steps_join_as_the_policy_words_them() -> None:
    assert responses.steps_sentence(["gather information", "speak to the parent"]) == (
        "gather information and speak to the parent"
    )
    assert responses.steps_sentence(["a", "b", "c"]) == "a, b and c"
    assert responses.steps_sentence(["only"]) == "only"


def test_response_clauses_carry_ids_and_when_they_apply() -> None:
    listed = [model.Response(id="R1", action="Write"), model.Response(id="R2", action="Call", applies_when="if x")]
    assert responses.response_clauses(listed).splitlines() == ["- [R1] Write", "- [R2] Call (if x)"]


def test_concern_journey_offers_options_not_a_sequence() -> None:
    html = responses.concern_journey(DATA, "../policy/")
    assert '<ul class="journey-options">' in html and "<ol" not in html
    assert html.count('class="journey-option"') == len(DATA.responses)
    assert f'href="../policy/#{DATA.responses[-1].id.lower()}"' in html
    assert all(f'<span class="journey-option__when">{r.applies_when}</span>' in html
               for r in DATA.responses if r.applies_when)
    assert DATA.proportionality in html


POLICY = """# Title
## Code of Conduct { #code-of-conduct }
- [C1] First rule
- [C2] Second rule
### How the school may respond
- [R1] Send a letter
"""


def test_clauses_are_found_with_their_section() -> None:
    found = markup.find(POLICY)
    assert [(c.id, c.section) for c in found] == [
        ("C1", "Code of Conduct"),
        ("C2", "Code of Conduct"),
        ("R1", "How the school may respond"),
    ]
    assert found[1].text == "Second rule" and found[1].anchor == "c2"


def test_a_duplicate_clause_id_is_named() -> None:
    found = markup.find(POLICY + "- [C2] Again\n")
    with pytest.raises(rules.DuplicateClauseError, match="clause ID C2 is used twice"):
        rules.check_unique([("policy.md", c) for c in found])


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


def test_search_entries_land_on_the_clause_and_are_tagged_with_its_id() -> None:
    index = {"config": {}, "docs": [{"location": "", "title": "Home", "text": ""},
                                    {"location": "policy/", "title": "P", "text": ""},
                                    {"location": "policy/#code-of-conduct", "title": "C",
                                     "text": "<p>Intro</p><ul><li>C1 First rule</li></ul>"},
                                    {"location": "raise/", "title": "R", "text": ""}]}
    found = markup.find(POLICY)
    docs = search.add_clauses(index, found, "policy/")["docs"]
    assert [d["location"] for d in docs] == [
        "", "policy/", "policy/#code-of-conduct", "policy/#c1", "policy/#c2", "policy/#r1", "raise/",
    ]
    assert docs[3]["tags"] == ["C1"] and docs[3]["title"] == "C1 · Code of Conduct"
    assert docs[2]["text"] == "<p>Intro</p><ul><li>C1 </li></ul>", "the section no longer holds the clause"


def test_fictional_school_contacts() -> None:
    other = model.load(FIXTURES / "oakfield.yml")
    assert "office@oakfield-meadow.example.org" in contacts.email_link(other.contact)


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


def test_pages_point_to_the_search_loader_with_the_real_worker_and_the_stub_to_the_index() -> None:
    html = ('<script id="__config" type="application/json">'
            '{"search": "../assets/javascripts/workers/search.a7633da7.min.js"}</script>')
    assert search.point_to_loader(html) == (
        '<script id="__config" type="application/json">{"search": "../assets/javascripts/workers/'
        'search-loader.js?worker=search.a7633da7.min.js"}</script>'
    )
    assert search.stub_index({"config": {"lang": ["en"]}, "docs": [{"location": "x"}]}) == {
        "config": {"lang": ["en"], "full_index": "../../../search/search_index.full.json"}, "docs": []}
    # A language's stub: the index in its folder, from the one loader in the English site's assets.
    assert search.stub_index({"config": {"lang": ["pl"]}, "docs": []}, "pl/")["config"]["full_index"] == (
        "../../../pl/search/search_index.full.json")


def test_own_assets_are_minified() -> None:
    assert minify.minify("a.css", "/* why */\n.a {\n  color: red;\n}\n") == ".a{color:red}"
    assert minify.minify("a.js", "/* why */\nvar a = 1;\n") == "var a=1;"


def test_short_links_for_clauses_and_withdrawn_clauses() -> None:
    data = DATA.model_copy(update={"withdrawn": [model.Withdrawal(id="C9", withdrawn_on="2027-01-20", reason="Gone.")]})
    image = previews.Image("https://x/og.png", 1200, 630, "image/png", "A picture")
    made = shortlinks.pages(data, markup.find(POLICY), "policy/", image)
    assert sorted(made) == ["c1/index.html", "c2/index.html", "c9/index.html", "r1/index.html"]
    assert 'content="0; url=../policy/#c2"' in made["c2/index.html"]
    assert 'content="0; url=../withdrawn/#c9"' in made["c9/index.html"]


def test_link_previews_escape_the_words_and_name_the_page() -> None:
    assert previews.page_title("The guidance", "Oakfield", is_homepage=False) == "The guidance · Oakfield"
    assert previews.page_title("Home", "Oakfield", is_homepage=True) == "Oakfield"
    image = previews.Image("https://x/og.png", 1200, 630, "image/png", "A picture")
    tags = previews.meta_tags(previews.Preview('Say "no" & <go>', "It's", None, image, "Oakfield"))
    assert '<meta property="og:title" content="Say &quot;no&quot; &amp; &lt;go&gt;">' in tags
    assert '<meta name="twitter:description" content="It&#x27;s">' in tags
    assert "og:url" not in tags  # a page with no address of its own says none
    assert '<meta name="twitter:image" content="https://x/og.png">' in tags
