# Crash safety of a sharded database (tests/e2e/kill_resume.sh's kill points, on 2 shards): SIGKILL
# at 20 points (random times, and moments when a shard writer is inside a commit's fsync); after
# each kill every shard passes xapian-check and holds exactly a prefix of its own articles (those
# whose id hashes to it) in input order, the stub opens them as one database, and nothing
# committed before is lost (db_shard_prefix.py). The shards commit each epoch in parallel, so a kill
# can leave them one epoch apart: the ingestion state, kept in every shard, then differs between
# them and the next run reads the input again. Each run resumes the previous one; the same command
# run to the end holds every article once, and a re-run reads nothing. KILL_SEED=N repeats a run.
source "$(dirname "$0")/lib.bash"
need_shared
corpus=$SHARED/corpora/reuters21578/reuters21578.jsonl.gz
[[ -f $corpus ]] || skip "needs $corpus"
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3; [[ -x $py ]] || py=python3 # the system's: starts fast (no version shims)
prefix() { "$py" "$here/db_shard_prefix.py" "$@" --shards "$shards"; }

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
batch=20
db=$WORK/db
shards=2
index=("$BIN/dateline-index" --db "$db" --shards "$shards" --batch "$batch" --jobs 2 "$WORK/kill.jsonl.gz")

# How long one whole run takes here (another database): kill times are drawn below it.
start=$(date +%s%N)
"$BIN/dateline-index" -q --db "$WORK/probe" --shards "$shards" --batch "$batch" --jobs 2 "$WORK/kill.jsonl.gz"
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
  m=$(prefix "$db" "$WORK/kill.ids" --min "$prev_m") ||
    fail "kill $i ($mode ${delay}s, $where): a shard holds more or less than a prefix of its articles in order, or fewer than the $prev_m committed before"
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

# The same command, to the end: every article once, in its shard; then nothing left to do.
expect_exit 0 "${index[@]}"
prefix "$db" "$WORK/kill.ids" --exact "$n_kill" >/dev/null || fail "resume to the end"
grep -q "added [0-9]*, .* rejected 0" "$WORK/err" || fail "summary: $(cat "$WORK/err")"
expect_exit 0 "$BIN/dateline-index" --db "$db" --batch "$batch" --jobs 2 "$WORK/kill.jsonl.gz"
grep -q "read 0, added 0, .* 1 unchanged inputs skipped" "$WORK/err" || fail "re-run: $(cat "$WORK/err")"
# The same articles as a single database of the same input answers with.
expect_exit 0 "$BIN/dateline-index" --db "$WORK/single" --batch "$batch" --jobs 2 "$WORK/kill.jsonl.gz"
for q in '' oil 'title:bank' 'wheat OR grain'; do
  a=$("$BIN/dateline-query" --db "$WORK/single" --format json --limit 0 --facet tag --facet date --collapse "$q")
  b=$("$BIN/dateline-query" --db "$db" --format json --limit 0 --facet tag --facet date --collapse "$q")
  [[ "$a" =~ \"total\":\ *[1-9] ]] || fail "query '$q' matches nothing: the comparison would prove nothing"
  [[ "$a" == "$b" ]] || fail "query '$q' after the kills: $b, single database: $a"
done
echo ok
