# --version on every binary (the project version from CMake, the git description of the build,
# the libraries in use) and DATELINE_DB as the default --db of dateline-index, dateline-query and
# dateline-serve; a missing database names where its path came from.
source "$(dirname "$0")/lib.bash"
version=$(sed -n 's/^project(dateline VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")
[[ -n $version ]] || fail "no project version in CMakeLists.txt"
for b in dateline-index dateline-query dateline-serve; do
  expect_exit 0 "$BIN/$b" --version
  head -1 "$WORK/out" | grep -Eq "^$b $version \(git [0-9a-f]{7,}.*\)$|^$b $version \(git unknown\)$" ||
    fail "$b --version: first line '$(head -1 "$WORK/out")'"
  grep -Eq '^Xapian 1\.[0-9]+\.[0-9]+$' "$WORK/out" || fail "$b --version: no Xapian version: $(cat "$WORK/out")"
  grep -Eq '^libstemmer [0-9]' "$WORK/out" || fail "$b --version: no libstemmer version: $(cat "$WORK/out")"
  [[ ! -s $WORK/err ]] || fail "$b --version wrote to stderr: $(cat "$WORK/err")"
done
expect_exit 0 "$BIN/dateline-index" --version
grep -Eq '^libxml2 2\.[0-9]+\.[0-9]+$' "$WORK/out" || fail "no libxml2 version: $(cat "$WORK/out")"
grep -Eq '^libarchive 3\.[0-9]+\.[0-9]+$' "$WORK/out" || fail "no libarchive version: $(cat "$WORK/out")"
# --version needs no database, even where --db is otherwise required.
env -u DATELINE_DB "$BIN/dateline-query" --version >/dev/null || fail "query --version without a database"

# DATELINE_DB: the default database of the indexer and of the query side.
export DATELINE_DB=$WORK/env.db
expect_exit 0 "$BIN/dateline-index" -q "$SRC/corpora/sample/articles.jsonl"
[[ -f $WORK/env.db/iamglass || -d $WORK/env.db ]] || fail "DATELINE_DB not written"
expect_exit 0 "$BIN/dateline-query" --format json --limit 1 'tag:grain'
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d["total"] > 0 else 1)' \
  "$WORK/out" || fail "query through DATELINE_DB found nothing: $(cat "$WORK/out")"
# --db wins over the environment.
expect_exit 0 "$BIN/dateline-index" -q --db "$WORK/other.db" "$SRC/corpora/sample/articles.jsonl"
expect_exit 0 "$BIN/dateline-query" --db "$WORK/other.db" --stats
# A missing database: the clear error, naming DATELINE_DB as the path's origin; exit 3.
DATELINE_DB=$WORK/missing.db expect_exit 3 "$BIN/dateline-query" wheat
grep -q "cannot open database $WORK/missing.db: no such file or directory (the path is \$DATELINE_DB's)" \
  "$WORK/err" || fail "missing DATELINE_DB database: $(cat "$WORK/err")"
expect_exit 3 "$BIN/dateline-query" --db "$WORK/missing.db" wheat
! grep -q DATELINE_DB "$WORK/err" || fail "--db path said to come from DATELINE_DB: $(cat "$WORK/err")"
# Neither --db nor DATELINE_DB: usage errors that say both ways.
unset DATELINE_DB
expect_exit 2 "$BIN/dateline-query" wheat
grep -q "give --db DIR or set DATELINE_DB" "$WORK/err" || fail "query without a database: $(cat "$WORK/err")"
expect_exit 2 "$BIN/dateline-index" "$SRC/corpora/sample/articles.jsonl"
grep -q "set DATELINE_DB" "$WORK/err" || fail "index without a database: $(cat "$WORK/err")"
expect_exit 2 "$BIN/dateline-serve" --port 0
grep -q "give --db DIR or set DATELINE_DB" "$WORK/err" || fail "serve without a database: $(cat "$WORK/err")"
# dateline-serve takes DATELINE_DB as its --db.
DATELINE_DB=$WORK/env.db "$BIN/dateline-serve" --port 0 --quiet 2>"$WORK/serve.err" &
pid=$!
for _ in $(seq 100); do grep -q listening "$WORK/serve.err" && break; sleep 0.05; done
kill -TERM "$pid"; wait "$pid" || true
grep -q "listening on http://127.0.0.1:[0-9]* ($WORK/env.db" "$WORK/serve.err" ||
  fail "serve with DATELINE_DB: $(cat "$WORK/serve.err")"
echo ok
