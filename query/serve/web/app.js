// Dateline web page: talks to dateline-serve's /api/ (query/serve/API.md), no framework.
// Everything that comes from the archive is put into the page as text (textContent); the only
// markup read from the server is the snippet's <b>…</b>, which is parsed by hand into <mark>.
// The whole view lives in the URL (?q=&filter=&sort=&page=&limit=&collapse=&article=).

const FACETS = ['source', 'person', 'org', 'place', 'keyword', 'lang', 'site', 'date'];
const FACET_TITLES = {
  source: 'Source', person: 'People', org: 'Organizations', place: 'Places', keyword: 'Keywords',
  lang: 'Language', site: 'Site',
};
const FACET_LIMIT = 10;
const FIELD_LABELS = {
  source: 'Source', person: 'Person', org: 'Organization', place: 'Place', lang: 'Language',
  site: 'Site', tag: 'Tag', keyword: 'Keyword', date: 'Date', id: 'Id',
};
const ENTITY_FIELD = { person: 'person', organization: 'org', place: 'place' };
const TOKEN_KEY = 'dateline-token';

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

// ---------------------------------------------------------------------------------------------
// Small DOM helpers: text only.

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

// An http(s) URL, or null: nothing else (javascript:, data:, relative) ever becomes a link.
function safeHttpUrl(url) {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function externalLink(url, text) {
  const href = safeHttpUrl(url);
  if (!href) return el('span', { class: 'url', text: text ?? url ?? '' });
  return el('a', { class: 'url', href, rel: 'noopener noreferrer', target: '_blank', text: text ?? url });
}

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&apos;': "'" };
function unescapeHtml(s) {
  return s.replace(/&(?:amp|lt|gt|quot|apos|#39|#x27);/g, (m) => ENTITIES[m]);
}

// The snippet is HTML whose only markup is <b>…</b>: split on those tags, everything else is text.
// Its entity mentions (the hit's `snippet_mentions`: byte offsets into that text) are marked as in
// the article view, each one a link to its filter, with the query's words inside them still marked.
function snippetNodes(snippet, mentions) {
  let plain = '';
  const marks = []; // [start, end) of the highlighted runs of `plain`
  let bold = false;
  for (const part of String(snippet || '').split(/(<b>|<\/b>)/)) {
    if (part === '<b>') { bold = true; continue; }
    if (part === '</b>') { bold = false; continue; }
    if (!part) continue;
    const text = unescapeHtml(part);
    if (bold) marks.push([plain.length, plain.length + text.length]);
    plain += text;
  }
  const highlighted = (from, to) => {
    const nodes = [];
    let at = from;
    for (const [start, end] of marks) {
      const a = Math.max(start, from), b = Math.min(end, to);
      if (a >= b) continue;
      if (a > at) nodes.push(document.createTextNode(plain.slice(at, a)));
      nodes.push(el('mark', { text: plain.slice(a, b) }));
      at = b;
    }
    if (to > at) nodes.push(document.createTextNode(plain.slice(at, to)));
    return nodes;
  };
  const inSnippet = (mentions || []).map((m) => ({ ...m, field: 'snippet' }));
  const frag = document.createDocumentFragment();
  frag.append(...markedText(plain, 0, plain.length, mentionRanges(plain, inSnippet, 'snippet'), highlighted));
  return frag;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short',
});
function formatDate(iso, withTime = false) {
  if (!iso) return '';
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const d = new Date(dayOnly ? iso + 'T00:00:00Z' : iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return withTime && !dayOnly ? timeFormat.format(d) : dayFormat.format(d);
}

function plural(n, one, many = one + 's') {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

// ---------------------------------------------------------------------------------------------
// State <-> URL.

function defaultState() {
  return { q: '', filters: [], sort: '', page: 1, limit: 10, collapse: false, article: '' };
}

function stateFromUrl(search = location.search) {
  const p = new URLSearchParams(search);
  const s = defaultState();
  s.q = p.get('q') || '';
  s.filters = p.getAll('filter').filter((f) => f.trim() !== '');
  const sort = p.get('sort');
  s.sort = ['relevance', 'newest', 'oldest'].includes(sort) ? sort : '';
  s.page = Math.max(1, parseInt(p.get('page'), 10) || 1);
  s.limit = p.get('limit') === '20' ? 20 : 10;
  s.collapse = ['1', 'true', 'yes'].includes(p.get('collapse') || '');
  s.article = p.get('article') || '';
  return s;
}

function urlFromState(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const f of s.filters) p.append('filter', f);
  if (s.sort) p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  if (s.limit !== 10) p.set('limit', String(s.limit));
  if (s.collapse) p.set('collapse', '1');
  if (s.article) p.set('article', s.article);
  const qs = p.toString();
  return qs ? '/?' + qs : '/';
}

function effectiveSort(s) {
  return s.sort || (s.q.trim() ? 'relevance' : 'newest');
}

let state = stateFromUrl();

// Every user change: a new history entry, then render.
function go(changes, { replace = false } = {}) {
  state = { ...state, ...changes };
  const url = urlFromState(state);
  if (url !== location.pathname + location.search) {
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  }
  render();
}

// A change of the search (not just of the open article) goes back to page 1 and closes the article.
function search(changes) {
  go({ page: 1, article: '', ...changes });
}

window.addEventListener('popstate', () => {
  state = stateFromUrl();
  render();
});

// ---------------------------------------------------------------------------------------------
// API.

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function api(path, params) {
  let url = path;
  if (params) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (Array.isArray(v)) v.forEach((x) => p.append(k, x));
      else if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    }
    const qs = p.toString();
    if (qs) url += '?' + qs;
  }
  const headers = { Accept: 'application/json' };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = 'Bearer ' + token;
  let res;
  try {
    res = await fetch(url, { headers });
  } catch (e) {
    throw new ApiError(0, 'network', 'The server cannot be reached.');
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (res.status === 401) {
    showAuth(Boolean(token));
    throw new ApiError(401, 'unauthorized', (body && body.error && body.error.message) || 'A token is required.');
  }
  if (!res.ok) {
    const err = (body && body.error) || {};
    throw new ApiError(res.status, err.code || 'http_' + res.status, err.message || `HTTP ${res.status}`);
  }
  hideAuth();
  return body;
}

function showAuth(rejected) {
  const form = $('#auth');
  form.hidden = false;
  const msg = $('#auth-error');
  msg.hidden = !rejected;
  msg.textContent = rejected ? 'That token was not accepted.' : '';
  if (document.activeElement !== $('#token')) $('#token').focus();
}

function hideAuth() {
  $('#auth').hidden = true;
}

$('#auth').addEventListener('submit', (e) => {
  e.preventDefault();
  const token = $('#token').value.trim();
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
  $('#token').value = '';
  lastSearchKey = null;
  lastArticleKey = null;
  render();
});

// ---------------------------------------------------------------------------------------------
// Filters: strings as the API takes them (FIELD:VALUE, leading '-' excludes).

const filterLabels = new Map(); // positive filter string -> display label (from facet values)

function facetFilter(facet, value) {
  if (facet === 'source' || facet === 'lang' || facet === 'site') return `${facet}:${value}`;
  if (facet === 'date') return `date:${value}`;
  return `${facet}:"${String(value).replace(/"/g, '')}"`;
}

function parseFilter(f) {
  const negative = f.startsWith('-');
  const body = negative ? f.slice(1) : f;
  const i = body.indexOf(':');
  const field = i > 0 ? body.slice(0, i) : '';
  let value = i > 0 ? body.slice(i + 1) : body;
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  return { negative, positive: body, field, value };
}

function filterLabel(f) {
  const { positive, field, value } = parseFilter(f);
  if (field === 'date') return value.replace('..', ' – ');
  return filterLabels.get(positive) || value;
}

function toggleFilter(f, exclude) {
  const positive = f.startsWith('-') ? f.slice(1) : f;
  const negative = '-' + positive;
  const had = state.filters.includes(positive) || state.filters.includes(negative);
  let filters = state.filters.filter((x) => x !== positive && x !== negative);
  if (!had) filters.push(exclude ? negative : positive);
  search({ filters });
}

function addFilter(f) {
  const positive = f.startsWith('-') ? f.slice(1) : f;
  const filters = state.filters.filter((x) => x !== positive && x !== '-' + positive);
  filters.push(f);
  search({ filters });
}

function setDateFilter(f) {
  const filters = state.filters.filter((x) => !x.startsWith('date:'));
  filters.push(f);
  search({ filters });
}

// ---------------------------------------------------------------------------------------------
// Rendering.

let lastSearchKey = null;
let lastArticleKey = null;
let searchSeq = 0;
let articleSeq = 0;
let lastResult = null;
let selected = -1;
const expandedFacets = new Map(); // facet -> values list fetched with a larger facet_limit (for lastSearchKey)

function searchParams(s) {
  return {
    q: s.q,
    facet: FACETS.join(','),
    filter: s.filters,
    sort: effectiveSort(s),
    limit: s.limit,
    offset: (s.page - 1) * s.limit,
    collapse: s.collapse ? '1' : '',
    facet_limit: FACET_LIMIT,
    snippet_mentions: '1',
  };
}

function render() {
  // Controls reflect the state.
  const q = $('#q');
  if (document.activeElement !== q || q.value.trim() !== state.q.trim()) q.value = state.q;
  $('#sort').value = effectiveSort(state);
  $('#limit').value = String(state.limit);
  $('#collapse').checked = state.collapse;
  document.title = state.q ? `${state.q} – Dateline` : 'Dateline';

  const key = JSON.stringify(searchParams(state));
  if (key !== lastSearchKey) {
    lastSearchKey = key;
    expandedFacets.clear();
    selected = -1;
    runSearch(key);
  } else {
    renderChips();
  }
  renderArticleState();
}

async function runSearch(key) {
  const seq = ++searchSeq;
  const s = state;
  document.body.classList.add('loading');
  setError('');
  try {
    const data = await api('/api/search', searchParams(s));
    if (seq !== searchSeq) return;
    lastResult = data;
    renderResults(data, s);
    runMeasures(s, seq);
  } catch (e) {
    if (seq !== searchSeq) return;
    lastResult = null;
    if (e.status === 401) {
      renderEmpty('Enter the access token to search.');
    } else if (e.status === 400) {
      setError(e.message);
      renderEmpty('No results: the query could not be read.');
    } else {
      setError(e.message);
      renderEmpty('The search failed.');
    }
    lastSearchKey = e.status === 401 ? null : key;
  } finally {
    if (seq === searchSeq) document.body.classList.remove('loading');
  }
}

function setError(message) {
  const p = $('#q-error');
  p.textContent = message;
  p.hidden = !message;
  $('#q').classList.toggle('invalid', Boolean(message));
  if (message) $('#q').setAttribute('aria-invalid', 'true');
  else $('#q').removeAttribute('aria-invalid');
}

// What a search that found nothing shows: what was searched, and the ways out (the spelling
// suggestion is offered above the results; here: without the filters, without the query).
function emptyResults(s, data) {
  const q = s.q.trim();
  if (!q && !s.filters.length) return el('p', { class: 'empty', text: 'The archive is empty.' });
  const box = el('div', { class: 'empty' });
  const what = q ? `“${q}”` + (s.filters.length ? ' with these filters' : '') : 'these filters';
  box.append(el('p', { text: `Nothing matches ${what}.` }));
  const ways = el('p', { class: 'empty-ways' });
  if (s.filters.length) {
    ways.append(el('button', { type: 'button', class: 'empty-clear', text: 'Search without the filters', onclick: () => search({ filters: [] }) }));
  }
  if (q && !data.suggestion) ways.append(el('span', { text: 'Try fewer or other words, or a word’s stem with * (sanction*).' }));
  if (ways.childNodes.length) box.append(ways);
  return box;
}

function renderEmpty(message) {
  $('#results').replaceChildren(el('p', { class: 'empty', text: message }));
  $('#summary').textContent = '';
  $('#pager').replaceChildren();
  $('#facets').replaceChildren();
  $('#timeline').hidden = true;
  $('#measures').hidden = true;
  $('#did-you-mean').hidden = true;
  renderChips();
  selected = -1;
}

function renderResults(data, s) {
  // Labels for chips, from every facet's values.
  for (const [facet, values] of Object.entries(data.facets || {})) {
    if (facet === 'date') continue;
    for (const v of values) filterLabels.set(facetFilter(facet, v.value), v.label);
  }

  const total = data.total || 0;
  const hits = data.hits || [];
  const from = hits.length ? data.offset + 1 : 0;
  const to = data.offset + hits.length;
  const what = s.collapse ? 'story' : 'match';
  const whats = s.collapse ? 'stories' : 'matches';
  const count = `${data.total_exact === false ? 'about ' : ''}${plural(total, what, whats)}`;
  const summary = $('#summary');
  summary.replaceChildren(el('strong', { text: count }));
  if (hits.length) summary.append(`, ${from.toLocaleString()}–${to.toLocaleString()} shown`);

  const dym = $('#did-you-mean');
  if (data.suggestion) {
    dym.replaceChildren('Did you mean ',
      el('a', { href: urlFromState({ ...s, q: data.suggestion, page: 1, article: '' }), class: 'suggestion', text: data.suggestion,
        onclick: (e) => { if (plainClick(e)) { e.preventDefault(); search({ q: data.suggestion }); } } }),
      '?');
    dym.hidden = false;
  } else {
    dym.hidden = true;
  }

  const list = $('#results');
  if (!hits.length) {
    list.replaceChildren(emptyResults(s, data));
  } else {
    list.replaceChildren(...hits.map((h, i) => renderHit(h, i, s)));
  }
  if (selected >= hits.length) selected = -1;
  markSelected(false);

  renderPager(data, s);
  renderFacets(data);
  renderHistogram(data);
  renderChips();
}

function plainClick(e) {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}

function articleHref(id) {
  return urlFromState({ ...state, article: id });
}

function articleLink(id, text, cls) {
  return el('a', {
    class: cls, href: articleHref(id), text,
    onclick: (e) => { if (plainClick(e)) { e.preventDefault(); openArticle(id); } },
  });
}

function renderHit(h, index, s) {
  const node = el('article', { class: 'hit', dataset: { id: h.id, index: String(index) } });
  node.addEventListener('click', (e) => {
    if (e.target.closest('a, button, .mention')) return;
    selected = index;
    markSelected(false);
  });
  node.append(el('h3', { class: 'hit-title' }, articleLink(h.id, h.title || '(untitled)')));
  const meta = el('p', { class: 'hit-meta' });
  meta.append(el('span', { class: 'hit-source', text: h.source || h.source_id || '' }));
  if (h.published) meta.append(el('time', { class: 'hit-date', datetime: h.published, text: formatDate(h.published) }));
  if (h.language) meta.append(el('span', { class: 'hit-lang', text: h.language }));
  const href = safeHttpUrl(h.url);
  if (href) {
    let host = '';
    try { host = new URL(href).hostname.replace(/^www\./, ''); } catch { host = ''; }
    meta.append(el('a', { class: 'hit-url', href, rel: 'noopener noreferrer', target: '_blank', text: host || href }));
  }
  node.append(meta);
  if (h.snippet) node.append(el('p', { class: 'snippet' }, snippetNodes(h.snippet, h.snippet_mentions)));
  const tags = (h.tags || []).slice(0, 8);
  if (tags.length) {
    const box = el('p', { class: 'hit-tags' });
    for (const t of tags) {
      const f = `tag:"${String(t).replace(/"/g, '')}"`;
      const active = s.filters.includes(f);
      box.append(el('button', {
        type: 'button', class: 'tag' + (active ? ' active' : ''), text: t, title: `Filter by tag ${t}`,
        onclick: (e) => { filterLabels.set(f, t); toggleFilter(f, e.altKey || e.ctrlKey || e.metaKey); },
      }));
    }
    if ((h.tags || []).length > tags.length) box.append(el('span', { class: 'more', text: `+${h.tags.length - tags.length}` }));
    node.append(box);
  }
  if (h.copies && h.copies.length) {
    const c = el('p', { class: 'copies' }, el('span', { class: 'copies-count', text: plural(h.copies.length, 'copy', 'copies') + ':' }));
    h.copies.forEach((cp) => c.append(' ', articleLink(cp.id, cp.source || cp.id, 'copy')));
    node.append(c);
  }
  return node;
}

function renderPager(data, s) {
  const nav = $('#pager');
  nav.replaceChildren();
  const pages = Math.max(1, Math.ceil((data.total || 0) / s.limit));
  if (pages <= 1 && s.page === 1) return;
  const btn = (label, page, disabled, cls) => el('button', {
    type: 'button', class: cls, text: label, disabled: disabled || undefined,
    onclick: () => { go({ page, article: '' }); window.scrollTo({ top: 0 }); },
  });
  nav.append(btn('← Previous', s.page - 1, s.page <= 1, 'prev'));
  nav.append(el('span', { class: 'page-of', text: `Page ${s.page.toLocaleString()} of ${pages.toLocaleString()}` }));
  nav.append(btn('Next →', s.page + 1, s.page >= pages, 'next'));
}

// ---- Facets ---------------------------------------------------------------------------------

function renderFacets(data) {
  const box = $('#facets');
  box.replaceChildren();
  let shown = 0;
  for (const facet of FACETS) {
    if (facet === 'date') continue;
    const values = expandedFacets.get(facet) || (data.facets && data.facets[facet]) || [];
    const info = (data.facets_info && data.facets_info[facet]) || {};
    const activeHere = state.filters.filter((f) => parseFilter(f).field === facet);
    if (!values.length && !activeHere.length) continue;
    shown++;
    const sec = el('section', { class: 'facet', dataset: { facet } });
    sec.append(el('h2', { text: FACET_TITLES[facet] }));
    const ul = el('ul');
    const listed = new Set();
    for (const v of values) {
      const f = facetFilter(facet, v.value);
      listed.add(f);
      const state_ = state.filters.includes(f) ? 'active' : state.filters.includes('-' + f) ? 'excluded' : '';
      ul.append(facetItem(facet, f, v.label, v.count, state_));
    }
    // Active filters on this facet whose value is not listed (an exclusion, or past the top N).
    for (const f of activeHere) {
      const { negative, positive } = parseFilter(f);
      if (listed.has(positive)) continue;
      ul.append(facetItem(facet, positive, filterLabel(f), null, negative ? 'excluded' : 'active'));
    }
    sec.append(ul);
    const other = expandedFacets.has(facet) ? 0 : info.other || 0;
    if (other > 0) {
      sec.append(el('button', {
        type: 'button', class: 'facet-more', text: `${plural(other, 'more value')}`,
        onclick: (e) => expandFacet(facet, e.currentTarget),
      }));
    }
    box.append(sec);
  }
  if (!shown) box.append(el('p', { class: 'empty small', text: 'No facets for these matches.' }));
  $('#refine-toggle').textContent = state.filters.length ? `Refine (${state.filters.length})` : 'Refine';
}

function facetItem(facet, f, label, count, mode) {
  const li = el('li');
  const b = el('button', {
    type: 'button',
    class: 'facet-value' + (mode ? ' ' + mode : ''),
    title: mode ? 'Click to remove' : 'Click to filter · Alt/Ctrl-click to exclude',
    'aria-pressed': mode ? 'true' : 'false',
    dataset: { value: parseFilter(f).value, filter: f },
    onclick: (e) => { filterLabels.set(f, label); toggleFilter(f, e.altKey || e.ctrlKey || e.metaKey); },
  });
  b.append(el('span', { class: 'label', text: label }));
  if (count !== null && count !== undefined) b.append(el('span', { class: 'count', text: count.toLocaleString() }));
  else if (mode === 'excluded') b.append(el('span', { class: 'count', text: 'excluded' }));
  li.append(b);
  return li;
}

async function expandFacet(facet, button) {
  button.disabled = true;
  const key = lastSearchKey;
  try {
    const data = await api('/api/search', { ...searchParams(state), facet, facet_limit: 100, limit: 0, offset: 0 });
    if (key !== lastSearchKey || !lastResult) return;
    const values = (data.facets && data.facets[facet]) || [];
    for (const v of values) filterLabels.set(facetFilter(facet, v.value), v.label);
    expandedFacets.set(facet, values);
    renderFacets(lastResult);
  } catch (e) {
    button.disabled = false;
    if (e.status !== 401) setError(e.message);
  }
}

// ---- Chips ----------------------------------------------------------------------------------

function renderChips() {
  const box = $('#chips');
  box.replaceChildren();
  for (const f of state.filters) {
    const { negative, field } = parseFilter(f);
    const name = FIELD_LABELS[field] || field || 'Filter';
    const chip = el('span', { class: 'chip' + (negative ? ' excluded' : ''), dataset: { filter: f } });
    chip.append(el('span', { class: 'chip-field', text: (negative ? 'not ' : '') + name }));
    chip.append(el('span', { class: 'chip-value', text: filterLabel(f) }));
    chip.append(el('button', {
      type: 'button', class: 'chip-remove', 'aria-label': `Remove filter ${f}`, title: 'Remove', text: '×',
      onclick: () => search({ filters: state.filters.filter((x) => x !== f) }),
    }));
    box.append(chip);
  }
  if (state.filters.length > 1) {
    box.append(el('button', { type: 'button', class: 'chip-clear', text: 'Clear all', onclick: () => search({ filters: [] }) }));
  }
  box.hidden = !state.filters.length;
}

// ---- Date histogram -------------------------------------------------------------------------

function addDays(label, days) {
  const d = new Date(label + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function bucketRange(buckets, i, j, unit) {
  const from = buckets[Math.min(i, j)].value;
  let to = buckets[Math.max(i, j)].value;
  if (unit === 'week') to = addDays(to, 6);
  if (from === to) return `date:${from}`;
  return `date:${from}..${to}`;
}

function bucketTitle(label, unit) {
  if (unit === 'week') return `week of ${formatDate(label)}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(label)) return formatDate(label);
  if (/^\d{4}-\d{2}$/.test(label)) {
    return new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(label + '-01T00:00:00Z'));
  }
  return label;
}

const shortMonth = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
function shortBucketLabel(label, unit) {
  if (/^\d{4}-\d{2}$/.test(label)) return shortMonth.format(new Date(label + '-01T00:00:00Z'));
  if (/^\d{4}-\d{2}-\d{2}$/.test(label)) return formatDate(label);
  return label;
}

function renderHistogram(data) {
  const section = $('#timeline');
  const box = $('#histogram');
  const buckets = (data.facets && data.facets.date) || [];
  const info = (data.facets_info && data.facets_info.date) || {};
  const unit = info.bucket || 'auto';
  box.replaceChildren();
  if (!buckets.length) {
    section.hidden = true;
    return;
  }
  section.hidden = false;
  const W = 1000, H = 96, PAD = 2;
  const n = buckets.length;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const slot = W / n;
  const gap = slot > 6 ? Math.min(4, slot * 0.18) : 0;
  const chart = svg('svg', {
    viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', role: 'img', class: 'chart',
    'aria-label': `Matches per ${unit === 'auto' ? 'period' : unit}; drag to choose a period`,
  });
  const sel = svg('rect', { class: 'sel', x: 0, y: 0, width: 0, height: H });
  sel.style.display = 'none';
  chart.append(sel);
  buckets.forEach((b, i) => {
    const h = b.count ? Math.max(2, ((H - PAD) * b.count) / max) : 0;
    const g = svg('g', { class: 'bucket', 'data-index': i, 'data-value': b.value });
    // An invisible full-height rect makes the whole column a target.
    g.append(svg('rect', { class: 'hit-area', x: i * slot, y: 0, width: slot, height: H }));
    g.append(svg('rect', { class: 'bar' + (b.count ? '' : ' zero'), x: i * slot + gap / 2, y: H - h, width: Math.max(0.5, slot - gap), height: h }));
    const t = svg('title');
    t.textContent = `${bucketTitle(b.label, unit)}: ${plural(b.count, 'article')}`;
    g.append(t);
    chart.append(g);
  });
  chart.append(svg('line', { class: 'baseline', x1: 0, x2: W, y1: H - 0.5, y2: H - 0.5 }));
  box.append(chart);

  // Axis: a few labels under their bars; a caption says what a bar is.
  const axis = $('#histogram-axis');
  axis.replaceChildren();
  const labelPx = unit === 'year' ? 48 : unit === 'month' ? 78 : 96;
  const maxTicks = Math.max(2, Math.floor((box.clientWidth || 800) / labelPx));
  const step = Math.max(1, Math.ceil(n / maxTicks));
  for (let i = 0; i < n; i += step) {
    const span = el('span', { class: 'tick', text: shortBucketLabel(buckets[i].label, unit) });
    if (i === 0) span.style.left = '0';
    else if (i === n - 1) span.style.right = '0';
    else { span.style.left = ((i + 0.5) / n) * 100 + '%'; span.style.transform = 'translateX(-50%)'; }
    axis.append(span);
  }
  const caption = $('#histogram-caption');
  const per = { year: 'year', month: 'month', week: 'week', day: 'day' }[unit] || 'period';
  caption.replaceChildren(el('span', { class: 'what', text: `Matches per ${per}` }));
  if (info.missing) caption.append(el('span', { class: 'missing', text: `${plural(info.missing, 'undated article')} not shown` }));
  const hint = el('span', { class: 'hint', text: 'drag across bars to choose a period' });
  caption.append(hint);

  // Dragging across bars (pointer events) selects a period; a click selects one bucket.
  const indexAt = (ev) => {
    const r = chart.getBoundingClientRect();
    const x = Math.min(Math.max(ev.clientX - r.left, 0), r.width - 0.001);
    return Math.min(n - 1, Math.max(0, Math.floor((x / r.width) * n)));
  };
  let start = null;
  let current = null;
  const show = () => {
    const a = Math.min(start, current), b = Math.max(start, current);
    sel.setAttribute('x', a * slot);
    sel.setAttribute('width', (b - a + 1) * slot);
    sel.style.display = '';
    hint.textContent = bucketRange(buckets, a, b, unit).slice(5).replace('..', ' – ');
  };
  chart.addEventListener('pointerdown', (ev) => {
    if (ev.button !== 0) return;
    ev.preventDefault();
    start = current = indexAt(ev);
    try { chart.setPointerCapture(ev.pointerId); } catch { /* not capturable */ }
    show();
  });
  chart.addEventListener('pointermove', (ev) => {
    if (start === null) return;
    const i = indexAt(ev);
    if (i !== current) { current = i; show(); }
  });
  const finish = (ev, cancel) => {
    if (start === null) return;
    const a = start, b = cancel ? start : indexAt(ev);
    start = current = null;
    sel.style.display = 'none';
    if (cancel) { hint.textContent = 'drag across bars to choose a period'; return; }
    const f = bucketRange(buckets, a, b, unit);
    filterLabels.set(f, f.slice(5).replace('..', ' – '));
    setDateFilter(f);
  };
  chart.addEventListener('pointerup', (ev) => finish(ev, false));
  chart.addEventListener('pointercancel', (ev) => finish(ev, true));
}

// ---- Measurements: the same JSON documents as dateline-query's (GET /api/measure) ----------

// The query's share of all articles in scope over time, who appears with it (lift) and its
// distinctive words (G²), for a query with words or fields (browsing everything has nothing to
// measure against).
async function runMeasures(s, seq) {
  const section = $('#measures');
  if (!s.q.trim()) { section.hidden = true; return; }
  const base = { q: s.q, filter: s.filters };
  try {
    const [share, together, words] = await Promise.all([
      api('/api/measure', { ...base, timeline: '1', normalize: '1' }),
      api('/api/measure', { ...base, cooccur: '1', facet_limit: 8 }),
      api('/api/measure', { ...base, significant: 'terms', facet_limit: 8 }),
    ]);
    if (seq !== searchSeq) return;
    section.hidden = !share.total;
    renderShare(share);
    renderRanked($('#together-list'), together.entities, (e) => e.label, (e) => `×${e.lift.toFixed(1)}`,
      (e) => `${e.type}: ${e.count} of ${together.total} matches, ${e.archive_count} of ${together.archive} articles`);
    // Ranked by G²; shown as how many times more often the word is in the matches than in the
    // archive, the same kind of figure as the lift beside it.
    renderRanked($('#distinctive-list'), words.items, (i) => i.label, (i) => `×${overRepresentation(i, words).toFixed(1)}`,
      (i) => `${i.count} of ${words.total} matches, ${i.archive_count} of ${words.archive} articles; G² ${i.score.toFixed(1)}`);
  } catch {
    if (seq === searchSeq) section.hidden = true;
  }
}

// A word's rate in the matches over its rate in the archive.
function overRepresentation(item, doc) {
  if (!doc.total || !item.archive_count || !doc.archive) return 0;
  return (item.count / doc.total) / (item.archive_count / doc.archive);
}

function renderShare(doc) {
  const box = $('#share-chart');
  const rows = doc.timeline || [];
  box.replaceChildren();
  const W = 1000, H = 96;
  const max = Math.max(1e-9, ...rows.map((r) => r.ratio));
  const x = (i) => (rows.length < 2 ? W / 2 : (i * W) / (rows.length - 1));
  const y = (r) => H - (H - 4) * (r / max);
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', role: 'img',
    'aria-label': `Share of the articles per ${doc.bucket}` });
  chart.append(svg('polyline', { class: 'share-line', points: rows.map((r, i) => `${x(i)},${y(r.ratio)}`).join(' ') }));
  rows.forEach((r, i) => {
    const hit = svg('rect', { class: 'point', x: x(i) - W / rows.length / 2, y: 0, width: W / rows.length, height: H,
      fill: 'transparent', 'data-bucket': r.bucket, 'data-count': r.count, 'data-total': r.total, 'data-ratio': r.ratio });
    const t = svg('title');
    t.textContent = `${bucketTitle(r.bucket, doc.bucket)}: ${r.count} of ${r.total} articles (${(100 * r.ratio).toFixed(1)}%)`;
    hit.append(t);
    chart.append(hit);
  });
  chart.append(svg('line', { class: 'baseline', x1: 0, x2: W, y1: H - 0.5, y2: H - 0.5 }));
  chart.append(svg('line', { class: 'gridline', x1: 0, x2: W, y1: 4, y2: 4 }));
  // The scale: the top of the chart is the peak share, the bottom 0%.
  const scale = el('div', { class: 'scale', 'aria-hidden': 'true' },
    el('span', { class: 'top', text: percent(max) }), el('span', { class: 'bottom', text: '0%' }));
  box.append(scale, chart);
  $('#share-note').textContent = `peak ${(100 * max).toFixed(1)}% per ${doc.bucket}`;
}

function percent(ratio) {
  const p = 100 * ratio;
  return `${p >= 10 ? p.toFixed(0) : p.toFixed(1)}%`;
}

function renderRanked(list, items, label, count, title) {
  list.replaceChildren(...(items || []).map((item) => el('li', { title: title(item) },
    el('span', { class: 'label', text: label(item) }), el('span', { class: 'count', text: count(item) }))));
  if (!list.children.length) list.append(el('li', { class: 'empty', text: '(none)' }));
}

// ---- Article view ---------------------------------------------------------------------------

function openArticle(id) {
  go({ article: id });
}

function closeArticle() {
  if (state.article) go({ article: '' });
}

function renderArticleState() {
  const panel = $('#article');
  if (!state.article) {
    lastArticleKey = null;
    if (!panel.hidden) {
      panel.hidden = true;
      $('#backdrop').hidden = true;
      document.body.classList.remove('article-open');
      const hit = $$('#results .hit')[selected];
      if (hit) hit.querySelector('.hit-title a')?.focus({ preventScroll: true });
    }
    return;
  }
  if (state.article === lastArticleKey && !panel.hidden) return;
  lastArticleKey = state.article;
  panel.hidden = false;
  $('#backdrop').hidden = false;
  document.body.classList.add('article-open');
  loadArticle(state.article);
}

async function loadArticle(id) {
  const seq = ++articleSeq;
  const body = $('#article-body');
  body.replaceChildren(el('p', { class: 'loading-text', text: 'Loading…' }));
  $('#article').scrollTop = 0;
  $('#article').focus({ preventScroll: true });
  try {
    const data = await api('/api/articles/' + encodeURIComponent(id));
    if (seq !== articleSeq) return;
    body.replaceChildren(...renderArticle(data));
    $('#article').scrollTop = 0;
  } catch (e) {
    if (seq !== articleSeq) return;
    lastArticleKey = e.status === 401 ? null : lastArticleKey;
    body.replaceChildren(el('p', { class: 'error', text: e.status === 404 ? 'There is no article with this id.' : e.message }));
  }
}

// Mentions (the article's `mentions`: byte offsets in the UTF-8 text of their field) as ranges of
// the JS string: outermost first, never overlapping, each kept only when the text there is the
// text the mention claims.
function mentionRanges(text, mentions, field) {
  const index = new Map([[0, 0]]); // UTF-8 byte offset -> UTF-16 index
  let bytes = 0;
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += ch.length;
    index.set(bytes, i);
  }
  const ranges = [];
  for (const m of mentions || []) {
    if (!m || m.field !== field || !ENTITY_FIELD[m.type]) continue;
    const start = index.get(m.start);
    const end = index.get(m.end);
    if (start === undefined || end === undefined || end <= start || text.slice(start, end) !== m.text) continue;
    ranges.push({ start, end, mention: m });
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let reached = 0;
  for (const r of ranges) {
    if (r.start < reached) continue;
    out.push(r);
    reached = r.end;
  }
  return out;
}

// text[from, to) as nodes, each mention inside it marked; a marked mention filters by its entity.
// `piece(a, b)` gives the nodes of text[a, b) (plain text unless told otherwise).
function markedText(text, from, to, ranges, piece = (a, b) => [document.createTextNode(text.slice(a, b))]) {
  const nodes = [];
  let at = from;
  for (const { start, end, mention: m } of ranges) {
    if (start < from || end > to) continue;
    if (start > at) nodes.push(...piece(at, start));
    const field = ENTITY_FIELD[m.type];
    const f = `${field}:"${String(m.entity || m.text).toLowerCase().replace(/"/g, '')}"`;
    const go = () => { filterLabels.set(f, m.entity || m.text); addFilter(f); };
    nodes.push(el('span', {
      class: 'mention', role: 'button', tabindex: '0', dataset: { type: m.type, filter: f },
      title: `${FIELD_LABELS[field]}: ${m.entity || m.text}`,
      onclick: go, onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); go(); } },
    }, ...piece(start, end)));
    at = end;
  }
  if (to > at) nodes.push(...piece(at, to));
  return nodes;
}

