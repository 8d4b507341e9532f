# dateline-serve under 32 parallel clients: every answer equals the same request answered alone
# before. Sample corpus always; Reuters-21578 from ../shared when present. See serve_concurrency.py.
source "$(dirname "$0")/lib.bash"
[[ -x $BIN/dateline-serve ]] || skip "dateline-serve is not built"
py=/usr/bin/python3; [[ -x $py ]] || py=python3 # the system's: starts fast (no version shims)
export BIN SRC SHARED
"$py" -B "$SRC/tests/e2e/serve_concurrency.py" "$WORK"
