# dateline-serve's HTTP API (query/serve/API.md) over real HTTP on 127.0.0.1, against
# dateline-query on the same database: GET and POST /api/search equal `dateline-query --format json`
# for the same options (parsed_query aside: the server's workers are prepared for many searches, as
# --batch is) and equal the `--batch` answer to the same JSON object exactly; POST /api/batch equals
# `--batch - --jobs 1` line by line; /api/timeline and /api/stats equal --timeline and --stats.
# Every error status and code (bad_query with the CLI's message, bad_request, 401, 404, 405, 413,
# 503 unavailable and over_time_budget); limits at their boundaries; hostile requests (never a
# 500, never a file); security headers, CORS, tokens, --bind; the web page; articles (the indexed
# text), export (every match, as the CLI's jsonl/csv), suggest, health; the access log and
# --quiet; SIGTERM with an export in flight and with idle keep-alive connections.
# On the sample corpus (plus tests/fixtures/serve-api/odd_ids.jsonl), and on Reuters-21578 when
# ../shared holds it (that half is skipped otherwise; a made-up corpus then serves the SIGTERM case).
import csv
import io
import json
import os
import re
import signal
import socket
import select
import time
import urllib.parse

import serve_lib as L
from serve_lib import Params as P

L.need_server()
C = L.Checker()
WORK = L.WORK
ODD = os.path.join(L.SRC, "tests/fixtures/serve-api/odd_ids.jsonl")
SEC_HEADERS = {"content-security-policy", "x-content-type-options", "referrer-policy"}
ALIASES = {"query": '"q"', "facets": '"facet"', "filters": '"filter"'}  # the names of one key
BOOL_WORDS = [("true", "false"), ("1", "0"), ("yes", "no")]
every_response = []  # (server label, method, path, Response) of every request made below


def request(srv, method, path, body=None, headers=None, label="sample", **kw):
    r = srv.request(method, path, body=body, headers=headers, **kw)
    every_response.append((label, method, path, r))
    return r


def get(srv, path, **kw):
    return request(srv, "GET", path, **kw)


def post(srv, path, body, **kw):
    return request(srv, "POST", path, body=body, **kw)


def expect_error(srv, method, path, status, code, body=None, message=None, contains=None,
                 headers=None, label="sample"):
    """The request answers `status` with {"error": {"code": code, "message": …}}."""
    what = f"{method} {path[:200]}" + (f" body {L.short(body, 200)}" if body is not None else "")
    r = request(srv, method, path, body=body, headers=headers, label=label)
    if not C.check(r.status == status, f"{what}: status {r.status}, expected {status}: {r.body[:300]!r}"):
        return r
    try:
        got_code, got_msg = r.error()
    except Exception as e:  # noqa: BLE001
        C.check(False, f"{what}: error body is not {{\"error\":{{\"code\",\"message\"}}}}: {r.body[:300]!r} ({e})")
        return r
    C.check(got_code == code, f"{what}: code {got_code!r}, expected {code!r}")
    C.check(isinstance(got_msg, str) and got_msg, f"{what}: empty message")
    if message is not None:
        C.check(got_msg == message, f"{what}: message {got_msg!r}, expected (dateline-query's) {message!r}")
    if contains is not None:
        names = {contains, ALIASES.get(contains, contains)}
        C.check(any(n.lower() in got_msg.lower() for n in names), f"{what}: message {got_msg!r} does not name {contains!r}")
    C.check(r.headers.get("content-type", "").startswith("application/json"),
            f"{what}: error Content-Type {r.headers.get('content-type')!r}")
    return r


# ---------------------------------------------------------------------------------------------
# Search battery: GET, POST (object form) and dateline-query --format json


without = L.without


def battery(srv, db, cases, label):
    """Each case: GET and POST equal dateline-query --format json for the same options, but for
    parsed_query (documented as unstable: the server's workers are prepared for many searches, so
    it shows Bm25TermSource(Zoil) for Zoil@1), and equal the --batch answer to the same JSON
    object exactly, parsed_query included (--batch prepares its database the same way)."""
    lines = [json.dumps(p.json_object(), ensure_ascii=False) for p in cases]
    rc, out, err = L.cli(db, ["--batch", "-", "--jobs", "1"], stdin=("\n".join(lines) + "\n").encode())
    batch = [json.loads(l) for l in out.decode().splitlines()]
    C.check(len(batch) == len(cases), f"{label}: dateline-query --batch answered {len(batch)} of {len(cases)} lines: {err}")
    for i, p in enumerate(cases):
        with C.case(f"{label} search {p}"):
            args = ["--format", "json", *p.cli_args()]
            rc, out, err = L.cli(db, args)
            if not C.check(rc in (0, 1), f"{label}: dateline-query {args}: exit {rc}: {err}"):
                continue
            want = json.loads(out)
            want_b = without(batch[i], "line", "exit") if i < len(batch) else {}
            C.equal(without(want_b, "parsed_query"), without(want, "parsed_query"),
                    f"dateline-query --batch line {lines[i]} vs dateline-query {' '.join(args)}")
            path = p.path(bool_words=BOOL_WORDS[i % 3])
            r = get(srv, path, label=label)
            if C.check(r.status == 200, f"GET {path}: status {r.status}: {r.body[:300]!r}"):
                C.check(r.headers.get("content-type") == "application/json; charset=utf-8",
                        f"GET {path}: Content-Type {r.headers.get('content-type')!r}")
                got = r.json()
                C.equal(without(got, "parsed_query"), without(want, "parsed_query"),
                        f"GET {path} vs dateline-query {' '.join(args)} (parsed_query aside)")
                C.equal(got, want_b, f"GET {path} vs dateline-query --batch line {lines[i]}")
            body = p.json_object("q" if i % 4 == 3 else "query")
            r = post(srv, "/api/search", body, label=label)
            if C.check(r.status == 200, f"POST /api/search {json.dumps(body)}: status {r.status}: {r.body[:300]!r}"):
                C.equal(r.json(), want_b, f"POST /api/search {json.dumps(body, ensure_ascii=False)} vs dateline-query --batch line")


def batch_check(srv, db, lines, label):
    body = "\n".join(lines) + "\n"
    with C.case(f"{label} batch"):
        rc, out, err = L.cli(db, ["--batch", "-", "--jobs", "1"], stdin=body.encode())
        want = [json.loads(l) for l in out.decode().splitlines()]
        C.check(len(want) == sum(1 for l in lines if l.strip()), f"{label}: dateline-query --batch wrote {len(want)} lines: {err}")
        C.check(any(w.get("exit") == 0 for w in want) and any(w.get("exit") == 2 for w in want),
                f"{label}: the batch should hold found and failing lines: {[w.get('exit') for w in want]}")
        r = post(srv, "/api/batch", body, headers={"Content-Type": "application/x-ndjson"}, label=label)
        if not C.check(r.status == 200, f"POST /api/batch ({label}): status {r.status}: {r.body[:300]!r}"):
            return
        C.check(r.headers.get("content-type", "").startswith("application/x-ndjson"),
                f"POST /api/batch: Content-Type {r.headers.get('content-type')!r}")
        got = r.json_lines()
        C.check(len(got) == len(want), f"POST /api/batch ({label}): {len(got)} lines, dateline-query --batch {len(want)}")
        for n, (g, w) in enumerate(zip(got, want), 1):
            C.equal(g, w, f"POST /api/batch ({label}) answer line {n} vs dateline-query --batch - --jobs 1")


def timeline_check(srv, db, cases, label):
    for p in cases:
        with C.case(f"{label} timeline {p}"):
            args = ["--timeline", "--format", "json", *p.cli_args()]
            rc, out, err = L.cli(db, args)
            if not C.check(rc in (0, 1), f"dateline-query {args}: exit {rc}: {err}"):
                continue
            want = json.loads(out)
            C.check(want.get("timeline"), f"dateline-query {args}: an empty timeline tests little")
            path = p.path("/api/timeline")
            r = get(srv, path, label=label)
            if C.check(r.status == 200, f"GET {path}: status {r.status}: {r.body[:300]!r}"):
                C.equal(without(r.json(), "parsed_query"), without(want, "parsed_query"),
                        f"GET {path} vs dateline-query {' '.join(args)} (parsed_query aside)")
                s = get(srv, p.path(), label=label)
                if s.status == 200:
                    C.check(r.json().get("parsed_query") == s.json().get("parsed_query"),
                            f"GET {path}: parsed_query differs from /api/search's for the same query")


