# WARC sample (per-record gzip as CC-NEWS): the three HTML responses are indexed, other records skipped;
# a record whose Content-Length lies is rejected as FILE:RECORD and the rest is indexed.
source "$(dirname "$0")/lib.bash" || exit 1
dir=$SRC/corpora/sample/formats
db=$WORK/db
expect_exit 0 "$BIN/dateline-index" --db "$db" "$dir/pages.warc.gz"
grep -q "read 3, added 3, .* rejected 0" "$WORK/err" || fail "summary: $(cat "$WORK/err")"

json_check '' 'r["total"] == 3'
json_check 'lighthouse' 'r["total"] == 1 and r["hits"][0]["title"] == "Lighthouse keeper'"'"'s cottage reopens as a small museum" and r["hits"][0]["published"] == "2023-11-14T10:00:00Z"'
json_check 'site:harbourledger.example' 'r["total"] == 3'
json_check 'electric ferries' 'r["hits"][0]["url"] == "https://harbourledger.example/business/2023/11/15/shipyard-wins-ferry-contract"'
json_check 'regatta' 'r["total"] == 1 and r["hits"][0]["published"] == "2023-11-16T08:15:00Z"'
# Boilerplate (navigation, footer) is not indexed.
expect_exit 1 "$BIN/dateline-query" --db "$db" --format json 'subscribe'

# Misleading name: the same bytes as .txt, and from stdin.
cp "$dir/pages.warc.gz" "$WORK/notes.txt"
expect_exit 0 "$BIN/dateline-index" --db "$WORK/db2" "$WORK/notes.txt"
grep -q "read 3, added 3, .* rejected 0" "$WORK/err" || fail "misnamed: $(cat "$WORK/err")"
expect_exit 0 bash -c "\"$BIN/dateline-index\" --db \"$WORK/db3\" - < \"$dir/pages.warc.gz\""
grep -q "read 3, added 3, .* rejected 0" "$WORK/err" || fail "stdin: $(cat "$WORK/err")"

# A lying Content-Length in record 6, the second page's response (records: warcinfo, then a request and a
# response per page, and an image response after the first page): rejected, the other pages indexed.
python3 - "$dir/pages.warc.gz" "$WORK/lying.warc" <<'PY'
import gzip, sys
data = gzip.decompress(open(sys.argv[1], "rb").read())
records = data.split(b"WARC/1.1\r\n")[1:]
r = records[6 - 1]
head, _, rest = r.partition(b"Content-Length: ")
length, _, tail = rest.partition(b"\r\n")
records[6 - 1] = head + b"Content-Length: " + str(int(length) + 25).encode() + b"\r\n" + tail
open(sys.argv[2], "wb").write(b"".join(b"WARC/1.1\r\n" + x for x in records))
PY
expect_exit 4 "$BIN/dateline-index" --db "$WORK/db4" "$WORK/lying.warc"
grep -q "dateline-index: $WORK/lying.warc:6: Content-Length" "$WORK/err" || fail "no record error: $(cat "$WORK/err")"
grep -q "added 2, .* rejected 1" "$WORK/err" || fail "lying: $(cat "$WORK/err")"
echo ok
