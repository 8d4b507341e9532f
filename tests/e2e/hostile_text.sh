# Hostile records and pages: a 1 GB JSON line streamed through a pipe (skipped without being
# buffered), records and articles over the size limits, JSON nested millions deep, HTML nested a
# million deep, invalid and overlong UTF-8, NUL bytes, wrong and bogus charsets, UTF-16 with and
# without a byte order mark, binary files, empty files, WARC records whose Content-Length lies.
# Each bad input or record is named with the reason, the good ones around it are indexed, and the
# worst cases stay under 2 GiB of memory and 10 s of CPU (measured).
source "$(dirname "$0")/lib.bash"
source "$(dirname "$0")/hostile_lib.bash"
in=$WORK/in
mkdir -p "$in"

# A 1 GB line between two good records, streamed (never on disk).
long_line() {
  "$py" -c 'import sys
o = sys.stdout.buffer
o.write(b"{\"id\": \"before\", \"title\": \"Before the long line\", \"body\": \"Harbour text before.\"}\n")
o.write(b"{\"id\": \"huge\", \"title\": \"x\", \"body\": \"")
chunk = b"a" * (1 << 20)
for _ in range(1024): o.write(chunk)
o.write(b"\"}\n{\"id\": \"after\", \"title\": \"After the long line\", \"body\": \"Harbour text after.\"}\n")'
}
db=$WORK/db-line
measured "a 1 GiB JSON line through a pipe" 4 bash -c "$(declare -f long_line); py=$py; long_line | \"$BIN/dateline-index\" --db \"$db\" -"
reported "-:2:" "line longer than 67108864 bytes (--max-record-size), skipped"
ids_are harbour before after

# Records and articles over the limits: the article text limit (1 MiB) keeps the cost of one
# article bounded; the worst article under it (1 MiB of distinct random words) is measured alone.
"$py" - "$in" <<'PY'
import json, random, sys
d = sys.argv[1]
r = random.Random(7)
words = ["".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(r.randint(3, 9))) for _ in range(200000)]
def text(size):
    out, n = [], 0
    while n < size:
        w = r.choice(words); out.append(w); n += len(w) + 1
    return " ".join(out)
open(f"{d}/../worst.jsonl", "w").write(json.dumps({"id": "worst", "title": "Worst case", "body": text((1 << 20) - 4096)}) + "\n")
open(f"{d}/big-article.jsonl", "w").write(
    json.dumps({"id": "big", "title": "Too big", "body": text(8 << 20)}) + "\n"
    + json.dumps({"id": "small", "title": "Small one", "body": "Harbour small text."}) + "\n")
PY
measured "the worst article under the limits (1 MiB of random words)" 0 "$BIN/dateline-index" --db "$WORK/db-worst" "$WORK/worst.jsonl"

# JSON nested 5 million deep, and HTML a million deep.
"$py" - "$in" <<'PY'
import sys
d = sys.argv[1]
open(f"{d}/deep-json.jsonl", "w").write("[" * 5000000 + "]" * 5000000 + '\n{"id": "deep-after", "title": "After the deep one", "body": "Harbour deep text."}\n')
open(f"{d}/deep.html", "w").write("<html><head><title>Deep</title></head><body>" + "<div>" * 1000000
    + "<p>Deep text about the harbour.</p>" + "</div>" * 1000000 + "</body></html>")
open(f"{d}/deep-inline.html", "w").write("<html><body><article><h1>Inline</h1><p>" + "<b><i><span>" * 300000
    + "Deep inline text about the harbour and the ferries of the town council.</p></article></body></html>")
PY
measured "JSON nested 5 million deep" 4 "$BIN/dateline-index" --db "$WORK/db-deep" "$in/deep-json.jsonl"
reported "$in/deep-json.jsonl:1:" "JSON nested deeper than 64 levels"
measured "HTML nested a million deep" 4 "$BIN/dateline-index" --db "$WORK/db-deep" "$in/deep.html"
# (The tree is built to any depth; its one short line is no article.)
reported "$in/deep.html:" "no article text found"
# A sentence 900,000 levels down is the article (libxml2 used to stop at depth 256).
measured "inline HTML nested 900,000 deep" 0 "$BIN/dateline-index" --db "$WORK/db-deep" "$in/deep-inline.html"
"$BIN/dateline-query" --db "$WORK/db-deep" --format json --limit 0 ferries >"$WORK/deep.json" ||
  fail "query of the deep inline article"
"$py" -c 'import json, sys; sys.exit(json.load(open(sys.argv[1]))["total"] != 1)' "$WORK/deep.json" ||
  fail "the article 900,000 levels deep is not found by its words"