// The paragraphs of a body (split at blank lines, trimmed) as [start, end) ranges of the string.
function paragraphRanges(body) {
  const out = [];
  const push = (start, end) => {
    while (start < end && /\s/.test(body[start])) start++;
    while (end > start && /\s/.test(body[end - 1])) end--;
    if (end > start) out.push([start, end]);
  };
  const re = /\n\s*\n/g;
  let last = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, body.length);
  return out;
}

function renderArticle(data) {
  const a = data.article || {};
  const out = [];
  const head = el('header', { class: 'article-head' });
  const meta = el('p', { class: 'article-meta' });
  meta.append(el('span', { class: 'article-source', text: a.source || a.source_id || '' }));
  if (a.published) meta.append(el('time', { datetime: a.published, text: formatDate(a.published, true) }));
  if (a.section) meta.append(el('span', { class: 'article-section', text: a.section }));
  if (a.language) meta.append(el('span', { class: 'article-lang', text: a.language }));
  head.append(meta);
  const title = String(a.title || '');
  head.append(title
    ? el('h2', { id: 'article-title' }, ...markedText(title, 0, title.length, mentionRanges(title, a.mentions, 'title')))
    : el('h2', { id: 'article-title', text: '(untitled)' }));
  if (a.authors && a.authors.length) head.append(el('p', { class: 'article-authors', text: 'By ' + a.authors.join(', ') }));
  if (a.url) head.append(el('p', { class: 'article-url' }, externalLink(a.url)));
  if (a.updated && a.updated !== a.published) head.append(el('p', { class: 'article-updated', text: 'Updated ' + formatDate(a.updated, true) }));
  out.push(head);

  if (a.description && !(a.body || '').startsWith(a.description)) out.push(el('p', { class: 'article-description', text: a.description }));
  const text = el('div', { class: 'article-text' });
  const bodyText = String(a.body || '');
  const bodyMentions = mentionRanges(bodyText, a.mentions, 'body');
  const paras = paragraphRanges(bodyText);
  for (const [start, end] of paras) text.append(el('p', {}, ...markedText(bodyText, start, end, bodyMentions)));
  if (!paras.length) text.append(el('p', { class: 'empty', text: 'This article has no text.' }));
  out.push(text);

  const entities = a.entities || [];
  const tags = (a.tags || []).filter((t) => !entities.some((e) => e.name.toLowerCase() === String(t).toLowerCase()));
  if (entities.length || tags.length) {
    const sec = el('section', { class: 'article-entities' }, el('h3', { text: 'In this article' }));
    const groups = [['person', 'People'], ['organization', 'Organizations'], ['place', 'Places'], ['other', 'Other']];
    for (const [type, title] of groups) {
      const list = entities.filter((e) => (ENTITY_FIELD[e.type] ? e.type : 'other') === type);
      if (!list.length) continue;
      const row = el('p', { class: 'entity-row' }, el('span', { class: 'entity-type', text: title }));
      for (const e of list) {
        const field = ENTITY_FIELD[e.type] || 'tag';
        const f = `${field}:"${String(e.name).toLowerCase().replace(/"/g, '')}"`;
        row.append(el('button', {
          type: 'button', class: 'entity', dataset: { type: e.type, filter: f },
          title: `Filter by ${FIELD_LABELS[field].toLowerCase()} ${e.name}` + (e.count ? ` (mentioned ${e.count}×)` : ''),
          text: e.name,
          onclick: () => { filterLabels.set(f, e.name); addFilter(f); },
        }));
      }
      sec.append(row);
    }
    if (tags.length) {
      const row = el('p', { class: 'entity-row' }, el('span', { class: 'entity-type', text: 'Tags' }));
      for (const t of tags) {
        const f = `tag:"${String(t).replace(/"/g, '')}"`;
        row.append(el('button', {
          type: 'button', class: 'entity tag', dataset: { filter: f }, text: t, title: `Filter by tag ${t}`,
          onclick: () => { filterLabels.set(f, t); addFilter(f); },
        }));
      }
      sec.append(row);
    }
    out.push(sec);
  }

  const copies = data.copies || [];
  if (copies.length) {
    const sec = el('section', { class: 'article-copies' }, el('h3', { text: `The same story at ${plural(copies.length, 'other source')}` }));
    const ul = el('ul');
    for (const c of copies) {
      const li = el('li', {}, articleLink(c.id, c.title || c.id, 'copy'));
      li.append(el('span', { class: 'sub', text: [c.source, formatDate(c.published)].filter(Boolean).join(' · ') }));
      ul.append(li);
    }
    sec.append(ul);
    out.push(sec);
  }

  const like = data.like || [];
  if (like.length) {
    const sec = el('section', { class: 'article-like' }, el('h3', { text: 'Articles like this' }));
    const ul = el('ul');
    for (const h of like) {
      const li = el('li', {}, articleLink(h.id, h.title || h.id, 'like'));
      li.append(el('span', { class: 'sub', text: [h.source, formatDate(h.published)].filter(Boolean).join(' · ') }));
      ul.append(li);
    }
    sec.append(ul);
    out.push(sec);
  }
  out.push(el('p', { class: 'article-id' }, 'id ', el('code', { text: a.id || '' })));
  return out;
}

