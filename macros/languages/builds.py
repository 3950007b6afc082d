"""The site in other languages: each `translations/<lang>/` (its `language.yml` and its `docs/`)
is built, after the English, into `<site>/<lang>/` with the same mkdocs.yml and a few settings
changed, and finished as the English is (short links, clause-aware search, minified assets).
Last, the whole site gets one stylesheet and the favicon in its pages (finishing/minify.py).

A school adds a language by adding files: nothing here names a language.
"""

from __future__ import annotations

import copy
import io
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from jinja2 import TemplateNotFound

from macros.clauses import markup
from macros.common.problems import Problem, SiteError
from macros.data import model
from macros.data.language_file import LANGUAGE_FILE, LanguageFile, discover
from macros.finishing import minify, pipeline, search
from macros.languages.shared_assets import share_assets
from macros.languages.sitemaps import write_sitemaps
from macros.pages.facts import POLICY_URL, Build, Policy, Translation, translated_data
from macros.pages.setup import build_of
from macros.pages.translated_page import script_words

# Material's search has stemmers for these (material/templates/assets/javascripts/lunr/min/);
# any other language is searched word by word, as English without stemming would be.
SEARCH_LANGUAGES = {
    "ar", "da", "de", "du", "el", "es", "fi", "fr", "he", "hi", "hu", "hy", "it", "ja", "kn", "ko", "nl",
    "no", "pt", "ro", "ru", "sa", "sv", "ta", "te", "th", "tr", "vi", "zh",
}  # fmt: skip
# mkdocs.yml's menu sections, by their English title → the string that names them.
NAV_SECTIONS = {"For staff and governors": "nav_staff"}


def nav_for(english_nav: list[Any], docs: Path, language: LanguageFile) -> list[Any]:
    """The English menu with each page this language has (titled from its own page) and, for the
    pages it does not have (those for staff and governors), links to the English ones."""

    def entry(item: Any) -> Any:
        if isinstance(item, str):
            return item if (docs / item).is_file() else {item: english_url(item)}
        (title, value), = item.items()
        if isinstance(value, list):
            key = NAV_SECTIONS.get(title)
            named = language.text(key) if key and key in language.strings else title
            return {named: [entry(child) for child in value]}
        if isinstance(value, str) and value.endswith(".md"):
            return value if (docs / value).is_file() else {title: english_url(value)}
        return item

    return [entry(item) for item in english_nav]


def english_url(page: str) -> str:
    """Where a page's English is, from the language's root: `versions/index.md` → `../versions/`."""
    path = page.removesuffix(".md")
    return "../" + (path.removesuffix("index") if path.endswith("index") else path + "/")


def language_config(raw: Mapping[str, Any], folder: Path, language: LanguageFile, project: Path) -> dict[str, Any]:
    """mkdocs.yml for one language: its pages, menu, interface language and direction (a
    right-to-left one with its clause IDs left to right), search, and the words of site.js and of
    a printed page's footer."""
    config = copy.deepcopy(dict(raw))
    docs = folder / "docs"
    config["docs_dir"] = str(docs.relative_to(project))
    theme = config["theme"]
    theme["language"] = language.language
    theme["direction"] = language.dir
    for scheme in theme.get("palette", []):
        toggle = scheme.get("toggle")
        if toggle:
            toggle["name"] = language.text("switch_to_light_mode" if scheme.get("scheme") == "slate"
                                           else "switch_to_dark_mode")
    plugins = []
    for plugin in config["plugins"]:
        name, options = (plugin, {}) if isinstance(plugin, str) else next(iter(plugin.items()))
        options = dict(options or {})
        if name == "search":
            options["lang"] = language.language if language.language in SEARCH_LANGUAGES else "en"
        if name == "macros":
            # Its own shared sentences; without any, an include names the file it lacks.
            includes = docs / "_includes" if (docs / "_includes").is_dir() else docs
            options["include_dir"] = str(includes.relative_to(project))
        plugins.append({name: options})
    config["plugins"] = plugins
    extensions = []
    for extension in config.get("markdown_extensions", []):
        if isinstance(extension, dict) and "toc" in extension:
            extension = {"toc": {**extension["toc"], "permalink_title": language.text("link_to_this_section")}}
        name = extension if isinstance(extension, str) else next(iter(extension))
        if name == markup.__name__ and language.dir == "rtl":
            options = {} if isinstance(extension, str) else dict(extension[name] or {})
            extension = {name: {**options, "ltr_ids": True}}
        extensions.append(extension)
    config["markdown_extensions"] = extensions
    config["nav"] = nav_for(config.get("nav", []), docs, language)
    # Its links to the English pages are outside this build's files: MkDocs reports each one
    # (it checks them all in the English build).
    config.setdefault("validation", {}).setdefault("nav", {})["not_found"] = "info"
    config.setdefault("extra", {})["translation"] = language.language
    # The words of site.js and of a printed page's footer (overrides/main.html) in the language.
    config["extra"]["script_words"] = script_words(language)
    config["extra"]["printed_from"] = language.strings["printed_from"]
    return config