def stats_check(srv, db, label):
    with C.case(f"{label} stats"):
        want = L.cli_json(db, ["--stats", "--format", "json"])
        r = get(srv, "/api/stats", label=label)
        if not C.check(r.status == 200, f"GET /api/stats: {r.status} {r.body[:300]!r}"):
            return
        got = r.json()
        # Both were given the same absolute --db path.
        if got.get("database") != want.get("database"):
            L.log(f"NOTE: /api/stats database {got.get('database')!r}, dateline-query {want.get('database')!r}")
        C.check("database" in got, "GET /api/stats: no database field")
        g, w = dict(got), dict(want)
        g.pop("database", None), w.pop("database", None)
        C.equal(g, w, f"GET /api/stats vs dateline-query --stats --format json (database field aside)")
        h = get(srv, "/api/health", label=label)
        if C.check(h.status == 200, f"GET /api/health: {h.status}"):
            hj = h.json()
            C.check(set(hj) >= {"status", "schema_version", "articles", "revision"}, f"/api/health keys: {hj}")
            C.check(hj.get("status") == "ok" and hj.get("schema_version") == 1, f"/api/health: {hj}")
            C.check(hj.get("articles") == want["articles"], f"/api/health articles {hj.get('articles')} != stats {want['articles']}")
            C.check(isinstance(hj.get("revision"), int) and hj["revision"] >= 1, f"/api/health revision: {hj}")


def first_line_diff(a, b):
    la, lb = a.decode("utf-8", "replace").split("\n"), b.decode("utf-8", "replace").split("\n")
    for n, (x, y) in enumerate(zip(la, lb), 1):
        if x != y:
            return f"line {n}: {x[:200]!r} != {y[:200]!r}"
    return f"{len(la)} lines != {len(lb)} lines"


def paged_ids(srv, p, total, label):
    """Every hit of p (snippet_length 0) through /api/search pages of 1,000."""
    hits = []
    for off in range(0, max(total, 1), 1000):
        q = P(p.q, *p.pairs, limit=1000, offset=off, snippet_length=0)
        r = get(srv, q.path(), label=label)
        if not C.check(r.status == 200, f"GET {q.path()}: {r.status}"):
            return None
        hits += r.json()["hits"]
    return hits


def export_check(srv, db, p, label):
    """/api/export holds every match of p, in order, as the CLI's jsonl and csv hit rows."""
    with C.case(f"{label} export {p}"):
        r = get(srv, P(p.q, *p.pairs, limit=1000, snippet_length=0).path(), label=label)
        total = r.json()["total"]
        if not r.json()["total_exact"]:  # (with collapse: an estimate unless the page holds all)
            C.check(False, f"GET {P(p.q, *p.pairs, limit=1000).path()}: total_exact false")
        C.check(total > 0, f"export {p}: the query matches nothing")
        hits = paged_ids(srv, p, total, label)
        if hits is None:
            return
        ids = [h["id"] for h in hits]
        C.check(len(ids) == total == len(set(ids)), f"paged search {p}: {len(ids)} hits ({len(set(ids))} distinct), total {total}")
        # jsonl
        path = p.path("/api/export") + "&format=jsonl"
        t = time.monotonic()
        r = get(srv, path, label=label, timeout=120)
        L.log(f"{label}: GET {path[:80]} {r.status}, {len(r.body)} bytes in {time.monotonic() - t:.2f} s")
        if C.check(r.status == 200, f"GET {path}: {r.status} {r.body[:300]!r}"):
            C.check(r.headers.get("content-type", "").startswith("application/x-ndjson"),
                    f"GET {path}: Content-Type {r.headers.get('content-type')!r}")
            lines = r.json_lines()
            got_hits = [l for l in lines if l.get("type") == "hit"]
            C.check(lines and lines[-1].get("type") == "summary", f"GET {path}: the last line is not the summary: {L.short(lines[-1:])}")
            C.check(len(lines) == len(got_hits) + 1, f"GET {path}: {len(lines)} lines for {len(got_hits)} hits (hits, then one summary)")
            C.check(len(got_hits) == total, f"GET {path}: {len(got_hits)} hits, the search's total is {total}")
            C.check([h["id"] for h in got_hits] == ids, f"GET {path}: ids (in order) differ from the paged search's")
            C.check(set(h["id"] for h in got_hits) == set(ids), f"GET {path}: the set of ids differs from the paged search's")
            if lines and lines[-1].get("type") == "summary":
                C.check(lines[-1].get("total") == total, f"GET {path}: summary total {lines[-1].get('total')} != {total}")
            # The hit lines are the CLI's --format jsonl hit lines (snippet_length 0 by default here).
            rc, out, err = L.cli(db, ["--format", "jsonl", "--limit", "4294967295", "--snippet-length", "0", *p.cli_args()])
            want_hits = [json.loads(l) for l in out.decode().splitlines() if json.loads(l).get("type") == "hit"]
            C.check(len(want_hits) == total, f"dateline-query --format jsonl {p}: {len(want_hits)} hits")
            for n, (g, w) in enumerate(zip(got_hits, want_hits)):
                if not C.equal(g, w, f"GET {path} hit line {n + 1} vs dateline-query --format jsonl"):
                    break
            # and the paged search's hits (same fields but "type")
            for n, (g, w) in enumerate(zip(got_hits, hits)):
                g = dict(g)
                g.pop("type", None)
                if not C.equal(g, w, f"GET {path} hit line {n + 1} vs /api/search page hit"):
                    break
        # csv
        path = p.path("/api/export") + "&format=csv"
        r = get(srv, path, label=label, timeout=120)
        if C.check(r.status == 200, f"GET {path}: {r.status} {r.body[:300]!r}"):
            C.check(r.headers.get("content-type", "").startswith("text/csv"), f"GET {path}: Content-Type {r.headers.get('content-type')!r}")
            rows = list(csv.reader(io.StringIO(r.text(), newline="")))
            C.check(rows and rows[0][:2] == ["id", "rank"], f"GET {path}: header {rows[:1]}")
            C.check(len(rows) - 1 == total, f"GET {path}: {len(rows) - 1} rows, the search's total is {total}")
            C.check([row[0] for row in rows[1:]] == ids, f"GET {path}: ids (in order) differ from the paged search's")
            rc, out, err = L.cli(db, ["--format", "csv", "--limit", "4294967295", "--snippet-length", "0", *p.cli_args()])
            C.check(r.body == out, f"GET {path} differs from dateline-query --format csv --snippet-length 0 "
                                   f"({len(r.body)} vs {len(out)} bytes; {first_line_diff(r.body, out)})")


# ---------------------------------------------------------------------------------------------
# The sample corpus

# Reuters is indexed meanwhile (it takes the longest: 20 s on two idle cores, much more when busy).
reuters_db = os.path.join(WORK, "reuters.db")
reuters_indexing = L.IndexInBackground(reuters_db, L.REUTERS, args=L.REUTERS_INDEX_ARGS) if L.REUTERS else None
sample_db = os.path.join(WORK, "sample.db")
L.index(sample_db, L.SAMPLE, ODD)
records = L.read_jsonl(L.SAMPLE) + L.read_jsonl(ODD)
by_id = {r["id"]: r for r in records}
srv = L.Server(sample_db)
L.log("sample server:", srv.listen_line)
C.check(re.search(r"\(.*, 76 articles, \d+ threads\)", srv.listen_line),
        f"listening line does not say (DB, 76 articles, T threads): {srv.listen_line}")

fac_all = [("facet", f) for f in ("source", "tag", "date", "lang", "person", "org", "place", "site")]
SAMPLE_CASES = [
    P("putin"),
    P(""),
    P("title:merkel"),
    P('"nord stream"'),
    P("oil OR gas", facet="source,tag", limit=5),
    P("putin AND NOT merkel"),
    P("sanctions -germany +ukraine"),
    P("(inflation OR prices) date:2021"),
    P("date:2020-03-01..2020-06-30", sort="newest"),
    P("date:2021-06..", sort="oldest", limit=20),
    P("date:..2020-06", facet="date"),
    P("infla*"),
    P("s*", max_expansion=3, limit=0),
    P("tag:vlad*", max_expansion=10000),
    P("source:baltic-wire"),
    P("person:putin"),
    P("putin NEAR kremlin"),
    P("author:stefan"),
    P("site:balticwire.com"),
    P("id:sample-001"),
    P("", *fac_all, facet_limit=0),
    P("russia", *fac_all),
    P("", facet="date", bucket="month"),
    P("", facet="date", bucket="week"),
    P("", facet="date", bucket="day", filter="date:2021-03"),
    P("", facet="date", bucket="year"),
    P("", facet="date", bucket="auto"),
    P("", facet="tag", facet_type="person"),
    P("", facet="tag", facet_type="organization", facet_limit=0),
    P("", facet="tag", facet_type="place", facet_limit=3),
    P("", facet="tag", facet_type="org"),
    P("", facet="tag", facet_limit=3),
    P("putin", filter="lang:en"),
    P("", ("filter", "-source:baltic-wire"), facet="source", facet_limit=0),
    P("", ("filter", "-lang:en"), ("filter", "-source:elbe-kurier"), facet="source,lang"),
    P("", ("filter", "source:daily-meridian"), ("filter", "date:2021")),
    P("", filter='tag:"european union"'),
    P("", filter="person:putin", facet="person"),
    P("", filter="date:2021-03-01..2021-06-30"),
    P("", limit=5, offset=10, sort="newest"),
    P("", limit=0, facet="source"),
    P("", limit=1000, snippet_length=0),
    P("", offset=4294967295, limit=5),
    P("", collapse=True, limit=100, snippet_length=0),
    P("oil", collapse=False),
    P("oil harvest", collapse=True, facet="source"),
    P("oil", recency="30d"),
    P("oil", recency="2w", now="2021-01-01"),
    P("inflation", recency="1y", now="2021", sort="relevance"),
    P("", like="sample-001"),
    P("russia", like="sample-010", facet="source"),
    P("präsident", lang="de"),
    P("президент", lang="ru"),
    P("putin", snippet_length=0),
    P("putin", snippet_length=40),
    P("inflatoin"),
    P("inflatoin", suggest_below=10),
    P("inflatoin", auto_correct=True),
    P("Kremllin navalni", auto_correct=True, facet="source"),
    P("inflatoin", suggest_below=0),
    P("putin", entity_aliases=False),
    P("putin", entity_aliases=True),
    P("путин", facet="person"),
    P("kremlin", facet="org", sort="relevance"),
    P("quixotic", facet="source,site"),
]
L.log(f"sample battery: {len(SAMPLE_CASES)} requests, each GET and POST")
battery(srv, sample_db, SAMPLE_CASES, "sample")

