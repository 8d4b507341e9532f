#!/usr/bin/env python3
"""Driver of scripts/bench-serve (see the comment at the top of that script).

  bench.py --bin DIR --work DIR --duration S --clients 1,4,16 [--browser-dir DIR]
           [--groonga-cache DIR] NAME:JSONL:DB ...

For every corpus: loads the articles into a Groonga database (cached under --groonga-cache for the
large corpus), writes the query mix as GET paths for dateline-serve and for Groonga's HTTP server
and as --batch lines, checks every request once (HTTP 200, totals of both engines side by side),
then drives each server with wrk at every client count, runs the same requests through
`dateline-query --batch` (--jobs 1 and the default), and (when playwright-core is there) times
the web page from Enter to the first results drawn. Prints the tables at the end.
"""
import argparse, datetime, gzip, json, os, re, select, shutil, signal, statistics, subprocess
import sys, time, urllib.parse, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))

# The query set of scripts/bench-query (keep the two in step): five classes, 15 queries each.
# Dates are within Reuters' Feb-Oct 1987.
WORDS = "oil wheat dollar bank profit coffee gold tariff sugar copper rubber yen shares loan strike".split()
ANDS = ["oil prices", "bank rate", "trade deficit", "dollar yen", "wheat exports", "crude oil output",
        "interest rates cut", "central bank intervention", "net profit rose", "coffee quota",
        "gold mine", "stock market", "money supply", "grain shipments", "tax reform"]
PHRASES = ["interest rates", "trade deficit", "central bank", "money supply", "crude oil",
           "stock exchange", "net profit", "federal reserve", "oil prices", "trade surplus",
           "exchange rate", "tender offer", "raw sugar", "natural gas", "prime rate"]
DATES = [("oil", "1987-03-01", "1987-03-31"), ("dollar", "1987-04", "1987-05"), ("wheat", "", "1987-03"),
         ("bank", "1987-06", ""), ("coffee", "1987-02-26", "1987-04-15"), ("gold", "1987-05-01", "1987-05-31"),
         ("profit", "1987-09", ""), ("tariff", "", "1987-04-30"), ("sugar", "1987-03-15", "1987-06-15"),
         ("shares", "1987-10-01", "1987-10-20"), ("loan", "1987-04-01", "1987-04-30"),
         ("copper", "1987-03", "1987-08"), ("strike", "", "1987-05"), ("yen", "1987-07", ""),
         ("rubber", "1987-03-01", "1987-09-30")]
FIELDS = [("prices", "crude"), ("exports", "grain"), ("profit", "earn"), ("rate", "money-fx"),
          ("shares", "acq"), ("dollar", "money-fx"), ("output", "crude"), ("quota", "coffee"),
          ("deficit", "trade"), ("loan", "usa"), ("rates", "interest"), ("ship", "ship"),
          ("sugar", "sugar"), ("japan", "trade"), ("company", "acq")]
FACETS = ["date", "source", "tag"]


def day_after(period):  # exclusive end of YYYY[-MM[-DD]] as an ISO date
    p = [int(x) for x in period.split("-")]
    if len(p) == 1: return f"{p[0] + 1:04d}-01-01"
    if len(p) == 2: return f"{p[0] + (p[1] == 12):04d}-{p[1] % 12 + 1:02d}-01"
    return (datetime.date(*p) + datetime.timedelta(days=1)).isoformat()


def start_of(period):
    p = period.split("-")
    return "-".join(p + ["01"] * (3 - len(p)))


def query_mix():
    """(class, dateline query text, groonga query, groonga filter or None), 75 of them."""
    q = [("word", w, w, None) for w in WORDS]
    q += [("and", a, a, None) for a in ANDS]
    q += [("phrase", f'"{p}"', f'"{p}"', None) for p in PHRASES]
    for w, a, b in DATES:
        conds = []
        if a: conds.append(f'published >= "{start_of(a)} 00:00:00"')
        if b: conds.append(f'published < "{day_after(b)} 00:00:00"')
        q.append(("date", f"{w} date:{a}..{b}", w, " && ".join(conds)))
    q += [("field", f"{w} tag:{t}", w, f'tags @ "{t}"') for w, t in FIELDS]
    return q


