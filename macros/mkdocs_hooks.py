"""MkDocs' side of the site (listed under `hooks:` in mkdocs.yml): it hands each page and the
finished build to the engine-independent pipeline (macros/pipeline.py). Other engines run
`python -m macros.pipeline site/` after building instead."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from mkdocs.plugins import event_priority

from macros import language_builds, pipeline, translated_site
from macros.freeze import FREEZE_ENV
from macros.problems import Problem, SiteError
from macros.site import Site

# `build` or `serve`, as MkDocs starts: under `serve` pages get no Content-Security-Policy,
# since the live-reload script is injected as each page is served and no hash can allow it.
command = "build"


def on_startup(command: str, dirty: bool) -> None:  # noqa: ARG001 - MkDocs' signature
    globals()["command"] = command


class CompiledTemplates(jinja2.BytecodeCache):
    """Material's templates, compiled once per process: each language's build makes its own
    Jinja environment, which would compile every template again (a quarter of a build's time)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = CompiledTemplates()


def on_env(env: jinja2.Environment, config: Any, files: Any) -> jinja2.Environment:  # noqa: ARG001
    # (A bucket is keyed by the template's name and checked against its source: a template
    # changed under `serve` is compiled again.)
    env.bytecode_cache = COMPILED_TEMPLATES
    return env


def site_of(config: Any) -> Site:
    macros = config["plugins"].get("macros")
    site = getattr(macros, "site", None)
    if site is None:
        raise SiteError(Problem("mkdocs.yml", "the macros plugin did not run, so the site has no data.",
                                "keep `- macros:` under `plugins:` with `module_name: macros`.", "plugins"))
    return site


def on_files(files: Any, config: Any) -> Any:
    """A language's build has the English build's assets (macros/language_builds.py)."""
    site = site_of(config)
    if isinstance(site, translated_site.TranslatedSite):
        from mkdocs.structure.files import File
        return language_builds.with_english_assets(files, site.english, File, config)
    return files


# Last of every plugin's post-page work: the page is final (search has read it, Material has
# written it), so its scripts are what the policy's hashes must allow.
@event_priority(-100)
def on_post_page(output: str, page: Any, config: Any) -> str:  # noqa: ARG001 - MkDocs' signature
    return pipeline.finish_page(output, serving=command == "serve")


# The same for pages made from a template alone (404.html); the sitemap is not a page.
@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: Any) -> str:  # noqa: ARG001
    return pipeline.finish_page(output_content, command == "serve") if template_name.endswith(".html") else output_content


# After search has written its index (Material's search plugin writes it in on_post_build at
# the default priority), so the pipeline can make it clause-aware.
@event_priority(-100)
def on_post_build(config: Any) -> None:
    site = site_of(config)
    if isinstance(site, translated_site.TranslatedSite):
        language_builds.finish(Path(config["site_dir"]), site.data, site.policy.clauses, site.og_image,
                               language_builds.short_link_words(site.language, site.reconciled.stale))
        return
    pipeline.run(Path(config["site_dir"]), pipeline.Inputs.of(site), os.environ,
                 serving=command == "serve", pages_finished=True)
    if os.environ.get(FREEZE_ENV):
        Path(os.environ[FREEZE_ENV]).write_text(site.policy.markdown, encoding="utf-8")
