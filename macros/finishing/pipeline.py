"""After the engine: one step that takes a built site folder and finishes it.

It adds the pages the site makes itself (a short link per clause and, in the English site, a
comparison per pair of versions and the feed of approved versions), makes the search index
clause-aware, minifies the site's own assets, and gives every page, last, its
Content-Security-Policy. The English site and every language's are finished by `run`.

MkDocs runs it from its hooks (macros/engine/mkdocs_hooks.py), finishing each page in memory as it
is written. Any other engine that runs mkdocs-macros runs it afterwards on the folder it wrote,
with `python -m macros.engine.finish site/` (macros/engine/finish.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from macros.clauses import markup, shortlinks
from macros.common.markup import HEADINGS
from macros.common.problems import Problem, SiteError
from macros.data import settings
from macros.finishing import csp, frame, html_edit, minify, palette, search
from macros.pages.facts import POLICY_URL, Build
from macros.versions import approval, changes, feed

CHANGES_PAGE = "versions/changes/"


def finish_page(html: str, serving: bool) -> str:
    """What every page gets: its templates' indentation folded away, the search loader, then (not
    under `serve`, whose live-reload script is injected as it is served and has no hash) its
    Content-Security-Policy."""
    html = html_edit.folded_space(html)
    html = search.point_to_loader(html)
    return html if serving else csp.with_policy(html)


def added_pages(site_dir: Path, build: Build) -> dict[str, str]:
    """The pages the site makes beyond the engine's: path from the site root → HTML. A language's
    short links are in its words; comparisons and withdrawn clauses are the English site's."""
    data, clauses = build.data, list(build.policy.clauses)
    if build.translation:
        words = shortlinks.LinkWords.of(build.translation.language, build.policy.in_english)
        return shortlinks.pages(data.model_copy(update={"withdrawn": []}), clauses, POLICY_URL, build.og_image, words)
    made = shortlinks.pages(data, clauses, POLICY_URL, build.og_image)
    banner = approval.draft_banner_html("../../../versions/changes/#current") if build.is_draft else ""
    pairs = changes.pair_pages(build.version_texts(), data.withdrawn, banner)
    made.update(frame.made_pages(site_dir, CHANGES_PAGE, pairs, data.school.site_url))
    return made


def run(site_dir: Path, build: Build, environ: Mapping[str, str], serving: bool = False,
        pages_finished: bool = False) -> None:
    """Finish a built site (the English, or a language's in `<site>/<lang>/`) in place.
    `pages_finished`: the engine's pages were already finished as they were written (MkDocs'
    on_post_page)."""
    for path, html in added_pages(site_dir, build).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(finish_page(html, serving), encoding="utf-8")
    language = build.translation.language.language if build.translation else None
    if language is None:
        feed.write(site_dir, build.data, settings.POLICY_TITLE, environ)
    search.write_indexes(site_dir, build.policy.clauses, POLICY_URL, folder=f"{language}/" if language else "")
    minify.minify_site(site_dir)
    palette.trim_site(site_dir)
    if pages_finished:
        return
    for page in sorted(site_dir.rglob("*.html")):
        source = page.read_text(encoding="utf-8")
        try:
            finished = finish_page(source, serving)
        except csp.NoHeadError as error:
            raise SiteError(Problem(str(page.relative_to(site_dir)), f"{error}.", "check the engine's template "
                                    "for this page: it must have a <head> with <meta charset>.")) from None
        if finished != source:
            page.write_text(finished, encoding="utf-8")


# ---- Reading what a built folder shows, for engines without MkDocs' hooks ----


def clauses_from_html(html: str) -> list[markup.Clause]:
    """The policy's clauses as the built page shows them: each `li.clause`, under its heading."""
    found: list[markup.Clause] = []
    section = ""
    for element in html_edit.elements(html):
        if element.tag in HEADINGS:
            section = html_edit.text(html, element, skip_class="headerlink")
        elif element.tag == "li" and element.has_class("clause") and "data-clause" in element.attrs:
            words = html_edit.text(html, element, skip_class="clause__id")
            found.append(markup.Clause(element.attrs["data-clause"], words, section))
    return found
