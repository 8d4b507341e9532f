# Issue 6 item 4, the query side: databases that are missing, not Xapian databases, or of another
# schema version exit 3 with a clear message; huge --limit/--offset page within the database;
# wildcard expansion is bounded and a zero limit is refused. Expected counts come from the records.
source "$(dirname "$0")/lib.bash"
db=$WORK/db
sample=$SRC/corpora/sample/articles.jsonl
expect_exit 0 "$BIN/dateline-index" --db "$db" "$sample"
records=$(grep -c . "$sample")

err_has() { grep -q "$1" "$WORK/err" || fail "expected '$1' in: $(cat "$WORK/err")"; }

expect_exit 3 "$BIN/dateline-query" --db "$WORK/missing" oil
err_has "cannot open database $WORK/missing: no such file or directory"
echo "not a database" >"$WORK/file.txt"
expect_exit 3 "$BIN/dateline-query" --db "$WORK/file.txt" oil
err_has "not a Xapian database"
mkdir "$WORK/empty"
expect_exit 3 "$BIN/dateline-query" --db "$WORK/empty" oil
err_has "not a Xapian database"
cp -r "$db" "$WORK/older"
xapian-metadata set "$WORK/older" dateline:schema_version 0
expect_exit 3 "$BIN/dateline-query" --db "$WORK/older" oil
err_has "schema version 0 is older than this dateline-query supports"
xapian-metadata set "$WORK/older" dateline:schema_version v9
expect_exit 3 "$BIN/dateline-query" --db "$WORK/older" --stats
err_has "unreadable schema version 'v9'"
xapian-metadata set "$WORK/older" dateline:schema_version 999
expect_exit 3 "$BIN/dateline-query" --db "$WORK/older" --batch - </dev/null
err_has "schema version 999 is newer"

# The largest --limit and --offset a count takes; one more is a usage error.
expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --snippet-length 0 --limit 4294967295 ''
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert len(r["hits"]) == r["total"] == int(sys.argv[2]), r["total"]' \
  "$WORK/out" "$records" || fail "huge limit"
expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --offset 4294967295 --limit 4294967295 ''
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["hits"] == [] and r["total"] == int(sys.argv[2])' \
  "$WORK/out" "$records" || fail "huge offset"
expect_exit 2 "$BIN/dateline-query" --db "$db" --limit 4294967296 ''
expect_exit 2 "$BIN/dateline-query" --db "$db" --offset -1 ''
printf '%s\n' '{"limit": 99999999999}' >"$WORK/batch"
expect_exit 2 "$BIN/dateline-query" --db "$db" --batch "$WORK/batch"
grep -q '"exit":2' "$WORK/out" || fail "batch limit: $(cat "$WORK/out")"

# A one-letter wildcard expands to at most --max-expansion words (the most frequent).
expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --limit 0 --max-expansion 3 's*'
python3 - "$WORK/out" "$sample" <<'PY' || fail "wildcard: $(cat "$WORK/out")"
import collections, json, re, sys
r = json.load(open(sys.argv[1]))
recs = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
docs = [set(re.findall(r"\w+", " ".join(x.get(k) or "" for k in ("title", "description", "body")).lower())) for x in recs]
df = collections.Counter(w for d in docs for w in d if w.startswith("s") and len(w) > 1)
assert 0 < r["total"] < sum(1 for d in docs if any(w.startswith("s") for w in d)) or len(df) <= 3, r["total"]
top = {w for w, _ in df.most_common(3)}
assert r["total"] >= max(sum(1 for d in docs if w in d) for w in top), r["total"]
PY
expect_exit 2 "$BIN/dateline-query" --db "$db" --max-expansion 0 's*'
grep -q "wildcard expansion limit must be 1 to" "$WORK/err" || fail "max-expansion 0: $(cat "$WORK/err")"
echo ok
