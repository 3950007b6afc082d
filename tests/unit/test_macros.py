"""Every macro, called as the pages call it, through define_env with a stub environment."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
from mkdocs.exceptions import PluginError

import macros
from macros import clauses, contacts, ladder, model, search
from tests.sitebuild import FIXTURES, ROOT

DATA = model.load(ROOT / "school.yml")


class StubEnv:
    """Just what define_env touches of mkdocs-macros' environment."""

    def __init__(self, data_file: Path) -> None:
        self.conf: dict[str, Any] = {
            "config_file_path": str(ROOT / "mkdocs.yml"),
            "extra": {"data_file": str(data_file)},
            "docs_dir": str(ROOT / "docs"),
            "site_dir": "",
        }
        self.variables: dict[str, Any] = {}
        self.macros: dict[str, Callable[..., str]] = {}
        self.markdown = ""
        self.page: Any = None

    def macro(self, function: Callable[..., str], name: str) -> None:
        self.macros[name] = function


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> StubEnv:
    monkeypatch.delenv("SCHOOL_DATA", raising=False)
    stub = StubEnv(ROOT / "school.yml")
    macros.define_env(stub)
    return stub


def test_define_env_takes_the_site_name_and_url_from_the_data_file(env: StubEnv) -> None:
    assert env.conf["site_name"] == DATA.school.name
    assert env.conf["site_url"] == DATA.school.site_url
    assert DATA.school.name in env.conf["site_description"]


def test_a_broken_data_file_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCHOOL_DATA", str(tmp_path / "missing.yml"))
    with pytest.raises(PluginError, match="missing.yml"):
        macros.define_env(StubEnv(ROOT / "school.yml"))


def test_phone_link_dials_e164_and_shows_the_number_as_written(env: StubEnv) -> None:
    html = env.macros["phone_link"]()
    assert 'href="tel:+441159150193"' in html
    assert ">0115 9150193</a>" in html


def test_email_link_has_a_subject(env: StubEnv) -> None:
    html = env.macros["email_link"]()
    assert 'href="mailto:admin@haydn.nottingham.sch.uk?subject=Concern%20about%20a%20class%20WhatsApp%20group"' in html


def test_contact_actions_offer_call_and_email(env: StubEnv) -> None:
    html = env.macros["contact_actions"]()
    assert html.count('class="contact-action"') == 2
    assert "tel:+441159150193" in html and "mailto:admin@" in html


def test_tel_href_for_another_school() -> None:
    assert contacts.tel_href("020 7946 0321") == "tel:+442079460321"


def test_concern_steps_join_as_the_policy_words_them(env: StubEnv) -> None:
    assert env.macros["concern_steps"]() == (
        "gather information from those involved and speak to the parent about the incident"
    )
    assert ladder.steps_sentence(["a", "b", "c"]) == "a, b and c"
    assert ladder.steps_sentence(["only"]) == "only"


def test_response_clauses_carry_ids_and_when_they_apply(env: StubEnv) -> None:
    lines = env.macros["response_clauses"]().splitlines()
    assert lines[0] == "- [R1] Send a warning letter to the parent"
    assert lines[2] == "- [R3] Contact the appropriate authorities (in cases of criminal behaviour)"


def test_concern_journey_offers_options_not_a_sequence(env: StubEnv) -> None:
    html = env.macros["concern_journey"]("../policy/")
    assert '<ul class="journey-options">' in html and "<ol" not in html
    assert html.count('class="journey-option"') == 4
    assert 'href="../policy/#r3"' in html
    assert '<span class="journey-option__when">in cases of criminal behaviour</span>' in html
    assert DATA.proportionality in html


POLICY = """# Title
## Code of Conduct { #code-of-conduct }
- [C1] First rule
- [C2] Second rule
### How the school may respond
- [R1] Send a letter
"""


def test_clauses_are_found_with_their_section() -> None:
    found = clauses.find(POLICY, "policy.md")
    assert [(c.id, c.section) for c in found] == [
        ("C1", "Code of Conduct"),
        ("C2", "Code of Conduct"),
        ("R1", "How the school may respond"),
    ]
    assert found[1].text == "Second rule" and found[1].anchor == "c2"


def test_a_duplicate_clause_id_is_named() -> None:
    found = clauses.find(POLICY + "- [C2] Again\n", "policy.md")
    with pytest.raises(clauses.DuplicateClauseError, match="clause ID C2 is used twice"):
        clauses.check_unique(found)


def test_mark_up_gives_each_clause_an_id_and_a_self_link() -> None:
    marked = clauses.mark_up("- [C3] Words here\n", "https://example.org/")
    assert '<a class="clause__id" href="#c3">C3</a> Words here' in marked
    assert '{: #c3 .clause data-clause="C3" data-link="https://example.org/c3/" }' in marked


