"""What happens after a concern is raised, and how the school may respond: from the data file."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from macros.clauses.translated import PROPORTIONALITY, TEAM, UNMARKED, WordsShown, response_field, step_field
from macros.common.markup import ltr_attribute
from macros.data.model import Response, SchoolData


def response_text(response: Response) -> str:
    """The response as the policy words it: the action, then when it applies."""
    if response.applies_when:
        return f"{response.action} ({response.applies_when})"
    return response.action


def response_clauses(responses: list[Response]) -> str:
    """The responses as a Markdown clause list, one `- [R1] …` line each."""
    return "\n".join(f"- [{r.id}] {response_text(r)}" for r in responses)


def steps_sentence(steps: list[str], separator: str = ", ", last_separator: str = " and ") -> str:
    """"gather information … and speak to the parent …", as the policy joins them."""
    if len(steps) == 1:
        return steps[0]
    return separator.join(steps[:-1]) + last_separator + steps[-1]


# The journey's own words (a translation gives its own, macros/pages/translated_site.py).
JOURNEY_WORDS = {
    "journey_raise": "You raise a concern",
    "journey_contact": "Contact the {team}.",
    "journey_look": "The school looks into it",
    "journey_school_will": "The school will:",
    "journey_respond": "The school may respond",
    "journey_depending": "Depending on the nature of the incident, the school may then:",
}


def concern_journey(data: SchoolData, policy_url: str, words: Mapping[str, str] = JOURNEY_WORDS,
                    ltr: bool = False, shown: WordsShown = UNMARKED) -> str:
    """The path of a concern as HTML and CSS: what always happens, then a choice of responses.

    The responses are a set of options, not a sequence: they are laid out side by side
    without numbers or arrows, each marked with when it applies (`ltr`: their IDs marked
    left-to-right, on a right-to-left page); the data file's words as `shown`.
    """
    steps = "".join(f'<li class="journey-step__item">{shown.html(step_field(n), s)}</li>'
                    for n, s in enumerate(data.concern_steps))
    options = "".join(
        '<li class="journey-option">'
        f'<a class="journey-option__id" href="{escape(policy_url)}#{r.id.lower()}"{ltr_attribute(ltr)}>'
        f"{escape(r.id)}</a>"
        f'<span class="journey-option__action">{shown.html(response_field(r.id, "action"), r.action)}</span>'
        + (
            f'<span class="journey-option__when">{shown.html(response_field(r.id, "applies_when"), r.applies_when)}'
            "</span>"
            if r.applies_when
            else ""
        )
        + "</li>"
        for r in data.responses
    )
    return (
        '<div class="journey">'
        '<section class="journey-stage" aria-labelledby="journey-raise">'
        f'<h3 class="journey-stage__title" id="journey-raise">{escape(words["journey_raise"])}</h3>'
        f"<p>{escape(words['journey_contact']).format(team=shown.html(TEAM, data.contact.team))}</p>"
        "</section>"
        '<section class="journey-stage" aria-labelledby="journey-look">'
        f'<h3 class="journey-stage__title" id="journey-look">{escape(words["journey_look"])}</h3>'
        f'<p>{escape(words["journey_school_will"])}</p><ul class="journey-step">{steps}</ul>'
        "</section>"
        '<section class="journey-stage journey-stage--options" aria-labelledby="journey-respond">'
        f'<h3 class="journey-stage__title" id="journey-respond">{escape(words["journey_respond"])}</h3>'
        f"<p>{escape(words['journey_depending'])}</p>"
        f'<ul class="journey-options">{options}</ul>'
        f'<p class="journey-note">{shown.html(PROPORTIONALITY, data.proportionality)}</p>'
        "</section>"
        "</div>"
    )
