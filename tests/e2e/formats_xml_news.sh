# NITF and NewsML-G2 samples: one article per NITF document and per newsItem of a newsMessage.
source "$(dirname "$0")/lib.bash" || exit 1
dir=$SRC/corpora/sample/formats
db=$WORK/db
expect_exit 0 "$BIN/dateline-index" --db "$db" "$dir/story.nitf.xml" "$dir/story.newsml.xml"
grep -q "read 3, added 3, .* rejected 0" "$WORK/err" || fail "summary: $(cat "$WORK/err")"

json_check '' 'r["total"] == 3'
json_check 'bearings' 'r["total"] == 1 and r["hits"][0]["title"] == "Old river bridge to close for repairs after inspection finds worn bearings" and r["hits"][0]["published"] == "2023-11-09T14:15:00Z" and r["hits"][0]["id"] == "valleypost-2023-1109-bridge"'
json_check 'author:roth' 'r["total"] == 1'
json_check 'tag:infrastructure' 'r["total"] == 1'
json_check 'glacier' 'r["total"] == 1 and r["hits"][0]["title"] == "Glacier above Tromsfjord retreats forty metres in a single summer" and r["hits"][0]["published"] == "2023-11-08T09:30:00Z"'
json_check 'tag:climate' 'r["total"] == 1'
json_check 'lottery' 'r["total"] == 1 and r["hits"][0]["published"] == "2023-11-08T15:20:00Z" and r["hits"][0]["source"] == "Meridian Wire"'

# The content decides, not the name: the NITF story under a JSON Lines name.
cp "$dir/story.nitf.xml" "$WORK/misnamed.jsonl"
expect_exit 0 "$BIN/dateline-index" --db "$WORK/db2" "$WORK/misnamed.jsonl"
grep -q "read 1, added 1, .* rejected 0" "$WORK/err" || fail "misnamed: $(cat "$WORK/err")"
echo ok
