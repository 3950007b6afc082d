"""Setting up a build: check the configuration, read the data file (in a language's build, in its
words) and the approved archives, apply what they set to the engine's configuration, and make the
one Build every page reads once the macros that render the guidance are registered."""

from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from macros.clauses.translated import UNMARKED, WordsShown, data_words
from macros.common import previews
from macros.common.problems import Problem, SiteError
from macros.data import front_matter, model, settings
from macros.data.language_file import LANGUAGE_FILE, TRANSLATIONS, LanguageFile, load
from macros.data.model import SchoolData
from macros.pages import facts, templates, translated_page
from macros.pages.facts import Build, Translation
from macros.versions import archive

CLAUSE_EXTENSION = "macros.clauses.markup"


def configure(conf: MutableMapping[str, Any], data: SchoolData, english: Build | None) -> None:
    """What the data file sets in the engine's configuration: the site's name, address and
    description, each clause's short link, the site's own link preview, the archives published."""
    settings.apply(conf, data)
    if english:
        # The description in the translation's words, before the previews that carry it: its
        # home page's, which makes its point first.
        home = front_matter.split((Path(conf["docs_dir"]) / "index.md").read_text(encoding="utf-8"))
        if home.meta.get("description"):
            conf["site_description"] = str(home.meta["description"])
    # Each clause's copy button carries its short link: the site's address comes from the data file.
    conf["mdx_configs"].setdefault(CLAUSE_EXTENSION, {})["short_link_base"] = data.school.site_url
    # Pages without Markdown (the 404 page) preview as the site itself.
    # A translation's pages use the English site's picture and feed.
    image = english.og_image if english else facts.preview_image(Path(conf["docs_dir"]), data.school.site_url)
    conf["extra"]["feed_url"] = (english.data.school.site_url if english else data.school.site_url) + \
        "versions/feed.xml"
    conf["extra"]["preview_tags"] = previews.meta_tags(
        previews.Preview(data.school.name, conf["site_description"], None, image, data.school.name))
    settings.exclude_unrecorded_archives(conf, Path(conf["docs_dir"]), {v.number for v in data.versions})


def translation_of(conf: MutableMapping[str, Any]) -> Translation | None:
    """In a language's build, its file and the English build's facts; None in the English build."""
    code = conf["extra"].get("translation")
    if not code:
        return None
    english = conf["extra"].get("english")
    if not isinstance(english, Build):
        raise SiteError(Problem("mkdocs.yml", f"the {code!r} translation is built on its own.",
                                "build the whole site with `make build`: a translation needs the English first."))
    project = Path(conf["config_file_path"]).parent
    return Translation(load(project / TRANSLATIONS / code / LANGUAGE_FILE), english)


def start(env: Any) -> tuple[SchoolData, LanguageFile | None, WordsShown]:
    """Check the configuration, read the data file (in a language's build, in its words) and apply
    what it sets; the data the macros are registered with, the build's language if not English,
    and how its pages show the data file's words (those out of date in the language, in English)."""
    settings.check_plugins(env.conf)
    data_file = settings.data_path(Path(env.conf["config_file_path"]), env.conf["extra"])
    data = model.load(data_file)
    translation = translation_of(env.conf)
    shown = UNMARKED
    if translation:
        shown = WordsShown.of(data_words(data, translation.language), translation.language)
        data = facts.translated_data(data, translation.language)
    # `make serve` rebuilds when the data file changes, whichever file SCHOOL_DATA names.
    if str(data_file) not in env.conf["watch"]:
        env.conf["watch"].append(str(data_file))
    configure(env.conf, data, translation.english if translation else None)
    env.conf["extra"]["language_switch"] = translated_page.switch_links(
        Path(env.conf["config_file_path"]).parent,
        translation.english.docs_dir if translation else Path(env.conf["docs_dir"]),
        translation.language if translation else None)
    env.build_sources = (data, translation)
    return data, translation.language if translation else None, shown


def build(env: Any) -> Build:
    """The one Build the whole build shares, made the first time a page, a macro or a hook asks
    (the guidance is rendered with mkdocs-macros' Jinja environment, which its on_config makes
    after `define_env`), and kept on the macros env."""
    made = getattr(env, "build", None)
    if isinstance(made, Build):
        return made
    sources = getattr(env, "build_sources", None)
    if sources is None:
        raise SiteError(Problem("mkdocs.yml", "the macros plugin did not run, so the site has no data.",
                                "keep `- macros:` under `plugins:` with `module_name: macros`.", "plugins"))
    data, translation = sources
    docs_dir = Path(env.conf["docs_dir"])
    expand = templates.expander(env)
    if translation:
        made = facts.translated(data, docs_dir, expand, translation)
    else:
        made = facts.english(data, archive.checked_archives(docs_dir, data), settings.today(), docs_dir, expand)
    env.build = made
    return made


def build_of(config: Any) -> Build:
    """The Build of this configuration's build."""
    return build(config["plugins"].get("macros"))
