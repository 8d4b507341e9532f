# Helpers for the end-to-end tests (sourced, not a test itself).
# Environment from CTest: BIN (the binaries), SRC (source tree), SHARED (../shared).
set -euo pipefail
: "${BIN:?}" "${SRC:?}" "${SHARED:=}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dateline-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*" >&2; exit 77; }
need_shared() { [[ -n "$SHARED" && -d "$SHARED/corpora" ]] || skip "needs ../shared/corpora"; }

# expect_exit CODE CMD...: runs CMD, fails unless it exits with CODE. Output in $WORK/out, $WORK/err.
expect_exit() {
  local want=$1; shift
  set +e
  "$@" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  set -e
  [[ $got -eq $want ]] || { cat "$WORK/err" >&2; fail "exit $got, expected $want: $*"; }
}

# json_check QUERY PYTHON_EXPR: runs a JSON query on $db and checks EXPR over its result `r`.
json_check() {
  expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --limit 20 "$1"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2]) else 1)' \
    "$WORK/out" "$2" || fail "query '$1': expected $2, got $(cat "$WORK/out")"
}
