"""mkdocs-macros entry point: registers variables, macros and hooks; the logic is in the modules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from macros import clauses, contacts, contents, ladder, model, search, settings

POLICY_PAGE = "policy.md"


def define_env(env: Any) -> None:
    path = settings.data_path(env.conf)
    try:
        data = model.load(path)
    except model.DataFileError as error:
        raise PluginError(str(error)) from None
    settings.apply(env.conf, data)
    env.variables["school"] = data.school
    env.variables["contact"] = data.contact
    env.variables["policy_title"] = settings.POLICY_TITLE
    env.variables["proportionality"] = data.proportionality
    env.variables["_data"] = data
    env.variables["_clauses"] = {}

    env.macro(lambda: contacts.email_link(data.contact), "email_link")
    env.macro(lambda: contacts.phone_link(data.contact), "phone_link")
    env.macro(lambda: contacts.contact_actions(data.contact), "contact_actions")
    env.macro(lambda: ladder.steps_sentence(data.concern_steps), "concern_steps")
    env.macro(lambda: ladder.response_clauses(data.responses), "response_clauses")
    env.macro(lambda policy_url: ladder.concern_journey(data, policy_url), "concern_journey")
    env.macro(lambda: contents.contents_list(env.markdown), "contents")


def on_post_page_macros(env: Any) -> None:
    page = env.page.file.src_path
    found = clauses.find(env.markdown, page)
    registry: dict[str, list[clauses.Clause]] = env.variables["_clauses"]
    registry[page] = found
    try:
        clauses.check_unique([c for page_clauses in registry.values() for c in page_clauses])
    except clauses.DuplicateClauseError as error:
        raise PluginError(f"{page}: {error}") from None
    env.markdown = clauses.mark_up(env.markdown)


def on_post_build(env: Any) -> None:
    policy = env.variables["_clauses"].get(POLICY_PAGE, [])
    search.rewrite_index(Path(env.conf["site_dir"]), policy, "policy/")
