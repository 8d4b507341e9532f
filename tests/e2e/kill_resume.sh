# Crash safety on real data (Reuters-21578). SIGKILL at 20 points in a row (random times, and
# moments when the writer is inside a commit's fsync; a run that ends before its kill does not
# count and is followed by another): after each kill the database opens, passes xapian-check and
# holds exactly whole committed batches: its documents are the first k x batch articles of the
# input, in input order (ids from the data), and no fewer than before the kill (nothing committed
# is lost). Each run resumes the previous one;
# the same command run to the end then holds every article once. SIGINT and SIGTERM: exit 130 and
# 143, the summary says "interrupted", the database holds what was read (a prefix of the input)
# and a re-run completes. KILL_SEED=N repeats a run's kill points.
source "$(dirname "$0")/lib.bash"
need_shared
corpus=$SHARED/corpora/reuters21578/reuters21578.jsonl.gz
[[ -f $corpus ]] || skip "needs $corpus"
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3; [[ -x $py ]] || py=python3 # the system's: starts fast (no version shims)
# KILL_SHARDS=N (kill_resume_sharded.sh): the same on a database of N shards, where each shard
# must hold a prefix of its own articles (db_prefix.py --shards) and batches are whole per epoch,
# not per shard.
shards=${KILL_SHARDS:-0}
batch=20
if [[ $shards -gt 0 ]]; then
  prefix() { "$py" "$here/db_prefix.py" "$@" --shards "$shards"; }
  create=(--shards "$shards") whole_batches=()
else
  prefix() { "$py" "$here/db_prefix.py" "$@"; }
  create=() whole_batches=(--batch "$batch")
fi

# Subsets of the input, and their article ids in input order (every record with a title or a body
# is an article; the writer writes in input order).
"$py" - "$corpus" "$WORK" <<'PY'
import gzip, json, sys
corpus, work = sys.argv[1], sys.argv[2]
lines = gzip.open(corpus, "rt", encoding="utf-8").read().splitlines()[:2000]
def article_id(line):
    r = json.loads(line)
    return r["id"] if isinstance(r, dict) and (str(r.get("title", "")).strip() or str(r.get("body", "")).strip()) else None
