"""Zensical runs the `macros` plugin of mkdocs.yml with its own Markdown extension
(zensical.extensions.macros), which calls the site's define_env for each page with an env of its
own: Zensical's configuration (no `config_file_path`, `exclude_docs` as text) and no Jinja
environment. `adapt` gives that env what define_env reads, so define_env runs unchanged.

What Zensical does not run at all (on_pre_page_macros, on_post_page_macros, the hooks) is listed
in the README, under "Engines", with what the pipeline adds to the built pages instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
import pathspec


def is_zensical(env: Any) -> bool:
    return type(env).__module__.startswith("zensical.")


class MacrosEnvironment(jinja2.Environment):
    """The Jinja environment the site renders its policy with: the env's macros are its globals,
    as they stand when a template is made (define_env registers them after making this)."""

    def __init__(self, macros: Mapping[str, Any], **options: Any) -> None:
        super().__init__(**options)
        self.macros = macros

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:  # noqa: A002
        self.globals.update(self.macros)
        return super().from_string(source, globals, template_class)


def adapt(env: Any) -> bool:
    """Whether `env` is Zensical's; if so, it now has what mkdocs-macros' env has for define_env.
    define_env's writes go to a copy: Zensical read its settings before any page (its build
    command writes the data file's into the configuration it reads, macros/zensical_build.py)."""
    if not is_zensical(env):
        return False
    conf = env.conf
    root = Path(conf["root_dir"])
    env.conf = {
        **conf,
        # The data file is named relative to the configuration file, which is in the project root.
        "config_file_path": str(root / "mkdocs.yml"),
        "exclude_docs": pathspec.GitIgnoreSpec.from_lines((conf.get("exclude_docs") or "").splitlines()),
        "extra": dict(conf["extra"]),
        "watch": list(conf["watch"]),
        "mdx_configs": {name: dict(options) for name, options in conf["mdx_configs"].items()},
    }
    strict = env.config.get("on_undefined") == "strict"
    env.env = MacrosEnvironment(
        env.macros,
        undefined=jinja2.StrictUndefined if strict else jinja2.DebugUndefined,
        loader=jinja2.FileSystemLoader(root / (env.config.get("include_dir") or conf["docs_dir"])),
    )
    return True
