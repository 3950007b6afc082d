"""`make bench`: this site against the same Markdown on Material's defaults, built and loaded.

Builds both sites (this one in every language), serves each gzipped on loopback (as GitHub Pages
does) and loads every English page, and each translation's home page and guidance, in Chromium
under Lighthouse's mobile conditions. A translation's page is set beside the reference's English
page (the reference has no translations). Prints a Markdown table and writes it to
.bench/results.md, with the pages where the site is behind the reference. Not a pytest test: load
figures are reported, not asserted. One figure is a limit: the build of every language may take at
most 1.5 × (the number of languages, English included) × the reference's build, timed in the same
run; over it, bench exits non-zero.
"""

from __future__ import annotations

import datetime
import functools
import gzip
import io
import os
import platform
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Response, Route, ViewportSize, sync_playwright

from macros.data import language_file
from tests.support.builds import ROOT, build, copy_project
from tools.browser import ARGS, LOOPBACK, QuietHandler, serve, system_chromium

RUNS = 7  # loads per page and site; the median is reported (3, then 5, moved with a shared machine's load)
BUILDS = 3  # builds per site; the median is reported (a build takes about a second)
QUIET_MS = 1500  # after `load`, so the search worker and late long tasks are caught
LOAD_TIMEOUT_MS = 60_000
OUT = ROOT / ".bench" / "results.md"
# The build of every language: at most this many reference builds per language (issue 11).
BUILD_TIMES_PER_LANGUAGE = 1.5
# Of each translation, the pages loaded: its home page and its guidance (the others are the
# same templates with its words; the budget tests weigh every one).
TRANSLATED_PAGES = ("", "policy/")

# Lighthouse's mobile profile (slow 4G, mid-range phone), as its simulated throttling states it.
NETWORK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1.6 * 1024 * 1024 / 8,
    "uploadThroughput": 750 * 1024 / 8,
}
CPU_SLOWDOWN = 4
VIEWPORT: ViewportSize = {"width": 412, "height": 823}
# No name but loopback resolves, so not even a preconnect (which routes never see) leaves.
CLOSED_NETWORK = [f"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE {LOOPBACK}"]

# Material's defaults plus only what the macros need to expand and the content to render.
REFERENCE_CONFIG = """\
site_name: Reference
docs_dir: docs
theme:
  name: material
plugins:
  - search
  - macros:
      module_name: reference_macros
      include_dir: docs/_includes
extra:
  data_file: school.yml
markdown_extensions:
  - attr_list
  - md_in_html
# The include files are fragments, not pages.
exclude_docs: |
  _includes/
"""

# Runs before any page script, so buffered entries and every long task are seen.
OBSERVERS = """
(() => {
  const b = (window.__bench = { lcp: 0, cls: 0, long: [] });
  const watch = (type, each) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({ type, buffered: true });
    } catch (e) {}
  };
  watch("largest-contentful-paint", (e) => { b.lcp = e.startTime; });
  watch("layout-shift", (e) => { if (!e.hadRecentInput) b.cls += e.value; });
  watch("longtask", (e) => { b.long.push([e.startTime, e.duration]); });
})();
"""

COLLECT = """
() => {
  const b = window.__bench;
  const fcp = performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint");
  // `now` is load plus the quiet window: the end of the span TBT covers.
  return { fcp: fcp ? fcp.startTime : 0, now: performance.now(), lcp: b.lcp, cls: b.cls, long: b.long };
}
"""

# The reference expands the same macros into the same Markdown, and has none of the site's
# post-build work (search loader, minified assets, CSP, short links).
REFERENCE_MACROS = '''"""The bench's reference: the project's macros, without its post-build features."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # mkdocs-macros loads this file by path
from macros import define_env, on_post_page_macros  # noqa: E402, F401
'''
# Short links are meta-refresh stubs to a clause: loading one measures the policy page again.
REDIRECT = 'http-equiv="refresh"'

GZIP_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml")


class GzipHandler(QuietHandler):
    """Static files, text ones gzipped when the client accepts it, over keep-alive HTTP/1.1."""

    protocol_version = "HTTP/1.1"

    def send_head(self) -> BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in GZIP_TYPES and path.is_file()):
            return super().send_head()  # binaries, redirects and 404s as usual
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@functools.lru_cache(maxsize=256)
def _gzipped(path: Path, mtime_ns: int) -> bytes:  # noqa: ARG001 - part of the cache's key
    # Compressed once per file: the server's CPU time is not what is measured.
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


@dataclass(frozen=True)
class Load:
    requests: int
    blocked: int
    bytes: int
    fcp: float
    lcp: float
    cls: float
    tbt: float
    # Each long task's time past 50 ms, from navigation start (TBT counts from FCP only).
    blocking: float

    @property
    def bytes_kib(self) -> float:
        return self.bytes / 1024


