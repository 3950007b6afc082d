"""mkdocs-macros entry point: registers variables, macros and hooks; the logic is in the modules."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

from macros import (
    assets, clauses, contacts, contents, csp, ladder, model, previews, search, settings, shortlinks, versions,
)

POLICY_PAGE = "policy.md"
POLICY_URL = "policy/"
OG_IMAGE = "assets/og-image.png"
# Set by `make release`: where to write the policy as it renders today, to freeze it.
FREEZE_ENV = "FREEZE_POLICY_TO"


def define_env(env: Any) -> None:
    path = settings.data_path(env.conf)
    docs_dir = Path(env.conf["docs_dir"])
    try:
        data = model.load(path)
        archives = versions.load_archives(docs_dir, data)
        og_image = previews.png_image(docs_dir / OG_IMAGE, data.school.site_url + OG_IMAGE)
    except (model.DataFileError, versions.ArchiveError, previews.ImageError) as error:
        raise PluginError(str(error)) from None
    settings.apply(env.conf, data)
    # Pages without Markdown (the 404 page) preview as the site itself.
    env.conf["extra"]["preview_tags"] = previews.meta_tags(
        previews.Preview(data.school.name, env.conf["site_description"], None, og_image, data.school.name)
    )
    settings.exclude_unrecorded_archives(env.conf, docs_dir, {v.number for v in data.versions})
    env.variables.update(
        {
            "school": data.school,
            "contact": data.contact,
            "policy_title": settings.POLICY_TITLE,
            "proportionality": data.proportionality,
            "og_image": og_image,
            "_data": data,
            "_archives": archives,
            "_clauses": {},
        }
    )

    env.macro(lambda: contacts.email_link(data.contact), "email_link")
    env.macro(lambda: contacts.phone_link(data.contact), "phone_link")
    env.macro(lambda: contacts.contact_actions(data.contact), "contact_actions")
    env.macro(lambda: ladder.steps_sentence(data.concern_steps), "concern_steps")
    env.macro(lambda: ladder.response_clauses(data.responses), "response_clauses")
    env.macro(lambda policy_url: ladder.concern_journey(data, policy_url), "concern_journey")
    env.macro(
        lambda: clauses.index_html(policy_clauses(env), "../" + POLICY_URL, data.school.site_url, "../"),
        "clause_index",
    )
    env.macro(lambda: whatsapp_rules(env), "whatsapp_rules")
    env.macro(lambda: clauses.withdrawn_html(data.withdrawn, "../" + POLICY_URL), "withdrawn_list")
    env.macro(lambda: versions.history_html(archives, is_draft(env), "changes/", docs_dir), "version_history")
    env.macro(lambda: version_changes(env), "version_changes")


def policy_body(env: Any) -> str:
    """The policy page's Markdown with macros expanded: what an approved version freezes."""
    if "_policy_body" not in env.variables:
        body, _ = get_data((Path(env.conf["docs_dir"]) / POLICY_PAGE).read_text(encoding="utf-8"))
        env.variables["_policy_body"] = env.env.from_string(body).render(**env.variables)
    return env.variables["_policy_body"]


def policy_clauses(env: Any) -> list[clauses.Clause]:
    """The policy's clauses, for pages that list them, whichever page asks first."""
    return clauses.find(policy_body(env), POLICY_PAGE)


def is_draft(env: Any) -> bool:
    """Whether the current text differs from the latest approved version: worked out once a build."""
    if "_is_draft" not in env.variables:
        data: model.SchoolData = env.variables["_data"]
        snapshot = versions.data_snapshot(data)
        env.variables["_is_draft"] = versions.is_draft(policy_body(env), snapshot, env.variables["_archives"])
    return env.variables["_is_draft"]


def whatsapp_rules(env: Any) -> str:
    data: model.SchoolData = env.variables["_data"]
    conduct = [c for c in policy_clauses(env) if c.id.startswith("C")]
    heading = f"{data.school.name}: {conduct[0].section}"
    link = f"{data.school.site_url}{POLICY_URL}#{contents.CODE_OF_CONDUCT}"
    return clauses.whatsapp_text(heading, conduct, link)


