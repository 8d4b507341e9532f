# Issue 7 on the sample corpus: --filter narrows (counts from the JSONL), --timeline --format csv
# gives the articles per month (dates parsed here from the records' own mixed formats), --sort and
# --recency order by those dates, --facet-type keeps people (or places), and
# --batch answers one JSON line per query line (the same on any number of --jobs), keeps going
# after a bad line and exits with the highest per-line code.
source "$(dirname "$0")/lib.bash"
db=$WORK/db
sample=$SRC/corpora/sample/articles.jsonl
expect_exit 0 "$BIN/dateline-index" --db "$db" "$sample"

# The expected values, from the data.
python3 - "$sample" >"$WORK/expected" <<'PY'
import collections, datetime, email.utils, json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
def utc(p):
    p = p.strip()
    if p.isdigit():
        return datetime.datetime.fromtimestamp(int(p), datetime.timezone.utc)
    for fmt in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d", "%B %d, %Y", "%d %b %Y"):
        try:
            d = datetime.datetime.strptime(p.replace("Z", "+00:00"), fmt)
            return d.astimezone(datetime.timezone.utc) if d.tzinfo else d
        except ValueError:
            pass
    return email.utils.parsedate_to_datetime(p).astimezone(datetime.timezone.utc)
months = collections.Counter(utc(r["published"]).strftime("%Y-%m") for r in recs)
print("timeline", " ".join(f"{m},{months[m]}" for m in sorted(months)))
sources = collections.Counter(r["source"] for r in recs)
print("ledger", sources["Northern Ledger"])
print("ledger2021", sum(1 for r in recs if r["source"] == "Northern Ledger" and utc(r["published"]).year == 2021))
print("wire", sources["Baltic Wire"])
iso = lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ")
times = sorted(utc(r["published"]).replace(tzinfo=None) for r in recs)
print("newest", " ".join(iso(d) for d in times[::-1][:5]))
print("oldest", " ".join(iso(d) for d in times[:5]))
# --recency 10d (age measured from the newest article), no query text: each article weighs
# 2^(-age / 10 days), so the ranking is the newest first and the second weighs that much.
age = (times[-1] - times[-2]).total_seconds()
print("second_weight", 2 ** (-age / (10 * 86400)))
text = lambda r: " ".join([r["title"], r.get("description", ""), r["body"]] + r.get("tags", []))
import re
print("putin", sum(1 for r in recs if re.search(r"Putin|Путин", text(r))))
print("navalny", sum(1 for r in recs if re.search(r"Navalny|Nawalny|Навальн", text(r))))
PY
want() { awk -v k="$1" '$1 == k { $1 = ""; sub(/^ /, ""); print }' "$WORK/expected"; }

# --filter: narrows to a source, then to a year as well.
expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --limit 0 --filter 'source:Northern Ledger'
total=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$WORK/out")
[[ $total -eq $(want ledger) ]] || fail "source filter: $total, expected $(want ledger)"
expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --limit 0 \
  --filter 'source:Northern Ledger' --filter date:2021-01-01..2021-12-31
total=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$WORK/out")
[[ $total -eq $(want ledger2021) ]] || fail "two filters: $total, expected $(want ledger2021)"
expect_exit 2 "$BIN/dateline-query" --db "$db" --filter 'colour:red' ''

# --timeline --format csv: bucket,count per month.
expect_exit 0 "$BIN/dateline-query" --db "$db" --timeline --bucket month --format csv ''
got=$(tail -n +2 "$WORK/out" | tr '\n' ' ' | sed 's/ $//')
[[ "$(head -1 "$WORK/out")" == "bucket,count" ]] || fail "timeline header: $(head -1 "$WORK/out")"
[[ "$got" == "$(want timeline)" ]] || fail "timeline: $got, expected $(want timeline)"
expect_exit 0 "$BIN/dateline-query" --db "$db" --timeline --bucket year --color never ''
grep -q '^  2021  ' "$WORK/out" || fail "timeline table: $(cat "$WORK/out")"

# --sort newest / oldest, and --recency: the order of the articles' own dates.
for order in newest oldest; do
  expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --limit 5 --sort "$order" ''
  got=$(python3 -c 'import json,sys; print(" ".join(h["published"] + ("T00:00:00Z" if len(h["published"]) == 10 else "") for h in json.load(open(sys.argv[1]))["hits"]))' "$WORK/out")
  [[ "$got" == "$(want "$order")" ]] || fail "--sort $order: $got, expected $(want "$order")"
