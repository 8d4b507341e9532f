# The bundled sample corpus indexes cleanly, re-indexing changes nothing, and searches find it.
source "$(dirname "$0")/lib.bash"
db=$WORK/db
sample=$SRC/corpora/sample/articles.jsonl
expect_exit 0 "$BIN/dateline-index" --db "$db" "$sample"
grep -q "rejected 0" "$WORK/err" || fail "rejections: $(cat "$WORK/err")"
n=$(grep -c . "$sample")
expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --limit 0 ''
total=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$WORK/out")
[[ $total -eq $n ]] || fail "total $total, expected $n"

rev1=$(xapian-delve "$db" | grep -i revision)
expect_exit 0 "$BIN/dateline-index" --db "$db" "$sample"
grep -q "read 0, .* 1 unchanged inputs skipped" "$WORK/err" || fail "second run: $(cat "$WORK/err")"
expect_exit 0 "$BIN/dateline-index" --db "$db" --force "$sample"
grep -q "added 0, updated 0, unchanged $n" "$WORK/err" || fail "forced run: $(cat "$WORK/err")"
rev2=$(xapian-delve "$db" | grep -i revision)
[[ "$rev1" == "$rev2" ]] || fail "revision changed on re-run: $rev1 -> $rev2"

# Every language of the corpus is searchable with its own stemming.
expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --limit 0 'lang:de'
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["total"] >= 12' "$WORK/out" || fail "lang:de"
# A query that finds nothing exits 1.
expect_exit 1 "$BIN/dateline-query" --db "$db" 'zzzyzzyva'
echo ok
