# dateline-serve under load: 32 client threads send a mix of requests at once (searches with
# facets, POST searches, articles, suggest, timeline, stats, a small export, a small batch, an
# error) to a sample-corpus server and, when ../shared holds it, a Reuters-21578 server, and to a
# fresh (cold) server on each database. Every answer (status and body, byte for byte) must equal
# the answer the same request got alone, sequentially, before. Reuters: its first 8,000 articles,
# to keep the time bounded. A quarter of the threads reuse one keep-alive connection, the others
# open one per request. 480 requests; the access log holds one well-formed line for each.
import json
import os
import random
import re
import threading
import time
import urllib.parse

import serve_lib as L
from serve_lib import Params as P

L.need_server()
C = L.Checker()
WORK = L.WORK
THREADS = 32
PER_THREAD = 15
LOG_LINE = re.compile(r'^127\.0\.0\.1 - - \[[^\]]+\] "[A-Z]+ \S+ HTTP/1\.[01]" \d{3} (\d+|-) \d+(\.\d+)?ms$')


def mix(ids, words, prefixes, like_id, big):
    """(method, path, body) requests over one database."""
    reqs = []
    facets = "source,tag,date,lang,person,org,place,site"
    for w in words:
        reqs.append(("GET", P(w, facet=facets, limit=10).path(), None))
    reqs += [
        ("GET", P("", facet="tag,date", bucket="month", facet_limit=0, limit=20).path(), None),
        ("GET", P(words[0], facet="tag", facet_type="person", collapse=True).path(), None),
        ("GET", P(words[1], sort="newest", limit=50, offset=5, filter=f"-tag:{words[2]}").path(), None),
        ("GET", P(words[2], recency="30d", facet="source").path(), None),
        ("GET", P("", like=like_id, facet="source").path(), None),
        ("GET", P(f"{words[0][:3]}*", facet="tag", max_expansion=20).path(), None),
        ("GET", P("", limit=200 if big else 76, snippet_length=0, sort="oldest").path(), None),
        ("POST", "/api/search", {"query": words[0], "facets": ["source", "date"], "limit": 5}),
        ("POST", "/api/search", {"query": f"{words[1]} OR {words[2]}", "filters": [f"-tag:{words[0]}"], "facets": "tag"}),
        ("POST", "/api/batch", "\n".join([words[0], '{"query": "%s", "facets": ["tag"], "limit": 2}' % words[1], "x AND"]) + "\n"),
        ("GET", P(words[0], bucket="week").path("/api/timeline"), None),
        ("GET", P("", bucket="month").path("/api/timeline"), None),
        ("GET", P(f'"{words[1]}" {words[2]}', sort="newest").path("/api/export") + "&format=jsonl", None),
        ("GET", P(words[2], filter=f"tag:{words[1]}").path("/api/export") + "&format=csv", None),
        ("GET", "/api/stats", None),
        ("GET", "/api/articles/no-such-article", None),
        ("GET", P("oil AND").path(), None),
    ]
    for i in ids:
        reqs.append(("GET", "/api/articles/" + urllib.parse.quote(i, safe=""), None))
    for pre in prefixes:
        reqs.append(("GET", "/api/suggest?" + urllib.parse.urlencode({"prefix": pre}), None))
    return reqs


def key(srv, m, p, b):
    return (srv.db, m, p, str(b))


def send(srv, conn, m, p, b):
    """One request, on conn (keep-alive) or a new connection."""
    if conn is None:
        r = srv.request(m, p, body=b)
        return r.status, r.body
    import json
    if isinstance(b, (dict, list)):
        b = json.dumps(b).encode()
    elif isinstance(b, str):
        b = b.encode()
    headers = {"Content-Type": "application/json"} if b is not None else {}
    conn.request(m, p, body=b, headers=headers)
    r = conn.getresponse()
    return r.status, r.read()


# -- databases and servers
sample_db = os.path.join(WORK, "sample.db")
L.index(sample_db, L.SAMPLE, os.path.join(L.SRC, "tests/fixtures/serve-api/odd_ids.jsonl"))
servers = []
s1 = L.Server(sample_db)
servers.append((s1, mix(["sample-001", "sample-017", "sample-018", "sample-040", "sample-072", "odd/slash id",
                         "odd?query#frag&x=1", "odd-ünïcødé-идентификатор"],
                        ["putin", "inflation", "russia", "sanctions", "oil"], ["put", "balt", "mer", "inf", "kol"],
                        "sample-010", False)))
if L.REUTERS:
    # The first 8,000 Reuters articles (indexing all 20,841 takes 20 s to 100 s, by the load).
    import gzip
    part = os.path.join(WORK, "reuters-8000.jsonl")
    picked = []
    with gzip.open(L.REUTERS, "rt", encoding="utf-8") as f, open(part, "w", encoding="utf-8") as out:
        for i, line in zip(range(8000), f):
            out.write(line)
            if i in (0, 1, 500, 3000, 5000, 7999):
                picked.append(json.loads(line)["id"])
    reuters_db = os.path.join(WORK, "reuters.db")
    L.IndexInBackground(reuters_db, part, args=L.REUTERS_INDEX_ARGS).wait()
    s2 = L.Server(reuters_db)
    servers.append((s2, mix(picked,
                            ["oil", "grain", "trade", "coffee", "dollar", "opec", "wheat"], ["reag", "opec", "bra", "jap"],
                            "reuters21578-1", True)))
