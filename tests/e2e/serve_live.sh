# dateline-serve while dateline-index writes: the next request sees each commit (no restart),
# /api/health revision grows, answers are always committed states. See serve_live.py.
source "$(dirname "$0")/lib.bash"
[[ -x $BIN/dateline-serve ]] || skip "dateline-serve is not built"
py=/usr/bin/python3; [[ -x $py ]] || py=python3 # the system's: starts fast (no version shims)
export BIN SRC SHARED
"$py" -B "$SRC/tests/e2e/serve_live.py" "$WORK"
