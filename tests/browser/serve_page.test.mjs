// Browser tests of dateline-serve's web page (query/serve/web/), with Chromium driven by
// playwright-core. Run by CTest as browser/serve_page (tests/browser/run.sh):
//   BIN=build/bin SRC=. BUILD_DIR=build node --test serve_page.test.mjs
// Builds a database from the sample corpus plus tests/fixtures/serve/hostile.jsonl, starts
// dateline-serve on a free port, and checks search, facets, the date histogram, the article view,
// history, the keyboard, errors, the token prompt and that hostile archive data stays text.
// Screenshots go to $BUILD_DIR/screenshots/.

import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const SRC = process.env.SRC || path.resolve(here, '..', '..');
const BIN = process.env.BIN || path.join(SRC, 'build', 'bin');
const BUILD_DIR = process.env.BUILD_DIR || path.join(SRC, 'build');
const SHOTS = path.join(BUILD_DIR, 'screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SAMPLE = path.join(SRC, 'corpora', 'sample', 'articles.jsonl');
const HOSTILE = path.join(SRC, 'tests', 'fixtures', 'serve', 'hostile.jsonl');
const HOSTILE_IDS = fs.readFileSync(HOSTILE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).id);

let tmp;
let browser;
const servers = [];
let base; // http://127.0.0.1:PORT

// ---- Server ---------------------------------------------------------------------------------

function startServer(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(BIN, 'dateline-serve'), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    servers.push(child);
    let err = '';
    const timer = setTimeout(() => reject(new Error('dateline-serve did not say where it listens:\n' + err)), 30000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      err += chunk;
      const m = err.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`dateline-serve exited (${code ?? signal}) before listening:\n${err}`));
    });
  });
}

async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(t);
}

process.on('exit', () => {
  for (const s of servers) if (s.exitCode === null && s.signalCode === null) s.kill('SIGKILL');
});

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-browser-'));
  const db = path.join(tmp, 'db');
  // The hostile fixture must be indexed as it is (exit 0: nothing rejected).
  execFileSync(path.join(BIN, 'dateline-index'), ['--db', db, SAMPLE, HOSTILE], { stdio: ['ignore', 'ignore', 'pipe'] });
  const { url } = await startServer(['--db', db, '--port', '0', '--quiet']);
  base = url;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  fs.mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  if (browser) await browser.close();
  for (const s of servers) await stopServer(s);
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

// ---- Pages ----------------------------------------------------------------------------------

const opened = [];

