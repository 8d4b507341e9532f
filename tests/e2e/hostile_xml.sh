# Hostile XML and HTML: external entities that name a local file or a URL (general, parameter,
# external DTD, XInclude; in RSS, Atom, NITF, NewsML-G2, HTML and XHTML pages) make the indexer read
# and fetch nothing: a local HTTP server sees no request, the secret file is never opened (strace,
# when permitted), its words are neither indexed nor echoed, and the articles themselves are
# indexed. Entity-expansion bombs (billion laughs, quadratic blow-up) neither blow up memory nor
# hang: peak RSS and CPU are measured. Each refused load is named with its input. Everything in
# one run: the rest is unharmed.
source "$(dirname "$0")/lib.bash"
source "$(dirname "$0")/hostile_lib.bash"
in=$WORK/in
mkdir -p "$in"
secret=$WORK/secret.txt
echo "zanzibarquokka classified" >"$secret"

# A web server that logs every request and would serve the secret word.
"$py" - "$WORK" <<'PY' &
import http.server, sys
work = sys.argv[1]
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        open(f"{work}/requests.log", "a").write(self.path + "\n")
        body = b'<!ENTITY x "zanzibarquokka fetched">' if self.path.endswith("dtd") else b"zanzibarquokka fetched"
        self.send_response(200); self.end_headers(); self.wfile.write(body)
    def log_message(self, *a): pass
s = http.server.HTTPServer(("127.0.0.1", 0), H)
open(f"{work}/port.tmp", "w").write(str(s.server_address[1]))
import os; os.rename(f"{work}/port.tmp", f"{work}/port")
s.serve_forever()
PY
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do [[ -s $WORK/port ]] && break; sleep 0.05; done
port=$(cat "$WORK/port")
url=http://127.0.0.1:$port
curl -s "$url/probe" >/dev/null 2>&1 || "$py" -c "import urllib.request; urllib.request.urlopen('$url/probe')"
grep -q /probe "$WORK/requests.log" || fail "the test's web server does not answer"
rm "$WORK/requests.log"

cat >"$in/file-entity.rss" <<EOF
<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY x SYSTEM "file://$secret">]>
<rss version="2.0"><channel><title>Harbour Ledger</title>
<item><title>Ferry timetable &x; changes</title><link>https://h.example/1</link>
<description>The ferry &x; timetable changes on Monday for the winter season.</description></item>
</channel></rss>
EOF
cat >"$in/url-entity.atom" <<EOF
<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY x SYSTEM "$url/entity">]>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Ledger</title><id>urn:h</id>
<updated>2023-11-14T10:00:00Z</updated>
<entry><title>Lighthouse &x; reopens</title><id>https://h.example/2</id><link href="https://h.example/2"/>
<updated>2023-11-14T10:00:00Z</updated><content type="text">The lighthouse &x; museum reopens to visitors in spring.</content></entry>
</feed>
EOF
cat >"$in/parameter-entity.nitf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE nitf [<!ENTITY % p SYSTEM "$url/remote.dtd"> %p; <!ENTITY % f SYSTEM "file://$secret">]>
<nitf><head><title>Shipyard wins contract</title><docdata><doc-id id-string="nitf-1"/>
<date.issue norm="20231115T090000Z"/></docdata></head>
<body><body.head><hedline><hl1>Shipyard wins ferry contract</hl1></hedline></body.head>
<body.content><p>The shipyard will build two electric ferries for the harbour.</p></body.content></body></nitf>
EOF
cat >"$in/external-dtd.newsml" <<EOF
<?xml version="1.0"?>
<!DOCTYPE newsItem SYSTEM "$url/external.dtd">
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:h:3" version="1">
<itemMeta><itemClass qcode="ninat:text"/><versionCreated>2023-11-16T08:15:00Z</versionCreated></itemMeta>
<contentMeta><headline>Regatta &x; draws crowds</headline></contentMeta>
<contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>
<p>The regatta drew record crowds to the harbour &x; on Sunday afternoon.</p></body></html></inlineXML></contentSet>
</newsItem>
EOF
cat >"$in/xinclude.rss" <<EOF
<?xml version="1.0"?>
<rss version="2.0" xmlns:xi="http://www.w3.org/2001/XInclude"><channel><title>Harbour Ledger</title>
<item><title>Council budget</title><link>https://h.example/4</link>
<description>The council budget <xi:include href="file://$secret" parse="text"/> passed. <xi:include href="$url/xinclude" parse="text"/></description></item>
</channel></rss>
EOF
cat >"$in/entity-page.html" <<EOF
<!DOCTYPE html [<!ENTITY x SYSTEM "file://$secret">]>
<html><head><title>Market hall renovation</title><link rel="stylesheet" href="$url/style.css">
<script src="$url/script.js"></script><meta name="author" content="Ann Reporter"></head>
<body><article><h1>Market hall renovation &x; begins</h1>
<img src="$url/image.png"><iframe src="file://$secret"></iframe><object data="$url/object"></object>
<p>The renovation of the old market hall begins next week, the council said on Tuesday. Traders
will move to a temporary hall by the harbour for the eighteen months of work &x; on the roof.</p>
<p>The council expects the hall to reopen in time for the summer season of the year after.</p>
</article></body></html>
EOF
cat >"$in/entity-page.xhtml" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html [<!ENTITY x SYSTEM "file://$secret"><!ENTITY y SYSTEM "$url/xhtml">]>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Tram line extension</title></head>
<body><article><h1>Tram line extension &x; approved</h1>
<p>The tram line will be extended to the harbour &y; by the end of next year, the transport
authority said. The extension adds four stops and a new depot near the ferry terminal.</p>
<p>Construction starts in the spring and will close the harbour road for some weeks.</p>
</article></body></html>
EOF

