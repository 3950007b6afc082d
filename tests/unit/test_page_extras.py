"""What a page an engine built without mkdocs-macros' on_post_page_macros gets from the pipeline:
each addition where it is missing, nothing where it is there, no other byte changed."""

from __future__ import annotations

from macros import contents, html_edit, page_extras, previews

IMAGE = previews.Image("https://school.example/assets/og-image.png", 1200, 630, "image/png", "A speech bubble")
SITE_TAGS = previews.meta_tags(previews.Preview("Oak School", "The site's words.", None, IMAGE, "Oak School"))
URL = "https://school.example/policy/"
# As Zensical writes a page: the site's own preview, an empty skip-link target opening the article.
PAGE = f"""<!doctype html><html><head><meta charset="utf-8">
<meta name="description" content="The page&#x27;s own words.">
<link rel="canonical" href="{URL}">
<title>The guidance &amp; more - Oak School</title>
  {SITE_TAGS}
  <link rel="alternate feed" href="feed.xml">
</head><body><article class="md-content__inner">
  <a id="__skip" tabindex="-1"></a>
<p class="policy-kicker">For parents</p>
<h1 id="guidance">The guidance<a class="headerlink" href="#guidance">&para;</a></h1>
<p>Intro.</p>
<h2 id="groups">Class groups<a class="headerlink" href="#groups">&para;</a></h2>
<h3 id="values">Our values &amp; aims<a class="headerlink" href="#values">&para;</a></h3>
<ul><li class="clause" data-clause="V1" data-link="https://school.example/v1/" id="v1"><a class="clause__id" href="#v1">V1</a> Be kind</li></ul>
<h2 id="conduct">Code of Conduct<a class="headerlink" href="#conduct">&para;</a></h2>
</article></body></html>"""


def test_a_page_previewing_as_the_site_previews_as_itself_and_nothing_else_moves() -> None:
    own = previews.meta_tags(previews.Preview("The guidance & more · Oak School", "The page's own words.", URL,
                                              IMAGE, "Oak School"))
    done = page_extras.with_own_preview(PAGE, IMAGE, is_home=False)
    assert done == PAGE.replace(SITE_TAGS, own)
    assert page_extras.with_own_preview(done, IMAGE, is_home=False) == done
    home = page_extras.with_own_preview(PAGE, IMAGE, is_home=True)
    assert '<meta property="og:title" content="Oak School">' in home and f'content="{URL}"' in home


def test_a_page_without_a_canonical_address_keeps_the_sites_preview() -> None:
    """The 404 page, served at any address, previews as the site."""
    page = PAGE.replace(f'<link rel="canonical" href="{URL}">', "")
    assert page_extras.with_own_preview(page, IMAGE, is_home=False) == page


def test_the_contents_list_is_what_the_markdown_would_give_before_the_first_section() -> None:
    done = page_extras.with_contents(PAGE)
    markdown = "## Class groups { #groups }\n\n### Our values & aims { #values }\n\n## Code of Conduct { #conduct }\n"
    listing = contents.contents_list(markdown)
    assert done == PAGE.replace('<h2 id="groups">', listing + '\n<h2 id="groups">')
    assert page_extras.with_contents(done) == done


def test_the_panel_follows_the_title_and_the_banner_opens_the_text_after_the_skip_target() -> None:
    panel, banner = '<aside class="version-panel">Version 1.0</aside>', '<div class="draft-banner">Draft</div>'
    done = page_extras.with_banner(page_extras.with_panel(PAGE, panel), banner)
    assert "&para;</a></h1>\n" + panel + "\n<p>Intro.</p>" in done
    assert '<a id="__skip" tabindex="-1"></a>\n' + banner + '\n<p class="policy-kicker">' in done
    assert page_extras.with_banner(page_extras.with_panel(done, panel), banner) == done


def test_an_archived_copys_clauses_get_its_ids_and_lose_their_short_links() -> None:
    done = page_extras.with_archived_clauses(PAGE, "1.2")
    assert ('<li class="clause" data-clause="V1" id="v1-2-v1"><a class="clause__id" href="#v1-2-v1">V1</a> Be kind'
            in done)
    assert page_extras.with_archived_clauses(done, "1.2") == done
    record, notice = '<section class="version-record">R</section>', '<div class="archive-notice">N</div>'
    marked = page_extras.with_archive_notice(done, notice, record)
    assert marked.index(notice) < marked.index("policy-kicker") < marked.index("</h1>\n" + record)
    assert marked.index('<nav class="page-contents"') < marked.index('<h2 id="groups">')
    assert page_extras.with_archive_notice(marked, notice, record) == marked


def test_a_start_tag_can_lose_an_attribute_and_keep_the_others_in_order() -> None:
    html = '<li class="clause" data-link="x" id="c1">'
    element = html_edit.first(html, "li")
    assert element is not None
    assert html_edit.start_tag(html, element, {"id": "v1-0-c1"}, dropped=("data-link",)) == (
        '<li class="clause" id="v1-0-c1">')