def requests_for(mix):
    """Every query without and with facets: [(class, facets, dateline path, groonga path, batch line)]."""
    out = []
    for facets in (False, True):
        for cls, dq, gq, gfilter in mix:
            dp = [("q", dq), ("limit", "10")]
            if facets: dp.append(("facet", ",".join(FACETS)))
            gp = [("table", "Articles"), ("match_columns", "title * 3 || body"), ("query", gq)]
            if gfilter: gp.append(("filter", gfilter))
            gp += [("output_columns", "_key,title,published,source,tags,_score,snippet_html(body)"),
                   ("sort_keys", "-_score"), ("limit", "10"), ("cache", "no")]
            if facets:
                gp += [("drilldown", "source,tags,month"), ("drilldown_sort_keys", "-_nsubrecs"),
                       ("drilldown_limit", "10")]
            line = {"query": dq, "limit": 10}
            if facets: line["facets"] = FACETS
            out.append((cls, facets,
                        "/api/search?" + urllib.parse.urlencode(dp, quote_via=urllib.parse.quote),
                        "/d/select?" + urllib.parse.urlencode(gp, quote_via=urllib.parse.quote),
                        json.dumps(line)))
    return out


def log(msg):
    print(f"bench-serve: {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- processes we start (and stop)
PROCS = []


def start(cmd, **kw):
    p = subprocess.Popen(cmd, **kw)
    PROCS.append(p)
    return p


def stop(p):
    if p.poll() is None:
        p.terminate()
        try:
            p.wait(15)
        except subprocess.TimeoutExpired:
            p.kill(); p.wait()
    if p in PROCS: PROCS.remove(p)


def stop_all(*_):
    for p in list(PROCS):
        stop(p)


def on_signal(signum, _frame):
    stop_all()
    sys.exit(128 + signum)


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url, proc, timeout=600):
    t = time.time()
    while time.time() - t < timeout:
        if proc.poll() is not None:
            sys.exit(f"bench-serve: server exited ({proc.returncode}) before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                r.read()
                return
        except Exception:
            time.sleep(0.2)
    sys.exit(f"bench-serve: no answer from {url} within {timeout} s")


def vm_hwm_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def cpu_seconds(pid):
    """User + system CPU time of the process (all its threads)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def busy_seconds():
    """CPU time spent by the whole machine (all cores, everything but idle and iowait)."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (sum(v[:8]) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")


def children_cpu():
    import resource
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def reset_hwm(pid):
    """Linux >= 4.0: writing 5 to clear_refs resets the peak RSS to the current RSS."""
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


# ---------------------------------------------------------------- Groonga
GROONGA_SCHEMA = """table_create Sources TABLE_HASH_KEY ShortText
table_create Tags TABLE_HASH_KEY ShortText --normalizer NormalizerAuto
table_create Months TABLE_HASH_KEY ShortText
table_create Articles TABLE_HASH_KEY ShortText
column_create Articles title COLUMN_SCALAR ShortText
column_create Articles body COLUMN_SCALAR Text
column_create Articles source COLUMN_SCALAR Sources
column_create Articles tags COLUMN_VECTOR Tags
column_create Articles published COLUMN_SCALAR Time
column_create Articles month COLUMN_SCALAR Months
"""
# Indexes after the load: Groonga then builds them statically (much faster than row by row).
GROONGA_INDEXES = """table_create Terms TABLE_PAT_KEY ShortText --default_tokenizer TokenBigram --normalizer NormalizerAuto
column_create Terms articles_title COLUMN_INDEX|WITH_POSITION Articles title
column_create Terms articles_body COLUMN_INDEX|WITH_POSITION Articles body
column_create Tags articles_tags COLUMN_INDEX Articles tags
column_create Sources articles_source COLUMN_INDEX Articles source
table_create Times TABLE_PAT_KEY Time
column_create Times articles_published COLUMN_INDEX Articles published
column_create Months articles_month COLUMN_INDEX Articles month
"""


