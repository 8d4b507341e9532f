# SIGINT and SIGTERM always stop the indexer, whatever it is doing: waiting for a FIFO's writer,
# blocked on a FIFO whose writer stalls, skipping an endless oversized line (never blocking, as
# from /dev/zero); the summary says "interrupted", the exit is 130 or 143 and what was read is
# committed. Special files in a folder walk are named under --verbose and counted; a device named
# on the command line (a link to /dev/zero) is refused with the reason.
source "$(dirname "$0")/lib.bash"
index=("$BIN/dateline-index" --jobs 2)

# interrupt SIGNAL WANT_EXIT DB ARGS...: starts the indexer (stdin: the caller's), signals it
# after a second, and checks that it ends within 5 s with the summary and the exit code.
interrupt() {
  local sig=$1 want=$2 db=$3; shift 3
  "${index[@]}" --db "$db" "$@" <&0 >"$WORK/out" 2>"$WORK/err" &
  local pid=$!
  sleep 1
  kill -0 "$pid" 2>/dev/null || fail "SIG$sig: the run ended before the signal: $(cat "$WORK/err")"
  kill "-$sig" "$pid"
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    sleep 0.1; waited=$((waited + 1))
    [[ $waited -lt 50 ]] || { kill -KILL "$pid"; fail "SIG$sig ignored ($*): still running after 5 s"; }
  done
  set +e; wait "$pid"; local status=$?; set -e
  [[ $status -eq $want ]] || fail "SIG$sig ($*): exit $status, expected $want: $(cat "$WORK/err")"
  grep -q "interrupted by SIG$sig" "$WORK/err" || fail "SIG$sig ($*): not said: $(cat "$WORK/err")"
  grep -q "^dateline-index: read [0-9]*, added" "$WORK/err" || fail "SIG$sig ($*): no summary: $(cat "$WORK/err")"
}

# A FIFO with no writer: the open waits, and a signal ends the wait.
mkfifo "$WORK/pipe.jsonl"
interrupt TERM 143 "$WORK/db1" "$WORK/pipe.jsonl" </dev/null
interrupt INT 130 "$WORK/db1" "$WORK/pipe.jsonl" </dev/null
# A FIFO whose writer wrote 2,000 articles and stalls: the blocked read is interrupted, and the
# articles read are committed.
python3 - "$WORK/articles.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as out:
    for i in range(2000):
        out.write(json.dumps({"id": f"f{i}", "title": f"Harbour report {i}",
                              "body": f"Cargo volumes at the harbour rose {i} tonnes.",
                              "published": "2021-03-01"}) + "\n")
PY
{ cat "$WORK/articles.jsonl"; exec sleep 30; } > "$WORK/pipe.jsonl" 2>/dev/null &
writer=$!
interrupt TERM 143 "$WORK/db2" "$WORK/pipe.jsonl" </dev/null
kill "$writer" 2>/dev/null || true
grep -q "read 2000, added 2000" "$WORK/err" || fail "stalled FIFO: not every article read was added: $(cat "$WORK/err")"
expect_exit 0 "$BIN/dateline-query" --db "$WORK/db2" --format csv --limit 0 --facet lang ''
grep -q "^facet,value,label,count" "$WORK/out" || fail "the FIFO's articles were not committed"
# An endless line (bytes that never block), skipped past as oversized: stops all the same.
interrupt TERM 143 "$WORK/db3" --max-record-size 1M - < <(printf '{"title": "'; exec tr '\0' x </dev/zero)

# A device named on the command line (a link to /dev/zero) is refused with the reason, at once.
ln -s /dev/zero "$WORK/zero.jsonl"
SECONDS=0
expect_exit 4 "${index[@]}" --db "$WORK/db4" "$WORK/zero.jsonl" "$WORK/articles.jsonl"
[[ $SECONDS -lt 5 ]] || fail "the /dev/zero link took $SECONDS s"
grep -q "zero.jsonl: a character device (a link to /dev/zero), not a file of news: refused" "$WORK/err" ||
  fail "device not refused with the reason: $(cat "$WORK/err")"
grep -q "read 2000, added 2000" "$WORK/err" || fail "the rest was not read: $(cat "$WORK/err")"
expect_exit 4 "${index[@]}" --db "$WORK/db4" /dev/null
grep -q "/dev/null: a character device, not a file of news: refused" "$WORK/err" || fail "/dev/null: $(cat "$WORK/err")"

# Special files in a folder walk: not read, counted, and named with --verbose.
mkdir "$WORK/dir"
cp "$WORK/articles.jsonl" "$WORK/dir/a.jsonl"
mkfifo "$WORK/dir/fifo.jsonl"
ln -s /dev/zero "$WORK/dir/zero.jsonl"
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$WORK/dir/sock"
expect_exit 0 "${index[@]}" --db "$WORK/db5" "$WORK/dir"
grep -q "3 special files skipped (FIFOs, sockets, devices; --verbose lists them)" "$WORK/err" ||
  fail "special files not counted: $(cat "$WORK/err")"
! grep -q "fifo.jsonl" "$WORK/err" || fail "named without --verbose: $(cat "$WORK/err")"
expect_exit 0 "${index[@]}" --db "$WORK/db6" --verbose "$WORK/dir"
grep -q "dir/fifo.jsonl: skipped: a FIFO (named pipe), not a file: not read" "$WORK/err" || fail "FIFO not named: $(cat "$WORK/err")"
grep -q "dir/sock: skipped: a socket, not a file: not read" "$WORK/err" || fail "socket not named: $(cat "$WORK/err")"
grep -q "dir/zero.jsonl: skipped: a link to a character device, not a file: not read" "$WORK/err" ||
  fail "device link not named: $(cat "$WORK/err")"
grep -q "read 2000, added 2000.* 3 special files skipped" "$WORK/err" || fail "verbose summary: $(cat "$WORK/err")"
echo ok
