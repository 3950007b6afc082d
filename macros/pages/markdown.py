"""What each page gets around its Markdown: its macros expanded before (the policy from the one
shared rendering), then its link preview, the archive notice and record, the contents list,
the version panel and the banners. mkdocs-macros calls these through macros/__init__.py."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from macros.clauses.markup import archive_mark
from macros.common import previews
from macros.data import front_matter
from macros.pages import contents, setup, templates, translated_page
from macros.pages.facts import POLICY_PAGE, POLICY_URL, Build
from macros.versions import approval


def before_markdown(env: Any) -> None:
    """Expand the page's macros here, so a mistake names its page and line; the policy is the
    one rendering the whole build shares."""
    page = env.page.file.src_path
    if env.page.meta.get("render_macros") is False:
        return
    if page == POLICY_PAGE:
        env.markdown = setup.build(env).policy.markdown
    else:
        first_line = front_matter.split(Path(env.page.file.abs_src_path).read_text(encoding="utf-8")).first_line
        page_file = f"{Path(env.conf['docs_dir']).name}/{page}"
        env.markdown = templates.expander(env)(env.markdown, page_file, first_line)
    # Already expanded: the macros plugin must not expand it again.
    env.page.meta["render_macros"] = False


def after_macros(env: Any) -> None:
    build: Build = setup.build(env)
    data = build.data
    page = env.page.file.src_path
    env.page.meta["preview_tags"] = previews.meta_tags(
        previews.Preview(
            previews.page_title(env.page.title, data.school.name, env.page.is_homepage),
            env.page.meta.get("description") or env.conf["site_description"],
            env.page.canonical_url,
            build.og_image,
            data.school.name,
        )
    )
    archived = env.page.meta.get("archived_version")
    if archived:
        notice = approval.archive_notice_html(
            build.archives, str(archived), build.today, build.is_draft, "../../" + POLICY_URL
        )
        record = approval.record_html(next(a.version for a in build.archives if a.version.number == str(archived)))
        marked = approval.after_title(contents.with_contents(env.markdown), record)
        env.markdown = f"{archive_mark(str(archived))}\n\n{notice}\n\n{marked}"
        return
    build.check_may_hold_clauses(page, env.markdown)
    markdown = env.markdown
    # The panel and the banners in the page's language; the pages they link to are in English.
    words = build.translation.language if build.translation else approval.ENGLISH
    if page == POLICY_PAGE:
        markdown = contents.with_contents(markdown)
        panel = approval.panel_html(build.archives, build.today, build.english_root + "../versions/", words)
        markdown = approval.after_title(markdown, panel)
        if build.archives and approval.review_status(build.archives[-1].version, build.today)[1]:
            # A warning, not an error: an urgent change of contact details must still publish.
            print(f"WARNING - the review of version {build.archives[-1].version.number} is overdue", file=sys.stderr)
    depth = "../" * env.page.url.count("/") + build.english_root
    if not build.archives:
        markdown = approval.not_yet_approved_html(f"{depth}versions/", words) + "\n\n" + markdown
    elif build.is_draft:
        markdown = approval.draft_banner_html(f"{depth}versions/changes/#current", words) + "\n\n" + markdown
    if build.translation:
        markdown = translated_page.page_markdown(build.translation.language, markdown, depth + env.page.url,
                                                 env.page.is_homepage)
    env.markdown = markdown