def material_word(theme: Any, key: str) -> str:
    """What Material's interface calls `key` in the theme's language (else in English, as Material
    falls back)."""
    env = theme.get_env()
    for name in (theme["language"], "en"):
        try:
            return str(env.get_template(f"partials/languages/{name}.html").module.t(key)).strip()
        except TemplateNotFound:
            continue
    return ""


def check_contents_name(folder: Path, language: LanguageFile, theme: Any) -> None:
    """The page's own contents box and Material's table of contents are both navigation
    landmarks: a screen reader lists them by name, so one language file's word must not be
    Material's (as Romanian "Cuprins" is both)."""
    own = language.text("contents").strip()
    if own.casefold() != material_word(theme, "toc").casefold():
        return
    path = folder / LANGUAGE_FILE
    root, _ = model.parse_yaml(path.read_text(encoding="utf-8"))
    raise SiteError(Problem(
        str(path), f"the page's own contents box is called {own!r}, which is also what the theme calls its table "
        "of contents in this language: a screen reader would list two menus by one name.",
        'make `contents` the words for "On this page" in this language.',
        f"line {model.line_of(root, ('strings', 'contents'))}, strings.contents", repr(own)))


def build_all(config_module: Any, build_module: Any, config_file: str, english_config: Any) -> None:
    """Each language after the English (whose facts its build reads), into `<site>/<lang>/`, in
    this process, with the engine's own configuration loader and build."""
    project = Path(config_file).resolve().parent
    english = build_of(english_config)
    raw = yaml.safe_load(Path(config_file).read_text(encoding="utf-8"))
    root = Path(english_config["site_dir"]).resolve()
    for folder, language in discover(project):
        config = language_config(raw, folder, language, project)
        text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
        cfg = config_module.load_config(io.StringIO(text), config_file_path=str(Path(config_file).resolve()),
                                        strict=True, site_dir=str(root / language.language))
        check_contents_name(folder, language, cfg.theme)
        cfg["extra"]["english"] = english
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build_module.build(cfg, dirty=False)
        finally:
            cfg.plugins.on_shutdown()
        share_assets(root, language.language)
    write_sitemaps(root, [language.language for _, language in discover(project)], english.data.school.site_url)
    # Only on a finished site: an engine without the site's hooks is finished afterwards
    # (macros/engine/finish.py), which joins them then.
    if (root / search.FULL_INDEX).is_file():
        minify.join_site(root)


def with_english_assets(files: Any, english: Build, file_class: Any, config: Any) -> Any:
    """The English build's own assets (stylesheet, script, logo, pictures) in this build too."""
    docs_dir = english.docs_dir.resolve()
    for path in sorted((docs_dir / "assets").rglob("*")):
        if path.is_file():
            relative = path.relative_to(docs_dir).as_posix()
            if files.get_file_from_path(relative) is None:
                files.append(file_class(relative, str(docs_dir), config["site_dir"], config["use_directory_urls"]))
    return files


def finish_built(site_dir: Path, project: Path, english: Build, environ: Mapping[str, str]) -> None:
    """For engines without MkDocs' hooks (`python -m macros.engine.finish`): each language folder
    the engine built gets what the hooks give it, its facts read from its built pages."""
    english_docs = english.docs_dir
    for folder, language in discover(project):
        built = site_dir / language.language
        if not (built / POLICY_URL / "index.html").is_file():
            continue
        for path in sorted((english_docs / "assets").rglob("*")):
            target = built / path.relative_to(english_docs)
            if path.is_file() and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
        shown = pipeline.clauses_from_html((built / POLICY_URL / "index.html").read_text(encoding="utf-8"))
        # An out-of-date clause's words are the English it shows, without the notice beside it.
        notice = " " + language.text("translation_updating")
        policy = Policy("", tuple(markup.Clause(c.id, c.text.replace(notice, "").strip(), c.section) for c in shown),
                        frozenset(c.id for c in shown if notice in c.text))
        build = Build(translated_data(english.data, language), english.archives, english.today, folder / "docs",
                      policy, english.is_draft, english.og_image, Translation(language, english))
        pipeline.run(built, build, environ, pages_finished=True)
