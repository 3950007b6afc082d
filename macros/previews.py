"""Link previews: the Open Graph and Twitter card tags that decide what a pasted link shows,
written the same way for every page and every short link."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Preview:
    """What a pasted link shows: title, words, where it lives, a picture, whose site it is."""

    title: str
    description: str
    url: str | None
    image: str
    site_name: str


def page_title(title: str | None, site_name: str, is_homepage: bool) -> str:
    """"The guidance · <school>"; the home page is the school's site itself."""
    return f"{title} · {site_name}" if title and not is_homepage else site_name


def meta_tags(preview: Preview) -> str:
    fields = {
        "og:type": "website",
        "og:site_name": preview.site_name,
        "og:title": preview.title,
        "og:description": preview.description,
        "og:url": preview.url,
        "og:image": preview.image,
        "og:image:alt": preview.site_name,
        "twitter:card": "summary_large_image",
        "twitter:title": preview.title,
        "twitter:description": preview.description,
        "twitter:image": preview.image,
    }
    return "\n".join(
        f'<meta {"property" if key.startswith("og:") else "name"}="{key}" content="{escape(value)}">'
        for key, value in fields.items()
        if value is not None
    )
