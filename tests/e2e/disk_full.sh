# Disk full and read-only databases (Reuters-21578 subset, 50 articles per commit). The indexer
# stops with exit 3 and a clear error, and the database is still at its last commit: it passes
# xapian-check and holds whole batches, the first articles of the input in order; the same
# command completes once the problem is gone.
#  - a write that fails: RLIMIT_FSIZE (`ulimit -f`, SIGXFSZ ignored, so a write past the limit
#    fails with EFBIG, as a full disk's ENOSPC), at three sizes that fail at different moments;
#  - a real full disk: a 3 MiB tmpfs in a private mount namespace, when mounting is permitted;
#  - a read-only database: privileges dropped to nobody (root ignores file modes), and a
#    read-only bind mount when mounting is permitted.
source "$(dirname "$0")/lib.bash"
need_shared
corpus=$SHARED/corpora/reuters21578/reuters21578.jsonl.gz
[[ -f $corpus ]] || skip "needs $corpus"
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3; [[ -x $py ]] || py=python3 # the system's: starts fast (no version shims)
prefix() { "$py" "$here/db_prefix.py" "$@"; }
chmod 755 "$WORK" # readable by the unprivileged user below
"$py" - "$corpus" "$WORK" <<'PY'
import gzip, json, sys
corpus, work = sys.argv[1], sys.argv[2]
lines = gzip.open(corpus, "rt", encoding="utf-8").read().splitlines()[:1500]
open(f"{work}/in.jsonl", "w", encoding="utf-8").write("\n".join(lines) + "\n")
open(f"{work}/in.ids", "w").write("\n".join(json.loads(l)["id"] for l in lines) + "\n")
PY
n=$(wc -l <"$WORK/in.ids")
batch=50

# check_stopped DB REASON: exit 3 (in $status), REASON and the last commit named, no crash, and
# the database holds whole batches, as many as the message says.
check_stopped() {
  [[ $status -eq 3 ]] || { cat "$WORK/err" >&2; fail "$2: exit $status, expected 3"; }
  grep -q "$2" "$WORK/err" || fail "reason '$2' not given: $(cat "$WORK/err")"
  ! grep -q "terminate called\|Aborted\|Segmentation" "$WORK/err" || fail "crash: $(cat "$WORK/err")"
  said=$(sed -n 's/.*left at its last commit (\([0-9]*\) articles).*/\1/p' "$WORK/err")
  [[ -n $said ]] || fail "the last commit is not named: $(cat "$WORK/err")"
  m=$(prefix "$1" "$WORK/in.ids" --batch "$batch" --exact "$said") || fail "$2: database"
}

# Writes that fail with EFBIG (file size limit, in KiB), at three moments of the run.
for limit in 600 1500 3000; do
  db=$WORK/db-$limit
  set +e
  (trap '' XFSZ; ulimit -f "$limit"; exec "$BIN/dateline-index" --db "$db" --batch "$batch" "$WORK/in.jsonl") \
    >"$WORK/out" 2>"$WORK/err"
  status=$?
  set -e
  check_stopped "$db" "File too large"
  echo "file size limit ${limit} KiB: stopped with $m articles committed"
done
# The same command without the limit finishes the job.
expect_exit 0 "$BIN/dateline-index" --db "$WORK/db-600" --batch "$batch" "$WORK/in.jsonl"
prefix "$WORK/db-600" "$WORK/in.ids" --exact "$n" >/dev/null || fail "re-run after the limit"

# A full disk: a small tmpfs in a private mount namespace (root, or an unprivileged user namespace).
ns=()
if unshare -m true 2>/dev/null; then ns=(unshare -m); elif unshare -rm true 2>/dev/null; then ns=(unshare -rm); fi
if [[ ${#ns[@]} -gt 0 ]] && "${ns[@]}" sh -c "mount -t tmpfs -o size=1m tmpfs '$WORK'" 2>/dev/null; then
  mkdir -p "$WORK/full"
  set +e
  "${ns[@]}" bash -c '
    mount -t tmpfs -o size=3m tmpfs "$1" || exit 99
    "$2/dateline-index" --db "$1/db" --batch "$3" "$4" >"$5/out" 2>"$5/err"
    echo $? >"$5/status"
    "$6" "$7" "$1/db" "$5/in.ids" --batch "$3" >"$5/count" 2>"$5/count.err"' _ \
    "$WORK/full" "$BIN" "$batch" "$WORK/in.jsonl" "$WORK" "$py" "$here/db_prefix.py"
  set -e
  status=$(cat "$WORK/status")
  [[ $status -eq 3 ]] || { cat "$WORK/err" >&2; fail "full disk: exit $status, expected 3"; }
  grep -q "No space left on device" "$WORK/err" || fail "full disk: $(cat "$WORK/err")"
  ! grep -q "terminate called\|Aborted" "$WORK/err" || fail "crash: $(cat "$WORK/err")"
  [[ -s $WORK/count ]] || fail "full disk: database: $(cat "$WORK/count.err")"
  said=$(sed -n 's/.*left at its last commit (\([0-9]*\) articles).*/\1/p' "$WORK/err")
  [[ $(cat "$WORK/count") == "$said" ]] || fail "full disk: $(cat "$WORK/count") articles, the message says $said"
  echo "full disk (3 MiB tmpfs): stopped with $said articles committed"
else
  echo "note: mounting a tmpfs is not permitted here; the full disk is covered by the file size limit above"
fi

# A read-only database: a complete one, written by root, opened by an unprivileged user.
db=$WORK/db-600 # complete (re-run above)
if [[ $(id -u) -eq 0 ]]; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  command -v setpriv >/dev/null || as_user=(runuser -u nobody --)
else
  as_user=()
  chmod a-w "$db"
fi
set +e
"${as_user[@]}" "$BIN/dateline-index" --db "$db" --batch "$batch" --force "$WORK/in.jsonl" >"$WORK/out" 2>"$WORK/err"
status=$?
set -e
[[ ${#as_user[@]} -gt 0 ]] || chmod u+w "$db"
check_stopped "$db" "cannot write the database"
! grep -q "locked by another indexer" "$WORK/err" || fail "read-only is not a lock: $(cat "$WORK/err")"
[[ $m -eq $n ]] || fail "read-only database changed"
echo "read-only (unprivileged user): refused, $m articles kept"

# A read-only bind mount, when mounting is permitted.
if [[ ${#ns[@]} -gt 0 ]] && "${ns[@]}" sh -c "mount --bind '$db' '$db' && mount -o remount,bind,ro '$db'" 2>/dev/null; then
  set +e
  "${ns[@]}" sh -c 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && exec "$2/dateline-index" --db "$1" --force "$3"' _ \
    "$db" "$BIN" "$WORK/in.jsonl" >"$WORK/out" 2>"$WORK/err"
  status=$?
  set -e
  check_stopped "$db" "Read-only file system"
  [[ $m -eq $n ]] || fail "read-only mount: database changed"
  echo "read-only bind mount: refused, $m articles kept"
else
  echo "note: bind mounts are not permitted here; read-only covered by the unprivileged user above"
fi
echo ok
