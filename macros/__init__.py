"""mkdocs-macros entry point (`module_name: macros` in mkdocs.yml): it only registers the variables,
macros and page hooks. The site's logic is in the packages below, in the order data flows:
`data` → `clauses` → `versions` → `pages` → `finishing` → `languages` → `engine` (README, "How it is
built"; the import contract in pyproject.toml keeps each importing only those before it)."""

from __future__ import annotations

from typing import Any

from macros.clauses import rules
from macros.clauses.translated import PROPORTIONALITY, TEAM, WordsShown, step_field
from macros.data import settings
from macros.data.language_file import LanguageFile
from macros.data.model import SchoolData
from macros.pages import contacts, markdown, responses, setup
from macros.pages.facts import POLICY_URL, Build
from macros.versions import approval


def define_env(env: Any) -> None:
    data, language, shown = setup.start(env)
    env.variables.update(
        {
            "school": data.school,
            "contact": data.contact,
            "policy_title": settings.POLICY_TITLE,
            "proportionality": data.proportionality,
        }
    )
    if language:
        # The data file's words as HTML: those out of date in the language, in English, marked so.
        env.variables["contact"] = data.contact.model_copy(update={"team": shown.html(TEAM, data.contact.team)})
        env.variables["proportionality"] = shown.html(PROPORTIONALITY, data.proportionality)
    register_data_macros(env, data, language, shown)
    # What the guidance renders: made the first time a page or one of these macros asks.
    env.macro(
        lambda: rules.index_html(setup.build(env).policy.clauses, "../" + POLICY_URL, data.school.site_url,
                                 "../"),
        "clause_index",
    )
    env.macro(lambda: setup.build(env).whatsapp_rules(), "whatsapp_rules")
    env.macro(lambda: rules.withdrawn_html(data.withdrawn, "../" + POLICY_URL), "withdrawn_list")
    env.macro(lambda: history(setup.build(env)), "version_history")
    env.macro(lambda: setup.build(env).version_changes(), "version_changes")


def history(build: Build) -> str:
    return approval.history_html(build.archives, build.is_draft, build.today, build.docs_dir)


def register_data_macros(env: Any, data: SchoolData, language: LanguageFile | None,
                         shown: WordsShown) -> None:
    """The macros that speak the data file, in English or in a language's words (the data file's
    words joined and labelled in it, those out of date in English, as `shown`); contacts (email,
    phone) stay as the data file has them."""
    call, email, separator, last_separator = "Call", "Email", ", ", " and "
    journey = responses.JOURNEY_WORDS
    # Numbers, addresses and IDs stay left-to-right on a right-to-left page.
    ltr = language is not None and language.dir == "rtl"
    if language:
        env.variables["policy_title"] = language.text("policy_title")
        call, email = language.text("call"), language.text("email")
        separator, last_separator = language.text("list_separator"), language.text("list_last_separator")
        journey = {key: language.text(key) if key != "journey_contact" else str(language.strings[key])
                   for key in responses.JOURNEY_WORDS}
    env.macro(lambda: contacts.email_link(data.contact, ltr, english=language is not None), "email_link")
    env.macro(lambda: contacts.phone_link(data.contact, ltr), "phone_link")
    env.macro(lambda: contacts.contact_actions(data.contact, call, email, ltr, english=language is not None),
              "contact_actions")
    steps = data.concern_steps
    if language:
        steps = [shown.html(step_field(index), step) for index, step in enumerate(steps)]
    env.macro(lambda: responses.steps_sentence(steps, separator, last_separator), "concern_steps")
    # A response out of date in the language is a clause: the policy shows it whole in English.
    env.macro(lambda: responses.response_clauses(data.responses), "response_clauses")
    env.macro(lambda policy_url: responses.concern_journey(data, policy_url, journey, ltr, shown),
              "concern_journey")


def on_pre_page_macros(env: Any) -> None:
    markdown.before_markdown(env)


def on_post_page_macros(env: Any) -> None:
    markdown.after_macros(env)
