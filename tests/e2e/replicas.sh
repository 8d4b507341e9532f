# Read replicas through xapian-replicate-server and xapian-replicate on loopback (replicas.py).
source "$(dirname "$0")/lib.bash"
[[ -x $BIN/dateline-serve ]] || skip "dateline-serve is not built"
py=/usr/bin/python3; [[ -x $py ]] || py=python3
export BIN SRC SHARED
"$py" -B "$SRC/tests/e2e/replicas.py" "$WORK"