else:
    L.log("SKIP: the Reuters-21578 part (no $SHARED/corpora/reuters21578/reuters21578.jsonl.gz)")

# -- alone, one at a time
alone = {}
t = time.monotonic()
for srv, reqs in servers:
    for m, p, b in reqs:
        r = srv.request(m, p, body=b)
        alone[key(srv, m, p, b)] = (r.status, r.body)
        C.check(r.status < 500, f"alone: {m} {p}: {r.status} {r.body[:200]!r}")
        C.check(r.status in (200, 400, 404), f"alone: {m} {p}: unexpected {r.status}")
n_ok = sum(1 for st, _ in alone.values() if st == 200)
C.check(n_ok >= len(alone) - 4, f"alone: only {n_ok} of {len(alone)} requests answered 200")
L.log(f"{len(alone)} distinct requests answered alone in {time.monotonic() - t:.1f} s")

# -- all at once, on the servers that answered alone (warm) and on fresh ones (cold: every worker
# prepares its database and facet arrays while the others do)
fresh = [(L.Server(srv.db), reqs) for srv, reqs in servers]
all_servers = servers + fresh
work = [(srv, m, p, b) for srv, reqs in all_servers for m, p, b in reqs]
rng = random.Random(14)
plan = []
for i in range(THREADS):
    mine = rng.sample(work, PER_THREAD) if len(work) >= PER_THREAD else [rng.choice(work) for _ in range(PER_THREAD)]
    plan.append(mine)
results = [[] for _ in range(THREADS)]
errors = []
barrier = threading.Barrier(THREADS)


def client(n):
    keep_alive = n % 4 == 0
    conns = {}
    try:
        barrier.wait(30)
        for srv, m, p, b in plan[n]:
            t0 = time.monotonic()
            conn = None
            if keep_alive:
                conn = conns.get(srv.port) or srv.connection(60)
                conns[srv.port] = conn
            try:
                st, body = send(srv, conn, m, p, b)
            except Exception as e:  # noqa: BLE001 - a dropped keep-alive connection is retried once, fresh
                if conn is None:
                    raise
                conn.close()
                conns[srv.port] = conn = srv.connection(60)
                L.log(f"thread {n}: keep-alive connection failed ({e!r}), retried on a new one")
                st, body = send(srv, conn, m, p, b)
            results[n].append((srv, m, p, b, st, body, time.monotonic() - t0))
    except Exception as e:  # noqa: BLE001
        errors.append(f"thread {n}: {type(e).__name__}: {e}")
    finally:
        for c in conns.values():
            c.close()


t = time.monotonic()
threads = [threading.Thread(target=client, args=(n,)) for n in range(THREADS)]
for th in threads:
    th.start()
for th in threads:
    th.join(120)
wall = time.monotonic() - t
C.check(not any(th.is_alive() for th in threads), "client threads still running after 120 s")
C.check(not errors, f"client errors: {errors[:5]}")
done = [x for res in results for x in res]
C.check(len(done) == THREADS * PER_THREAD, f"{len(done)} of {THREADS * PER_THREAD} requests answered")
lat = sorted(x[6] for x in done)
L.log(f"{len(done)} requests from {THREADS} threads in {wall:.1f} s; latency median {lat[len(lat) // 2] * 1000:.0f} ms, "
      f"max {lat[-1] * 1000:.0f} ms" if lat else "no answers")
C.check(wall < 90, f"the concurrent run took {wall:.0f} s")

mismatches = 0
for srv, m, p, b, st, body, _ in done:
    want_st, want_body = alone[key(srv, m, p, b)]
    if st != want_st or body != want_body:
        mismatches += 1
        if mismatches <= 10:
            diff = None
            try:
                if p.startswith("/api/batch") or "format=jsonl" in p:
                    diff = L.first_difference([json.loads(l) for l in body.splitlines()],
                                              [json.loads(l) for l in want_body.splitlines()])
                elif "format=csv" not in p:
                    diff = L.first_difference(json.loads(body), json.loads(want_body))
            except ValueError:
                pass
            C.check(False, f"under load {m} {p} {L.short(b, 200) if b else ''}: {st}, {len(body)} bytes; alone {want_st}, "
                           f"{len(want_body)} bytes; {diff or repr(body[:200])}")
C.check(mismatches == 0, f"{mismatches} of {len(done)} answers under load differ from the answer alone")
C.check(all(st < 500 for *_, st, _b, _t in done), "a 5xx answer under load")

# -- the servers lived through it, and logged every request on one whole line each
for srv, _ in all_servers:
    C.check(srv.alive(), f"server on port {srv.port} died")
    r = srv.get("/api/health")
    C.check(r.status == 200, f"/api/health after the load: {r.status}")
for srv, reqs in all_servers:
    rc = srv.stop()
    C.check(rc == 0, f"server on port {srv.port}: exit {rc} on SIGTERM")
    lines = [l.rstrip("\n") for l in srv.out_lines]
    bad = [l for l in lines if not LOG_LINE.match(l)]
    C.check(not bad, f"access-log lines mangled under load: {bad[:3]}")
    want = (len(reqs) if any(srv is s for s, _ in servers) else 0) + sum(1 for x in done if x[0] is srv)
    got = sum(1 for l in lines if '"GET /api/health HTTP' not in l)
    C.check(got == want, f"server on port {srv.port}: {got} access-log lines (health checks aside) for {want} requests")

C.finish("serve_concurrency")
