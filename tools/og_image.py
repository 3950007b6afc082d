"""Draw docs/assets/og-image.png, the picture a pasted link shows: `python -m tools.og_image`.

Chromium renders the HTML below at 1200 x 630 (the size link previews ask for). Everything
that matters sits in the centred 630 x 630 square, because WhatsApp and others crop the
picture to a square; tests/browser/test_previews.py checks that nothing lies outside it.
What it shows is described in words by macros/common/previews.py (IMAGE_ALT): change both together.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools.browser import ARGS, system_chromium

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "assets" / "og-image.png"
WIDTH, HEIGHT = 1200, 630
BACKGROUND = "#1d4f91"  # the site's primary colour (docs/assets/site.css)
# The site's logo (overrides/.icons/site/logo.svg): a speech bubble with two lines of text.
BUBBLE = (
    "M12 2C6.5 2 2 6 2 10.9c0 2.6 1.3 5 3.4 6.6L4.5 22l4.6-2.5c.9.2 1.9.3 2.9.3 5.5 0 10-4 10-8.9S17.5 2 12 2Zm-4 "
    "7.5h8v1.8H8V9.5Zm0 3.5h5.5v1.8H8V13Z"
)
PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><style>
  html, body {{ margin: 0; width: {WIDTH}px; height: {HEIGHT}px; background: {BACKGROUND}; overflow: hidden; }}
  main {{ position: absolute; left: {(WIDTH - HEIGHT) // 2 + 40}px; top: 40px; width: {HEIGHT - 80}px;
         height: {HEIGHT - 80}px; display: flex; flex-direction: column; align-items: center;
         justify-content: center; text-align: center; color: #fff;
         font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }}
  svg {{ width: 150px; height: 150px; margin-bottom: 30px; }}
  h1 {{ margin: 0; font-size: 54px; line-height: 1.15; font-weight: 700; }}
  p {{ margin: 26px 0 0; font-size: 27px; color: #e6eef8; }}
</style></head><body><main>
  <svg viewBox="0 0 24 24"><path fill="#fff" d="{BUBBLE}"/></svg>
  <h1>Parent WhatsApp<br>Groups –<br>Guidance</h1>
  <p>Code of conduct · Raising a concern</p>
</main></body></html>
"""


def render(output: Path) -> None:
    with sync_playwright() as playwright:
        # sRGB forced, so the background is exactly the colour above on any machine's screen profile.
        browser = playwright.chromium.launch(executable_path=system_chromium(),
                                             args=[*ARGS, "--force-color-profile=srgb"])
        try:
            page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=1)
            page.set_content(PAGE)
            page.evaluate("document.fonts.ready.then(() => true)")
            page.screenshot(path=str(output), type="png", full_page=False)
        finally:
            browser.close()


if __name__ == "__main__":
    render(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT)
    print(f"Wrote {OUTPUT if len(sys.argv) < 2 else sys.argv[1]}")
