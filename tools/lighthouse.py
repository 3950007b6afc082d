"""`python -m tools.lighthouse site`: Lighthouse, with its mobile defaults, on every page of a built
site in every language (the short links, which forward at once to the guidance, left out), served
gzipped under its published path as GitHub Pages serves it, in one Chromium. Prints each page's
four scores, its bytes as Lighthouse counts them (headers included) and its requests.

The test suite audits one page of each template in each language (tests/browser/test_lighthouse.py)
and leaves the performance score out, since it varies with the machine's load; this is the run
that checks every page, the performance score included. Needs `make test`'s Node packages.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from macros.data import model
from tools.bench import GzipHandler
from tools.browser import ARGS, serve, system_chromium

ROOT = Path(__file__).resolve().parent.parent
AUDIT = ROOT / "tests" / "lighthouse" / "audit.mjs"
REFRESH = re.compile(r"<meta\s+http-equiv=[\"']?refresh", re.IGNORECASE)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def audited(site: Path) -> list[str]:
    """Every page but the short links, as a path from the site's root."""
    return [page.relative_to(site).as_posix().removesuffix("index.html") for page in sorted(site.rglob("*.html"))
            if not REFRESH.search(page.read_text(encoding="utf-8"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.lighthouse", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site's folder, e.g. site")
    args = parser.parse_args(argv)
    site = args.site.resolve()
    published = urlsplit(model.load(ROOT / "school.yml").school.site_url).path.strip("/")
    paths = audited(site)
    with tempfile.TemporaryDirectory() as root:
        served = Path(root)
        if published:
            (served / published).parent.mkdir(parents=True, exist_ok=True)
            (served / published).symlink_to(site, target_is_directory=True)
        with serve(served if published else site, GzipHandler) as url:
            done = subprocess.run(
                ["node", str(AUDIT), f"{url}{published}/" if published else url, *paths],
                capture_output=True, text=True, check=False,
                env={**os.environ, "CHROME_PATH": system_chromium() or "", "CHROME_FLAGS": json.dumps(ARGS)},
            )
    if done.returncode != 0:
        print(done.stderr[-3000:], file=sys.stderr)
        return 1
    results = json.loads(done.stdout)
    below = 0
    print(f"| page | {' | '.join(CATEGORIES)} | KiB | requests |\n|---|---|---|---|---|---|---|")
    for path, result in results.items():
        scores = [round(100 * (result["scores"][category] or 0)) for category in CATEGORIES]
        fetched = [r for r in result["requests"] if not r["url"].startswith("data:")]
        below += any(score < 100 for score in scores) or bool(result["error"])
        print(f"| /{path} | {' | '.join(map(str, scores))} | {result['bytes'] / 1024:.1f} | {len(fetched)} |")
    print(f"{len(results)} pages; {below} below 100 in a category.")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
