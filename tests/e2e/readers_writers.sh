# Readers during writes, on real data (Reuters-21578): while dateline-index writes (fed slowly
# through a pipe, committing every 20 articles), dateline-query keeps answering, and every answer
# is a committed state: the match-all total is whole batches and never goes back, the hits for
# "cocoa" are articles that mention cocoa (from the data). One long-lived `--batch` reader keeps
# its database open across many commits and follows them (it reopens before each line; reopen
# and retry on DatabaseModifiedError). A second
# writer meanwhile gets "database is locked by another indexer" and exit 3.
source "$(dirname "$0")/lib.bash"
need_shared
corpus=$SHARED/corpora/reuters21578/reuters21578.jsonl.gz
[[ -f $corpus ]] || skip "needs $corpus"
py=/usr/bin/python3; [[ -x $py ]] || py=python3 # the system's: starts fast (no version shims)
n=1500
batch=20
"$py" - "$corpus" "$WORK" "$n" <<'PY'
import gzip, json, re, sys
corpus, work, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = gzip.open(corpus, "rt", encoding="utf-8").read().splitlines()[:n]
open(f"{work}/in.jsonl", "w", encoding="utf-8").write("\n".join(lines) + "\n")
cocoa = [r["id"] for r in map(json.loads, lines)
         if re.search(r"cocoa", r.get("title", "") + " " + r.get("body", ""), re.I)]
open(f"{work}/cocoa.ids", "w").write("\n".join(cocoa) + "\n")
PY
db=$WORK/db

# The writer: the input arrives over about 3 s, so readers and a second writer meet it at work.
"$py" -c 'import sys, time
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    sys.stdout.write(line)
    if i % 25 == 24: sys.stdout.flush(); time.sleep(0.05)' "$WORK/in.jsonl" |
  "$BIN/dateline-index" -q --db "$db" --batch "$batch" --jobs 2 - 2>"$WORK/writer.err" &
writer=$!
for _ in $(seq 200); do [[ -e $db/iamglass ]] && break; sleep 0.05; done
[[ -e $db/iamglass ]] || fail "the writer created no database"

# A second writer on the same database.
kill -0 "$writer" 2>/dev/null || fail "the writer ended too soon"
expect_exit 3 "$BIN/dateline-index" --db "$db" "$WORK/in.jsonl"
grep -q "database is locked by another indexer" "$WORK/err" || fail "second writer: $(cat "$WORK/err")"
kill -0 "$writer" 2>/dev/null || fail "the writer ended before the second one was refused"

# A long-lived reader: one query every 20 ms on one open database, for as long as the writer runs.
"$py" -c 'import sys, time
for i in range(200):
    print("cocoa" if i % 2 else "{\"query\": \"\", \"limit\": 1}", flush=True)
    time.sleep(0.02)' | "$BIN/dateline-query" --db "$db" --batch - >"$WORK/batch.out" 2>"$WORK/batch.err" &
reader=$!

# Short-lived readers, one after the other, while the writer runs.
answers=0
while kill -0 "$writer" 2>/dev/null; do
  set +e
  "$BIN/dateline-query" --db "$db" --format json --limit 1 '' >"$WORK/all.json" 2>"$WORK/q.err"
  status=$?
  [[ $status -le 1 ]] || fail "match-all query failed (exit $status): $(cat "$WORK/q.err")"
  "$BIN/dateline-query" --db "$db" --format json --limit 100 cocoa >"$WORK/cocoa.json" 2>"$WORK/q.err"
  status=$?
  set -e
  [[ $status -le 1 ]] || fail "cocoa query failed (exit $status): $(cat "$WORK/q.err")"
  tr -d '\n' <"$WORK/all.json" >>"$WORK/totals.jsonl"; echo >>"$WORK/totals.jsonl"
  [[ $status -eq 0 ]] && { tr -d '\n' <"$WORK/cocoa.json" >>"$WORK/cocoa.jsonl"; echo >>"$WORK/cocoa.jsonl"; }
  answers=$((answers + 1))