def open_jsonl(path):
    return gzip.open(path, "rt", encoding="utf-8") if path.endswith(".gz") else open(path, encoding="utf-8")


def groonga_record(r):
    rec = {"_key": r["id"], "title": (r.get("title") or "")[:4000], "body": r.get("body") or "",
           "source": r.get("source") or ""}
    seen, tags = set(), []
    for key in ("topics", "places", "people", "orgs"):
        for t in r.get(key) or []:
            if t.lower() not in seen:
                seen.add(t.lower()); tags.append(t.lower())
    rec["tags"] = tags
    pub = r.get("published")
    if pub:
        d = datetime.datetime.fromisoformat(pub.replace("Z", "+00:00"))
        if d.tzinfo is None: d = d.replace(tzinfo=datetime.timezone.utc)
        rec["published"] = d.timestamp()
        rec["month"] = d.strftime("%Y-%m")
    return rec


def build_groonga(db_dir, jsonl, env):
    """Loads JSONL into a new Groonga database DB_DIR/db (through `groonga -n`'s stdin)."""
    tmp = db_dir + ".partial"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    t = time.time()
    out_path = os.path.join(tmp, "load.log")
    with open(out_path, "w") as out:
        g = start(["groonga", "-n", os.path.join(tmp, "db")], stdin=subprocess.PIPE, stdout=out,
                  stderr=subprocess.STDOUT, env=env, text=True, bufsize=1 << 20)
        g.stdin.write(GROONGA_SCHEMA)
        g.stdin.write("load --table Articles\n[\n")
        n = 0
        for line in open_jsonl(jsonl):
            if not line.strip(): continue
            g.stdin.write(("," if n else "") + json.dumps(groonga_record(json.loads(line))) + "\n")
            n += 1
        g.stdin.write("]\n")
        g.stdin.write(GROONGA_INDEXES)
        g.stdin.close()
        g.wait()
        PROCS.remove(g)
    bad = []
    with open(out_path) as f:
        for line in f:
            m = re.match(r"\[\[(-?\d+),", line)
            if m and m.group(1) != "0": bad.append(line.strip()[:300])
    if g.returncode != 0 or bad:
        sys.exit(f"bench-serve: Groonga load failed (exit {g.returncode}): {bad[:3]}")
    loaded = None
    with open(out_path) as f:
        for line in f:
            m = re.match(r"\[\[0,[^\]]*\],(\d+)\]$", line.strip())
            if m: loaded = int(m.group(1))
    if loaded != n:
        sys.exit(f"bench-serve: Groonga loaded {loaded} of {n} records (see {out_path})")
    os.rename(tmp, db_dir)
    return n, time.time() - t


def du_mib(path):
    total = 0
    for dp, _, files in os.walk(path):
        for f in files:
            try: total += os.path.getsize(os.path.join(dp, f))
            except OSError: pass
    return total / 2**20


# ---------------------------------------------------------------- wrk
def run_wrk(base_url, paths_file, clients, duration, threads):
    t = max(1, min(clients, threads))
    cmd = ["wrk", "-t", str(t), "-c", str(clients), "-d", f"{duration}s", "--timeout", "30s",
           "-s", os.path.join(HERE, "cycle.lua"), base_url, "--", paths_file]
    p = subprocess.run(cmd, capture_output=True, text=True)
    for line in p.stdout.splitlines():
        if line.startswith("BENCH-SERVE "):
            r = json.loads(line[len("BENCH-SERVE "):])
            r["rps"] = r["requests"] / (r["duration_us"] / 1e6)
            r["errors"] = r["connect"] + r["read"] + r["write"] + r["status"] + r["timeout"]
            return r
    sys.exit(f"bench-serve: wrk failed ({p.returncode}): {p.stdout}\n{p.stderr}")


