"""What each page gets around its Markdown: its macros expanded before (the policy from the one
shared rendering), then its link preview, the archive notice and record, the contents list,
the version panel and the banners. mkdocs-macros calls these through macros/__init__.py."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from macros import approval, contents, previews, translated_page, translated_site
from macros.clause_markup import archive_mark
from macros.site import POLICY_PAGE, POLICY_URL, Site, body_and_first_line


def before_markdown(env: Any) -> None:
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


def after_macros(env: Any) -> None:
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
    if isinstance(site, translated_site.TranslatedSite):
        markdown = translated_page.page_markdown(site.language, markdown, depth + env.page.url, env.page.is_homepage)
    env.markdown = markdown
