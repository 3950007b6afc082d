"""Contact links: every phone number and email address on the site comes from here."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

import phonenumbers

from macros.common.markup import ltr_attribute
from macros.data.model import Contact


def tel_href(phone: str) -> str:
    """`tel:` link in E.164, which every phone dials correctly."""
    number = phonenumbers.parse(phone, "GB")
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def mailto_href(email: str, subject: str) -> str:
    return f"mailto:{email}?subject={quote(subject)}"


def english_attribute(english: bool) -> str:
    """On a translated page the email address is marked English, as its screen reader then reads it
    (not on an English page: its markup is part of the approved text)."""
    return ' lang="en"' if english else ""


def email_link(contact: Contact, ltr: bool = False, english: bool = False) -> str:
    """The email address as a link, written as the policy writes it."""
    href = mailto_href(contact.email, contact.email_subject)
    return (f'<a class="contact-link" href="{escape(href)}"{english_attribute(english)}{ltr_attribute(ltr)}>'
            f"{escape(contact.email)}</a>")


def phone_link(contact: Contact, ltr: bool = False) -> str:
    """The phone number as a link, written as the school writes it."""
    return (f'<a class="contact-link" href="{escape(tel_href(contact.phone))}"{ltr_attribute(ltr)}>'
            f"{escape(contact.phone)}</a>")


def contact_actions(contact: Contact, call: str = "Call", email: str = "Email", ltr: bool = False,
                    english: bool = False) -> str:
    """Two large buttons, easy to hit with a thumb: call and email."""
    tel = escape(tel_href(contact.phone))
    mail = escape(mailto_href(contact.email, contact.email_subject))
    detail = f'class="contact-action__detail"{ltr_attribute(ltr)}'
    return (
        '<div class="contact-actions">'
        f'<a class="contact-action" href="{tel}">'
        f'<span class="contact-action__verb">{escape(call)}</span> '
        f'<span {detail}>{escape(contact.phone)}</span></a>'
        f'<a class="contact-action" href="{mail}">'
        f'<span class="contact-action__verb">{escape(email)}</span> '
        f'<span {detail}{english_attribute(english)}>{escape(contact.email)}</span></a>'
        "</div>"
    )
