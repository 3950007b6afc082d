"""macros.common.previews: the preview picture described from the file itself, and the tags written."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from macros.common import previews


def png(width: int, height: int) -> bytes:
    """A real (blank, white) PNG of this size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff" * 3 * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return previews.PNG_SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def test_the_picture_s_size_and_type_come_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "og.png"
    path.write_bytes(png(321, 123))
    assert previews.png_image(path, "https://x/og.png") == previews.Image(
        "https://x/og.png", 321, 123, "image/png", previews.IMAGE_ALT
    )


@pytest.mark.parametrize("content", [b"", b"GIF89a" + b"\x00" * 30, b"\x89PNG\r\n\x1a\n" + b"\x00" * 4])
def test_a_picture_that_is_not_a_png_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "og.png"
    path.write_bytes(content)
    with pytest.raises(previews.ImageError, match="^the link-preview picture is not a PNG image$"):
        previews.png_image(path, "https://x/og.png")


def test_a_missing_picture_is_refused(tmp_path: Path) -> None:
    with pytest.raises(previews.ImageError, match=r"^the link-preview picture cannot be read \(No such file"):
        previews.png_image(tmp_path / "og.png", "https://x/og.png")


def test_the_tags_say_how_big_the_picture_is_and_what_it_shows() -> None:
    image = previews.Image("https://x/og.png", 1200, 630, "image/png", "A bubble & words")
    tags = previews.meta_tags(previews.Preview("T", "D", "https://x/", image, "Oakfield"))
    for tag in (
        '<meta property="og:image" content="https://x/og.png">',
        '<meta property="og:image:type" content="image/png">',
        '<meta property="og:image:width" content="1200">',
        '<meta property="og:image:height" content="630">',
        '<meta property="og:image:alt" content="A bubble &amp; words">',
        '<meta name="twitter:image:alt" content="A bubble &amp; words">',
    ):
        assert tag in tags
    # Open Graph reads og:image:* as facts about the og:image before them.
    assert tags.index('"og:image"') < tags.index('"og:image:width"')


def test_link_previews_escape_the_words_and_name_the_page() -> None:
    assert previews.page_title("The guidance", "Oakfield", is_homepage=False) == "The guidance · Oakfield"
    assert previews.page_title("Home", "Oakfield", is_homepage=True) == "Oakfield"
    image = previews.Image("https://x/og.png", 1200, 630, "image/png", "A picture")
    tags = previews.meta_tags(previews.Preview('Say "no" & <go>', "It's", None, image, "Oakfield"))
    assert '<meta property="og:title" content="Say &quot;no&quot; &amp; &lt;go&gt;">' in tags
    assert '<meta name="twitter:description" content="It&#x27;s">' in tags
    assert "og:url" not in tags  # a page with no address of its own says none
    assert '<meta name="twitter:image" content="https://x/og.png">' in tags
