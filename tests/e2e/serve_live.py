# dateline-serve reading while dateline-index writes, no restart: the server starts on half of the
# sample corpus; the other half is fed to dateline-index slowly (a commit every 4 articles) while
# a reader polls /api/search and /api/health: every answer is a committed state (whole batches,
# never going back) and the revision only grows. After the write, requests spread over all the
# workers show every new article (search, facets, timeline and stats equal dateline-query's),
# an updated article shows its new text and a deleted one is gone (404).
import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse

import serve_lib as L
from serve_lib import Params as P

L.need_server()
C = L.Checker()
WORK = L.WORK
BATCH = 4

records = L.read_jsonl(L.SAMPLE)
half = len(records) // 2
part1, part2 = records[:half], records[half:]
C.check(len(part2) % BATCH == 0, f"the second half ({len(part2)}) is not whole batches of {BATCH}")
p1 = os.path.join(WORK, "part1.jsonl")
with open(p1, "w", encoding="utf-8") as f:
    for r in part1:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
db = os.path.join(WORK, "live.db")
L.index(db, p1)
THREADS = 4
srv = L.Server(db, "--threads", str(THREADS), "--quiet")
L.log("server:", srv.listen_line)

FACETS = P("", facet="source,tag,date,lang,person,org,place,site", facet_limit=0, limit=100, snippet_length=0)


def health():
    r = srv.get("/api/health")
    C.check(r.status == 200, f"/api/health: {r.status} {r.body[:200]!r}")
    return r.json()


def spread(path, n=4 * THREADS):
    """The same GET from n clients at once (so every worker answers it): the list of answers."""
    out = [None] * n
    barrier = threading.Barrier(n)

    def one(i):
        barrier.wait(10)
        out[i] = srv.get(path)
    ts = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(60)
    return out


def equal_everywhere(p, endpoint="/api/search", cli_extra=(), what=""):
    """Every worker answers p as dateline-query does now."""
    want = L.cli_json(db, [*cli_extra, "--format", "json", *p.cli_args()])
    path = p.path(endpoint)
    answers = spread(path)
    for r in answers:
        if not C.check(r is not None and r.status == 200, f"{what}: GET {path}: {r}"):
            return
        # parsed_query aside: the server's workers are prepared for many searches (see serve_api.py)
        if not C.equal(L.without(r.json(), "parsed_query"), L.without(want, "parsed_query"),
                       f"{what}: GET {path} vs dateline-query (now)"):
            return
    return want


# -- before
h0 = health()
C.check(h0.get("articles") == half, f"/api/health before the write: {h0}")
new_id = part2[-1]["id"]
r = srv.get(f"/api/articles/{new_id}")
C.check(r.status == 404, f"/api/articles/{new_id} before it is indexed: {r.status}")
before = equal_everywhere(FACETS, what="before the write")
C.check(before and before["total"] == half, f"total before the write: {before and before['total']}")

