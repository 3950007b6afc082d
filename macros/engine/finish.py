"""`python -m macros.engine.finish site/ [-f mkdocs.yml]`: the finishing step (macros/finishing/
pipeline.py) on a site another engine has built, with mkdocs-macros and without MkDocs' hooks.

What MkDocs' hooks know from the build, this reads from the data file, the archived versions and the
built pages: the guidance's clauses and whether its text is a draft, as its page shows them. Then
it finishes each language's folder and the English site, as the hooks do, and gives every
language the English site's assets, then the whole site one stylesheet (macros/finishing/minify.py)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import yaml

from macros.common.problems import Problem, SiteError, summary
from macros.data import model, settings
from macros.finishing import html_edit, minify, pipeline
from macros.languages.builds import finish_built
from macros.languages.shared_assets import share_assets
from macros.pages.facts import POLICY_URL, Build, Policy, preview_image
from macros.versions import archive


def build_from_site(site_dir: Path, config_file: Path) -> Build:
    """The English build's facts, read from the folder it was built into."""
    config = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    docs_dir = config_file.parent / config.get("docs_dir", "docs")
    data = model.load(settings.data_path(config_file, config.get("extra") or {}))
    policy_page = site_dir / POLICY_URL / "index.html"
    if not policy_page.is_file():
        raise SiteError(Problem(str(site_dir), "the built site has no guidance page (policy/index.html).",
                                "build the site first, into this folder, then run this step on it."))
    html = policy_page.read_text(encoding="utf-8")
    draft = html_edit.first(html, "div", class_="draft-banner") is not None
    policy = Policy("", tuple(pipeline.clauses_from_html(html)))
    return Build(data, archive.checked_archives(docs_dir, data), settings.today(), docs_dir, policy, draft,
                 preview_image(docs_dir, data.school.site_url))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.engine.finish", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    try:
        config_file = args.config_file.resolve()
        english = build_from_site(args.site_dir, config_file)
        finish_built(args.site_dir, config_file.parent, english, os.environ)
        pipeline.run(args.site_dir, english, os.environ)
        for folder in sorted(args.site_dir.glob("*/search/")):
            share_assets(args.site_dir, folder.parent.name)
        minify.join_site(args.site_dir)
    except SiteError as error:
        sys.stderr.write(summary(list(error.problems)) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
