#!/usr/bin/env python3
"""The query regression battery: runs every query of QUERIES through `dateline-query --batch` on
DB and prints one JSON line per query: {"q", "total", "ids" (the top 20)} or {"q", "error"}.
With --compare BASELINE it instead compares with a baseline made by the same script (from the
binaries of the main branch before the query tree) and prints each query whose total or top 20
differ; the queries listed in DIFFERENCES (one `query<TAB>reason` a line: docs in
tests/battery/DIFFERENCES.md) may differ. Exit 1 on any other difference.
   run_battery.py BIN DB QUERIES [--compare BASELINE DIFFERENCES]"""
import json
import subprocess
import sys


def run(binary, db, queries):
    lines = "".join(json.dumps({"q": q}) + "\n" for q in queries)
    out = subprocess.run([binary, "--db", db, "--batch", "-", "--limit", "20", "--snippet-length",
                          "0", "--suggest-below", "0", "--jobs", "1"], input=lines, text=True,
                         capture_output=True).stdout.splitlines()
    if len(out) != len(queries):
        sys.exit("battery: %d answers for %d queries" % (len(out), len(queries)))
    results = []
    for q, line in zip(queries, out):
        d = json.loads(line)
        if "error" in d:
            results.append({"q": q, "error": True})
        else:
            results.append({"q": q, "total": d["total"], "ids": [h["id"] for h in d["hits"]]})
    return results


def main():
    binary, db, queries_file = sys.argv[1:4]
    with open(queries_file, encoding="utf-8") as f:
        queries = [line.rstrip("\n") for line in f if line.strip()]
    results = run(binary, db, queries)
    if len(sys.argv) < 5:
        for r in results:
            print(json.dumps(r, ensure_ascii=False))
        return 0
    baseline_file, differences_file = sys.argv[5:7]
    with open(baseline_file, encoding="utf-8") as f:
        baseline = {d["q"]: d for d in map(json.loads, f)}
    allowed = {}
    with open(differences_file, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                q, _, reason = line.rstrip("\n").partition("\t")
                allowed[q] = reason
    bad = 0
    for r in results:
        b = baseline.get(r["q"])
        if b is None:
            print("no baseline for %r" % r["q"])
            bad += 1
            continue
        if b == r:
            continue
        if r["q"] in allowed:
            continue
        bad += 1
        print("DIFF %r\n  baseline: %s\n  now:      %s" % (r["q"], json.dumps(b)[:300], json.dumps(r)[:300]))
    print("battery: %d queries, %d differ unexpectedly, %d listed differences" % (len(results), bad, len(allowed)))
    return 1 if bad else 0


sys.exit(main())