// A fresh page that records dialogs, uncaught errors and console errors; afterEach fails on any.
async function newPage({ width = 1280, height = 900, colorScheme = 'light', allow = [] } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const problems = [];
  page.on('dialog', (d) => {
    problems.push(`dialog ${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    if (allow.some((re) => re.test(text))) return;
    problems.push(`console error: ${text}`);
  });
  opened.push({ context, problems });
  return page;
}

afterEach(async () => {
  const all = [];
  for (const { context, problems } of opened.splice(0)) {
    all.push(...problems);
    await context.close();
  }
  assert.deepEqual(all, [], 'the page raised errors or dialogs');
});

const params = (page) => new URL(page.url()).searchParams;

async function hitCount(page) {
  return page.locator('#results .hit').count();
}

// The number the summary line shows ("12 matches, 1–10 shown").
async function total(page) {
  const t = await page.locator('#summary strong').textContent();
  return Number(t.replace(/[^\d]/g, ''));
}

async function waitIdle(page) {
  await page.waitForFunction(() => !document.body.classList.contains('loading'));
}

async function gotoView(page, query = '') {
  await page.goto(base + '/' + query);
  await page.waitForSelector('#results .hit, #results .empty');
  await waitIdle(page);
}

async function shot(page, name, opts = {}) {
  await page.screenshot({ path: path.join(SHOTS, name + '.png'), ...opts });
}

// ---- Tests ----------------------------------------------------------------------------------

test('an empty query browses every article, newest first', async () => {
  const page = await newPage();
  await gotoView(page);
  assert.equal(await page.locator('#sort').inputValue(), 'newest');
  assert.equal(await hitCount(page), 10);
  assert.equal(await total(page), 72 + HOSTILE_IDS.length);
  const dates = await page.locator('#results .hit time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  const sorted = [...dates].sort().reverse();
  assert.deepEqual(dates, sorted, 'newest first');
  assert.equal(await page.locator('#histogram svg .bar').count() > 10, true);
  for (const facet of ['source', 'person', 'org', 'place', 'lang', 'site']) {
    assert.ok(await page.locator(`.facet[data-facet=${facet}] .facet-value`).count() > 0, `${facet} facet shown`);
  }
  // "N more values" fetches the rest of a facet.
  const people = page.locator('.facet[data-facet=person] .facet-value');
  assert.equal(await people.count(), 10);
  const more = Number((await page.locator('.facet[data-facet=person] .facet-more').textContent()).replace(/\D/g, ''));
  await page.locator('.facet[data-facet=person] .facet-more').click();
  await page.waitForFunction((n) => document.querySelectorAll('.facet[data-facet=person] .facet-value').length === n, 10 + Math.min(more, 90));
});

test('typing a query and Enter shows hits; completions insert their query', async () => {
  const page = await newPage();
  await gotoView(page);
  await page.locator('#q').click();
  await page.keyboard.type('sanctions');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'sanctions');
  await waitIdle(page);
  assert.ok(await hitCount(page) > 0);
  assert.equal(await page.locator('#sort').inputValue(), 'relevance');
  const marks = await page.locator('#results .hit .snippet mark').allTextContents();
  assert.ok(marks.length > 0 && marks.every((m) => /^sanction/i.test(m)), `marks: ${marks}`);
  assert.equal(await page.locator('#results .hit .snippet b').count(), 0, 'snippet <b> became <mark>');
  // Names in the snippets are marked as in the article view (the hits' snippet_mentions), the
  // text unchanged; a click on one filters by its entity.
  const named = page.locator('#results .hit .snippet .mention');
  assert.ok(await named.count() > 0, 'mentions marked in the snippets');
  assert.ok(['person', 'organization', 'place'].includes(await named.first().getAttribute('data-type')));
  assert.ok(await named.first().evaluate((m) => m.textContent.length > 0 && m.closest('.snippet').textContent.includes(m.textContent)));
  await shot(page, 'results');

  // Completions: a prefix offers entities; ArrowDown + Enter puts the completion's query in.
  await page.locator('#q').fill('');
  await page.keyboard.type('vladi');
  const item = page.locator('#suggest .suggestion-item').first();
  await item.waitFor();
  const query = await item.getAttribute('data-query');
  assert.match(query, /^person:"vladimir putin"$/i);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, query);
  await waitIdle(page);
  assert.equal((await page.locator('#q').inputValue()).trim(), query);
  assert.ok(await hitCount(page) > 0);
});

test('facets: a click filters with exact counts, a chip and the URL; a second click removes it; Alt-click excludes', async () => {
  const page = await newPage();
  await gotoView(page);
  const all = await total(page);

  // A person facet value.
  const putin = page.locator('.facet[data-facet=person] .facet-value', { hasText: 'Vladimir Putin' });
  const count = Number(await putin.locator('.count').textContent());
  assert.ok(count > 0);
  await putin.click();
  await page.waitForSelector('#chips .chip');
  await waitIdle(page);
  assert.deepEqual(params(page).getAll('filter'), ['person:"vladimir putin"']);
  assert.equal(await total(page), count, 'the facet count is the number of matches');
  assert.match(await page.locator('#chips .chip').textContent(), /Vladimir Putin/);
  assert.equal(await page.locator('.facet[data-facet=person] .facet-value.active').count(), 1);
  await shot(page, 'facet-filter');

  // A source value too: both filters apply.
  const source = page.locator('.facet[data-facet=source] .facet-value').first();
  const sourceCount = Number(await source.locator('.count').textContent());
  const sourceLabel = await source.locator('.label').textContent();
  await source.click();
  await page.waitForFunction(() => document.querySelectorAll('#chips .chip').length === 2);
  await waitIdle(page);
  assert.equal(await total(page), sourceCount);
  assert.match(params(page).getAll('filter')[1], /^source:[^"]+$/);

  // Second click on the active value removes it; the chip's × removes the other.
  await page.locator('.facet[data-facet=source] .facet-value.active').click();
  await page.waitForFunction(() => document.querySelectorAll('#chips .chip').length === 1);
  await waitIdle(page);
  assert.equal(await total(page), count);
  await page.locator('#chips .chip .chip-remove').click();
  await page.waitForFunction(() => document.querySelectorAll('#chips .chip').length === 0);
  await waitIdle(page);
  assert.equal(await total(page), all);
  assert.deepEqual(params(page).getAll('filter'), []);

  // Alt-click excludes: -source:VALUE.
  const first = page.locator('.facet[data-facet=source] .facet-value', { hasText: sourceLabel });
  const firstCount = Number(await first.locator('.count').textContent());
  await first.click({ modifiers: ['Alt'] });
  await page.waitForSelector('#chips .chip.excluded');
  await waitIdle(page);
  assert.match(params(page).getAll('filter')[0], /^-source:/);
  assert.equal(await total(page), all - firstCount);
  assert.match(await page.locator('#chips .chip.excluded').textContent(), new RegExp(sourceLabel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

  // A tag on a hit filters by tag:"…".
  await page.locator('#chips .chip-remove').click();
  await page.waitForFunction(() => document.querySelectorAll('#chips .chip').length === 0);
  await waitIdle(page);
  const tag = page.locator('#results .hit .hit-tags .tag').first();
  const tagText = await tag.textContent();
  await tag.click();
  await page.waitForSelector('#chips .chip');
  await waitIdle(page);
  assert.equal(params(page).getAll('filter')[0].toLowerCase(), `tag:"${tagText}"`.toLowerCase());
  assert.ok(await total(page) > 0);
});

test('dragging across the date histogram sets a date range filter; a click picks one bucket', async () => {
  const page = await newPage();
  await gotoView(page);
  const all = await total(page);
  const chart = page.locator('#histogram svg');
  const box = await chart.boundingBox();
  const bars = await page.locator('#histogram .bucket').count();
  assert.ok(bars >= 12, `${bars} buckets`);
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.25, y, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.4, y, { steps: 5 });
  assert.ok(await page.locator('#histogram .sel').isVisible(), 'the selection is drawn while dragging');
  await page.mouse.up();
  await page.waitForSelector('#chips .chip[data-filter^="date:"]');
  await waitIdle(page);
  const filter = params(page).getAll('filter')[0];
  assert.match(filter, /^date:\d{4}-\d{2}(-\d{2})?\.\.\d{4}-\d{2}(-\d{2})?$/);
  const ranged = await total(page);
  assert.ok(ranged > 0 && ranged < all, `${ranged} of ${all}`);
  await shot(page, 'histogram-range');

  // A click on one bar replaces the range by that bucket.
  const one = page.locator('#histogram .bucket').filter({ has: page.locator('.bar:not(.zero)') }).first();
  const value = await one.getAttribute('data-value');
  const b = await one.boundingBox();
  await page.mouse.click(b.x + b.width / 2, b.y + b.height - 2);
  await page.waitForFunction((v) => new URLSearchParams(location.search).getAll('filter').includes('date:' + v), value);
  await waitIdle(page);
  assert.equal(await page.locator('#chips .chip[data-filter^="date:"]').count(), 1);
  assert.ok(await total(page) > 0 && (await total(page)) <= ranged);
});

test('the article view shows the text, entities, copies and similar articles; Back restores the views', async () => {
  const page = await newPage();
  await gotoView(page, '?q=sanctions');
  const firstHit = page.locator('#results .hit').first();
  const id = await firstHit.getAttribute('data-id');
  const title = await firstHit.locator('.hit-title').textContent();
  await firstHit.locator('.hit-title a').click();
  await page.waitForSelector('#article #article-title');
  assert.equal(params(page).get('article'), id);
  assert.equal(await page.locator('#article-title').textContent(), title);
  assert.ok(await page.locator('#article .article-text p').count() >= 2, 'paragraphs');
  const link = page.locator('#article .article-url a');
  assert.match(await link.getAttribute('href'), /^https?:\/\//);
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.ok(await page.locator('#article .entity').count() > 0, 'entities');
  // The mentions are marked in the text, each with its type, the text still as written.
  const mentions = page.locator('#article .article-text .mention');
  assert.ok(await mentions.count() > 0, 'mentions marked in the text');
  assert.ok(['person', 'organization', 'place'].includes(await mentions.first().getAttribute('data-type')));
  assert.match(await mentions.first().getAttribute('data-filter'), /^(person|org|place):"/);
  const likes = page.locator('#article .article-like a.like');
  assert.ok(await likes.count() > 0, 'articles like this');
  await shot(page, 'article');

  // "Articles like this" opens another article; Back returns to the first, then to the results.
  const likeTitle = await likes.first().textContent();
  const likeId = new URL(await likes.first().getAttribute('href'), base).searchParams.get('article');
  await likes.first().click();
  await page.waitForFunction((t) => document.querySelector('#article-title')?.textContent === t, likeTitle);
  assert.equal(params(page).get('article'), likeId);
  await page.goBack();
  await page.waitForFunction((t) => document.querySelector('#article-title')?.textContent === t, title);
  assert.equal(params(page).get('article'), id);
  await page.goBack();
  await page.waitForSelector('#article', { state: 'hidden' });
  assert.equal(params(page).get('article'), null);
  assert.equal(params(page).get('q'), 'sanctions');
  assert.ok(await hitCount(page) > 0);
  await page.goForward();
  await page.waitForSelector('#article #article-title');

  // An entity in the article, or a mention marked in its text, adds its filter and closes the view.
  const filtersBy = async (p, target) => {
    const f = await target.getAttribute('data-filter');
    await target.click();
    await p.waitForSelector('#article', { state: 'hidden' });
    await p.waitForFunction((x) => new URLSearchParams(location.search).getAll('filter').includes(x), f);
    await waitIdle(p);
    assert.ok(await total(p) > 0);
  };
  await filtersBy(page, page.locator('#article .entity[data-type=person], #article .entity[data-type=place]').first());
  const pageM = await newPage();
  await gotoView(pageM, '?q=sanctions&article=' + encodeURIComponent(id));
  await pageM.waitForSelector('#article .article-text .mention');
  await filtersBy(pageM, pageM.locator('#article .article-text .mention').first());

  // A collapsed story shows its copies, and a pasted link reproduces the view.
  const page2 = await newPage();
  await gotoView(page2, '?collapse=1&sort=oldest');
  const copies = page2.locator('#results .hit .copies');
  assert.ok(await copies.count() > 0, 'a story with copies');
  assert.match(await copies.first().textContent(), /\d+ cop(y|ies)/);
  const url = page.url();
  const page3 = await newPage();
  await page3.goto(url + '&article=' + encodeURIComponent(id));
  await page3.waitForSelector('#article #article-title');
  await page3.waitForSelector('#chips .chip');
  assert.equal(await page3.locator('#article-title').textContent(), title);
  assert.equal(await page3.locator('#q').inputValue(), 'sanctions');
});

test('the keyboard: / focuses the search box, arrows and j/k move, Enter opens, Escape closes', async () => {
  const page = await newPage();
  await gotoView(page, '?q=putin');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  await page.keyboard.press('ArrowDown');
  const selectedIndex = () => page.locator('#results .hit').evaluateAll((hs) => hs.findIndex((h) => h.classList.contains('selected')));
  assert.equal(await selectedIndex(), 0);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('j');
  assert.equal(await selectedIndex(), 2);
  await page.keyboard.press('k');
  assert.equal(await selectedIndex(), 1);
  const id = await page.locator('#results .hit.selected').getAttribute('data-id');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#article #article-title');
  assert.equal(params(page).get('article'), id);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#article', { state: 'hidden' });
  assert.equal(params(page).get('article'), null);
  assert.equal(await selectedIndex(), 1, 'the selection survives the article view');
  await page.goBack();
  await page.waitForSelector('#article #article-title');
});

test('the measurements panel draws the share over time and the lists of /api/measure', async () => {
  const page = await newPage();
  await gotoView(page, '?q=' + encodeURIComponent('lang:en'));
  await page.waitForSelector('#measures:not([hidden]) #share-chart svg');
  const doc = await (await fetch(base + '/api/measure?q=lang%3Aen&timeline=1&normalize=1')).json();
  const points = await page.locator('#share-chart .point').evaluateAll((ps) => ps.map((p) =>
    [p.getAttribute('data-bucket'), Number(p.getAttribute('data-count')), Number(p.getAttribute('data-total')), Number(p.getAttribute('data-ratio'))]));
  assert.deepEqual(points, doc.timeline.map((r) => [r.bucket, r.count, r.total, r.ratio]));
  assert.ok(points.length > 1, `points: ${points.length}`);
  assert.ok(await page.locator('#distinctive-list li').count() > 0, 'distinctive words listed');
  // The y axis: the top is the peak share, the bottom 0%.
  const peak = 100 * Math.max(...doc.timeline.map((r) => r.ratio));
  assert.equal(await page.locator('#share-chart .scale .top').textContent(),
    `${peak >= 10 ? peak.toFixed(0) : peak.toFixed(1)}%`);
  assert.equal(await page.locator('#share-chart .scale .bottom').textContent(), '0%');
  // Distinctive words show their over-representation (matches over archive), like the lift.
  const words = await (await fetch(base + '/api/measure?q=lang%3Aen&significant=terms&facet_limit=8')).json();
  const shown = await page.locator('#distinctive-list li .count').allTextContents();
  assert.deepEqual(shown, words.items.map((i) =>
    `×${((i.count / words.total) / (i.archive_count / words.archive)).toFixed(1)}`));
  await shot(page, 'measures');
  // Browsing everything has nothing to measure against: no panel.
  await gotoView(page);
  assert.equal(await page.locator('#measures').isHidden(), true);
});

test('hostile archive data is shown as text: no script runs, no element or javascript: link is made from it', async () => {
  const page = await newPage();
  await gotoView(page, '?q=zanzibarite');
  assert.equal(await hitCount(page), HOSTILE_IDS.length);
  const titles = await page.locator('#results .hit-title').allTextContents();
  assert.ok(titles.some((t) => t.includes('<script>alert(1)</script>')), 'the title is shown literally');
  assert.ok(titles.some((t) => t.includes('<img src=x onerror=alert(1)>')));
  const snippets = (await page.locator('#results .snippet').allTextContents()).join('\n');
  assert.ok(snippets.includes('<svg onload=alert(1)>') || snippets.includes('<script>alert(1)</script>'), snippets);
  const sources = await page.locator('.facet[data-facet=source] .facet-value .label').allTextContents();
  assert.ok(sources.includes('Evil <script>alert(1)</script> Gazette'), sources.join(' | '));

  async function assertInert(where) {
    await page.waitForTimeout(200); // give an onerror a chance to fire
    const bad = await page.evaluate(() => {
      const out = [];
      for (const s of document.querySelectorAll('script')) if (s.getAttribute('src') !== '/app.js') out.push('script ' + s.outerHTML.slice(0, 80));
      for (const i of document.querySelectorAll('img')) if (i.getAttribute('src') !== '/icon.svg') out.push('img ' + i.outerHTML.slice(0, 80));
      for (const t of document.querySelectorAll('iframe, object, embed, style, link:not([rel=icon]):not([rel=stylesheet]), b, svg:not(#histogram svg):not(#share-chart svg)')) out.push(t.tagName + ' ' + t.outerHTML.slice(0, 80));
      for (const e of document.querySelectorAll('*')) {
        for (const a of e.attributes) if (/^on/i.test(a.name)) out.push(`${e.tagName} ${a.name}`);
        const href = e.getAttribute('href');
        if (href !== null && !/^(https?:\/\/|\/)/i.test(href.trim())) out.push(`${e.tagName} href=${href}`);
        if (href !== null && /javascript:|data:/i.test(href.split('?')[0])) out.push(`${e.tagName} href=${href}`);
      }
      return out;
    });
    assert.deepEqual(bad, [], where);
  }
  await assertInert('results');

  // Each hostile article: the text is text, a javascript:/data: URL is not a link.
  for (const id of HOSTILE_IDS) {
    await page.locator(`#results .hit[data-id="${id.replace(/["\\]/g, '\\$&')}"] .hit-title a`).click();
    await page.waitForSelector('#article #article-title');
    assert.equal(params(page).get('article'), id);
    assert.equal(await page.locator('#article a.url').count(), 0, `${id}: no link for a non-http URL`);
    const shown = await page.locator('#article .article-url').textContent();
    assert.ok(/javascript:|data:/i.test(shown), `${id}: the URL is shown as text (${shown})`);
    await assertInert(id);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#article', { state: 'hidden' });
  }
  await page.locator('#results .hit').first().locator('.hit-title a').click();
  await page.waitForSelector('#article .article-text p');
  const body = await page.locator('#article .article-text').textContent();
  assert.ok(body.includes('<a href="javascript:alert(1)">click</a>'), body);
  await shot(page, 'hostile-article');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#article', { state: 'hidden' });

  // A hostile tag is a filter like any other, its chip text.
  await page.locator('#results .hit .tag', { hasText: '<script>alert(1)</script>' }).first().click();
  await page.waitForSelector('#chips .chip');
  await waitIdle(page);
  assert.equal(await page.locator('#chips .chip .chip-value').textContent(), '<script>alert(1)</script>');
  assert.ok(await total(page) >= 1);
  await assertInert('tag filter');
});

test('a query that finds nothing says so and offers the ways out', async () => {
  const page = await newPage();
  await gotoView(page, '?q=sanctoins');
  await waitIdle(page);
  assert.equal(await hitCount(page), 0);
  assert.match(await page.locator('#results .empty').textContent(), /Nothing matches “sanctoins”/);
  assert.equal(await page.locator('a.suggestion').textContent(), 'sanctions');
  await shot(page, 'no-results');
  // With a filter that leaves nothing, one click searches without the filters.
  await gotoView(page, '?q=sanctions&filter=' + encodeURIComponent('source:"No Such Source"'));
  await waitIdle(page);
  assert.equal(await hitCount(page), 0);
  await page.locator('#results .empty-clear').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).getAll('filter').length === 0);
  await waitIdle(page);
  assert.ok(await hitCount(page) > 0);
});

