"""mkdocs-macros entry point: registers variables, macros and hooks; the logic is in the modules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

from macros import clauses, contacts, contents, ladder, model, search, settings, shortlinks

POLICY_PAGE = "policy.md"
POLICY_URL = "policy/"
OG_IMAGE = "assets/og-image.png"


def define_env(env: Any) -> None:
    path = settings.data_path(env.conf)
    try:
        data = model.load(path)
    except model.DataFileError as error:
        raise PluginError(str(error)) from None
    settings.apply(env.conf, data)
    env.variables.update(
        {
            "school": data.school,
            "contact": data.contact,
            "policy_title": settings.POLICY_TITLE,
            "proportionality": data.proportionality,
            "og_image": data.school.site_url + OG_IMAGE,
            "_data": data,
            "_clauses": {},
        }
    )

    env.macro(lambda: contacts.email_link(data.contact), "email_link")
    env.macro(lambda: contacts.phone_link(data.contact), "phone_link")
    env.macro(lambda: contacts.contact_actions(data.contact), "contact_actions")
    env.macro(lambda: ladder.steps_sentence(data.concern_steps), "concern_steps")
    env.macro(lambda: ladder.response_clauses(data.responses), "response_clauses")
    env.macro(lambda policy_url: ladder.concern_journey(data, policy_url), "concern_journey")
    env.macro(lambda: contents.contents_list(env.markdown), "contents")
    env.macro(
        lambda: clauses.index_html(policy_clauses(env), "../" + POLICY_URL, data.school.site_url, "../"),
        "clause_index",
    )
    env.macro(lambda: whatsapp_rules(env), "whatsapp_rules")
    env.macro(lambda: clauses.withdrawn_html(data.withdrawn, "../" + POLICY_URL), "withdrawn_list")


def policy_clauses(env: Any) -> list[clauses.Clause]:
    """The policy's clauses, for pages that list them; read once, whichever page asks first."""
    if "_policy_clauses" not in env.variables:
        body, _ = get_data((Path(env.conf["docs_dir"]) / POLICY_PAGE).read_text(encoding="utf-8"))
        rendered = env.env.from_string(body).render(**env.variables)
        env.variables["_policy_clauses"] = clauses.find(rendered, POLICY_PAGE)
    return env.variables["_policy_clauses"]


def whatsapp_rules(env: Any) -> str:
    data: model.SchoolData = env.variables["_data"]
    conduct = [c for c in policy_clauses(env) if c.id.startswith("C")]
    heading = f"{data.school.name}: {conduct[0].section}"
    link = f"{data.school.site_url}{POLICY_URL}#{contents.CODE_OF_CONDUCT}"
    return clauses.whatsapp_text(heading, conduct, link)


def on_post_page_macros(env: Any) -> None:
    page = env.page.file.src_path
    found = clauses.find(env.markdown, page)
    registry: dict[str, list[clauses.Clause]] = env.variables["_clauses"]
    registry[page] = found
    data: model.SchoolData = env.variables["_data"]
    try:
        clauses.check_unique([c for page_clauses in registry.values() for c in page_clauses])
        if page == POLICY_PAGE:
            withdrawn = {w.id: w.replaced_by for w in data.withdrawn}
            clauses.check_published(found, set(data.published_ids), withdrawn)
    except (clauses.DuplicateClauseError, clauses.BrokenLinkError) as error:
        raise PluginError(f"{page}: {error}") from None
    env.markdown = clauses.mark_up(env.markdown, data.school.site_url)


def on_post_build(env: Any) -> None:
    data: model.SchoolData = env.variables["_data"]
    site_dir = Path(env.conf["site_dir"])
    policy = env.variables["_clauses"].get(POLICY_PAGE, [])
    search.rewrite_index(site_dir, policy, POLICY_URL)
    image = env.variables["og_image"]
    for clause in policy:
        preview = shortlinks.Preview(
            title=f"{clause.id} · {clause.section} · {data.school.name}",
            description=clause.text,
            url=f"{data.school.site_url}{clause.anchor}/",
            image=image,
        )
        page = shortlinks.forwarding_page(
            preview, f"../{POLICY_URL}#{clause.anchor}", f"{data.school.site_url}{POLICY_URL}#{clause.anchor}",
            f"Clause {clause.id}",
        )
        shortlinks.write(site_dir, clause.anchor, page)
    for gone in data.withdrawn:
        anchor = gone.id.lower()
        preview = shortlinks.Preview(
            title=f"{gone.id} (withdrawn) · {data.school.name}",
            description=clauses.withdrawal_sentence(gone),
            url=f"{data.school.site_url}{anchor}/",
            image=image,
        )
        page = shortlinks.forwarding_page(
            preview, f"../withdrawn/#{anchor}", f"{data.school.site_url}withdrawn/#{anchor}",
            f"Clause {gone.id} (withdrawn)",
        )
        shortlinks.write(site_dir, anchor, page)
