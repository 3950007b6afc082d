"""mkdocs-macros entry point: registers variables, macros and hooks; the logic is in the modules."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from macros import (
    approval, archive, changes, clauses, contacts, contents, languages, model, previews, responses, settings, templates,
)
from macros.clause_markup import archive_mark
from macros.problems import Problem, SiteError
from macros.site import POLICY_PAGE, POLICY_URL, Site, body_and_first_line

CLAUSE_EXTENSION = "macros.clause_markup"


def define_env(env: Any) -> None:
    settings.check_plugins(env.conf)
    docs_dir = Path(env.conf["docs_dir"])
    data_file = settings.data_path(env.conf)
    data = model.load(data_file)
    # In a language's build (macros/languages.py): its words, the English build's clauses.
    translation = languages.for_build(env.conf, Path(env.conf["config_file_path"]).parent)
    if translation:
        data = languages.translated_data(data, translation[0])
    # `make serve` rebuilds when the data file changes, whichever file SCHOOL_DATA names.
    if str(data_file) not in env.conf["watch"]:
        env.conf["watch"].append(str(data_file))
    try:
        archives = archive.load_archives(translation[1].docs_dir if translation else docs_dir, data)
    except archive.ArchiveError as error:
        raise SiteError(Problem(f"{docs_dir.name}/versions/", f"{error}.", "put back the approved copy from git "
                                "history: an approved version is never edited.")) from None
    settings.apply(env.conf, data)
    env.conf["extra"]["language_switch"] = languages.switch_links(
        Path(env.conf["config_file_path"]).parent, translation[0] if translation else None)
    if translation:
        languages.apply(env.conf, docs_dir)
    # Each clause's copy button carries its short link: the site's address comes from the data file.
    env.conf["mdx_configs"].setdefault(CLAUSE_EXTENSION, {})["short_link_base"] = data.school.site_url

    def expand(markdown: str, page_file: str, first_line: int) -> str:
        variables = {name: value for name, value in env.variables.items() if name != "page"}
        return templates.render(env.env, markdown, variables, page_file, first_line)

    site = Site(data, archives, settings.today(), docs_dir, expand) if not translation else languages.TranslatedSite(
        data, archives, settings.today(), docs_dir, expand, language=translation[0], english=translation[1])
    env.site = site
    # Pages without Markdown (the 404 page) preview as the site itself.
    env.conf["extra"]["preview_tags"] = previews.meta_tags(
        previews.Preview(data.school.name, env.conf["site_description"], None, site.og_image, data.school.name)
    )
    settings.exclude_unrecorded_archives(env.conf, docs_dir, {v.number for v in data.versions})
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
    env.macro(lambda: whatsapp_rules(site), "whatsapp_rules")
    env.macro(lambda: clauses.withdrawn_html(data.withdrawn, "../" + POLICY_URL), "withdrawn_list")
    env.macro(lambda: approval.history_html(archives, site.is_draft, site.today, docs_dir), "version_history")
    env.macro(lambda: version_changes(site), "version_changes")
    if isinstance(site, languages.TranslatedSite):
        languages.register(env, site)


def whatsapp_rules(site: Site) -> str:
    conduct = [c for c in site.policy.clauses if c.id.startswith("C")]
    heading = f"{site.data.school.name}: {conduct[0].section}"
    link = f"{site.data.school.site_url}{POLICY_URL}#{contents.CODE_OF_CONDUCT}"
    return clauses.whatsapp_text(heading, conduct, link)


def version_texts(site: Site) -> list[changes.Text]:
    """Every approved version, then the current text: what comparisons compare."""
    return changes.texts(site.archives, site.policy.clauses, archive.data_snapshot(site.data), POLICY_URL)


def version_changes(site: Site) -> str:
    """Each approved version against the next, then the latest against the current text."""
    return changes.neighbours_html(version_texts(site), site.data.withdrawn)


def on_pre_page_macros(env: Any) -> None:
    """Expand the page's macros here, so a mistake names its page and line; the policy is the
    one rendering the whole build shares."""
    site: Site = env.site
    page = env.page.file.src_path
    if env.page.meta.get("render_macros") is False:
        return
    if page == POLICY_PAGE:
        env.markdown = site.policy.markdown
    else:
        source = Path(env.page.file.abs_src_path).read_text(encoding="utf-8")
        _, first_line = body_and_first_line(source)
        env.markdown = site.expand(env.markdown, f"{site.docs_dir.name}/{page}", first_line)
    # Already expanded: the macros plugin must not expand it again.
    env.page.meta["render_macros"] = False


def on_post_page_macros(env: Any) -> None:
    site: Site = env.site
    data = site.data
    page = env.page.file.src_path
    env.page.meta["preview_tags"] = previews.meta_tags(
        previews.Preview(
            previews.page_title(env.page.title, data.school.name, env.page.is_homepage),
            env.page.meta.get("description") or env.conf["site_description"],
            env.page.canonical_url,
            site.og_image,
            data.school.name,
        )
    )
    archived = env.page.meta.get("archived_version")
    if archived:
        notice = approval.archive_notice_html(
            site.archives, str(archived), site.today, site.is_draft, "../../" + POLICY_URL
        )
        record = approval.record_html(next(a.version for a in site.archives if a.version.number == str(archived)))
        marked = approval.after_title(contents.with_contents(env.markdown), record)
        env.markdown = f"{archive_mark(str(archived))}\n\n{notice}\n\n{marked}"
        return
    site.check_may_hold_clauses(page, env.markdown)
    markdown = env.markdown
    if page == POLICY_PAGE:
        markdown = contents.with_contents(markdown)
        panel = approval.panel_html(site.archives, site.today, site.english_root + "../versions/")
        markdown = approval.after_title(markdown, panel)
        if site.archives and approval.review_status(site.archives[-1].version, site.today)[1]:
            # A warning, not an error: an urgent change of contact details must still publish.
            print(f"WARNING - the review of version {site.archives[-1].version.number} is overdue", file=sys.stderr)
    depth = "../" * env.page.url.count("/") + site.english_root
    if not site.archives:
        markdown = approval.not_yet_approved_html(f"{depth}versions/") + "\n\n" + markdown
    elif site.is_draft:
        markdown = approval.draft_banner_html(f"{depth}versions/changes/#current") + "\n\n" + markdown
    if isinstance(site, languages.TranslatedSite):
        markdown = languages.page_markdown(site.language, markdown, depth + env.page.url, env.page.is_homepage)
    env.markdown = markdown
