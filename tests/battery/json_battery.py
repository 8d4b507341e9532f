#!/usr/bin/env python3
"""The query battery in its JSON form (query/query_json.h): each query of QUERIES is turned into
its structured form by `dateline-query --explain-query --format jsonl` (tree -> JSON), and the
JSON queries, run as `--batch` lines {"q": {...}}, must give the totals and top 20 ids of the text
queries in the same batch run. A text query the language rejects must have no JSON form (the
explain fails the same way). Prints a summary; exit 1 on any difference.
   json_battery.py BIN DB QUERIES"""
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor


def batch(binary, db, lines):
    out = subprocess.run([binary, "--db", db, "--batch", "-", "--limit", "20", "--snippet-length",
                          "0", "--suggest-below", "0", "--jobs", "1"],
                         input="".join(l + "\n" for l in lines), text=True,
                         capture_output=True).stdout.splitlines()
    if len(out) != len(lines):
        sys.exit("json battery: %d answers for %d lines" % (len(out), len(lines)))
    results = []
    for line in out:
        d = json.loads(line)
        results.append({"error": d["error"]} if "error" in d else
                       {"total": d["total"], "ids": [h["id"] for h in d["hits"]]})
    return results


def explain(binary, db, q):
    r = subprocess.run([binary, "--db", db, "--explain-query", "--format", "jsonl", "--", q],
                       capture_output=True, text=True)
    return json.loads(r.stdout)["query_json"] if r.returncode == 0 else None


def main():
    binary, db, queries_file = sys.argv[1:4]
    with open(queries_file, encoding="utf-8") as f:
        queries = [line.rstrip("\n") for line in f if line.strip()]
    with ThreadPoolExecutor(2) as pool:
        forms = list(pool.map(lambda q: explain(binary, db, q), queries))
    text = batch(binary, db, [json.dumps({"q": q}) for q in queries])
    with_form = [i for i, f in enumerate(forms) if f is not None]
    structured = batch(binary, db, [json.dumps({"q": forms[i]}) for i in with_form])
    bad = 0
    for i, got in zip(with_form, structured):
        if got != text[i]:
            bad += 1
            print("differs: %r as %s: %s, text %s" % (queries[i], json.dumps(forms[i]),
                                                      json.dumps(got)[:300], json.dumps(text[i])[:300]))
    for i, form in enumerate(forms):
        if form is None and "error" not in text[i]:
            bad += 1
            print("no JSON form, but the text query runs: %r" % queries[i])
    errors = sum(1 for f in forms if f is None)
    print("json battery: %d queries, %d JSON forms give the text's totals and top 20 ids, "
          "%d differ; %d queries are errors in both forms" % (len(queries), len(with_form) - bad,
                                                             bad, errors))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
