# Read replicas through Xapian's own replication (xapian-replicate-server / xapian-replicate, Debian
# xapian-tools), on loopback, with every process started and stopped here. On the sample corpus:
# - a master database (one shard, and 2 local shards) written by dateline-index with
#   XAPIAN_MAX_CHANGESETS set, so that later runs ship changesets rather than full copies;
# - xapian-replicate-server on a free port of 127.0.0.1 serves the master's folder, and
#   xapian-replicate --one-shot copies each database (each shard of the sharded one, beside a copy
#   of its stub file) into a replica folder;
# - dateline-query on the replica gives the master's answers (totals, ids in order, facets);
# - a dateline-serve on the replica, started before the master grows, sees the new articles once
#   they are replicated again, with no restart (the replica's revision moves like a commit's), and
#   /api/health's revision grows (for shards: the sum of theirs).
import os
import shutil
import socket
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_lib as L  # noqa: E402

L.need_server()
for tool in ("xapian-replicate-server", "xapian-replicate"):
    if not shutil.which(tool):
        print(f"SKIP: {tool} is not installed (Debian xapian-tools)", file=sys.stderr)
        sys.exit(77)

C = L.Checker()
work = L.WORK
master, replica = os.path.join(work, "master"), os.path.join(work, "replica")
os.makedirs(master)
os.makedirs(replica)
env = dict(os.environ, XAPIAN_MAX_CHANGESETS="10")

with open(L.SAMPLE, encoding="utf-8") as f:
    lines = [l for l in f if l.strip()]
first, rest = os.path.join(work, "first.jsonl"), os.path.join(work, "rest.jsonl")
with open(first, "w", encoding="utf-8") as f:
    f.writelines(lines[: len(lines) // 2])
with open(rest, "w", encoding="utf-8") as f:
    f.writelines(lines[len(lines) // 2:])


def index(db, path, *args):
    p = subprocess.run([L.INDEX, "--quiet", "--no-sync", "--db", db, *args, path], env=env,
                       capture_output=True, text=True, timeout=300)
    if p.returncode != 0:
        raise L.Fatal(f"dateline-index --db {db} {path}: exit {p.returncode}: {p.stderr}")


def free_port():
    with socket.socket() as s:
        s.bind((L.HOST, 0))
        return s.getsockname()[1]


port = free_port()
server = subprocess.Popen(["xapian-replicate-server", "-I", L.HOST, "-p", str(port), master],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=L._pdeathsig)


def replicate(name):
    """One pass of xapian-replicate for master/NAME into replica/NAME (retried while the server starts)."""
    for _ in range(50):
        p = subprocess.run(["xapian-replicate", "-h", L.HOST, "-p", str(port), "-m", name, "-o", "-r", "0",
                            os.path.join(replica, name)], capture_output=True, text=True, timeout=120)
        if p.returncode == 0:
            return
        if "onnect" not in p.stderr:
            break
        L.time.sleep(0.1)
    raise L.Fatal(f"xapian-replicate {name}: exit {p.returncode}: {p.stderr}")


def replicate_db(db):
    """The replica of master/DB: the database itself, or each shard and the stub naming them."""
    stub = os.path.join(master, db, "XAPIANDB")
    if not os.path.isfile(stub):
        replicate(db)
        return
    os.makedirs(os.path.join(replica, db), exist_ok=True)
    for name in sorted(os.listdir(os.path.join(master, db))):
        if name.startswith("shard-"):
            replicate(f"{db}/{name}")
    shutil.copyfile(stub, os.path.join(replica, db, "XAPIANDB"))


REQUESTS = [
    ["--facet", "source,tag,date,lang,person,org,place", ""],
    ["--facet", "source,tag", "sanctions"],
    ["--sort", "newest", "--limit", "50", "putin OR kremlin"],
    ["--collapse", "oil"],
    ["--filter", "lang:en", '"central bank"'],
]


def answers(db):
    out = []
    for args in REQUESTS:
        r = L.cli_json(db, ["--format", "json", "--snippet-length", "0", *args])
        out.append(L.without(r, "parsed_query"))
    return out


try:
    for db, args in (("single", ()), ("sharded", ("--shards", "2"))):
        with C.case(f"{db}: the replica answers as the master"):
            index(os.path.join(master, db), first, *args)
            replicate_db(db)
            C.equal(answers(os.path.join(replica, db)), answers(os.path.join(master, db)),
                    f"{db}: replica vs master")
        with C.case(f"{db}: a server on the replica follows it"):
            rdb = os.path.join(replica, db)
            with L.Server(rdb) as srv:
                rev0 = srv.get("/api/health").json()["revision"]
                C.check(isinstance(rev0, int) and rev0 >= 1, f"{db}: replica /api/health revision {rev0}")
                before = srv.get("/api/search?q=&limit=0").json()["total"]
                C.check(before == len(lines) // 2, f"{db}: {before} articles served, expected {len(lines) // 2}")
                index(os.path.join(master, db), rest, *args)
                replicate_db(db)
                after = srv.get("/api/search?q=&limit=0").json()["total"]
                rev1 = srv.get("/api/health").json()["revision"]
                C.check(isinstance(rev1, int) and rev1 > rev0, f"{db}: revision {rev0} -> {rev1} after replication")
                C.check(after == len(lines), f"{db}: {after} articles served after replication, expected {len(lines)}")
                C.equal(L.without(srv.get("/api/search?q=sanctions&facet=source,tag&snippet_length=0").json(),
                                  "parsed_query"),
                        L.without(L.cli_json(os.path.join(master, db),
                                             ["--format", "json", "--snippet-length", "0", "--facet", "source,tag",
                                              "sanctions"]), "parsed_query"),
                        f"{db}: the server on the replica vs the master")
            C.equal(answers(rdb), answers(os.path.join(master, db)), f"{db}: replica vs master after growth")
        with C.case(f"{db}: a server on the master"):
            with L.Server(os.path.join(master, db)) as srv:
                h = srv.get("/api/health").json()
                C.check(h["articles"] == len(lines) and isinstance(h["revision"], int), f"{db}: master /api/health {h}")
finally:
    server.kill()
    server.wait()
C.finish("replicas")
