"""`python -m macros.engine build --engine zensical`: the site built by Zensical from mkdocs.yml,
then finished by the site's pipeline (`python -m macros.pipeline`), since Zensical runs no hooks.

Zensical reads its settings before it renders any page, so what the data file sets, which MkDocs
takes from define_env as it builds (the site's name, address, description, the clauses' short
links, the site's link preview, the archives published), is written into the configuration
Zensical reads: a copy of mkdocs.yml beside it (CONFIG_NAME, removed afterwards), which also
names the folder to write (Zensical has no --site-dir) and the site's own templates: its copies of
Material's (base.html names Material's asset files) give way to Zensical's own.

Then the site's pipeline finishes the folder, with what the pages were made from: the Site that
define_env makes for each page, made once more as Zensical makes it (the policy's clauses, the
draft state, which no built page says before the pipeline has added its banner).

Zensical reports a failure in Python as a RuntimeError carrying a traceback's text, without the
page. So the page renderer it calls is wrapped, to keep the first failure with its page and say
it in the site's own words. Its own checks (links, anchors) it prints as warnings naming the
page and line, which `--strict` turns into a stop: those are read back from its output.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pathspec
import yaml

from macros import setup
from macros import model, pipeline, settings, templates
from macros.problems import Problem, SiteError
from macros.site import Site, body_and_first_line

# Hidden, beside mkdocs.yml: Zensical takes paths in its configuration as relative to the file.
CONFIG_NAME = ".zensical.yml"
# The first lines of a template copied from Material for MkDocs (tests/unit/test_overrides.py).
MATERIAL_COPY = re.compile(r"Copied from Material for MkDocs [0-9]")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Zensical's warning: "Warning: page does not exist", then "╭─[ raise-a-concern.md:16:43 ]", then
# the line itself, "16 │ The full wording is in [Raising Concerns](polcy.md) …".
WARNING = re.compile(r"^(?:Warning|Error): (?P<message>.+)$")
PLACE = re.compile(r"^\s*╭─\[ (?P<file>.+?):(?P<line>[0-9]+):[0-9]+ \]$")
QUOTED = re.compile(r"^\s*(?P<line>[0-9]+) │ (?P<text>.*)$")


def extensions_with_options(listed: list[Any]) -> dict[str, dict[str, Any]]:
    """mkdocs.yml's `markdown_extensions` (names, or one-key mappings to options) as name → options."""
    found: dict[str, dict[str, Any]] = {}
    for entry in listed:
        if isinstance(entry, dict):
            found.update({name: dict(options or {}) for name, options in entry.items()})
        else:
            found[str(entry)] = {}
    return found


