#!/usr/bin/env python3
"""Checks that a dateline database holds exactly a prefix of an input, in order.

usage: db_prefix.py DB IDS [--batch B] [--exact M] [--min M]

IDS is a file with the input's article ids, one per line, in input order (computed from the
data by the test, never by the program). The database is read with Xapian's own tools, not with
dateline: `xapian-check` must pass, every unique-id term (prefix Q, DESIGN.md) must index exactly
one document, the ids must be exactly the first M of IDS and document number i must hold id i
(the writer writes in input order). With --batch B, M must be a multiple of B or all of IDS
(whole committed batches only). --exact M and --min M check M itself. Prints M.
A folder without a database yet (no "iamglass": killed before the first commit) counts as M = 0.
"""
import argparse
import os
import re
import subprocess
import sys


def fail(msg):
    print(f"db_prefix: {msg}", file=sys.stderr)
    sys.exit(1)


def run(args):
    p = subprocess.run(args, capture_output=True, text=True, errors="replace")
    return p.returncode, p.stdout, p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("ids")
    ap.add_argument("--batch", type=int)
    ap.add_argument("--exact", type=int)
    ap.add_argument("--min", type=int)
    a = ap.parse_args()
    ids = [line.rstrip("\n") for line in open(a.ids, encoding="utf-8") if line.strip()]

    if not os.path.exists(os.path.join(a.db, "iamglass")):
        m = 0
    else:
        rc, out, err = run(["xapian-check", a.db])
        if rc != 0:
            fail(f"xapian-check {a.db} failed:\n{out[-2000:]}{err[-2000:]}")
        rc, out, err = run(["xapian-delve", a.db])
        if rc != 0:
            fail(f"the database does not open: {err.strip()}")
        found = re.search(r"number of documents = (\d+)", out)
        if not found:
            fail(f"no document count in: {out[:500]}")
        m = int(found.group(1))
        rc, out, err = run(["xapian-delve", "-A", "Q", "-1", "-v", a.db])
        if rc != 0:
            fail(f"listing Q terms: {err.strip()}")
        terms = {}
        for line in out.splitlines()[1:]:
            term, _, freq = line.rpartition(" ")
            terms[term] = int(freq)
        dups = [t for t, f in terms.items() if f != 1]
        if dups:
            fail(f"ids indexed more than once: {dups[:5]}")
        if len(terms) != m:
            fail(f"{m} documents but {len(terms)} unique ids")
        want = ["Q" + i for i in ids[:m]]
        if set(terms) != set(want):
            extra = sorted(set(terms) - set(want))[:5]
            missing = sorted(set(want) - set(terms))[:5]
            fail(f"the {m} documents are not the first {m} articles: extra {extra}, missing {missing}")
        for start in range(0, m, 500):
            chunk = want[start:start + 500]
            args = ["xapian-delve", "-1"]
            for t in chunk:
                args += ["-t", t]
            rc, out, err = run(args + [a.db])
            if rc != 0:
                fail(f"posting lists: {err.strip()}")
            docids = [int(x) for x in out.splitlines() if x.strip().isdigit()]
            expect = list(range(start + 1, start + 1 + len(chunk)))
            if docids != expect:
                bad = next(i for i, (x, y) in enumerate(zip(docids, expect)) if x != y)
                fail(f"article {start + bad + 1} ({chunk[bad]}) is document {docids[bad]}, not in input order")
    if a.batch and m % a.batch != 0 and m != len(ids):
        fail(f"{m} documents: not whole batches of {a.batch} (nor all {len(ids)} articles)")
    if a.exact is not None and m != a.exact:
        fail(f"{m} documents, expected {a.exact}")
    if a.min is not None and m < a.min:
        fail(f"{m} documents, expected at least {a.min}")
    print(m)


if __name__ == "__main__":
    main()
