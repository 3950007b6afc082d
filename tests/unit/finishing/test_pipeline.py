"""The engine-independent finishing step and the structural HTML editing it relies on."""

from __future__ import annotations

import pytest

from macros.finishing import html_edit, pipeline

POLICY = """<!doctype html><html><head><meta charset="utf-8"><title>P</title></head><body>
<script id="__config" type="application/json">\
{"base": "..", "search": "../assets/javascripts/workers/search.0123abcd.min.js"}</script>
<h2 id="code">Code of Conduct<a class="headerlink" href="#code" title="Link">&para;</a></h2>
<ul><li class="clause" data-clause="C1" id="c1"><a class="clause__id" href="#c1">C1</a> Be kind &amp; fair</li>
<li class="clause" data-clause="C2" id="c2"><a class="clause__id" href="#c2">C2</a> No <em>politics</em></li></ul>
<h3 id="r">How the school may respond</h3>
<ul><li class="clause" data-clause="R1" id="r1"><a class="clause__id" href="#r1">R1</a> Write</li></ul>
<script>console.log(1)</script></body></html>"""


def test_clauses_are_read_from_the_built_page_with_their_section() -> None:
    found = pipeline.clauses_from_html(POLICY)
    assert [(c.id, c.text, c.section) for c in found] == [
        ("C1", "Be kind & fair", "Code of Conduct"),
        ("C2", "No politics", "Code of Conduct"),
        ("R1", "Write", "How the school may respond"),
    ]


def test_a_finished_page_has_its_policy_and_the_search_loader_and_finishing_twice_changes_nothing() -> None:
    once = pipeline.finish_page(POLICY, serving=False)
    assert once.index('http-equiv="Content-Security-Policy"') < once.index("<script")
    assert '"search": "../assets/javascripts/workers/search-loader.js?worker=search.0123abcd.min.js"' in once
    assert pipeline.finish_page(once, serving=False) == once


def test_under_serve_a_page_gets_no_policy() -> None:
    assert "Content-Security-Policy" not in pipeline.finish_page(POLICY, serving=True)


def test_edits_replace_exact_spans_and_refuse_to_overlap() -> None:
    html = '<p class="a">one <b>two</b></p>'
    bold = html_edit.first(html, "b")
    assert bold is not None and bold.inner(html) == "two"
    edits = html_edit.Edits()
    edits.replace(bold.start, bold.end, "2")
    assert edits.apply(html) == '<p class="a">one 2</p>'
    edits.replace(bold.start + 1, bold.end, "x")
    with pytest.raises(ValueError, match="overlapping"):
        edits.apply(html)


def test_an_attributes_value_is_found_where_the_tag_writes_it_however_it_is_quoted() -> None:
    html = """<p>x</p><img class='logo big' src="a.svg" hidden data-size=12 alt="a &amp; b"/>"""
    image = html_edit.first(html, "img")
    assert image is not None
    spans = html_edit.attribute_spans(html, image)
    assert {name: html[start:end] for name, (start, end) in spans.items()} == {
        "class": "logo big", "src": "a.svg", "data-size": "12", "alt": "a &amp; b"}
    edits = html_edit.Edits()
    edits.replace(*spans["src"], "b.svg")
    assert edits.apply(html) == html.replace('"a.svg"', '"b.svg"')


INDENTED = """<!doctype html>
<html>
  <head>

    <title>T</title>
    <meta name="description" content="two
      lines">
  </head>
  <body>
    <p>
      One   two
      <a href="#x"
         title="a  b">three</a>
    </p>
    <pre>  kept
    as is</pre>
    <p><code>a
      b</code></p>
    <script>var a = 1;
      var b = 2;</script>
  </body>
</html>
"""


def test_folding_space_writes_each_indented_line_break_once_and_keeps_tags_pre_code_and_scripts() -> None:
    folded = html_edit.folded_space(INDENTED)
    assert folded == """<!doctype html>
<html>
<head>
<title>T</title>
<meta name="description" content="two
      lines">
</head>
<body>
<p>
One   two
<a href="#x"
         title="a  b">three</a>
</p>
<pre>  kept
    as is</pre>
<p><code>a
      b</code></p>
<script>var a = 1;
      var b = 2;</script>
</body>
</html>
"""
    assert html_edit.folded_space(folded) == folded


def test_a_finished_page_has_its_templates_indentation_folded() -> None:
    assert "\n  <p>" not in pipeline.finish_page(INDENTED, serving=True)


def test_each_reading_of_a_page_gets_its_own_list_of_the_same_elements() -> None:
    """A page is parsed once however many steps read it; one step's changes to its list are not
    what the next step reads."""
    html = '<p class="a">x</p><p>y</p>'
    first = html_edit.elements(html)
    first.pop()
    again = html_edit.elements(html)
    assert [(e.tag, e.start, e.end) for e in again] == [("p", 0, 18), ("p", 18, 26)]
    assert html_edit.elements(html + "<br>")[-1].tag == "br"