test('a bad query shows the server\'s message next to the search box', async () => {
  const page = await newPage({ allow: [/status of 400/] });
  await gotoView(page, '?q=oil');
  await page.locator('#q').fill('oil AND (');
  await page.keyboard.press('Enter');
  const error = page.locator('#q-error.error');
  await error.waitFor();
  assert.ok((await error.textContent()).length > 3);
  assert.equal(params(page).get('q'), 'oil AND (');
  await shot(page, 'bad-query');
  await page.locator('#q').fill('oil');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#q-error', { state: 'hidden' });
  await waitIdle(page);
  assert.ok(await hitCount(page) > 0);
});

test('paging, sort and grouping of copies live in the URL', async () => {
  const page = await newPage();
  await gotoView(page);
  await page.locator('#pager .next').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('page') === '2');
  await waitIdle(page);
  assert.match(await page.locator('#summary').textContent(), /11–20/);
  await page.locator('#limit').selectOption('20');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('limit') === '20');
  await waitIdle(page);
  assert.equal(await hitCount(page), 20);
  await page.locator('#sort').selectOption('oldest');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('sort') === 'oldest');
  await waitIdle(page);
  assert.equal(params(page).get('page'), null, 'a new sort starts at page 1');
  const dates = await page.locator('#results .hit time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.deepEqual(dates, [...dates].sort());
  const before = await total(page);
  await page.locator('#collapse').check();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('collapse') === '1');
  await waitIdle(page);
  assert.ok(await total(page) < before, 'stories are fewer than articles');
  await page.goBack();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('collapse'));
  await waitIdle(page);
  assert.equal(await page.locator('#collapse').isChecked(), false);
  assert.equal(await total(page), before);
});

