"""The site builds with other engines: ProperDocs gives MkDocs' site but for the generator line;
Zensical gives what the portable core guarantees (README, "Engines"), and fails as plainly.

Zensical writes only inside the project folder, so its builds are of a project copy. Its build
here has a change not yet approved, so that its pages must say so."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from macros import html_edit
from macros.zensical_build import CONFIG_NAME
from tests.html import CSP_META, Html, inline_script_hashes, pages
from tests.sitebuild import (
    CASES, CLAUSE_IDS, DATA, ROOT, Build, Mutation, assert_plain_summary, build, copy_project, make, replace,
)

GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')
# A change to the guidance's words that no clause, heading or description shows: only the banner.
UNAPPROVED = ("docs/_includes/about-groups.md", "offer a great way", "offer a good way")


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
    replace(*UNAPPROVED)(project)
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


def markdown_pages(site: Path) -> list[str]:
    """The pages made from docs/ (not its includes) that MkDocs built: their paths in the site."""
    found = []
    for source in sorted((ROOT / "docs").rglob("*.md")):
        relative = source.relative_to(ROOT / "docs").with_suffix("")
        if relative.parts[0] == "_includes":
            continue
        folder = relative.parent if relative.name == "index" else relative
        path = "index.html" if folder == Path(".") else f"{folder.as_posix()}/index.html"
        if (site / path).is_file():
            found.append(path)
    return found


def element(source: str, tag: str, css_class: str) -> str | None:
    """The first element of that tag and class, as the page has it, start tag to end tag."""
    found = html_edit.first(source, tag, class_=css_class)
    return source[found.start:found.end] if found else None


def title_of(source: str) -> str:
    found = html_edit.first(source, "title")
    assert found, "the page has a <title>"
    return html_edit.text(source, found)


def archived_pages(site: Path) -> list[str]:
    return [f"versions/{v.number}/index.html" for v in DATA.versions if (site / "versions" / v.number).is_dir()]


def test_zensical_gives_each_page_made_from_markdown_its_own_link_preview(zensical_build: Build,
                                                                           real_build: Build) -> None:
    school = DATA.school.name
    paths = markdown_pages(real_build.site)
    assert len(paths) >= 9 and "policy/index.html" in paths
    titled_otherwise = set()
    for path in paths:
        source = (zensical_build.site / path).read_text(encoding="utf-8")
        page, mkdocs = Html(source), Html.read(real_build.site / path)
        canonical = [a["href"] for a in page.find("link", rel="canonical")]
        assert canonical == [f"{DATA.school.site_url}{path.removesuffix('index.html')}"], path
        assert page.meta("og:url") == mkdocs.meta("og:url") == canonical[0], path
        assert page.meta("og:description") == page.meta("twitter:description") == page.meta("description"), path
        assert page.meta("og:description") == mkdocs.meta("og:description"), path
        own = school if path == "index.html" else f"{title_of(source).removesuffix(f' - {school}')} · {school}"
        assert page.meta("og:title") == page.meta("twitter:title") == own, path
        if path != "index.html":
            assert own != school, path
        if own != mkdocs.meta("og:title"):
            titled_otherwise.add(path)
    # MkDocs titles a preview with the page's menu title; the built page has only its <title>.
    assert titled_otherwise == {"accessibility/index.html"}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'the accessibility statement\'s menu title is "Accessibility"' in readme


def test_zensicals_guidance_has_the_version_panel_and_contents_mkdocs_gives_it(zensical_build: Build,
                                                                              real_build: Build) -> None:
    source = (zensical_build.site / "policy" / "index.html").read_text(encoding="utf-8")
    mkdocs = (real_build.site / "policy" / "index.html").read_text(encoding="utf-8")
    panel = element(source, "aside", "version-panel")
    assert panel is not None and panel == element(mkdocs, "aside", "version-panel")
    words = html_edit.text(panel, html_edit.elements(panel)[0])
    if DATA.versions:
        latest = DATA.versions[-1]
        assert words.startswith(f"Version {latest.number}")
        assert ("Approved by" if latest.approved_by else "Approval: not recorded") in words
    else:
        assert words == "No version of this guidance has been recorded as approved."
    # Straight after the title, as on MkDocs' page.
    found = html_edit.elements(source)
    heading = next(e for e in found if e.tag == "h1")
    assert next(e for e in found if e.start > heading.end).has_class("version-panel")
    listing = element(source, "nav", "page-contents")
    assert listing is not None and listing == element(mkdocs, "nav", "page-contents")
    first_section = next(e for e in found if e.tag == "h2" and not e.has_class("page-contents__title"))
    assert source.index(listing) < first_section.start


def test_zensicals_pages_say_the_text_is_not_approved_where_mkdocs_pages_would(zensical_build: Build,
                                                                               real_build: Build) -> None:
    site = zensical_build.site
    said = ("This text includes changes not yet approved by the governors." if DATA.versions
            else "This guidance has not yet been approved by the governors.")
    archived = archived_pages(real_build.site)
    comparisons = [p.relative_to(site).as_posix() for p in (site / "versions" / "changes").glob("*/index.html")]
    assert len(comparisons) == len(DATA.versions) * (len(DATA.versions) + 1) // 2
    for path in markdown_pages(real_build.site) + comparisons:
        source = (site / path).read_text(encoding="utf-8")
        banner = html_edit.first(source, "div", class_="draft-banner")
        if path in archived:
            assert banner is None, path
            continue
        assert banner is not None and html_edit.text(source, banner).startswith(said), path
        # Where the page's own words start, and its link leads to a page of the site.
        article = html_edit.first(source, "article")
        assert article, path
        assert next(e for e in article.children if e.children or e.inner(source).strip()).start == banner.start, path
        # After the target of Zensical's skip link, so that skipping to the text does not skip it.
        skip_target = html_edit.first(source, "a", id="__skip")
        assert skip_target is None or skip_target.start < banner.start, path
        link = html_edit.first(source[banner.start:banner.end], "a")
        assert link, path
        target = (site / path).parent / link.attrs["href"].split("#")[0] / "index.html"
        assert target.resolve().is_file(), (path, link.attrs["href"])


def test_zensicals_archived_versions_are_marked_as_mkdocs_marks_them(zensical_build: Build, real_build: Build) -> None:
    paths = archived_pages(real_build.site)
    assert len(paths) == len(DATA.versions)
    for path in paths:
        source = (zensical_build.site / path).read_text(encoding="utf-8")
        mkdocs = (real_build.site / path).read_text(encoding="utf-8")
        for tag, css_class in (("section", "version-record"), ("nav", "page-contents")):
            assert element(source, tag, css_class) is not None, (path, css_class)
            assert element(source, tag, css_class) == element(mkdocs, tag, css_class), (path, css_class)
        clauses = [(e.attrs["id"], e.attrs.get("data-link")) for e in html_edit.find(source, "li", class_="clause")]
        assert clauses and clauses == [(e.attrs["id"], e.attrs.get("data-link"))
                                       for e in html_edit.find(mkdocs, "li", class_="clause")], path
        number = path.split("/")[1]
        assert all(ids.startswith(f"v{number.replace('.', '-')}-") and not link for ids, link in clauses), path
        notice = html_edit.first(source, "div", class_="archive-notice")
        assert notice is not None, path
        said = html_edit.text(source, notice)
        assert said.startswith(f"This is version {number} of the guidance, kept exactly as it was approved.")
        assert "The current text has changes not yet approved by the governors" in said, path


def test_what_zensical_still_leaves_out_is_what_the_readme_says(zensical_build: Build, real_build: Build) -> None:
    """The pipeline adds the panel to the built page, after Zensical has written its search index;
    MkDocs has it in the page before its search reads it. When this fails, update README's table."""
    panel = element((real_build.site / "policy" / "index.html").read_text(encoding="utf-8"), "aside", "version-panel")
    assert panel
    # Its last words: the review date (or that there is no approved version), said nowhere else.
    words = html_edit.text(panel, [e for e in html_edit.elements(panel) if e.tag == "p"][-2 if DATA.versions else -1])
    assert words in (real_build.site / "search" / "search_index.full.json").read_text(encoding="utf-8")
    assert words not in (zensical_build.site / "search.json").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "| yes, and in the search index | yes, but not in Zensical's search index |" in readme
    assert "| Only the guidance may define clauses; the overdue review warning | yes | no |" in readme
    languages = {path.parent.parent.name for path in real_build.site.glob("*/search/search_index.json")}
    assert languages and not any((zensical_build.site / code).exists() for code in languages)
    assert "| Translations (`translations/<lang>/`, into `site/<lang>/`) | yes | no: the English site only |" in readme


MACROS_PLUGIN = ("  - macros:\n      module_name: macros\n      include_dir: docs/_includes\n"
                 "      on_undefined: strict\n      on_error_fail: true\n")
# (engine, case): ProperDocs runs MkDocs' code, so one case; Zensical its own, so more.
MISTAKES: dict[tuple[str, str], tuple[list[Mutation], list[str]]] = {
    ("properdocs", "undefined variable in another page"): CASES["undefined variable in another page"],
    ("zensical", "bad email"): CASES["bad email"],
    ("zensical", "undefined variable in another page"): CASES["undefined variable in another page"],
    ("zensical", "broken link"): (CASES["broken link"][0],
                                  ["docs/raise-a-concern.md, line", "polcy.md", "page does not exist"]),
    ("zensical", "no macros plugin"): ([replace("mkdocs.yml", MACROS_PLUGIN, "")],
                                       ["mkdocs.yml, plugins", "the macros plugin is not listed"]),
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
