"""What happens after a concern is raised, and how the school may respond: from the data file."""

from __future__ import annotations

from html import escape

from macros.model import Response, SchoolData


def response_text(response: Response) -> str:
    """The response as the policy words it: the action, then when it applies."""
    if response.applies_when:
        return f"{response.action} ({response.applies_when})"
    return response.action


def response_clauses(responses: list[Response]) -> str:
    """The responses as a Markdown clause list, one `- [R1] …` line each."""
    return "\n".join(f"- [{r.id}] {response_text(r)}" for r in responses)


def steps_sentence(steps: list[str]) -> str:
    """"gather information … and speak to the parent …", as the policy joins them."""
    if len(steps) == 1:
        return steps[0]
    return ", ".join(steps[:-1]) + " and " + steps[-1]


def concern_journey(data: SchoolData, policy_url: str) -> str:
    """The path of a concern as HTML and CSS: what always happens, then a choice of responses.

    The responses are a set of options, not a sequence: they are laid out side by side
    without numbers or arrows, each marked with when it applies.
    """
    steps = "".join(f'<li class="journey-step__item">{escape(s)}</li>' for s in data.concern_steps)
    options = "".join(
        '<li class="journey-option">'
        f'<a class="journey-option__id" href="{escape(policy_url)}#{r.id.lower()}">{escape(r.id)}</a>'
        f'<span class="journey-option__action">{escape(r.action)}</span>'
        + (
            f'<span class="journey-option__when">{escape(r.applies_when)}</span>'
            if r.applies_when
            else ""
        )
        + "</li>"
        for r in data.responses
    )
    return (
        '<div class="journey">'
        '<section class="journey-stage" aria-labelledby="journey-raise">'
        '<h3 class="journey-stage__title" id="journey-raise">You raise a concern</h3>'
        f"<p>Contact the {escape(data.contact.team)}.</p>"
        "</section>"
        '<section class="journey-stage" aria-labelledby="journey-look">'
        '<h3 class="journey-stage__title" id="journey-look">The school looks into it</h3>'
        f'<p>The school will:</p><ul class="journey-step">{steps}</ul>'
        "</section>"
        '<section class="journey-stage journey-stage--options" aria-labelledby="journey-respond">'
        '<h3 class="journey-stage__title" id="journey-respond">The school may respond</h3>'
        "<p>Depending on the nature of the incident, the school may then:</p>"
        f'<ul class="journey-options">{options}</ul>'
        f'<p class="journey-note">{escape(data.proportionality)}</p>'
        "</section>"
        "</div>"
    )
