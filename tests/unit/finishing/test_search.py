"""The clause-aware search index, behind its loader."""

from __future__ import annotations

from macros.clauses import markup
from macros.finishing import search
from tests.support.samples import POLICY


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
