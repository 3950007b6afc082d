"""Setting up a build: check the configuration, read the data file and the approved archives,
apply what they set to the engine's configuration, and make the Site every page reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any, MutableMapping

from macros import archive, model, previews, settings, templates, translated_page, translated_site
from macros.problems import Problem, SiteError
from macros.site import Site, preview_image

CLAUSE_EXTENSION = "macros.clause_markup"


def configure(conf: MutableMapping[str, Any], data: model.SchoolData, english: Any = None) -> None:
    """What the data file sets in the engine's configuration: the site's name, address and
    description, each clause's short link, the site's own link preview, the archives published."""
    settings.apply(conf, data)
    if english:
        # The description in the translation's words, before the previews that carry it.
        translated_site.apply(conf, Path(conf["docs_dir"]))
    # Each clause's copy button carries its short link: the site's address comes from the data file.
    conf["mdx_configs"].setdefault(CLAUSE_EXTENSION, {})["short_link_base"] = data.school.site_url
    # Pages without Markdown (the 404 page) preview as the site itself.
    # A translation's pages use the English site's picture and feed (`english`: its build's facts).
    image = english.og_image if english else preview_image(Path(conf["docs_dir"]), data.school.site_url)
    conf["extra"]["feed_url"] = (english.site_url if english else data.school.site_url) + "versions/feed.xml"
    conf["extra"]["preview_tags"] = previews.meta_tags(
        previews.Preview(data.school.name, conf["site_description"], None, image, data.school.name))
    settings.exclude_unrecorded_archives(conf, Path(conf["docs_dir"]), {v.number for v in data.versions})


def start(env: Any) -> Site:
    """Check the configuration, read the data file and the approved archives, apply what they set,
    and make the one Site the build shares (kept on the macros env as `env.site`)."""
    settings.check_plugins(env.conf)
    docs_dir = Path(env.conf["docs_dir"])
    data_file = settings.data_path(env.conf)
    data = model.load(data_file)
    # In a language's build (macros/translated_site.py): its words, the English build's clauses.
    translation = translated_site.for_build(env.conf, Path(env.conf["config_file_path"]).parent)
    if translation:
        data = translated_site.translated_data(data, translation[0])
    english_docs = translation[1].docs_dir if translation else docs_dir
    # `make serve` rebuilds when the data file changes, whichever file SCHOOL_DATA names.
    if str(data_file) not in env.conf["watch"]:
        env.conf["watch"].append(str(data_file))
    try:
        archives = archive.load_archives(english_docs, data)
    except archive.ArchiveError as error:
        raise SiteError(Problem(f"{docs_dir.name}/versions/", f"{error}.", "put back the approved copy from git "
                                "history: an approved version is never edited.")) from None
    configure(env.conf, data, translation[1] if translation else None)
    env.conf["extra"]["language_switch"] = translated_page.switch_links(
        Path(env.conf["config_file_path"]).parent, translation[0] if translation else None)

    def expand(markdown: str, page_file: str, first_line: int) -> str:
        variables = {name: value for name, value in env.variables.items() if name != "page"}
        return templates.render(env.env, markdown, variables, page_file, first_line)

    site = Site(data, archives, settings.today(), docs_dir, expand) if not translation else translated_site.TranslatedSite(
        data, archives, settings.today(), docs_dir, expand, language=translation[0], english=translation[1])
    env.site = site
    return site
