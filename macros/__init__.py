"""mkdocs-macros entry point: registers the variables, macros and page hooks; the logic is in
the modules (setup, site, pages and those they use)."""

from __future__ import annotations

from typing import Any

from macros import approval, clauses, contacts, responses, settings, translated_site
from macros.pages import after_macros, before_markdown
from macros.setup import start
from macros.site import POLICY_URL


def define_env(env: Any) -> None:
    site = start(env)
    data, archives, docs_dir = site.data, site.archives, site.docs_dir
    env.variables.update(
        {
            "school": data.school,
            "contact": data.contact,
            "policy_title": settings.POLICY_TITLE,
            "proportionality": data.proportionality,
            "og_image": site.og_image,
        }
    )

    env.macro(lambda: contacts.email_link(data.contact), "email_link")
    env.macro(lambda: contacts.phone_link(data.contact), "phone_link")
    env.macro(lambda: contacts.contact_actions(data.contact), "contact_actions")
    env.macro(lambda: responses.steps_sentence(data.concern_steps), "concern_steps")
    env.macro(lambda: responses.response_clauses(data.responses), "response_clauses")
    env.macro(lambda policy_url: responses.concern_journey(data, policy_url), "concern_journey")
    env.macro(
        lambda: clauses.index_html(site.policy.clauses, "../" + POLICY_URL, data.school.site_url, "../"),
        "clause_index",
    )
    env.macro(site.whatsapp_rules, "whatsapp_rules")
    env.macro(lambda: clauses.withdrawn_html(data.withdrawn, "../" + POLICY_URL), "withdrawn_list")
    env.macro(lambda: approval.history_html(archives, site.is_draft, site.today, docs_dir), "version_history")
    env.macro(site.version_changes, "version_changes")
    if isinstance(site, translated_site.TranslatedSite):
        # The same macros, in the language's words.
        translated_site.register(env, site)


def on_pre_page_macros(env: Any) -> None:
    before_markdown(env)


def on_post_page_macros(env: Any) -> None:
    after_macros(env)