test('results with facets and a filter (the README screenshot)', async () => {
  const page = await newPage();
  await gotoView(page, '?q=prices');
  const value = page.locator('.facet[data-facet=place] .facet-value').first();
  const count = Number(await value.locator('.count').textContent());
  await value.click();
  await page.waitForSelector('#chips .chip');
  await waitIdle(page);
  assert.equal(await total(page), count);
  await page.mouse.move(0, 0);
  await page.locator('#results .hit').first().click({ position: { x: 4, y: 4 } }); // selects it
  await page.mouse.move(0, 0);
  await shot(page, 'results-facets');
});

test('phone width: the sidebar folds away, nothing overflows', async () => {
  const page = await newPage({ width: 390, height: 844 });
  await gotoView(page, '?q=putin');
  assert.equal(await page.locator('#sidebar').isVisible(), false);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  await shot(page, 'phone');
  await page.locator('#refine-toggle').click();
  assert.equal(await page.locator('#sidebar').isVisible(), true);
  await page.locator('.facet[data-facet=lang] .facet-value').first().click();
  await page.waitForSelector('#chips .chip');
  await shot(page, 'phone-refine');
  await page.locator('#results .hit-title a').first().click();
  await page.waitForSelector('#article #article-title');
  const width = await page.locator('#article').evaluate((e) => e.getBoundingClientRect().width);
  assert.ok(width <= 390);
  await shot(page, 'phone-article');
});