# Plain query text, JSON objects of every key, an empty line, failing lines.
batch_check(srv, sample_db, [
    "putin",
    json.dumps({"query": "oil", "facets": ["source", "date"], "limit": 3}),
    "",
    json.dumps({"q": "inflation", "sort": "newest", "filters": ["lang:en"], "collapse": True}),
    json.dumps({"query": "", "facets": "tag", "facet_limit": 3, "facet_type": "person", "limit": 0}),
    json.dumps({"query": "oil", "recency": "30d", "now": "2021-06-01", "snippet_length": 30}),
    json.dumps({"query": "", "like": "sample-001", "limit": 3}),
    json.dumps({"query": "präsident", "lang": "de", "bucket": "month", "facets": ["date"]}),
    json.dumps({"query": "inflatoin", "auto_correct": True, "suggest_below": 5}),
    json.dumps({"query": "s*", "max_expansion": 2, "entity_aliases": False, "offset": 1}),
    "oil AND",
    json.dumps({"query": "oil", "bogus": 1}),
    "{not json",
    json.dumps({"limit": "5"}),
    "nothingmatchesthisword",
], "sample")

timeline_check(srv, sample_db, [
    P(""), P("oil", bucket="month"), P("putin", filter="lang:en", bucket="week"),
    P("inflation", bucket="year"), P("", filter="-source:baltic-wire", bucket="day"),
], "sample")
stats_check(srv, sample_db, "sample")

# -- errors: bad_query (the CLI's message), bad_request, 404, 405, 413
with C.case("bad_query"):
    wild = " ".join(f"w{i}*" for i in range(65))
    for q in ["1..5", "oil AND", "date:abc", "date:2020-13", "(oil OR) AND", wild]:
        msg = L.cli_error(sample_db, ["--", q])
        expect_error(srv, "GET", P(q).path(), 400, "bad_query", message=msg)
        expect_error(srv, "POST", "/api/search", 400, "bad_query", body={"query": q}, message=msg)
        expect_error(srv, "GET", P(q).path("/api/timeline"), 400, "bad_query", message=msg)
        expect_error(srv, "GET", P(q).path("/api/export") + "&format=jsonl", 400, "bad_query", message=msg)

with C.case("structured queries"):
    # POST /api/search with "query" a JSON query object (query/OUTPUT.md): the CLI's
    # --query-json document (parsed_query aside, as above), the --batch answer to the same object
    # exactly, and the hits and totals of the equivalent text query; a bad one is bad_query with
    # the CLI's message, which names the bad node's path.
    structured = [
        ({"all": [{"words": "putin"}, {"minus": {"words": "kremlin"}}, {"field": "lang", "value": "en"}]},
         "putin -kremlin lang:en", {"limit": 5, "facets": ["source"]}, ["--limit", "5", "--facet", "source"]),
        ({"and": [{"words": "inflation"}, {"date": {"from": "2020-03", "to": "2021-04"}},
                  {"not": {"field": "source", "value": "baltic-wire"}}]},
         "inflation AND date:2020-03..2021-04 AND NOT source:baltic-wire", {"sort": "newest"}, ["--sort", "newest"]),
        ({"or": [{"phrase": "central bank"}, {"wildcard": "infla"}]}, '"central bank" OR infla*', {}, []),
    ]
    for obj, text, extra, extra_args in structured:
        body = {"query": obj, **extra}
        args = ["--format", "json", "--query-json", json.dumps(obj), *extra_args]
        want = L.cli_json(sample_db, args)
        rc, out, err = L.cli(sample_db, ["--batch", "-", "--jobs", "1"], stdin=(json.dumps(body) + "\n").encode())
        want_b = without(json.loads(out), "line", "exit")
        r = post(srv, "/api/search", body)
        if C.check(r.status == 200, f"POST /api/search {json.dumps(body)}: status {r.status}: {r.body[:300]!r}"):
            got = r.json()
            C.equal(without(got, "parsed_query"), without(want, "parsed_query"),
                    f"POST /api/search {json.dumps(body)} vs dateline-query {' '.join(args)}")
            C.equal(got, want_b, f"POST /api/search {json.dumps(body)} vs its --batch line")
            text_r = post(srv, "/api/search", {"query": text, **extra}).json()
            C.check(got["total"] > 0, f"POST /api/search {json.dumps(body)}: finds nothing (a weak case)")
            C.equal(without(got, "query"), without(text_r, "query"),
                    f"POST /api/search {json.dumps(body)} vs the text {text!r}")
    for obj in [{"and": [{"words": "oil"}, {"date": {"to": "2020-02-30"}}]}, {"or": []},
                {"words": "oil", "field": "tag"}, {"not": [1]}]:
        msg = L.cli_error(sample_db, ["--query-json", json.dumps(obj)])
        C.check(msg.split(":")[0] in ("and[1].date.to", "or", "field", "not"), f"CLI message {msg!r} names no path")
        expect_error(srv, "POST", "/api/search", 400, "bad_query", body={"query": obj}, message=msg)
    expect_error(srv, "POST", "/api/search", 400, "bad_request", body={"query": 5}, contains="query")

with C.case("bad filters"):
    # A bad filter is the CLI's usage or query error; either code, the CLI's message.
    for f in ["bogus:x", "date:2020-13", "source:", "nocolon"]:
        msg = L.cli_error(sample_db, ["--filter", f, "oil"])
        r = get(srv, P("oil", filter=f).path())
        C.check(r.status == 400, f"GET {P('oil', filter=f).path()}: {r.status}, expected 400")
        if r.status == 400:
            code, m = r.error()
            C.check(code in ("bad_request", "bad_query"), f"filter {f}: code {code}")
            C.check(m == msg or f in m, f"filter {f}: message {m!r} (dateline-query: {msg!r})")

with C.case("bad_request"):
    bad_params = [
        ("/api/search?q=oil&bogus=1", "bogus"),
        ("/api/search?q=oil&limt=5", "limt"),
        ("/api/search?q=oil&sort=sideways", "sort"),
        ("/api/search?q=oil&limit=abc", "limit"),
        ("/api/search?q=oil&limit=-1", "limit"),
        ("/api/search?q=oil&limit=", "limit"),
        ("/api/search?q=oil&limit=1.5", "limit"),
        ("/api/search?q=oil&offset=99999999999", "offset"),
        ("/api/search?q=oil&offset=-5", "offset"),
        ("/api/search?q=oil&collapse=maybe", "collapse"),
        ("/api/search?q=oil&auto_correct=2", "auto_correct"),
        ("/api/search?q=oil&entity_aliases=", "entity_aliases"),
        ("/api/search?q=oil&facet=bogus", "bogus"),
        ("/api/search?q=oil&facet=source,bogus", "bogus"),
        ("/api/search?q=oil&bucket=fortnight&facet=date", "fortnight"),
        ("/api/search?q=oil&facet_type=animal&facet=tag", "animal"),
        ("/api/search?q=oil&recency=soon", "soon"),
        ("/api/search?q=oil&recency=1d&now=yesterday", "yesterday"),
        ("/api/search?q=oil&max_expansion=0", None),
        ("/api/search?q=oil&max_expansion=10001", None),
        ("/api/search?q=oil&snippet_length=x", "snippet_length"),
        ("/api/timeline?q=oil&bucket=x", "x"),
        ("/api/timeline?q=oil&zzz=1", "zzz"),
        ("/api/export?q=oil&format=xml", "xml"),
        ("/api/export?q=oil&format=jsonl&limit=5", "limit"),
        ("/api/export?q=oil&format=jsonl&offset=5", "offset"),
        ("/api/export?q=oil&format=csv&bogus=1", "bogus"),
        ("/api/suggest?prefix=put&limit=-1", "limit"),
        ("/api/suggest?prefix=put&zzz=1", "zzz"),
    ]
    for path, name in bad_params:
        expect_error(srv, "GET", path, 400, "bad_request", contains=name)
    bad_bodies = [
        ({"query": "oil", "bogus": 1}, "bogus"),
        ({"query": 5}, "query"),
        ({"query": "oil", "limit": "5"}, "limit"),
        ({"query": "oil", "limit": -1}, "limit"),
        ({"query": "oil", "limit": 1.5}, "limit"),
        ({"query": "oil", "collapse": "yes"}, "collapse"),
        ({"query": "oil", "facets": [1]}, "facets"),
        ({"query": "oil", "facets": ["bogus"]}, "bogus"),
        ({"query": "oil", "filters": {"a": 1}}, "filters"),
        ({"query": "oil", "sort": "sideways"}, "sort"),
        ("[1, 2]", None), ('"oil"', None), ("null", None), ("42", None), ("{", None),
        ("{\"query\": \"oil\"} trailing", None), ("", None), (b"\xff\xfe", None),
        ("[" * 100000 + "]" * 100000, None), ("{\"a\":" * 50000 + "1" + "}" * 50000, None),
    ]
    for body, name in bad_bodies:
        expect_error(srv, "POST", "/api/search", 400, "bad_request", body=body, contains=name)

