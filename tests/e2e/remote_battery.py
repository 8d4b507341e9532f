#!/usr/bin/env python3
"""The battery of e2e/remote_shards.sh: writes the requests (one JSON object a line, for
`dateline-query --batch`), and compares answer files line by line.

   remote_battery.py requests QUERIES IDS > REQUESTS
   remote_battery.py compare A B [--label TEXT] [--skip-like REQUESTS]
                     [--skip-collapse REQUESTS]

requests: every query of QUERIES (one a line) with every facet (limit 50, by relevance), then
again sorted newest with --collapse, oldest with a filter, and ranked by recency; a facet by
entity type and by month; --like of each id in IDS. compare: the same totals, top ids in order,
collapsed copies and facets (values, labels, counts, distinct, other, missing, bucket): a label
is the spelling most common among the matches, whatever the layout. --skip-like leaves out the answers of the requests with "like" (Xapian weighs
--like's expansion terms by each shard's statistics: the chosen terms may differ by design), and
--skip-collapse those with "collapse" (shards built apart with --shard I/N cluster stories per
shard: indexer/remote_layout.h).
Exit 1 with the first difference."""
import json
import sys

FACETS = ["tag", "source", "date", "lang", "person", "org", "place", "site", "keyword"]


def requests(queries_file, ids_file):
    queries = [l.rstrip("\n") for l in open(queries_file, encoding="utf-8") if l.strip()]
    ids = [l.strip() for l in open(ids_file, encoding="utf-8") if l.strip()]
    common = {"limit": 50, "snippet_length": 0, "suggest_below": 0}
    out = []
    for q in queries:
        out.append({**common, "q": q, "facet": FACETS})
        out.append({**common, "q": q, "sort": "newest", "collapse": True, "facet": ["tag", "date"]})
        out.append({**common, "q": q, "sort": "oldest", "filter": ["place:usa"],
                    "facet": ["source", "place"]})
        out.append({**common, "q": q, "recency": "30d", "now": "1987-04-01",
                    "facet": ["person", "org"]})
    for q in queries[:10]:
        out.append({**common, "q": q, "facet": ["tag", "date"], "facet_type": "person",
                    "bucket": "month", "facet_limit": 0})
    for i in ids:
        out.append({**common, "q": "", "like": i, "facet": ["tag", "source"]})
    for r in out:
        print(json.dumps(r))


def answers(path):
    return [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]


def view(a):
    facets = {}
    for name, values in (a.get("facets") or {}).items():
        facets[name] = [(v["value"], v["label"], v["count"])
                        for v in values]
    return {
        "total": a.get("total"),
        "ids": [h["id"] for h in a.get("hits", [])],
        "copies": [[c.get("id") for c in h.get("copies", [])] for h in a.get("hits", [])],
        "facets": facets,
        "facets_info": a.get("facets_info"),
        "error": a.get("error"),
        "partial": a.get("partial"),
    }


def compare(args):
    a, b = answers(args[0]), answers(args[1])
    label = args[args.index("--label") + 1] if "--label" in args else ""
    skip = set()
    if "--skip-collapse" in args:
        reqs = [json.loads(l) for l in open(args[args.index("--skip-collapse") + 1]) if l.strip()]
        skip |= {i for i, r in enumerate(reqs) if r.get("collapse")}
    if "--skip-like" in args:
        reqs = [json.loads(l) for l in open(args[args.index("--skip-like") + 1]) if l.strip()]
        skip |= {i for i, r in enumerate(reqs) if r.get("like")}
    if len(a) != len(b):
        sys.exit(f"{label}: {len(a)} answers vs {len(b)}")
    same = matched = 0
    for i, (x, y) in enumerate(zip(a, b)):
        if i in skip:
            continue
        vx, vy = view(x), view(y)
        for key in vx:
            if vx[key] != vy[key]:
                sys.exit(f"{label}: answer {i + 1} ({x.get('query')!r}): {key} differs:\n"
                         f"  {json.dumps(vx[key])[:700]}\n  {json.dumps(vy[key])[:700]}")
        same += 1
        matched += 1 if (vx["total"] or 0) > 0 else 0
    if matched < same // 2:
        sys.exit(f"{label}: only {matched} of {same} answers match anything: proves little")
    print(f"{label}: {same} answers the same ({matched} with matches, {len(skip)} not compared)")


if __name__ == "__main__":
    if sys.argv[1] == "requests":
        requests(sys.argv[2], sys.argv[3])
    else:
        compare(sys.argv[2:])
