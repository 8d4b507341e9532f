# Remote shards (query/remote_shards.h, indexer/remote_layout.h): 4,000 Reuters articles indexed
# into a single database, into a local 3-shard database (--shards 3) and into 3 shards built where
# they would live (--shard i/3 over the same inputs); the shards of both served by stock
# xapian-tcpsrv on free loopback ports (started and stopped here), behind stubs written by
# dateline-index --stub.
# A battery of every query class (words, phrases, boolean operators, NEAR, fields, dates, filters
# only, the empty query), each with every facet, then sorted newest with --collapse, oldest with a
# filter, ranked by --recency, plus entity-typed and monthly facets and --like (tests/e2e/
# remote_battery.py), through dateline-query --batch: the remote stub gives the same totals, top 50
# ids in order, collapsed copies, facet counts and labels as the local shards and as the
# single database; the shards built by
# --shard i/3 the same but for --collapse (they cluster stories per shard). Wildcards are left
# out, as in e2e/shards (Xapian estimates a wildcard's statistics per shard), and so are the
# answers of --like between layouts (its expansion terms are weighed by each shard's statistics).
# dateline-serve on the stub gives the single database's API answers. Faults: a shard server
# killed gives exit 3 (a 503 JSON error from dateline-serve) naming the shard; with
# --allow-partial the answer of the other shards, "partial": true, the shard named in
# "missing_shards"; a stopped (unresponsive) shard fails within --shard-timeout; a restarted one is
# used again by the same dateline-serve.
source "$(dirname "$0")/lib.bash"
here=$(cd "$(dirname "$0")" && pwd)
need_shared
reuters=$SHARED/corpora/reuters21578/reuters21578.jsonl.gz
[[ -f $reuters ]] || skip "needs $reuters"
command -v xapian-tcpsrv >/dev/null || skip "needs xapian-tcpsrv (Debian's xapian-tools)"
fields=(--field tags=topics,places,people,orgs)
mkdir -p "$WORK/in"
{ zcat "$reuters" || true; } | head -4000 > "$WORK/in/reuters.jsonl"

expect_exit 0 "$BIN/dateline-index" --db "$WORK/single" "${fields[@]}" -j 2 "$WORK/in"
n=$(sed -n 's/.* \([0-9]*\) articles in .*/\1/p' "$WORK/err")
[[ $n -gt 3000 ]] || fail "single: $(cat "$WORK/err")"
expect_exit 0 "$BIN/dateline-index" --db "$WORK/local" --shards 3 "${fields[@]}" -j 2 "$WORK/in"
sum=0
for i in 0 1 2; do
  expect_exit 0 "$BIN/dateline-index" --db "$WORK/host-$i" --shard "$i/3" "${fields[@]}" -j 2 "$WORK/in"
  grep -q "articles of other shards left out" "$WORK/err" || fail "--shard $i/3: $(cat "$WORK/err")"
  k=$(sed -n 's/.* \([0-9]*\) articles in .*/\1/p' "$WORK/err")
  [[ $k -gt 0 && $k -lt $n ]] || fail "--shard $i/3 holds $k of $n"
  sum=$((sum + k))
done
[[ $sum -eq $n ]] || fail "the 3 shards hold $sum articles, the single database $n"

# The servers: one process group each (xapian-tcpsrv forks a child per connection), so that a
# kill takes the open connections with it.
free_port() { python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"; }
declare -a ports pids
# Servers 0-2 serve the shards of the local 3-shard database (clusters decided over all of
# them), 3-5 the shards built apart by --shard i/3.
shard_folder() { if (($1 < 3)); then echo "$WORK/local/shard-$1"; else echo "$WORK/host-$(($1 - 3))"; fi; }
start_shard() { # I: serves shard_folder I on ports[I]
  setsid xapian-tcpsrv --interface 127.0.0.1 --port "${ports[$1]}" --quiet "$(shard_folder "$1")" \
    >"$WORK/tcpsrv-$1.log" 2>&1 &
  pids[$1]=$!
  for _ in $(seq 100); do
    python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 1)" \
      "${ports[$1]}" 2>/dev/null && return 0
    sleep 0.1
  done
  fail "xapian-tcpsrv on ${ports[$1]} did not start: $(cat "$WORK/tcpsrv-$1.log")"
}
stop_shard() { kill -KILL -- "-${pids[$1]}" 2>/dev/null || true; wait "${pids[$1]}" 2>/dev/null || true; }
serve_pids=()
cleanup() {
  for pid in "${serve_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for i in 0 1 2 3 4 5; do [[ -n ${pids[$i]:-} ]] && stop_shard "$i"; done
  rm -rf "$WORK"
}
trap cleanup EXIT
for i in 0 1 2 3 4 5; do
  ports[$i]=$(free_port)
  start_shard "$i"