with C.case("like unknown id"):
    r = get(srv, P("", like="no-such-article").path())
    C.check(r.status in (400, 404), f"GET ...like=no-such-article: {r.status}, expected 400 or 404: {r.body[:200]!r}")
    if r.status in (400, 404):
        C.check("no-such-article" in r.error()[1], f"like=no-such-article: message {r.error()[1]!r}")

with C.case("404"):
    expect_error(srv, "GET", "/api/articles/no-such-article", 404, "not_found")
    expect_error(srv, "GET", "/api/articles/sample-001x", 404, "not_found")
    for path in ["/api/nope", "/api/", "/api", "/api/searchx", "/api/search/extra", "/api/articles",
                 "/api/articles/", "/api/stats/x", "/api/../api/nope"]:
        r = get(srv, path)
        C.check(r.status in (404,), f"GET {path}: {r.status}, expected 404: {r.body[:200]!r}")
        if r.status == 404:
            C.check(r.error()[0] == "not_found", f"GET {path}: code {r.error()[0]}")

with C.case("405"):
    for method, path in [("DELETE", "/api/search"), ("PUT", "/api/search"), ("PATCH", "/api/search?q=oil"),
                         ("DELETE", "/api/articles/sample-001"), ("PUT", "/api/articles/sample-001"),
                         ("POST", "/api/health"), ("POST", "/api/stats"), ("POST", "/api/timeline"),
                         ("POST", "/api/suggest?prefix=put"), ("POST", "/api/export?format=csv"),
                         ("GET", "/api/batch"), ("DELETE", "/api/batch")]:
        expect_error(srv, method, path, 405, "method_not_allowed",
                     body="{}" if method in ("PUT", "PATCH") else None)

with C.case("413"):
    # query text: 4,096 bytes pass, 4,097 do not (GET, POST, timeline, export, batch line)
    q4096 = ("oil " * 1024)[:4096]
    q4097 = q4096 + "x"
    r = get(srv, P(q4096).path())
    C.check(r.status == 200, f"GET a 4096-byte query: {r.status} {r.body[:200]!r}")
    expect_error(srv, "GET", P(q4097).path(), 413, "too_large")
    expect_error(srv, "POST", "/api/search", 413, "too_large", body={"query": q4097})
    expect_error(srv, "GET", P(q4097).path("/api/timeline"), 413, "too_large")
    expect_error(srv, "GET", P(q4097).path("/api/export") + "&format=jsonl", 413, "too_large")
    multibyte = "путин " * 400  # 4,400 bytes, 2,400 characters
    expect_error(srv, "POST", "/api/search", 413, "too_large", body={"query": multibyte})
    # limit: 1,000 pass, 1,001 do not
    r = get(srv, "/api/search?q=&limit=1000&snippet_length=0")
    C.check(r.status == 200, f"GET limit=1000: {r.status}")
    expect_error(srv, "GET", "/api/search?q=&limit=1001", 413, "too_large")
    expect_error(srv, "GET", "/api/search?q=&limit=4294967295", 413, "too_large")
    expect_error(srv, "POST", "/api/search", 413, "too_large", body={"query": "", "limit": 1001})
    # batch lines: 1,000 pass, 1,001 do not
    lines = [json.dumps({"query": w, "limit": 0}) for w in ["oil", "putin", "inflation", "zzz"] * 250]
    r = post(srv, "/api/batch", "\n".join(lines) + "\n", timeout=120)
    C.check(r.status == 200 and len(r.json_lines()) == 1000, f"POST /api/batch of 1000 lines: {r.status}, {len(r.body)} bytes")
    expect_error(srv, "POST", "/api/batch", 413, "too_large", body="\n".join(lines + ["oil"]) + "\n")
    expect_error(srv, "POST", "/api/batch", 413, "too_large", body="\n".join(lines + ["{\"query\": \"" + q4097 + "\"}"]) + "\n")

def post_raw(srv, path, body, content_type="application/json"):
    """POST over a raw socket, stopping the upload as soon as the server answers (a server may
    answer 413 before reading a large body). Returns (status, headers dict, body bytes)."""
    s = socket.create_connection((L.HOST, srv.port), timeout=30)
    try:
        s.sendall(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {content_type}\r\n"
                  f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode())
        sent = 0
        while sent < len(body):
            readable, writable, _ = select.select([s], [s], [], 30)
            if readable:
                break
            if writable:
                try:
                    sent += s.send(body[sent:sent + 65536])
                except (BrokenPipeError, ConnectionResetError):
                    break
        data = b""
        while True:
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            data += chunk
    finally:
        s.close()
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if lines and len(lines[0].split()) > 1 else 0
    hdrs = {l.split(":", 1)[0].strip().lower(): l.split(":", 1)[1].strip() for l in lines[1:] if ":" in l}
    if hdrs.get("transfer-encoding", "").lower() == "chunked":
        out, buf = b"", rest
        while buf:
            size_line, _, buf = buf.partition(b"\r\n")
            n = int(size_line.split(b";")[0] or b"0", 16)
            if n == 0:
                break
            out, buf = out + buf[:n], buf[n + 2:]
        rest = out
    return status, hdrs, rest


with C.case("413 body"):
    mib = 1 << 20
    exact = b'{"query": "oil"}' + b" " * (mib - len(b'{"query": "oil"}'))
    st, h, b = post_raw(srv, "/api/search", exact)
    C.check(st == 200, f"POST /api/search with a body of exactly 1 MiB: {st} {b[:200]!r}")
    for path in ["/api/search", "/api/batch"]:
        st, h, b = post_raw(srv, path, exact + b" ")
        C.check(st == 413, f"POST {path} with a body of 1 MiB + 1 byte: {st}, expected 413: {b[:200]!r}")
        if st == 413:
            try:
                C.check(json.loads(b)["error"]["code"] == "too_large", f"POST {path} 1 MiB + 1: {b[:200]!r}")
            except ValueError:
                C.check(False, f"POST {path} 1 MiB + 1: the 413 body is not a JSON error: {b[:200]!r}")
    st, h, b = post_raw(srv, "/api/search", b'{"query": "' + b"a" * (8 * mib) + b'"}')
    C.check(st == 413, f"POST /api/search with an 8 MiB body: {st}, expected 413")
    C.check(srv.alive(), "the server died on an 8 MiB body")