# Bytes: invalid and overlong UTF-8, NUL bytes, charsets, binary files, empty files.
printf '%s\n' '{"id":"u-ok","title":"Valid UTF-8 café","body":"Harbour café text."}' >"$in/utf8.jsonl"
printf '{"id":"u1","title":"Bad \xff byte","body":"x"}\n' >>"$in/utf8.jsonl"
printf '{"id":"u2","title":"Overlong \xc0\xaf slash","body":"x"}\n' >>"$in/utf8.jsonl"
printf '{"id":"u3","title":"Surrogate \xed\xa0\x80","body":"x"}\n' >>"$in/utf8.jsonl"
printf '{"id":"u4","title":"Cut \xe2\x82","body":"x"}\n' >>"$in/utf8.jsonl"
printf '{"id":"n1","title":"Raw \x00 NUL","body":"x"}\n' >"$in/nul.jsonl"
printf '{"id":"n2","title":"Escaped NUL","body":"a\\u0000b harbour"}\n' >>"$in/nul.jsonl"
printf 'Harbour council meets\n\nThe harbour \x00council met on Tuesday to discuss the new ferry timetable for the winter. The mayor said the ferries would run every hour from the first of December.\n' >"$in/nul.txt"
printf 'Quay repairs \xff\xfe planned\n\nThe quay \xc0\xaf repairs are planned for the spring, the harbour master said on Wednesday. The work will close two berths \xed\xa0\x80 for a month.\n' >"$in/bad-utf8.txt"
"$py" - "$in" <<'PY'
import os, sys
d = sys.argv[1]
page = ('<html><head><meta charset="{cs}"><title>{t}</title></head><body><article><h1>{t}</h1>'
        '<p>{p}</p><p>The council will publish the full plan for the harbour front next month.</p></article></body></html>')
open(f"{d}/latin1-says-utf8.html", "wb").write(page.format(cs="utf-8", t="Café crème on the quay",
    p="Le café du port a rouvert ses portes mardi après des travaux, a annoncé la mairie.").encode("latin-1"))
open(f"{d}/bogus-charset.html", "wb").write(page.format(cs="x-no-such-charset", t="Bogus charset news",
    p="The council met on Tuesday to discuss the harbour and the new ferry timetable.").encode())
wide = page.format(cs="utf-16", t="Sixteen bit news", p="The ferry timetable changes on Monday, the harbour office said.")
open(f"{d}/utf16-bom.html", "wb").write(wide.encode("utf-16"))  # with a byte order mark
open(f"{d}/utf16-nobom.txt", "wb").write("Sixteen bits without a mark\n\nSome harbour text.\n".encode("utf-16-le"))
open(f"{d}/utf16.jsonl", "wb").write('{"id": "w1", "title": "Wide", "body": "Wide text"}\n'.encode("utf-16"))
open(f"{d}/image.txt", "wb").write(b"\x89PNG\r\n\x1a\n" + os.urandom(3000))
open(f"{d}/random.bin.txt", "wb").write(os.urandom(20000))
open(f"{d}/blank.jsonl", "w").write("\n  \n\n")
PY
: >"$in/empty.jsonl"
: >"$in/empty.html"

# WARC records whose Content-Length lies: too long by 25 (resync at the next record), too long by
# a mile (the input ends first: the records after it are still read), negative, too short.
"$py" - "$SRC/corpora/sample/formats/pages.warc.gz" "$in" <<'PY'
import gzip, sys
data = gzip.decompress(open(sys.argv[1], "rb").read())
records = data.split(b"WARC/1.1\r\n")[1:]
def lie(n, how):
    rs = list(records)
    head, _, rest = rs[n - 1].partition(b"Content-Length: ")
    length, _, tail = rest.partition(b"\r\n")
    rs[n - 1] = head + b"Content-Length: " + how(int(length)) + b"\r\n" + tail
    return b"".join(b"WARC/1.1\r\n" + r for r in rs)