# Billion laughs (10 levels of 10 references: 10^10 copies if expanded) and a quadratic blow-up
# (a 50 kB entity referenced 50,000 times: 2.5 GB if expanded), as a feed and as a page.
"$py" - "$in" <<'PY'
import sys
d = sys.argv[1]
laughs = '<!ENTITY a0 "laugh laugh laugh laugh laugh">' + "".join(
    f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 11))
item = '<item><title>Bomb &a10; item</title><link>https://h.example/b{0}</link><description>Harbour bomb {0} &a10;</description></item>'
open(f"{d}/laughs.rss", "w").write('<?xml version="1.0"?>\n<!DOCTYPE rss [' + laughs + ']>\n<rss version="2.0"><channel><title>Bombs</title>'
    + item.format(1) + '</channel></rss>')
big = "q" * 50000
open(f"{d}/quadratic.rss", "w").write('<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY q "' + big + '">]>\n<rss version="2.0"><channel><title>Bombs</title>'
    '<item><title>Quadratic item</title><link>https://h.example/b2</link><description>Harbour quadratic ' + "&q;" * 50000 + '</description></item></channel></rss>')
open(f"{d}/laughs.html", "w").write('<!DOCTYPE html [' + laughs + ']>\n<html><head><title>Laughs page</title></head><body><article><h1>Laughs &a10;</h1>'
    '<p>The harbour festival opens on Friday with music and food stalls along the quay, organisers said. &a10;</p>'
    '<p>The festival runs for three days and ends with fireworks over the water on Sunday night.</p></article></body></html>')
PY
# And one plain good file: the rest of the run must be unharmed.
echo '{"id":"good-1","title":"Harbour dredging","body":"Dredging of the harbour starts in May."}' >"$in/good.jsonl"

db=$WORK/db
measured "hostile XML and HTML (all files)" 4 "$BIN/dateline-index" --db "$db" "$in"
reported "$in/laughs.rss" "entity expansion refused"
grep -q "read 10, added 10, .* rejected 1," "$WORK/err" || fail "summary: $(cat "$WORK/err")"
# Each refused load is named with the input (its article is indexed all the same).
reported "$in/file-entity.rss:" "external entity 'x' (file://$secret) not loaded"
reported "$in/url-entity.atom:" "external entity 'x' ($url/entity) not loaded"
reported "$in/parameter-entity.nitf:" "external parameter entity 'p' ($url/remote.dtd) not loaded"
reported "$in/parameter-entity.nitf:" "external parameter entity 'f' (file://$secret) not loaded"
reported "$in/external-dtd.newsml:" "external DTD '$url/external.dtd' not loaded"
reported "$in/xinclude.rss:" "XInclude of 'file://$secret' not processed"
reported "$in/xinclude.rss:" "XInclude of '$url/xinclude' not processed"