done
set +e; wait "$writer"; wstatus=$?; wait "$reader"; rstatus=$?; set -e
[[ $wstatus -eq 0 ]] || fail "the writer failed (exit $wstatus): $(cat "$WORK/writer.err")"
[[ $rstatus -le 1 ]] || fail "the batch reader failed (exit $rstatus): $(cat "$WORK/batch.err")"
[[ $answers -ge 5 ]] || fail "only $answers answers while writing"

# Every answer, from either kind of reader, is a committed state.
"$py" - "$WORK" "$n" "$batch" <<'PY' || fail "an answer was not a committed state"
import json, sys
work, n, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
cocoa = set(open(f"{work}/cocoa.ids").read().split())
def check_total(t, last, what):
    assert t % batch == 0 or t == n, f"{what}: total {t} is not whole batches of {batch}"
    assert t >= last, f"{what}: total went back from {last} to {t}"
    return t
def check_cocoa(r, what):
    ids = [h["id"] for h in r["hits"]]
    assert set(ids) <= cocoa, f"{what}: hits that do not mention cocoa: {set(ids) - cocoa}"
    assert r["total"] <= len(cocoa), f"{what}: {r['total']} cocoa hits, the data has {len(cocoa)}"
last = 0
totals = [json.loads(l) for l in open(f"{work}/totals.jsonl") if l.strip()]
for r in totals:
    last = check_total(r["total"], last, "match-all")
for l in open(f"{work}/cocoa.jsonl"):
    if l.strip():
        check_cocoa(json.loads(l), "cocoa")
last, lines = 0, [l for l in open(f"{work}/batch.out") if l.strip()]
for l in lines:
    r = json.loads(l)
    assert r.get("exit", 0) in (0, 1), f"batch reader answered an error: {l[:300]}"
    if r.get("query") == "":
        last = check_total(r["total"], last, "batch match-all")
    else:
        check_cocoa(r, "batch cocoa")
assert len(lines) == 200, f"the batch reader answered {len(lines)} of 200 queries"
print(f"{len(totals)} short-lived answers (totals {totals[0]['total']}..{totals[-1]['total']}), "
      f"{len(lines)} batch answers (last total {last})")
PY
[[ ! -s $WORK/batch.err ]] || fail "batch reader: $(cat "$WORK/batch.err")"

# Once written: everything is there.
json_check '' "r['total'] == $n"
json_check cocoa "r['total'] == $(wc -l <"$WORK/cocoa.ids")"

# A --batch reader follows later commits: one line answered, 100 more articles indexed, the
# next line sees them (the batch reopens the database before each line).
mkfifo "$WORK/lines"
"$BIN/dateline-query" --db "$db" --batch - <"$WORK/lines" >"$WORK/follow.out" 2>"$WORK/follow.err" &
follower=$!
exec 7>"$WORK/lines"
echo '{"query": "", "limit": 1}' >&7
for _ in $(seq 200); do [[ -s $WORK/follow.out ]] && break; sleep 0.05; done
zcat "$corpus" | sed -n "$((n + 1)),$((n + 100))p" >"$WORK/more.jsonl"
"$BIN/dateline-index" -q --db "$db" "$WORK/more.jsonl" || fail "indexing 100 more articles failed"
echo '{"query": "", "limit": 1}' >&7
exec 7>&-
wait "$follower" || fail "the following batch failed: $(cat "$WORK/follow.err")"
"$py" - "$WORK/follow.out" "$n" <<'PY' || fail "the --batch reader did not follow the commit"
import json, sys
totals = [json.loads(l)["total"] for l in open(sys.argv[1]) if l.strip()]
n = int(sys.argv[2])
assert totals == [n, n + 100], f"batch totals {totals}, expected {[n, n + 100]}"
PY
echo ok