def version_changes(env: Any) -> str:
    """Each approved version against the next, then the latest against the current text."""
    archives: list[versions.Archive] = env.variables["_archives"]
    policy_url = "../../" + POLICY_URL
    parts = []
    for old, new in zip(archives, archives[1:]):
        anchor = versions.change_anchor(old.version.number, new.version.number)
        title = f"From version {old.version.number} to version {new.version.number}"
        parts.append(versions.comparison_html(title, anchor, old, new.clauses, new.data, policy_url))
    if archives:
        data = versions.data_snapshot(env.variables["_data"])
        title = f"From version {archives[-1].version.number} to the current text"
        parts.append(versions.comparison_html(title, "current", archives[-1], policy_clauses(env), data, policy_url))
    return "".join(reversed(parts)) or "<p>No approved version has been recorded yet.</p>"


def on_post_page_macros(env: Any) -> None:
    page = env.page.file.src_path
    data: model.SchoolData = env.variables["_data"]
    env.page.meta["preview_tags"] = previews.meta_tags(
        previews.Preview(
            previews.page_title(env.page.title, data.school.name, env.page.is_homepage),
            env.page.meta.get("description") or env.conf["site_description"],
            env.page.canonical_url,
            env.variables["og_image"],
            data.school.name,
        )
    )
    archived = env.page.meta.get("archived_version")
    if archived:
        notice = versions.archive_notice_html(str(archived), "../../" + POLICY_URL)
        marked = clauses.mark_up(contents.with_contents(env.markdown), data.school.site_url, str(archived))
        env.markdown = notice + "\n\n" + marked
        return
    found = clauses.find(env.markdown, page)
    registry: dict[str, list[clauses.Clause]] = env.variables["_clauses"]
    registry[page] = found
    archives: list[versions.Archive] = env.variables["_archives"]
    try:
        clauses.check_unique([c for page_clauses in registry.values() for c in page_clauses])
        if page == POLICY_PAGE:
            published = {c.id for archive in archives for c in archive.clauses}
            withdrawn = {w.id: w.replaced_by for w in data.withdrawn}
            clauses.check_published(found, published, withdrawn)
    except (clauses.DuplicateClauseError, clauses.BrokenLinkError) as error:
        raise PluginError(f"{page}: {error}") from None
    markdown = clauses.mark_up(env.markdown, data.school.site_url)
    if page == POLICY_PAGE:
        markdown = contents.with_contents(markdown)
        today = settings.today()
        panel = versions.panel_html(archives, today, "../versions/")
        markdown = versions.after_title(markdown, panel)
        if archives and versions.review_status(archives[-1].version, today)[1]:
            # A warning, not an error: an urgent change of contact details must still publish.
            print(f"WARNING - the review of version {archives[-1].version.number} is overdue", file=sys.stderr)
    if is_draft(env):
        depth = "../" * env.page.url.count("/")
        markdown = versions.draft_banner_html(f"{depth}versions/changes/#current") + "\n\n" + markdown
    env.markdown = markdown


def on_post_build(env: Any) -> None:
    data: model.SchoolData = env.variables["_data"]
    site_dir = Path(env.conf["site_dir"])
    policy = env.variables["_clauses"].get(POLICY_PAGE, [])
    if os.environ.get(FREEZE_ENV):
        Path(os.environ[FREEZE_ENV]).write_text(policy_body(env), encoding="utf-8")
    shortlinks.write_all(site_dir, data, policy, POLICY_URL, env.variables["og_image"])
    search.write_indexes(site_dir, policy, POLICY_URL)
    assets.minify_site(site_dir)
    # Last, once every page (short links included) is written: each gets its own policy.
    if not csp.is_dev_server(sys.argv):
        csp.apply_to_site(site_dir)