done
stub=$WORK/remote.stub
expect_exit 0 "$BIN/dateline-index" --stub "$stub" "127.0.0.1:${ports[0]}" "127.0.0.1:${ports[1]}" "127.0.0.1:${ports[2]}"
[[ $(grep -c '^remote 127.0.0.1:' "$stub") -eq 3 ]] || fail "stub: $(cat "$stub")"
mkdir "$WORK/apart"
expect_exit 0 "$BIN/dateline-index" --stub "$WORK/apart" "127.0.0.1:${ports[3]}" "127.0.0.1:${ports[4]}" "127.0.0.1:${ports[5]}"
[[ -f $WORK/apart/XAPIANDB ]] || fail "--stub FOLDER writes FOLDER/XAPIANDB"
# DESIGN's form of a line is read too.
sed -i "2s/.*/remote tcp 127.0.0.1 ${ports[1]}/" "$stub"
expect_exit 0 "$BIN/dateline-query" --db "$stub" --format json --limit 0 ''
grep -q "\"total\": $n," "$WORK/out" || fail "the stub finds $(grep total "$WORK/out")"

# The battery: every query class, each in four forms, and more (remote_battery.py).
cat > "$WORK/queries" <<'EOF'
wheat
"crude oil"
tag:grain
title:bank
date:1987-03-01..1987-03-15
rates NOT bank
oil prices
place:japan
source:reuters
tag:earn profit
coffee OR cocoa

oil NEAR prices
reagan
"ronald reagan"
person:"ronald reagan"
org:opec
-wheat
shares AND NOT stock
+stock AND dollar
trade deficit japan
exports tag:grain
dollar yen
gold
debt loans
interest rates
sugar
title:crude AND NOT oil
date:1987-03
date:..1987-03-05
japan
money-fx
tonnes
billion dlrs
profit loss quarter
u.s.-japan
tag:crude tag:grain
place:japan place:usa
keyword:grain
company said
minister
budget tax
strike
ship port
(oil OR gas) AND prices
"interest rates" -tag:usa
author:reuter
lang:en
EOF
python3 -c '
import json, sys
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    if i % 400 == 7: print(json.loads(line)["id"])' "$WORK/in/reuters.jsonl" > "$WORK/ids"
python3 "$here/remote_battery.py" requests "$WORK/queries" "$WORK/ids" > "$WORK/requests"
count=$(wc -l < "$WORK/requests")
[[ $count -ge 200 ]] || fail "only $count requests"
for db in single local remote apart; do
  path=$WORK/$db
  [[ $db == remote ]] && path=$stub
  start=$(date +%s.%N)
  set +e
  "$BIN/dateline-query" --db "$path" --batch "$WORK/requests" --jobs 1 > "$WORK/answers.$db" 2> "$WORK/err.$db"
  code=$?
  set -e
  [[ $code -le 1 ]] || fail "--batch on $db: exit $code: $(head -5 "$WORK/err.$db")"
  echo "$db: $count requests in $(python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 2))" "$start" "$(date +%s.%N)") s"
done
! grep -q '"error"' "$WORK/answers.remote" || fail "remote: $(grep -m 3 '"error"' "$WORK/answers.remote")"
python3 "$here/remote_battery.py" compare "$WORK/answers.local" "$WORK/answers.remote" \
  --label "local 3 shards vs remote 3 shards" --skip-like "$WORK/requests" || fail "local vs remote"