$('#article-close').addEventListener('click', closeArticle);
$('#backdrop').addEventListener('click', closeArticle);

// ---- Selection (keyboard) -------------------------------------------------------------------

function markSelected(scroll = true) {
  const hits = $$('#results .hit');
  hits.forEach((h, i) => {
    h.classList.toggle('selected', i === selected);
    if (i === selected) h.setAttribute('aria-current', 'true');
    else h.removeAttribute('aria-current');
  });
  if (scroll && hits[selected]) hits[selected].scrollIntoView({ block: 'nearest' });
}

function moveSelection(delta) {
  const n = $$('#results .hit').length;
  if (!n) return;
  selected = selected < 0 ? (delta > 0 ? 0 : n - 1) : Math.min(n - 1, Math.max(0, selected + delta));
  markSelected();
}

function isTyping(target) {
  if (!target || !(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

document.addEventListener('keydown', (e) => {
  if (e.defaultPrevented || e.isComposing) return;
  if (e.key === 'Escape') {
    if (!$('#suggest').hidden) { closeSuggest(); return; }
    if (!$('#help').hidden) { toggleHelp(false); return; }
    if (state.article) { e.preventDefault(); closeArticle(); return; }
    if (document.activeElement === $('#q')) $('#q').blur();
    return;
  }
  if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === '/') {
    e.preventDefault();
    if (state.article) closeArticle();
    $('#q').focus();
    $('#q').select();
    return;
  }
  if (state.article) return;
  if (e.key === 'ArrowDown' || e.key === 'j') { e.preventDefault(); moveSelection(1); return; }
  if (e.key === 'ArrowUp' || e.key === 'k') { e.preventDefault(); moveSelection(-1); return; }
  if (e.key === 'Enter' && selected >= 0 && !(e.target instanceof Element && e.target.closest('a, button'))) {
    const hit = $$('#results .hit')[selected];
    if (hit) { e.preventDefault(); openArticle(hit.dataset.id); }
  }
});

// ---- Search box and completions -------------------------------------------------------------

const q = $('#q');
const suggestBox = $('#suggest');
let suggestTimer = 0;
let suggestSeq = 0;
let suggestions = [];
let active = -1;
let suggestToken = null; // {start, end, lead} of the word being completed

$('#search').addEventListener('submit', (e) => {
  e.preventDefault();
  closeSuggest();
  search({ q: q.value.trim() });
});

// The word being typed: from the last space before the caret to the caret.
function currentToken() {
  const end = q.selectionEnd ?? q.value.length;
  const before = q.value.slice(0, end);
  const start = before.search(/\S*$/);
  let word = before.slice(start);
  const lead = (word.match(/^[+\-(]+/) || [''])[0];
  word = word.slice(lead.length);
  if (!word || /[:"()*]/.test(word) || /^(AND|OR|NOT|NEAR|ADJ|XOR)$/.test(word)) return null;
  return { start, end, lead, word };
}

q.addEventListener('input', () => {
  clearTimeout(suggestTimer);
  const tok = currentToken();
  if (!tok || tok.word.length < 2) { closeSuggest(); return; }
  suggestTimer = setTimeout(() => fetchSuggest(tok), 120);
});

async function fetchSuggest(tok) {
  const seq = ++suggestSeq;
  try {
    const data = await api('/api/suggest', { prefix: tok.word, limit: 8 });
    if (seq !== suggestSeq || document.activeElement !== q) return;
    suggestions = data.suggestions || [];
    suggestToken = tok;
    active = -1;
    drawSuggest();
  } catch {
    if (seq === suggestSeq) closeSuggest();
  }
}

const KIND_LABELS = { person: 'person', organization: 'org', place: 'place', tag: 'tag', source: 'source', word: 'word' };

function drawSuggest() {
  suggestBox.replaceChildren();
  if (!suggestions.length) { closeSuggest(); return; }
  suggestions.forEach((s, i) => {
    const li = el('li', {
      role: 'option', id: 'suggest-' + i, class: 'suggestion-item' + (i === active ? ' active' : ''),
      'aria-selected': i === active ? 'true' : 'false', dataset: { query: s.query, kind: s.kind },
    });
    li.append(el('span', { class: 'kind kind-' + (KIND_LABELS[s.kind] || 'word'), text: KIND_LABELS[s.kind] || s.kind }));
    li.append(el('span', { class: 'label', text: s.label || s.value || s.query }));
    if (typeof s.count === 'number') li.append(el('span', { class: 'count', text: s.count.toLocaleString() }));
    li.addEventListener('mousedown', (e) => { e.preventDefault(); pickSuggestion(i, true); });
    suggestBox.append(li);
  });
  suggestBox.hidden = false;
  q.setAttribute('aria-expanded', 'true');
  if (active >= 0) q.setAttribute('aria-activedescendant', 'suggest-' + active);
  else q.removeAttribute('aria-activedescendant');
}

function closeSuggest() {
  clearTimeout(suggestTimer);
  suggestSeq++;
  suggestions = [];
  active = -1;
  suggestBox.hidden = true;
  suggestBox.replaceChildren();
  q.setAttribute('aria-expanded', 'false');
  q.removeAttribute('aria-activedescendant');
}

function pickSuggestion(i, submit) {
  const s = suggestions[i];
  const tok = suggestToken;
  if (!s || !tok) return;
  const v = q.value;
  const insert = tok.lead + s.query;
  const after = v.slice(tok.end);
  q.value = v.slice(0, tok.start) + insert + (after.startsWith(' ') ? '' : ' ') + after.replace(/^\s+/, '');
  const caret = tok.start + insert.length + 1;
  q.setSelectionRange(caret, caret);
  closeSuggest();
  if (submit) search({ q: q.value.trim() });
}

q.addEventListener('keydown', (e) => {
  if (suggestBox.hidden || !suggestions.length) {
    // From the search box, ArrowDown goes on to the results.
    if (e.key === 'ArrowDown' && !e.altKey && $$('#results .hit').length) {
      e.preventDefault();
      q.blur();
      moveSelection(1);
    }
    return;
  }
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    const n = suggestions.length;
    active = e.key === 'ArrowDown' ? (active + 1) % n : (active <= 0 ? n - 1 : active - 1);
    drawSuggest();
  } else if ((e.key === 'Enter' || e.key === 'Tab') && active >= 0) {
    e.preventDefault();
    pickSuggestion(active, e.key === 'Enter');
  } else if (e.key === 'Escape') {
    e.preventDefault();
    closeSuggest();
  }
});

q.addEventListener('blur', () => setTimeout(closeSuggest, 100));

// ---- Help, toolbar, phone sidebar -----------------------------------------------------------

function toggleHelp(show) {
  const help = $('#help');
  const open = show ?? help.hidden;
  help.hidden = !open;
  $('#help-toggle').setAttribute('aria-expanded', String(open));
}
$('#help-toggle').addEventListener('click', () => toggleHelp());
document.addEventListener('click', (e) => {
  if (!$('#help').hidden && !e.target.closest('#help, #help-toggle')) toggleHelp(false);
});

$('#sort').addEventListener('change', (e) => go({ sort: e.target.value, page: 1, article: '' }));
$('#limit').addEventListener('change', (e) => {
  const limit = parseInt(e.target.value, 10) === 20 ? 20 : 10;
  // Keep the first hit shown in view.
  const first = (state.page - 1) * state.limit;
  go({ limit, page: Math.floor(first / limit) + 1, article: '' });
});
$('#collapse').addEventListener('change', (e) => search({ collapse: e.target.checked }));
$('#refine-toggle').addEventListener('click', () => {
  const open = !document.body.classList.contains('refine-open');
  document.body.classList.toggle('refine-open', open);
  $('#refine-toggle').setAttribute('aria-expanded', String(open));
});
$('#home').addEventListener('click', (e) => {
  if (!plainClick(e)) return;
  e.preventDefault();
  go(defaultState());
});

// ---------------------------------------------------------------------------------------------

history.replaceState(null, '', urlFromState(state));
render();
