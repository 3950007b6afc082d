"""The site builds with other engines: ProperDocs gives MkDocs' site but for the generator line;
Zensical gives what the portable core guarantees (README, "Engines"), and fails as plainly.

Zensical writes only inside the project folder, so its builds are of a project copy."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from macros.zensical_build import CONFIG_NAME
from tests.build.test_bad_input import CASES, assert_plain_summary
from tests.build.test_csp import CSP_META, inline_script_hashes
from tests.html import Html, pages
from tests.sitebuild import CLAUSE_IDS, DATA, ROOT, Build, Mutation, build, copy_project, make, replace

GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')


def contents(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def generators(files: dict[str, bytes]) -> set[str]:
    return {m for name, data in files.items() if name.endswith(".html") for m in GENERATOR.findall(data.decode())}


def test_properdocs_builds_the_same_site_but_for_the_generator_line(real_build: Build, tmp_path: Path) -> None:
    properdocs = build(tmp_path / "site", engine="properdocs")
    assert properdocs.ok, properdocs.output
    mkdocs_files, properdocs_files = contents(real_build.site), contents(properdocs.site)
    assert sorted(properdocs_files) == sorted(mkdocs_files)
    material = f"mkdocs-material-{version('mkdocs-material')}"
    assert generators(mkdocs_files) == {f"mkdocs-{version('mkdocs')}, {material}"}
    assert generators(properdocs_files) == {f"mkdocs-ProperDocs {version('properdocs')}, {material}"}
    differing = [name for name in mkdocs_files if mkdocs_files[name] != properdocs_files[name]]
    assert differing, "the generator line differs, at least"
    for name in differing:
        assert name.endswith(".html"), f"{name} differs"
        left, right = (GENERATOR.sub("", files[name].decode()) for files in (mkdocs_files, properdocs_files))
        assert left == right, f"{name} differs beyond its generator line"


@pytest.fixture(scope="module")
def zensical_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    result = build(project / "site", project=project, engine="zensical")
    assert result.ok, result.output
    assert not (project / CONFIG_NAME).exists(), "Zensical's configuration is removed after the build"
    return result


def test_zensical_builds_every_clause_and_its_short_link(zensical_build: Build) -> None:
    site = zensical_build.site
    assert "zensical" in GENERATOR.findall((site / "policy" / "index.html").read_text(encoding="utf-8"))[0]
    policy = Html.read(site / "policy" / "index.html")
    assert [a["data-clause"] for a in policy.find("li", class_="clause")] == CLAUSE_IDS
    for clause_id in CLAUSE_IDS:
        short = Html.read(site / clause_id.lower() / "index.html")
        assert short.find("a", href=f"../policy/#{clause_id.lower()}"), clause_id
        assert short.meta("og:url") == f"{DATA.school.site_url}{clause_id.lower()}/"


def test_zensical_pages_have_their_policy_a_preview_their_assets_and_no_macro_left(zensical_build: Build) -> None:
    site = zensical_build.site
    root = urlsplit(DATA.school.site_url).path
    built = pages(site)
    assert len(built) > len(CLAUSE_IDS) + 5
    for path in built:
        source = path.read_text(encoding="utf-8")
        policies = CSP_META.findall(source)
        assert len(policies) == 1, path
        allowed = policies[0].split("script-src", 1)[1].split(";")[0].split()[1:]
        assert sorted(set(inline_script_hashes(source))) == sorted(allowed), path
        page = Html(source)
        for name in ("og:title", "og:description", "og:image", "twitter:card"):
            assert page.meta(name), (path, name)
        assert "{{" not in source and "{%" not in source, path
        for tag, attributes in page.tags:
            asset = attributes.get("src") if tag == "script" else attributes.get("href") if tag == "link" else None
            if asset and "://" not in asset and attributes.get("rel") in (None, "stylesheet", "icon"):
                local = asset.split("?")[0]
                # The 404 page, served at any depth, names its assets from the site's root.
                file = site / local.removeprefix(root) if local.startswith("/") else path.parent / local
                assert file.resolve().is_file(), (path, asset)
    home = Html.read(zensical_build.site / "index.html")
    assert home.find("meta", property="og:site_name", content=DATA.school.name)


def test_what_zensical_leaves_out_is_what_the_readme_says(zensical_build: Build) -> None:
    """Zensical runs define_env but not on_post_page_macros: no version panel, and each page
    previews as the site. When this fails, Zensical does more: update README's table."""
    policy = Html.read(zensical_build.site / "policy" / "index.html")
    assert not policy.find("aside", class_="version-panel")
    assert policy.meta("og:title") == DATA.school.name
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "| Version panel on the guidance | yes | no |" in readme


# (engine, case): ProperDocs runs MkDocs' code, so one case; Zensical its own, so more.
MISTAKES: dict[tuple[str, str], tuple[list[Mutation], list[str]]] = {
    ("properdocs", "undefined variable in another page"): CASES["undefined variable in another page"],
    ("zensical", "bad email"): CASES["bad email"],
    ("zensical", "undefined variable in another page"): CASES["undefined variable in another page"],
    ("zensical", "broken link"): (CASES["broken link"][0],
                                  ["docs/raise-a-concern.md, line", "polcy.md", "page does not exist"]),
}


@pytest.mark.parametrize(("engine", "case"), MISTAKES)
def test_another_engine_ends_a_mistake_in_the_same_plain_summary(tmp_path: Path, engine: str, case: str) -> None:
    mutations, expected = MISTAKES[engine, case]
    project = copy_project(tmp_path / "project")
    for mutate in mutations:
        mutate(project)
    # Inside the project: Zensical writes only there.
    assert_plain_summary(build(project / "site", project=project, engine=engine), expected)
    assert not (project / CONFIG_NAME).exists()


def test_make_build_with_zensical_moves_the_site_into_place_only_when_it_works(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "Makefile").write_bytes((ROOT / "Makefile").read_bytes())
    (project / "requirements.lock").write_bytes((ROOT / "requirements.lock").read_bytes())
    done = make(project, "build", "ENGINE=zensical")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (project / "site" / "search.json").is_file(), "Zensical's own search index"
    before = (project / "site" / "policy" / "index.html").read_bytes()
    replace("docs/raise-a-concern.md", "{{ contact_actions() }}", "{{ contact_action }}")(project)
    failed = make(project, "build", "ENGINE=zensical")
    assert failed.returncode != 0 and "'contact_action' is undefined" in failed.stderr
    assert (project / "site" / "policy" / "index.html").read_bytes() == before
    assert not (project / "site.partial").exists()