# Records: warcinfo, then per page a request and a response (and an image after the first page);
# the pages' responses are records 3, 6 and 8.
open(f"{sys.argv[2]}/lie-long.warc", "wb").write(lie(6, lambda l: str(l + 25).encode()))
open(f"{sys.argv[2]}/lie-huge.warc", "wb").write(lie(6, lambda l: b"99999999999"))
open(f"{sys.argv[2]}/lie-negative.warc", "wb").write(lie(6, lambda l: b"-5"))
open(f"{sys.argv[2]}/lie-short.warc", "wb").write(lie(3, lambda l: str(l // 2).encode()))
PY

db=$WORK/db
# (--verbose: binary files found in a folder are skipped as not news, and named with the reason.)
max_cpu_s=60 measured "hostile text inputs (all files)" 4 "$BIN/dateline-index" --db "$db" --verbose "$in"
reported "$in/big-article.jsonl:1:" "article text of"
reported "$in/big-article.jsonl:1:" "(--max-article-size)"
# (Byte positions: '{"id":"u1","title":"' is 20 bytes.)
reported "$in/utf8.jsonl:2:" "invalid UTF-8 at byte 25 (invalid byte)"
reported "$in/utf8.jsonl:3:" "invalid UTF-8 at byte 30 (overlong encoding)"
reported "$in/utf8.jsonl:4:" "invalid UTF-8 at byte 31 (UTF-16 surrogate)"
reported "$in/utf8.jsonl:5:" "invalid UTF-8 at byte 25 (sequence cut short)"
reported "$in/nul.jsonl:1:" "NUL byte at byte 25"
reported "$in/utf16.jsonl:" "UTF-16LE text (byte order mark): JSON Lines must be UTF-8"
reported "$in/utf16-nobom.txt:" "UTF-16 text needs a byte order mark"
reported "$in/image.txt:" "binary data (a PNG image), not news"
reported "$in/random.bin.txt:" "binary data"
reported "$in/empty.jsonl:" "empty file"
reported "$in/empty.html:" "empty file"
reported "$in/blank.jsonl:" "no records: only white space"

# The good ones around them are indexed, repaired where a page allows it.
ids_are id:small small
ids_are id:deep-after deep-after
ids_are valid u-ok
ids_are escaped n2
json_check '"ferry timetable" council tuesday' 'r["total"] >= 2' # nul.txt and bogus-charset.html
json_check 'quay repairs' 'r["total"] == 1 and "\ufffd" in r["hits"][0]["title"]'
json_check 'title:crème' 'r["total"] == 1 and r["hits"][0]["title"] == "Café crème on the quay"'
json_check 'title:sixteen' 'r["total"] == 1 and r["hits"][0]["title"] == "Sixteen bit news"'
json_check 'title:bogus' 'r["total"] == 1 and r["hits"][0]["title"] == "Bogus charset news"'

# Whole inputs over --max-record-size: a page, a text page and a feed are refused by name, a WARC
# record over it by its number while the WARC's other pages are indexed.
mkdir -p "$WORK/big"
"$py" - "$SRC/corpora/sample/formats/pages.warc.gz" "$WORK/big" <<'PY'
import gzip, sys
d = sys.argv[2]
para = "<p>" + "The harbour council met again to discuss the ferry timetable. " * 40 + "</p>"
page = "<html><head><title>Big page</title></head><body><article><h1>Big page</h1>" + para * 900 + "</article></body></html>"
open(f"{d}/big.html", "w").write(page)
open(f"{d}/big.txt", "w").write("Big text page\n\n" + ("The harbour council met about the ferries. " * 40 + "\n\n") * 900)
item = "<item><title>Item</title><description>" + "Harbour news. " * 100 + "</description></item>"
open(f"{d}/big.rss", "w").write('<?xml version="1.0"?><rss version="2.0"><channel><title>c</title>' + item * 1600 + "</channel></rss>")
records = [b"WARC/1.1\r\n" + r for r in gzip.decompress(open(sys.argv[1], "rb").read()).split(b"WARC/1.1\r\n")[1:]]
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page.encode()
big = (b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Date: 2023-11-14T12:00:00Z\r\nWARC-Target-URI: https://big.example/1\r\n"
       b"Content-Type: application/http; msgtype=response\r\nContent-Length: " + str(len(http)).encode() + b"\r\n\r\n" + http + b"\r\n\r\n")
open(f"{d}/big.warc", "wb").write(b"".join(records[:3]) + big + b"".join(records[3:]))
PY
expect_exit 4 "$BIN/dateline-index" --db "$WORK/db-big" --max-record-size 1M "$WORK/big"
for f in big.html big.rss big.txt; do reported "$WORK/big/$f:" "larger than the limit of 1048576 bytes"; done
reported "$WORK/big/big.warc:4:" "is larger than 1048576 (--max-record-size)"
grep -q "read 4, added 3, .* rejected 4," "$WORK/err" || fail "big inputs: $(cat "$WORK/err")"

# The WARC files one by one: the lying record is named, the two other pages are indexed.
for lie in long:6:"Content-Length" huge:6:"Content-Length 99999999999 but the input ends after" \
           negative:6:"missing or bad Content-Length" short:3:"Content-Length"; do
  IFS=: read -r how record reason <<<"$lie"
  expect_exit 4 "$BIN/dateline-index" --db "$WORK/db-warc-$how" "$in/lie-$how.warc"
  reported "$in/lie-$how.warc:$record:" "$reason"
  grep -q "added 2, .* rejected 1," "$WORK/err" || fail "lie-$how.warc: $(cat "$WORK/err")"
done
echo ok
