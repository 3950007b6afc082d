"""What lets the site build with Zensical: the configuration it reads, the env its macros
extension gets, its warnings read back, and a pipeline that leaves its own search alone."""

from __future__ import annotations

import io
import logging
import sys
from pathlib import Path

import jinja2
import pytest
from zensical.extensions.macros import MacroEnv

from macros import engine, model, pipeline, settings, zensical_build, zensical_env
from tests.sitebuild import DATA, DATA_FILE, ROOT

OUTPUT = (
    "Build started\n\x1b[33mWarning:\x1b[0m page does not exist\n"
    "    \x1b[38;5;246m╭\x1b[0m\x1b[38;5;246m─\x1b[0m\x1b[38;5;246m[\x1b[0m raise-a-concern.md:16:43 "
    "\x1b[38;5;246m]\x1b[0m\n    \x1b[38;5;246m│\x1b[0m\n"
    " \x1b[38;5;246m16 │\x1b[0m \x1b[38;5;249mT\x1b[0m\x1b[38;5;249mhe\x1b[0m link [Raising Concerns](polcy.md) here.\n"
    " \x1b[38;5;240m   │\x1b[0m             ────┬───\n"
    "────╯\nWarning: anchor does not exist\n    ╭─[ index.md:3:5 ]\n 3 │ See [this](policy.md#nowhere).\n"
    "1 issue found\n"
)


def test_zensicals_warnings_are_read_back_naming_the_page_line_and_text() -> None:
    found = zensical_build.problems_from_output(OUTPUT, "docs")
    assert [(p.file, p.where, p.value) for p in found] == [
        ("docs/raise-a-concern.md", "line 16", "The link [Raising Concerns](polcy.md) here."),
        ("docs/index.md", "line 3", "See [this](policy.md#nowhere)."),
    ]
    assert found[0].problem == "page does not exist (Zensical's check)."
    assert zensical_build.problems_from_output("Build started\nNo issues found\n", "docs") == []