def measure_cell(engine, corpus, base_url, pid, paths_file, c, duration, wrk_threads):
    reset_hwm(pid)
    cpu, busy, kids, t = cpu_seconds(pid), busy_seconds(), children_cpu(), time.time()
    r = run_wrk(base_url, paths_file, c, duration, wrk_threads)
    server_cpu, wall = cpu_seconds(pid) - cpu, time.time() - t
    wrk_cpu = children_cpu() - kids
    # Cores used by neither the server nor wrk: other tenants of the machine.
    r.update(engine=engine, corpus=corpus, clients=c, hwm_mib=vm_hwm_kib(pid) / 1024,
             cpu_ms=server_cpu * 1000 / max(1, r["requests"]), server_cores=server_cpu / wall,
             wrk_cores=wrk_cpu / wall,
             others=max(0.0, (busy_seconds() - busy) - server_cpu - wrk_cpu) / wall)
    log(f"{corpus} {engine} c={c}: {r['rps']:.1f} req/s, p50 {r['p50_us'] / 1000:.1f} ms, "
        f"p99 {r['p99_us'] / 1000:.1f} ms, errors {r['errors']}; cores: server {r['server_cores']:.2f}, "
        f"wrk {r['wrk_cores']:.2f}, others {r['others']:.2f}")
    return r