# -- hostile requests: never a 500, never a file
with C.case("garbage"):
    garbage = [
        "/api/search?q=%ff%fe", "/api/search?q=%ff%fe%20oil", "/api/search?q=%00", "/api/search?q=a%00b",
        "/api/search?q=%E0%80%80", "/api/search?q=%C0%AF", "/api/search?q=%ED%A0%80",
        "/api/search?q=%zz", "/api/search?q=%", "/api/search?q=oil&q=gas", "/api/search?q",
        "/api/search?&&&", "/api/search?=oil", "/api/search?q=oil&limit=0x10", "/api/search?q=oil&limit=1e3",
        "/api/search?q=oil&limit=99999999999999999999999", "/api/search?q=oil&offset=18446744073709551616",
        "/api/search?q=oil&offset=4294967295&limit=1000", "/api/search?q=oil&facet=", "/api/search?q=oil&facet=,,",
        "/api/search?q=oil&filter=", "/api/search?q=oil&filter=-", "/api/search?q=oil&filter=date:..",
        "/api/search?q=oil&filter=date:2021..2020", "/api/search?q=oil&now=2021-99-99&recency=1d",
        "/api/search?q=oil&recency=0d", "/api/search?q=oil&recency=-1d", "/api/search?q=oil&recency=99999999y",
        "/api/search?q=oil&lang=%ff", "/api/search?q=oil&lang=../../etc", "/api/search?q=oil&like=%ff",
        "/api/search?q=" + "(" * 2000, "/api/search?q=" + "%22" * 3000, "/api/search?q=" + "-" * 4000,
        "/api/search?q=" + urllib.parse.quote("a NEAR/999999999 b"), "/api/search?q=" + urllib.parse.quote("date:0000..9999"),
        "/api/search?q=" + urllib.parse.quote("date:1970-01-01..2100-12-31"), "/api/search?q=" + urllib.parse.quote("*"),
        "/api/search?q=" + urllib.parse.quote("tag:*"), "/api/search?q=" + urllib.parse.quote('"" AND ""'),
        "/api/search?q=" + urllib.parse.quote("\u202e\u0000\ufeff\U0001F600 NOT NOT NOT"),
        "/api/articles/%ff", "/api/articles/%00", "/api/articles/..%2F..%2Fetc%2Fpasswd", "/api/articles/" + "a" * 3000,
        "/api/suggest", "/api/suggest?prefix=", "/api/suggest?prefix=%ff", "/api/suggest?prefix=%00",
        "/api/suggest?prefix=" + "a" * 4000, "/api/suggest?prefix=put&limit=99999999999", "/api/suggest?prefix=put&limit=0",
        "/api/timeline?q=%ff", "/api/timeline?q=oil&bucket=", "/api/export", "/api/export?format=",
        "/api/export?q=%ff&format=csv", "/api/health?x=1", "/api/stats?x=%ff",
    ]
    for path in garbage:
        r = get(srv, path, timeout=60)
        C.check(r.status < 500, f"GET {path[:200]}: {r.status} {r.body[:200]!r}")
        if r.status >= 400 and path.startswith("/api/"):
            try:
                r.error()
            except Exception:  # noqa: BLE001
                C.check(False, f"GET {path[:200]}: {r.status} without a JSON error body: {r.body[:200]!r}")
    for body in [b"\xff\xfe", b"{\"query\": \"\xff\"}\n\xc0\xaf\n", "oil\x00gas", "\n\n\n", "{\"query\": \"" + "x" * 5000 + "\"}", "[[[[[[[[",
                 "{\"query\": \"oil\", \"facets\": \"" + ",".join(["source"] * 500) + "\"}"]:
        r = post(srv, "/api/batch", body)
        C.check(r.status < 500, f"POST /api/batch {L.short(body, 100)}: {r.status} {r.body[:200]!r}")
    C.check(srv.alive(), "the server died on garbage")

with C.case("bad UTF-8 in q equals the CLI"):
    for q in ["\udcff\udcfe oil"]:  # sent as raw bytes ff fe
        raw = q.encode("utf-8", "surrogateescape")
        r = get(srv, "/api/search?q=" + urllib.parse.quote_from_bytes(raw))
        C.check(r.status in (200, 400), f"GET q=%FF%FE%20oil: {r.status}")
        if r.status == 200:
            rc, out, err = L.cli(sample_db, ["--format", "json", "--", q.encode("utf-8", "surrogateescape").decode("utf-8", "surrogateescape")])
            C.equal(without(r.json(), "parsed_query"), without(json.loads(out), "parsed_query"),
                    "GET q=%FF%FE%20oil vs dateline-query (its replacement characters; parsed_query aside)")

with C.case("traversal and static files"):
    for path in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                 "/app.js/../../../../etc/passwd", "//etc/passwd", "/./../CMakeLists.txt", "/web/../../CMakeLists.txt",
                 "/query/serve/API.md", "/API.md", "/nope.html", "/index.html.bak", "/app.js~", "/%00", "/.git/config",
                 "/etc/passwd", "/static/../../../etc/passwd", "/....//....//etc/passwd", "/%252e%252e/etc/passwd",
                 "/..\\..\\etc\\passwd", "/api/../../../etc/passwd"]:
        r = get(srv, path)
        C.check(r.status == 404, f"GET {path}: {r.status}, expected 404")
        C.check(b"root:" not in r.body and b"cmake_minimum_required" not in r.body and b"[core]" not in r.body,
                f"GET {path}: the answer holds a file of the machine: {r.body[:200]!r}")
    r = get(srv, "/")
    C.check(r.status == 200 and r.headers.get("content-type", "").startswith("text/html"),
            f"GET /: {r.status} {r.headers.get('content-type')}")
    C.check(re.search(rb"<!doctype html|<html", r.body, re.I), f"GET /: not HTML: {r.body[:200]!r}")
    scripts = re.findall(rb'<script[^>]*src="([^"]+)"', r.body)
    r = get(srv, "/app.js")
    C.check(r.status == 200 and "javascript" in r.headers.get("content-type", ""),
            f"GET /app.js: {r.status} {r.headers.get('content-type')}")
    C.check(len(r.body) > 100, f"GET /app.js: {len(r.body)} bytes")
    for s in scripts:
        s = s.decode()
        if s.startswith("/") and not s.startswith("//"):
            r = get(srv, s)
            C.check(r.status == 200, f"GET {s} (a script of the page): {r.status}")
    r = request(srv, "HEAD", "/")
    C.check(r.status in (200, 405), f"HEAD /: {r.status}")

# -- raw protocol garbage: the server answers 4xx or closes, and lives on
with C.case("raw garbage"):
    for data in [b"GARBAGE\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"GET /api/health HTTP/1.1\r\nno colon here\r\n\r\n",
                 b"GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200000 + b"\r\n\r\n",
                 b"GET " + b"/api/search?q=" + b"a" * 100000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
                 b"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n{}",
                 b"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n{}",
                 b"POST /api/search HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                 b"POST /api/batch HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + b"100000\r\n" + b"x" * 10,
                 b"\x00\x01\x02\xff" * 1000, b"GET /api/health HTTP/1.1\r\n" + b"X: y\r\n" * 10000 + b"\r\n"]:
        out = srv.raw(data)
        m = re.match(rb"HTTP/1\.[01] (\d{3})", out)
        C.check(not m or int(m.group(1)) < 500, f"raw {data[:60]!r}…: answered {out[:100]!r}")
    C.check(srv.alive(), "the server died on raw garbage")
    r = get(srv, "/api/health")
    C.check(r.status == 200, f"/api/health after garbage: {r.status}")

# -- articles
with C.case("articles"):
    # What the indexer stored for each input record: `dateline-index --emit jsonl --dry-run`.
    rc, out, err = L.run([L.INDEX, "--db", os.path.join(WORK, "dry.db"), "--emit", "jsonl", "--dry-run", L.SAMPLE, ODD])
    emitted = {e["id"]: e for e in map(json.loads, out.decode().splitlines())}
    C.check(set(emitted) == set(by_id), f"--emit jsonl --dry-run: {len(emitted)} articles: {err}")
    for rec in records:
        path = "/api/articles/" + urllib.parse.quote(rec["id"], safe="")
        r = get(srv, path)
        if not C.check(r.status == 200, f"GET {path}: {r.status} {r.body[:200]!r}"):
            continue
        d = r.json()
        a = d.get("article", {})
        C.check(d.get("schema_version") == 1, f"GET {path}: schema_version {d.get('schema_version')}")
        C.check(a.get("id") == rec["id"], f"GET {path}: id {a.get('id')!r}")
        C.check(a.get("body") == rec["body"], f"GET {path}: body differs from the input's: {L.short(a.get('body'), 200)}")
        C.check(a.get("title") == rec["title"], f"GET {path}: title {a.get('title')!r} != {rec['title']!r}")
        C.check(a.get("source") == rec["source"], f"GET {path}: source {a.get('source')!r}")
        C.check(a.get("authors") == rec.get("authors", []), f"GET {path}: authors {a.get('authors')!r}")
        for k in ["id", "url", "title", "description", "source", "source_id", "published", "updated",
                  "authors", "language", "section", "tags", "body", "entities"]:
            C.check(k in a, f"GET {path}: no article.{k}")
        for k in ["cluster", "copies", "like"]:
            C.check(k in d, f"GET {path}: no {k}")
        e = emitted.get(rec["id"], {})
        for k in ["id", "url", "title", "description", "source", "source_id", "published", "updated",
                  "authors", "language", "section", "tags", "body"]:
            C.check(a.get(k) == e.get(k), f"GET {path}: article.{k} {L.short(a.get(k), 100)} is not the indexed {L.short(e.get(k), 100)}")
        C.check(sorted((x.get("name"), x.get("type"), x.get("count")) for x in a.get("entities", []))
                == sorted((x["name"], x["type"], x["count"]) for x in e.get("entities", [])),
                f"GET {path}: entities {L.short(a.get('entities'))} are not the indexed {L.short(e.get('entities'))}")
        ents = a.get("entities", [])
        C.check(all(isinstance(e.get("name"), str) and e.get("type") in ("person", "organization", "place", "other")
                    and isinstance(e.get("count"), int) and e["count"] >= 1 for e in ents), f"GET {path}: entities {L.short(ents)}")
    d = get(srv, "/api/articles/sample-001").json()
    names = {(e["name"], e["type"]) for e in d["article"]["entities"]}
    C.check({("Vladimir Putin", "person"), ("Angela Merkel", "person"), ("Moscow", "place")} <= names,
            f"/api/articles/sample-001 entities: {sorted(names)}")
    put = [e for e in d["article"]["entities"] if e["name"] == "Vladimir Putin"]
    C.check(put and put[0]["count"] >= 2, f"sample-001 mentions Putin several times: {put}")
    # copies: sample-017 and sample-018 are one story, so are sample-010 and sample-011
    for a, b in [("sample-018", "sample-017"), ("sample-017", "sample-018"), ("sample-011", "sample-010"), ("sample-010", "sample-011")]:
        d = get(srv, f"/api/articles/{a}").json()
        C.check(d.get("cluster") == min(a, b), f"/api/articles/{a}: cluster {d.get('cluster')}")
        cp = d.get("copies", [])
        C.check([c.get("id") for c in cp] == [b], f"/api/articles/{a}: copies {L.short(cp)}, expected [{b}]")
        if cp:
            C.check(set(cp[0]) >= {"id", "source", "url", "title", "published"}, f"/api/articles/{a}: copy keys {sorted(cp[0])}")
            C.check(cp[0].get("title") == by_id[b]["title"] and cp[0].get("source") == by_id[b]["source"],
                    f"/api/articles/{a}: copy {cp[0]}")
    d = get(srv, "/api/articles/sample-001").json()
    C.check(d.get("cluster") == "sample-001" and d.get("copies") == [], f"sample-001 has no copies: {d.get('cluster')} {d.get('copies')}")
    # like: the 5 best hits of --like ID
    for aid in ["sample-001", "sample-010", "sample-040", "odd/slash id"]:
        d = get(srv, "/api/articles/" + urllib.parse.quote(aid, safe="")).json()
        want = L.cli_json(sample_db, ["--format", "json", "--like", aid, "--limit", "5", "--", ""])["hits"]
        C.check(len(want) == 5, f"--like {aid}: {len(want)} hits")
        C.equal(d.get("like"), want, f"/api/articles/{aid} like vs dateline-query --like {aid} --limit 5 hits")
    # the same article by an encoded plain id
    r = get(srv, "/api/articles/sample%2D001")
    C.check(r.status == 200 and r.json()["article"]["id"] == "sample-001", f"/api/articles/sample%2D001: {r.status}")

