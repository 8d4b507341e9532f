# --shards: a bulk load written by per-thread shards and merged by compaction holds exactly what the
# single writer writes (same articles, terms, values, clusters, spelling words, ingestion state),
# answers the same queries with the same counts, passes xapian-check, and an interrupted sharded run
# leaves the database empty, never half-written.
source "$(dirname "$0")/lib.bash"
need_shared
reuters=$SHARED/corpora/reuters21578/reuters21578.jsonl.gz
fields=(--field tags=topics,places,people,orgs)
mkdir -p "$WORK/in"
# 1,500 Reuters articles (with duplicates and near-duplicates) and the bundled sample corpus.
{ zcat "$reuters" || true; } | head -1500 > "$WORK/in/reuters.jsonl"
cp "$SRC/corpora/sample/articles.jsonl" "$WORK/in/sample.jsonl"
expected=$(( $(wc -l < "$WORK/in/reuters.jsonl") + $(grep -c . "$WORK/in/sample.jsonl") ))

expect_exit 0 "$BIN/dateline-index" --db "$WORK/single" "${fields[@]}" "$WORK/in"
grep -q "read $expected, added $expected, .*rejected 0" "$WORK/err" || fail "single writer: $(cat "$WORK/err")"
expect_exit 0 "$BIN/dateline-index" --db "$WORK/sharded" --shards 3 --jobs 2 --batch 200 "${fields[@]}" "$WORK/in"
grep -q "read $expected, added $expected, .*rejected 0.* $expected articles in" "$WORK/err" || fail "sharded: $(cat "$WORK/err")"
[[ ! -e "$WORK/sharded/.dateline-shards" ]] || fail "the temporary shards were not removed"
xapian-check "$WORK/sharded" >/dev/null || fail "xapian-check on the merged database"

# Article by article (terms with positions, values, data), spelling table and metadata.
expect_exit 0 "$BIN/dateline-db-diff" "$WORK/single" "$WORK/sharded"
grep -q "^$expected articles, [1-9][0-9]* spelling words compared: 0 differences" "$WORK/out" || fail "$(cat "$WORK/out")"

# The same queries give the same totals, facet counts and story counts.
# (--limit 0: no hits, whose docids differ; the rest of the JSON must be the same.)
answer() { # answer DB QUERY...
  "$BIN/dateline-query" --db "$1" --format json --limit 0 --facet tag --facet date --facet source \
    --facet-limit 0 "${@:2}"
}
for q in wheat '"crude oil"' 'tag:grain' 'title:bank' 'date:1987-03-01..1987-03-15' 'rates NOT bank' 'opec*'; do
  for collapse in "" --collapse; do
    a=$(answer "$WORK/single" $collapse "$q") || fail "query $q $collapse on the single-writer index"
    b=$(answer "$WORK/sharded" $collapse "$q") || fail "query $q $collapse on the sharded index"
    [[ "$a" == "$b" ]] || fail "query $q $collapse: $a vs $b"
    [[ "$a" =~ \"total\":\ *[1-9] ]] || fail "query $q matches nothing: the comparison would prove nothing"
  done
done

# The ingestion state was merged: a re-run reads nothing.
expect_exit 0 "$BIN/dateline-index" --db "$WORK/sharded" "${fields[@]}" "$WORK/in"
grep -q "read 0, .*2 unchanged inputs skipped" "$WORK/err" || fail "re-run over the sharded index: $(cat "$WORK/err")"
# Shards only build new databases.
expect_exit 3 "$BIN/dateline-index" --db "$WORK/sharded" --shards 2 --force "${fields[@]}" "$WORK/in"
grep -q -- "--shards builds a new database" "$WORK/err" || fail "shards into a full database: $(cat "$WORK/err")"

# A sharded run killed before the merge leaves an empty database and a stale temporary folder; the
# next run removes the folder and finishes the job.
zcat "$reuters" > "$WORK/all.jsonl"
"$BIN/dateline-index" --db "$WORK/killed" --shards 2 --quiet "${fields[@]}" "$WORK/all.jsonl" &
pid=$!
for _ in $(seq 100); do [[ -e "$WORK/killed/.dateline-shards/shard-1/iamglass" ]] && break; sleep 0.1; done
sleep 0.5
kill -9 "$pid" 2>/dev/null || fail "the sharded run finished before it could be killed"
wait "$pid" 2>/dev/null || true
[[ -d "$WORK/killed/.dateline-shards" ]] || fail "expected the killed run's temporary folder"
# Exit 1: a readable database with no match for "everything".
expect_exit 1 "$BIN/dateline-query" --db "$WORK/killed" --format json --limit 0 ''
grep -q '"total": *0\b' "$WORK/out" || fail "the killed run left articles in the database: $(cat "$WORK/out")"
expect_exit 0 "$BIN/dateline-index" --db "$WORK/killed" --shards 2 "${fields[@]}" "$WORK/in"
grep -q "added $expected, .* $expected articles in" "$WORK/err" || fail "run after the kill: $(cat "$WORK/err")"
[[ ! -e "$WORK/killed/.dateline-shards" ]] || fail "the stale temporary folder was not removed"
expect_exit 0 "$BIN/dateline-db-diff" "$WORK/single" "$WORK/killed"
echo ok
