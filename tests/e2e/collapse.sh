# Near-duplicates: the sample corpus has exactly two stories printed twice (sample-010/011 and
# sample-017/018, see corpora/sample/README.md); --collapse shows each once with its copy and the
# copy's source. An exact duplicate under another id joins its story (default) or is not indexed
# (--duplicates drop).
source "$(dirname "$0")/lib.bash"
db=$WORK/db
sample=$SRC/corpora/sample/articles.jsonl
expect_exit 0 "$BIN/dateline-index" --db "$db" "$sample"

"$BIN/dateline-query" --db "$db" --format json --limit 100 --collapse '' > "$WORK/collapsed.json"
python3 - "$WORK/collapsed.json" <<'PY' || fail "collapse"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["total"] == 70, r["total"]
copies = {h["id"]: [c["id"] for c in h["copies"]] for h in r["hits"] if h["copies"]}
pairs = {frozenset([k] + v) for k, v in copies.items()}
assert pairs == {frozenset(["sample-010", "sample-011"]), frozenset(["sample-017", "sample-018"])}, copies
PY

# The same text under a new id is an exact duplicate: kept in the same story by default, not
# indexed with --duplicates drop.
python3 - "$sample" > "$WORK/dup.jsonl" <<'PY'
import json, sys
r = json.loads(open(sys.argv[1], encoding="utf-8").readline())
r["id"] = "copy-of-" + r["id"]; r["title"] = "Another headline"; r["source"] = "Copycat Daily"
print(json.dumps(r))
PY
cp -r "$db" "$WORK/db-drop"
expect_exit 0 "$BIN/dateline-index" --db "$WORK/db-drop" --duplicates drop "$WORK/dup.jsonl"
grep -q "added 0, .*exact duplicates 1" "$WORK/err" || fail "dropped duplicate: $(cat "$WORK/err")"
expect_exit 0 "$BIN/dateline-index" --db "$db" "$WORK/dup.jsonl"
grep -q "added 1, .*exact duplicates 1" "$WORK/err" || fail "kept duplicate: $(cat "$WORK/err")"
"$BIN/dateline-query" --db "$db" --format json --collapse --limit 100 '' > "$WORK/c2.json"
python3 - "$WORK/c2.json" <<'PY' || fail "the kept duplicate should join its story, with its source"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["total"] == 70, r["total"]
story = [h for h in r["hits"] if "sample-001" in [h["id"]] + [c["id"] for c in h["copies"]]]
assert len(story) == 1, story
copies = {c["id"]: c["source"] for c in story[0]["copies"]}
assert copies == {"copy-of-sample-001": "Copycat Daily"} or copies == {"sample-001": "Rheinische Rundschau"}, copies
PY
# The table names the copies' sources under the hit.
"$BIN/dateline-query" --db "$db" --format table --collapse --limit 100 '' > "$WORK/c2.txt"
grep -Eq '\+1 more of this story: (Copycat Daily|Rheinische Rundschau)' "$WORK/c2.txt" ||
  fail "table: no copy line with the source: $(head -20 "$WORK/c2.txt")"
echo ok