done
expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --limit 5 --recency 10d ''
python3 - "$WORK/out" "$(want newest)" "$(want second_weight)" <<'PY' || fail "--recency: $(cat "$WORK/out")"
import json, sys
hits = json.load(open(sys.argv[1]))["hits"]
day = lambda p: p + "T00:00:00Z" if len(p) == 10 else p  # a date without a time is printed alone
assert " ".join(day(h["published"]) for h in hits) == sys.argv[2], [h["published"] for h in hits]
assert abs(hits[0]["score"] - 1) < 1e-9 and abs(hits[1]["score"] - float(sys.argv[3])) < 1e-9, hits[:2]
PY

# --facet tag --facet-type person: the people the articles name, in any of their spellings, and
# no place; --facet-type place has the places.
expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --limit 0 --facet tag \
  --facet-type person --facet-limit 0 ''
python3 - "$WORK/out" "$(want putin)" "$(want navalny)" <<'PY' || fail "--facet-type person: $(cat "$WORK/out")"
import json, sys
counts = {v["label"]: v["count"] for v in json.load(open(sys.argv[1]))["facets"]["tag"]}
assert counts.get("Vladimir Putin") == int(sys.argv[2]), counts
assert counts.get("Alexei Navalny") == int(sys.argv[3]), counts
assert not {"Moscow", "Russia", "Kremlin"} & set(counts), counts
PY
expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --limit 0 --facet tag \
  --facet-type place --facet-limit 0 ''
python3 - "$WORK/out" <<'PY' || fail "--facet-type place: $(cat "$WORK/out")"
import json, sys
labels = {v["label"] for v in json.load(open(sys.argv[1]))["facets"]["tag"]}
assert "Moscow" in labels and "Vladimir Putin" not in labels, labels
PY

# --batch: plain and JSON lines, a blank line, a query that finds nothing and a bad line.
printf '%s\n' 'sanctions' '{"filters": ["source:Baltic Wire"], "limit": 0}' '' 'zzzyzzyva' \
  '{"query": "x", "limit": -1}' >"$WORK/batch"
expect_exit 2 "$BIN/dateline-query" --db "$db" --batch "$WORK/batch"
python3 - "$WORK/out" "$(want wire)" <<'PY' || fail "batch output: $(cat "$WORK/out")"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert [l["line"] for l in lines] == [1, 2, 4, 5], lines
assert [l["exit"] for l in lines] == [0, 0, 1, 2], lines
assert lines[0]["query"] == "sanctions" and lines[0]["total"] >= 1
assert lines[1]["total"] == int(sys.argv[2]) and lines[1]["hits"] == []
assert "error" in lines[3] and "hits" not in lines[3]
PY
# The same batch on 1 and on 3 worker processes (lines dealt round-robin): the same lines, in the
# same order, and the same exit status.
cp "$WORK/out" "$WORK/batch.default"
for jobs in 1 3; do
  expect_exit 2 "$BIN/dateline-query" --db "$db" --batch "$WORK/batch" --jobs "$jobs"
  cmp -s "$WORK/out" "$WORK/batch.default" || fail "--batch --jobs $jobs: $(diff "$WORK/out" "$WORK/batch.default")"
done
expect_exit 2 "$BIN/dateline-query" --db "$db" --jobs 2 sanctions
grep -q -- "--jobs is for --batch" "$WORK/err" || fail "--jobs without --batch: $(cat "$WORK/err")"

# --like: the OPEC+ wire story (sample-010) finds other OPEC+ reports, never itself nor its
# republished copy sample-011 (README's near-duplicate pair).
expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --limit 5 --like sample-010
python3 - "$WORK/out" "$sample" <<'PY' || fail "--like: $(cat "$WORK/out")"
import json, sys
hits = [h["id"] for h in json.load(open(sys.argv[1]))["hits"]]
recs = {r["id"]: r for r in map(json.loads, open(sys.argv[2], encoding="utf-8"))}
assert hits and "sample-010" not in hits and "sample-011" not in hits, hits
assert "OPEC" in recs[hits[0]]["title"] + recs[hits[0]]["body"], hits
PY
expect_exit 2 "$BIN/dateline-query" --db "$db" --like no-such-article
echo ok
