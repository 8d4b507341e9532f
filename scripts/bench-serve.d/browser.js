// scripts/bench-serve's browser part: node browser.js PLAYWRIGHT_CORE_DIR BASE_URL QUERIES.json
// Opens BASE_URL in Debian's chromium (headless), and for every query: types it into #q, presses
// Enter and measures in the page, with performance.now(), the time from the Enter keydown to the
// first new `#results .hit` drawn (the animation frame after it entered the DOM), and the
// /api/search fetch's duration from Resource Timing. Prints one JSON line with the medians.
"use strict";
const [pwDir, baseUrl, queriesFile] = process.argv.slice(2);
const { chromium } = require(pwDir);
const fs = require("fs");
const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8"));

function pct(v, p) {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.round((p / 100) * (s.length - 1)))];
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    await page.goto(baseUrl + "/", { waitUntil: "load" });
    await page.waitForSelector("#q", { timeout: 15000 });
    await page.evaluate(() => {
      window.__bench = { t0: null, drawn: null };
      document.querySelector("#q").addEventListener("keydown", (e) => {
        if (e.key === "Enter") window.__bench.t0 = performance.now();
      }, true);
      const obs = new MutationObserver(() => {
        const b = window.__bench;
        if (b.t0 === null || b.drawn !== null || b.pending) return;
        const fresh = [...document.querySelectorAll("#results .hit")].some((h) => !h.dataset.benchOld);
        if (!fresh) return;
        b.pending = true;
        b.dom = performance.now();
        requestAnimationFrame(() => { b.drawn = performance.now(); b.pending = false; });
      });
      obs.observe(document.documentElement, { childList: true, subtree: true });
    });
    const times = [], fetches = [], toFetch = [], toDom = [], toFrame = [];
    const runOne = async (q) => {
      await page.evaluate(() => {
        for (const h of document.querySelectorAll("#results .hit")) h.dataset.benchOld = "1";
        performance.clearResourceTimings();
        Object.assign(window.__bench, { t0: null, drawn: null, pending: false });
      });
      await page.fill("#q", q);
      await page.press("#q", "Enter");
      await page.waitForFunction(() => window.__bench.drawn !== null, null, { timeout: 30000 });
      return page.evaluate(() => {
        const b = window.__bench;
        const f = performance.getEntriesByType("resource").filter((e) => e.name.includes("/api/search"));
        const last = f[f.length - 1];
        return {
          ms: b.drawn - b.t0, fetch: last ? last.responseEnd - last.startTime : null,
          toFetch: last ? last.startTime - b.t0 : null, toDom: last ? b.dom - last.responseEnd : null,
          toFrame: b.drawn - b.dom,
        };
      });
    };
    await runOne("market"); // warm-up (a query not in the list: the page skips a repeated search)
    for (const q of queries) {
      const r = await runOne(q);
      times.push(r.ms);
      if (r.fetch !== null) { fetches.push(r.fetch); toFetch.push(r.toFetch); toDom.push(r.toDom); }
      toFrame.push(r.toFrame);
    }
    const median = (v) => (v.length ? pct(v, 50) : NaN);
    console.log(JSON.stringify({
      n: times.length, median_ms: median(times), p90_ms: pct(times, 90), max_ms: Math.max(...times),
      fetch_median_ms: median(fetches), enter_to_fetch_ms: median(toFetch),
      response_to_dom_ms: median(toDom), dom_to_frame_ms: median(toFrame), page_errors: pageErrors.slice(0, 5),
    }));
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(String(e && e.stack || e)); process.exit(1); });
