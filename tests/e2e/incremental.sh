# Incremental runs: a re-run reads only new or changed inputs, a changed article is replaced (not
# duplicated), --delete and --delete-missing remove articles, other settings read inputs again, and
# an input read again keeps only the articles it now holds.
source "$(dirname "$0")/lib.bash"
db=$WORK/db
mkdir -p "$WORK/in"
article() { printf '{"id":"%s","title":"%s","body":"%s","published":"2021-0%s-01"}\n' "$@"; }
{ article a1 "Alpha harvest" "Wheat harvest begins early" 1; article a2 "Beta" "Copper prices rise" 2; } > "$WORK/in/one.jsonl"
article b1 "Gamma" "Central bank holds rates" 3 > "$WORK/in/two.jsonl"

total() { "$BIN/dateline-query" --db "$db" --format json --limit 0 "${1:-}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }

expect_exit 0 "$BIN/dateline-index" --db "$db" "$WORK/in"
grep -q "read 3, added 3" "$WORK/err" || fail "first run: $(cat "$WORK/err")"

# A grown archive: only the new file is read.
article c1 "Delta" "Oil output cut" 4 > "$WORK/in/three.jsonl"
expect_exit 0 "$BIN/dateline-index" --db "$db" "$WORK/in"
grep -q "read 1, added 1, .*2 unchanged inputs skipped" "$WORK/err" || fail "grown: $(cat "$WORK/err")"

# A touched file is not read again; a changed file is, and its changed article replaced.
touch "$WORK/in/two.jsonl"
{ article a1 "Alpha harvest" "Wheat harvest begins late" 1; article a2 "Beta" "Copper prices rise" 2; } > "$WORK/in/one.jsonl"
expect_exit 0 "$BIN/dateline-index" --db "$db" "$WORK/in"
grep -q "read 2, added 0, updated 1, unchanged 1, .*2 unchanged inputs skipped" "$WORK/err" || fail "changed: $(cat "$WORK/err")"
[[ $(total) -eq 4 ]] || fail "4 articles expected"
[[ $(total late) -eq 1 && $(total early) -eq 0 ]] || fail "the changed article was not replaced"

# Other settings: every input is read again.
expect_exit 0 "$BIN/dateline-index" --db "$db" --no-entities "$WORK/in"
grep -q "read 4," "$WORK/err" || fail "settings change: $(cat "$WORK/err")"

# Deleting.
expect_exit 0 "$BIN/dateline-index" --db "$db" --delete b1
grep -q "deleted 1" "$WORK/err" || fail "--delete: $(cat "$WORK/err")"
rm "$WORK/in/three.jsonl"
expect_exit 0 "$BIN/dateline-index" --db "$db" --no-entities --delete-missing "$WORK/in"
grep -q "deleted 1" "$WORK/err" || fail "--delete-missing: $(cat "$WORK/err")"
[[ $(total) -eq 2 ]] || fail "2 articles expected after deletions, got $(total)"

# A file read again holds only what it holds now: articles gone from it are deleted, and so are
# the old versions of changed articles whose id is their content (no id, no URL).
noid() { printf '{"title":"%s","body":"%s","published":"2021-05-0%s"}\n' "$@"; }
db=$WORK/db-noid
mkdir -p "$WORK/noid"
{ noid "Port strike" "Dockers walk out at the harbour" 1; noid "Tin output" "Smelters cut tin output" 2
  noid "Rubber" "Rubber exports climb" 3; } > "$WORK/noid/wire.jsonl"
noid "Sugar" "Sugar quotas extended" 4 > "$WORK/noid/other.jsonl"
expect_exit 0 "$BIN/dateline-index" --db "$db" "$WORK/noid"
[[ $(total) -eq 4 ]] || fail "4 id-less articles expected, got $(total)"
{ noid "Port strike" "Dockers end the walkout at the harbour" 1; noid "Tin output" "Smelters cut tin output" 2; } > "$WORK/noid/wire.jsonl"
expect_exit 0 "$BIN/dateline-index" --db "$db" "$WORK/noid"
grep -q "read 2, added 1, updated 0, unchanged 1, .*deleted 2; 1 unchanged inputs skipped" "$WORK/err" ||
  fail "id-less re-read: $(cat "$WORK/err")"
[[ $(total) -eq 3 && $(total walkout) -eq 1 && $(total 'walk out') -eq 0 && $(total rubber) -eq 0 ]] ||
  fail "stale articles left: total $(total), 'walk out' $(total 'walk out'), rubber $(total rubber)"
[[ $(total sugar) -eq 1 ]] || fail "the other input's article was touched"
# Nothing changed: a forced re-read deletes nothing and keeps everything.
expect_exit 0 "$BIN/dateline-index" --db "$db" --force "$WORK/noid"
grep -q "read 3, added 0, updated 0, unchanged 3, .*deleted 0;" "$WORK/err" || fail "--force: $(cat "$WORK/err")"
[[ $(total) -eq 3 ]] || fail "--force changed the count: $(total)"
echo ok