def test_zensical_reads_the_data_files_settings_and_the_folder_to_write(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCHOOL_DATA", str(DATA_FILE))
    site_dir = ROOT / "site.partial"
    config = zensical_build.zensical_config(ROOT / "mkdocs.yml", site_dir)
    assert (config["site_name"], config["site_url"]) == (DATA.school.name, DATA.school.site_url)
    applied: dict[str, str] = {}
    settings.apply(applied, DATA)
    assert {name: config[name] for name in applied} == applied
    assert {"macros.clause_markup": {"short_link_base": DATA.school.site_url}} in config["markdown_extensions"]
    assert "pymdownx.superfences" in config["markdown_extensions"]
    assert f'<meta property="og:title" content="{DATA.school.name}">' in config["extra"]["preview_tags"]
    assert config["site_dir"] == str(site_dir) and config["docs_dir"] == "docs"
    assert config["exclude_docs"].startswith("_includes/\n")
    assert config["theme"]["variant"] == "classic" and config["theme"]["name"] == "material"
    assert config["theme"]["custom_dir"] == "overrides", "the site's own templates unless others are given"


def test_zensical_gets_the_sites_own_templates_not_its_copies_of_materials(tmp_path: Path) -> None:
    own = zensical_build.own_templates(ROOT / "overrides", tmp_path)
    copies = [p for p in (ROOT / "overrides").rglob("*.html") if "Copied from Material for MkDocs" in p.read_text()]
    assert copies and (ROOT / "overrides" / "base.html") in copies
    assert sorted(p.relative_to(own) for p in own.rglob("*.html")) == sorted(
        p.relative_to(ROOT / "overrides") for p in (ROOT / "overrides").rglob("*.html") if p not in copies)
    assert (own / "main.html").is_file()
    config = zensical_build.zensical_config(ROOT / "mkdocs.yml", tmp_path / "site", own)
    assert config["theme"]["custom_dir"] == str(own)


def test_mkdocs_yml_extensions_are_read_with_their_options() -> None:
    listed = ["abbr", {"toc": {"permalink": True}}, {"macros.clause_markup": None}]
    assert zensical_build.extensions_with_options(listed) == {
        "abbr": {}, "toc": {"permalink": True}, "macros.clause_markup": {}}


def test_archived_copies_the_data_file_does_not_record_are_left_out(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The fictional school's data file records none of this school's versions."""
    fictional = ROOT / "tests" / "fixtures" / "oakfield.yml"
    monkeypatch.setenv("SCHOOL_DATA", str(fictional))
    recorded = {v.number for v in model.load(fictional).versions}
    copies = [p for p in (ROOT / "docs" / "versions").iterdir() if p.suffix in {".md", ".pdf"}
              and p.stem not in {"index", "changes"}]
    unrecorded = {f"/versions/{p.name}" for p in copies if p.stem not in recorded}
    assert unrecorded, "this school's archived copies, which the fictional school does not record"
    excluded = set(zensical_build.zensical_config(ROOT / "mkdocs.yml", tmp_path)["exclude_docs"].splitlines())
    assert excluded == {"_includes/"} | unrecorded


def zensical_env_of(conf: dict) -> MacroEnv:
    return MacroEnv(conf={"root_dir": str(ROOT), "docs_dir": str(ROOT / "docs"), "extra": {}, "watch": [],
                          "mdx_configs": {"toc": {}}, "exclude_docs": "_includes/\n", **conf},
                    config={"on_undefined": "strict", "include_dir": "docs/_includes"})


def test_zensicals_env_gets_what_define_env_reads_and_writes_to_a_copy() -> None:
    env = zensical_env_of({})
    original = env.conf
    assert zensical_env.adapt(env)
    assert env.conf["config_file_path"] == str(ROOT / "mkdocs.yml")
    assert env.conf["exclude_docs"].match_file("_includes/school-role.md")
    env.conf["extra"]["preview_tags"] = "x"
    env.conf["mdx_configs"]["toc"]["title"] = "y"
    env.conf["watch"].append("school.yml")
    assert original["extra"] == {} and original["mdx_configs"] == {"toc": {}} and original["watch"] == []


def test_zensicals_env_renders_with_the_macros_registered_after_it_and_strictly() -> None:
    env = zensical_env_of({})
    zensical_env.adapt(env)
    env.macro(lambda: "made later", "later")
    assert env.env.from_string("{{ later() }}").render() == "made later"
    included = (ROOT / "docs" / "_includes" / "school-role.md").read_text(encoding="utf-8")
    assert env.env.get_template("school-role.md").render() == included.rstrip("\n")
    with pytest.raises(jinja2.UndefinedError):
        env.env.from_string("{{ nowhere }}").render()


def test_an_env_that_is_not_zensicals_is_left_alone() -> None:
    class MkDocsMacrosEnv:
        conf: dict = {}

    env = MkDocsMacrosEnv()
    assert not zensical_env.adapt(env)
    assert not hasattr(env, "env")


def test_the_pipeline_leaves_an_engines_own_search_alone() -> None:
    page = ('<!doctype html><html><head><meta charset="utf-8"></head><body><script id="__config" '
            'type="application/json">{"search": "assets/javascripts/workers/search.c47bb847.min.js"}</script></body></html>')
    assert "search-loader.js" in pipeline.finish_page(page, serving=True)
    assert pipeline.finish_page(page, serving=True, material_search=False) == page


def test_under_properdocs_a_plugins_warning_counts_as_properdocs_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """ProperDocs' strict mode counts the warnings its own logger sees; plugins log as `mkdocs.*`."""
    for name in ("mkdocs", "properdocs"):
        logger = logging.getLogger(name)
        monkeypatch.setattr(logger, "handlers", list(logger.handlers))
        monkeypatch.setattr(logger, "parent", logger.parent)
        monkeypatch.setattr(logger, "propagate", logger.propagate)
        monkeypatch.setattr(logger, "level", logger.level)
    collector = engine.Collector()
    engine.route_logs("properdocs", collector)
    counted: list[logging.LogRecord] = []
    counter = logging.Handler(logging.WARNING)
    counter.emit = counted.append  # type: ignore[method-assign]
    logging.getLogger("properdocs").addHandler(counter)
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    logging.getLogger("mkdocs.plugins.macros").warning("a plugin's warning")
    assert [r.getMessage() for r in counted] == ["a plugin's warning"]
    assert [r.getMessage() for r in collector.take()] == ["a plugin's warning"]
