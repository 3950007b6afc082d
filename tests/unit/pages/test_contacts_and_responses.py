"""Contact links and the responses, as the pages call them."""

from __future__ import annotations

from urllib.parse import quote

from macros.data import model
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


def test_fictional_school_contacts() -> None:
    other = model.load(FIXTURES / "oakfield.yml")
    assert "office@oakfield-meadow.example.org" in contacts.email_link(other.contact)


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
