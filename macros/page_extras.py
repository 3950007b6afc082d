"""What macros/pages.py adds to each page's Markdown (mkdocs-macros' on_post_page_macros), added
instead to the page an engine built without it: Zensical runs define_env but not that hook.

Each addition is made only to a page that lacks it, so a page MkDocs built (which has them all,
in its search index too) is left byte for byte as it is. Everything is placed by the page's
structure (macros/html_edit.py): its <title>, description and canonical address give its link
preview; its article's <h1> and first <h2> place the version panel, the approval record and the
contents list; the banners and the archive notice open the article's text; an archived copy's
clauses get the ids macros/clause_markup.py gives an archive's.
"""

from __future__ import annotations

from macros import clause_markup, contents, html_edit, previews
from macros.html_edit import Element

HEADINGS = ("h2", "h3")


def preview_tags(found: list[Element]) -> list[Element]:
    """The run of link-preview tags (og:…, twitter:…) from the first one, as previews.meta_tags writes them."""
    run: list[Element] = []
    for element in found:
        key = element.attrs.get("property") or element.attrs.get("name") or ""
        if element.tag == "meta" and key.startswith(("og:", "twitter:")):
            run.append(element)
        elif run:
            break
    return run


def with_own_preview(html: str, image: previews.Image, is_home: bool) -> str:
    """A page that previews as the site (its tags have no og:url: macros/setup.py) previews as
    itself: its title as <title> gives it ("The guidance - School"), its description, its
    canonical address. The tags are written by the one function every preview is written by."""
    found = html_edit.elements(html)
    tags = preview_tags(found)
    keyed = {element.attrs.get("property") or element.attrs.get("name"): element for element in found
             if element.tag == "meta"}
    canonical = next((e for e in found if e.tag == "link" and e.attrs.get("rel") == "canonical"), None)
    title = next((e for e in found if e.tag == "title"), None)
    if not tags or "og:url" in keyed or canonical is None or title is None or "og:site_name" not in keyed:
        return html
    site_name = keyed["og:site_name"].attrs.get("content", "")
    shown = html_edit.text(html, title)
    own = None if shown == site_name else shown.removesuffix(f" - {site_name}")
    described = keyed.get("description") or keyed["og:description"]
    preview = previews.Preview(previews.page_title(own, site_name, is_home), described.attrs.get("content", ""),
                               canonical.attrs.get("href"), image, site_name)
    edits = html_edit.Edits()
    edits.replace(tags[0].start, tags[-1].open_end, previews.meta_tags(preview))
    return edits.apply(html)


def article(html: str) -> tuple[list[Element], Element | None]:
    found = html_edit.elements(html)
    return found, next((e for e in found if e.tag == "article"), None)


def inside(element: Element, container: Element) -> bool:
    return container.open_end <= element.start < container.close_start


def has(html: str, tag: str, css_class: str) -> bool:
    return html_edit.first(html, tag, class_=css_class) is not None


def after_title(html: str, fragment: str) -> str:
    """The fragment straight after the article's <h1>, as approval.after_title puts it after `# Title`."""
    found, text = article(html)
    heading = next((e for e in found if text and e.tag == "h1" and inside(e, text) and e.end >= 0), None)
    if heading is None:
        return html
    edits = html_edit.Edits()
    edits.insert(heading.end, "\n" + fragment)
    return edits.apply(html)


def at_start(html: str, fragment: str) -> str:
    """The fragment before the article's first element with something in it: the page's own
    text, after an empty anchor a theme puts first (Zensical's skip-link target)."""
    found, text = article(html)
    if text is None:
        return html
    first = next((e for e in text.children if e.children or e.inner(html).strip()), None)
    edits = html_edit.Edits()
    edits.insert(first.start if first else text.open_end, fragment + "\n")
    return edits.apply(html)


def with_contents(html: str) -> str:
    """The contents list before the article's first section, linking to its <h2>s and <h3>s."""
    if has(html, "nav", "page-contents"):
        return html
    found, text = article(html)
    headings = [e for e in found if text and e.tag in HEADINGS and inside(e, text) and "id" in e.attrs]
    first = next((e for e in headings if e.tag == "h2"), None)
    if first is None:
        return html
    sections = [contents.Section(int(e.tag[1]), html_edit.text(html, e, skip_class="headerlink"), e.attrs["id"])
                for e in headings]
    edits = html_edit.Edits()
    edits.insert(first.start, contents.listing_html(sections) + "\n")
    return edits.apply(html)


def with_panel(html: str, panel: str) -> str:
    return html if has(html, "aside", "version-panel") else after_title(html, panel)


def with_banner(html: str, banner: str) -> str:
    return html if has(html, "div", "draft-banner") else at_start(html, banner)


def with_archive_notice(html: str, notice: str, record: str) -> str:
    """An archived copy: what it is, above its text, and its approval record after its title."""
    if has(html, "div", "archive-notice"):
        return html
    return at_start(after_title(with_contents(html), record), notice)


def with_archived_clauses(html: str, number: str) -> str:
    """An archived copy's clauses as macros/clause_markup.py marks an archive's: ids prefixed with
    its version (`v1-0-c3`), so bare ids stay the current text's, and no short link, which would
    lead to the current text."""
    prefix = f"v{clause_markup.number_slug(number)}-"
    edits = html_edit.Edits()
    for element in html_edit.elements(html):
        if element.tag != "li" or not element.has_class("clause") or "data-clause" not in element.attrs:
            continue
        anchor = element.attrs["data-clause"].lower()
        if element.attrs.get("id") != anchor:
            continue  # marked as an archive's already
        edits.replace(element.start, element.open_end,
                      html_edit.start_tag(html, element, {"id": prefix + anchor}, dropped=("data-link",)))
        for link in element.children:
            if link.tag == "a" and link.has_class("clause__id"):
                edits.replace(link.start, link.open_end, html_edit.start_tag(html, link, {"href": f"#{prefix}{anchor}"}))
    return edits.apply(html)
