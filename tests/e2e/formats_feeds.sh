# RSS and Atom samples index one article per item/entry, with titles, dates, authors and tags from the feed.
source "$(dirname "$0")/lib.bash" || exit 1
dir=$SRC/corpora/sample/formats
db=$WORK/db
expect_exit 0 "$BIN/dateline-index" --db "$db" "$dir/feed.rss" "$dir/feed.atom"
grep -q "read 5, added 5, .* rejected 0" "$WORK/err" || fail "summary: $(cat "$WORK/err")"

# json_check QUERY PYTHON-EXPRESSION: runs the query, evaluates the expression on the JSON result `r`.
json_check '' 'r["total"] == 5'
json_check 'title:ferry' 'r["total"] == 1 and r["hits"][0]["title"] == "Ferry timetable changes ahead of winter storms" and r["hits"][0]["published"] == "2023-11-10T08:30:00Z"'
json_check 'tag:weather' 'r["total"] == 1 and r["hits"][0]["url"] == "https://harbourledger.example/transport/2023/11/10/ferry-winter-timetable"'
json_check 'author:ekdahl' 'r["total"] == 1 and r["hits"][0]["published"] == "2023-11-11T16:05:00Z"'
json_check 'customs house' 'r["total"] == 1 and r["hits"][0]["title"] == "Council approves new library for Eastport"'
json_check 'source:northwind-courier' 'r["total"] == 2'
json_check 'apple harvest' 'r["hits"][0]["title"] == "Orchard growers report a record apple harvest" and r["hits"][0]["published"] == "2023-11-13T04:00:00Z"'
json_check 'sleeper carriages' 'r["total"] == 1 and r["hits"][0]["published"] == "2023-11-12T20:15:00Z"'
json_check 'date:2023-11-12' 'r["total"] == 2'
echo ok
