"""Link previews: the Open Graph and Twitter card tags that decide what a pasted link shows,
written the same way for every page and every short link."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from html import escape
from pathlib import Path

# What docs/assets/og-image.png shows (drawn by tools/og_image.py): change both together.
IMAGE_ALT = (
    "A white speech bubble above the words “Parent WhatsApp Groups – Guidance” and "
    "“Code of conduct · Raising a concern”, on blue."
)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class ImageError(ValueError):
    """The preview picture is missing or is not a PNG (the message says which, not where)."""


@dataclass(frozen=True)
class Image:
    """The picture a pasted link shows: where it is, its size and type, and what it shows."""

    url: str
    width: int
    height: int
    type: str
    alt: str


@dataclass(frozen=True)
class Preview:
    """What a pasted link shows: title, words, where it lives, a picture, whose site it is."""

    title: str
    description: str
    url: str | None
    image: Image
    site_name: str


def png_image(path: Path, url: str, alt: str = IMAGE_ALT) -> Image:
    """Size and type read from the file itself (its PNG header), so a redrawn picture is
    described as it is, never as someone typed it."""
    try:
        with path.open("rb") as file:
            head = file.read(24)
    except OSError as error:
        raise ImageError(f"the link-preview picture cannot be read ({error.strerror})") from None
    if len(head) < 24 or head[:8] != PNG_SIGNATURE or head[12:16] != b"IHDR":
        raise ImageError("the link-preview picture is not a PNG image")
    width, height = struct.unpack(">II", head[16:24])
    return Image(url, width, height, "image/png", alt)


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
        "og:image": preview.image.url,
        "og:image:type": preview.image.type,
        "og:image:width": str(preview.image.width),
        "og:image:height": str(preview.image.height),
        "og:image:alt": preview.image.alt,
        "twitter:card": "summary_large_image",
        "twitter:title": preview.title,
        "twitter:description": preview.description,
        "twitter:image": preview.image.url,
        "twitter:image:alt": preview.image.alt,
    }
    return "\n".join(
        f'<meta {"property" if key.startswith("og:") else "name"}="{key}" content="{escape(value)}">'
        for key, value in fields.items()
        if value is not None
    )