def test_post_page_macros_marks_up_and_rejects_duplicates_across_pages(env: StubEnv) -> None:
    class Page:
        url = "policy/"
        title = "The guidance"
        is_homepage = False
        canonical_url = f"{DATA.school.site_url}policy/"
        meta: dict[str, str] = {}

        class file:
            src_path = "policy.md"

    env.page = Page
    env.markdown = POLICY
    env.variables["_archives"] = []
    env.variables["_policy_body"] = POLICY
    macros.on_post_page_macros(env)
    assert 'href="#c1"' in env.markdown
    assert "not yet approved" in env.markdown, "no approved version: the draft banner shows"
    preview = Page.meta["preview_tags"]
    assert f'<meta property="og:title" content="The guidance · {DATA.school.name}">' in preview
    assert f'<meta property="og:url" content="{DATA.school.site_url}policy/">' in preview
    Page.file.src_path = "other.md"
    env.markdown = "- [C1] Copy\n"
    with pytest.raises(PluginError, match="other.md: clause ID C1 is used twice"):
        macros.on_post_page_macros(env)


def test_search_entries_land_on_the_clause_and_are_tagged_with_its_id() -> None:
    index = {"config": {}, "docs": [{"location": "", "title": "Home", "text": ""},
                                    {"location": "policy/", "title": "P", "text": ""},
                                    {"location": "policy/#code-of-conduct", "title": "C",
                                     "text": "<p>Intro</p><ul><li>C1 First rule</li></ul>"},
                                    {"location": "raise/", "title": "R", "text": ""}]}
    found = clauses.find(POLICY, "policy.md")
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
    found = clauses.find(POLICY, "policy.md")
    clauses.check_published(found, {"C1", "C2", "C9"}, {"C9": "C1"})
    with pytest.raises(clauses.BrokenLinkError, match="C9 missing"):
        clauses.check_published(found, {"C1", "C9"}, {})
    with pytest.raises(clauses.BrokenLinkError, match="C2 is recorded as withdrawn but is still"):
        clauses.check_published(found, {"C2"}, {"C2": None})


def test_withdrawn_html_keeps_the_old_id_and_links_the_replacement() -> None:
    gone = model.Withdrawal(id="C9", withdrawn_on="2027-01-20", reason="Merged.", replaced_by="C1")
    html = clauses.withdrawn_html([gone], "../policy/")
    assert 'id="c9"' in html and "Withdrawn on 20 January 2027." in html
    assert 'href="../policy/#c1"' in html
    assert clauses.withdrawn_html([], "../policy/") == "<p>No clause has been withdrawn.</p>"


def test_clause_index_links_each_clause_and_its_short_link_without_ids() -> None:
    html = clauses.index_html(clauses.find(POLICY, "policy.md"), "../policy/", "https://example.org/", "../")
    assert html.count('class="clause-ref"') == 3 and ' id="' not in html
    assert 'href="../policy/#c2"' in html and 'href="../c2/"' in html and "https://example.org/c2/" in html


def test_pages_point_to_the_search_loader_with_the_real_worker_and_index() -> None:
    html = '<script id="__config" type="application/json">{"search": "../assets/javascripts/workers/search.a7633da7.min.js"}</script>'
    assert search.point_to_loader(html) == (
        '<script id="__config" type="application/json">{"search": "../assets/javascripts/workers/'
        'search-loader.js?worker=search.a7633da7.min.js&index=../../../search/search_index.full.json"}</script>'
    )
    assert search.stub_index({"config": {"lang": ["en"]}, "docs": [{"location": "x"}]}) == {
        "config": {"lang": ["en"]}, "docs": []}


def test_own_assets_are_minified() -> None:
    from macros import assets

    assert assets.minify("a.css", "/* why */\n.a {\n  color: red;\n}\n") == ".a{color:red}"
    assert assets.minify("a.js", "/* why */\nvar a = 1;\n") == "var a=1;"


def test_short_links_for_clauses_and_withdrawn_clauses(tmp_path: Path) -> None:
    from macros import previews, shortlinks

    data = DATA.model_copy(update={"withdrawn": [model.Withdrawal(id="C9", withdrawn_on="2027-01-20", reason="Gone.")]})
    image = previews.Image("https://x/og.png", 1200, 630, "image/png", "A picture")
    shortlinks.write_all(tmp_path, data, clauses.find(POLICY, "policy.md"), "policy/", image)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c1", "c2", "c9", "r1"]
    assert 'content="0; url=../policy/#c2"' in (tmp_path / "c2" / "index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../withdrawn/#c9"' in (tmp_path / "c9" / "index.html").read_text(encoding="utf-8")


def test_link_previews_escape_the_words_and_name_the_page() -> None:
    from macros import previews

    assert previews.page_title("The guidance", "Oakfield", is_homepage=False) == "The guidance · Oakfield"
    assert previews.page_title("Home", "Oakfield", is_homepage=True) == "Oakfield"
    image = previews.Image("https://x/og.png", 1200, 630, "image/png", "A picture")
    tags = previews.meta_tags(previews.Preview('Say "no" & <go>', "It's", None, image, "Oakfield"))
    assert '<meta property="og:title" content="Say &quot;no&quot; &amp; &lt;go&gt;">' in tags
    assert '<meta name="twitter:description" content="It&#x27;s">' in tags
    assert "og:url" not in tags  # a page with no address of its own says none
    assert '<meta name="twitter:image" content="https://x/og.png">' in tags
