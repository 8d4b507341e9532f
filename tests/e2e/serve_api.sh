# dateline-serve HTTP API end to end (query/serve/API.md) against dateline-query on the same database:
# search (GET, POST), batch, timeline, stats, every error code, limits, hostile requests, headers,
# CORS, tokens, --bind, articles, export, suggest, health, the access log, SIGTERM in flight.
# Sample corpus always; Reuters-21578 from ../shared when present. See serve_api.py.
source "$(dirname "$0")/lib.bash"
[[ -x $BIN/dateline-serve ]] || skip "dateline-serve is not built"
py=/usr/bin/python3; [[ -x $py ]] || py=python3 # the system's: starts fast (no version shims)
export BIN SRC SHARED
"$py" -B "$SRC/tests/e2e/serve_api.py" "$WORK"
