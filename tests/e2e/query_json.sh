# Structured queries (query/query_json.h, query/OUTPUT.md) through the real dateline-query on the
# sample corpus: --query-json TEXT, @FILE and @- give the --format json document of the equivalent
# text query (the "query" field aside: it echoes the JSON), a --batch line {"query": {...}} gives
# the same answer as --query-json, --explain-query shows the text's tree and Xapian query (with
# --format json the text's JSON form, which gives the text's result back), and a bad
# JSON query exits 2 naming the bad node's path (also as a batch line's error). Usage mistakes
# (--query-json with QUERY words or with --batch) exit 2.
source "$(dirname "$0")/lib.bash"
db=$WORK/db
expect_exit 0 "$BIN/dateline-index" --quiet --db "$db" "$SRC/corpora/sample/articles.jsonl"
export Q="$BIN/dateline-query" DB="$db" WORK
python3 - <<'EOF' || fail "structured queries"
import json, os, subprocess, sys

Q, DB, WORK = os.environ["Q"], os.environ["DB"], os.environ["WORK"]
bad = 0


def run(args, stdin=None):
    r = subprocess.run([Q, "--db", DB, *args], input=stdin, capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def check(ok, what):
    global bad
    if not ok:
        bad += 1
        print("FAIL:", what, file=sys.stderr)
    return ok


# (JSON query, the text query it stands for)
CASES = [
    ({"words": "putin"}, "putin"),
    ({"words": "oil prices"}, "oil prices"),
    ({"phrase": "interest rates"}, '"interest rates"'),
    ({"all": [{"words": "putin"}, {"minus": {"words": "kremlin"}}, {"field": "lang", "value": "en"}]},
     "putin -kremlin lang:en"),
    ({"and": [{"words": "inflation"}, {"date": {"from": "2020-03", "to": "2021-04"}},
              {"not": {"field": "source", "value": "baltic-wire"}}]},
     "inflation AND date:2020-03..2021-04 AND NOT source:baltic-wire"),
    ({"or": [{"wildcard": "infla"}, {"near": "central bank", "window": 3}]},
     "infla* OR central NEAR/3 bank"),
    ({"field": "tag", "value": "United States"}, 'tag:"United States"'),
    ({"not": {"field": "tag", "value": "Russia"}}, "NOT tag:Russia"),
    ({"all": []}, ""),
]
opts = ["--format", "json", "--limit", "20", "--facet", "source"]
for obj, text in CASES:
    q = json.dumps(obj)
    rc_t, out_t, err_t = run(opts + ["--", text] if text else opts)
    rc_j, out_j, err_j = run(opts + ["--query-json", q])
    if not check(rc_t in (0, 1) and rc_j == rc_t, f"{q}: exit {rc_j} ({err_j.strip()}), text {text!r} exit {rc_t}"):
        continue
    t, j = json.loads(out_t), json.loads(out_j)
    check(j["query"] == json.dumps(obj, separators=(",", ":")), f"{q}: query field {j['query']!r}")
    t.pop("query"), j.pop("query")
    check(t == j, f"{q}: --query-json document differs from the text {text!r}'s:\n{out_j[:800]}\n{out_t[:800]}")
    check(t["total"] > 0, f"{text!r} finds nothing: a weak case")

    # @FILE, @-, and a --batch line carrying the object
    path = os.path.join(WORK, "q.json")
    with open(path, "w") as f:
        f.write(json.dumps(obj, indent=2))
    rc_f, out_f, _ = run(opts + ["--query-json", "@" + path])
    check(rc_f == rc_j and out_f == out_j, f"{q}: --query-json @FILE differs")
    rc_s, out_s, _ = run(opts + ["--query-json", "@-"], stdin=q)
    check(rc_s == rc_j and out_s == out_j, f"{q}: --query-json @- differs")
    line = json.dumps({"query": obj, "limit": 20, "facets": ["source"]})
    rc_b, out_b, err_b = run(["--batch", "-", "--jobs", "1"], stdin=line + "\n")
    b = json.loads(out_b)
    check(b.pop("line") == 1 and b.pop("exit") == rc_j, f"{q}: batch line number or exit")
    j2 = json.loads(out_j)
    for doc in (b, j2):  # the batch prepares its database: parsed_query shows the fast words
        doc.pop("parsed_query")
    check(b == j2, f"{q}: batch line answer differs from --query-json:\n{out_b[:600]}")

# --explain-query: the same Xapian query as the text's (the tree's columns are 0: no text)
rc, out, _ = run(["--explain-query", "--query-json", json.dumps(CASES[3][0])])
rc2, out2, _ = run(["--explain-query", "--", CASES[3][1]])
check(rc == 0 and out.splitlines()[-1] == out2.splitlines()[-1], f"--explain-query:\n{out}\n{out2}")

# --explain-query --format json: a text query's JSON form, which --query-json takes back.
for _, text in CASES[:-1]:
    rc, out, err = run(["--explain-query", "--format", "json", "--", text])
    if not check(rc == 0, f"--explain-query --format json {text!r}: exit {rc} {err}"):
        continue
    form = json.loads(out)["query_json"]
    rc_t, out_t, _ = run(opts + ["--", text])
    rc_j, out_j, _ = run(opts + ["--query-json", json.dumps(form)])
    t, j = json.loads(out_t), json.loads(out_j)
    t.pop("query"), j.pop("query")
    check(rc_j == rc_t and t == j, f"{text!r}: its JSON form {json.dumps(form)} gives another result")

# Errors: exit 2, the path of the bad node; in a batch, that line's error.
ERRORS = [
    ({"and": [{"words": "oil"}, {"words": "gas"}, {"date": {"from": "2020-13"}}]}, "and[2].date.from: bad date '2020-13'"),
    ({"and": []}, "and: is empty"),
    ({"words": "oil", "colour": "red"}, "unknown key 'colour'"),
    ({"or": [{"words": "a"}, {"field": "bogus", "value": "x"}]}, "or[1].field: unknown field 'bogus'"),
]
for obj, want in ERRORS:
    rc, out, err = run(["--query-json", json.dumps(obj)])
    check(rc == 2 and want in err, f"{obj}: exit {rc}, {err.strip()!r}, expected {want!r}")
    rc, out, err = run(["--batch", "-", "--jobs", "1"], stdin=json.dumps({"q": obj}) + "\n")
    d = json.loads(out)
    check(rc == 2 and d["exit"] == 2 and want in d["error"], f"batch {obj}: {out.strip()}")
for args, want in [(["--query-json", "{not json"], "not valid JSON"),
                   (["--query-json", '"oil"'], "must be an object"),
                   (["--query-json", "@/nonexistent/q.json"], "cannot read --query-json file"),
                   (["--query-json", '{"words": "oil"}', "gas"], "no QUERY words too"),
                   (["--query-json", '{"words": "oil"}', "--batch", "-"], "no --query-json")]:
    rc, out, err = run(args)
    check(rc == 2 and want in err, f"{args}: exit {rc}, {err.strip()!r}, expected {want!r}")
sys.exit(1 if bad else 0)
EOF
echo ok
