"""MkDocs' side of the site (listed under `hooks:` in mkdocs.yml): it hands each page and the
finished build, the English and each language's, to the engine-independent pipeline
(macros/finishing/pipeline.py). Other engines run `python -m macros.engine.finish site/` after
building instead (macros/engine/finish.py)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from mkdocs.plugins import event_priority

from macros.data.settings import FREEZE_ENV
from macros.finishing import pipeline
from macros.languages import builds
from macros.pages.setup import build_of, translation_of

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


def on_env(env: jinja2.Environment, config: Any, files: Any) -> jinja2.Environment:  # noqa: ARG001 - MkDocs' signature
    # (A bucket is keyed by the template's name and checked against its source: a template
    # changed under `serve` is compiled again.)
    env.bytecode_cache = COMPILED_TEMPLATES
    return env


def on_files(files: Any, config: Any) -> Any:
    """A language's build has the English build's assets (macros/languages/builds.py)."""
    translation = translation_of(config)
    if translation:
        from mkdocs.structure.files import File  # noqa: PLC0415 - ProperDocs' File under ProperDocs
        return builds.with_english_assets(files, translation.english, File, config)
    return files


# Last of every plugin's post-page work: the page is final (search has read it, Material has
# written it), so its scripts are what the policy's hashes must allow.
@event_priority(-100)
def on_post_page(output: str, page: Any, config: Any) -> str:  # noqa: ARG001 - MkDocs' signature
    return pipeline.finish_page(output, serving=command == "serve")


# The same for pages made from a template alone (404.html); the sitemap is not a page.
@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: Any) -> str:  # noqa: ARG001 - MkDocs' signature
    if template_name.endswith(".html"):
        return pipeline.finish_page(output_content, command == "serve")
    return output_content


# After search has written its index (Material's search plugin writes it in on_post_build at
# the default priority), so the pipeline can make it clause-aware.
@event_priority(-100)
def on_post_build(config: Any) -> None:
    build = build_of(config)
    pipeline.run(Path(config["site_dir"]), build, os.environ, serving=command == "serve", pages_finished=True)
    if os.environ.get(FREEZE_ENV) and not build.translation:
        Path(os.environ[FREEZE_ENV]).write_text(build.policy.markdown, encoding="utf-8")
