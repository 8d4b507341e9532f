# tar.gz, zip, .zst and .bz2 samples: every member is indexed with an "archive:member" origin; a
# plain tar and a zip of the feeds, NITF, NewsML-G2, WARC and .zst samples read as their members.
source "$(dirname "$0")/lib.bash" || exit 1
dir=$SRC/corpora/sample/formats
db=$WORK/db
expect_exit 0 "$BIN/dateline-index" --db "$db" "$dir/pages.tar.gz" "$dir/pages.zip" "$dir/wire.jsonl.zst"
grep -q "read 11, added 11, .* rejected 0" "$WORK/err" || fail "summary: $(cat "$WORK/err")"
# The .bz2 holds the same three records as the .zst: the same articles, now read from another
# input, are rewritten to record where they come from (updated), never duplicated.
expect_exit 0 "$BIN/dateline-index" --db "$db" "$dir/wire.jsonl.bz2"
grep -q "read 3, added 0, updated 3, unchanged 0" "$WORK/err" || fail "bz2: $(cat "$WORK/err")"

json_check '' 'r["total"] == 11'
json_check 'choir' 'r["total"] == 1 and r["hits"][0]["title"] == "Fishermen'"'"'s choir sets off on its first tour abroad" and r["hits"][0]["published"] == "2023-11-07T15:30:00Z"'
json_check 'amber warning' 'r["hits"][0]["title"] == "Amber warning issued as the first winter storm approaches" and r["hits"][0]["published"] == "2023-11-09T18:45:00Z"'
json_check 'cardamom' 'r["total"] == 1 and r["hits"][0]["id"] == "harbourledger-brief-0108"'
json_check 'lifeboat' 'r["total"] == 1 and r["hits"][0]["published"] == "2023-11-06T07:00:00Z"'
json_check 'radar' 'r["total"] == 1 and r["hits"][0]["title"] == "Airport tower gets a new radar"'
json_check 'date:2023-11-08' 'r["total"] == 2'

# --emit shows the member in the input location.
expect_exit 0 "$BIN/dateline-index" --dry-run --emit jsonl "$dir/pages.zip"
grep -q "\"input\":\"$dir/pages.zip:site/market-hall.html\"" "$WORK/out" || fail "origin: $(head -c 400 "$WORK/out")"
# From stdin, and under a misleading name.
expect_exit 0 bash -c "\"$BIN/dateline-index\" --dry-run - < \"$dir/pages.tar.gz\""
grep -q "read 4, .* rejected 0" "$WORK/err" || fail "stdin: $(cat "$WORK/err")"
cp "$dir/pages.zip" "$WORK/pages.html"
expect_exit 0 "$BIN/dateline-index" --dry-run "$WORK/pages.html"
grep -q "read 4, .* rejected 0" "$WORK/err" || fail "misnamed: $(cat "$WORK/err")"

# A plain tar and a zip of every other format (feeds, NITF, NewsML-G2, WARC, compressed JSON Lines):
# each member is read as it is on its own, the same number of articles in all.
members=(feed.rss feed.atom story.nitf.xml story.newsml.xml pages.warc.gz wire.jsonl.zst)
expected=0
for m in "${members[@]}"; do
  expect_exit 0 "$BIN/dateline-index" --dry-run "$dir/$m"
  n=$(sed -n 's/^dateline-index: read \([0-9]*\),.*/\1/p' "$WORK/err")
  [[ $n -gt 0 ]] || fail "$m alone: $(cat "$WORK/err")"
  expected=$((expected + n))
done
(cd "$dir" && tar -cf "$WORK/all.tar" "${members[@]}")
(cd "$dir" && python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    for m in sys.argv[2:]: z.write(m)' "$WORK/all.zip" "${members[@]}")
for archive in all.tar all.zip; do
  expect_exit 0 "$BIN/dateline-index" --dry-run --emit jsonl "$WORK/$archive"
  grep -q "read $expected, .* rejected 0" "$WORK/err" || fail "$archive: expected $expected articles: $(cat "$WORK/err")"
  grep -q "\"input\":\"$WORK/$archive:pages.warc.gz:[0-9]*\"" "$WORK/out" ||
    fail "$archive: no WARC record origin: $(grep -o '"input":"[^"]*"' "$WORK/out" | head -3)"
  grep -q "\"input\":\"$WORK/$archive:story.newsml.xml" "$WORK/out" || fail "$archive: no NewsML origin"
done
echo ok
