#!/usr/bin/env python3
"""The matcher of query/fast_match.h against Xapian's, on Reuters-21578.

A --batch run prepares the database (search.h: prepare_for_many_searches), so its searches of
plain words, phrases and filters run on the project's own matcher; a one-shot dateline-query does
not, so the same request runs on Xapian's Enquire. For every request below both must give the same
total, the same hits in the same order with the same scores (to the last bit, through the JSON's
17 significant digits), and the same facet counts. The batch asks every request three times: the
first reads each term's postings through Xapian, the second keeps the frequent ones in the
postings cache (postings_cache.h: a list is kept at its second use) and the third reads them from
there; all three must equal the one-shot answer.
   own_matcher.py BIN DB"""
import json
import subprocess
import sys

WORDS = "oil wheat dollar bank profit coffee gold tariff sugar copper rubber yen shares loan strike".split()
ANDS = ["oil prices", "bank rate", "trade deficit", "crude oil output", "interest rates cut",
        "central bank intervention", "net profit rose", "coffee quota", "money supply"]
PHRASES = ['"interest rates"', '"crude oil"', '"federal reserve"', '"raw sugar"',
           '"prime rate" "bank"', '"oil prices" "opec"', 'wheat "grain shipments"']
DATES = ["oil date:1987-03-01..1987-03-31", "dollar date:1987-04..1987-05", "wheat date:..1987-03",
         "bank date:1987-06..", "coffee date:1987-02-26..1987-04-15", "gold date:1987-05"]
FIELDS = ["prices tag:crude", "exports tag:grain", "profit tag:earn", "rate tag:money-fx",
          "shares tag:acq source:reuters", "japan tag:trade tag:usa", "zzzunknownword",
          "oil tag:nosuchtag"]


def requests():
    out = []
    for q in WORDS + ANDS + PHRASES + DATES + FIELDS:
        out.append({"q": q, "limit": 10, "facets": ["date", "source", "tag"]})
    for q in ["oil", "dollar yen", '"interest rates"', "wheat date:1987-03", "profit tag:earn"]:
        out.append({"q": q, "limit": 25, "sort": "newest"})
        out.append({"q": q, "limit": 25, "sort": "oldest", "facets": ["lang", "place"]})
        out.append({"q": q, "limit": 7, "offset": 13})
        out.append({"q": q, "limit": 0, "facets": ["tag", "person", "org"]})
        out.append({"q": q, "limit": 15, "filters": ["tag:usa"]})
        out.append({"q": q, "limit": 15, "filters": ["-tag:usa", "date:1987-03..1987-06"]})
    return out


def cli_args(r):
    args = ["--limit", str(r["limit"])]
    if "offset" in r: args += ["--offset", str(r["offset"])]
    if "sort" in r: args += ["--sort", r["sort"]]
    if r.get("facets"): args += ["--facet", ",".join(r["facets"])]
    for f in r.get("filters", []): args += ["--filter=" + f]
    return args


def essence(d):
    return {"total": d["total"], "sort": d.get("sort"),
            "hits": [(h["id"], h["score"]) for h in d["hits"]],
            "facets": d.get("facets")}


def main():
    binary, db = sys.argv[1:3]
    reqs = requests()
    common = ["--snippet-length", "0", "--suggest-below", "0"]
    rounds = 3
    lines = "".join(json.dumps(r) + "\n" for r in reqs) * rounds
    batch = subprocess.run([binary, "--db", db, "--batch", "-", "--jobs", "1"] + common,
                           input=lines, text=True, capture_output=True)
    answers = batch.stdout.splitlines()
    if len(answers) != rounds * len(reqs):
        sys.exit("own matcher: %d answers for %d requests" % (len(answers), rounds * len(reqs)))
    bad = 0
    for i, r in enumerate(reqs):
        one = subprocess.run([binary, "--db", db, "--format", "json"] + common + cli_args(r) +
                             ["--", r["q"]], text=True, capture_output=True)
        if one.returncode not in (0, 1):
            sys.exit("own matcher: dateline-query failed on %r: %s" % (r, one.stderr))
        b = essence(json.loads(one.stdout))
        for round_ in range(rounds):
            a = essence(json.loads(answers[round_ * len(reqs) + i]))
            if a != b:
                bad += 1
                print("DIFFERS (round %d) %s\n  batch: %s\n  alone: %s" % (round_ + 1, json.dumps(r), a, b))
    print("own matcher: %d requests x %d rounds, %d differ" % (len(reqs), rounds, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
