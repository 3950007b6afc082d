// Lighthouse's categories for each page, with its mobile defaults, every page in one Chromium.
// Usage: CHROME_PATH=… CHROME_FLAGS='["--flag", …]' node audit.mjs <base URL> <path>...
//          [--without-performance <path>...] [--made-to-fail <URL>...]
// Prints {path: {scores, failed, bytes, requests, …}} as JSON. What a page loads, and in what order,
// is its template's: a page listed after --without-performance is audited for the other three
// categories, which its words change. A page made to fail shows that the audits find what is
// there: accessibility and SEO are enough for that, and quicker.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const SECTIONS = {
  "--without-performance": ["accessibility", "best-practices", "seo"],
  "--made-to-fail": ["accessibility", "seo"],
};
const [base, ...rest] = process.argv.slice(2);
const pages = [];  // [path or URL, its categories]
let categories = CATEGORIES;
for (const arg of rest) {
  if (arg in SECTIONS) categories = SECTIONS[arg];
  else pages.push([arg, categories]);
}
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  // Headless as root; the rest (a closed network) come from tools/browser.py, as for Playwright.
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", ...JSON.parse(process.env.CHROME_FLAGS || "[]")],
});
const results = {};
try {
  for (const [path, categories] of pages) {
    const { lhr } = await lighthouse(new URL(path, base).href, {
      port: chrome.port, output: "json", logLevel: "error", onlyCategories: categories,
      // Pictures of the page as it loads: shown in Lighthouse's report, scored by nothing.
      disableFullPageScreenshot: true, skipAudits: ["screenshot-thumbnails", "final-screenshot", "bf-cache"],
    });
    const audit = (id) => lhr.audits[id] || {};
    const failed = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && ["binary", "numeric", "metricSavings"].includes(a.scoreDisplayMode))
      .map((a) => `${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}`);
    const requests = (audit("network-requests").details || {}).items || [];
    results[path] = {
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c] ? lhr.categories[c].score : null])),
      failed,
      bytes: audit("total-byte-weight").numericValue ?? null,
      requests: requests.map((r) => ({ url: r.url, transferSize: r.transferSize, resourceSize: r.resourceSize })),
      // Scores of the performance audits that do not depend on how busy the processor was.
      steady: Object.fromEntries(["render-blocking-insight", "network-dependency-tree-insight", "total-byte-weight",
        "uses-text-compression", "unused-css-rules", "unused-javascript", "dom-size-insight", "document-latency-insight",
        "cache-insight"].map((id) => [id, audit(id).score ?? null])),
      renderBlocking: ((audit("render-blocking-insight").details || {}).items || []).map((item) => item.url),
      dependencyTree: audit("network-dependency-tree-insight").details ?? null,
      metrics: Object.fromEntries(["first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
        "cumulative-layout-shift", "speed-index"].map((id) => [id, audit(id).numericValue ?? null])),
      error: lhr.runtimeError ? lhr.runtimeError.message : null,
    };
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(results, null, 1));