# -- suggest
with C.case("suggest"):
    r = get(srv, "/api/suggest?prefix=put")
    if C.check(r.status == 200, f"/api/suggest?prefix=put: {r.status} {r.body[:200]!r}"):
        d = r.json()
        C.check(d.get("schema_version") == 1 and d.get("prefix") == "put", f"/api/suggest?prefix=put: {L.short(d)}")
        sug = d.get("suggestions", [])
        putin = [s for s in sug if s.get("label") == "Vladimir Putin"]
        n = L.cli_json(sample_db, ["--format", "json", "--limit", "0", "--", 'person:"vladimir putin"'])["total"]
        C.check(putin and putin[0].get("kind") == "person" and putin[0].get("value") == "vladimir putin"
                and putin[0].get("query") == 'person:"vladimir putin"' and putin[0].get("count") == n,
                f"/api/suggest?prefix=put: no Vladimir Putin person with count {n}: {L.short(sug, 800)}")
        kinds = [s.get("kind") for s in sug]
        C.check(all(k in ("person", "organization", "place", "tag", "source", "word") for k in kinds), f"kinds {kinds}")
        if "word" in kinds:
            C.check(all(k == "word" for k in kinds[kinds.index("word"):]), f"entities and sources come before words: {kinds}")
        C.check(len(sug) <= 10, f"default limit 10: {len(sug)}")
        r2 = get(srv, "/api/suggest?prefix=PUT")
        C.check(r2.status == 200 and r2.json().get("suggestions") == sug, "prefix PUT (case) differs from put")
        # every suggestion's query finds `count` articles
        for s in sug:
            if s.get("kind") != "word":
                t = L.cli_json(sample_db, ["--format", "json", "--limit", "0", "--", s["query"]])["total"]
                C.check(t == s.get("count"), f"suggestion {s}: its query finds {t} articles")
    d = get(srv, "/api/suggest?prefix=balt").json()
    C.check({"kind": "source", "label": "Baltic Wire", "value": "baltic-wire", "count": 9, "query": "source:baltic-wire"}
            in d.get("suggestions", []), f"/api/suggest?prefix=balt: {L.short(d, 600)}")
    d = get(srv, "/api/suggest?prefix=kol").json()
    C.check(any(s.get("label") == "Köln" and s.get("kind") == "place" for s in d.get("suggestions", [])),
            f"/api/suggest?prefix=kol (accent-insensitive Köln): {L.short(d, 600)}")
    d = get(srv, "/api/suggest?prefix=merkel").json()  # a word inside the name: Angela Merkel
    C.check(any(s.get("label") == "Angela Merkel" for s in d.get("suggestions", [])), f"/api/suggest?prefix=merkel: {L.short(d, 600)}")
    d = get(srv, "/api/suggest?prefix=a&limit=3").json()
    C.check(len(d.get("suggestions", [])) == 3, f"/api/suggest?prefix=a&limit=3: {len(d.get('suggestions', []))}")
    d = get(srv, "/api/suggest?prefix=inflat").json()
    words = [s for s in d.get("suggestions", []) if s.get("kind") == "word"]
    C.check(any(s.get("value") == "inflation" and s.get("query") == "inflation" and s.get("count", 0) > 0 for s in words),
            f"/api/suggest?prefix=inflat: no word inflation: {L.short(d, 600)}")
    d = get(srv, "/api/suggest?prefix=zzzqqq").json()
    C.check(d.get("suggestions") == [], f"/api/suggest?prefix=zzzqqq: {L.short(d)}")

# -- export, whole sample db and some queries
for p in [P(""), P("", sort="oldest", filter="-lang:en"), P("oil OR putin", sort="newest", collapse=True), P("quixotic")]:
    export_check(srv, sample_db, p, "sample")

