"""html_edit reads start tags with its own patterns (copied from CPython 3.11.7): their behaviour on
awkward markup is pinned here, whatever Python runs the build."""

from __future__ import annotations

from macros.finishing import html_edit


def values(html: str, tag: str) -> dict[str, str]:
    element = html_edit.first(html, tag)
    assert element is not None, tag
    return {name: html[start:end] for name, (start, end) in html_edit.attribute_spans(html, element).items()}


def test_an_unquoted_value_is_found_up_to_the_space_or_the_end_of_the_tag() -> None:
    assert values("<a href=/x/ title=one>t</a>", "a") == {"href": "/x/", "title": "one"}
    assert values("<a href=/x/>t</a>", "a") == {"href": "/x/"}


def test_a_duplicated_attribute_is_the_first_one_written() -> None:
    html = '<a href="first" class="c" href="second">t</a>'
    assert values(html, "a") == {"href": "first", "class": "c"}
    # The parser keeps the last one: an edit replaces what the page shows first, as browsers read it.
    assert html_edit.first(html, "a").attrs["href"] == "second"


def test_an_attribute_without_a_value_has_no_span() -> None:
    assert values('<input disabled type="checkbox" checked>', "input") == {"type": "checkbox"}


def test_a_greater_than_sign_inside_a_quoted_value_stays_inside_it() -> None:
    html = """<div data-a="x > y" data-b='<b>' id=z>t</div>"""
    assert values(html, "div") == {"data-a": "x > y", "data-b": "<b>", "id": "z"}
    element = html_edit.first(html, "div")
    assert html[element.open_end:].startswith("t</div>")


def test_uppercase_tags_and_attribute_names_are_read_as_lowercase() -> None:
    html = '<P><A HREF="/x/" Class="c">t</A></P>'
    assert values(html, "a") == {"href": "/x/", "class": "c"}
    edits = html_edit.Edits()
    edits.replace(*html_edit.attribute_spans(html, html_edit.first(html, "a"))["href"], "/y/")
    assert edits.apply(html) == '<P><A HREF="/y/" Class="c">t</A></P>'


def test_a_self_closing_tag_and_spaces_around_the_equals_sign() -> None:
    assert values('<img src = "a.png" alt= b />', "img") == {"src": "a.png", "alt": "b"}