# -- the write: part2 through a pipe, BATCH lines at a time, while a reader polls
writer = subprocess.Popen([L.INDEX, "--db", db, "--batch", str(BATCH), "--jobs", "1", "-q", "-"],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
seen = []  # (total, revision, articles) as the reader saw them, in order
stop = threading.Event()
reader_errors = []


def reader():
    while not stop.is_set():
        try:
            r = srv.get(P("", limit=0, facet="source").path())
            h = srv.get("/api/health")
            if r.status != 200 or h.status != 200:
                reader_errors.append(f"{r.status} {h.status} {r.body[:200]!r}")
                continue
            d = r.json()
            seen.append((d["total"], h.json()["revision"], h.json()["articles"],
                         sum(v["count"] for v in d["facets"]["source"])))
        except Exception as e:  # noqa: BLE001
            reader_errors.append(f"{type(e).__name__}: {e}")
        time.sleep(0.01)


rt = threading.Thread(target=reader)
rt.start()
t = time.monotonic()
for i in range(0, len(part2), BATCH):
    for rec in part2[i:i + BATCH]:
        writer.stdin.write((json.dumps(rec, ensure_ascii=False) + "\n").encode())
    writer.stdin.flush()
    time.sleep(0.4)
writer.stdin.close()
rc = writer.wait(120)
time.sleep(0.3)
stop.set()
rt.join(30)
err = writer.stderr.read().decode()
C.check(rc == 0, f"dateline-index on a served database: exit {rc}: {err}")
L.log(f"write done in {time.monotonic() - t:.1f} s; the reader made {len(seen)} observations")
C.check(not reader_errors, f"the reader got errors during the write: {reader_errors[:5]}")
totals = [s[0] for s in seen]
C.check(len(seen) >= 20, f"only {len(seen)} reads during the write")
C.check(all(a <= b for a, b in zip(totals, totals[1:])), f"the total went back during the write: {totals}")
revs = [s[1] for s in seen]
C.check(all(a <= b for a, b in zip(revs, revs[1:])), f"the revision went back during the write: {revs}")
C.check(all((x - half) % BATCH == 0 and half <= x <= len(records) for x in totals),
        f"totals that are not whole committed batches: {sorted(set(totals))}")
C.check(all(s[3] == s[0] for s in seen), f"source facet counts disagree with their total: {[s for s in seen if s[3] != s[0]][:3]}")
middle = sorted(set(x for x in totals if half < x < len(records)))
C.check(len(middle) >= 2, f"the reader saw too few states between the commits (no live reopen?): {sorted(set(totals))}")
L.log(f"totals seen: {sorted(set(totals))}")

# -- after: the next request sees everything, on every worker
h1 = health()
C.check(h1.get("articles") == len(records), f"/api/health after the write: {h1}")
C.check(h1.get("revision", 0) > h0.get("revision", 0), f"revision did not grow: {h0} -> {h1}")
after = equal_everywhere(FACETS, what="after the write")
C.check(after and after["total"] == len(records), f"total after the write: {after and after['total']}")
for p in [P("putin", facet="person,place"), P("", facet="date", bucket="month"), P("inflation", sort="newest", collapse=True)]:
    equal_everywhere(p, what="after the write")
tl = L.cli_json(db, ["--timeline", "--format", "json", "--", ""])
for r in spread("/api/timeline?q="):
    if not C.check(r.status == 200 and L.without(r.json(), "parsed_query") == L.without(tl, "parsed_query"),
                   f"after the write: /api/timeline differs from dateline-query --timeline"):
        break
st = L.cli_json(db, ["--stats", "--format", "json"])
st.pop("database", None)
for r in spread("/api/stats"):
    d = r.json() if r.status == 200 else {}
    d.pop("database", None)
    if not C.equal(d, st, "after the write: /api/stats vs dateline-query --stats"):
        break
for r in spread(f"/api/articles/{new_id}"):
    if not C.check(r.status == 200 and r.json()["article"]["body"] == part2[-1]["body"],
                   f"after the write: /api/articles/{new_id}: {r.status}"):
        break
r = srv.get("/api/suggest?prefix=" + urllib.parse.quote(part2[-1]["source"][:4].lower()))
C.check(r.status == 200, f"/api/suggest after the write: {r.status}")

# -- an update and a delete, each seen by the next requests
changed = dict(part1[0], title="Zyxwvut headline rewritten", body=part1[0]["body"] + "\n\nZyxwvut addendum.")
p3 = os.path.join(WORK, "changed.jsonl")
with open(p3, "w", encoding="utf-8") as f:
    f.write(json.dumps(changed, ensure_ascii=False) + "\n")
L.index(db, p3)
h2 = health()
C.check(h2.get("revision", 0) > h1.get("revision", 0) and h2.get("articles") == len(records), f"after the update: {h1} -> {h2}")
for r in spread("/api/articles/" + urllib.parse.quote(changed["id"], safe="")):
    a = r.json().get("article", {}) if r.status == 200 else {}
    if not C.check(a.get("title") == changed["title"] and a.get("body") == changed["body"],
                   f"after the update: /api/articles/{changed['id']}: {r.status} {a.get('title')!r}"):
        break
equal_everywhere(P("zyxwvut"), what="after the update")
gone = part2[0]["id"]
rc, _, err = L.run([L.INDEX, "--db", db, "--delete", gone])
C.check(rc == 0, f"dateline-index --delete {gone}: exit {rc}: {err}")
h3 = health()
C.check(h3.get("revision", 0) > h2.get("revision", 0) and h3.get("articles") == len(records) - 1, f"after the delete: {h2} -> {h3}")
for r in spread("/api/articles/" + urllib.parse.quote(gone, safe="")):
    if not C.check(r.status == 404, f"after the delete: /api/articles/{gone}: {r.status}"):
        break
last = equal_everywhere(FACETS, what="after the delete")
C.check(last and last["total"] == len(records) - 1 and gone not in [h["id"] for h in last["hits"]],
        f"after the delete: total {last and last['total']}")

C.check(srv.alive(), "the server died")
C.check(srv.stop() == 0, "the server did not exit 0 on SIGTERM")
C.finish("serve_live")
