# Acceptance of the end-to-end issue on Reuters-21578: every article indexed, a re-run changes
# nothing, and total, per-month date counts and tag counts equal counts computed from the input.
source "$(dirname "$0")/lib.bash"
need_shared
reuters=$SHARED/corpora/reuters21578/reuters21578.jsonl.gz
db=$WORK/db
fields=(--field tags=topics,places,people,orgs)

expect_exit 0 "$BIN/dateline-index" --db "$db" "${fields[@]}" "$reuters"
grep -q "read 20841, added 20841, updated 0, unchanged 0, exact duplicates [0-9]*, rejected 0" "$WORK/err" || fail "first run: $(cat "$WORK/err")"
rev1=$(xapian-delve "$db" | grep -i revision)
expect_exit 0 "$BIN/dateline-index" --db "$db" "${fields[@]}" "$reuters"
grep -q "read 0, .*1 unchanged inputs skipped" "$WORK/err" || fail "second run: $(cat "$WORK/err")"
# Forced to read everything again, every article is found unchanged and nothing is written.
expect_exit 0 "$BIN/dateline-index" --db "$db" --force "${fields[@]}" "$reuters"
grep -q "read 20841, added 0, updated 0, unchanged 20841, exact duplicates [0-9]*, rejected 0" "$WORK/err" || fail "forced run: $(cat "$WORK/err")"
[[ "$rev1" == "$(xapian-delve "$db" | grep -i revision)" ]] || fail "the database changed on re-run"
xapian-check "$db" >/dev/null || fail "xapian-check"

check() { # check QUERY_NAME FILTER_KIND ARG QUERY
  python3 "$SRC/tests/e2e/expected_counts.py" "$reuters" "$2" "$3" > "$WORK/expected.json"
  expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --facet date --facet source --facet tag \
    --facet-limit 1000 --bucket month --limit 3 "$4"
  python3 "$SRC/tests/e2e/compare_counts.py" "$WORK/expected.json" "$WORK/out" "$5" || fail "$1"
}
check "tag:grain" tag grain 'tag:grain' input-tags
check "wheat in March 1987" word+march wheat 'wheat date:1987-03-01..1987-03-31' input-tags
check "open-ended range" tag+from-june crude 'tag:crude date:1987-06..' input-tags

# Without entity tagging the tag facet holds exactly the input's tags.
expect_exit 0 "$BIN/dateline-index" --db "$WORK/db-plain" --no-entities "${fields[@]}" "$reuters"
db=$WORK/db-plain
check "tag:grain, tags only from input" tag grain 'tag:grain' all-tags
echo ok