# Nothing was fetched, nothing read.
[[ ! -s $WORK/requests.log ]] || fail "the indexer fetched: $(cat "$WORK/requests.log")"
! grep -q zanzibarquokka "$WORK/err" "$WORK/out" || fail "the secret was echoed: $(cat "$WORK/err")"
expect_exit 1 "$BIN/dateline-query" --db "$db" zanzibarquokka
expect_exit 1 "$BIN/dateline-query" --db "$db" classified
expect_exit 1 "$BIN/dateline-query" --db "$db" fetched
if command -v strace >/dev/null && strace -f -o /dev/null true 2>/dev/null; then
  expect_exit 4 strace -f -qq -e trace=open,openat,connect -o "$WORK/trace" \
    "$BIN/dateline-index" --db "$WORK/db-traced" "$in"
  grep -qF "$in/good.jsonl" "$WORK/trace" || fail "strace saw no opens: $(head -5 "$WORK/trace")"
  ! grep -F "$secret" "$WORK/trace" || fail "the secret file was opened"
  ! grep "connect(" "$WORK/trace" | grep -q "htons($port)" || fail "a connection to the web server"
  echo "strace: the secret file was never opened, the web server never connected to"
else
  echo "note: strace is not available or not permitted: opens and connections not traced"
fi
[[ ! -s $WORK/requests.log ]] || fail "the indexer fetched: $(cat "$WORK/requests.log")"

# The articles themselves are indexed, without the entities' text.
ids_are '"ferry timetable"' https://h.example/1
ids_are lighthouse https://h.example/2
ids_are shipyard nitf-1
ids_are regatta urn:newsml:h:3
ids_are '"council budget"' https://h.example/4
ids_are dredging good-1
ids_are quadratic https://h.example/b2
# (HTML has no entity declarations: "&x;" stays as written, as browsers show it.)
json_check '"market hall"' 'r["total"] == 1 and r["hits"][0]["title"].startswith("Market hall renovation")'
json_check 'tram' 'r["total"] == 1'
json_check 'festival' 'r["total"] == 1 and "laugh" not in json.dumps(r)'

# Wrong charsets: an unknown encoding, a document labelled UTF-16 that is not, and bytes that are
# not the declared EUC-JP are each named with the reason; the good feed beside them is indexed.
mkdir -p "$WORK/charsets"
item='<rss version="2.0"><channel><title>c</title><item><title>%s</title><description>%s</description></item></channel></rss>'
printf '<?xml version="1.0" encoding="x-no-such"?>'"$item" "Unknown" "Unknown encoding" > "$WORK/charsets/unknown.rss"
printf '<?xml version="1.0" encoding="UTF-16"?>'"$item" "Sixteen" "Not UTF-16" > "$WORK/charsets/utf16.rss"
cp "$SRC/tests/fixtures/fuzz-regressions/xml/bad-euc-jp-bytes.xml" "$WORK/charsets/eucjp.rss"
printf '<?xml version="1.0" encoding="UTF-8"?>'"$item" "Granary" "The granary reopened on Monday after repairs to its roof." > "$WORK/charsets/good.rss"
db=$WORK/db-charsets
expect_exit 4 "$BIN/dateline-index" --db "$db" "$WORK/charsets"
grep -q "unknown.rss: not well-formed XML: Unsupported encoding x-no-such" "$WORK/err" || fail "unknown encoding: $(cat "$WORK/err")"
grep -q "utf16.rss: not well-formed XML: Document labelled UTF-16 but has UTF-8 content" "$WORK/err" || fail "utf-16: $(cat "$WORK/err")"
grep -q "eucjp.rss: not well-formed XML: .*libxml2: input conversion failed" "$WORK/err" || fail "euc-jp: $(cat "$WORK/err")"
grep -q "read 1, added 1, .* rejected 3," "$WORK/err" || fail "charsets summary: $(cat "$WORK/err")"
json_check granary 'r["total"] == 1'
echo ok