python3 "$here/remote_battery.py" compare "$WORK/answers.single" "$WORK/answers.remote" \
  --label "single vs remote 3 shards" --skip-like "$WORK/requests" || fail "single vs remote"
python3 "$here/remote_battery.py" compare "$WORK/answers.single" "$WORK/answers.apart" \
  --label "single vs remote shards built by --shard i/3" --skip-like "$WORK/requests" \
  --skip-collapse "$WORK/requests" || fail "single vs --shard i/3"

# One query per run (no prepared index on the local side) gives the same answers too.
for q in wheat 'tag:grain' 'oil prices'; do
  for db in single remote; do
    path=$WORK/$db
    [[ $db == remote ]] && path=$stub
    "$BIN/dateline-query" --db "$path" --format json --limit 50 --snippet-length 0 --facet tag \
      --facet date --facet source --facet person "$q" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)))' >> "$WORK/one.$db"
  done
done
python3 "$here/remote_battery.py" compare "$WORK/one.single" "$WORK/one.remote" --label "one query per run" || fail "one query per run"

# Spelling suggestions: the remote backend serves no spelling table, so a stub has none until
# dateline-index --db STUB fills its companion (the spelling words of every article), run again
# over the same inputs it changes nothing; then the stub suggests what the single database does.
suggestion() { # exit 1: nothing found
  { "$BIN/dateline-query" --db "$1" --format json --limit 0 "$2" || [[ $? == 1 ]]; } |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["suggestion"])'
}
[[ $(suggestion "$stub" "whaet expotrs") == None ]] || fail "a stub without its companion suggests"
expect_exit 2 "$BIN/dateline-index" --db "$stub" --shards 2 "${fields[@]}" "$WORK/in"
grep -q "lists remote shards" "$WORK/err" || fail "--shards on a stub: $(cat "$WORK/err")"
expect_exit 0 "$BIN/dateline-index" --db "$stub" "${fields[@]}" -j 2 "$WORK/in"
grep -q "added $n, .* $n articles in $stub.companion" "$WORK/err" || fail "companion: $(cat "$WORK/err")"
[[ ! -e $WORK/local/shard-0/companion ]] || fail "the companion went into a shard"
expect_exit 0 "$BIN/dateline-index" --db "$stub" "${fields[@]}" -j 2 "$WORK/in"
grep -q "added 0, updated 0, .* $n articles in" "$WORK/err" || fail "companion again: $(cat "$WORK/err")"
for q in "whaet expotrs" "japanse yen" "crued oil prices" "coffe" "goverment"; do
  want=$(suggestion "$WORK/single" "$q")
  [[ $want != None ]] || fail "the single database suggests nothing for '$q'"
  got=$(suggestion "$stub" "$q")
  [[ $got == "$want" ]] || fail "'$q': the stub suggests '$got', the single database '$want'"
done
expect_exit 0 "$BIN/dateline-index" --db "$WORK/apart" "${fields[@]}" -j 2 "$WORK/in"
[[ -d $WORK/apart/companion ]] || fail "a stub folder's companion is FOLDER/companion"
[[ $(suggestion "$WORK/apart" "whaet expotrs") == "$(suggestion "$WORK/single" "whaet expotrs")" ]] ||
  fail "the stub folder's suggestion"

