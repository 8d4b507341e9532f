# Broken lines are named with file and line, good lines are indexed, the exit code is 4;
# a malformed date range in a query exits 2 and says what is wrong.
source "$(dirname "$0")/lib.bash"
db=$WORK/db
broken=$SRC/corpora/sample/broken.jsonl
expect_exit 4 "$BIN/dateline-index" --db "$db" "$broken"
for line in 2 4 5; do
  grep -q "^dateline-index: $broken:$line: " "$WORK/err" || fail "line $line not reported: $(cat "$WORK/err")"
done
grep -q ":2: invalid JSON" "$WORK/err" || fail "reason for line 2"
grep -q ":4: record has no title and no body" "$WORK/err" || fail "reason for line 4"
grep -q ":5: unparseable date" "$WORK/err" || fail "reason for line 5"
[[ $(grep -c "^dateline-index: $broken:" "$WORK/err") -eq 3 ]] || fail "exactly three lines reported"
expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --limit 0 ''
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["total"] == 3' "$WORK/out" || fail "3 good lines indexed"

# Same through stdin and gzip.
gzip -c "$broken" > "$WORK/broken.jsonl.gz"
expect_exit 4 "$BIN/dateline-index" --db "$WORK/db2" "$WORK/broken.jsonl.gz"
grep -q "broken.jsonl.gz:2: invalid JSON" "$WORK/err" || fail "gz line numbers"
expect_exit 4 "$BIN/dateline-index" --db "$WORK/db3" - < "$broken"
grep -q "^dateline-index: -:2: invalid JSON" "$WORK/err" || fail "stdin line numbers"

# Query errors: exit 2 with a reason, never a crash.
for q in 'date:1987-13..' 'date:foo..bar' 'date:2021-02-30'; do
  expect_exit 2 "$BIN/dateline-query" --db "$db" "$q"
  grep -qi "date" "$WORK/err" || fail "message for $q: $(cat "$WORK/err")"
done
expect_exit 2 "$BIN/dateline-query" --db "$db" 'title:(unclosed AND'
# A missing database exits 3.
expect_exit 3 "$BIN/dateline-query" --db "$WORK/nope" 'x'
expect_exit 2 "$BIN/dateline-index" --db "$db"
echo ok