for name, n in (("kill", 810), ("signal", 2000)):
    with gzip.open(f"{work}/{name}.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write("\n".join(lines[:n]) + "\n")
    ids = [i for i in map(article_id, lines[:n]) if i]
    open(f"{work}/{name}.ids", "w").write("\n".join(ids) + "\n")
PY
n_kill=$(wc -l < "$WORK/kill.ids")
n_signal=$(wc -l < "$WORK/signal.ids")
db=$WORK/db
index=("$BIN/dateline-index" --db "$db" "${create[@]}" --batch "$batch" --jobs 2 "$WORK/kill.jsonl.gz")

# How long one whole run takes here (another database): kill times are drawn below it.
start=$(date +%s%N)
"$BIN/dateline-index" -q --db "$WORK/probe" "${create[@]}" --batch "$batch" --jobs 2 "$WORK/kill.jsonl.gz"
full_ms=$(( ($(date +%s%N) - ${start/./}) / 1000000 ))
full_ms=$(( full_ms > 500 ? full_ms : 500 ))
seed=${KILL_SEED:-$RANDOM}
echo "kill points: seed $seed, a whole run takes ${full_ms} ms"
RANDOM=$seed

in_commit=0 completed=0 kills=0 attempts=0 prev_m=0
while [[ $kills -lt 20 ]]; do
  attempts=$((attempts + 1))
  [[ $attempts -le 60 ]] || fail "only $kills of 20 kills landed in 60 runs"
  i=$((kills + 1))
  # Odd kills wait for a commit's fsync (up to the delay), even ones for the delay only. The delay
  # is drawn below the time the rest of the input takes (a resumed run has less to do).
  mode=$([[ $((i % 2)) -eq 1 ]] && echo commit || echo time)
  left_ms=$(( full_ms * (n_kill - prev_m) / n_kill ))
  left_ms=$(( left_ms > 300 ? left_ms : 300 ))
  delay_ms=$(( 20 + (RANDOM * 32768 + RANDOM) % left_ms ))
  delay=$((delay_ms / 1000)).$(printf %03d $((delay_ms % 1000)))
  "${index[@]}" >"$WORK/run.out" 2>"$WORK/run.err" &
  pid=$!
  where=$("$py" "$here/kill_at.py" "$pid" "$mode" "$delay")
  set +e; wait "$pid"; status=$?; set -e
  if [[ $status -eq 137 ]]; then
    kills=$((kills + 1))
    [[ $where == commit ]] && in_commit=$((in_commit + 1))
  elif [[ $status -eq 0 ]]; then
    where="finished before the kill"
  else
    cat "$WORK/run.err" >&2; fail "kill $i: the run failed by itself (exit $status)"
  fi
  grep -q "terminate called\|Assertion" "$WORK/run.err" && fail "kill $i: $(cat "$WORK/run.err")"
  m=$(prefix "$db" "$WORK/kill.ids" "${whole_batches[@]}" --min "$prev_m") ||
    fail "kill $i ($mode ${delay}s, $where): not a prefix of the input in order (whole batches, unsharded), or fewer than the $prev_m committed before"
  echo "kill $i: $mode ${delay}s, $where: $m articles committed (${SECONDS}s)"
  prev_m=$m
  if [[ $m -eq $n_kill ]]; then # done: start again, so later kills hit a run that writes
    completed=$((completed + 1))
    rm -rf "$db"
    prev_m=0
  fi
done
[[ $in_commit -ge 1 ]] || echo "note: no kill landed inside a commit's fsync this time"
echo "$kills kills in $attempts runs, $in_commit inside a commit, $completed runs completed between kills"

# The same command, to the end: every article once, in order (in its shard); then, run without
# --shards (a sharded database stays so), nothing left to do.
expect_exit 0 "${index[@]}"
prefix "$db" "$WORK/kill.ids" --exact "$n_kill" >/dev/null || fail "resume to the end"
grep -q "added [0-9]*, .* rejected 0" "$WORK/err" || fail "summary: $(cat "$WORK/err")"
expect_exit 0 "$BIN/dateline-index" --db "$db" --batch "$batch" --jobs 2 "$WORK/kill.jsonl.gz"
grep -q "read 0, added 0, .* 1 unchanged inputs skipped" "$WORK/err" || fail "re-run: $(cat "$WORK/err")"

if [[ $shards -gt 0 ]]; then
  # The same articles as a single database of the same input answers with.
  expect_exit 0 "$BIN/dateline-index" --db "$WORK/single" --batch "$batch" --jobs 2 "$WORK/kill.jsonl.gz"
  for q in '' oil 'title:bank' 'wheat OR grain'; do
    a=$("$BIN/dateline-query" --db "$WORK/single" --format json --limit 0 --facet tag --facet date --collapse "$q")
    b=$("$BIN/dateline-query" --db "$db" --format json --limit 0 --facet tag --facet date --collapse "$q")
    [[ "$a" =~ \"total\":\ *[1-9] ]] || fail "query '$q' matches nothing: the comparison would prove nothing"
    [[ "$a" == "$b" ]] || fail "query '$q' after the kills: $b, single database: $a"
  done
  echo ok
  exit 0
fi

# SIGINT: reading stops, what was read is committed, exit 130 with the summary.
run_signal() { # SIGNAL DB INPUT: interrupt a run (stdin: the caller's) once it has committed
  "$BIN/dateline-index" --db "$2" --batch "$batch" --jobs 2 "$3" <&0 >"$WORK/out" 2>"$WORK/err" &
  local pid=$! waited=0
  until [[ $(xapian-delve "$2" 2>/dev/null | sed -n 's/number of documents = //p') -gt 0 ]]; do
    sleep 0.05; waited=$((waited + 1)); [[ $waited -lt 600 ]] || fail "nothing committed in 30 s"
  done
  kill "-$1" "$pid"
  set +e; wait "$pid"; status=$?; set -e
  grep -q "^dateline-index: read [0-9]*, added [0-9]*," "$WORK/err" || fail "SIG$1: no summary: $(cat "$WORK/err")"
  grep -q "interrupted by SIG$1" "$WORK/err" || fail "SIG$1: not said: $(cat "$WORK/err")"
  added=$(sed -n 's/^dateline-index: read [0-9]*, added \([0-9]*\),.*/\1/p' "$WORK/err")
  [[ $added -lt $n_signal ]] || fail "SIG$1 came after the whole input was read"
  # What was read is committed: the database holds exactly the articles added, the first ones.
  prefix "$2" "$WORK/signal.ids" --exact "$added" >/dev/null || fail "SIG$1: database"
  echo "SIG$1: exit $status, $added articles committed (${SECONDS}s)"
}
run_signal INT "$WORK/db-int" "$WORK/signal.jsonl.gz" </dev/null
[[ $status -eq 130 ]] || { cat "$WORK/err" >&2; fail "SIGINT: exit $status, expected 130"; }
expect_exit 0 "$BIN/dateline-index" --db "$WORK/db-int" --batch "$batch" --jobs 2 "$WORK/signal.jsonl.gz"
prefix "$WORK/db-int" "$WORK/signal.ids" --exact "$n_signal" >/dev/null || fail "after SIGINT, re-run"

# SIGTERM while reading a slow pipe (a blocked read is interrupted): exit 143; re-run completes.
feed() { "$py" -c 'import gzip, sys, time
try:
    for i, line in enumerate(gzip.open(sys.argv[1], "rt", encoding="utf-8")):
        sys.stdout.write(line)
        if i % 25 == 24: sys.stdout.flush(); time.sleep(0.05)
except BrokenPipeError: # the indexer stopped reading
    sys.stderr.close()' "$WORK/signal.jsonl.gz"; }
run_signal TERM "$WORK/db-term" - < <(feed)
[[ $status -eq 143 ]] || { cat "$WORK/err" >&2; fail "SIGTERM: exit $status, expected 143"; }
zcat "$WORK/signal.jsonl.gz" > "$WORK/signal.jsonl"
expect_exit 0 "$BIN/dateline-index" --db "$WORK/db-term" --batch "$batch" --jobs 2 - < "$WORK/signal.jsonl"
prefix "$WORK/db-term" "$WORK/signal.ids" --exact "$n_signal" >/dev/null || fail "after SIGTERM, re-run"
echo ok