# dateline-serve on the stub: the single database's API answers.
serve() { # DB OUT_PORT_VAR [options...]: starts dateline-serve, sets the port variable
  local db=$1 var=$2; shift 2
  local port
  port=$(free_port)
  "$BIN/dateline-serve" --db "$db" --port "$port" --threads 2 --quiet "$@" >"$WORK/serve-$port.log" 2>&1 &
  serve_pids+=($!)
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/api/search?q=x" && break; sleep 0.1; done
  printf -v "$var" '%s' "$port"
}
api() { curl -s "http://127.0.0.1:$1/api/search?$2"; echo; }
if command -v curl >/dev/null; then
  serve "$WORK/single" single_port
  serve "$stub" remote_port
  serve "$stub" partial_port --allow-partial --shard-timeout 2000
  : > "$WORK/s.single"; : > "$WORK/s.remote"
  for q in 'q=wheat' 'q=oil+prices&sort=newest&collapse=1' 'q=tag:grain&facet=place' 'q=&facet=date' 'q=whaet+expotrs'; do
    api "$single_port" "$q&limit=50&facet=tag&facet=source" >> "$WORK/s.single"
    api "$remote_port" "$q&limit=50&facet=tag&facet=source" >> "$WORK/s.remote"
  done
  python3 "$here/remote_battery.py" compare "$WORK/s.single" "$WORK/s.remote" --label "dateline-serve" || fail "dateline-serve"
  full=$(api "$partial_port" 'q=wheat&limit=0' | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
fi

# Faults. A killed shard server: exit 3 naming it; --allow-partial: the other shards' answer.
stop_shard 1
expect_exit 3 "$BIN/dateline-query" --db "$stub" --limit 0 wheat
grep -q "127.0.0.1:${ports[1]}" "$WORK/err" || fail "the error does not name the shard: $(cat "$WORK/err")"
set +e
"$BIN/dateline-query" --db "$stub" --allow-partial --format json --limit 50 --facet tag wheat > "$WORK/partial.json"
code=$?
set -e
[[ $code -eq 0 ]] || fail "--allow-partial: exit $code"
python3 - "$WORK/partial.json" "127.0.0.1:${ports[1]}" "$WORK/single" <<'PY' || fail "--allow-partial: $(head -c 600 "$WORK/partial.json")"
import json, sys
r = json.load(open(sys.argv[1]))
assert r.get("partial") is True and r.get("missing_shards") == [sys.argv[2]], r.get("missing_shards")
assert 0 < r["total"] and len(r["hits"]) > 0
PY
if command -v curl >/dev/null; then
  api "$remote_port" 'q=wheat' > "$WORK/s.err"
  grep -q '"error"' "$WORK/s.err" && grep -q "127.0.0.1:${ports[1]}" "$WORK/s.err" ||
    fail "dateline-serve with a shard down: $(cat "$WORK/s.err")"
  api "$partial_port" 'q=wheat&limit=0' > "$WORK/s.partial"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if r.get("partial") and r["total"] < int(sys.argv[2]) else 1)' \
    "$WORK/s.partial" "$full" || fail "dateline-serve --allow-partial: $(cat "$WORK/s.partial")"
fi
# The shard comes back: used again, by the running dateline-serve too.
start_shard 1
expect_exit 0 "$BIN/dateline-query" --db "$stub" --format json --limit 0 ''
grep -q "\"total\": $n," "$WORK/out" || fail "after the restart: $(grep total "$WORK/out")"
if command -v curl >/dev/null; then
  api "$partial_port" 'q=wheat&limit=0' > "$WORK/s.back"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if not r.get("partial") and r["total"] == int(sys.argv[2]) else 1)' \
    "$WORK/s.back" "$full" || fail "dateline-serve after the restart: $(cat "$WORK/s.back")"
  api "$remote_port" 'q=wheat&limit=0' > "$WORK/s.back2"
  grep -q "\"total\": *$full" "$WORK/s.back2" || grep -q "\"total\":$full" "$WORK/s.back2" ||
    fail "dateline-serve (no --allow-partial) after the restart: $(cat "$WORK/s.back2")"
fi
# A shard that does not answer (stopped): fails within --shard-timeout, nothing hangs.
kill -STOP -- "-${pids[2]}"
start=$(date +%s)
expect_exit 3 timeout 20 "$BIN/dateline-query" --db "$stub" --shard-timeout 500 --limit 0 wheat
[[ $(($(date +%s) - start)) -lt 10 ]] || fail "a stopped shard took $(($(date +%s) - start)) s"
grep -q "127.0.0.1:${ports[2]}" "$WORK/err" || fail "the timeout does not name the shard: $(cat "$WORK/err")"
kill -CONT -- "-${pids[2]}"
echo ok