# -- headers: security headers on every response so far; no CORS without --cors
with C.case("headers"):
    r = get(srv, "/api/search?q=oil", headers={"Origin": "http://evil.example"})
    C.check("access-control-allow-origin" not in r.headers, f"no --cors, yet {r.headers.get('access-control-allow-origin')}")
    r = request(srv, "OPTIONS", "/api/search", headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"})
    C.check(r.status < 500 and "access-control-allow-origin" not in r.headers, f"OPTIONS without --cors: {r.status} {r.headers}")

# -- the access log: one line per request, common log format plus the time taken
LOG_LINE = re.compile(r'^(?:127\.0\.0\.1|-) - - \[\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\] '
                      r'"([A-Z]+) (\S+) HTTP/1\.[01]" (\d{3}) (\d+|-) (\d+(?:\.\d+)?)ms$')
with C.case("access log"):
    time.sleep(0.3)
    # A request httplib refused before reading it (malformed or oversized request line) is
    # logged with "-" for the client and the request line.
    refused = re.compile(r'^- - - \[[^]]+\] "-" (400|414) \d+ \d+(?:\.\d+)?ms$')
    bad = [l for l in srv.out_lines
           if not LOG_LINE.match(l.rstrip("\n")) and not refused.match(l.rstrip("\n"))]
    C.check(not bad, f"stdout lines that are not access-log lines: {bad[:3]}")
    n0 = len(srv.out_lines)
    reqs = [("GET", "/api/search?q=oil&limit=3"), ("GET", "/api/articles/sample-001"), ("GET", "/api/nope"),
            ("DELETE", "/api/search"), ("GET", "/api/suggest?prefix=put"), ("POST", "/api/search")]
    answers = [request(srv, m, p, body={"query": "oil"} if m == "POST" else None) for m, p in reqs]
    deadline = time.monotonic() + 3
    while len(srv.out_lines) < n0 + len(reqs) and time.monotonic() < deadline:
        time.sleep(0.05)
    new = [l.rstrip("\n") for l in srv.out_lines[n0:]]
    C.check(len(new) == len(reqs), f"{len(reqs)} requests wrote {len(new)} access-log lines within 3 s: {new}")
    for (m, p), r, line in zip(reqs, answers, new):
        mm = LOG_LINE.match(line)
        if C.check(mm, f"access-log line {line!r}"):
            C.check(mm.group(1) == m and mm.group(2) == p and int(mm.group(3)) == r.status,
                    f"access-log line {line!r} for {m} {p} ({r.status})")
            if "content-length" in r.headers and mm.group(4) != "-":
                C.check(int(mm.group(4)) == len(r.body), f"access-log line {line!r}: {len(r.body)} bytes were sent")

# -- every response above: security headers, never a 500, no CORS header
with C.case("every response"):
    for label, m, p, r in every_response:
        missing = SEC_HEADERS - set(r.headers)
        if not C.check(not missing, f"{m} {p[:120]} ({r.status}): no {sorted(missing)}"):
            break
    for label, m, p, r in every_response:
        csp = r.headers.get("content-security-policy", "")
        if not C.check("default-src 'self'" in csp and "img-src 'self' data:" in csp, f"{m} {p[:120]}: CSP {csp!r}"):
            break
        if not C.check(r.headers.get("x-content-type-options") == "nosniff", f"{m} {p[:120]}: X-Content-Type-Options {r.headers.get('x-content-type-options')!r}"):
            break
        if not C.check(r.headers.get("referrer-policy") == "no-referrer", f"{m} {p[:120]}: Referrer-Policy {r.headers.get('referrer-policy')!r}"):
            break
    fivehundreds = [(m, p[:200], r.status) for _, m, p, r in every_response if r.status >= 500]
    C.check(not fivehundreds, f"answers of 500 or more: {fivehundreds[:10]}")
    cors = [(m, p[:100]) for _, m, p, r in every_response if "access-control-allow-origin" in r.headers]
    C.check(not cors, f"CORS headers without --cors: {cors[:5]}")
    L.log(f"{len(every_response)} requests to the sample server checked")

C.check(srv.alive(), "the sample server died")
with C.case("SIGTERM with idle keep-alive connections"):
    idle = []
    for _ in range(3):
        c = srv.connection(30)
        c.request("GET", "/api/health")
        c.getresponse().read()
        idle.append(c)  # left open, idle
    t = time.monotonic()
    rc = srv.stop(timeout=15)
    C.check(rc == 0, f"SIGTERM with 3 idle keep-alive connections: exit {rc} (None: still running after 15 s)")
    L.log(f"SIGTERM with 3 idle keep-alive connections: exit {rc} after {time.monotonic() - t:.1f} s")
    for c in idle:
        c.close()

# ---------------------------------------------------------------------------------------------
# Servers with other options: --quiet, --cors, --token-file, --bind, a non-database

with C.case("--quiet"):
    with L.Server(sample_db, "--quiet") as q:
        for path in ["/api/search?q=oil", "/api/nope", "/", "/api/health"]:
            q.get(path)
        time.sleep(0.5)
        C.check(q.stop() == 0, "--quiet server: exit status on SIGTERM")
        C.check(q.out_lines == [], f"--quiet still wrote {q.out_lines[:3]}")

with C.case("access log counts every request"):
    with L.Server(sample_db) as s:
        time.sleep(0.3)
        n0 = len(s.out_lines)
        for i in range(25):
            s.get(f"/api/search?q=oil&limit={i}")
        C.check(s.stop() == 0, "server: exit status on SIGTERM")
        C.check(len(s.out_lines) - n0 == 25, f"25 requests, {len(s.out_lines) - n0} access-log lines")
        C.check([LOG_LINE.match(l.rstrip()).group(2) for l in s.out_lines[n0:] if LOG_LINE.match(l.rstrip())]
                == [f"/api/search?q=oil&limit={i}" for i in range(25)], "access-log lines in order of the requests")

with C.case("--cors"):
    with L.Server(sample_db, "--cors", "http://app.example", "--quiet") as s:
        for path in ["/api/search?q=oil", "/api/health", "/api/articles/sample-001", "/api/nope"]:
            r = s.get(path, headers={"Origin": "http://app.example"})
            C.check(r.headers.get("access-control-allow-origin") == "http://app.example",
                    f"--cors http://app.example: GET {path} Access-Control-Allow-Origin {r.headers.get('access-control-allow-origin')!r}")
            r = s.get(path, headers={"Origin": "http://evil.example"})
            C.check(r.headers.get("access-control-allow-origin") in (None, "http://app.example"),
                    f"--cors http://app.example: Origin evil gets {r.headers.get('access-control-allow-origin')!r}")
        r = s.request("OPTIONS", "/api/search", headers={"Origin": "http://app.example", "Access-Control-Request-Method": "POST",
                                                          "Access-Control-Request-Headers": "content-type"})
        C.check(r.status < 500, f"--cors preflight: {r.status}")
        C.check(s.stop() == 0, "--cors server exit status")

with C.case("--token-file"):
    tok = os.path.join(WORK, "token")
    with open(tok, "w") as f:
        f.write("s3cret-Token_42\nsecond line ignored\n")
    with L.Server(sample_db, "--token-file", tok, "--quiet", healthy=False) as s:
        want = L.cli_json(sample_db, ["--format", "json", "--", "oil"])
        for path in ["/api/search?q=oil", "/api/health", "/api/stats", "/api/articles/sample-001", "/api/nope",
                     "/api/suggest?prefix=put", "/api/export?format=csv", "/api/timeline"]:
            for hdr in [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Bearer s3cret-Token_4"},
                        {"Authorization": "Bearer s3cret-Token_42x"}, {"Authorization": "s3cret-Token_42"},
                        {"Authorization": "Basic czNjcmV0LVRva2VuXzQy"}, {"Authorization": "Bearer"},
                        {"Authorization": "Bearer second line ignored"}]:
                r = s.get(path, headers=hdr)
                ok = C.check(r.status == 401, f"--token-file: GET {path} with {hdr}: {r.status}, expected 401")
                if ok:
                    C.check(r.error()[0] == "unauthorized", f"--token-file: GET {path}: code {r.error()[0]}")
        r = s.post("/api/search", {"query": "oil"})
        C.check(r.status == 401, f"--token-file: POST /api/search without a token: {r.status}")
        r = s.post("/api/batch", "oil\n")
        C.check(r.status == 401, f"--token-file: POST /api/batch without a token: {r.status}")
        good = {"Authorization": "Bearer s3cret-Token_42"}
        r = s.get("/api/search?q=oil", headers=good)
        C.check(r.status == 200, f"--token-file: GET /api/search with the token: {r.status}")
        if r.status == 200:
            C.equal(without(r.json(), "parsed_query"), without(want, "parsed_query"),
                    "--token-file: GET /api/search?q=oil with the token vs dateline-query")
        r = s.post("/api/search", {"query": "oil"}, headers=good)
        C.check(r.status == 200 and without(r.json(), "parsed_query") == without(want, "parsed_query"),
                f"--token-file: POST /api/search with the token: {r.status}")
        r = s.get("/api/health", headers=good)
        C.check(r.status == 200, f"--token-file: /api/health with the token: {r.status}")
        r = s.get("/")
        C.check(r.status == 200 and r.headers.get("content-type", "").startswith("text/html"),
                f"--token-file: the page / is served without a token (it asks for one): {r.status}")
        C.check(s.stop() == 0, "--token-file server exit status")

with C.case("--bind"):
    for args in [("--bind", "0.0.0.0"), ("--bind", "0.0.0.0", "--cors", "http://x.example"),
                 ("--bind", "::"), ("--bind", "192.0.2.1")]:
        rc, err = L.start_expect_exit(sample_db, *args)
        C.check(rc == 2, f"dateline-serve {' '.join(args)} without --token-file or --public: exit {rc}, expected 2 before listening: {err}")
        C.check(rc is None or ("--token-file" in err or "--public" in err), f"dateline-serve {' '.join(args)}: the message should name --token-file/--public: {err}")
    for args in [("--token-file", os.path.join(WORK, "no-such-token")), ("--port", "99999"), ("--port", "-1"),
                 ("--bogus-option",)]:
        rc, err = L.start_expect_exit(sample_db, *args)
        C.check(rc is not None and rc != 0, f"dateline-serve {' '.join(args)}: exit {rc}, expected a refusal: {err}")
    rc, err = L.start_expect_exit(os.path.join(WORK, "no-such-db"), "--bind", "0.0.0.0")
    C.check(rc == 2, f"--bind 0.0.0.0 on a missing database: exit {rc}, expected 2: {err}")

L.log("servers with --quiet, --cors, --token-file, --bind, --time-budget, a non-database")
with C.case("unavailable"):
    notdb = os.path.join(WORK, "not-a-db")
    os.makedirs(notdb)
    with open(os.path.join(notdb, "file.txt"), "w") as f:
        f.write("not a database\n")
    plain = os.path.join(WORK, "plain-file")
    with open(plain, "w") as f:
        f.write("not a database\n")
    for db in [notdb, plain, os.path.join(WORK, "missing-db")]:
        rc, out, err = L.cli(db, ["oil"])
        try:
            s = L.Server(db, "--quiet", healthy=False)
        except L.Fatal as e:
            C.check(False, f"dateline-serve --db {db} (not a database) does not start, so it cannot answer 503: {e}")
            continue
        with s:
            for path in ["/api/health", "/api/search?q=oil", "/api/stats", "/api/articles/sample-001",
                         "/api/suggest?prefix=put", "/api/timeline?q=oil", "/api/export?format=csv"]:
                r = s.get(path)
                if C.check(r.status == 503, f"--db {db}: GET {path}: {r.status}, expected 503: {r.body[:200]!r}"):
                    code, msg = r.error()
                    C.check(code == "unavailable", f"--db {db}: GET {path}: code {code}")
                    C.check("not a Xapian database" in msg or "no such file" in msg,
                            f"--db {db}: GET {path}: message {msg!r} (dateline-query says {err.strip()!r})")
            r = s.post("/api/batch", "oil\n")
            C.check(r.status in (200, 503), f"--db {db}: POST /api/batch: {r.status}")
            r = s.get("/")
            C.check(r.status == 200, f"--db {db}: the page still loads: {r.status}")
            C.check(s.stop() == 0, f"--db {db}: exit status on SIGTERM")

with C.case("--time-budget"):
    with L.Server(sample_db, "--time-budget", "0.000001", "--quiet") as s:
        for path in ["/api/search?q=s*&facet=tag,date", "/api/search?q=&facet=source,tag,date,person", "/api/timeline?q=",
                     "/api/export?q=&format=jsonl"]:
            r = s.get(path)
            C.check(r.status == 503, f"--time-budget 0.000001: GET {path}: {r.status}, expected 503")
            if r.status == 503:
                C.check(r.error()[0] == "over_time_budget", f"--time-budget: GET {path}: code {r.error()[0]}")
        r = s.get("/api/health")
        C.check(r.status == 200, f"--time-budget: /api/health: {r.status}")
        C.check(s.stop() == 0, "--time-budget server exit status")


# ---------------------------------------------------------------------------------------------
# SIGTERM with a request in flight: it completes, then the server exits 0.


def sigterm_in_flight(db, p, total, label, strict=True):
    L.log(f"{label}: SIGTERM during an export of {total} hits")
    with C.case(f"{label} SIGTERM in flight"):
        s = L.Server(db, "--quiet")
        conn = s.connection(timeout=60)
        # A small receive buffer, so the export cannot all be buffered on our side: the server is
        # still writing it when SIGTERM comes.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 32768)
        sock.settimeout(60)
        sock.connect((L.HOST, s.port))
        conn.sock = sock
        path = p.path("/api/export") + "&format=jsonl"
        conn.request("GET", path)
        resp = conn.getresponse()
        first = resp.read(4096)
        C.check(resp.status == 200, f"{label}: GET {path}: {resp.status}")
        s.proc.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        if strict:
            C.check(s.alive(), f"{label}: the server exited 0.5 s after SIGTERM with a {total}-hit export still being read")
        elif not s.alive():
            L.log(f"NOTE: {label}: the whole export fit in the socket buffers; the in-flight case was not reached")
        # stopped accepting: a new connection is refused (or at least not served)
        try:
            r = s.get("/api/health", timeout=3)
            C.check(False, f"{label}: after SIGTERM a new request was still answered: {r.status}")
        except OSError:
            pass
        rest = b""
        while True:
            chunk = resp.read(65536)
            if not chunk:
                break
            rest += chunk
            time.sleep(0.002)  # a slow reader keeps the request in flight
        conn.close()
        lines = [json.loads(l) for l in (first + rest).decode().splitlines() if l.strip()]
        C.check(lines and lines[-1].get("type") == "summary" and len(lines) == total + 1,
                f"{label}: the export in flight at SIGTERM was cut: {len(lines)} lines of {total + 1}")
        try:
            rc = s.proc.wait(20)
        except Exception:  # noqa: BLE001
            rc = None
        C.check(rc == 0, f"{label}: after SIGTERM with a request in flight the server exited {rc}, expected 0")
        s.kill()


# ---------------------------------------------------------------------------------------------
# Reuters-21578

if not L.REUTERS:
    L.log("SKIP: Reuters-21578 half (no $SHARED/corpora/reuters21578/reuters21578.jsonl.gz)")
    # Without Reuters, the in-flight export is made slow by a bigger made-up database.
    big = os.path.join(WORK, "big.jsonl")
    with open(big, "w", encoding="utf-8") as f:
        for n in range(80):
            for rec in records:
                r = dict(rec, id=f"{rec['id']}-copy{n}", url="", body=rec["body"] + f" copy{n}")
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    big_db = os.path.join(WORK, "big.db")
    L.index(big_db, big, args=["--no-entities"])
    sigterm_in_flight(big_db, P(""), 80 * len(records), "made-up corpus", strict=False)
else:
    reuters_indexing.wait()
    first_id = L.cli_json(reuters_db, ["--format", "json", "--limit", "1", "--sort", "oldest", "--", "cocoa"])["hits"][0]["id"]
    rs = L.Server(reuters_db)
    L.log("reuters server:", rs.listen_line)
    REUTERS_CASES = [
        P("oil", facet="tag,date,source", bucket="month", facet_limit=5),
        P("wheat date:1987-03"),
        P("tag:grain", sort="newest", limit=20),
        P("", filter="-source:reuters", facet="source"),
        P("trade", filter="-tag:usa", facet="place"),
        P("crude", collapse=True, limit=20),
        P("opec NEAR oil", facet="date", bucket="week"),
        P("coffee OR cocoa", recency="30d", now="1987-10-20"),
        P("coffee OR cocoa", recency="12h"),
        P("tarif*", max_expansion=5),
        P("", facet="date", bucket="day", filter="date:1987-03"),
        P("", like=first_id),
        P("brazil", like=first_id, facet="tag"),
        P("", facet="person,org,place", facet_limit=0),
        P("", limit=1000, snippet_length=0, sort="oldest"),
        P("", facet="tag", facet_type="organization"),
        P("", facet="tag", facet_type="person", facet_limit=0, filter="date:1987-04"),
        P("title:dollar", offset=20, limit=30),
        P('"interest rates"', facet="lang,site,source"),
        P("yen -dollar", sort="newest"),
        P("reagan AND (tax OR budget)", entity_aliases=False),
        P("Volcker", facet="person"),
        P("gulf", collapse=True, facet="tag", facet_limit=3),
        P("bundesbnak", auto_correct=True),
        P("bundesbnak", suggest_below=100),
        P("oil", lang="de"),
        P("acquisition", snippet_length=500),
        P("", offset=20000, limit=1000, snippet_length=0),
    ]
    L.log(f"Reuters battery: {len(REUTERS_CASES)} requests, each GET and POST")
    battery(rs, reuters_db, REUTERS_CASES, "reuters")
    batch_check(rs, reuters_db, [
        "oil", json.dumps({"query": "tag:grain", "facets": ["tag", "date"], "bucket": "month", "limit": 5}),
        json.dumps({"query": "coffee", "recency": "30d", "collapse": True}), "oil AND",
        json.dumps({"query": "", "filters": ["-tag:usa", "date:1987-03"], "facets": "source", "limit": 0}),
        json.dumps({"query": "", "like": first_id}),
    ], "reuters")
    timeline_check(rs, reuters_db, [P("oil"), P("tag:grain", bucket="week"), P("", bucket="day", filter="date:1987-03")], "reuters")
    stats_check(rs, reuters_db, "reuters")
    with C.case("reuters articles"):
        recs = {}
        import gzip
        with gzip.open(L.REUTERS, "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i % 1000 == 0:
                    rec = json.loads(line)
                    recs[rec["id"]] = rec
        # The indexer normalizes Reuters' white space (indented paragraphs), so the indexed body
        # is what `dateline-index --emit jsonl --dry-run` makes of the same input lines.
        some = os.path.join(WORK, "reuters-some.jsonl")
        with open(some, "w", encoding="utf-8") as f:
            for rec in recs.values():
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        rc, out, err = L.run([L.INDEX, "--db", os.path.join(WORK, "dry.db"), *L.REUTERS_FIELDS, "--emit", "jsonl", "--dry-run", some])
        emitted = {e["id"]: e for e in map(json.loads, out.decode().splitlines())}
        C.check(set(emitted) == set(recs), f"--emit jsonl --dry-run: {len(emitted)} articles of {len(recs)}: {err}")
        for rid, rec in recs.items():
            r = get(rs, "/api/articles/" + urllib.parse.quote(rid, safe=""), label="reuters")
            if C.check(r.status == 200, f"reuters /api/articles/{rid}: {r.status}"):
                a = r.json()["article"]
                e = emitted.get(rid, {})
                C.check(a.get("body") == e.get("body"), f"reuters /api/articles/{rid}: body differs from the indexed one (--emit jsonl)")
                C.check(" ".join(a.get("body", "").split()) == " ".join(rec.get("body", "").split()),
                        f"reuters /api/articles/{rid}: body differs from the input's (white space aside)")
                C.check(a.get("title") == rec.get("title"), f"reuters /api/articles/{rid}: title {a.get('title')!r}")
                C.check(sorted(e2["name"] for e2 in a.get("entities", [])) == sorted(e2["name"] for e2 in e.get("entities", [])),
                        f"reuters /api/articles/{rid}: entities differ from the indexed ones")
    for p in [P("tag:usa"), P("oil OR trade", sort="newest", filter="-tag:usa")]:
        export_check(rs, reuters_db, p, "reuters")
    C.check(rs.alive(), "the Reuters server died")
    fivehundreds = [(m, p[:200], r.status) for lab, m, p, r in every_response if lab == "reuters" and r.status >= 500]
    C.check(not fivehundreds, f"Reuters answers of 500 or more: {fivehundreds[:10]}")
    C.check(rs.stop() == 0, "the Reuters server did not exit 0 on SIGTERM")
    total = L.cli_json(reuters_db, ["--format", "json", "--limit", "0", "--", ""])["total"]
    sigterm_in_flight(reuters_db, P(""), total, "reuters")

C.finish("serve_api")
