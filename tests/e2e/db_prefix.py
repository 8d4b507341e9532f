#!/usr/bin/env python3
"""Checks that a dateline database holds exactly a prefix of an input, in order.

usage: db_prefix.py DB IDS [--shards N] [--batch B] [--exact M] [--min M]

IDS is a file with the input's article ids, one per line, in input order (computed from the
data by the test, never by the program). The database is read with Xapian's own tools, not with
dateline: `xapian-check` must pass, every unique-id term (prefix Q, DESIGN.md) must index exactly
one document, the ids must be exactly the first M of IDS and document number i must hold id i
(the writer writes in input order). With --batch B, M must be a multiple of B or all of IDS
(whole committed batches only).
With --shards N, DB is a sharded database: the stub DB/XAPIANDB lists shard-0 ... shard-N-1 and
opens as one database holding the shards' sum, and shard s holds exactly the first k_s of the ids
that hash to s, in input order. The shard of an id is computed here from the documented hash
(shard_layout.h: FNV-1a 64 of the id term "Q" + id, SplitMix64's finalizer, mod N), not asked of
the program. M is then the articles of all shards.
--exact M and --min M check M itself. Prints M.
A folder without a database yet (no "iamglass", or no stub: killed before the first commit or
while creating the shards) counts as M = 0.
"""
import argparse
import os
import re
import subprocess
import sys

M64 = (1 << 64) - 1


def shard_of(term, n):
    h = 0xCBF29CE484222325
    for b in term.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & M64
    h ^= h >> 30
    h = (h * 0xBF58476D1CE4E5B9) & M64
    h ^= h >> 27
    h = (h * 0x94D049BB133111EB) & M64
    h ^= h >> 31
    return h % n


def fail(msg):
    print(f"db_prefix: {msg}", file=sys.stderr)
    sys.exit(1)


def run(args):
    p = subprocess.run(args, capture_output=True, text=True, errors="replace")
    return p.returncode, p.stdout, p.stderr


def doccount(path):
    rc, out, err = run(["xapian-delve", path])
    if rc != 0:
        fail(f"{path} does not open: {err.strip()}")
    found = re.search(r"number of documents = (\d+)", out)
    if not found:
        fail(f"no document count in: {out[:500]}")
    return int(found.group(1))


def check_database(path, want_all, numbered):
    """The number of documents of the database at path, checked to be the first of want_all (id
    terms), in order: numbered 1, 2, ... when `numbered`, else only ascending."""
    rc, out, err = run(["xapian-check", path])
    if rc != 0:
        fail(f"xapian-check {path} failed:\n{out[-2000:]}{err[-2000:]}")
    m = doccount(path)
    rc, out, err = run(["xapian-delve", "-A", "Q", "-1", "-v", path])
    if rc != 0:
        fail(f"listing Q terms of {path}: {err.strip()}")
    terms = {}
    for line in out.splitlines()[1:]:
        term, _, freq = line.rpartition(" ")
        terms[term] = int(freq)
    dups = [t for t, f in terms.items() if f != 1]
    if dups:
        fail(f"{path}: ids indexed more than once: {dups[:5]}")
    if len(terms) != m:
        fail(f"{path}: {m} documents but {len(terms)} unique ids")
    want = want_all[:m]
    if set(terms) != set(want):
        extra = sorted(set(terms) - set(want))[:5]
        missing = sorted(set(want) - set(terms))[:5]
        fail(f"{path}: the {m} documents are not the first {m} articles: extra {extra}, missing {missing}")
    last = 0
    for start in range(0, m, 500):
        chunk = want[start:start + 500]
        args = ["xapian-delve", "-1"]
        for t in chunk:
            args += ["-t", t]
        rc, out, err = run(args + [path])
        if rc != 0:
            fail(f"posting lists of {path}: {err.strip()}")
        docids = [int(x) for x in out.splitlines() if x.strip().isdigit()]
        for k, docid in enumerate(docids):
            if docid <= last or (numbered and docid != start + k + 1):
                fail(f"{path}: article {start + k + 1} ({chunk[k]}) is document {docid}, not in input order")
            last = docid
    return m


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("ids")
    ap.add_argument("--shards", type=int)
    ap.add_argument("--batch", type=int)
    ap.add_argument("--exact", type=int)
    ap.add_argument("--min", type=int)
    a = ap.parse_args()
    ids = ["Q" + line.rstrip("\n") for line in open(a.ids, encoding="utf-8") if line.strip()]

    m = 0
    if a.shards is None:
        if os.path.exists(os.path.join(a.db, "iamglass")):
            m = check_database(a.db, ids, numbered=True)
    elif os.path.exists(os.path.join(a.db, "XAPIANDB")):
        stub = open(os.path.join(a.db, "XAPIANDB")).read().split("\n")
        expect = [f"auto shard-{i}" for i in range(a.shards)] + [""]
        if stub != expect:
            fail(f"stub {stub} is not {expect}")
        for s in range(a.shards):
            want = [t for t in ids if shard_of(t, a.shards) == s]
            m += check_database(os.path.join(a.db, f"shard-{s}"), want, numbered=False)
        if doccount(a.db) != m:
            fail(f"the stub opens {doccount(a.db)} documents, the shards hold {m}")
    if a.batch and m % a.batch != 0 and m != len(ids):
        fail(f"{m} documents: not whole batches of {a.batch} (nor all {len(ids)} articles)")
    if a.exact is not None and m != a.exact:
        fail(f"{m} documents, expected {a.exact}")
    if a.min is not None and m < a.min:
        fail(f"{m} documents, expected at least {a.min}")
    print(m)


if __name__ == "__main__":
    main()
