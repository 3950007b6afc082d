"""After the engine: one step that takes a built site folder and finishes it.

It adds the pages the site makes itself (a short link per clause, a comparison per pair of
versions, the feed of approved versions), makes the search index clause-aware, minifies the
site's own assets, and gives every page, last, its Content-Security-Policy.

MkDocs runs it from its hooks (macros/mkdocs_hooks.py), finishing each page in memory as it is
written. Any other engine that runs mkdocs-macros runs it afterwards on the folder it wrote:

    python -m macros.pipeline site/ [-f mkdocs.yml]

which reads what it needs from the data file, the archived versions and the built pages.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from macros import (
    approval, archive, assets, changes, clause_markup, csp, feed, html_edit, model, palette, previews,
    search, settings, shell, shortlinks,
)
from macros.problems import Problem, SiteError, summary
from macros.site import POLICY_URL, Site, preview_image

CHANGES_PAGE = "versions/changes/"
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True)
class Inputs:
    """What the step needs beyond the built folder."""

    data: model.SchoolData
    archives: list[archive.Archive]
    clauses: list[clause_markup.Clause]
    is_draft: bool
    og_image: previews.Image
    # The day of the build: where each version stands.
    today: dt.date

    @classmethod
    def of(cls, site: Site) -> Inputs:
        return cls(site.data, site.archives, site.policy.clauses, site.is_draft, site.og_image, site.today)


def finish_page(html: str, serving: bool) -> str:
    """What every page gets: its templates' indentation folded away, the search loader, then (not
    under `serve`, whose live-reload script is injected as it is served and has no hash) its
    Content-Security-Policy."""
    html = html_edit.folded_space(html)
    html = search.point_to_loader(html)
    return html if serving else csp.with_policy(html)


def added_pages(site_dir: Path, inputs: Inputs) -> dict[str, str]:
    """The pages the site makes beyond the engine's: path from the site root → HTML."""
    data = inputs.data
    made = shortlinks.pages(data, inputs.clauses, POLICY_URL, inputs.og_image)
    texts = changes.texts(inputs.archives, inputs.clauses, archive.data_snapshot(data), POLICY_URL)
    banner = approval.draft_banner_html("../../../versions/changes/#current") if inputs.is_draft else ""
    pairs = changes.pair_pages(texts, data.withdrawn, banner)
    made.update(shell.made_pages(site_dir, CHANGES_PAGE, pairs, data.school.site_url))
    return made


def run(site_dir: Path, inputs: Inputs, environ: Mapping[str, str], serving: bool = False,
        pages_finished: bool = False) -> None:
    """Finish the built site in place. `pages_finished`: the engine's pages were already
    finished as they were written (MkDocs' on_post_page)."""
    for path, html in added_pages(site_dir, inputs).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(finish_page(html, serving), encoding="utf-8")
    feed.write(site_dir, inputs.data, settings.POLICY_TITLE, environ)
    search.write_indexes(site_dir, inputs.clauses, POLICY_URL)
    assets.minify_site(site_dir)
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


# ---- Reading the inputs from a built folder, for engines without MkDocs' hooks ----


def clauses_from_html(html: str) -> list[clause_markup.Clause]:
    """The policy's clauses as the built page shows them: each `li.clause`, under its heading."""
    found: list[clause_markup.Clause] = []
    section = ""
    for element in html_edit.elements(html):
        if element.tag in HEADINGS:
            section = html_edit.text(html, element, skip_class="headerlink")
        elif element.tag == "li" and element.has_class("clause") and "data-clause" in element.attrs:
            words = html_edit.text(html, element, skip_class="clause__id")
            found.append(clause_markup.Clause(element.attrs["data-clause"], words, section))
    return found


def inputs_from_site(site_dir: Path, config_file: Path) -> Inputs:
    config = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    docs_dir = config_file.parent / config.get("docs_dir", "docs")
    named = os.environ.get("SCHOOL_DATA") or config.get("extra", {}).get("data_file", "school.yml")
    data = model.load((config_file.parent / named).resolve())
    policy_page = site_dir / POLICY_URL / "index.html"
    if not policy_page.is_file():
        raise SiteError(Problem(str(site_dir), "the built site has no guidance page (policy/index.html).",
                                "build the site first, into this folder, then run this step on it."))
    policy = policy_page.read_text(encoding="utf-8")
    draft = html_edit.first(policy, "div", class_="draft-banner") is not None
    archives = archive.load_archives(docs_dir, data)
    return Inputs(data, archives, clauses_from_html(policy), draft, preview_image(docs_dir, data.school.site_url),
                  settings.today())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.pipeline", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    try:
        inputs = inputs_from_site(args.site_dir, args.config_file)
        # Each translation the engine built into <site>/<lang>/ (macros/language_builds.py).
        importlib.import_module("macros.language_builds").finish_built(
            args.site_dir, args.config_file.resolve().parent / "docs", inputs.data, inputs.og_image)
        run(args.site_dir, inputs, os.environ)
        for folder in sorted(args.site_dir.glob("*/search/")):
            importlib.import_module("macros.shared_assets").share_assets(args.site_dir, folder.parent.name)
    except (SiteError, archive.ArchiveError) as error:
        problems = error.problems if isinstance(error, SiteError) else [
            Problem("docs/versions/", f"{error}.", "put back the approved copy from git history.")]
        sys.stderr.write(summary(problems) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
