# The query regression battery (issue 15): 1,200 generated queries (tests/battery/queries.txt,
# every form of the query language and combinations) on Reuters-21578 must give the totals and
# top 20 ids of the baseline made with the Xapian::QueryParser-based parser before the query tree
# (tests/battery/reuters_baseline.jsonl), except the differences listed and justified in
# tests/battery/differences.tsv (see tests/battery/DIFFERENCES.md); each query's JSON form
# (--explain-query --format json, run as a --batch line's "query" object) gives the text's; and
# the own matcher gives Xapian's answers (own_matcher.py).
source "$(dirname "$0")/lib.bash"
need_shared
reuters=$SHARED/corpora/reuters21578/reuters21578.jsonl.gz
battery=$SRC/tests/battery
expect_exit 0 "$BIN/dateline-index" --quiet --db "$WORK/db" --field tags=topics,places,people,orgs "$reuters"
python3 "$battery/run_battery.py" "$BIN/dateline-query" "$WORK/db" "$battery/queries.txt" \
  --compare "$battery/reuters_baseline.jsonl" "$battery/differences.tsv" || fail "battery"
# The same queries in their JSON form (query/query_json.h): the text's totals and top 20 ids.
python3 "$battery/json_battery.py" "$BIN/dateline-query" "$WORK/db" "$battery/queries.txt" \
  || fail "json battery"
# The project's own matcher (query/fast_match.h, what --batch and the server use for plain words,
# phrases and filters) against Xapian's: totals, hits, scores and facets.
python3 "$SRC/tests/e2e/own_matcher.py" "$BIN/dateline-query" "$WORK/db" || fail "own matcher"
echo ok