def measure(browser: Browser, url: str) -> Load:
    """One cold load: fresh context (empty cache), throttled, third-party requests aborted."""
    context = browser.new_context(
        viewport=VIEWPORT, device_scale_factor=1.75, is_mobile=True, has_touch=True
    )
    counts = {"requests": 0, "blocked": 0, "bytes": 0}

    def route(r: Route) -> None:
        if urlsplit(r.request.url).hostname == LOOPBACK:
            counts["requests"] += 1
            r.continue_()
        else:
            counts["blocked"] += 1
            r.abort()  # never sent: the count is all that is kept

    def response(resp: Response) -> None:
        # Our server always sends Content-Length: the body as transferred (gzipped or not).
        counts["bytes"] += int(resp.headers.get("content-length", 0))

    try:
        context.route("**/*", route)
        context.on("response", response)
        context.add_init_script(OBSERVERS)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.goto(url, wait_until="load", timeout=LOAD_TIMEOUT_MS)
        page.wait_for_timeout(QUIET_MS)
        m = page.evaluate(COLLECT)
    finally:
        context.close()
    return Load(tbt=_tbt(m["long"], m["fcp"], m["now"]), blocking=_tbt(m["long"], 0.0, m["now"]), fcp=m["fcp"],
                lcp=m["lcp"], cls=m["cls"], **counts)


def _tbt(tasks: list[list[float]], since: float, end: float) -> float:
    """Each long task's time past 50 ms, counted from `since`: from FCP, Lighthouse's Total
    Blocking Time; from navigation start (0), all the blocking a visitor can meet."""
    total = 0.0
    for start, duration in tasks:
        if start + duration <= since or start >= end:
            continue
        total += max(0.0, start + duration - max(start, since) - 50)
    return total


def median(loads: list[Load]) -> Load:
    fields = Load.__dataclass_fields__
    return Load(**{f: statistics.median(getattr(x, f) for x in loads) for f in fields})


def timed_build(project: Path, site: Path) -> float:
    started = time.perf_counter()
    result = build(site, project=project)
    elapsed = time.perf_counter() - started
    if not result.ok:
        raise SystemExit(f"Build of {project} failed:\n{result.output}")
    return elapsed


def build_limit(reference: float, language_count: int) -> float:
    """The longest the build of every language may take, in seconds."""
    return BUILD_TIMES_PER_LANGUAGE * language_count * reference


def build_verdict(reference: float, site: float, language_count: int) -> tuple[str, bool]:
    """The build line of the report, and whether the site's build is within its limit."""
    limit = build_limit(reference, language_count)
    within = site <= limit
    return (
        f"Build (median of {BUILDS}): reference {reference:.2f} s, site in all {language_count} languages "
        f"{site:.2f} s, ratio site/reference {site / reference:.2f}; limit {BUILD_TIMES_PER_LANGUAGE:g} × "
        f"{language_count} languages × reference = {limit:.2f} s: {'within' if within else 'OVER THE LIMIT'}",
        within,
    )


def pages(site: Path) -> tuple[list[str], int]:
    """Every page's address relative to the site root ("" for home, "policy/"), and how many
    short-link redirect stubs were left out."""
    found, stubs = [], 0
    for path in sorted(site.rglob("index.html")):
        if REDIRECT in path.read_text(encoding="utf-8"):
            stubs += 1
            continue
        rel = path.parent.relative_to(site).as_posix()
        found.append("" if rel == "." else f"{rel}/")
    return sorted(found), stubs


def machine(browser_version: str) -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text(errors="replace")
    cpu = next((ln.split(":", 1)[1].strip() for ln in cpuinfo.splitlines() if ln.startswith("model name")), "?")
    meminfo = Path("/proc/meminfo").read_text()
    kib = int(next(ln.split()[1] for ln in meminfo.splitlines() if ln.startswith("MemTotal")))
    return (
        f"Machine: {cpu}, {os.cpu_count()} cores, {kib / 1024 / 1024:.1f} GiB RAM; "
        f"Chromium {browser_version}; Python {platform.python_version()}; "
        f"{datetime.datetime.now().astimezone().isoformat(timespec='seconds')}"
    )


def _requests(load: Load) -> str:
    return f"{load.requests:g}" + (f" (+{load.blocked:g} blocked)" if load.blocked else "")


def _pair(ref: Load | None, site: Load, figure: str) -> str:
    """A figure of both loads, `ref / site`; a translation's page has no reference (—)."""
    return f"{'—' if ref is None else figure.format(ref)} / {figure.format(site)}"


