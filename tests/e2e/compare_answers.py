#!/usr/bin/env python3
"""Compares two files of dateline-query JSON answers (one object per line, as --batch writes them,
or one pretty-printed object): the same totals, the same top ids in the same order, the same facets
(values, counts, distinct, missing, other), the same copies of collapsed hits and the same spelling
suggestion. Scores, snippets
and docids are not compared (docids differ between layouts by design).

usage: compare_answers.py A B [--label TEXT]   exit 1 with the first difference
"""
import json
import sys


def answers(path):
    text = open(path, encoding="utf-8").read()
    try:
        return [json.loads(text)]
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]


def view(a):
    return {
        "total": a.get("total"),
        "ids": [h["id"] for h in a.get("hits", [])],
        "copies": [[c.get("id") for c in h.get("copies", [])] for h in a.get("hits", [])],
        "facets": a.get("facets"),
        "facets_info": a.get("facets_info"),
        "error": a.get("error"),
        "suggestion": a.get("suggestion"),
    }


def main():
    a, b = answers(sys.argv[1]), answers(sys.argv[2])
    label = sys.argv[4] if len(sys.argv) > 4 else ""
    if len(a) != len(b):
        sys.exit(f"{label}: {len(a)} answers vs {len(b)}")
    matched = 0
    for i, (x, y) in enumerate(zip(a, b)):
        vx, vy = view(x), view(y)
        for key in vx:
            if vx[key] != vy[key]:
                sys.exit(f"{label}: answer {i + 1} ({x.get('query')!r}): {key} differs:\n"
                         f"  {json.dumps(vx[key])[:600]}\n  {json.dumps(vy[key])[:600]}")
        matched += 1 if (vx["total"] or 0) > 0 else 0
    if matched < len(a) // 2:
        sys.exit(f"{label}: only {matched} of {len(a)} queries match anything: proves little")
    print(f"{len(a)} answers the same ({matched} with matches)")


if __name__ == "__main__":
    main()