test('dark mode', async () => {
  const page = await newPage({ colorScheme: 'dark' });
  await gotoView(page, '?q=sanctions');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 150, `dark background (${bg})`);
  await shot(page, 'dark');
  await page.locator('#results .hit-title a').first().click();
  await page.waitForSelector('#article #article-title');
  await shot(page, 'dark-article');
});

test('a server with a token: the page asks for it once and sends it', async () => {
  const tokenFile = path.join(tmp, 'token');
  fs.writeFileSync(tokenFile, 's3cret-token\n');
  const { url, child } = await startServer(['--db', path.join(tmp, 'db'), '--port', '0', '--quiet', '--token-file', tokenFile]);
  try {
    const page = await newPage({ allow: [/status of 401/] });
    await page.goto(url + '/?q=oil');
    await page.waitForSelector('#auth #token');
    await page.locator('#token').fill('wrong');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#auth-error');
    await page.locator('#token').fill('s3cret-token');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#results .hit');
    assert.equal(await page.locator('#auth').isVisible(), false);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('dateline-token')), 's3cret-token');
    await page.locator('#results .hit-title a').first().click();
    await page.waitForSelector('#article #article-title');
    await page.reload();
    await page.waitForSelector('#article #article-title');
    assert.equal(await page.locator('#auth').isVisible(), false);
  } finally {
    // Close the browser's keep-alive connections first: the server waits for them on SIGTERM.
    for (const { context } of opened) await context.close();
    await stopServer(child);
  }
});