def own_templates(custom_dir: Path, into: Path) -> Path:
    """The site's own templates (`custom_dir`), copied `into` a folder without its copies of
    Material's, which are Material's version of a template Zensical has its own of."""
    for path in sorted(custom_dir.rglob("*")):
        if path.is_file() and not MATERIAL_COPY.search(path.read_text(encoding="utf-8", errors="replace")[:500]):
            target = into / path.relative_to(custom_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    return into


def zensical_config(config_file: Path, site_dir: Path, templates: Path | None = None) -> dict[str, Any]:
    """mkdocs.yml with the data file's settings in it, as define_env gives them to MkDocs, and
    the folder to write; `templates`, the site's own (own_templates), for its `custom_dir`."""
    config = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    docs_dir = config.get("docs_dir", "docs")
    seen: dict[str, Any] = {
        **config,
        "config_file_path": str(config_file),
        "docs_dir": str(config_file.parent / docs_dir),
        "extra": dict(config.get("extra") or {}),
        "mdx_configs": extensions_with_options(config.get("markdown_extensions") or []),
        "exclude_docs": pathspec.GitIgnoreSpec.from_lines((config.get("exclude_docs") or "").splitlines()),
    }
    setup.configure(seen, model.load(settings.data_path(seen)))
    mdx_configs = seen.pop("mdx_configs")
    del seen["config_file_path"]
    return {
        **seen,
        "docs_dir": docs_dir,
        "exclude_docs": "".join(f"{pattern.pattern}\n" for pattern in seen["exclude_docs"].patterns),
        "markdown_extensions": [{name: options} if options else name for name, options in mdx_configs.items()],
        "site_dir": str(site_dir.resolve()),
        # Zensical's look of Material for MkDocs, which the site's own stylesheet is written for.
        "theme": {"variant": "classic", **(config.get("theme") or {}),
                  **({"custom_dir": str(templates)} if templates else {})},
    }


def problems_from_output(output: str, docs_dir: str) -> list[Problem]:
    """The warnings in Zensical's output, each as a Problem naming its page and line."""
    found: list[Problem] = []
    message = place = None
    for line in ANSI.sub("", output).splitlines():
        if warning := WARNING.match(line):
            message, place = warning["message"], None
        elif message and (where := PLACE.match(line)):
            place = where
        elif message and place and (quoted := QUOTED.match(line)) and quoted["line"] == place["line"]:
            found.append(Problem(f"{docs_dir}/{place['file']}", f"{message} (Zensical's check).",
                                 "correct the link or text on that page, then build again.",
                                 f"line {place['line']}", quoted["text"].strip()))
            message = place = None
    return found


@contextlib.contextmanager
def output_read(kept: list[str]) -> Iterator[None]:
    """Zensical prints from Rust, past Python's sys.stderr: its output is taken from the file
    descriptors, shown as it was once the build stops, and kept."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    with tempfile.TemporaryFile() as capture:
        os.dup2(capture.fileno(), 1)
        os.dup2(capture.fileno(), 2)
        try:
            yield
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            for fd, original in zip((1, 2), saved):
                os.dup2(original, fd)
                os.close(original)
            capture.seek(0)
            kept.append(capture.read().decode("utf-8", errors="replace"))
            sys.stderr.write(kept[-1])


@contextlib.contextmanager
def pages_named(docs_dir: Path, failures: list[Problem]) -> Iterator[None]:
    """While Zensical builds, a page that fails to render is kept as a Problem naming it."""
    from zensical.markdown import render as rendering  # noqa: PLC0415 - only when building with Zensical

    real = rendering.render

    def render(content: str, path: str, *args: Any, **kwargs: Any) -> Any:
        try:
            return real(content, path, *args, **kwargs)
        except SiteError as error:
            failures.extend(error.problems)
            raise
        except Exception as error:
            source = docs_dir / path
            first_line = body_and_first_line(source.read_text(encoding="utf-8"))[1] if source.is_file() else 1
            failures.append(templates.problem_of(error, content, f"{docs_dir.name}/{path}", first_line))
            raise

    rendering.render = render
    try:
        yield
    finally:
        rendering.render = real


def site_as_built() -> Site:
    """The Site a page's define_env made in the build just done: Zensical's macros env, with its
    configuration and the macros extension's options, given to the same define_env."""
    from zensical.config import get_config  # noqa: PLC0415 - only when building with Zensical
    from zensical.extensions.macros import MacroEnv, MacrosConfig  # noqa: PLC0415

    config = get_config()
    listed = config["mdx_configs"].get("zensical.extensions.macros")
    if listed is None:
        raise SiteError(Problem("mkdocs.yml", "the macros plugin is not listed, so the pages were built without "
                                "their data.", "keep `- macros:` under `plugins:` with `module_name: macros`.",
                                "plugins"))
    options = MacrosConfig(**listed)
    env = MacroEnv(conf=config, config=dataclasses.asdict(options))
    importlib.import_module(options.module_name).define_env(env)
    return env.site


def build(config_file: Path, site_dir: Path) -> None:
    import zensical  # noqa: PLC0415 - only when building with Zensical

    project = config_file.parent.resolve()
    if not site_dir.resolve().is_relative_to(project):
        raise SiteError(Problem("--site-dir", "Zensical writes the site only inside the project folder.",
                                f"give a folder inside {project}, such as site.partial.", value=str(site_dir)))
    templates = Path(tempfile.mkdtemp(prefix="zensical-templates-"))
    custom_dir = (yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}).get("theme", {}).get("custom_dir")
    config = zensical_config(config_file, site_dir,
                             own_templates(config_file.parent / custom_dir, templates) if custom_dir else None)
    derived = config_file.with_name(CONFIG_NAME)
    derived.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    failures: list[Problem] = []
    output: list[str] = []
    try:
        with output_read(output), pages_named(config_file.parent / config["docs_dir"], failures):
            # `clean`: Zensical's cache knows the pages, not the data file they are made from.
            zensical.build(str(derived.resolve()), {"strict": True, "clean": True})
    except Exception as error:
        if failures:
            raise SiteError(failures[0]) from None
        warned = problems_from_output("".join(output), config["docs_dir"])
        if warned:
            raise SiteError(*warned) from None
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise SiteError(Problem("the site", f"Zensical stopped: {first.removeprefix('Python error: ')}",
                                "correct what the message names, then build again.")) from None
    finally:
        derived.unlink(missing_ok=True)
        shutil.rmtree(templates, ignore_errors=True)
    pipeline.run(site_dir, pipeline.Inputs.of(site_as_built()), os.environ)
