# Hostile folders: unreadable files and folders, symbolic link loops (two links pointing at each
# other, a link to its own folder's parent), broken links, a fifo. Each problem is named with the
# reason, everything readable is indexed, nothing hangs. Tests run as root in CI and chmod does not
# stop root: the indexer then runs as nobody (setpriv), so file modes apply.
source "$(dirname "$0")/lib.bash"
source "$(dirname "$0")/hostile_lib.bash"
run_as=()
if [[ $(id -u) -eq 0 ]]; then
  if command -v setpriv >/dev/null; then
    run_as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  elif command -v runuser >/dev/null; then
    run_as=(runuser -u nobody --)
  else
    skip "running as root without setpriv or runuser: cannot drop privileges to make files unreadable"
  fi
fi
chmod 755 "$WORK"
in=$WORK/in
mkdir -p "$in/sub/deeper" "$in/locked" "$WORK/db"
chmod 777 "$WORK/db"
article() { printf '{"id":"%s","title":"%s","body":"%s about the harbour."}\n' "$1" "$2" "$2"; }
article top "Top level file" >"$in/a.jsonl"
article sub "Sub folder file" >"$in/sub/b.jsonl"
article deeper "Deeper folder file" >"$in/sub/deeper/c.jsonl"
article locked "Locked folder file" >"$in/locked/d.jsonl"
article unreadable "Unreadable file" >"$in/unreadable.jsonl"
chmod 000 "$in/unreadable.jsonl" "$in/locked"
ln -s loop-b "$in/loop-a"
ln -s loop-a "$in/loop-b"
ln -s nowhere "$in/dangling.jsonl"
ln -s .. "$in/sub/up"           # a folder link back up: not followed (it would loop)
ln -s ../a.jsonl "$in/sub/link.jsonl" # a file link: read
mkfifo "$in/fifo.jsonl"         # would block a reader: skipped in folder walks

db=$WORK/db/x
measured "hostile folder" 4 timeout 60 "${run_as[@]}" "$BIN/dateline-index" --db "$db" "$in" "$in/loop-a" "$in/unreadable.jsonl"
reported "$in/locked:" "cannot read folder: Permission denied"
reported "$in/unreadable.jsonl:" "cannot open: Permission denied"
reported "$in/loop-a:" "symbolic link loop"
reported "$in/loop-b:" "symbolic link loop"
reported "$in/dangling.jsonl:" "broken symbolic link"
[[ $(grep -c "unreadable.jsonl: cannot open" "$WORK/err") -eq 2 ]] || fail "unreadable file: found and named, reported twice"
! grep -q "fifo" "$WORK/err" || fail "fifo: $(cat "$WORK/err")"
! grep -q "sub/up" "$WORK/err" || fail "folder link: $(cat "$WORK/err")"
ids_are harbour top sub deeper
[[ $(grep -c "^dateline-index: $in" "$WORK/err") -eq 7 ]] || fail "exactly seven problems: $(cat "$WORK/err")"
echo ok