def table(rows: dict[str, tuple[Load | None, Load]]) -> list[str]:
    lines = [
        "| page | requests (ref / site) | KiB compressed (ref / site) | FCP ms | LCP ms | CLS | TBT ms | Blocking ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, (ref, site) in rows.items():
        lines.append(
            f"| /{name} | {'—' if ref is None else _requests(ref)} / {_requests(site)} "
            f"| {_pair(ref, site, '{0.bytes_kib:.1f}')} | {_pair(ref, site, '{0.fcp:.0f}')} "
            f"| {_pair(ref, site, '{0.lcp:.0f}')} | {_pair(ref, site, '{0.cls:.3f}')} "
            f"| {_pair(ref, site, '{0.tbt:.0f}')} | {_pair(ref, site, '{0.blocking:.0f}')} |"
        )
    return lines


# The figures on which the site is to be at or below the reference, on every page it has.
COMPARED = {"Blocking ms": "blocking", "FCP ms": "fcp", "LCP ms": "lcp"}
MOST_REQUESTS = 6


def behind(rows: dict[str, tuple[Load | None, Load]]) -> list[str]:
    """Where the site is behind: a figure above the reference's, or more than MOST_REQUESTS."""
    found = []
    for name, (ref, site) in rows.items():
        if ref is not None:
            found += [f"/{name} {label} {getattr(site, field):.0f} > {getattr(ref, field):.0f}"
                      for label, field in COMPARED.items() if getattr(site, field) > getattr(ref, field)]
        if site.requests > MOST_REQUESTS:
            found.append(f"/{name} {site.requests:g} requests > {MOST_REQUESTS}")
    return found


def english_of(name: str, codes: list[str]) -> str:
    """The English page a translation's page is compared with: `pl/policy/` → `policy/`."""
    first, _, rest = name.partition("/")
    return rest if first in codes else name


def main() -> None:
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        reference = copy_project(work / "reference")
        # The reference is the English site alone: the limit on the site's build counts languages.
        if (reference / language_file.TRANSLATIONS).is_dir():
            shutil.rmtree(reference / language_file.TRANSLATIONS)
        (reference / "mkdocs.yml").write_text(REFERENCE_CONFIG, encoding="utf-8")
        (reference / "reference_macros.py").write_text(REFERENCE_MACROS, encoding="utf-8")
        # Alternated, so a warming disk or cache favours neither side.
        times: dict[str, list[float]] = {"ref": [], "site": []}
        for _ in range(BUILDS):
            times["ref"].append(timed_build(reference, work / "ref-site"))
            times["site"].append(timed_build(ROOT, work / "site"))
        ref_build, site_build = statistics.median(times["ref"]), statistics.median(times["site"])
        codes = [language.language for _, language in language_file.discover(ROOT)]
        missing = [code for code in codes if not (work / "site" / code / "index.html").is_file()]
        if missing:
            raise SystemExit(f"The build did not build every language: {', '.join(missing)} missing")
        build_line, build_within = build_verdict(ref_build, site_build, 1 + len(codes))

        found, stubs = pages(work / "site")
        english = [name for name in found if name.split("/")[0] not in codes]
        # Pages the site makes after the build (comparisons of two versions) have no reference.
        in_reference = {name for name in english if (work / "ref-site" / name / "index.html").is_file()}
        translated = [f"{code}/{page}" for code in codes for page in TRANSLATED_PAGES]
        assert set(translated) <= set(found), sorted(set(translated) - set(found))
        names = english + translated
        loads: dict[str, tuple[list[Load], list[Load]]] = {n: ([], []) for n in names}
        with (
            sync_playwright() as pw,
            serve(work / "ref-site", GzipHandler) as ref_url,
            serve(work / "site", GzipHandler) as site_url,
        ):
            browser = pw.chromium.launch(executable_path=system_chromium(), args=ARGS + CLOSED_NETWORK)
            try:
                # Interleaved, so a slow moment of the machine hits both sites alike.
                for _ in range(RUNS):
                    for name in names:
                        if name in in_reference:
                            loads[name][0].append(measure(browser, ref_url + name))
                        loads[name][1].append(measure(browser, site_url + name))
                version = browser.version
            finally:
                browser.close()

        references = {n: median(r) for n, (r, _) in loads.items() if r}
        rows = {n: (references.get(english_of(n, codes)), median(s)) for n, (_, s) in loads.items()}
        over = behind(rows)
        lines = [
            f"Median of {RUNS} cold loads per page; mobile 412x823, 150 ms RTT, 1.6 Mbit/s down, "
            f"750 kbit/s up, CPU /{CPU_SLOWDOWN}; gzip on loopback. ref = Material defaults, site = this site; "
            f"a translation's page is set beside the reference's English page "
            f"(— : a page the reference does not have, a comparison of two versions).",
            "",
            *table(rows),
            "",
            f"Blocking ms, FCP and LCP at or below the reference on every page it has, and at most "
            f"{MOST_REQUESTS} requests on every page: " + ("yes" if not over else "no: " + "; ".join(over)),
            build_line,
        ]
        if any(r.blocked for r, _ in rows.values() if r):
            lines.append(
                "Blocked: the reference asks Google Fonts (Roboto); those requests were counted and "
                "aborted, never sent, so its numbers exclude the font download."
            )
        lines.append(f"Not loaded: {stubs} short-link redirect stubs (they only forward to the guidance), and "
                     f"the translations' other pages ({len(found) - len(names)} in all).")
        lines += [machine(version), f"Whole run: {time.perf_counter() - started:.0f} s"]
        text = "\n".join(lines)
        print(text)
        OUT.parent.mkdir(exist_ok=True)
        OUT.write_text(text + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if not build_within:
        raise SystemExit(f"The build of every language took longer than its limit: {build_line}")


if __name__ == "__main__":
    main()
