# Helpers for the hostile-input tests (sourced after lib.bash, not a test itself).
py=/usr/bin/python3; [[ -x $py ]] || py=python3 # the system's: starts fast (no version shims)
max_rss_kb=$((2 * 1024 * 1024)) # no input may make the indexer use more than 2 GiB...
max_cpu_s=10                    # ...or more than 10 s of CPU on one item (per run: override)

# measured NAME CODE CMD...: runs CMD like expect_exit (output in $WORK/out, $WORK/err) and,
# with /usr/bin/time, checks its peak resident memory and CPU time against the targets above.
measured() {
  local name=$1 want=$2; shift 2
  if [[ ! -x /usr/bin/time ]]; then
    expect_exit "$want" "$@"
    echo "$name: (no /usr/bin/time: memory and time not measured)"
    return
  fi
  expect_exit "$want" /usr/bin/time -o "$WORK/time" -f "%M %U %S %e" "$@"
  local rss user sys wall
  read -r rss user sys wall < <(tail -n 1 "$WORK/time") # after "Command exited with..."
  local cpu
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  echo "$name: peak RSS $((rss / 1024)) MiB, CPU ${cpu} s, wall ${wall} s"
  [[ $rss -lt $max_rss_kb ]] || fail "$name: peak RSS $rss KiB, over 2 GiB"
  awk -v c="$cpu" -v m="$max_cpu_s" 'BEGIN { exit !(c < m) }' || fail "$name: ${cpu} s of CPU, over ${max_cpu_s} s"
}

# reported FILE REASON: the run's stderr names FILE (as given, maybe with :RECORD) and REASON.
reported() {
  grep -qF -- "dateline-index: $1" "$WORK/err" || fail "$1 not reported: $(cat "$WORK/err")"
  grep -F -- "dateline-index: $1" "$WORK/err" | grep -qF -- "$2" ||
    fail "$1: reason '$2' not given: $(grep -F -- "$1" "$WORK/err")"
}

# ids_are QUERY ID...: the database $db answers QUERY (all matches) with exactly these ids.
ids_are() {
  local query=$1; shift
  set +e
  "$BIN/dateline-query" --db "$db" --format json --limit 1000 "$query" >"$WORK/q.json" 2>"$WORK/q.err"
  local status=$?
  set -e
  [[ $status -le 1 ]] || fail "query '$query': exit $status: $(cat "$WORK/q.err")"
  "$py" -c 'import json, sys
got = sorted(h["id"] for h in json.load(open(sys.argv[1]))["hits"])
want = sorted(sys.argv[2:])
sys.exit(0 if got == want else f"expected {want}, got {got}")' "$WORK/q.json" "$@" ||
    fail "query '$query'"
}
