// Lighthouse's accessibility and SEO audits for each page, in one Chromium.
// Usage: CHROME_PATH=… CHROME_FLAGS='["--flag", …]' node audit.mjs <base URL> <path>...
// Prints {path: {category: score, failed: [...]}} as JSON.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const [base, ...paths] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  // Headless as root; the rest (a closed network) come from tools/browser.py, as for Playwright.
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", ...JSON.parse(process.env.CHROME_FLAGS || "[]")],
});
const results = {};
try {
  for (const path of paths) {
    const { lhr } = await lighthouse(new URL(path, base).href, {
      port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["accessibility", "seo"],
      disableFullPageScreenshot: true, // not needed for these audits
    });
    const failed = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && ["binary", "numeric"].includes(a.scoreDisplayMode))
      .map((a) => `${a.id}: ${a.title}`);
    results[path] = {
      accessibility: lhr.categories.accessibility.score,
      seo: lhr.categories.seo.score,
      failed,
      error: lhr.runtimeError ? lhr.runtimeError.message : null,
    };
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(results, null, 1));
