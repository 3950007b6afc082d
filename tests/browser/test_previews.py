"""The preview picture, decoded by Chromium: it is as big as the pages say, and what matters in it
survives the centred square crop that WhatsApp and others make (everything outside the square
is plain background)."""

from __future__ import annotations

from playwright.sync_api import Page

# The picture each page names, drawn onto a canvas: its size, its background (the top-left
# pixel), how many pixels outside the centred square differ from it, and how many inside do.
INSPECT = """async () => {
  const named = document.querySelector('meta[property="og:image"]').content;
  const site = document.querySelector('meta[property="og:url"]').content;
  const image = new Image();
  image.src = named.slice(site.length);
  await image.decode();
  const [w, h] = [image.naturalWidth, image.naturalHeight];
  const canvas = document.createElement('canvas');
  canvas.width = w; canvas.height = h;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, w, h).data;
  const side = Math.min(w, h), left = Math.floor((w - side) / 2), top = Math.floor((h - side) / 2);
  const background = [...pixels.slice(0, 4)];
  let outside = 0, inside = 0, first = null;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = (y * w + x) * 4;
    const plain = pixels[i] === background[0] && pixels[i + 1] === background[1]
      && pixels[i + 2] === background[2] && pixels[i + 3] === background[3];
    if (plain) continue;
    if (x >= left && x < left + side && y >= top && y < top + side) inside++;
    else { outside++; if (!first) first = [x, y]; }
  }
  const meta = (p) => document.querySelector(`meta[property="${p}"]`).content;
  return {size: [w, h], said: [meta('og:image:width'), meta('og:image:height')].map(Number),
          background, outside, first, inside, square: side * side};
}"""


def test_the_preview_picture_survives_a_square_crop(page: Page) -> None:
    page.goto("")
    found = page.evaluate(INSPECT)
    assert found["size"] == found["said"], f"the picture is {found['size']}, the page says {found['said']}"
    assert found["size"][0] >= 1200 and found["size"][0] > found["size"][1], "link previews want a wide picture"
    assert found["outside"] == 0, (
        f"{found['outside']} pixels outside the centred square are not background {found['background']} "
        f"(the first at {found['first']}): a square crop cuts them off; redraw it with python -m tools.og_image"
    )
    assert found["inside"] > found["square"] // 20, "the square holds almost nothing but background"