def load_cells(servers, corpus, clients_list, duration, wrk_threads):
    """servers: [(engine, base_url, pid, paths_file)]. The engines take turns at every client
    count, so a neighbour's load on a shared machine falls on both alike."""
    for engine, base_url, pid, paths in servers:
        # Warm-up: a short run at the middle client count (caches, lazily built structures).
        run_wrk(base_url, paths, clients_list[len(clients_list) // 2], min(3, duration), wrk_threads)
    rows = []
    for c in clients_list:
        for engine, base_url, pid, paths in servers:
            rows.append(measure_cell(engine, corpus, base_url, pid, paths, c, duration, wrk_threads))
    return rows


def check_all(base_url, paths, parse_total):
    """Asks every request once; returns ([total per request], [ms per request]); exits on a
    non-200 answer."""
    totals, times = [], []
    for p in paths:
        t = time.perf_counter()
        try:
            with urllib.request.urlopen(base_url + p, timeout=120) as r:
                body = r.read()
                status = r.status
        except urllib.error.HTTPError as e:
            sys.exit(f"bench-serve: {base_url}{p}: HTTP {e.code}: {e.read()[:300]!r}")
        times.append((time.perf_counter() - t) * 1000)
        if status != 200:
            sys.exit(f"bench-serve: {base_url}{p}: HTTP {status}")
        totals.append(parse_total(json.loads(body)))
    return totals, times


def groonga_total(doc):
    if doc[0][0] != 0:
        sys.exit(f"bench-serve: Groonga error: {doc[0]}")
    return doc[1][0][0][0]


# ---------------------------------------------------------------- dateline-query --batch
def run_batch(bin_dir, db, lines, jobs, duration, work):
    """One untimed run over the request lines (warms the page cache and sizes the timed run), then
    the lines repeated until one run takes about DURATION seconds; returns (requests, wall)."""
    def once(reps):
        path = os.path.join(work, f"batch-{jobs}.jsonl")
        with open(path, "w") as f:
            for _ in range(reps):
                f.write("\n".join(lines) + "\n")
        cmd = [f"{bin_dir}/dateline-query", "--db", db, "--batch", path]
        if jobs: cmd += ["--jobs", str(jobs)]
        busy, kids, t = busy_seconds(), children_cpu(), time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - t
        if p.returncode not in (0, 1):  # 1: some line found nothing
            sys.exit(f"bench-serve: --batch failed ({p.returncode}): {p.stderr[:500]}")
        cpu = children_cpu() - kids  # dateline-query and the workers it waited for
        return wall, cpu, max(0.0, busy_seconds() - busy - cpu) / wall
    (wall, _, _), reps = once(1), 1
    while True:
        reps = min(512, max(1, int(reps * duration / max(wall, 0.01) + 0.5)))
        wall, cpu, others = once(reps)
        if wall >= duration * 0.7 or reps >= 512:
            return reps * len(lines), wall, cpu, others


# ---------------------------------------------------------------- browser
def browser_part(browser_dir, base_url, queries, work):
    pw = os.path.join(browser_dir, "node_modules", "playwright-core")
    if not os.path.isfile(os.path.join(browser_dir, "package.json")) or not os.path.isdir(pw):
        return None, (f"browser part skipped: {browser_dir}/package.json with playwright-core "
                      f"installed in node_modules is not there yet")
    qfile = os.path.join(work, "browser-queries.json")
    with open(qfile, "w") as f:
        json.dump(queries, f)
    p = subprocess.run(["node", os.path.join(HERE, "browser.js"), pw, base_url, qfile],
                       capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        return None, f"browser part failed ({p.returncode}): {(p.stderr or p.stdout).strip()[-800:]}"
    return json.loads(p.stdout.strip().splitlines()[-1]), None


# ---------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--clients", default="1,4,16")
    ap.add_argument("--browser-dir")
    ap.add_argument("--groonga-cache", help="folder for the Groonga database of corpora named 500k")
    ap.add_argument("corpora", nargs="+")
    a = ap.parse_args()
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    clients_list = [int(c) for c in a.clients.split(",")]
    cores = os.cpu_count() or 1
    env = dict(os.environ, TZ="UTC")  # Groonga reads "YYYY-MM-DD hh:mm:ss" in local time
    mix = query_mix()
    reqs = requests_for(mix)
    rows, batch_rows, notes, browser, single = [], [], [], {}, {}
    try:
        for spec in a.corpora:
            name, jsonl, db = spec.split(":")
            cwork = os.path.join(a.work, name)
            os.makedirs(cwork, exist_ok=True)
            dl_paths = os.path.join(cwork, "dateline.paths")
            gr_paths = os.path.join(cwork, "groonga.paths")
            with open(dl_paths, "w") as f: f.write("".join(r[2] + "\n" for r in reqs))
            with open(gr_paths, "w") as f: f.write("".join(r[3] + "\n" for r in reqs))

            # Groonga database (cached for the large corpus).
            gdir = os.path.join(a.groonga_cache if a.groonga_cache and name != "reuters" else cwork,
                                f"{os.path.basename(jsonl).split('.')[0]}.groonga")
            if not os.path.isfile(os.path.join(gdir, "db")):
                log(f"{name}: loading {jsonl} into Groonga ({gdir})")
                n, secs = build_groonga(gdir, jsonl, env)
                notes.append(f"{name}: Groonga load + index of {n:,} articles: {secs:.0f} s, "
                             f"{du_mib(gdir):,.0f} MiB on disk")
            else:
                notes.append(f"{name}: Groonga database reused from {gdir} ({du_mib(gdir):,.0f} MiB)")
            notes.append(f"{name}: Dateline database {db} ({du_mib(db):,.0f} MiB)")

            # dateline-serve
            port = free_port()
            t0 = time.time()
            srv = start([f"{a.bin}/dateline-serve", "--db", db, "--bind", "127.0.0.1", "--port", str(port),
                         "--quiet"], stdout=subprocess.DEVNULL, stderr=open(os.path.join(cwork, "serve.log"), "w"))
            base = f"http://127.0.0.1:{port}"
            wait_http(base + "/api/health", srv)
            notes.append(f"{name}: dateline-serve answered /api/health {time.time() - t0:.1f} s after start, "
                         f"RSS then {vm_hwm_kib(srv.pid) / 1024:.0f} MiB")
            t0 = time.time()
            dl_totals, _ = check_all(base, [r[2] for r in reqs], lambda d: d["total"])
            notes.append(f"{name}: dateline-serve: first pass over the {len(reqs)} requests "
                         f"(one at a time, cold) {time.time() - t0:.1f} s")
            _, dl_times = check_all(base, [r[2] for r in reqs], lambda d: d["total"])

            # Groonga HTTP server, as many threads as dateline-serve's default (the cores)
            port = free_port()
            gsrv = start(["groonga", "--protocol", "http", "-s", "--bind-address", "127.0.0.1",
                          "--port", str(port), "-t", str(cores), "--log-path", os.path.join(cwork, "groonga.log"),
                          "--query-log-path", "/dev/null", os.path.join(gdir, "db")],
                         stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, env=env)
            gbase = f"http://127.0.0.1:{port}"
            wait_http(gbase + "/d/status", gsrv)
            t0 = time.time()
            gr_totals, _ = check_all(gbase, [r[3] for r in reqs], groonga_total)
            notes.append(f"{name}: groonga: first pass over the {len(reqs)} requests "
                         f"(one at a time, cold) {time.time() - t0:.1f} s")
            _, gr_times = check_all(gbase, [r[3] for r in reqs], groonga_total)
            for (cls, facets, *_), d, g in zip(reqs, dl_times, gr_times):
                single.setdefault((name, cls, facets), ([], []))
                single[(name, cls, facets)][0].append(d)
                single[(name, cls, facets)][1].append(g)

            rows += load_cells([("dateline-serve", base, srv.pid, dl_paths),
                                ("groonga", gbase, gsrv.pid, gr_paths)], name, clients_list, a.duration, 2)
            stop(gsrv)
            # browser: 20 queries of the mix (4 of each class), typed into the page
            bq = [m[1] for i, m in enumerate(mix) if i % 15 < 4]
            res, msg = browser_part(a.browser_dir, base, bq, cwork) if a.browser_dir else (None, "browser part not asked")
            if res: browser[name] = res
            if msg: notes.append(f"{name}: {msg}")
            stop(srv)

            # Totals of the two engines (tokenizers differ: Snowball stems vs Groonga's exact words;
            # Dateline's tags also hold entities found in the text).
            per_class = {}
            for (cls, facets, *_), d, g in zip(reqs, dl_totals, gr_totals):
                if facets: continue
                s = per_class.setdefault(cls, [0, 0]); s[0] += d; s[1] += g
            notes.append(f"{name}: matches summed per class, Dateline / Groonga: " +
                         ", ".join(f"{c} {d:,}/{g:,}" for c, (d, g) in per_class.items()))

            # dateline-query --batch, same request lines, one process
            lines = [r[4] for r in reqs]
            for jobs in (1, 0):
                n, wall, cpu, others = run_batch(a.bin, db, lines, jobs, a.duration, cwork)
                batch_rows.append(dict(corpus=name, jobs=jobs or f"default", n=n, wall=wall, rps=n / wall,
                                       cpu_ms=cpu * 1000 / n, others=others))
                log(f"{name} --batch jobs={jobs or 'default'}: {n / wall:.1f} req/s")
    finally:
        stop_all()

    # ------------------------------------------------------------ report
    print(f"bench-serve: wrk -d {a.duration}s per cell (after a 3 s warm-up per server; the two "
          f"servers run side by side and take turns at every client count), "
          f"{len(reqs)} GET requests cycled: {len(mix)} queries in 5 classes, each without and with "
          f"facets date,source,tag; limit 10, snippets on. {cores} cores shared by wrk, the server and "
          f"everything else; both servers with {cores} worker threads.")
    print("Latencies in ms; errors = HTTP 4xx/5xx answers (wrk's count; every request was checked for a 200 "
          "once before) + socket errors (connect/read/write/timeout at 30 s); "
          "peak RSS = the server's VmHWM over the cell (reset before it); CPU ms/req = the server "
          "process's user+system CPU time over the cell / requests answered; srv cores = the server's "
          "CPU time / wall time; others = cores busy with neither the server nor wrk (other "
          "processes on the machine) during the cell.")
    hdr = (f"{'corpus':8} {'clients':>7} {'engine':15} {'req/s':>8} {'p50':>8} {'p99':>8} {'max':>8} "
           f"{'errors':>6} {'peak RSS MiB':>12} {'CPU ms/req':>10} {'srv cores':>9} {'others':>6} {'DL/Groonga req/s':>17}")
    print(hdr)
    print("-" * len(hdr))
    for spec in a.corpora:
        name = spec.split(":")[0]
        for c in clients_list:
            cell = {r["engine"]: r for r in rows if r["corpus"] == name and r["clients"] == c}
            for eng in ("dateline-serve", "groonga"):
                r = cell.get(eng)
                if not r: continue
                ratio = ""
                if eng == "dateline-serve" and "groonga" in cell:
                    ratio = f"{r['rps'] / cell['groonga']['rps']:.2f}x"
                print(f"{name:8} {c:7} {eng:15} {r['rps']:8.1f} {r['p50_us'] / 1000:8.2f} "
                      f"{r['p99_us'] / 1000:8.2f} {r['max_us'] / 1000:8.1f} {r['errors']:6} "
                      f"{r['hwm_mib']:12.0f} {r['cpu_ms']:10.2f} {r['server_cores']:9.2f} {r['others']:6.2f} {ratio:>17}")
    print()
    print("dateline-query --batch on the same request lines (one process, process start included):")
    hdr = (f"{'corpus':8} {'jobs':>8} {'requests':>9} {'wall s':>7} {'req/s':>8} {'CPU ms/req':>10} "
           f"{'others':>6} {'serve req/s (clients)':>22} {'serve/batch':>11}")
    print(hdr)
    print("-" * len(hdr))
    for b in batch_rows:
        srv_rows = [r for r in rows if r["corpus"] == b["corpus"] and r["engine"] == "dateline-serve"]
        # --jobs 1 against one client; the default jobs against the best client count.
        pick = ([r for r in srv_rows if r["clients"] == 1] or srv_rows) if b["jobs"] == 1 else srv_rows
        best = max(pick, key=lambda r: r["rps"]) if pick else None
        s = f"{best['rps']:.1f} ({best['clients']})" if best else "-"
        ratio = f"{best['rps'] / b['rps']:.2f}x" if best else "-"
        print(f"{b['corpus']:8} {str(b['jobs']):>8} {b['n']:9} {b['wall']:7.2f} {b['rps']:8.1f} "
              f"{b['cpu_ms']:10.2f} {b['others']:6.2f} {s:>22} {ratio:>11}")
    print()
    print("One request at a time (second pass, warm; Python's urllib as the client, a new connection "
          "each), median ms per request class:")
    hdr = f"{'corpus':8} {'class':15} {'dateline-serve':>14} {'groonga':>8} {'groonga/DL':>10}"
    print(hdr)
    print("-" * len(hdr))
    for (name, cls, facets), (d, g) in single.items():
        dm, gm = statistics.median(d), statistics.median(g)
        print(f"{name:8} {cls + ('+facets' if facets else ''):15} {dm:14.2f} {gm:8.2f} {gm / dm:9.2f}x")
    print()
    if browser:
        print("Web page (Debian chromium, headless, via playwright-core): Enter in #q to the first "
              "#results .hit drawn (next animation frame after it is in the DOM), performance.now():")
        for name, r in browser.items():
            print(f"  {name}: median {r['median_ms']:.1f} ms, p90 {r['p90_ms']:.1f} ms, max {r['max_ms']:.1f} ms "
                  f"over {r['n']} queries; the /api/search fetch itself (Resource Timing) median "
                  f"{r['fetch_median_ms']:.1f} ms; medians of the parts: Enter to fetch start "
                  f"{r['enter_to_fetch_ms']:.1f} ms, response end to hit in the DOM {r['response_to_dom_ms']:.1f} ms, "
                  f"DOM to frame {r['dom_to_frame_ms']:.1f} ms")
    for n in notes:
        print(n)


if __name__ == "__main__":
    main()
