# Folders as people keep them: a dump next to its README, a fetch script, images and a style
# sheet. Files found in a folder or an archive that are clearly not news (by name: README, code,
# images; by content: scripts, binary data) are skipped, counted in the summary and named with
# --verbose; named on the command line, they are rejected with the reason, never silently.
# A .json file holding an array of articles, or one pretty-printed article, is read as articles.
source "$(dirname "$0")/lib.bash"
py=/usr/bin/python3; [[ -x $py ]] || py=python3
in=$WORK/in
mkdir -p "$in/assets" "$in/tools"
printf '{"id":"line-1","title":"Harbour dredging","body":"Dredging of the harbour starts in May."}\n' >"$in/dump.jsonl"
printf '# Our news dumps\n\nThis folder holds the harbour news dumps of 2021.\n' >"$in/README.md"
printf 'MIT License\n\nPermission is hereby granted, free of charge...\n' >"$in/LICENSE"
printf '#!/bin/sh\ncurl -s https://news.example/dump > dump.jsonl\n' >"$in/tools/fetch"
printf 'import json\nprint(json.dumps({}))\n' >"$in/tools/convert.py"
printf 'body { color: #333 }\n' >"$in/assets/site.css"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1' >"$in/assets/logo.png"
printf '\xff\xd8\xff\xe0\0\x10JFIF\0' >"$in/assets/photo-caption.txt" # a JPEG, whatever its name
"$py" - "$in" <<'PY'
import json, sys
d = sys.argv[1]
articles = [{"id": "arr-1", "title": "Ferry timetable", "body": "The ferry timetable changes on Monday."},
            {"id": "arr-2", "title": "Quay repairs", "body": "Repairs on the quay [phase two] start."}]
open(f"{d}/articles.json", "w").write(json.dumps(articles, indent=2))
open(f"{d}/one.json", "w").write(json.dumps({"id": "one-1", "title": "Regatta", "body": "The regatta drew crowds."}, indent=4))
PY
(cd "$in" && tar cf "$WORK/pack.tar" README.md tools assets dump.jsonl)

db=$WORK/db
expect_exit 0 "$BIN/dateline-index" --db "$db" "$in"
grep -q "read 4, added 4, .* rejected 0, .* 7 files skipped as not news" "$WORK/err" || fail "summary: $(cat "$WORK/err")"
[[ $(grep -c "skipped:" "$WORK/err") -eq 0 ]] || fail "listed without --verbose: $(cat "$WORK/err")"
json_check '' 'sorted(h["id"] for h in r["hits"]) == ["arr-1", "arr-2", "line-1", "one-1"]'

expect_exit 0 "$BIN/dateline-index" --db "$WORK/db2" --verbose "$in" "$WORK/pack.tar"
for f in README.md LICENSE tools/fetch tools/convert.py assets/site.css assets/logo.png assets/photo-caption.txt; do
  grep -q "^dateline-index: $in/$f: skipped: .*not news" "$WORK/err" || fail "$f not listed: $(cat "$WORK/err")"
done
grep -q "^dateline-index: $in/tools/fetch: skipped: a script (#!/bin/sh), not news" "$WORK/err" || fail "script reason"
grep -q "^dateline-index: $in/assets/photo-caption.txt: skipped: binary data (a JPEG image), not news" "$WORK/err" || fail "jpeg reason"
grep -q "^dateline-index: $WORK/pack.tar:README.md: skipped:" "$WORK/err" || fail "archive member not listed"
grep -q "13 files skipped as not news" "$WORK/err" || fail "summary: $(cat "$WORK/err")"

# Named, they are not skipped: read, or rejected with the reason.
expect_exit 4 "$BIN/dateline-index" --db "$WORK/db3" "$in/tools/fetch" "$in/assets/photo-caption.txt" "$in/dump.jsonl"
grep -q "^dateline-index: $in/tools/fetch: a script (#!/bin/sh), not news" "$WORK/err" || fail "named script: $(cat "$WORK/err")"
grep -q "^dateline-index: $in/assets/photo-caption.txt: binary data (a JPEG image), not news" "$WORK/err" || fail "named image"
grep -q "added 1, .* rejected 2," "$WORK/err" || fail "named: $(cat "$WORK/err")"
echo ok
